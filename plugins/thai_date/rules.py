"""thai_date's rule "date": the `Date:` and `Modified:` an author wrote.

| problem | severity |
|---|---|
| an article without `Date:` | ERROR |
| a date that cannot be read or does not exist (`parsing.read_date` says why) | ERROR |
| a C.E. day/month/year date a month-first writer could have meant otherwise (`03/04/2022`, read as 3 April) | WARNING |
| a date before THAI_DATE_OLDEST_YEAR (C.E.) | WARNING |
| a date more than THAI_DATE_FUTURE_DAYS ahead (the post stays unpublished until then) | WARNING |
| a Thai month name with a C.E. year (`25 มีนาคม 2024`): the B.E. year was probably meant | WARNING |
| `Modified:` earlier than `Date:` | WARNING |
| a date in the file's name (FILENAME_METADATA, `2566-02-29-visit.md`) that cannot be read | ERROR |

Rule "text-date": in the title, summary and body (not in code), a weekday before a date that is
not that day's (`วันอังคารที่ 30 พฤศจิกายน 2569`, a Monday) or a day that does not exist, a WARNING
naming the line (text_dates.py).

Rule "event-date": in the body (not in code), an event told as past (เมื่อวันที่ 9 ธันวาคม 2569)
dated after the release's `Date:`, a WARNING naming the line (text_dates.py): the date is a slip,
or the release keeps the day its draft was started. The editor leaves it to CI, as spelling.

Plain functions: `check_dates(source, site)` for the content check, the build and the editor;
`date_problem(problem, name, line)` turns a `parsing.DateProblem` into the one Problem type.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import re

from .formats import BE_OFFSET, thai_date
from .parsing import ACCEPTED_FORMS, ACCEPTED_TIMES, DateProblem, parse_date, read_date
from .text_dates import events_after, mistakes_by_line

DATE_FIELDS = ("date", "modified")
THAI = re.compile("[\u0e01-\u0e4e]")


def _problem(name, line, severity, thai, english, fix="", fix_english="", rule="date"):
    from content_guard.problems import Problem

    return Problem(name, line, rule, severity, thai, english, fix, fix_english)


def date_problem(problem: DateProblem, name: str, line: int | None):
    """The ERROR for a date that cannot be read, with the forms that can."""
    return _problem(
        name, line, "error",
        f'วันที่ "{problem.value}" {problem.thai}', f'Date "{problem.value}" {problem.english}',
        f"เขียนในรูปแบบที่ใช้ได้ เช่น {ACCEPTED_FORMS} (ใส่เวลาต่อท้ายได้ เช่น {ACCEPTED_TIMES})",
        f"write an accepted form, e.g. {ACCEPTED_FORMS} (optionally followed by a time: {ACCEPTED_TIMES})")


def file_name_date_problem(problem: DateProblem, name: str):
    """The ERROR for a date in a file's name (FILENAME_METADATA) that cannot be read."""
    found = date_problem(problem, name, None)
    return dataclasses.replace(
        found, thai="วันที่จากชื่อไฟล์: " + found.thai, english="date taken from the file name: " + found.english,
        fix="เปลี่ยนชื่อไฟล์ หรือ" + found.fix, fix_english="rename the file, or " + found.fix_english)


def path_dates(source, settings: dict) -> list[str]:
    """The dates Pelican takes from the file's name and path (FILENAME_METADATA, PATH_METADATA)."""
    key = ("thai_date.path_dates", settings["PATH"], settings.get("FILENAME_METADATA"), settings.get("PATH_METADATA"))
    return source.derived(key, lambda: _path_dates(source, settings))


def _path_dates(source, settings: dict) -> list[str]:
    base = os.path.abspath(settings["PATH"]) + os.sep
    path = str(source.path)
    rel = (path[len(base):] if path.startswith(base) else os.path.relpath(path, base)).replace(os.sep, "/")
    values = []
    for key, data in (("FILENAME_METADATA", os.path.splitext(os.path.basename(rel))[0]), ("PATH_METADATA", rel)):
        pattern = settings.get(key)
        match = re.match(pattern, data) if pattern and data else None
        if match and match.groupdict().get("date"):
            values.append(match.group("date"))
    return values


def check_dates(source, site) -> list:
    """Every problem of the dates of `source` (see the module's table)."""
    settings = site.settings
    problems = []
    for value in path_dates(source, settings):
        try:
            parse_date(value.replace("_", " "))
        except DateProblem as exc:
            problems.append(file_name_date_problem(exc, source.name))
    if source.kind == "article" and not source.value("date"):
        problems.append(_problem(
            source.name, source.line_of("date", 1), "error", "ไม่มีวันที่", "has no date",
            "เพิ่มบรรทัด Date: เช่น Date: 2569-03-25 09:00 (ปี พ.ศ.)",
            "add e.g. `Date: 2569-03-25 09:00` (Buddhist-era year)"))
    oldest = settings["THAI_DATE_OLDEST_YEAR"]
    horizon = site.now + _dt.timedelta(days=settings["THAI_DATE_FUTURE_DAYS"])
    moments = {}
    for key in DATE_FIELDS:
        value = source.value(key)
        if not value:
            continue
        line = source.line_of(key)
        try:
            moment, caution = read_date(value)
        except DateProblem as exc:
            problems.append(date_problem(exc, source.name, line))
            continue
        if caution is not None:
            problems.append(_problem(
                source.name, line, "warning",
                f'วันที่ "{caution.value}" {caution.thai}', f'Date "{caution.value}" {caution.english}'))
        moment = moment if moment.tzinfo else moment.replace(tzinfo=site.timezone)
        moments[key] = moment
        problems.extend(_suspicious(source.name, line, value, moment, oldest, horizon))
    if "date" in moments and "modified" in moments and moments["modified"] < moments["date"]:
        problems.append(_problem(
            source.name, source.line_of("modified"), "warning",
            "วันที่แก้ไข (Modified) อยู่ก่อนวันที่เผยแพร่ (Date)", "Modified is earlier than Date",
            "ตรวจว่าพิมพ์ทั้งสองวันถูกต้อง", "check both"))
    return problems


