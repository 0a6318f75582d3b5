"""Pelican signal handlers of render_cache; the memo itself is in fragments.py.

Order in a build:
- initialized: defaults, and a fresh, empty memo for this build;
- generator_init: the Jinja global `render_once` (used by the news card macro);
- article_generator_finalized, page_generator_finalized: the slugs of that generator's content
  are final, so each article's and page's `url` is computed once and kept, before the
  all_generators_finalized receivers of other plugins (duplicate check, old addresses, the
  editor's data) ask for every one of them;
- all_generators_finalized: the same for content of any other generator; the memo is emptied
  (nothing drawn before this point is reused);
- finalized: the memo is dropped.
"""

from __future__ import annotations

import logging

from .fragments import FragmentMemo
from .settings import apply_defaults

logger = logging.getLogger(__name__)

_memo: FragmentMemo | None = None  # the build in progress (Pelican runs one build at a time)
_settings: dict = {}

# Figures of the last finished build, for tests: fragments drawn and reused.
LAST_BUILD: dict = {}


def start_build(pelican) -> None:
    global _memo, _settings
    apply_defaults(pelican)
    _settings = pelican.settings
    _memo = FragmentMemo(max_entries=_settings["RENDER_CACHE_MAX_FRAGMENTS"],
                         enabled=_settings["RENDER_CACHE_FRAGMENTS"])


def render_once(*parts, caller):
    """Jinja global: `{% call render_once("card", SITEURL, item, level) %}...{% endcall %}`.

    The body is drawn the first time these parts are seen in this build and reused afterwards.
    Every value the body's output depends on must be among the parts.
    """
    if _memo is None:
        return caller()
    return _memo.once(parts, caller)


def add_globals(generator) -> None:
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["render_once"] = render_once


def _text_content(generators):
    from pelican.contents import Article, Page

    seen = set()
    for generator in generators:
        for name in ("articles", "translations", "drafts", "drafts_translations",
                     "hidden_articles", "hidden_translations", "pages", "hidden_pages",
                     "hidden_translations", "draft_pages", "draft_translations"):
            for item in getattr(generator, name, None) or []:
                if id(item) not in seen and isinstance(item, (Article, Page)):
                    seen.add(id(item))
                    yield item


def freeze_generator_urls(generator) -> None:
    """`article_generator_finalized` / `page_generator_finalized` receiver: `freeze_urls` of one
    generator's content, as soon as its slugs are final."""
    if _memo is not None and _settings["RENDER_CACHE_URLS"]:
        _freeze(_text_content([generator]))


def freeze_urls(generators) -> None:
    """Keep each article's and page's `url` as it is now (slugs are final).

    Pelican formats `ARTICLE_URL` again on every `article.url` (about 20 uses per article in
    list pages, neighbours, related news, feeds and the sitemap). Pelican's own `override_url`
    attribute, which `Content.get_url_setting` returns as it is, holds the value; an article that
    already has one (`URL:` in its metadata) keeps it. `save_as` is left alone: Pelican reads
    `override_save_as` as "may overwrite another file".
    """
    if _memo is None:  # not in a build
        return
    _memo.clear()
    if _settings["RENDER_CACHE_URLS"]:
        _freeze(_text_content(generators))


def _freeze(items) -> None:
    for item in items:
        if not hasattr(item, "override_url"):
            item.override_url = item.url


def end_build(pelican) -> None:
    global _memo
    if _memo is None:
        return
    LAST_BUILD.clear()
    LAST_BUILD.update(fragments_drawn=_memo.misses, fragments_reused=_memo.hits)
    logger.info("render_cache: %d fragments drawn, %d reused", _memo.misses, _memo.hits)
    _memo = None
