"""Dates written in a release's text with their weekday: วันอังคารที่ 30 พฤศจิกายน 2569 must be a
Tuesday, and the day must exist.

A release is often written from last year's, or from the invitation sent before the event, and the
date is changed but not the weekday before it; a reader (and a journalist quoting the release)
then has two dates to choose from. Only a weekday written right before a whole date with a
four-digit year is judged (วันจันทร์ที่ 30 พฤศจิกายน 2569; วันพฤหัสบดี or วันพฤหัส; Thai or
Arabic digits, month names full, short or colloquial, `พ.ศ.` or not): a date without a weekday or
a year says nothing to check. The date is read by `parsing.parse_date`, as `Date:` is. The lines
of a paragraph are read as one text (a weekday may end one line and its date start the next).

An event told as past (เมื่อวันที่ 4 ธันวาคม 2569, เมื่อวันศุกร์ที่ ..., เมื่อ 4 ธ.ค. 2569) cannot
be dated after the release that tells it: either the date is a slip, or the release's own date is
older than the event (a draft started before the event and published after it keeps the day it
was started). `events_after` gives each such date, with a four-digit year, as the weekday check.

No Pelican imports: rules.py's rules "text-date" and "event-date" call `mistakes_by_line` and
`events_after`.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right

from .formats import MONTHS, MONTHS_SHORT, WEEKDAYS, to_arabic_digits
from .parsing import _COLLOQUIAL, DateProblem, parse_date

# Weekday names as written after วัน: the full ones, and พฤหัส for พฤหัสบดี.
WEEKDAY_NUMBERS = {**{name: number for number, name in enumerate(WEEKDAYS)}, "พฤหัส": 3}


def _alternation(words) -> str:
    """Longest first (พฤหัสบดี before พฤหัส), then in alphabetical order: the same pattern in every
    process (the editor's rule data is written with it, and a rebuild must not change it)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_DIGIT = "[0-9\u0e50-\u0e59]"
TEXT_DATE = re.compile(
    rf"วัน(?P<weekday>{_alternation(WEEKDAY_NUMBERS)})\s*(?:ที่\s*)?"
    rf"(?P<date>{_DIGIT}{{1,2}}\s*(?:{_alternation(MONTHS + MONTHS_SHORT + _COLLOQUIAL)})\s*"
    rf"(?:พ\.\s?ศ\.\s*)?{_DIGIT}{{4}})(?!{_DIGIT})"
)


# A past event's date: เมื่อ, then วันที่ or a weekday, or the date alone (see TEXT_DATE).
EVENT_DATE = re.compile(
    rf"เมื่อ\s*(?:วัน(?:{_alternation(WEEKDAY_NUMBERS)})?\s*)?(?:ที่\s*)?"
    rf"(?P<date>{_DIGIT}{{1,2}}\s*(?:{_alternation(MONTHS + MONTHS_SHORT + _COLLOQUIAL)})\s*"
    rf"(?:พ\.\s?ศ\.\s*)?{_DIGIT}{{4}})(?!{_DIGIT})"
)


def events_after(numbered_lines, day: datetime.date) -> list[tuple[int, str, datetime.date]]:
    """(line number, what is written, its date) for each past event of the lines given as
    (number, text) dated after `day` (a date: the release's), its paragraph read as one text.
    เมื่อ after จะ in the same run of words is a future "when" (จะมีผลใช้บังคับเมื่อวันที่ ...)."""
    found = []
    for numbers, starts, text in _paragraphs(numbered_lines):
        if "เมื่อ" not in text:
            continue
        for m in EVENT_DATE.finditer(text):
            if "จะ" in text[text.rfind(" ", 0, m.start()) + 1:m.start()]:
                continue  # a future "when" (จะมีผลใช้บังคับเมื่อวันที่ ...)
            try:
                moment = parse_date(m.group("date"))
            except DateProblem:
                continue  # a day that does not exist: the weekday check names it where it can
            if moment.date() > day:
                found.append((numbers[bisect_right(starts, m.start()) - 1], m.group(0), moment.date()))
    return found


def weekday_mistakes(text: str) -> list[tuple[str, str, str]]:
    """(what is written, the problem in Thai, in English) for each weekday-and-date of `text`
    whose weekday is not that day's, or whose day does not exist."""
    return [(m.group(0), *problem) for m in TEXT_DATE.finditer(text) if (problem := _judge(m))]


def mistakes_by_line(numbered_lines) -> list[tuple[int, str, str]]:
    """(line number, the problem in Thai, in English) for the lines given as (number, text): a
    paragraph's lines are read as one text, joined by spaces, as Markdown shows them (a weekday
    at the end of one line and its date on the next are one date); the line is the weekday's."""
    found = []
    for numbers, starts, text in _paragraphs(numbered_lines):
        if "วัน" not in text:
            continue
        for m in TEXT_DATE.finditer(text):
            problem = _judge(m)
            if problem:
                found.append((numbers[bisect_right(starts, m.start()) - 1], *problem))
    return found


def _paragraphs(numbered_lines):
    """(line numbers, where each line starts in the text, the lines joined by spaces) of each run
    of consecutive non-blank lines."""
    numbers, lines = [], []
    for number, line in [*numbered_lines, (None, "")]:
        if line.strip() and (not numbers or number == numbers[-1] + 1):
            numbers.append(number)
            lines.append(line)
            continue
        if numbers:
            starts = [0]
            for previous in lines[:-1]:
                starts.append(starts[-1] + len(previous) + 1)
            yield numbers, starts, " ".join(lines)
        numbers, lines = ([number], [line]) if line.strip() else ([], [])


def _judge(m: re.Match) -> tuple[str, str] | None:
    """The problem (Thai, English) of one weekday-and-date, or None when the weekday is right."""
    written, weekday, date = m.group(0), m.group("weekday"), m.group("date")
    try:
        moment = parse_date(date)
    except DateProblem as problem:
        return (f'"{written}": วันที่ "{date}" {problem.thai}',
                f'"{written}": the date "{to_arabic_digits(date)}" {problem.english}')
    if WEEKDAY_NUMBERS[weekday] == moment.weekday():
        return None
    actual = WEEKDAYS[moment.weekday()]
    return (f'"{written}" ระบุวัน{weekday} แต่วันที่ {date} คือวัน{actual}',
            f'"{written}" says วัน{weekday}, but {to_arabic_digits(date)} is a วัน{actual} ({moment:%A})')
