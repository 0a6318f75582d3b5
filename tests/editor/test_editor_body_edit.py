"""Editing one word of a body changes that line of the file, and no other, for every file in content/.

Decap's rich-text editor writes the whole body afresh when any of it changes: its own bullets,
tables padded and without their alignment, escapes, blank lines. js/body-lines.js writes back
every line the author did not change as it was. In the browser, through Decap's own editor:
each content file is opened, a letter typed at the start of its body and the entry saved; the
file Decap sends to the backend must be the file in the repository with that one line changed
by that one letter (the request is answered as the backend would, so nothing is committed).
Then the rule itself on cases an author makes: a line that changes how the site reads it (a
list made, a paragraph split, a bullet removed) is written as the editor wrote it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from tests.editor.conftest import CONTENT_FILES, capture_saves, log_in, open_content_file, settle_after_save, wait_for_save

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FILES = CONTENT_FILES
LETTER = "ก"


def _one_letter_more(old: str, new: str) -> bool:
    return len(new) == len(old) + 1 and any(
        new[p] == LETTER and new[:p] + new[p + 1:] == old for p in range(len(new)))


def one_letter_typed(page, editor, files, root: Path) -> tuple[dict[str, str], list[str]]:
    """Open each of `files` ((collection, path) under `root`), type LETTER at the start of its
    body and save: (the saves, one problem for each file saved with more than that changed)."""
    saved = capture_saves(page, editor)
    problems = []
    for collection, path in files:
        rel = path.relative_to(root).as_posix()
        original, title = open_content_file(page, editor, collection, path)
        form = title.get_attribute("id")
        body = page.locator("[data-slate-editor]").first
        body.locator("[data-slate-string]").first.click()
        page.keyboard.press("Control+Home")
        page.keyboard.type(LETTER)
        page.get_by_role("button", name="บันทึก").first.click()
        wait_for_save(page, saved, rel)
        settle_after_save(page, form)
        assert rel in saved, f"{rel} was not saved"
        removed, added = [], []
        for line in difflib.ndiff(original.split("\n"), saved[rel].split("\n")):
            (removed if line.startswith("- ") else added if line.startswith("+ ") else []).append(line[2:])
        if not (len(removed) == len(added) == 1 and _one_letter_more(removed[0], added[0])):
            problems.append(f"{rel}: -{removed[:6]} +{added[:6]}")
    return saved, problems


def test_one_letter_typed_changes_one_line_of_every_file(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    saved, problems = one_letter_typed(page, editor, FILES, ROOT)
    assert problems == []
    assert sorted(saved) == sorted(p.relative_to(ROOT).as_posix() for _c, p in FILES)


CASES = [
    # (what, the file's body, what Decap wrote after the author's edit, what is saved)
    ("bullets and an edited item keep the list's marker",
     "ข้อสังเกต\n\n- ข้อหนึ่ง\n- ข้อสอง",
     "ข้อสังเกต\n\n* ข้อหนึ่ง\n* ข้อสองแก้",
     "ข้อสังเกต\n\n- ข้อหนึ่ง\n- ข้อสองแก้"),
    ("an item added at the top takes the list's marker",
     "- ข้อหนึ่ง\n- ข้อสอง",
     "* ข้อใหม่\n* ข้อหนึ่ง\n* ข้อสอง",
     "- ข้อใหม่\n- ข้อหนึ่ง\n- ข้อสอง"),
    ("a table keeps its alignment and padding; the edited row is the editor's",
     "| จังหวัด | ผู้ตอบ |\n|---|---:|\n| ตาก | 588 |\n| ระนอง | 296 |",
     "| จังหวัด | ผู้ตอบ |\n| ------- | ------ |\n| ตาก     | 588    |\n| ระนอง   | 297    |",
     "| จังหวัด | ผู้ตอบ |\n|---|---:|\n| ตาก | 588 |\n| ระนอง   | 297    |"),
    ("a column added: the delimiter row is the editor's",
     "| ก | ข |\n|---|---:|\n| 1 | 2 |",
     "| ก | ข | ค |\n| - | - | - |\n| 1 | 2 | 3 |",
     "| ก | ข | ค |\n| - | - | - |\n| 1 | 2 | 3 |"),
    ("a hashtag line keeps its unescaped #",
     "ข่าวต้นฉบับ\n\n#ดวงตาแรงงาน #ศปทแรงงาน",
     "ข่าวต้นฉบับแก้\n\n\\#ดวงตาแรงงาน #ศปทแรงงาน",
     "ข่าวต้นฉบับแก้\n\n#ดวงตาแรงงาน #ศปทแรงงาน"),
    ("an escaped number made into a list stays a list",
     "1\\. ข้อแรก",
     "1. ข้อแรก",
     "1. ข้อแรก"),
    ("a bullet removed stays removed",
     "- ข้อหนึ่ง\n- ข้อสอง",
     "ข้อหนึ่ง\n\n* ข้อสอง",
     "ข้อหนึ่ง\n\n- ข้อสอง"),
    ("a paragraph split keeps the blank line",
     "บรรทัดแรก\nบรรทัดสอง",
     "บรรทัดแรก\n\nบรรทัดสอง",
     "บรรทัดแรก\n\nบรรทัดสอง"),
    ("the blank line the editor puts above a list under a line of text is left out",
     "ข้อสังเกตมีดังนี้\n- ข้อหนึ่ง\n\nย่อหน้าท้าย",
     "ข้อสังเกตมีดังนี้\n\n* ข้อหนึ่ง\n\nย่อหน้าท้ายแก้",
     "ข้อสังเกตมีดังนี้\n- ข้อหนึ่ง\n\nย่อหน้าท้ายแก้"),
    ("a line deleted is gone, the others stay",
     "หนึ่ง\n\nสอง\n\nสาม",
     "หนึ่ง\n\nสาม",
     "หนึ่ง\n\nสาม"),
    ("the WordPress import's line breaks, list markers and nesting stay; a break typed is the file's",
     "ย่อหน้าแรก  \nบรรทัดสอง\n\n-   ข้อหนึ่ง\n    -   ข้อย่อย\n\n1.  ลำดับแรก",
     "ย่อหน้าแรกแก้\\\nบรรทัดสอง\n\n* ข้อหนึ่ง\n\n  * ข้อย่อย\n\n1. ลำดับแรก",
     "ย่อหน้าแรกแก้  \nบรรทัดสอง\n\n-   ข้อหนึ่ง\n    -   ข้อย่อย\n\n1.  ลำดับแรก"),
    ("an item put inside an imported item is indented to its text",
     "-   ข้อหนึ่ง\n-   ข้อสอง",
     "* ข้อหนึ่ง\n  * ข้อสอง",
     "-   ข้อหนึ่ง\n    * ข้อสอง"),
    ("a thematic break, underscores for bold and a mail address in <> read as the editor writes them",
     "ก่อนแก้ <zerocorruption@mol.go.th>\n\n---\n\nคำ __สำคัญ__ ท้าย",
     "ก่อนแก้แล้ว [zerocorruption@mol.go.th](mailto:zerocorruption@mol.go.th)\n\n- - -\n\nคำ **สำคัญ** ท้าย",
     "ก่อนแก้แล้ว [zerocorruption@mol.go.th](mailto:zerocorruption@mol.go.th)\n\n---\n\nคำ __สำคัญ__ ท้าย"),
    ("a mail address in <> and __bold__ in a list item too (a trial notice's list of channels)",
     "ช่องทาง\n\n- อีเมล <complaint.center@mol.go.th> ระบุจังหวัด\n- ไลน์ __@zerocorruption.mol__",
     "ช่องทางแก้\n\n* อีเมล [complaint.center@mol.go.th](mailto:complaint.center@mol.go.th) ระบุจังหวัด\n"
     "* ไลน์ **@zerocorruption.mol**",
     "ช่องทางแก้\n\n- อีเมล <complaint.center@mol.go.th> ระบุจังหวัด\n- ไลน์ __@zerocorruption.mol__"),
    ("a bold word is a change",
     "คำสำคัญ ในข่าว",
     "**คำสำคัญ** ในข่าว",
     "**คำสำคัญ** ในข่าว"),
]


def test_only_lines_read_alike_are_kept(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    got = page.evaluate(
        "cases => cases.map(([, a, b]) => window.ZeroCorruptionEditor.bodyLines.keepLines(a, b))",
        [list(case) for case in CASES],
    )
    assert [(what, g) for (what, _a, _b, _w), g in zip(CASES, got)] == [(what, want) for what, _a, _b, want in CASES]
