"""Settings of the render_cache plugin, applied once on `initialized`.

Every setting starts with RENDER_CACHE_; README.md documents each one.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Keep what `render_once` drew (news cards) and reuse it on every page of the same build.
    "RENDER_CACHE_FRAGMENTS": True,
    # Most fragments kept in one build; when full, the memo starts again empty.
    "RENDER_CACHE_MAX_FRAGMENTS": 50_000,
    # Compute each article's and page's `url` once, after every generator has finished.
    "RENDER_CACHE_URLS": True,
}

_CHECKS = {
    "RENDER_CACHE_FRAGMENTS": lambda v: isinstance(v, bool),
    "RENDER_CACHE_MAX_FRAGMENTS": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
    "RENDER_CACHE_URLS": lambda v: isinstance(v, bool),
}


def with_defaults(settings: dict) -> dict:
    """The values to add to (or replace in) `settings`: missing defaults and bad values fixed.

    A bad value warns and falls back to the default; the user's own dict is never edited.
    """
    added = {}
    for name, default in DEFAULTS.items():
        if name not in settings:
            added[name] = default
        elif not _CHECKS[name](settings[name]):
            logger.warning(
                "pelicanconf.py: %s = %r ใช้ไม่ได้ จึงใช้ค่าเริ่มต้น %r / %s = %r is not valid, "
                "using the default %r (see plugins/render_cache/README.md)",
                name, settings[name], default, name, settings[name], default,
            )
            added[name] = default
    return added


def apply_defaults(pelican) -> None:
    """`initialized`: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
