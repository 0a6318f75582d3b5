"""Read the dates Thai authors write in `Date:` and `Modified:`; refuse everything else clearly.

Accepted (all mean 25 March 2022, 09.00 Bangkok time when a time is given):

    2022-03-25            2565-03-25            (a year of 2400 or more is B.E.)
    25 มีนาคม 2565        25 มี.ค. 2565         25 มีนา 2565          ๒๕ มีนาคม ๒๕๖๕
    25 มีนาคม พ.ศ. 2565   วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565 (the weekday must be right)
    25 March 2022 is not accepted: month names are Thai.

each optionally followed by a time `09:00`, `09.00`, `09.00 น.`, `เวลา 09.00 น.` (seconds allowed,
`09:00:30`); ISO forms may use `T` and end with an offset (`2022-03-25T09:00+07:00`, `...Z`).

Years: 2400-2700 are B.E. (Buddhist era, C.E. + 543), 1900-2100 are C.E.; `พ.ศ.`/`ค.ศ.` before the
year say which calendar it is and must agree. Two-digit years (`25 มี.ค. 65`) are refused: 65 could
be 2565 or 2465 (or C.E. 1965), and the site never guesses; the error suggests the four-digit
B.E. year. Impossible days (30 February, 29 February 2566) and unknown month names are refused.

`parse_date(text)` returns a datetime (naive unless the text has an offset; Pelican then applies
TIMEZONE, Asia/Bangkok) or raises `DateProblem`, whose Thai and English texts say what is wrong.
No Pelican import here.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import difflib
import re

from .formats import BE_OFFSET, MONTHS, MONTHS_SHORT, WEEKDAYS, to_arabic_digits

CE_RANGE = (1900, 2100)
BE_RANGE = (2400, 2700)

ACCEPTED_FORMS = (
    "2565-03-25, 2022-03-25, 25 มีนาคม 2565, 25 มี.ค. 2565, ๒๕ มีนาคม ๒๕๖๕, "
    "วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565"
)
ACCEPTED_TIMES = "09:00, 09.00, 09.00 น."
ACCEPTED = (
    f"รูปแบบที่ใช้ได้ / accepted forms: {ACCEPTED_FORMS} "
    f"(ใส่เวลาต่อท้ายได้ / optionally followed by a time: {ACCEPTED_TIMES})"
)

# Colloquial month names (มีนา, สิงหา) are as unambiguous as the full ones.
_COLLOQUIAL = (
    "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
    "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา",
)


def _month_key(word: str) -> str:
    return re.sub(r"[.\s]", "", word)


MONTH_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate(zip(MONTHS, MONTHS_SHORT, _COLLOQUIAL), start=1):
    for _name in _names:
        MONTH_NUMBERS[_month_key(_name)] = _number
WEEKDAY_NUMBERS = {name: number for number, name in enumerate(WEEKDAYS)}


class DateProblem(ValueError):
    """A date an author wrote that cannot be read; `thai` and `english` explain it and the fix."""

    def __init__(self, value: str, thai: str, english: str):
        self.value = value
        self.thai = thai
        self.english = english
        super().__init__(self.message())

    def message(self, where: str = "") -> str:
        """One log line: where, the value, what is wrong (Thai / English), the accepted forms."""
        prefix = f"{where}: " if where else ""
        return (
            f'{prefix}วันที่ "{self.value}" {self.thai} / Date "{self.value}" {self.english}. '
            f"{ACCEPTED}"
        )


_TIME = r"(?:เวลา\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?(?:\s*น\.?)?"
_OFFSET = r"(?P<offset>Z|[+-]\d{2}:?\d{2})"
ISO = re.compile(
    rf"(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})"
    rf"(?:(?:T|\s*,\s*|\s+){_TIME})?(?:\s*{_OFFSET})?"
)
THAI = re.compile(
    r"(?:วันที่\s*|วัน(?P<weekday>[^\s\d]+?)(?:\s*ที่)?\s*)?(?P<day>\d{1,2})\s*(?P<month>[^\d\s]+)\s*"
    r"(?:(?P<era>พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?(?P<year>\d+)"
    rf"(?:(?:\s*,\s*|\s+){_TIME})?"
)
TWO_DIGIT_ISO = re.compile(r"\d{2}-\d{1,2}-\d{1,2}\b.*")
SLASHED = re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})(?P<rest>.*)")


def _normalise(text: str) -> str:
    text = to_arabic_digits(str(text)).replace("\u200b", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _ce_year(value: str, year: int, era: str | None, raw_year: str) -> int:
    """The C.E. year of `year` as written, or DateProblem."""
    era = _month_key(era) if era else None
    if len(raw_year) <= 2:
        suggestion = 2500 + year
        raise DateProblem(
            value,
            f"ใช้ปีสองหลัก ({raw_year}) ซึ่งอาจหมายถึงหลายปี "
            f"โปรดเขียนปี พ.ศ. ให้ครบสี่หลัก เช่น {suggestion}",
            f"has a two-digit year ({raw_year}), which could mean several years; write the "
            f"four-digit B.E. year, e.g. {suggestion}",
        )
    if era == "พศ" and not BE_RANGE[0] <= year <= BE_RANGE[1]:
        raise DateProblem(
            value,
            f"เขียน พ.ศ. {year} แต่ปี พ.ศ. ต้องอยู่ระหว่าง {BE_RANGE[0]} ถึง {BE_RANGE[1]}",
            f"says B.E. {year}, but a B.E. year must be between {BE_RANGE[0]} and {BE_RANGE[1]}",
        )
    if era == "คศ" and not CE_RANGE[0] <= year <= CE_RANGE[1]:
        raise DateProblem(
            value,
            f"เขียน ค.ศ. {year} แต่ปี ค.ศ. ต้องอยู่ระหว่าง {CE_RANGE[0]} ถึง {CE_RANGE[1]}",
            f"says C.E. {year}, but a C.E. year must be between {CE_RANGE[0]} and {CE_RANGE[1]}",
        )
    if BE_RANGE[0] <= year <= BE_RANGE[1]:
        return year - BE_OFFSET
    if CE_RANGE[0] <= year <= CE_RANGE[1]:
        return year
    raise DateProblem(
        value,
        f"มีปี {year} ซึ่งไม่ใช่ทั้งปี พ.ศ. ({BE_RANGE[0]}-{BE_RANGE[1]}) และปี ค.ศ. "
        f"({CE_RANGE[0]}-{CE_RANGE[1]}) โปรดตรวจตัวเลขปี",
        f"has the year {year}, which is neither a B.E. year ({BE_RANGE[0]}-{BE_RANGE[1]}) nor a "
        f"C.E. year ({CE_RANGE[0]}-{CE_RANGE[1]}); check the year",
    )


def _month_number(value: str, word: str) -> int:
    number = MONTH_NUMBERS.get(_month_key(word))
    if number:
        return number
    close = difflib.get_close_matches(word, list(MONTHS) + list(MONTHS_SHORT), n=1, cutoff=0.6)
    hint_th = f" (หรือหมายถึง \"{close[0]}\")" if close else ""
    hint_en = f' (did you mean "{close[0]}")' if close else ""
    raise DateProblem(
        value,
        f"มีชื่อเดือน \"{word}\" ซึ่งไม่รู้จัก ใช้ได้เช่น มีนาคม หรือ มี.ค.{hint_th}",
        f'has an unknown month name "{word}"; use a Thai month such as มีนาคม or มี.ค.{hint_en}',
    )


def _build(value: str, year: int, month: int, day: int, match: re.Match) -> _dt.datetime:
    if not 1 <= month <= 12:
        raise DateProblem(
            value,
            f"มีเดือนที่ {month} ซึ่งไม่มีจริง (1-12)",
            f"has month {month}, which does not exist (1-12)",
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        shown = f"{day} {MONTHS[month - 1]} {year + BE_OFFSET}"
        raise DateProblem(
            value,
            f"ไม่มีจริง: {MONTHS[month - 1]} {year + BE_OFFSET} มี {days} วัน ({shown} ไม่มีในปฏิทิน)",
            f"does not exist: {MONTHS[month - 1]} {year + BE_OFFSET} (C.E. {year}) has {days} days",
        )
    hour = minute = second = 0
    if match.group("hour") is not None:
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        second = int(match.group("second") or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise DateProblem(
                value,
                f"มีเวลา {match.group('hour')}.{match.group('minute')} ซึ่งไม่มีจริง (00.00-23.59 น.)",
                f"has the time {match.group('hour')}:{match.group('minute')}, which does not exist "
                "(00:00-23:59)",
            )
    tzinfo = None
    offset = match.groupdict().get("offset")
    if offset:
        if offset == "Z":
            tzinfo = _dt.timezone.utc
        else:
            sign = 1 if offset[0] == "+" else -1
            digits = offset[1:].replace(":", "")
            delta = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if delta >= _dt.timedelta(hours=24):
                raise DateProblem(
                    value,
                    f"มีเขตเวลา {offset} ซึ่งไม่มีจริง",
                    f"has the offset {offset}, which does not exist",
                )
            tzinfo = _dt.timezone(sign * delta)
    return _dt.datetime(year, month, day, hour, minute, second, tzinfo=tzinfo)


def parse_date(text) -> _dt.datetime:
    """The moment an author's `Date:`/`Modified:` text means; DateProblem if it cannot be read."""
    value = str(text).strip()
    clean = _normalise(text)
    if not clean:
        raise DateProblem(
            value,
            "ว่างเปล่า โปรดใส่วันที่ หรือลบบรรทัดนี้",
            "is empty; write a date or remove the line",
        )

    match = ISO.fullmatch(clean)
    if match:
        year = _ce_year(value, int(match.group("year")), None, match.group("year"))
        return _build(value, year, int(match.group("month")), int(match.group("day")), match)

    match = THAI.fullmatch(clean)
    if match:
        month = _month_number(value, match.group("month"))
        raw_year = match.group("year")
        if len(raw_year) not in (2, 4):
            raise DateProblem(
                value,
                f"มีปี \"{raw_year}\" ซึ่งไม่ใช่ปีสี่หลัก เช่น 2565",
                f'has the year "{raw_year}", which is not a four-digit year such as 2565',
            )
        year = _ce_year(value, int(raw_year), match.group("era"), raw_year)
        moment = _build(value, year, month, int(match.group("day")), match)
        weekday = match.group("weekday")
        if weekday is not None:
            number = WEEKDAY_NUMBERS.get(weekday)
            actual = WEEKDAYS[moment.weekday()]
            if number is None:
                raise DateProblem(
                    value,
                    f"มีชื่อวัน \"วัน{weekday}\" ซึ่งไม่รู้จัก (วันนั้นคือวัน{actual})",
                    f'has an unknown weekday "วัน{weekday}" (that day is a วัน{actual})',
                )
            if number != moment.weekday():
                raise DateProblem(
                    value,
                    f"ระบุวัน{weekday} แต่วันนั้นคือวัน{actual} โปรดตรวจวันที่",
                    f"says วัน{weekday}, but that day is a วัน{actual} ({moment:%A}); check the date",
                )
        return moment

    if TWO_DIGIT_ISO.fullmatch(clean):
        year = int(clean[:2])
        raise DateProblem(
            value,
            f"ใช้ปีสองหลัก ({clean[:2]}) ซึ่งอาจหมายถึงหลายปี โปรดเขียนปีให้ครบสี่หลัก เช่น {2500 + year}-"
            f"{clean[3:]}",
            f"has a two-digit year ({clean[:2]}), which could mean several years; write a four-digit "
            f"year, e.g. {2500 + year}-{clean[3:]}",
        )
    match = SLASHED.fullmatch(clean)
    if match:
        iso = f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}{match['rest']}"
        raise DateProblem(
            value,
            f"ใช้เครื่องหมาย / ซึ่งอ่านได้สองแบบ (วัน/เดือน หรือ เดือน/วัน) "
            f"ถ้าหมายถึงวัน/เดือน/ปี ให้เขียน {iso}",
            f"uses slashes, which read two ways (day/month or month/day); for day/month/year "
            f"write {iso}",
        )
    raise DateProblem(
        value,
        "ไม่อยู่ในรูปแบบที่อ่านได้",
        "is not in a form the site can read",
    )
