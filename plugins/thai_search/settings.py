"""Settings of the thai_search plugin: one table of defaults, applied once per build.

Every name starts with `SEARCH_`. `apply_defaults` returns a new dict (the user's own settings are
never changed in place); a value of the wrong type is reported and replaced by its default.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# name -> (default, description); the README documents the same table.
DEFAULTS = {
    "SEARCH_ENABLED": (True, "Build the Pagefind index after the site is written."),
    "SEARCH_URL": ("search/", "URL of the search page, relative to SITEURL."),
    "SEARCH_BUNDLE_DIR": ("pagefind", "Folder of the output that receives the search index."),
    "SEARCH_LANGUAGE": ("th", "Language the whole site is indexed as (one index, Thai segmentation)."),
    "SEARCH_EXCLUDE_SELECTORS": (
        ["nav", "footer", "aside", "form", ".share", ".breadcrumbs", ".kicker", ".article-meta",
         ".tags-label"],
        "CSS selectors inside the indexed <article> that are left out of the index.",
    ),
    "SEARCH_KEEP_PAGEFIND_UI": (False, "Keep Pagefind's own UI files (our UI does not use them)."),
}


def apply_defaults(settings: dict) -> dict:
    """Return a copy of `settings` with every missing or malformed SEARCH_* setting defaulted."""
    merged = dict(settings)
    for name, (default, _description) in DEFAULTS.items():
        if name not in merged:
            merged[name] = _copy(default)
            continue
        value = merged[name]
        if not isinstance(value, type(default)) and not (
            isinstance(default, list) and isinstance(value, tuple)
        ):
            logger.warning(
                "pelicanconf.py: ค่า %s ต้องเป็น %s แต่ได้ %r จึงใช้ค่าเริ่มต้น %r / "
                "%s must be a %s, got %r; using the default %r",
                name, type(default).__name__, value, default,
                name, type(default).__name__, value, default,
            )
            merged[name] = _copy(default)
    merged["SEARCH_URL"] = merged["SEARCH_URL"].lstrip("/")
    merged["SEARCH_BUNDLE_DIR"] = merged["SEARCH_BUNDLE_DIR"].strip("/") or "pagefind"
    return merged


def _copy(value):
    return list(value) if isinstance(value, list) else value
