"""A dash written between spaces never starts a line (dashes.py, markup.py).

A trial release (an award) announced nominations "ตั้งแต่วันที่ 1 มีนาคม – 30 มิถุนายน 2570",
and its page began a line with "– 30 มิถุนายน 2570" at 6 of 241 widths: it read as an item of a
list. The line-break measure over the whole site (test_line_breaks.py) counts a line end before
such a dash as one inside a name; these tests hold the parts.
"""

from __future__ import annotations

import pytest

from tests.thai_text.test_number_groups import break_points
from thai_text.dashes import find_spaced_dashes
from thai_text.markup import process_html, strip_wbr

CASES = {
    "ตั้งแต่วันที่ 1 มีนาคม – 30 มิถุนายน 2570": ["ม –"],
    "สำนักงานแรงงาน - จังหวัดชลบุรี": ["น -"],  # a hyphen standing for a dash
    # (between numbers, it is in their group too: number_groups.py keeps 08.30 - 16.30 น. whole)
    "เวลา 08.30 - 16.30 น. ทุกวัน": ["0 -"],
    "ส่วนกลาง — ส่วนภูมิภาค": ["ง —"],
    "ปี 2565 –\nปี 2566": ["5 –"],
    # no spaces around it: part of a number or a word
    "15-16 มิถุนายน, 08.30-16.30 น., e-GP, COVID-19": [],
    "นาย ก -นาย ข": [],
}


@pytest.mark.parametrize("text", list(CASES))
def test_spaced_dashes_are_found(text):
    assert [text[a:b] for a, b in find_spaced_dashes(text)] == CASES[text]


@pytest.mark.parametrize("text", [t for t, found in CASES.items() if found and "\n" not in t and "08.30" not in t])
def test_no_line_starts_with_the_dash(segmenter, text):
    html = f"<p>{text}</p>"
    out = process_html(html, segmenter)
    assert strip_wbr(out) == html
    plain, points = break_points(out)
    for a, b in find_spaced_dashes(plain):
        assert not [k for k in points if a < k < b], (plain[a:b], out)
        assert b + 1 in points or b + 1 >= len(plain)  # the line may still end after the dash
