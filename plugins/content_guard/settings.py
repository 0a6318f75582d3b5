"""Defaults of the content_guard plugin, applied once when Pelican starts (`initialized`).

Every setting starts with GUARD_; plugins/content_guard/README.md documents each one.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# name -> (default, description); README.md documents the same table.
DEFAULTS = {
    "GUARD_MAX_FILE_BYTES": (
        2_000_000,
        "A content file larger than this many bytes is refused (ERROR) instead of being read.",
    ),
    "GUARD_METADATA_KEYS": (
        [
            "title", "date", "modified", "category", "tags", "slug", "summary", "author",
            "authors", "gallery", "cover", "status", "lang", "translation", "template",
            "save_as", "url", "feed_id",
        ],
        "Metadata keys an author may write; any other key gets a WARNING with the nearest match.",
    ),
    "GUARD_EXTRA_METADATA_KEYS": (
        [],
        "More metadata keys to accept (for a theme or plugin that reads them).",
    ),
    "GUARD_VIDEO_EMBEDS": (
        True,
        "Turn YouTube and Facebook video iframes into a link that loads nothing until clicked; "
        "False removes them like any other iframe.",
    ),
    "GUARD_CHECK_LINKS": (
        True,
        "After the build, warn about links and images in content that lead to no file of the output.",
    ),
}


def with_defaults(settings: dict) -> dict:
    """Return the values to add to `settings`: every missing default, and fixes for bad values."""
    added = {}
    for name, (default, _description) in DEFAULTS.items():
        if name not in settings:
            added[name] = list(default) if isinstance(default, list) else default
            continue
        value = settings[name]
        ok = isinstance(value, type(default)) or (
            isinstance(default, list) and isinstance(value, tuple)
        )
        if isinstance(default, int) and not isinstance(default, bool):
            ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        if not ok:
            logger.warning(
                "pelicanconf.py: ค่า %s ไม่ถูกต้อง (%r) จึงใช้ค่าเริ่มต้น %r / "
                "%s has a bad value %r; using the default %r",
                name, value, default, name, value, default,
            )
            added[name] = list(default) if isinstance(default, list) else default
    return added


def apply_defaults(pelican) -> None:
    """`initialized` handler: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
