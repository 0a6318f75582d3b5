"""A part, grade or group named by a letter stays with the word that names it: `ภาค ก.`, `ระดับ A`.

Thai official writing names parts and grades by a letter as it names them by a number: the civil
service's general knowledge test is ภาค ก., an integrity score is ระดับ A, an ITA indicator is
ข้อ O36. A browser may end a line at the space before the letter, and a line that starts with
"ก.) ของสำนักงาน" or "A เพิ่มจาก" reads as a slip (trial releases did so at 6, 135 and 14 of 241
widths). `find_letter_labels` gives each such label with its word; markup.py keeps it on one line
as a number with its unit, and the line-break measurement counts a line end inside it as one
inside a name. A number after such a word is number_groups.py's (ชั้น 3, ข้อ 5).

A label is a Thai consonant alone, with or without a dot (ภาค ก., ข้อ ข), or a capital Latin
letter with up to three digits (อาคาร B, ข้อ O36), and nothing written against it: ภาค กลาง, ภาค
ก.ค., สำนักงาน ก.พ. and ระดับ AAA are none.

Nothing here imports Pelican: a plain function that markup.py, the tests and the line-break
measurement call.
"""

from __future__ import annotations

import re

from .patterns import alternation

# Words that name a part, grade, group, place or item by a letter after them.
LABEL_WORDS = (
    "ภาค", "ข้อ", "แบบ", "ประเภท", "บัญชี", "กลุ่ม", "ระดับ", "หมวด", "ส่วน", "เกรด", "ชั้น",
    "ห้อง", "อาคาร", "ตึก", "โซน", "ประตู", "ตัวชี้วัด", "ภาคผนวก", "เอกสารแนบ", "ผัง", "ชุด",
)
_LABEL = re.compile(
    rf"(?:{alternation(LABEL_WORDS)})[ \u00a0]?(?:[\u0e01-\u0e2e]\.?|[A-Z][0-9]{{0,3}})"
    r"(?![\u0e01-\u0e4eA-Za-z0-9.])"
)


def find_letter_labels(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word that names a part by a letter, with the letter, in `text`, in
    order: `ภาค ก.` in `(ภาค ก.) ของสำนักงาน ก.พ.`."""
    return [m.span() for m in _LABEL.finditer(text)]
