"""Defaults of the site_meta plugin, applied once when Pelican starts.

Every setting starts with SITE_META_; plugins/site_meta/README.md documents each one.
"""

from __future__ import annotations

DEFAULTS = {
    "SITE_META_SITEMAP_SAVE_AS": "sitemap.xml",
    "SITE_META_ROBOTS_SAVE_AS": "robots.txt",
    "SITE_META_ROBOTS_DISALLOW": ("/drafts/",),
    "SITE_META_DEFAULT_IMAGE": "theme/img/og-default.png",
    "SITE_META_DEFAULT_IMAGE_SIZE": (1200, 630),
    "SITE_META_FAVICON_ICO": "img/favicon.ico",
    "SITE_META_RELATED_COUNT": 3,
    # At most this many releases pinned with Featured_until: are the home page's ข่าวเด่น at once.
    "SITE_META_FEATURED_MAX": 3,
    "SITE_META_DESCRIPTION": (
        "ข่าวประชาสัมพันธ์ กิจกรรม และประกาศของศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน "
        "ช่องทางแจ้งเบาะแสการทุจริต สายด่วน 1546"
    ),
}


def base_url(settings: dict) -> str:
    """The absolute address of the site: SITEURL, or SITE_DOMAIN while SITEURL is empty."""
    url = settings.get("SITEURL") or settings.get("SITE_DOMAIN") or ""
    return url.rstrip("/")


def with_defaults(settings: dict) -> dict:
    """Return the values to add to `settings`: every missing default and SITE_META_BASE_URL."""
    added = {key: value for key, value in DEFAULTS.items() if key not in settings}
    if "SITE_META_BASE_URL" not in settings:
        added["SITE_META_BASE_URL"] = base_url(settings)
    return added


def apply_defaults(pelican) -> None:
    """`initialized` handler: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
