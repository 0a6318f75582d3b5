"""The rule "bullet": a line that starts with a bullet character pasted from Word or LINE.

A list copied from a document or a chat keeps its bullet characters (•, ●, ▪, ➢, ✓ ...). Markdown
(on the site and in the web editor's preview alike) does not read them as a list: the lines run
together into one paragraph, "• ก • ข • ค" on one line. The rule names each such line (a WARNING:
the release is still readable) and the fix: start the line with "- " instead, and leave the bullet
out. Lines in code blocks are left alone.
"""

from __future__ import annotations

import re

from .problems import WARNING, Problem

# Bullets that documents and chats use; "-", "*" and "+" are Markdown's own and "·" a middle dot
# that Thai text uses inside words (ก·ข) too rarely at a line's start to matter.
BULLET_LINE = re.compile(r"^\s{0,3}(?P<bullet>[•●○◦▪▫■□◆◇►▶➢➤➔→✓✔☑❖⁃‣∙])\s*(?P<rest>\S.*)?$")
FENCE = re.compile(r"^\s*(```|~~~)")


def check_bullets(source, site) -> list[Problem]:
    """One WARNING for each run of lines that start with a bullet character, on its first line."""
    runs: list[tuple[int, int, str]] = []  # (first line, last line, bullet)
    fenced = False
    for number, line in source.body_lines:
        if FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else BULLET_LINE.match(line)
        if m is None:
            continue
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number, runs[-1][2])
        else:
            runs.append((number, number, m.group("bullet")))
    return [_problem(source.name, first, last, bullet) for first, last, bullet in runs]


def _problem(name: str, first: int, last: int, bullet: str) -> Problem:
    lines = f"บรรทัด {first}-{last} ขึ้นต้น" if last > first else "บรรทัดนี้ขึ้นต้น"
    english = f"lines {first}-{last} start" if last > first else "this line starts"
    return Problem(
        name, first, "bullet", WARNING,
        f'{lines}ด้วย "{bullet}" ซึ่งเว็บไซต์ไม่ถือเป็นรายการ ข้อความจะต่อกันเป็นย่อหน้าเดียว',
        f'{english} with "{bullet}", which is not a list marker: the items run together into one paragraph',
        f'ลบ "{bullet}" แล้วขึ้นต้นแต่ละบรรทัดด้วยขีดและเว้นวรรค ("- ")',
        f'remove "{bullet}" and start each line with a hyphen and a space ("- ")')
