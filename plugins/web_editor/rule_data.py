"""The rule data the editor's checks run on, exported from the functions that own the rules.

The browser cannot run Python, so the build hands it the data each rule is made of, read from
its owner at build time (never copied by hand):

- typing errors: thai_text's `typos.RULES` (pattern, replacement, description);
- dates: thai_date's `parsing` (its regular expressions, month and weekday names, year ranges)
  and `formats` (the B.E. offset, and a pattern for each display format derived from the format
  function itself, verified on several dates); a weekday before a date in the text: thai_date's
  `text_dates` (its pattern and weekday names) and content_guard's code-fence pattern;
- telephone numbers: thai_text's `phones` (the pattern of a written number, the prefixes, the
  messages);
- the date rule's limits (thai_date's THAI_DATE_OLDEST_YEAR, THAI_DATE_FUTURE_DAYS), content_guard's
  statuses, photo_gallery's GALLERY_CAPTION_REQUIRED;
- the site's categories (CATEGORIES) and time zone.

js/dates.js and js/checks.js apply this data with the same steps as the Python functions;
tests/editor/test_rules_agree.py runs both on every content file and on a fixture of bad inputs.
Nothing here imports Pelican.
"""

from __future__ import annotations

import datetime as _dt
import re
from zoneinfo import ZoneInfo

# Python named groups and back-references -> JavaScript.
_NAMED_GROUP = re.compile(r"\(\?P<")
_NAMED_BACKREF = re.compile(r"\(\?P=(\w+)\)")
_BACKREF = re.compile(r"\\(\d)")


def js_pattern(pattern: str) -> str:
    """A Python regular expression in JavaScript syntax (for `new RegExp(source, "u")`).

    Only the constructs our rule patterns use are translated (named groups and their
    back-references); anything else JavaScript reads differently raises ValueError, so a new rule
    cannot be exported wrongly.
    """
    for construct in ("(?i", "(?s", "(?x", "(?m", "\\A", "\\Z", "(?#", "(?<=", "(?<!"):
        if construct in pattern:
            raise ValueError(f"web_editor: cannot export the pattern {pattern!r} to JavaScript ({construct})")
    return _NAMED_GROUP.sub("(?<", _NAMED_BACKREF.sub(r"\\k<\1>", pattern))


def js_replacement(replacement: str) -> str:
    r"""A Python `re.sub` replacement (`\1`) in JavaScript syntax (`$1`)."""
    return _BACKREF.sub(r"$\1", replacement)


def typo_rules() -> list[dict]:
    from thai_text.typos import RULES

    return [
        {"pattern": js_pattern(rule.pattern.pattern), "replacement": js_replacement(rule.replacement),
         "what": rule.what}
        for rule in RULES
    ]


# A moment whose parts are all distinct as text (day 27, month 11, hour 13, minute 48, B.E. 2574),
# used to read each display format's pattern off the format function, and moments to verify it.
_PROBE = _dt.datetime(2031, 11, 27, 13, 48)
_VERIFY = (_dt.datetime(2026, 1, 5, 7, 3), _dt.datetime(2029, 2, 28, 23, 59), _dt.datetime(2024, 12, 1, 0, 0))


def _render(pattern: str, moment: _dt.datetime) -> str:
    from thai_date.formats import BE_OFFSET, MONTHS, MONTHS_SHORT, WEEKDAYS

    be = moment.year + BE_OFFSET
    return (pattern.replace("{weekday}", WEEKDAYS[moment.weekday()]).replace("{day}", str(moment.day))
            .replace("{month}", MONTHS[moment.month - 1]).replace("{month_short}", MONTHS_SHORT[moment.month - 1])
            .replace("{year}", str(be)).replace("{year2}", f"{be % 100:02d}")
            .replace("{hour}", f"{moment.hour:02d}").replace("{minute}", f"{moment.minute:02d}"))


def display_formats() -> dict[str, str]:
    """thai_date's FORMATS as patterns: "full" -> "วัน{weekday}ที่ {day} {month} พ.ศ. {year}".

    Each pattern is read off the format function on a probe date, then checked against the
    function on other dates; a format the patterns cannot express raises ValueError.
    """
    from thai_date.formats import BE_OFFSET, FORMATS, MONTHS, MONTHS_SHORT, WEEKDAYS

    be = _PROBE.year + BE_OFFSET
    parts = [  # longest and most specific first: "2574" before "74"
        (WEEKDAYS[_PROBE.weekday()], "{weekday}"), (MONTHS[_PROBE.month - 1], "{month}"),
        (MONTHS_SHORT[_PROBE.month - 1], "{month_short}"), (str(be), "{year}"), (f"{be % 100:02d}", "{year2}"),
        (str(_PROBE.day), "{day}"), (f"{_PROBE.hour:02d}", "{hour}"), (f"{_PROBE.minute:02d}", "{minute}"),
    ]
    patterns = {}
    for name, (function, _example) in FORMATS.items():
        pattern = function(_PROBE)
        for text, placeholder in parts:
            pattern = pattern.replace(text, placeholder)
        for moment in _VERIFY:
            if _render(pattern, moment) != function(moment):
                raise ValueError(
                    f"web_editor: the thai_date format {name!r} cannot be exported as a pattern "
                    f"({pattern!r} gives {_render(pattern, moment)!r}, not {function(moment)!r})"
                )
        patterns[name] = pattern
    return patterns


