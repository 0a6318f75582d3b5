"""Settings of the thai_search plugin: one table of defaults, applied once on `initialized`.

Every name starts with `THAI_SEARCH_` (the search page's own URL is the theme's `SEARCH_URL` and
`SEARCH_SAVE_AS`, Pelican's names for the direct template "search"). `with_defaults` returns the
values to add (the user's own settings are never changed in place); a value of the wrong type is
reported and replaced by its default; the old names `SEARCH_*` are still read, with a warning.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# name -> (default, description); the README documents the same table.
DEFAULTS = {
    "THAI_SEARCH_ENABLED": (True, "Build the Pagefind index after the site is written."),
    "THAI_SEARCH_BUNDLE_DIR": ("pagefind", "Folder of the output that receives the search index."),
    "THAI_SEARCH_EXCLUDE_SELECTORS": (
        ["nav", "footer", "aside", "form", ".share", ".breadcrumbs", ".kicker", ".article-meta",
         ".tags-label"],
        "CSS selectors inside the indexed <article> that are left out of the index.",
    ),
    "THAI_SEARCH_KEEP_PAGEFIND_UI": (False, "Keep Pagefind's own UI files (our UI does not use them)."),
}
# Old name -> new name: still read, with a warning.
RENAMED = {name.replace("THAI_SEARCH_", "SEARCH_", 1): name for name in DEFAULTS}
# Settings that no longer exist -> why (said when a site still sets one).
_NOT_SEGMENTED = (
    "ดัชนีค้นหาใช้คำที่ thai_text ตัดไว้เสมอ จึงลบค่านี้ออกจาก pelicanconf.py ได้ / the index always "
    "holds thai_text's words and is never segmented again, so remove it from pelicanconf.py"
)
RETIRED = {"THAI_SEARCH_LANGUAGE": _NOT_SEGMENTED, "SEARCH_LANGUAGE": _NOT_SEGMENTED}


def with_defaults(settings: dict) -> dict:
    """The THAI_SEARCH_* values to add to `settings`: renamed ones, missing or malformed ones."""
    from content_guard.settings import renamed_values

    added = renamed_values(settings, RENAMED, "thai_search")
    view = {**settings, **added}
    for name, why in RETIRED.items():
        if name in settings:
            logger.warning("pelicanconf.py: ไม่ใช้ค่า %s แล้ว / %s is no longer used: %s", name, name, why)
    for name, (default, _description) in DEFAULTS.items():
        if name not in view:
            added[name] = _copy(default)
            continue
        value = view[name]
        if not isinstance(value, type(default)) and not (
            isinstance(default, list) and isinstance(value, tuple)
        ):
            logger.warning(
                "pelicanconf.py: ค่า %s ต้องเป็น %s แต่ได้ %r จึงใช้ค่าเริ่มต้น %r / "
                "%s must be a %s, got %r; using the default %r",
                name, type(default).__name__, value, default,
                name, type(default).__name__, value, default,
            )
            added[name] = _copy(default)
    bundle = {**view, **added}["THAI_SEARCH_BUNDLE_DIR"]
    if bundle.strip("/") != bundle or not bundle:
        added["THAI_SEARCH_BUNDLE_DIR"] = bundle.strip("/") or DEFAULTS["THAI_SEARCH_BUNDLE_DIR"][0]
    return added


def apply_defaults(pelican) -> None:
    """`initialized` handler: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))


def _copy(value):
    return list(value) if isinstance(value, list) else value
