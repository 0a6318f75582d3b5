"""Telephone numbers a reader taps to call (phones.numbers_to_dial, phone_links.link_numbers).

A reader on a phone who is asked to call สายด่วน 1546 or an office (โทร. 0 5368 9104) gets a
`tel:` link; everything else a reader sees stays as written. Here: what is a number to dial and
what it dials, the HTML around it, and the whole sample site: every number a reader can call on
every page is a link that dials it, and no link dials anything else.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thai_text.phone_links import link_numbers
from thai_text.phones import numbers_to_dial

DIALLED = {
    "โทร. 0 2232 1262": [("0 2232 1262", "+6622321262")],
    "โทร.0-2232-1262 ในวันและเวลาราชการ": [("0-2232-1262", "+6622321262")],
    "มือถือ 08 1234 5678": [("08 1234 5678", "+66812345678")],
    "โทร +66 81 234 5678": [("+66 81 234 5678", "+66812345678")],
    "โทร. 0 2232 1262-5": [("0 2232 1262-5", "+6622321262")],  # a range of lines: the first
    "โทรสาร: 0 2232 1263": [("0 2232 1263", "+6622321263")],
    "โทร. 0 2232 1262 ต่อ 1507": [("0 2232 1262", "+6622321262")],  # not the extension
    "โทร. ๐ ๒๒๓๒ ๑๒๖๒": [("๐ ๒๒๓๒ ๑๒๖๒", "+6622321262")],
    "โทรศัพท์ 022321262": [("022321262", "+6622321262")],  # without gaps, after the word
    "สายด่วน 1546 กด 5": [("1546", "1546")],
    "สายด่วน ๑๕๔๖ ตลอด 24 ชั่วโมง": [("๑๕๔๖", "1546")],
    "โทร 191": [("191", "191")],
    "โทร 1800 123 456": [("1800 123 456", "1800123456")],
    "| ตาก | 0 5556 3112 |": [("0 5556 3112", "+6655563112")],  # in groups, by itself
    "โทร. 0 5368 9104 หรือ 08 9617 2043": [("0 5368 9104", "+6653689104"), ("08 9617 2043", "+66896172043")],
    # the migrant notices' languages and English
    "ငွေတောင်းပါက ဖုန်း 1546 သို့ အခမဲ့": [("1546", "1546")],
    "តាមលេខទូរស័ព្ទ 1546។": [("1546", "1546")],
    "ແຈ້ງໄດ້ຟຣີທີ່ເບີໂທ 1546.": [("1546", "1546")],
    "call the free hotline 1546 or write": [("1546", "1546")],
    "Tel. 0 2232 1262": [("0 2232 1262", "+6622321262")],
}
NOT_DIALLED = [
    "โทร. 0 2232 126",  # a digit missing: the rule phone warns
    "มือถือ 081 234 567",
    "สายด่วน 15466",
    "โทร 3 ครั้ง", "มือถือ 2 เครื่อง", "phone 1,200 workers",
    "สายด่วน 1546.5", "ยอดรวม 1,546 บาท",
    "ได้รับ 1546 เรื่อง",  # a hotline's digits without a word before them
    "ติดต่อ 022321262",  # no gaps and no word: any number of digits
    "เวลา 08.30-16.30 น.", "วันที่ 05-02-2569", "ในปี 2569 0 2232 1262",
    "เลขประจำตัว 1 2345 67890 12 3", "โทรออกต่างประเทศ 001 886 2 2345",
]


@pytest.mark.parametrize("text", DIALLED)
def test_a_number_a_reader_can_call_is_found_with_what_it_dials(text):
    assert [(text[a:b], dial) for a, b, dial in numbers_to_dial(text)] == DIALLED[text]


@pytest.mark.parametrize("text", NOT_DIALLED)
def test_other_digits_and_wrong_numbers_are_not_dialled(text):
    assert numbers_to_dial(text) == [], text


def _text(html: str) -> str:
    return re.sub("<[^>]+>", "", html)


@pytest.mark.parametrize(("html", "linked"), [
    ("<ul><li><strong>สายด่วน</strong> 1546</li></ul>",
     '<ul><li><strong>สายด่วน</strong> <a href="tel:1546">1546</a></li></ul>'),
    ("<p>โทร. <strong>0 2232 1262</strong></p>", '<p>โทร. <strong><a href="tel:+6622321262">0 2232 1262</a></strong></p>'),
    ("<table><tr><th>จังหวัด</th><th>โทรศัพท์</th></tr><tr><td>ตาก</td><td>0 5556 3112</td></tr></table>",
     '<table><tr><th>จังหวัด</th><th>โทรศัพท์</th></tr><tr><td>ตาก</td><td><a href="tel:+6655563112">0 5556 3112</a></td></tr></table>'),
])
def test_a_number_is_linked_where_it_is_written(html, linked):
    assert link_numbers(html) == linked


def test_a_linked_number_is_still_kept_on_one_line(segmenter):
    """The build links the numbers, then markup.py keeps each on one line inside its link."""
    from thai_text.markup import process_html, strip_wbr

    html = "<p>ผู้เสียหายติดต่อได้ที่ <strong>สายด่วน</strong> 1546 หรือโทร. 0 5368 9104 ในวันและเวลาราชการ</p>"
    linked = link_numbers(html)
    out = process_html(linked, segmenter)
    assert '<a href="tel:1546">1546</a>' in out
    assert '<a href="tel:+6653689104"><span class="w">0 5368 9104</span></a>' in out
    assert strip_wbr(out) == linked  # summaries are made from the page without its spans


def test_a_phone_word_copied_from_a_pdf_is_read_as_fixed():
    from tests.thai_text.pdf_text import pdf_glyphs

    for system in ("windows", "mac"):
        copied, _ = pdf_glyphs("ติดต่อสายด่วน 1546 หรือโทรศัพท์ 0 2232 1262", system)
        assert copied != "ติดต่อสายด่วน 1546 หรือโทรศัพท์ 0 2232 1262"
        assert [dial for _a, _b, dial in numbers_to_dial(copied)] == ["+6622321262"]  # the word is not read
        out = link_numbers(f"<p>{copied}</p>")
        assert re.findall(r'href="tel:([^"]+)">([^<]+)<', out) == [("1546", "1546"), ("+6622321262", "0 2232 1262")], out


@pytest.mark.parametrize("html", [
    '<p>โทร. <a href="tel:022321262">0 2232 1262</a></p>',  # the writer's own link
    '<p><a href="/contact/">สายด่วน 1546</a></p>',  # a number in a link's text
    "<pre><code>โทร 0 2232 1262</code></pre>",
    "<p>ตัวอย่าง <code>สายด่วน 1546</code></p>",
    "<p>โทร</p><p>1546</p>",  # the word ends one paragraph, the digits start another
    '<p><img alt="สายด่วน 1546" src="a.jpg"></p>',
    "<p>ร่วมกัน 1546 คน</p>",
])
def test_numbers_in_links_code_attributes_or_another_block_are_left_alone(html):
    assert link_numbers(html) == html


PIECES = st.sampled_from([
    "โทร. ", "สายด่วน ", "มือถือ ", "หรือ ", "0 2232 1262", "1546", "08 1234 5678", "0-4324-6106", "ต่อ 14",
    "3 ครั้ง", "1,546 บาท", "<strong>", "</strong>", '<a href="/x/">สายด่วน 1546</a>', '<a href="/y/">0 2232 1262</a>',
    "</p><p>", "<code>โทร 0 2232 1262</code>", "<br>",
    "&quot;", "(", ")", " ", "ข่าว", "\u00a0",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_only_links_are_added_and_none_inside_another(pieces):
    html = "<p>" + "".join(pieces) + "</p>"
    out = link_numbers(html)
    assert _text(out) == _text(html)  # the text a reader sees is the same
    assert re.sub(r'<a href="tel:[+0-9]+">|</a>', "", out) == re.sub("</a>", "", html)
    depth = 0
    for tag in re.findall(r"</?a\b", out):  # never a link inside a link
        depth += 1 if tag == "<a" else -1
        assert depth <= 1, out
    for link in re.finditer(r'<a href="tel:([+0-9]+)">([^<]*)</a>', out):
        assert [dial for _a, _b, dial in numbers_to_dial("โทร " + link.group(2))] == [link.group(1)]


def test_every_number_a_reader_can_call_on_the_sample_site_is_a_link_that_dials_it(sample_site):
    """Over every article and page: each block's text (a paragraph, list item, cell, caption) is
    read as a reader reads it, inline markup and all; each number to dial in it must be a `tel:`
    link with that number as its text, and each `tel:` link in the content must be one of them."""
    from bs4 import BeautifulSoup

    from tools.linebreaks import site_pages

    blocks = "p, li, td, th, figcaption, dd, dt, h2, h3, h4"
    found = linked = 0
    languages = set()
    for path in site_pages(sample_site.output):
        soup = BeautifulSoup((sample_site.output / path.strip("/") / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        content = soup.select_one(".prose")
        if content is None:
            continue
        for block in content.select(blocks):
            if block.select_one(blocks):
                continue  # the innermost blocks only
            text = block.get_text()
            wanted = [(text[a:b], dial) for a, b, dial in numbers_to_dial(text)]
            links = [(a.get_text(), a["href"].removeprefix("tel:")) for a in block.select('a[href^="tel:"]')]
            inside_other_links = [n for n in wanted if any(n[0] in a.get_text() for a in block.select("a:not([href^='tel:'])"))]
            assert links == [n for n in wanted if n not in inside_other_links], (path, text)
            found += len(wanted)
            linked += len(links)
            if links:
                marked = block if block.has_attr("lang") else block.find_parent(attrs={"lang": True})
                languages.add(marked["lang"])
    assert linked >= 30 and found >= linked
    assert {"th", "my", "km", "lo", "en"} <= languages, languages
