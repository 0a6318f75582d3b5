"""Defaults of the attachments plugin, applied once when Pelican starts.

Every setting starts with ATTACHMENTS_; plugins/attachments/README.md documents each one.
"""

from __future__ import annotations

DEFAULTS = {
    # Folder under PATH where the web editor puts each release's documents (one sub-folder per
    # release). This plugin publishes the ones a release lists, at the same path.
    "ATTACHMENTS_DIR": "extra/attachments",
    # File types a release may list (lower case, without the dot), and how the page names each.
    "ATTACHMENTS_TYPES": {
        "pdf": "PDF", "doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel",
        "ppt": "PowerPoint", "pptx": "PowerPoint", "odt": "ODT", "ods": "ODS", "odp": "ODP",
        "csv": "CSV", "zip": "ZIP",
    },
    # The check warns about a document larger than this many megabytes (slow on a phone).
    "ATTACHMENTS_WARN_MB": 20,
}


def with_defaults(settings: dict) -> dict:
    """Return the values to add to `settings`: every missing default, and ATTACHMENTS_DIR in
    STATIC_EXCLUDES (this plugin publishes the documents a release lists, and only those: one a
    writer took off a release is not left at its address)."""
    added = {key: value for key, value in DEFAULTS.items() if key not in settings}
    folder = str(settings.get("ATTACHMENTS_DIR", DEFAULTS["ATTACHMENTS_DIR"])).strip("/")
    excludes = list(settings.get("STATIC_EXCLUDES") or [])
    if folder not in excludes:
        added["STATIC_EXCLUDES"] = [*excludes, folder]
    return added


def apply_defaults(pelican) -> None:
    """`initialized` handler: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