def date_rules(settings: dict) -> dict:
    from thai_date import formats, parsing

    zone = ZoneInfo(settings.get("TIMEZONE") or formats.DEFAULT_TIMEZONE)
    offset = _dt.datetime.now(zone).utcoffset() or _dt.timedelta(0)
    return {
        "iso": js_pattern(parsing.ISO.pattern),
        "day_first": js_pattern(parsing.DAY_FIRST.pattern),
        "thai": js_pattern(parsing.THAI.pattern),
        "english": js_pattern(parsing.ENGLISH.pattern),
        "two_digit_iso": js_pattern(parsing.TWO_DIGIT_ISO.pattern),
        "two_digit_be_from": parsing.TWO_DIGIT_BE_FROM,
        "month_numbers": dict(parsing.MONTH_NUMBERS),
        "english_months": list(parsing.ENGLISH_MONTHS),
        "weekdays": list(formats.WEEKDAYS),
        "months": list(formats.MONTHS),
        "months_short": list(formats.MONTHS_SHORT),
        "be_offset": formats.BE_OFFSET,
        "be_range": list(parsing.BE_RANGE),
        "ce_range": list(parsing.CE_RANGE),
        "formats": display_formats(),
        "digits": settings.get("THAI_DATE_DIGITS", "arabic"),
        "utc_offset_minutes": int(offset.total_seconds() // 60),
        "time_zone": str(zone),
    }


def check_rules(settings: dict) -> dict:
    """The limits and lists of the rules, from their owners' settings and defaults."""
    from content_guard.sources import STATUSES
    from photo_gallery.settings import DEFAULTS as GALLERY_DEFAULTS
    from thai_date.settings import DEFAULTS as DATE_DEFAULTS

    return {
        "statuses": list(STATUSES),
        "check": {
            "oldest_year": settings.get("THAI_DATE_OLDEST_YEAR", DATE_DEFAULTS["THAI_DATE_OLDEST_YEAR"]),
            "future_days": settings.get("THAI_DATE_FUTURE_DAYS", DATE_DEFAULTS["THAI_DATE_FUTURE_DAYS"]),
        },
        "captions_required": bool(settings.get("GALLERY_CAPTION_REQUIRED",
                                               GALLERY_DEFAULTS["GALLERY_CAPTION_REQUIRED"][0])),
    }


def text_date_rules() -> dict:
    """thai_date's rule "text-date": its pattern, the weekday numbers it knows (text_dates.py) and
    where a code fence starts (content_guard.sources.FENCE: no date is judged inside code)."""
    from content_guard.sources import FENCE
    from thai_date import text_dates

    return {"pattern": js_pattern(text_dates.TEXT_DATE.pattern), "weekdays": dict(text_dates.WEEKDAY_NUMBERS),
            "fence": js_pattern(FENCE.pattern)}


def phone_rules() -> dict:
    """thai_text's rule "phone" (phones.py `wrong_numbers`): its pattern, what a number by itself
    looks like, the prefixes of fixed lines and mobiles, its messages (in Thai), and where a code
    fence starts (no number is judged inside code)."""
    from content_guard.sources import FENCE
    from thai_text import phones

    return {"pattern": js_pattern(phones.WRITTEN_NUMBER.pattern), "grouped": js_pattern(phones.GROUPED.pattern),
            "fixed": phones.FIXED_PREFIXES, "mobile": phones.MOBILE_PREFIXES,
            "messages": {kind: thai for kind, (thai, _english) in phones.MESSAGES.items()},
            "fence": js_pattern(FENCE.pattern)}


def site_rules(settings: dict) -> dict:
    """Everything js/checks.js needs, as one JSON-ready dict."""
    from thai_date.settings import DEFAULTS as DATE_DEFAULTS

    return {
        "typos": typo_rules(),
        "dates": date_rules(settings),
        "text_dates": text_date_rules(),
        "phones": phone_rules(),
        "categories": list(settings.get("CATEGORIES") or []),
        "hold_future": bool(settings.get("THAI_DATE_HOLD_FUTURE", DATE_DEFAULTS["THAI_DATE_HOLD_FUTURE"])),
        **check_rules(settings),
    }
