"""Reading authors' dates (plugins/thai_date/parsing.py): every accepted and every refused form."""

import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.thai_date.formats import thai_date
from plugins.thai_date.formats import MONTHS, MONTHS_SHORT, to_thai_digits
from plugins.thai_date.parsing import ACCEPTED_FORMS, ENGLISH_MONTHS, DateProblem, parse_date, read_date

DAY = datetime(2022, 3, 25)
MORNING = datetime(2022, 3, 25, 9, 0)

SAME_DAY = [
    "2022-03-25",
    "2565-03-25",
    "2565-3-25",
    "25 มีนาคม 2565",
    "25 มี.ค. 2565",
    "25 มีค 2565",
    "25 มีนา 2565",
    "๒๕ มีนาคม ๒๕๖๕",
    "๒๕๖๕-๐๓-๒๕",
    "25 มีนาคม 2022",
    "25 มีนาคม พ.ศ. 2565",
    "25 มีนาคม ค.ศ. 2022",
    "วันที่ 25 มีนาคม 2565",
    "วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565",
    "วันศุกร์ 25 มี.ค. 2565",
    "  25   มีนาคม\u00a02565 ",
    # day/month/year, as Thai people write dates
    "25/03/2565",
    "25/3/65",
    "๒๕/๐๓/๒๕๖๕",
    "25-03-2565",
    "25.03.2565",
    "25/03/2022",
    "2565/03/25",
    "25 มี.ค. 65",
    "25 มี.ค. พ.ศ. 65",
    # English month names
    "25 March 2022",
    "25 Mar 2022",
    "25 MARCH 2022",
    "March 25, 2022",
    "Mar. 25 2022",
]
TIMES = ["09:00", "09.00", "09.00 น.", "9.00 น.", "เวลา 09.00 น.", "09.00น.", "09.00-12.00 น.",
         "09:00 - 12:00"]


@pytest.mark.parametrize("text", SAME_DAY)
def test_every_form_means_the_same_day(text):
    assert read_date(text) == (DAY, None)


@pytest.mark.parametrize("day", ["2565-03-25", "2022-03-25", "25 มีนาคม 2565", "25 มี.ค. 2565",
                                 "๒๕ มีนาคม ๒๕๖๕", "25/03/2565", "25/3/65", "25 March 2022"])
@pytest.mark.parametrize("clock", TIMES)
def test_every_form_with_every_time(day, clock):
    assert parse_date(f"{day} {clock}") == MORNING


