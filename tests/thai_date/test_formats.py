"""Display formats and machine dates (plugins/thai_date/formats.py, jinja.py)."""

from datetime import date, datetime, timezone

import pytest
from jinja2 import Environment

from plugins.thai_date import formats
from plugins.thai_date.jinja import make_filters
from plugins.thai_date.settings import with_defaults

MORNING = datetime(2022, 3, 25, 9, 0)


@pytest.mark.parametrize(
    "fmt, arabic, thai",
    [
        ("long", "25 มีนาคม 2565", "๒๕ มีนาคม ๒๕๖๕"),
        ("full", "วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565", "วันศุกร์ที่ ๒๕ มีนาคม พ.ศ. ๒๕๖๕"),
        ("short", "25 มี.ค. 65", "๒๕ มี.ค. ๖๕"),
        ("time", "25 มีนาคม 2565 เวลา 09.00 น.", "๒๕ มีนาคม ๒๕๖๕ เวลา ๐๙.๐๐ น."),
        ("month", "มีนาคม 2565", "มีนาคม ๒๕๖๕"),
        ("clock", "09.00 น.", "๐๙.๐๐ น."),
    ],
)
def test_named_formats(fmt, arabic, thai):
    assert formats.thai_date(MORNING, fmt) == arabic
    assert formats.thai_date(MORNING, fmt, digits="thai") == thai
    assert formats.FORMATS[fmt][1] == arabic  # the documented example is what it does


def test_every_month_and_weekday_name():
    assert [formats.thai_date(datetime(2024, m, 1), "short").split()[1] for m in range(1, 13)] == [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    # 2024-01-01 was a Monday.
    days = [formats.thai_date(datetime(2024, 1, d), "full").split("ที่")[0] for d in range(1, 8)]
    assert days == ["วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์", "วันอาทิตย์"]


def test_short_year_keeps_leading_zero():
    assert formats.thai_date(datetime(2057, 1, 2), "short") == "2 ม.ค. 00"
    assert formats.thai_date(datetime(1966, 1, 2), "short") == "2 ม.ค. 09"


def test_aware_dates_show_bangkok_time():
    utc = datetime(2022, 3, 24, 20, 30, tzinfo=timezone.utc)  # 03.30 on the 25th in Bangkok
    assert formats.thai_date(utc, "time") == "25 มีนาคม 2565 เวลา 03.30 น."
    assert formats.be_year(datetime(2022, 12, 31, 20, tzinfo=timezone.utc)) == 2566
    assert formats.iso_datetime(utc) == "2022-03-25T03:30:00+07:00"


def test_machine_dates_are_ce_with_bangkok_offset():
    assert formats.iso_datetime(MORNING) == "2022-03-25T09:00:00+07:00"
    assert formats.iso_datetime(datetime(2022, 3, 25, 16, 30, 5, 123)) == "2022-03-25T16:30:05+07:00"
    assert formats.iso_datetime(date(2022, 3, 25)) == "2022-03-25"
    assert formats.be_year(MORNING) == 2565


def test_missing_dates_give_empty_output_and_bad_names_fail():
    assert formats.thai_date(None) == ""
    assert formats.iso_datetime(None) == ""
    assert formats.be_year(None) is None
    with pytest.raises(ValueError, match="long, full, short, time"):
        formats.thai_date(MORNING, "medium")


def test_undated_draft_does_not_overflow():
    forever = datetime.max.replace(tzinfo=timezone.utc)
    assert formats.thai_date(forever, "long") == "31 ธันวาคม 10542"
    assert formats.iso_datetime(forever).startswith("9999-12-31T23:59:59")


def test_jinja_filters_follow_the_digits_setting():
    env = Environment(autoescape=True)
    settings = {"TIMEZONE": "Asia/Bangkok", "THAI_DATE_DIGITS": "thai"}
    env.filters.update(make_filters({**settings, **with_defaults(settings)}))  # as after `initialized`
    template = env.from_string(
        '<time datetime="{{ d|iso_datetime }}">{{ d|thai_date("full") }}</time> '
        '{{ d|be_year }} {{ d|thai_date("long", digits="arabic") }}'
    )
    assert template.render(d=MORNING) == (
        '<time datetime="2022-03-25T09:00:00+07:00">วันศุกร์ที่ ๒๕ มีนาคม พ.ศ. ๒๕๖๕</time> '
        "2565 25 มีนาคม 2565"
    )
    assert env.from_string("[{{ missing|thai_date }}]").render() == "[]"
