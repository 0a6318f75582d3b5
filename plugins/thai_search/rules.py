"""thai_search has no content rule; `published(site)` tells the link rule (content_guard) that the
search index is published under THAI_SEARCH_BUNDLE_DIR."""

from __future__ import annotations

RULES = ()


def published(site):
    settings = site.settings
    return [f"{settings['THAI_SEARCH_BUNDLE_DIR'].strip('/')}/*"] if settings["THAI_SEARCH_ENABLED"] else []
