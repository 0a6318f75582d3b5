"""Read the dates Thai authors write in `Date:` and `Modified:`; refuse everything else clearly.

Accepted (all mean 25 March 2022, 09.00 Bangkok time when a time is given):

    2022-03-25            2565-03-25            (a year of 2400 or more is B.E.)
    25 มีนาคม 2565        25 มี.ค. 2565         25 มีนา 2565          ๒๕ มีนาคม ๒๕๖๕
    25 มีนาคม พ.ศ. 2565   วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565 (the weekday must be right)
    25/03/2565            25/3/65               ๒๕/๐๓/๒๕๖๕            25-03-2565   25.03.2565
    25 March 2022         25 Mar 2022           March 25, 2022

each optionally followed by a time `09:00`, `09.00`, `09.00 น.`, `เวลา 09.00 น.` (seconds allowed,
`09:00:30`) or a time range `09.00-12.00 น.` (the start is the moment; the end must come after
it); ISO forms may use `T` and end with an offset (`2022-03-25T09:00:00+07:00`, `...Z`).

Day first: digits separated by `/`, `-` or `.` are day/month/year, as Thai people write them, the
same separator twice (`1/12/2569 09.30 น.` is 1 December). With a B.E. year that is certain. With
a C.E. year and both numbers 12 or less (`03/04/2022`), a writer used to month/day could have
meant 4 March: the date is read day first and `read_date` also returns a `DateCaution` saying
so, with the ISO form that removes the doubt. A month above 12 (`03/25/2022`) is refused, and the
fix offered is the date read month first, written so that it reads one way (`2022-03-25`).

Years: 2400-2700 are B.E. (Buddhist era, C.E. + 543), 1900-2100 are C.E.; `พ.ศ.`/`ค.ศ.` before the
year say which calendar it is and must agree. A two-digit year YY is B.E. 25YY when YY is 40-99
(C.E. 1997-2056: `25/3/65` is 25 March 2565, as Thai news writes it this decade); 00-39 could as
well be C.E. 2000-2039, so it is refused with both four-digit readings, unless `พ.ศ.`/`ค.ศ.` says
which (`25 มี.ค. พ.ศ. 22`). Impossible days (30 February, 29 February 2566) and unknown month
names are refused.

`parse_date(text)` returns a datetime (naive unless the text has an offset; Pelican then applies
TIMEZONE, Asia/Bangkok) or raises `DateProblem`, whose Thai and English texts say what is wrong
and whose `fixes` (when there are any) are dates that themselves read without a problem.
`read_date(text)` returns the datetime and a `DateCaution` or None. No Pelican import here.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import difflib
import re
from functools import lru_cache

from .formats import BE_OFFSET, MONTHS, MONTHS_SHORT, WEEKDAYS, to_arabic_digits

CE_RANGE = (1900, 2100)
BE_RANGE = (2400, 2700)

ACCEPTED_FORMS = (
    "2565-03-25, 2022-03-25, 25 มีนาคม 2565, 25 มี.ค. 2565, ๒๕ มีนาคม ๒๕๖๕, "
    "วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565, 25/03/2565 (วัน/เดือน/ปี / day/month/year), 25 March 2022"
)
ACCEPTED_TIMES = "09:00, 09.00, 09.00 น., 09.00-12.00 น."
# A two-digit year YY is B.E. 25YY from here on (C.E. 1997-2056); below, it could be C.E. 20YY.
TWO_DIGIT_BE_FROM = 40
ACCEPTED = (
    f"รูปแบบที่ใช้ได้ / accepted forms: {ACCEPTED_FORMS} "
    f"(ใส่เวลาต่อท้ายได้ / optionally followed by a time: {ACCEPTED_TIMES})"
)

# Colloquial month names (มีนา, สิงหา) are as unambiguous as the full ones.
_COLLOQUIAL = (
    "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
    "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา",
)


ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def _month_key(word: str) -> str:
    return re.sub(r"[.\s]", "", word).lower()


MONTH_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate(zip(MONTHS, MONTHS_SHORT, _COLLOQUIAL, ENGLISH_MONTHS), start=1):
    for _name in _names:
        MONTH_NUMBERS[_month_key(_name)] = _number
    MONTH_NUMBERS[_month_key(ENGLISH_MONTHS[_number - 1][:3])] = _number
MONTH_NUMBERS["sept"] = 9
WEEKDAY_NUMBERS = {name: number for number, name in enumerate(WEEKDAYS)}


class DateProblem(ValueError):
    """A date an author wrote that cannot be read; `thai` and `english` explain it and the fix.
    `fixes`: replacements to offer (each reads without a problem), possibly none."""

    def __init__(self, value: str, thai: str, english: str, fixes: tuple[str, ...] = ()):
        self.value = value
        self.thai = thai
        self.english = english
        self.fixes = tuple(fixes)
        super().__init__(self.message())

    def message(self, where: str = "") -> str:
        """One log line: where, the value, what is wrong (Thai / English), the accepted forms."""
        prefix = f"{where}: " if where else ""
        return (
            f'{prefix}วันที่ "{self.value}" {self.thai} / Date "{self.value}" {self.english}. '
            f"{ACCEPTED}"
        )


class DateCaution:
    """A date read without doubt in Thai usage that a writer of another habit could have meant
    otherwise (03/04/2022); `thai` and `english` say how it was read and how to write it."""

    def __init__(self, value: str, thai: str, english: str, fixes: tuple[str, ...] = ()):
        self.value = value
        self.thai = thai
        self.english = english
        self.fixes = tuple(fixes)

    def message(self, where: str = "") -> str:
        prefix = f"{where}: " if where else ""
        return f'{prefix}วันที่ "{self.value}" {self.thai} / Date "{self.value}" {self.english}'


# A time or a time range (09.00-12.00 น.; the start is the moment).
_TIMES = (
    r"(?:เวลา\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?"
    r"(?:\s*[-–]\s*(?P<end_hour>\d{1,2})[:.](?P<end_minute>\d{2}))?(?:\s*น\.?)?"
)
# In ISO forms -12:00 right after the time is an offset, so a range there needs a space around
# its dash, a dotted end time or น. (09:00 - 12:00, 09.00-12.00, 09:00-12:00 น.).
_ISO_TIMES = (
    r"(?:เวลา\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?"
    r"(?:(?:\s+[-–]\s*|\s*[-–]\s+|[-–](?=\d{1,2}\.\d{2})|[-–](?=\d{1,2}[:.]\d{2}\s*น))"
    r"(?P<end_hour>\d{1,2})[:.](?P<end_minute>\d{2}))?(?:\s*น\.?)?"
)
_OFFSET = r"(?P<offset>Z|[+-]\d{2}:?\d{2})"
ISO = re.compile(
    rf"(?P<year>\d{{4}})(?P<isep>[-/])(?P<month>\d{{1,2}})(?P=isep)(?P<day>\d{{1,2}})"
    rf"(?:(?:T|\s*,\s*|\s+){_ISO_TIMES})?(?:\s*{_OFFSET})?"
)
THAI = re.compile(
    r"(?:วันที่\s*|วัน(?P<weekday>[^\s\d]+?)(?:\s*ที่)?\s*)?(?P<day>\d{1,2})\s*(?P<month>[^\d\s]+)\s*"
    r"(?:(?P<era>พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?(?P<year>\d+)"
    rf"(?:(?:\s*,\s*|\s+){_TIMES})?"
)
ENGLISH = re.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<year>\d{4})"
    rf"(?:(?:\s*,\s*|\s+){_TIMES})?"
)
TWO_DIGIT_ISO = re.compile(r"\d{2}-\d{1,2}-\d{1,2}\b.*")
DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    rf"(?P<rest>(?:(?:\s*,\s*|\s+){_TIMES})?)"
)


def _normalise(text: str) -> str:
    text = to_arabic_digits(str(text)).replace("\u200b", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _ce_year(value: str, year: int, era: str | None, raw_year: str) -> int:
    """The C.E. year of `year` as written, or DateProblem."""
    era = _month_key(era) if era else None
    if len(raw_year) == 2:
        if era == "พศ" or (era is None and year >= TWO_DIGIT_BE_FROM):
            return 2500 + year - BE_OFFSET
        if era == "คศ":
            return 2000 + year
        raise DateProblem(
            value,
            f"ใช้ปีสองหลัก ({raw_year}) ซึ่งอาจเป็น พ.ศ. {2500 + year} (ค.ศ. {2500 + year - BE_OFFSET}) "
            f"หรือ ค.ศ. {2000 + year} ก็ได้ โปรดเขียนปีให้ครบสี่หลัก",
            f"has a two-digit year ({raw_year}), which could be B.E. {2500 + year} (C.E. "
            f"{2500 + year - BE_OFFSET}) or C.E. {2000 + year}; write the four-digit year",
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
        if match.groupdict().get("end_hour") is not None:
            end = (int(match.group("end_hour")), int(match.group("end_minute")))
            if end[0] > 23 or end[1] > 59 or end <= (hour, minute):
                shown = f"{match.group('end_hour')}.{match.group('end_minute')}"
                raise DateProblem(
                    value,
                    f"มีช่วงเวลาที่จบ {shown} น. ซึ่งไม่มีจริงหรือไม่ได้อยู่หลังเวลาเริ่ม "
                    "เขียนเวลาเริ่มอย่างเดียวก็ได้ เช่น 09.00 น.",
                    f"has a time range ending at {shown}, which does not exist or is not after its "
                    "start; the start alone is enough, e.g. 09.00",
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
    return read_date(text)[0]


def read_date(text) -> tuple[_dt.datetime, DateCaution | None]:
    """The moment `text` means, and a DateCaution when a writer of another habit could have meant
    another day (see the module docstring); DateProblem if it cannot be read.

    Remembered per text (the reading depends on nothing else): the check, the build and the live
    preview after every save read the dates of every source."""
    if isinstance(text, str):
        return _read_remembered(text)
    return _read(text)


@lru_cache(maxsize=65_536)
def _read_remembered(text: str) -> tuple[_dt.datetime, DateCaution | None]:
    return _read(text)


def _read(text) -> tuple[_dt.datetime, DateCaution | None]:
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
        return _build(value, year, int(match.group("month")), int(match.group("day")), match), None

    match = DAY_FIRST.fullmatch(clean)
    if match and not (match["sep"] == "-" and int(match["day"]) > 31 and TWO_DIGIT_ISO.fullmatch(clean)):
        return _day_first(value, clean, match)

    for pattern in (THAI, ENGLISH):
        match = pattern.fullmatch(clean)
        if match:
            return _named_month(value, clean, match), None

    if TWO_DIGIT_ISO.fullmatch(clean):
        year = int(clean[:2])
        readings = [f"{2500 + year}-{clean[3:]}"]
        if year < TWO_DIGIT_BE_FROM:
            readings.append(f"{2000 + year}-{clean[3:]}")
        fixes = _fixes(*readings)
        shown = " หรือ ".join(fixes) or f"{2500 + year}-{clean[3:]}"
        raise DateProblem(
            value,
            f"ใช้ปีสองหลัก ({clean[:2]}) ซึ่งอาจหมายถึงหลายปี โปรดเขียนปีให้ครบสี่หลัก เช่น {shown}",
            f"has a two-digit year ({clean[:2]}), which could mean several years; write a four-digit "
            f"year, e.g. {shown.replace(' หรือ ', ' or ')}",
            fixes,
        )
    raise DateProblem(
        value,
        "ไม่อยู่ในรูปแบบที่อ่านได้",
        "is not in a form the site can read",
    )


def _fixes(*candidates: str) -> tuple[str, ...]:
    """The candidates that read without a problem or a caution (a fix must itself be right)."""
    good = []
    for candidate in candidates:
        try:
            _moment, caution = read_date(candidate)
        except DateProblem:
            continue
        if caution is None and candidate not in good:
            good.append(candidate)
    return tuple(good)


def _with_year(clean: str, match: re.Match, year: int) -> str:
    return clean[:match.start("year")] + str(year) + clean[match.end("year"):]


def _two_digit_year_problem(problem: DateProblem, clean: str, match: re.Match) -> DateProblem:
    """`problem` (a two-digit year read two ways) with both dates written out as its fixes."""
    year = int(match["year"])
    fixes = _fixes(_with_year(clean, match, 2500 + year), _with_year(clean, match, 2000 + year))
    if fixes:
        problem.thai += ": " + " หรือ ".join(fixes)
        problem.english += ": " + " or ".join(fixes)
        problem.fixes = fixes
    return problem


def _named_month(value: str, clean: str, match: re.Match) -> _dt.datetime:
    month = _month_number(value, match.group("month"))
    raw_year = match.group("year")
    if len(raw_year) not in (2, 4):
        raise DateProblem(
            value,
            f"มีปี \"{raw_year}\" ซึ่งไม่ใช่ปีสี่หลัก เช่น 2565",
            f'has the year "{raw_year}", which is not a four-digit year such as 2565',
        )
    era = match.groupdict().get("era")
    try:
        year = _ce_year(value, int(raw_year), era, raw_year)
    except DateProblem as problem:
        if len(raw_year) == 2:
            raise _two_digit_year_problem(problem, clean, match) from None
        raise
    moment = _build(value, year, month, int(match.group("day")), match)
    weekday = match.groupdict().get("weekday")
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


def _day_first(value: str, clean: str, match: re.Match) -> tuple[_dt.datetime, DateCaution | None]:
    """day/month/year (or with - or .), as Thai people write dates."""
    first, second, raw_year = int(match["day"]), int(match["month"]), match["year"]
    try:
        year = _ce_year(value, int(raw_year), None, raw_year)
    except DateProblem as problem:
        if len(raw_year) == 2:
            raise _two_digit_year_problem(problem, clean, match) from None
        raise
    written_year = int(raw_year) if len(raw_year) == 4 else 2500 + int(raw_year)
    rest = match["rest"]
    if second > 12 and 1 <= first <= 12:
        # month/day/year: not how Thai dates are written; offer the date it would be, one way
        fixes = _fixes(f"{written_year}-{first:02d}-{second:02d}{rest}")
        thai_fix = f" ถ้าหมายถึงเดือน{MONTHS[first - 1]} วันที่ {second} ให้เขียน {fixes[0]}" if fixes else ""
        english_fix = f"; for {ENGLISH_MONTHS[first - 1]} {second} write {fixes[0]}" if fixes else ""
        raise DateProblem(
            value,
            f"อ่านแบบ วัน/เดือน/ปี แล้วมีเดือนที่ {second} ซึ่งไม่มีจริง{thai_fix}",
            f"read as day/month/year has month {second}, which does not exist{english_fix}",
            fixes,
        )
    moment = _build(value, year, second, first, match)
    caution = None
    if len(raw_year) == 4 and not BE_RANGE[0] <= written_year <= BE_RANGE[1] and first <= 12 and first != second:
        day_first = f"{written_year}-{second:02d}-{first:02d}{rest}"
        month_first = f"{written_year}-{first:02d}-{second:02d}{rest}"
        caution = DateCaution(
            value,
            f"อ่านเป็นวันที่ {first} {MONTHS[second - 1]} ค.ศ. {written_year} (วัน/เดือน/ปี) "
            f"ถ้าหมายถึงวันที่ {second} {MONTHS[first - 1]} ให้เขียน {month_first} "
            f"ถ้าถูกแล้ว เขียน {day_first} หรือใช้ปี พ.ศ. เพื่อไม่ให้สงสัย",
            f"is read as {first} {ENGLISH_MONTHS[second - 1]} {written_year} (day/month/year); for "
            f"{ENGLISH_MONTHS[first - 1]} {second} write {month_first}; if it is right, write "
            f"{day_first} or use the B.E. year so that it reads one way",
            _fixes(day_first, month_first),
        )
    return moment, caution
