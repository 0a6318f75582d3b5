"""No line ends inside a word of a company's name (companies.py).

A trial release named its brokers "บริษัท เอเชีย แมนพาวเวอร์ ซัพพลาย จำกัด" and its page ended
lines at "แมน|พาวเวอร์" at 150 of 241 widths: the segmenter reads an English word written in Thai
letters as two Thai words. The release before it did the same at "สตาร์|ไลท์" (Starlight).
"""

from __future__ import annotations

import pytest

from thai_text.companies import find_company_words

CASES = {
    "นายหน้า 3 ราย ได้แก่ บริษัท เอเชีย แมนพาวเวอร์ ซัพพลาย จำกัด และ": ["เอเชีย", "แมนพาวเวอร์", "ซัพพลาย"],
    "ตรงกับแคตตาล็อกของ บริษัท สตาร์ไลท์ เวลดิ้ง เทคโนโลยี จำกัด เพียงรายเดียว": ["สตาร์ไลท์", "เวลดิ้ง", "เทคโนโลยี"],
    "ห้างหุ้นส่วนจำกัด ทรัพย์ทวีจัดหางาน และ": ["ทรัพย์ทวีจัดหางาน"],
    "ผู้รับจ้างคือ หจก.รุ่งเรืองการช่าง ได้รับ": ["รุ่งเรืองการช่าง"],
    "บริษัท ปตท. จำกัด (มหาชน)": ["ปตท"],
    # no name: บริษัท not followed by a space, or no จำกัด after a few short words
    "บริษัทนำเที่ยวจำกัดจำนวนผู้โดยสาร": [],
    "ขอให้บริษัท ทุกแห่งจ่ายค่าจ้างให้ครบถ้วนตามสัญญา ไม่ จำกัด": [],
}


@pytest.mark.parametrize("text", list(CASES))
def test_the_words_of_a_companys_name_are_found(text):
    assert [text[a:b] for a, b in find_company_words(text)] == CASES[text]


@pytest.mark.parametrize("text", [t for t, words in CASES.items() if words])
def test_no_line_ends_inside_them(segmenter, text):
    breaks = segmenter.break_offsets(text, use_cache=False)
    for a, b in find_company_words(text):
        assert not [k for k in breaks if a < k < b], (text[a:b], segmenter.segment(text))


def test_a_line_may_still_end_between_them(segmenter):
    text = "บริษัท เอเชีย แมนพาวเวอร์ ซัพพลาย จำกัด"
    _offsets, whole = segmenter.breaks_and_names(text, use_cache=False)
    assert whole == []  # no span holds a space: the name wraps at its spaces
