"""A contact person named in brackets by คุณ and a first name stays on one line (names.py).

A trial announcement gave its contact as "โทร. 08 1234 5678 (คุณอรวรรณ)", and its page ended a
line at "(คุณอร|วรรณ)" at 5 of 241 widths.
"""

from __future__ import annotations

import pytest


CASES = {
    "หรือ 08 1234 5678 (คุณอรวรรณ) อีเมล": ["คุณอรวรรณ"],
    "ติดต่อ 0 2232 1461 (คุณสมศักดิ์ ใจดี)": ["คุณสมศักดิ์ ใจดี"],
    ") (คุณอรวรรณ)": ["คุณอรวรรณ"],  # (the text after a telephone number's link, as markup.py sees it)
    # elsewhere คุณ is no title: a word (คุณภาพ, คุณธรรม), the pronoun
    "ตรวจคุณภาพ (คุณธรรมและจริยธรรม ของเจ้าหน้าที่)": [],
    "หลักสูตร (คุณภาพชีวิต)": [],
    "คุณสามารถแจ้งเบาะแสได้ (ไม่ต้องเปิดเผยชื่อ)": [],
}


@pytest.mark.parametrize("text", list(CASES))
def test_contact_names_are_found(segmenter, text):
    assert [text[a:b] for a, b in segmenter.names(text)] == CASES[text]


@pytest.mark.parametrize("text", [t for t, found in CASES.items() if found])
def test_no_line_ends_inside_them(segmenter, text):
    breaks = segmenter.break_offsets(text, use_cache=False)
    for a, b in segmenter.names(text):
        assert not [k for k in breaks if a < k < b], (text[a:b], segmenter.segment(text))
