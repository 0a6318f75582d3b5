"""The rule "heading": a level-1 heading in the text of a release or a page.

The page's title is its one `<h1>`; a heading in the text written as `# ...` (or underlined with
`===`, or as `<h1>`) is a second one at the same level, and a screen reader's list of headings
then shows the text's part as another page beside the release itself (WCAG 1.3.1: headings say
how the page is built). The web editor offers only หัวข้อ 2 and หัวข้อ 3, and the WordPress import
makes a body's `<h1>` a `##`; such a heading comes from a file edited by hand or pasted from a
document. One WARNING per heading, with the fix ("## "). A hashtag (`#ดวงตาแรงงาน`, no space) is
no heading (writers_markdown.py) and lines in code blocks are left alone.
"""

from __future__ import annotations

import re

from .links import INLINE_CODE
from .problems import WARNING, Problem
from .sources import outside_code_fences

ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]+(?P<text>.*?))?[ \t#]*$")
SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
HTML_H1 = re.compile(r"<h1[\s>]", re.I)
_BLOCK_START = re.compile(r"^ {0,3}(?:[#>|*+-]|\d+[.)]|```|~~~)")


def check_headings(source, site) -> list[Problem]:
    """One WARNING for each level-1 heading of the body of `source`."""
    problems = []
    before = ""  # the line above, when it may be a paragraph's (what a `===` line underlines)
    for number, line in outside_code_fences(source.body_lines):
        atx = ATX_H1.match(line)
        if atx is not None:
            shown = f'"# {atx["text"]}"' if atx["text"] else '"#"'
            problems.append(_problem(source.name, number, shown, shown, '"##" แทน "#"', '"##" instead of "#"'))
        elif SETEXT_H1.match(line) and before:
            text = before.strip()
            problems.append(_problem(
                source.name, number, f'"{text}" ขีดเส้นใต้ด้วย ===', f'"{text}" underlined with ===',
                '"## " ไว้หน้าข้อความหัวข้อแทนเส้น ===', '"## " before the heading instead of the === line'))
        elif HTML_H1.search(INLINE_CODE.sub("", line)):  # (`<h1>` in backticks is text)
            problems.append(_problem(source.name, number, '"<h1>"', '"<h1>"', '"<h2>" แทน "<h1>"',
                                     '"<h2>" instead of "<h1>"'))
        before = line if line.strip() and not _BLOCK_START.match(line) else ""
    return problems


def _problem(name: str, line: int, what: str, what_en: str, how: str, how_en: str) -> Problem:
    return Problem(
        name, line, "heading", WARNING,
        f"หัวข้อระดับ 1 ในเนื้อหา ({what}) อยู่ระดับเดียวกับชื่อข่าว "
        "ผู้ใช้โปรแกรมอ่านหน้าจอจะเข้าใจว่าเป็นอีกหน้าหนึ่ง",
        f"a level-1 heading in the text ({what_en}), the level of the page's title: "
        "screen-reader users take it for another page",
        f"ใช้หัวข้อระดับ 2: เขียน {how} (ในระบบเขียนข่าว เลือก หัวข้อ 2)",
        f"use a level-2 heading: write {how_en} (in the web editor, choose หัวข้อ 2)")