@pytest.mark.parametrize(
    "text, expected",
    [
        ("๒๕ มีนาคม ๒๕๖๕ เวลา ๐๙.๐๐ น.", MORNING),
        ("2565-03-25 16:30:45", datetime(2022, 3, 25, 16, 30, 45)),
        ("2022-03-25T09:00", MORNING),
        ("2022-03-25T09:00:00+07:00", MORNING.replace(tzinfo=timezone(timedelta(hours=7)))),
        ("2022-03-25T02:00Z", datetime(2022, 3, 25, 2, 0, tzinfo=timezone.utc)),
        ("2567-02-29", datetime(2024, 2, 29)),
        ("29 กุมภาพันธ์ 2567", datetime(2024, 2, 29)),
        ("1 มกราคม 2400", datetime(1857, 1, 1)),
        ("31 ธันวาคม 2700", datetime(2157, 12, 31)),
        ("1900-01-01", datetime(1900, 1, 1)),
        ("2100-12-31 23.59 น.", datetime(2100, 12, 31, 23, 59)),
        ("1 ก.ค. 2568 00.00 น.", datetime(2025, 7, 1)),
        ("1/12/2569 09.30 น.", datetime(2026, 12, 1, 9, 30)),
        ("๑/๑๒/๒๕๖๙ ๐๙.๓๐ น.", datetime(2026, 12, 1, 9, 30)),
        ("31/12/99", datetime(2056, 12, 31)),  # B.E. 2599, the last two-digit year read
        ("1/1/40", datetime(1997, 1, 1)),  # B.E. 2540, the first
        ("25 มี.ค. ค.ศ. 22", DAY),  # the era says which century
        ("13/01/2022", datetime(2022, 1, 13)),  # 13 cannot be a month: no doubt
        # in ISO forms -12:00 after a time is an offset; a range needs a space, dots or น.
        ("2022-03-25T09:00-12:00", datetime(2022, 3, 25, 9, tzinfo=timezone(timedelta(hours=-12)))),
        ("2565-03-25 09.00-12.00 น.", MORNING),
        ("2565-03-25 09:00 - 12:00", MORNING),
        ("2565-03-25 09:00-12:00 น.", MORNING),
    ],
)
def test_other_accepted_values(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, thai, english",
    [
        ("2565-02-30", "ไม่มีจริง", "does not exist"),
        ("2566-02-29", "กุมภาพันธ์ 2566 มี 28 วัน", "has 28 days"),
        ("29 กุมภาพันธ์ 2566", "ไม่มีจริง", "does not exist"),
        ("31 เมษายน 2565", "เมษายน 2565 มี 30 วัน", "has 30 days"),
        ("2565-13-01", "เดือนที่ 13", "month 13"),
        ("2565-00-10", "เดือนที่ 0", "month 0"),
        ("25 มีนาค 2565", "ไม่รู้จัก", 'unknown month name "มีนาค"'),
        ("25 กรกฏาคม 2565", 'หมายถึง "กรกฎาคม"', 'did you mean "กรกฎาคม"'),
        ("25 Marhc 2022", "ไม่รู้จัก", 'unknown month name "Marhc"'),
        ("25 มี.ค. 22", "ปีสองหลัก", "two-digit year"),
        ("25/3/22", "ค.ศ. 2022", "C.E. 2022"),
        ("65-03-25", "2565-03-25", "two-digit year"),
        ("03/25/2022", "2022-03-25", "for March 25 write 2022-03-25"),
        ("02/30/2022", "เดือนที่ 30", "month 30"),
        ("32/01/2565", "ไม่มีจริง", "does not exist"),
        ("25 มีนาคม 2565 12.00-09.00 น.", "ไม่ได้อยู่หลังเวลาเริ่ม", "not after its start"),
        ("25 มีนาคม 2565 09.00-24.00 น.", "ช่วงเวลา", "time range"),
        ("25 มีนาคม 565", "ไม่ใช่ปีสี่หลัก", "not a four-digit year"),
        ("2300-01-01", "ไม่ใช่ทั้งปี พ.ศ.", "neither a B.E. year"),
        ("1899-12-31", "ไม่ใช่ทั้งปี พ.ศ.", "neither a B.E. year"),
        ("2701-01-01", "ไม่ใช่ทั้งปี พ.ศ.", "neither a B.E. year"),
        ("25 มีนาคม พ.ศ. 2022", "ปี พ.ศ. ต้องอยู่ระหว่าง", "a B.E. year must be"),
        ("25 มีนาคม ค.ศ. 2565", "ปี ค.ศ. ต้องอยู่ระหว่าง", "a C.E. year must be"),
        ("วันจันทร์ที่ 25 มีนาคม พ.ศ. 2565", "วันนั้นคือวันศุกร์", "that day is a วันศุกร์"),
        ("วันฟ้าที่ 25 มีนาคม 2565", "ไม่รู้จัก", "unknown weekday"),
        ("2565-03-25 24:00", "ไม่มีจริง", "does not exist"),
        ("2565-03-25 09:60", "ไม่มีจริง", "does not exist"),
        ("2022-03-25T09:00+25:00", "เขตเวลา", "offset"),
        ("พรุ่งนี้", "ไม่อยู่ในรูปแบบ", "not in a form"),
        ("2565", "ไม่อยู่ในรูปแบบ", "not in a form"),
        ("", "ว่างเปล่า", "empty"),
    ],
)
def test_refused_values_say_what_and_how(text, thai, english):
    with pytest.raises(DateProblem) as caught:
        parse_date(text)
    message = caught.value.message("content/news/x.md:2")
    assert message.startswith(f'content/news/x.md:2: วันที่ "{text.strip()}"')
    assert f'Date "{text.strip()}"' in message
    assert thai in caught.value.thai
    assert english in caught.value.english
    assert ACCEPTED_FORMS in message and "09.00 น." in message


