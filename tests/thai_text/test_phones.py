"""Telephone numbers written in groups stay on one line (phones.py, markup.py).

Chromium may end a line at any space of "โทร. 0 2232 1262": the reader sees "0" at the end of a
line and dials the rest. tests/thai_text/test_line_breaks.py measures every number of the sample
content at every width; here are the forms a number is written in, the numbers that are not
telephone numbers, and the markup.
"""

from __future__ import annotations

import re

import pytest

from thai_text.markup import process_html, strip_wbr, wbr_text
from thai_text.phones import find_phone_numbers

NUMBERS = [
    "0 2232 1262",  # Bangkok, as the ministry writes it
    "02 232 1262",
    "0 5368 9104",  # a province
    "053 689 104",
    "081 234 5678",  # a mobile phone
    "08 1234 5678",
    "+66 2232 1262",
    "+66 81 234 5678",
    "0 2232\u00a01262",  # a no-break space from Word
    "0-2232-1262",
    "053-689-104",
    "0 2232 1262-5",  # lines 1262 to 1265
    "0 2232 1262-63",
]
NOT_NUMBERS = [
    "ผู้เสียหาย 1 2345 67890",  # too few digits after a 1
    "ยอดรวม 1,000 2232 1262 บาท",  # after a comma: part of a sum
    "เลขประจำตัว 1 2345 67890 12 3",  # 13 digits
    "โทร. 0 2232 126",  # 8 digits
    "0 2232 1262 1234",  # digits go on
    "ในปี 2569 0 2232 1262",  # digits right before it
    "สายด่วน 1546 กด 5",  # a hotline number has no space inside
    "ค่าปรับ 0.5 2232 1262",
]


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("around", ["{}", "โทร. {}", "โทร.{} ในวันและเวลาราชการ", "({})", "ติดต่อ {}, {}"])
def test_a_number_is_found_whole_in_a_sentence(number, around):
    text = around.format(number, number)
    assert [text[a:b] for a, b in find_phone_numbers(text)] == [number] * around.count("{}")


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_other_digits_are_not_telephone_numbers(text):
    assert find_phone_numbers(text) == [], text


def test_a_number_with_hyphens_is_kept_too(segmenter):
    # Chromium ends a line after a hyphen before a digit (measured: "0-|4324-6106").
    text = "โทร. 0-2232-1262"
    assert [text[a:b] for a, b in find_phone_numbers(text)] == ["0-2232-1262"]
    assert '<span class="w">0-2232-1262</span>' in process_html(f"<p>{text}</p>", segmenter)


KEPT = re.compile(r'<span class="w">([^<]*)</span>')


@pytest.mark.parametrize("html", [
    "<p>ขอรับได้ที่กลุ่มงานประชาสัมพันธ์ โทร. 0 2232 1262</p>",
    "<p>นายสมชาย ใจซื่อ โทร. 08 1234 5678 หรือ &quot;0 2232 1000&quot; (ตัวอย่าง)</p>",  # a name: the slow path
    "<p>ติดต่อ</p><table><tr><td>ตาก</td><td>0 5556 3112</td></tr></table>",  # a cell without Thai
    '<p>โทร. <a href="tel:022321262"><strong>0 2232 1262</strong></a></p>',
])
def test_each_number_is_kept_on_one_line_and_the_text_is_unchanged(html, segmenter):
    out = process_html(html, segmenter)
    numbers = [m.group() for m in re.finditer(r"(?:0|\+66)[\d \u00a0]{9,12}\d", re.sub("<[^>]+>|&quot;", "", html))]
    assert numbers
    for number in numbers:  # in a span of its own (with the quotes around it)
        assert any(kept.replace("&quot;", "") == number for kept in KEPT.findall(out)), (number, out)
    assert strip_wbr(out) == html
    assert re.sub("<[^>]+>", "", out) == re.sub("<[^>]+>", "", html)


def test_a_number_in_code_is_left_alone(segmenter):
    html = "<p>ตัวอย่าง</p><pre><code>โทร 0 2232 1262</code></pre>"
    assert process_html(html, segmenter).endswith("<pre><code>โทร 0 2232 1262</code></pre>")


def test_a_number_in_a_title_is_kept(segmenter):
    # Titles and card texts go through the thai_wbr filter.
    assert '<span class="w">0 2232 1262</span>' in wbr_text("เปิดสายด่วนใหม่ 0 2232 1262", segmenter)
    assert str(wbr_text("0 2232 1262", segmenter)) == '<span class="w">0 2232 1262</span>'
