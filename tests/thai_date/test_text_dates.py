"""Weekdays written before dates in a release's text (plugins/thai_date/text_dates.py and the rule
"text-date")."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.thai_date.formats import MONTHS, MONTHS_SHORT, WEEKDAYS, thai_date, to_thai_digits
from plugins.thai_date.text_dates import events_after, weekday_mistakes

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def written(day: date, weekday: str, form: int) -> str:
    """A weekday and `day` as writers write them: full, short month, พ.ศ., Thai digits, no ที่."""
    be = day.year + 543
    return [
        f"วัน{weekday}ที่ {day.day} {MONTHS[day.month - 1]} {be}",
        f"วัน{weekday}ที่ {day.day} {MONTHS_SHORT[day.month - 1]} {be}",
        f"วัน{weekday}ที่ {day.day} {MONTHS[day.month - 1]} พ.ศ. {be}",
        to_thai_digits(f"วัน{weekday}ที่ {day.day} {MONTHS[day.month - 1]} {be}"),
        f"วัน{weekday} {day.day} {MONTHS_SHORT[day.month - 1]} {be}",
    ][form]


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(0, 6), st.integers(0, 4))
def test_a_weekday_is_a_mistake_exactly_when_it_is_not_that_days(day, weekday, form):
    text = f"เมื่อ{written(day, WEEKDAYS[weekday], form)} เวลา 09.30 น. ศูนย์ฯ จัดประชุม"
    found = weekday_mistakes(text)
    if weekday == day.weekday():
        assert found == [], text
    else:
        assert len(found) == 1, text
        _written, thai, english = found[0]
        assert f"คือวัน{WEEKDAYS[day.weekday()]}" in thai and f"ระบุวัน{WEEKDAYS[weekday]}" in thai
        assert day.strftime("%A") in english


def test_the_sites_own_full_format_is_never_a_mistake():
    day = date(2020, 1, 1)
    while day < date(2031, 1, 1):
        assert weekday_mistakes(thai_date(day, "full")) == [], day
        day += timedelta(days=1)


@pytest.mark.parametrize("text", [
    "วันพฤหัสที่ 26 พ.ย. 2569",  # พฤหัส for พฤหัสบดี
    "วันที่ 30 พฤศจิกายน 2569",  # no weekday
    "วันจันทร์ที่ 30 พฤศจิกายน",  # no year: nothing to check
    "วันจันทร์ที่ 30 พฤศจิกายน - วันอังคารที่ 1 ธันวาคม 2569",
    "ทุกวันจันทร์ที่ 2 ของเดือน",
    "วันอังคาร 12 คน",
])
def test_nothing_to_say(text):
    assert weekday_mistakes(text) == []


def test_a_day_that_does_not_exist():
    [(_written, thai, english)] = weekday_mistakes("วันศุกร์ที่ 31 พฤศจิกายน 2569")
    assert "31 พฤศจิกายน 2569" in thai and "30 วัน" in thai and "does not exist" in english


def test_the_rule_names_the_line_in_title_summary_and_body_not_in_code(tmp_path):
    """A weekday at the end of a line and its date on the next are one date (Markdown joins
    them): the line named is the weekday's."""
    from tools.check import judge, load_settings

    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "visit.md").write_text(
        "Title: ลงพื้นที่วันอังคารที่ 30 พฤศจิกายน 2569\n"
        "Date: 2569-12-01 09:00\n"
        "Category: ข่าวกิจกรรม\n"
        "Summary: ตรวจค่ายพักคนงานเมื่อวันจันทร์ที่ 30 พฤศจิกายน 2569\n"
        "\n"
        "เมื่อวันจันทร์ที่ 30 พฤศจิกายน 2569 ศูนย์ฯ ลงพื้นที่\n"
        "และนัดติดตามผลวันพุธที่ 8 มกราคม 2570\n"
        "\n"
        "```\n"
        "วันพุธที่ 8 มกราคม 2570\n"
        "```\n"
        "ประชุมสรุปผลวันจันทร์ที่\n"
        "13 มกราคม 2570 ที่ห้องประชุมศูนย์ฯ\n",
        encoding="utf-8",
    )
    settings_ = load_settings(overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"),
                                        "THAI_SEARCH_ENABLED": False})
    problems = [p for p in judge(settings_).problems if p.rule == "text-date"]
    assert [(p.file, p.line, p.severity) for p in problems] == [
        ("content/news/visit.md", 1, "warning"),  # 30 November 2569 is a Monday
        ("content/news/visit.md", 7, "warning"),  # 8 January 2570 is a Friday
        ("content/news/visit.md", 12, "warning"),  # 13 January 2570, on the next line, is a Wednesday
    ], problems
    assert "คือวันศุกร์" in problems[1].thai and problems[1].fix


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(-40, 40), st.integers(0, 4))
def test_a_past_event_is_named_exactly_when_it_is_after_the_release(event, days, form):
    # (the weekday written is the day's own: the weekday check has nothing to say)
    release = event + timedelta(days=days)
    line = f"เมื่อ{written(event, WEEKDAYS[event.weekday()], form)} เวลา 09.30 น. ศูนย์ฯ จัดประชุม"
    found = events_after([(3, line)], release)
    assert found == ([(3, found[0][1], event)] if event > release else []), line
    if found:
        assert found[0][1].startswith("เมื่อวัน")


@pytest.mark.parametrize("text", [
    "จะมีผลใช้บังคับเมื่อวันที่ 1 มกราคม 2570",  # a future "when"
    "ในวันที่ 1 มกราคม 2570 ศูนย์ฯ จะจัดงาน",  # not told as past
    "เมื่อวันที่ 1 มกราคม",  # no year: nothing to check
])
def test_no_past_event_to_judge(text):
    assert events_after([(1, text)], date(2026, 12, 7)) == []
