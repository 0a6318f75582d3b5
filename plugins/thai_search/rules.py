"""thai_search has no content rule; `published(site)` tells the link rule (content_guard) that the
search index is published under THAI_SEARCH_BUNDLE_DIR (also in a build that skips indexing for
speed, THAI_SEARCH_ENABLED = False: a link's verdict never depends on a speed switch)."""

from __future__ import annotations

RULES = ()


def published(site):
    return [f"{site.settings['THAI_SEARCH_BUNDLE_DIR'].strip('/')}/*"]
