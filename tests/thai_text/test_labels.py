"""A part, grade or group named by a letter stays on one line with its word (labels.py, markup.py).

Trial releases began lines with "ก.) ของสำนักงาน ก.พ." ("(ภาค ก.)": the civil service's general
test, 6 of 241 widths), "A เพิ่มจาก 91.02 คะแนน" ("ระดับ A", 135 widths) and "O36 การเปิดเผย"
("ข้อ O36", an ITA indicator, 14 widths). The line-break measure over the whole site
(test_line_breaks.py) counts a line end inside such a label as one inside a name; these tests hold
the parts.
"""

from __future__ import annotations

import pytest

from tests.thai_text.test_number_groups import breaks_inside
from thai_text.labels import find_letter_labels

CASES = {
    "ผ่านการทดสอบความรู้ทั่วไป (ภาค ก.) ของสำนักงาน ก.พ.": ["ภาค ก."],
    "ได้ 94.37 คะแนน ระดับ A\nเพิ่มจาก 91.02 คะแนน": ["ระดับ A"],
    "ต่ำสุดคือ OIT ข้อ O36 การเปิดเผยผล": ["ข้อ O36"],
    "ตามภาคผนวก ข. และแบบ ค ท้ายประกาศ": ["ภาคผนวก ข.", "แบบ ค"],
    "ประชุมที่อาคาร B ชั้น 2": ["อาคาร B"],
    # a word after it, an abbreviation or a longer Latin run: no label
    "ภาค กลาง และภาคใต้": [],
    "ภาค ก.ค. ถึง ก.ย.": [],
    "สำนักงาน ก.พ. และ สำนักงาน ป.ป.ช.": [],
    "ผลประเมินระดับ AAA และ ระดับ Ab": [],
}


@pytest.mark.parametrize("text", list(CASES))
def test_labels_are_found(text):
    assert [text[a:b] for a, b in find_letter_labels(text)] == CASES[text]


@pytest.mark.parametrize("text", [t for t, found in CASES.items() if found and "\n" not in t])
def test_no_line_ends_inside_a_label(segmenter, text):
    assert breaks_inside(segmenter, text, find_letter_labels) == []