def check_text_dates(source, site) -> list:
    """Rule "text-date": each weekday written before a date that is not that day (text_dates.py),
    in `Title:`, `Summary:` and the body outside code, with its line."""
    from content_guard.sources import outside_code_fences

    found = []
    for key in ("title", "summary"):
        if source.line_of(key):
            found += mistakes_by_line([(source.line_of(key), source.value(key))])
    found += mistakes_by_line(outside_code_fences(source.body_lines))
    return [_problem(source.name, number, "warning", thai, english,
                     "แก้ชื่อวันหรือวันที่ให้ตรงกัน (ถ้าคัดลอกมาจากข่าวหรือหนังสือเชิญฉบับก่อน ให้ตรวจทุกวันที่)",
                     "make the weekday and the date agree (in text copied from an earlier release or "
                     "invitation, check every date)", rule="text-date")
            for number, thai, english in found]


def check_event_dates(source, site) -> list:
    """Rule "event-date": each past event of the body dated after the release (text_dates.py)."""
    from content_guard.sources import outside_code_fences

    if source.kind != "article" or not source.value("date"):
        return []
    try:
        release = parse_date(source.value("date"))
    except DateProblem:
        return []  # the rule "date" names it
    day = release.date()
    return [_problem(source.name, number, "warning",
                     f'"{written}" เล่าเหตุการณ์ที่ผ่านมาแล้ว แต่วันที่ {thai_date(event)} อยู่หลังวันที่ของข่าว '
                     f'({thai_date(day)})',
                     f'"{written}" tells of a past event, but {event:%Y-%m-%d} is after the release\'s date '
                     f"({day:%Y-%m-%d})",
                     "ถ้าข่าวเผยแพร่หลังเหตุการณ์ ให้แก้วันที่ของข่าว (Date: หรือช่อง วันที่ ในระบบเขียนข่าว) "
                     "เป็นวันที่เผยแพร่ ถ้าไม่ใช่ ให้แก้วันที่ในข้อความ",
                     "if the release is published after the event, set its date (Date:, or the editor's "
                     "วันที่ field) to the day it is published; otherwise fix the date in the text",
                     rule="event-date")
            for number, written, event in events_after(outside_code_fences(source.body_lines), day)]


def _suspicious(name, line, value, moment, oldest, horizon) -> list:
    problems = []
    be = moment.year + BE_OFFSET
    if moment.year < oldest:
        problems.append(_problem(
            name, line, "warning",
            f'วันที่ "{value}" คือปี ค.ศ. {moment.year} (พ.ศ. {be}) เก่าผิดปกติ',
            f'Date "{value}" is the year {moment.year} C.E., suspiciously old',
            "ตรวจว่าพิมพ์ปีถูกต้อง", "check the year"))
    elif moment > horizon:
        problems.append(_problem(
            name, line, "warning",
            f'วันที่ "{value}" อยู่ในอนาคตมากกว่าหนึ่งปี (ค.ศ. {moment.year} = พ.ศ. {be}) '
            "ข่าวจะไม่ปรากฏจนถึงวันนั้น",
            f'Date "{value}" is more than a year ahead ({moment:%Y-%m-%d}); the post stays '
            "unpublished until then",
            "ตรวจว่าพิมพ์ปีถูกต้อง", "check the year"))
    if THAI.search(value) and "ค.ศ" not in value:
        year = re.search(r"(\d{4})", value)
        if year and int(year.group(1)) < 2400:
            problems.append(_problem(
                name, line, "warning",
                f'วันที่ "{value}" ใช้ชื่อเดือนภาษาไทยกับปี ค.ศ. {year.group(1)}',
                f'Date "{value}" has a Thai month name with the C.E. year {year.group(1)}',
                f"ถ้าหมายถึงปี พ.ศ. ให้เขียน {int(year.group(1)) + BE_OFFSET}",
                f"write {int(year.group(1)) + BE_OFFSET} if the Buddhist-era year was meant"))
    return problems


def published(site):
    """Year archives (THAI_DATE_YEAR_ARCHIVE_URL) of the B.E. years the articles are dated in."""
    pattern = site.settings.get("THAI_DATE_YEAR_ARCHIVE_URL")
    if not pattern or not site.settings.get("THAI_DATE_YEAR_ARCHIVE_SAVE_AS"):
        return []
    urls = []
    for source in site.articles:
        try:
            moment = parse_date(source.value("date"))
        except DateProblem:
            continue
        moment = moment if moment.tzinfo else moment.replace(tzinfo=site.timezone)
        urls.append(pattern.format(be_year=moment.astimezone(site.timezone).year + BE_OFFSET))
    return urls


def _rules():
    from content_guard.verdict import Rule

    return (Rule("date", check_dates), Rule("text-date", check_text_dates, depends_on=()),
            Rule("event-date", check_event_dates, depends_on=()))


RULES = _rules()
