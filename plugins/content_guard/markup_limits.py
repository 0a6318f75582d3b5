"""content_guard's guard against text that Markdown cannot read in reasonable time.

Python-Markdown's inline patterns backtrack on brackets that never close: 1,000 `[` in one
paragraph take about 1 s to convert, 4,000 take 21 s and 30,000 took 160 s, with no message; a
list nested 500 levels deep ends in Python's RecursionError. One such file must not stall CI.

| rule | severity | what |
|---|---|---|
| markup | ERROR | a paragraph with more than CONTENT_GUARD_MAX_OPEN_BRACKETS `[` that never close, or lists / quotes nested deeper than CONTENT_GUARD_MAX_NESTING |
| reader | ERROR | reading one file took longer than CONTENT_GUARD_READ_SECONDS (readers.py stops it) |

`check_markup` finds the first two before Markdown runs, with the line; `time_limit` bounds the
rest (a budget per file, enforced with SIGALRM where the build runs in a process's main thread,
as `invoke build`, `invoke check` and CI do). No Pelican import here.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager

from .problems import ERROR, Problem

LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|[0-9]{1,9}[.)])[ \t]")
QUOTE = re.compile(r"^[ \t]{0,3}((?:>[ \t]?)+)")


class ReadTimeout(Exception):
    """Reading one file took longer than its time budget."""


def _depth(indent: str) -> int:
    return len(indent.expandtabs(4)) // 4


def markup_problems(name: str, lines, max_nesting: int, max_open: int, start: int = 1) -> list[Problem]:
    """The ERRORs of rule markup for the body `lines` (numbered from `start`), at most one each."""
    problems = []
    nesting_found = brackets_found = False
    block_start, open_brackets = start, 0
    for number, line in enumerate(lines, start):
        if not line.strip():
            block_start, open_brackets = number + 1, 0
            continue
        if not nesting_found:
            item = LIST_ITEM.match(line)
            quote = QUOTE.match(line)
            depth = max(_depth(item["indent"]) + 1 if item else 0,
                        quote.group(1).count(">") if quote else 0)
            if depth > max_nesting:
                nesting_found = True
                problems.append(Problem(
                    name, number, "markup", ERROR,
                    f"รายการย่อยหรือข้อความอ้างอิงซ้อนกันลึก {depth} ชั้น (เกิน {max_nesting} ชั้น) "
                    "จึงอ่านไม่ได้",
                    f"lists or quotes are nested {depth} levels deep (more than {max_nesting}), "
                    "which cannot be read",
                    "ลดการย่อหน้าของรายการให้ซ้อนกันไม่เกินสองสามชั้น",
                    "indent the list less, a few levels at most"))
        if not brackets_found:
            open_brackets += line.count("[") - line.count("]")
            if open_brackets > max_open:
                brackets_found = True
                problems.append(Problem(
                    name, block_start, "markup", ERROR,
                    f"ย่อหน้านี้มีวงเล็บเหลี่ยม [ ที่ไม่มี ] ปิดมากกว่า {max_open} ตัว "
                    "ซึ่งทำให้อ่านไฟล์ช้ามากจนสร้างเว็บไซต์ไม่เสร็จ",
                    f"this paragraph has more than {max_open} square brackets [ that never close, "
                    "which would take the build minutes to read",
                    "ลบวงเล็บที่เกินออก หรือเขียนเป็น \\[ ถ้าต้องการแสดงวงเล็บจริง",
                    "delete the stray brackets, or write \\[ where a bracket must show"))
        if nesting_found and brackets_found:
            break
    return problems


def check_markup(source, site) -> list[Problem]:
    """Rule markup over the body of a Markdown source."""
    settings = site.settings
    return markup_problems(source.name, [text for _number, text in source.body_lines],
                           settings["CONTENT_GUARD_MAX_NESTING"],
                           settings["CONTENT_GUARD_MAX_OPEN_BRACKETS"], source.header.body_line)


@contextmanager
def time_limit(seconds: float):
    """Raise ReadTimeout in the block after `seconds` (only in the main thread; elsewhere the
    block runs unbounded, guarded by `check_markup` alone)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise ReadTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_problem(name: str, seconds: float) -> Problem:
    return Problem(
        name, None, "reader", ERROR,
        f"อ่านไฟล์นี้นานเกิน {seconds:g} วินาทีจึงหยุดอ่าน (มักเกิดจากสัญลักษณ์ [ * < จำนวนมากที่ไม่มีคู่)",
        f"reading this file took longer than {seconds:g} s, so it was stopped (usually many "
        "unpaired [ * < characters)",
        "ลบสัญลักษณ์ที่เกินออก หรือแบ่งเนื้อหาเป็นหลายไฟล์",
        "delete the stray characters, or split the text into several files")


def nesting_problem(name: str) -> Problem:
    return Problem(
        name, None, "markup", ERROR,
        "เนื้อหาซ้อนกันลึกเกินไปจึงอ่านไม่ได้ (เช่น รายการย่อยหลายร้อยชั้น)",
        "the text is nested too deeply to be read (for example hundreds of list levels)",
        "ลดการซ้อนของรายการหรือข้อความอ้างอิงลง", "nest the lists or quotes less")
