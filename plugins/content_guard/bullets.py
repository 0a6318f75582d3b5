"""The rule "bullet": lines that look like a list to the writer and are none to Markdown.

A list copied from a document or a chat keeps its bullet characters (•, ●, ▪, ➢, ✓ ...), and
formal Thai documents number their items in Thai digits (๑. ๒. ๓.). Markdown (on the site and in
the web editor's preview alike) reads neither as a list: the lines run together into one
paragraph, "• ก • ข • ค" or "๑. ก ๒. ข" on one line. The rule names each run of such lines (a
WARNING: the release is still readable) with the fix: start each line with "- " (bullets), or
use "1. " or keep the Thai numbers with a blank line between the items (numbers). A single line
that begins with a Thai number is left alone (a sentence may). Lines in code blocks are too.
"""

from __future__ import annotations

import re

from .problems import WARNING, Problem
from .sources import outside_code_fences

# Bullets that documents and chats use; "-", "*" and "+" are Markdown's own and "·" a middle dot
# that Thai text uses inside words (ก·ข) too rarely at a line's start to matter.
BULLET_LINE = re.compile(r"^\s{0,3}(?P<bullet>[•●○◦▪▫■□◆◇►▶➢➤➔→✓✔☑❖⁃‣∙])\s*(?P<rest>\S.*)?$")
# An item numbered in Thai digits: ๑. or ๑) and a space.
THAI_NUMBERED = re.compile(r"^\s{0,3}(?P<bullet>[๐-๙]{1,3}[.)])[ \t]+\S")


def check_bullets(source, site) -> list[Problem]:
    """One WARNING for each run of bulleted lines, and of two or more lines numbered in Thai
    digits one after the other, on the run's first line."""
    runs: list[list] = []  # [first line, last line, bullet, kind]
    for number, line in outside_code_fences(source.body_lines):
        m, kind = BULLET_LINE.match(line), "bullet"
        if m is None:
            m, kind = THAI_NUMBERED.match(line), "thai number"
        if m is None:
            continue
        if runs and runs[-1][1] == number - 1 and runs[-1][3] == kind:
            runs[-1][1] = number
        else:
            runs.append([number, number, m.group("bullet"), kind])
    return [_problem(source.name, first, last, mark) if kind == "bullet" else _numbered(source.name, first, last, mark)
            for first, last, mark, kind in runs if kind == "bullet" or last > first]


def _lines(first: int, last: int) -> tuple[str, str]:
    if last > first:
        return f"บรรทัด {first}-{last} ขึ้นต้น", f"lines {first}-{last} start"
    return "บรรทัดนี้ขึ้นต้น", "this line starts"


def _problem(name: str, first: int, last: int, bullet: str) -> Problem:
    thai, english = _lines(first, last)
    return Problem(
        name, first, "bullet", WARNING,
        f'{thai}ด้วย "{bullet}" ซึ่งเว็บไซต์ไม่ถือเป็นรายการ ข้อความจะต่อกันเป็นย่อหน้าเดียว',
        f'{english} with "{bullet}", which is not a list marker: the items run together into one paragraph',
        f'ลบ "{bullet}" แล้วขึ้นต้นแต่ละบรรทัดด้วยขีดและเว้นวรรค ("- ")',
        f'remove "{bullet}" and start each line with a hyphen and a space ("- ")')


def _numbered(name: str, first: int, last: int, number: str) -> Problem:
    thai, english = _lines(first, last)
    return Problem(
        name, first, "bullet", WARNING,
        f'{thai}ด้วยเลขไทย ("{number}") ซึ่งเว็บไซต์ไม่ถือเป็นรายการ ข้อความทุกข้อจะต่อกันเป็นย่อหน้าเดียว',
        f'{english} with Thai digits ("{number}"), which Markdown does not read as a list: the items '
        "run together into one paragraph",
        'ใช้เลขอารบิกตามด้วยจุดและเว้นวรรค ("1. ") ให้เป็นรายการ หรือคงเลขไทยไว้แล้วเว้นบรรทัดว่างระหว่างข้อ',
        'number them "1. " to make a list, or keep the Thai digits and leave a blank line between the items')