@pytest.mark.parametrize("text,fixes", [
    ("25 มี.ค. 22", ("25 มี.ค. 2522", "25 มี.ค. 2022")),
    ("25/3/22 09.00 น.", ("25/3/2522 09.00 น.", "25/3/2022 09.00 น.")),
    ("65-03-25", ("2565-03-25",)),
    ("03/25/2022", ("2022-03-25",)),
    ("03/25/2565 10:00", ("2565-03-25 10:00",)),
    ("02/30/2022", ()),  # no date to offer: neither reading exists
])
def test_a_fix_offered_is_a_date_that_reads_without_doubt(text, fixes):
    with pytest.raises(DateProblem) as caught:
        parse_date(text)
    assert caught.value.fixes == fixes
    for fix in fixes:
        assert fix in caught.value.thai and fix in caught.value.english
        assert read_date(fix)[1] is None


def test_a_ce_date_that_could_be_month_first_is_read_day_first_with_a_caution():
    moment, caution = read_date("03/04/2022")
    assert moment == datetime(2022, 4, 3)
    assert "3 เมษายน" in caution.thai and "2022-03-04" in caution.thai
    assert "3 April 2022" in caution.english and "2022-03-04" in caution.english
    assert caution.fixes == ("2022-04-03", "2022-03-04")
    assert caution.message("content/news/x.md:2").startswith('content/news/x.md:2: วันที่ "03/04/2022"')
    # a B.E. year leaves no doubt; nor does the same number twice
    assert read_date("03/04/2565")[1] is None
    assert read_date("04/04/2022")[1] is None


EVERY_DAY_TWO_DIGIT = st.dates(min_value=date(2540 - 543, 1, 1), max_value=date(2599 - 543, 12, 31))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(day=EVERY_DAY_TWO_DIGIT)
def test_short_display_format_reads_back(day):
    # The "short" display form has a two-digit year, which is B.E. 25YY from 2540 to 2599.
    assert parse_date(thai_date(datetime.combine(day, time()), "short")) == datetime.combine(day, time())


@st.composite
def day_first_dates(draw):
    """A date written day first in any way Thai authors do, and what it means."""
    day = draw(EVERY_DAY_TWO_DIGIT)
    sep = draw(st.sampled_from("/-."))
    pad = draw(st.booleans())
    year_kind = draw(st.sampled_from(["be", "be2", "ce"]))
    year = {"be": day.year + 543, "be2": (day.year + 543) % 100, "ce": day.year}[year_kind]
    fmt = "{:02d}" if pad else "{}"
    text = sep.join([fmt.format(day.day), fmt.format(day.month),
                     f"{year:02d}" if year_kind == "be2" else str(year)])
    clock = draw(st.none() | st.times().map(lambda t: time(t.hour, t.minute)))
    moment = datetime.combine(day, clock or time())
    if clock is not None:
        text += f" {clock.hour:02d}.{clock.minute:02d}"
        if clock.hour < 23 and draw(st.booleans()):
            text += f"-{clock.hour + 1:02d}.00"  # a time range: the start is the moment
        text += draw(st.sampled_from(["", " น."]))
    if draw(st.booleans()):
        text = to_thai_digits(text)
    doubtful = year_kind == "ce" and day.day <= 12 and day.day != day.month
    return text, moment, doubtful


