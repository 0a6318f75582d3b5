"""A short aside in brackets stays on one line (asides.py, markup.py).

A trial job announcement began lines with "มี)" ("ใบเปลี่ยนชื่อ-สกุล (ถ้า|มี)", 4 of 241 widths)
and "เดือน)" ("ค่าตอบแทน (บาท/|เดือน)" in a table's heading, 6 widths). The line-break measure over
the whole site (test_line_breaks.py) does not count asides (one whose words are in a link of their
own cannot be kept: asides.py); the last test reads every page of the sample site instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.thai_text.test_number_groups import breaks_inside
from thai_text.asides import ASIDE_LETTERS, find_short_asides

CASES = {
    "ใบเปลี่ยนชื่อ-สกุล (ถ้ามี) และหนังสือรับรอง": ["(ถ้ามี)"],
    "ค่าตอบแทน (บาท/เดือน)": ["(บาท/เดือน)"],
    "กรมการจัดหางาน (กกจ.) และ (ร่าง) มาตรการ": ["(กกจ.)", "(ร่าง)"],
    # longer, or with a space: it may wrap inside
    "ผู้แทนจาก (สำนักงานปลัดกระทรวงแรงงาน) และ (ถ้า มี)": [],
    "(ก)": [],  # one character: nothing to part
    "ฟีดข่าว (RSS) และ (TOR)": [],  # no browser breaks inside a Latin word
}


@pytest.mark.parametrize("text", list(CASES))
def test_short_asides_are_found(text):
    assert [text[a:b] for a, b in find_short_asides(text)] == CASES[text]
    assert all(b - a - 2 <= ASIDE_LETTERS for a, b in find_short_asides(text))


@pytest.mark.parametrize("text", [t for t, found in CASES.items() if found])
def test_no_line_ends_inside_an_aside(segmenter, text):
    assert breaks_inside(segmenter, text, find_short_asides) == []


# A bracketed run of one text node as markup.py writes it: letters, <wbr> and its own spans only.
MARKED_ASIDE = re.compile(r'\((?:[^()<>\s]|<wbr>|<span class="wl?">|</span>){2,200}?\)')
OWN_MARKUP = re.compile(r'<wbr>|<span class="wl?">|</span>')


def test_no_aside_of_the_sample_site_has_a_break_inside(sample_site):
    """Every short aside in one text node of every built page (an article, a list, a tag page...)
    has no <wbr> inside: the browser cannot end a line there."""
    pages = sorted(Path(sample_site.output).rglob("*.html"))
    asides = broken = 0
    for page in pages:
        for m in MARKED_ASIDE.finditer(page.read_text(encoding="utf-8")):
            plain = OWN_MARKUP.sub("", m.group())
            if find_short_asides(plain) == [(0, len(plain))]:
                asides += 1
                broken += "<wbr>" in m.group()
    assert asides > 50 and broken == 0, (asides, broken)
