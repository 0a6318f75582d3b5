"""The live preview writes the page of the edited release first, before the rest of the site.

A save in the live preview (tools/preview.py) is a Pelican run over the whole site: on 2,000
posts about a second, nearly all of it for pages that did not change, while the writer looks at
the one page they edit. When a save changed the body of one article (published, or a draft
previewed under drafts/) and nothing of its metadata (title, date, category, tags, slug, summary
field, gallery...), that page is written as soon as the run has read the article, and the live
server reloads the browser then:

- the article as just read (every `content_object_init` plugin has run on the new body: word
  breaks, typing-error fixes, reading time);
- with what the last run's generators and whole-site plugins set on it (neighbours, related
  news, URLs, gallery, cover): these depend on the metadata of the articles, which is unchanged;
- with its summary made again from the new body by thai_text's own rule (`set_summary`);
- rendered with the article's template in the last run's context (the other articles, the
  categories and the lists as they were: this edit changed nothing of what they show of others).

The run then goes on as always and writes the page again with the rest of the site. The two are
compared: the live server reloads the browser a second time only if they differ
(tests/authoring/test_early_page.py checks, over every sample release and several kinds of
edit, that they never do). When any condition is not met (more than one file saved, a new or
removed file, changed metadata, a hidden article or a translation, a file with an error, no
earlier run), nothing is written early and the save works as before.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

_MISSING = object()
# Attributes an early page takes from the new reading even where the last run changed them:
# the summary is made again (`set_summary`), the rest belong to the run, not to the article.
_OWN = ("_context", "settings", "metadata", "_summary")


@dataclass
class LastRun:
    """What a finished preview run leaves for the next save's early page."""

    context: dict  # Pelican's shared context at the end of the run
    articles: dict  # source path -> the published article or draft as the run finished it
    listed: list  # the published articles (what Pelican hands a draft's page as all_articles)


@dataclass
class EarlyPage:
    """Offered each article the run reads (`offer`); writes the page of the one edited article.

    `before`: the edited files' content objects as last read (the preview's memory, before it
    forgot them), by path relative to the content folder. `on_written(save_as)` is called once
    the page is in place (the live server reloads the browser then)."""

    last: LastRun | None
    changed: set  # absolute source paths saved since the last run
    before: dict
    output: str
    started: float = field(default_factory=time.perf_counter)
    on_written: object = None
    written: tuple | None = None  # (output name, the bytes written)
    seconds: float | None = None  # from `started` to the page being in place

    def offer(self, generator, kind: str, rel: str, obj) -> None:
        if self.written is not None or self.last is None or kind != "ArticlesGenerator":
            return
        source = getattr(obj, "source_path", None)
        if len(self.changed) != 1 or source not in self.changed:
            return
        try:
            page = self._page(obj, self.last.articles.get(source), self.before.get(rel))
            if page is not None:
                self._write(generator, page)
        except Exception:  # the run goes on and writes the page as always
            logger.debug("early page of %s not written", rel, exc_info=True)

    def _page(self, new, old, before):
        """The article to render: None when the early page could differ from the run's."""
        if old is None or before is None or type(new) is not type(old):
            return None
        if not (new.status == old.status == before.status and new.status in ("published", "draft")):
            return None
        if _plain(new.metadata) != _plain(before.metadata):
            return None
        from thai_text.pelican_hooks import set_summary  # (PLUGIN_PATHS are on sys.path)

        from tools.preview import detached_copy

        page = detached_copy(new, self.last.context)
        for key, value in old.__dict__.items():
            if key in _OWN:
                continue
            as_read = before.__dict__.get(key, _MISSING)
            if as_read is not _MISSING and _same(as_read, value):
                continue  # the run did not change it: the new reading's value stands
            if not _same(new.__dict__.get(key, _MISSING), as_read):
                return None  # set by the run and changed by the edit: only the run knows it
            page.__dict__[key] = value
        # Categories, tags and authors: the run's objects of the same names (it gives them their
        # slugs, thai_text's `set_taxonomy_slugs`; the new reading's still have Pelican's).
        for mapping, last in ((page.__dict__, old.__dict__), (page.metadata, old.metadata)):
            for key, value in list(mapping.items()):
                if _has_wrapper(value) and _plain(last.get(key, _MISSING)) == _plain(value):
                    mapping[key] = last[key]
        return page if set_summary(page) else None

    def _write(self, generator, page) -> None:
        """Render as Pelican's `generate_articles` (or `generate_drafts`) does, with the preview's
        writer, which moves the file into place whole (a browser never reads half a page)."""
        from tools.pelican_adapter import planned_writer_class

        settings = generator.settings
        extra = {"all_articles": self.last.listed} if page.status == "draft" else {}
        writer = planned_writer_class({"plan": None, "atomic": True})(self.output, settings=settings)
        previous = logging.root.manager.disable
        logging.disable(logging.CRITICAL)  # the run logs what this page has to say, once
        try:
            writer.write_file(
                page.save_as, generator.get_template(page.template), self.last.context,
                relative_urls=settings["RELATIVE_URLS"], article=page,
                category=getattr(page, "category", None), override_output=hasattr(page, "override_save_as"),
                url=page.url, blog=True, **extra)
        finally:
            logging.disable(previous)
        with open(os.path.join(self.output, page.save_as), "rb") as handle:
            self.written = (page.save_as, handle.read())
        self.seconds = time.perf_counter() - self.started
        if self.on_written is not None:
            self.on_written(page.save_as)

    def same_as_written(self) -> bool | None:
        """Whether the page on disk now (after the run) is the one written early (None: none was)."""
        if self.written is None:
            return None
        try:
            with open(os.path.join(self.output, self.written[0]), "rb") as handle:
                return handle.read() == self.written[1]
        except OSError:
            return False


def _same(a, b) -> bool:
    if a is b:
        return True
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:
        return False


def _plain(value):
    """`value` for comparing metadata: a category, tag or author by its class and name (the run
    sets their slugs on the objects it read; the new reading's have Pelican's until then)."""
    from pelican.urlwrappers import URLWrapper

    if isinstance(value, URLWrapper):
        return (type(value).__name__, str(value.name))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _has_wrapper(value) -> bool:
    from pelican.urlwrappers import URLWrapper

    if isinstance(value, (list, tuple)):
        return any(isinstance(v, URLWrapper) for v in value)
    return isinstance(value, URLWrapper)
