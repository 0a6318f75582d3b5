"""Thai display of dates, without any locale: B.E. years, Thai month and day names, Thai digits.

Pure functions (no Pelican import); the Jinja filters in `jinja.py` are thin wrappers.

    >>> from datetime import datetime
    >>> d = datetime(2022, 3, 25, 9, 0)
    >>> thai_date(d, "long"), thai_date(d, "short")
    ('25 มีนาคม 2565', '25 มี.ค. 65')
    >>> thai_date(d, "full")
    'วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565'
    >>> thai_date(d, "time", digits="thai")
    '๒๕ มีนาคม ๒๕๖๕ เวลา ๐๙.๐๐ น.'
    >>> iso_datetime(d)
    '2022-03-25T09:00:00+07:00'
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from zoneinfo import ZoneInfo

BE_OFFSET = 543
DEFAULT_TIMEZONE = "Asia/Bangkok"

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
# Monday first, as datetime.weekday() counts.
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

ARABIC_DIGITS = "0123456789"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TO_THAI_DIGITS = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
TO_ARABIC_DIGITS = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

DIGITS = ("arabic", "thai")


def _long(d) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year + BE_OFFSET}"


def _clock(d) -> str:
    return f"{d.hour:02d}.{d.minute:02d} น."


# name -> (function, example for 2022-03-25 09:00); the examples are the documentation.
FORMATS = {
    "long": (_long, "25 มีนาคม 2565"),
    "full": (
        lambda d: f"วัน{WEEKDAYS[d.weekday()]}ที่ {d.day} {MONTHS[d.month - 1]} พ.ศ. {d.year + BE_OFFSET}",
        "วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565",
    ),
    "short": (
        lambda d: f"{d.day} {MONTHS_SHORT[d.month - 1]} {(d.year + BE_OFFSET) % 100:02d}",
        "25 มี.ค. 65",
    ),
    "time": (lambda d: f"{_long(d)} เวลา {_clock(d)}", "25 มีนาคม 2565 เวลา 09.00 น."),
    "month": (lambda d: f"{MONTHS[d.month - 1]} {d.year + BE_OFFSET}", "มีนาคม 2565"),
    "clock": (_clock, "09.00 น."),
}


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits 0-9 with Thai digits ๐-๙."""
    return str(text).translate(TO_THAI_DIGITS)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits ๐-๙ with Arabic digits 0-9."""
    return str(text).translate(TO_ARABIC_DIGITS)


def local_time(value, timezone: str = DEFAULT_TIMEZONE):
    """An aware datetime is shown in the site's zone; a naive one is taken as already local."""
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        try:
            return value.astimezone(ZoneInfo(timezone))
        except OverflowError:  # datetime.max, which Pelican gives undated drafts
            return value
    return value


def _is_date(value) -> bool:
    return isinstance(value, _dt.date)


def thai_date(value, fmt: str = "long", digits: str = "arabic", timezone: str = DEFAULT_TIMEZONE) -> str:
    """Format a date or datetime in Thai with a B.E. year; "" for a missing date.

    `fmt` is one of FORMATS (long, full, short, time, month, clock); `digits` is "arabic" or "thai".
    A format name that does not exist raises ValueError naming the formats that do.
    """
    if fmt not in FORMATS:
        raise ValueError(
            f"thai_date: ไม่มีรูปแบบ {fmt!r} / unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
        )
    if digits not in DIGITS:
        raise ValueError(f"thai_date: digits must be one of {', '.join(DIGITS)}, not {digits!r}")
    if not _is_date(value):
        return ""
    return _thai_date(value, fmt, digits, timezone)


@lru_cache(maxsize=16_384)
def _thai_date(value, fmt: str, digits: str, timezone: str) -> str:
    """`thai_date` of a date, remembered per value (list pages show the same dates again).
    Equal values are the same moment, which the site's zone shows the same way."""
    text = FORMATS[fmt][0](local_time(value, timezone))
    return to_thai_digits(text) if digits == "thai" else text


def be_year(value, timezone: str = DEFAULT_TIMEZONE):
    """The Buddhist-era year (C.E. + 543) of a date or datetime, as an int; None for a missing date."""
    if not _is_date(value):
        return None
    return local_time(value, timezone).year + BE_OFFSET


def iso_datetime(value, timezone: str = DEFAULT_TIMEZONE) -> str:
    """ISO 8601 in the C.E. calendar with the site's UTC offset, for machines; "" for no date.

    A naive datetime is taken as local time in `timezone`; an aware one is converted to it.
    A plain date gives "YYYY-MM-DD". Remembered per value: list pages ask again for the same
    dates (Pelican's SafeDatetime makes each conversion slow).
    """
    if isinstance(value, _dt.date):
        return _iso_datetime(value, timezone)
    return ""


@lru_cache(maxsize=16_384)
def _iso_datetime(value, timezone: str) -> str:
    if isinstance(value, _dt.datetime):
        zone = ZoneInfo(timezone)
        try:
            aware = value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
        except OverflowError:  # datetime.max, which Pelican gives undated drafts
            aware = value
        return aware.replace(microsecond=0).isoformat()
    return value.isoformat()