@settings(max_examples=500, deadline=None, derandomize=True)
@given(case=day_first_dates())
def test_day_first_dates_are_read_day_first_and_never_silently_doubtful(case):
    text, moment, doubtful = case
    read, caution = read_date(text)
    assert read == moment
    assert (caution is not None) is doubtful
    if caution:
        for fix in caution.fixes:
            assert read_date(fix)[1] is None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(day=EVERY_DAY_TWO_DIGIT, form=st.integers(0, 4), upper=st.booleans())
def test_english_month_names(day, form, upper):
    name = ENGLISH_MONTHS[day.month - 1]
    name = name.upper() if upper else name
    text = [f"{day.day} {name} {day.year}", f"{day.day} {name[:3]} {day.year}",
            f"{name} {day.day}, {day.year}", f"{day.day} {name} {day.year + 543}",
            f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"][form]
    assert read_date(text) == (datetime.combine(day, time()), None)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
       offset=st.integers(-12 * 60, 14 * 60))
def test_iso_with_offset_is_the_same_instant(moment, offset):
    moment = moment.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=offset)))
    assert parse_date(moment.isoformat()) == moment


@settings(max_examples=300, deadline=None, derandomize=True)
@given(day=EVERY_DAY_TWO_DIGIT.filter(lambda d: d.day > 12))
def test_month_first_dates_are_refused_with_a_fix_that_means_them(day):
    for text in (f"{day.month:02d}/{day.day:02d}/{day.year}", f"{day.month}/{day.day}/{day.year + 543}"):
        with pytest.raises(DateProblem) as caught:
            read_date(text)
        (fix,) = caught.value.fixes
        assert read_date(fix) == (datetime.combine(day, time()), None)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(text=st.text(alphabet="0123456789/-. :น", min_size=5, max_size=22)
       | st.builds(lambda a, m, b: f"{a} {m} {b}", st.integers(0, 40), st.sampled_from(MONTHS + MONTHS_SHORT
                   + ENGLISH_MONTHS), st.integers(0, 2800)))
def test_whatever_is_written_a_fix_offered_reads_without_doubt(text):
    try:
        read_date(text)
    except DateProblem as problem:
        for fix in problem.fixes:
            assert read_date(fix)[1] is None, (text, fix)


EVERY_DAY_BE_2400_2700 = st.dates(min_value=date(2400 - 543, 1, 1), max_value=date(2700 - 543, 12, 31))
CLOCK = st.times().map(lambda t: time(t.hour, t.minute))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(day=EVERY_DAY_BE_2400_2700, clock=CLOCK, digits=st.sampled_from(["arabic", "thai"]))
def test_format_then_parse_is_the_same_moment(day, clock, digits):
    moment = datetime.combine(day, clock)
    midnight = datetime.combine(day, time())
    assert parse_date(thai_date(moment, "time", digits=digits)) == moment
    assert parse_date(thai_date(moment, "long", digits=digits)) == midnight
    assert parse_date(thai_date(moment, "full", digits=digits)) == midnight


def _doc_section(title):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "developers" / "terminal" / "02-dates.md").read_text(encoding="utf-8")
    return doc.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_authors_guide_examples_are_true():
    accepted = _doc_section("รูปแบบที่ใช้ได้")
    examples = re.findall(r"^\| `([^`]+)` \|", accepted, flags=re.M)
    assert len(examples) == 12
    for example in examples:
        assert parse_date(example) == DAY, example
    for clock in re.findall(r"`([^`]+)`", accepted.split("ใส่เวลาต่อท้ายได้ทุกแบบ", 1)[1].split("\n")[0]):
        assert parse_date(f"25 มีนาคม 2565 {clock}").date() == DAY.date(), clock
    refused = _doc_section("เมื่อเขียนผิด").split("สิ่งที่ระบบไม่รับ", 1)[1]
    for example in ["2565-02-30", "31 เมษายน 2565", "29 กุมภาพันธ์ 2566", "03/25/2022"]:
        assert f"`{example}`" in refused
        with pytest.raises(DateProblem):
            parse_date(example)
    assert parse_date("29 กุมภาพันธ์ 2567") == datetime(2024, 2, 29)
