"""site_meta has no content rule; `published(site)` tells the link rule (content_guard) what it
writes: sitemap.xml, robots.txt and favicon.ico."""

from __future__ import annotations

RULES = ()


def published(site):
    settings = site.settings
    names = [settings.get("SITE_META_SITEMAP_SAVE_AS"), settings.get("SITE_META_ROBOTS_SAVE_AS")]
    if settings.get("SITE_META_FAVICON_ICO"):
        names.append("favicon.ico")
    return [name for name in names if name]
