"""Pelican signal handlers of thai_text; the work itself is in segment, markup, typos and slugs.

Order in a build:
- initialized: defaults, site dictionary, segmenter and caches for this build;
- generator_init: Jinja filters `thai_wbr` and `thai_slug`;
- content_object_init (each article and page as it is read): slug from `Slug:` or the file name,
  typing errors fixed in the title, telephone numbers and e-mail addresses as links
  (contact_links.py), `lang` on text in other languages (languages.py), `<wbr>` and fixes in the
  content, reading time;
- article_generator_pretaxonomy: tag and category slugs (before Pelican groups articles by them);
- all_generators_finalized: summaries (every page is read, so links in them resolve);
- finalized: caches written to CACHE_PATH/thai_text; pages for THAI_TEXT_REDIRECTS.
"""

from __future__ import annotations

import logging
from itertools import islice
from pathlib import Path

from markupsafe import Markup, escape

from .contact_links import link_contacts
from .languages import mark_languages, mark_phrase
from .markup import process_html, wbr_text
from .redirects import write_redirects
from .segment import build_segmenter, dictionary_path, read_word_list
from .settings import apply_defaults
from .slugs import SlugMaker, romanized_file, source_slug, unique_slugs, with_suffix
from .summaries import summarize
from .tables import label_cells
from .typos import fix_typos

logger = logging.getLogger(__name__)

# Most results of the `thai_wbr` filter kept (titles, category names, captions).
WBR_MEMO_ENTRIES = 20_000
# The `thai_wbr` results of the last build, with the dictionary and the site's language they were
# made with: a process that builds again (the live preview, the web editor's server) reuses them
# while both are unchanged (the result depends on nothing else).
_WBR_MEMO: dict = {"dictionary": None, "memo": {}}


class ThaiText:
    """Everything one build needs: settings, segmenter, slug maker, slugs already given out."""

    def __init__(self, settings: dict):
        self.settings = settings
        cache_dir = Path(settings.get("CACHE_PATH") or "cache") / "thai_text"
        self.dictionary_path = dictionary_path(settings)
        words = self._site_words()
        persist = settings["THAI_TEXT_CACHE"]
        self.segmenter = build_segmenter(words, cache_dir=cache_dir, persist=persist)
        self.slugs = SlugMaker(
            self.segmenter,
            max_length=settings["THAI_TEXT_SLUG_MAX_LENGTH"],
            fixes=settings["THAI_TEXT_ROMANIZATION"],
            cache_file=romanized_file(settings),
        )
        self.given_slugs: dict[tuple[str, str], str] = {}  # (kind, slug) -> source file
        # The language of the site's pages, for the lang of other scripts in titles and captions.
        self.lang = (settings.get("DEFAULT_LANG") or "th") if settings["THAI_TEXT_LANGUAGES"] else ""
        made_with = (self.segmenter.dictionary_hash, self.lang)
        if _WBR_MEMO["dictionary"] != made_with:
            _WBR_MEMO.update(dictionary=made_with, memo={})
        self.wbr_memo: dict[tuple[str, bool], Markup] = _WBR_MEMO["memo"]  # (text, is Markup) -> result

    def _site_words(self) -> list[str]:
        path = self.dictionary_path
        if not path.exists():
            logger.info("thai_text: no site dictionary at %s; using pythainlp's words only", path)
            return []
        try:
            return read_word_list(path)
        except UnicodeDecodeError as exc:
            logger.error(
                "%s:1: พจนานุกรมของเว็บไซต์ต้องบันทึกเป็น UTF-8 / the site dictionary must be "
                "saved as UTF-8 (%s); save it again as UTF-8",
                _relative(path, self.settings), exc,
            )
            return []

    def wbr(self, text):
        """The `thai_wbr` filter, memoised: list pages show the same titles again, and so does the
        next build in this process (see _WBR_MEMO).

        The key is the text and its type: a `str` is escaped, `Markup` (already HTML) is not, so
        the same characters give different output. A title or caption in another language, or
        Lao, Myanmar or Khmer in one, gets a span with its language (languages.mark_phrase). Anything else (None, objects) is not
        memoised. The memo holds at most WBR_MEMO_ENTRIES results; when full it starts again
        empty, so a huge site costs bounded memory.
        """
        kind = type(text)
        if kind is not str and kind is not Markup:
            return wbr_text(text, self.segmenter)
        key = (str(text), kind is Markup)
        found = self.wbr_memo.get(key)
        if found is None:
            if self.lang:
                html = key[0] if kind is Markup else str(escape(text))
                marked = mark_phrase(html, self.lang)
                if marked != html:
                    text = Markup(marked)
            found = wbr_text(text, self.segmenter)
            if len(self.wbr_memo) >= WBR_MEMO_ENTRIES:
                self.wbr_memo.clear()
            self.wbr_memo[key] = found
        return found

    def slug(self, text) -> str:
        return self.slugs.make_slug(str(text))


