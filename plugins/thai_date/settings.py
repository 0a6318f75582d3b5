"""Defaults of the thai_date plugin, applied once when Pelican starts (`initialized`).

Every setting starts with THAI_DATE_; plugins/thai_date/README.md documents each one.
"""

from __future__ import annotations

import logging

from .formats import DEFAULT_TIMEZONE, DIGITS

logger = logging.getLogger(__name__)

DEFAULTS = {
    # "arabic" shows 25 มีนาคม 2565, "thai" shows ๒๕ มีนาคม ๒๕๖๕.
    "THAI_DATE_DIGITS": "arabic",
    # Per-year archive pages, by B.E. year; "" for SAVE_AS turns them off.
    "THAI_DATE_YEAR_ARCHIVE_URL": "archives/{be_year}/",
    "THAI_DATE_YEAR_ARCHIVE_SAVE_AS": "archives/{be_year}/index.html",
    # Articles dated in the future are not published until a build after that moment.
    "THAI_DATE_HOLD_FUTURE": True,
    # The rule "date" warns about a date before this C.E. year (a mistyped year).
    "THAI_DATE_OLDEST_YEAR": 2000,
    # The rule "date" warns about a date more than this many days ahead.
    "THAI_DATE_FUTURE_DAYS": 366,
}
# Old name -> new name: still read, with a warning.
RENAMED = {"CHECK_OLDEST_YEAR": "THAI_DATE_OLDEST_YEAR", "CHECK_FUTURE_DAYS": "THAI_DATE_FUTURE_DAYS"}


def with_defaults(settings: dict) -> dict:
    """Return the values to add to `settings`: every missing default, and fixes for bad values."""
    from content_guard.settings import renamed_values

    added = renamed_values(settings, RENAMED, "thai_date")
    added.update({key: value for key, value in DEFAULTS.items() if key not in settings and key not in added})
    digits = settings.get("THAI_DATE_DIGITS", DEFAULTS["THAI_DATE_DIGITS"])
    if digits not in DIGITS:
        logger.warning(
            "pelicanconf.py: THAI_DATE_DIGITS ต้องเป็น %s ไม่ใช่ %r จึงใช้ \"arabic\" / "
            "THAI_DATE_DIGITS must be one of %s, not %r; using \"arabic\"",
            " หรือ ".join(DIGITS),
            digits,
            ", ".join(DIGITS),
            digits,
        )
        added["THAI_DATE_DIGITS"] = "arabic"
    for key in ("THAI_DATE_YEAR_ARCHIVE_URL", "THAI_DATE_YEAR_ARCHIVE_SAVE_AS"):
        value = settings.get(key, DEFAULTS[key])
        if value and "{be_year}" not in value:
            raise ValueError(
                f"{key} = {value!r} must contain {{be_year}}, e.g. {DEFAULTS[key]!r}, "
                "or be \"\" to turn the year archives off"
            )
    if not settings.get("TIMEZONE"):
        added["TIMEZONE"] = DEFAULT_TIMEZONE
    return added


def apply_defaults(pelican) -> None:
    """`initialized` handler: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
