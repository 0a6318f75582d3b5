"""No line ends inside a dotted abbreviation of more than one part (abbreviations.py).

A trial announcement of a training course, not in the sample content then, ended lines at
"(ศปท.|รง.)" (the center's short name and its ministry's) 7 times on its page, and at "(บ|ก.ปปท.)"
(the anti-corruption police division) at 22 of 241 widths: the segmenter protected only the
abbreviations made of single letters (ป.ป.ช.).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thai_text.abbreviations import ABBREVIATION, find_abbreviations

CASES = {
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน (ศปท.รง.) ขอเชิญ": ["ศปท.รง."],
    "ผู้กำกับการ กองบังคับการปราบปรามการทุจริต (บก.ปปท.)": ["บก.ปปท."],
    "ส่งเรื่องให้สำนักงานป.ป.ช.และ สป.รง. พิจารณา": ["ป.ป.ช.", "สป.รง."],
    "เมื่อ ต.ค. 69 ที่ จ.ขอนแก่น": ["ต.ค."],
    # one part has no inside; a full stop after a word is no abbreviation
    "ศปท. กระทรวงแรงงาน": [],
    "ผลการประเมิน. ศปท": [],
    "แบบ ตข.1/2570": [],
}


@pytest.mark.parametrize("text", list(CASES))
def test_abbreviations_are_found(text):
    assert [text[a:b] for a, b in find_abbreviations(text)] == CASES[text]


@pytest.mark.parametrize("text", [t for t, found in CASES.items() if found])
def test_no_line_ends_inside_them(segmenter, text):
    breaks = segmenter.break_offsets(text, use_cache=False)
    assert find_abbreviations(text)
    for a, b in find_abbreviations(text):
        assert not [k for k in breaks if a < k < b], (text[a:b], segmenter.segment(text))


CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_each_abbreviation_of_the_content_is_whole(segmenter):
    """Over every line of the sample content: no break inside an abbreviation of more than one
    part."""
    seen = 0
    lines = (line for path in sorted(CONTENT.rglob("*.md")) for line in path.read_text(encoding="utf-8").splitlines())
    for text in filter(None, lines):
        spans = find_abbreviations(text)
        seen += len(spans)
        if spans:
            breaks = segmenter.break_offsets(text, use_cache=False)
            for a, b in spans:
                assert not [k for k in breaks if a < k < b], (text[a:b], text)
    assert seen >= 20


def test_slugs_read_the_same_pattern():
    """slugs.py romanises what ABBREVIATION matches letter by letter: one part counts there."""
    assert [m.group() for m in ABBREVIATION.finditer("ศปท. และ ป.ป.ช.")] == ["ศปท.", "ป.ป.ช."]