_build: ThaiText | None = None  # the build in progress (Pelican runs one build at a time)


def _relative(path, settings) -> str:
    """`path` relative to the project (the folder above PATH), as authors see it: content_guard's
    `display_name`, the one rule every message and rule uses."""
    from content_guard.sources import display_name

    return display_name(path, settings)


def start_build(pelican) -> None:
    global _build
    apply_defaults(pelican)
    _build = ThaiText(pelican.settings)


def add_filters(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None or _build is None:
        return
    env.filters["thai_wbr"] = _build.wbr
    env.filters["thai_slug"] = _build.slug


def _is_text_content(instance) -> bool:
    from pelican.contents import Article, Page

    return isinstance(instance, (Article, Page))


def process_content(instance) -> None:
    if _build is None or not _is_text_content(instance):
        return
    settings = _build.settings
    if settings["THAI_TEXT_SLUGS"]:
        _set_slug(instance)
    if settings["THAI_TEXT_FIX_TYPOS"] and isinstance(getattr(instance, "title", None), str):
        instance.title = fix_typos(instance.title)
    content = getattr(instance, "_content", None)
    words = 0
    if content:
        wbr, fix = settings["THAI_TEXT_WBR"], settings["THAI_TEXT_FIX_TYPOS"]
        # Marked against the site's language, not the page's `Lang:`: every page is Thai around
        # its content (<html lang>, menus), and a summary is shown on Thai list pages.
        lang = (settings.get("DEFAULT_LANG") or "th") if settings["THAI_TEXT_LANGUAGES"] else ""
        contacts = settings["THAI_TEXT_CONTACT_LINKS"]

        def compute(html):
            stats = {"words": 0}
            if contacts:
                html = link_contacts(html)
            if lang:
                html = mark_languages(html, lang)
            result = process_html(html, _build.segmenter, wbr=wbr, fix=fix, stats=stats)
            return (label_cells(result) if wbr else result), stats["words"]

        instance._content, words = _build.segmenter.remember(
            f"page {wbr} {fix} lang={lang} contacts={contacts}", content, compute
        )
    instance.word_count = words
    instance.reading_time = max(1, round(words / settings["THAI_TEXT_WORDS_PER_MINUTE"]))


def _set_slug(instance) -> None:
    """Slug from an explicit `Slug:` or else the file name, never the title."""
    max_length = _build.settings["THAI_TEXT_SLUG_MAX_LENGTH"]
    source = instance.source_path or ""
    relative = _relative(source, _build.settings) if source else ""
    explicit = instance.metadata.get("slug") or ""
    if not explicit and not source:
        return
    slug = source_slug(explicit, source, _build.slug, max_length)
    if not slug:
        slug = with_suffix("", relative or str(instance.title), max_length)
    kind = type(instance).__name__
    owner = _build.given_slugs.setdefault((kind, slug), relative)
    if owner != relative:
        new = with_suffix(slug, relative, max_length)
        logger.warning(
            "%s: slug \"%s\" ซ้ำกับ %s จึงใช้ \"%s\" แทน / slug \"%s\" is already used by %s, "
            "using \"%s\"; give this file its own Slug: to choose the URL",
            relative, slug, owner, new, slug, owner, new,
        )
        slug = new
        _build.given_slugs[(kind, slug)] = relative
    instance.slug = slug


def set_taxonomy_slugs(generator) -> None:
    """Romanised, unique slugs for every tag and category of the articles."""
    if _build is None or not _build.settings["THAI_TEXT_SLUGS"]:
        return
    objects = []
    for name in ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations"):
        for article in getattr(generator, name, []) or []:
            if getattr(article, "category", None) is not None:
                objects.append(article.category)
            objects.extend(getattr(article, "tags", None) or [])
    for kind in ("Category", "Tag"):
        group = [o for o in objects if type(o).__name__ == kind]
        slugs = unique_slugs(
            (o.name for o in group), _build.slug, _build.settings["THAI_TEXT_SLUG_MAX_LENGTH"]
        )
        for obj in group:
            obj.slug = slugs[obj.name]


def _all_content(generators):
    seen = set()
    for generator in generators:
        for name in ("articles", "translations", "drafts", "drafts_translations",
                     "hidden_articles", "hidden_translations", "pages", "translations",
                     "hidden_pages", "hidden_translations", "draft_pages", "draft_translations"):
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen and _is_text_content(item):
                    seen.add(id(item))
                    yield item


def _body(item) -> str:
    """`item.content` (the body with Pelican's intra-site links resolved), without Pelican's pass
    over the whole body when it can hold no such link: a process that builds again and again (the
    live preview) has new content objects each time, and that pass over 2,000 bodies cost about
    0.2 s a save."""
    from content_guard.links import may_hold_intrasite_links

    raw = getattr(item, "_content", None)
    if isinstance(raw, str) and not hasattr(item, "_get_content") and not may_hold_intrasite_links(raw, item.settings):
        return raw
    return item.content


def set_summaries(generators) -> None:
    """Thai-aware summaries: the author's (with <wbr>), or the first N words of the content."""
    if _build is None:
        return
    changed = set()
    for item in _all_content(generators):
        set_summary(item)
        changed.add(id(item))
    if changed:
        from pelican.contents import Content

        cache = Content.get_summary.cache  # memoized by Pelican; drop anything computed early
        for key in [k for k in cache if k and id(k[0]) in changed]:
            del cache[key]


def set_summary(item) -> bool:
    """Set the summary of one article or page, as `set_summaries` does for each; False outside a
    build (nothing set). The live preview calls it for the page it writes first (tools/early_page.py).
    `item.content` resolves Pelican's intra-site links with the item's context."""
    if _build is None:
        return False
    settings = _build.settings
    wbr, fix = settings["THAI_TEXT_WBR"], settings["THAI_TEXT_FIX_TYPOS"]
    given = item.metadata.get("summary")
    if given:
        summary = _build.segmenter.remember(
            f"given summary {wbr} {fix}", given,
            lambda html: process_html(html, _build.segmenter, wbr=wbr, fix=fix))
    else:
        words, suffix = settings["THAI_TEXT_SUMMARY_WORDS"], settings["THAI_TEXT_SUMMARY_SUFFIX"]

        def compute(html):
            cut = summarize(html, _build.segmenter, words, suffix)[0]
            return process_html(cut, _build.segmenter, wbr=wbr, fix=False)

        summary = _build.segmenter.remember(f"summary {words} {suffix} {wbr}", _body(item), compute)
    # Pelican copies `_summary` back into metadata after this signal
    # (Content.refresh_metadata_intersite_links), so both are set.
    item.metadata["summary"] = summary
    item._summary = summary
    return True


# -- a build that reads or writes in two processes (tools/two_readers.py, tools/two_writers.py) ---


def handoff_mark():
    """Before the fork: where the segmentation cache and the `thai_wbr` memo stand (None outside
    a build)."""
    return None if _build is None else (_build.segmenter.mark(), len(_build.wbr_memo))


def handoff_changes(mark):
    """In the forked process: what it added to the segmentation cache and the `thai_wbr` memo
    since `mark`."""
    if _build is None or mark is None:
        return None
    segments, memo = mark
    added = dict(islice(_build.wbr_memo.items(), memo, None)) if len(_build.wbr_memo) >= memo else {}
    return _build.segmenter.changes_since(segments), added


def handoff_take(changes) -> None:
    """In the first process: take the forked one's additions, so that this build saves them and
    a process that builds again (the live preview) finds the other's titles marked up."""
    if _build is not None and changes is not None:
        segments, memo = changes
        _build.segmenter.take(segments)
        for key, value in memo.items():
            if len(_build.wbr_memo) >= WBR_MEMO_ENTRIES:
                break
            _build.wbr_memo.setdefault(key, value)


# Figures of the last finished build, for benchmarks and tests: characters run through the
# segmenter (0 when everything came from the cache).
LAST_BUILD: dict = {}


def finish_build(pelican) -> None:
    global _build
    if _build is None:
        return
    LAST_BUILD.clear()
    LAST_BUILD["segmented_chars"] = _build.segmenter.segmented_chars
    redirects = _build.settings["THAI_TEXT_REDIRECTS"]
    if redirects:
        write_redirects(pelican.output_path, _build.settings.get("SITEURL", ""), redirects)
    logger.info("thai_text: segmented %d characters (the rest came from the cache)",
                _build.segmenter.segmented_chars)
    try:
        _build.segmenter.save()
        _build.slugs.save()
    except OSError as exc:
        logger.warning(
            "thai_text: เขียนแคชไม่ได้ / could not write the cache in %s (%s); the next build "
            "segments everything again", _build.segmenter.cache_dir, exc,
        )
    _build = None
