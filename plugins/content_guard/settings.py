"""Defaults of the content_guard plugin, applied once when Pelican starts (`initialized`).

Every setting starts with CONTENT_GUARD_; plugins/content_guard/README.md documents each one.
`renamed_values` is the one helper every plugin uses to keep reading a setting under its old name.
"""

from __future__ import annotations

import copy
import logging

logger = logging.getLogger(__name__)

# name -> (default, description); README.md documents the same table.
DEFAULTS = {
    "CONTENT_GUARD_MAX_FILE_BYTES": (
        2_000_000,
        "A content file larger than this many bytes is refused (ERROR) instead of being read.",
    ),
    "CONTENT_GUARD_METADATA_KEYS": (
        [
            "title", "date", "modified", "category", "tags", "slug", "summary", "author",
            "authors", "gallery", "cover", "status", "lang", "translation", "template",
            "save_as", "url", "old_url", "guid",
        ],
        "Metadata keys an author may write; any other key gets a WARNING with the nearest match.",
    ),
    "CONTENT_GUARD_EXTRA_METADATA_KEYS": (
        [],
        "More metadata keys to accept (for a theme or plugin that reads them).",
    ),
    "CONTENT_GUARD_VIDEO_EMBEDS": (
        True,
        "Turn YouTube and Facebook video iframes into a link that loads nothing until clicked; "
        "False removes them like any other iframe.",
    ),
    "CONTENT_GUARD_MAX_NESTING": (
        16,
        "Lists or quotes nested deeper than this are refused (ERROR): Markdown would fail on them.",
    ),
    "CONTENT_GUARD_MAX_OPEN_BRACKETS": (
        100,
        "A paragraph with more unclosed `[` than this is refused (ERROR): Markdown would take "
        "minutes to read it.",
    ),
    "CONTENT_GUARD_READ_SECONDS": (
        20,
        "Reading one file may take at most this many seconds; then it is stopped and refused.",
    ),
    "CONTENT_GUARD_CHECK_LINKS": (
        True,
        "Check that every link and image of the content leads to a page or file the site publishes.",
    ),
    "CONTENT_GUARD_MARKDOWN_AS_EDITOR": (
        True,
        "Read Markdown as the web editor's preview does where Python-Markdown alone differs "
        "(writers_markdown.py): hashtags at the start of a line, lists under a line of text, "
        "lists inside items, numbered lists, quotes, line breaks, struck-out text, bare links.",
    ),
}
# Old name -> new name: still read, with a warning.
RENAMED = {name.replace("CONTENT_GUARD_", "GUARD_", 1): name for name in DEFAULTS}


def renamed_values(settings: dict, renamed: dict, plugin: str) -> dict:
    """{new name: value} for each setting written under an old name (and not under its new one),
    with a warning naming both; the dict given is not changed."""
    values = {}
    for old, new in renamed.items():
        if old in settings and new not in settings:
            logger.warning(
                "pelicanconf.py: ค่า %s เปลี่ยนชื่อเป็น %s แล้ว (ยังอ่านชื่อเดิมให้) ให้แก้ชื่อ / "
                "%s is now called %s (plugin %s); the old name is still read, rename it",
                old, new, old, new, plugin,
            )
            values[new] = settings[old]
    return values


def with_defaults(settings: dict) -> dict:
    """Return the values to add to `settings`: renamed settings, every missing default, and
    fixes for bad values. `settings` itself is not changed."""
    added = renamed_values(settings, RENAMED, "content_guard")
    view = {**settings, **added}
    for name, (default, _description) in DEFAULTS.items():
        if name not in view:
            added[name] = list(default) if isinstance(default, list) else default
            continue
        value = view[name]
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
    markdown = as_editor_markdown({**view, **added})
    if markdown is not None:
        added["MARKDOWN"] = markdown
    return added


def as_editor_markdown(settings: dict) -> dict | None:
    """A copy of the MARKDOWN setting with writers_markdown's extension, when the setting
    CONTENT_GUARD_MARKDOWN_AS_EDITOR asks for it and it is not there yet; else None."""
    from .writers_markdown import NAME

    configured = settings.get("MARKDOWN")
    if not settings.get("CONTENT_GUARD_MARKDOWN_AS_EDITOR") or not isinstance(configured, dict):
        return None
    configs = configured.get("extension_configs") or {}
    if NAME in configs or NAME in (configured.get("extensions") or ()):
        return None
    markdown = copy.deepcopy(configured)
    markdown["extension_configs"] = {**configs, NAME: {}}
    return markdown


def apply_defaults(pelican) -> None:
    """`initialized` handler: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
