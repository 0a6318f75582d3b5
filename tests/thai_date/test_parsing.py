"""Reading authors' dates (plugins/thai_date/parsing.py): every accepted and every refused form."""

import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.thai_date.formats import thai_date
from plugins.thai_date.parsing import ACCEPTED_FORMS, DateProblem, parse_date

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
]
TIMES = ["09:00", "09.00", "09.00 น.", "9.00 น.", "เวลา 09.00 น.", "09.00น."]


@pytest.mark.parametrize("text", SAME_DAY)
def test_every_form_means_the_same_day(text):
    assert parse_date(text) == DAY


@pytest.mark.parametrize("day", ["2565-03-25", "2022-03-25", "25 มีนาคม 2565", "25 มี.ค. 2565",
                                 "๒๕ มีนาคม ๒๕๖๕"])
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
        ("25 March 2022", "ไม่รู้จัก", 'unknown month name "March"'),
        ("25 มี.ค. 65", "ปีสองหลัก", "two-digit year"),
        ("65-03-25", "2565-03-25", "two-digit year"),
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
        ("25/03/2565", "2565-03-25", "slashes"),
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


def test_two_digit_year_suggests_the_be_year():
    with pytest.raises(DateProblem) as caught:
        parse_date("25 มี.ค. 65")
    assert "2565" in caught.value.thai and "2565" in caught.value.english


def test_short_display_format_is_refused_not_guessed():
    # The "short" display form has a two-digit year: showing is fine, reading it back is not.
    with pytest.raises(DateProblem):
        parse_date(thai_date(MORNING, "short"))


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
    doc = (Path(__file__).resolve().parents[2] / "docs" / "authors" / "02-dates.md").read_text(encoding="utf-8")
    return doc.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_authors_guide_examples_are_true():
    accepted = _doc_section("รูปแบบที่ใช้ได้")
    examples = re.findall(r"^\| `([^`]+)` \|", accepted, flags=re.M)
    assert len(examples) == 9
    for example in examples:
        assert parse_date(example) == DAY, example
    for clock in re.findall(r"`([^`]+)`", accepted.split("ใส่เวลาต่อท้ายได้ทุกแบบ", 1)[1].split("\n")[0]):
        assert parse_date(f"25 มีนาคม 2565 {clock}").date() == DAY.date(), clock
    refused = _doc_section("เมื่อเขียนผิด").split("สิ่งที่ระบบไม่รับ", 1)[1]
    for example in ["2565-02-30", "31 เมษายน 2565", "29 กุมภาพันธ์ 2566", "25/03/2565"]:
        assert f"`{example}`" in refused
        with pytest.raises(DateProblem):
            parse_date(example)
    assert parse_date("29 กุมภาพันธ์ 2567") == datetime(2024, 2, 29)
