"""Telephone numbers: kept on one line (phones.py, markup.py), and checked for their digits.

Chromium may end a line at any space of "โทร. 0 2232 1262": the reader sees "0" at the end of a
line and dials the rest. tests/thai_text/test_line_breaks.py measures every number of the sample
content at every width; here are the forms a number is written in, the numbers that are not
telephone numbers, and the markup. The rule "phone" warns of a number with a digit too many or
too few (tests/authoring/test_one_verdict.py and tests/bad_inputs check its message in check,
build and preview).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thai_text.markup import process_html, strip_wbr, wbr_text
from thai_text.phones import MESSAGES, find_phone_numbers, wrong_numbers

ROOT = Path(__file__).resolve().parents[2]

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
    "๐ ๒๒๓๒ ๑๒๖๒",  # Thai digits, as in a letter
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


# The rule "phone": numbers with a digit too many or too few, and numbers that are right.
WRONG = {
    "โทร. 0 2232 126": ("0 2232 126", "count", 8),
    "โทรศัพท์ 02232126": ("02232126", "count", 8),
    "โทร 081 234 567": ("081 234 567", "short-mobile", 9),
    "มือถือ: 08 1234 567": ("08 1234 567", "short-mobile", 9),
    "โทร. 0 2232 12623": ("0 2232 12623", "long-fixed", 10),
    "สายด่วน 15466": ("15466", "hotline", 5),
    "โทร +66 2232 126": ("+66 2232 126", "count", 8),
    "โทร. ๐ ๒๒๓๒ ๑๒๖": ("๐ ๒๒๓๒ ๑๒๖", "count", 8),
    "โทร 0 2232 1262 1263": ("0 2232 1262 1263", "count", 13),  # two numbers need a comma or หรือ
    "| ตาก | 0 5556 311 |": ("0 5556 311", "count", 8),  # in groups, starting with 0: a number by itself
}
RIGHT = [
    "โทร. 0 2232 1262", "โทร.0-2232-1262", "มือถือ 08 1234 5678", "โทร +66 2232 1262", "โทร +66 81 234 5678",
    "โทร. 0 2232 1262-5", "โทร. 0 2232 1262-63", "โทรสาร: 0 2232 1263", "โทร. 0 2232 1262 ต่อ 1507",
    "โทร. ๐ ๒๒๓๒ ๑๒๖๒", "สายด่วน 1546 กด 5", "โทร 191", "โทร 1669", "โทร 1800 123 456", "| ตาก | 0 5556 3112 |",
    # not telephone numbers
    "โทร 3 ครั้ง", "มือถือ 2 เครื่อง", "เวลา 08.30-16.30 น.", "วันที่ 05-02-2569", "วันที่ 05 02 2569",
    "ยอดรวม 0 บาท", "ในปี 2569 0 2232 1262", "เลขประจำตัว 1 2345 67890 12 3", "โทรออกต่างประเทศ 001 886 2 2345",
]


@pytest.mark.parametrize("text", WRONG)
def test_a_number_with_a_digit_too_many_or_too_few_is_found(text):
    assert wrong_numbers(text) == [WRONG[text]]


@pytest.mark.parametrize("text", RIGHT)
def test_right_numbers_and_other_digits_are_not(text):
    assert wrong_numbers(text) == [], text


def test_every_message_names_the_number_and_its_digits():
    for kind, (thai, english) in MESSAGES.items():
        assert "{number}" in thai and "{number}" in english, kind
        assert ("{digits}" in thai) == ("{digits}" in english), kind


def test_the_sample_contents_numbers_are_all_right():
    lines = [line for path in sorted((ROOT / "content").rglob("*.md")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(len(find_phone_numbers(line)) for line in lines) >= 8  # the sample content writes numbers
    assert [n for line in lines for n in wrong_numbers(line)] == []


@pytest.mark.parametrize("number", ["0 2232 1262", "08 1234 5678", "0-4324-6106"])
def test_a_summary_never_ends_inside_a_number(number, segmenter):
    """A summary cut at each word of a sentence with a number keeps the number whole or leaves
    it out (a card that says "โทร. 0…" sends readers nowhere)."""
    from thai_text.summaries import summarize

    html = f"<p>ผู้สนใจขอรับเอกสารได้ที่กลุ่มงานประชาสัมพันธ์ โทร. {number} ในวันและเวลาราชการ</p>"
    cuts = set()
    for words in range(1, 20):
        summary, cut = summarize(html, segmenter, words)
        if not cut:
            break
        text = re.sub("<[^>]+>", "", summary).removesuffix("…")
        cuts.add(text)
        digits = re.sub(r"\D", "", text.split("โทร.")[-1]) if "โทร." in text else ""
        assert digits in ("", re.sub(r"\D", "", number)), (words, text)
    assert any(number in text for text in cuts)  # the number was reached


def test_a_number_is_written_in_one_script_of_digits():
    """A Thai digit after an Arabic number is not its tenth digit (the markup property drew
    "โทร. 0 2232 1262 ๗ น.", where the telephone number's span took the ๗ of the time ๗ น.)."""
    text = "โทร. 0 2232 1262 ๗ น. หรือ ๐ ๒๒๓๒ ๑๒๖๒ 5 ครั้ง"
    assert [text[a:b] for a, b in find_phone_numbers(text)] == ["0 2232 1262", "๐ ๒๒๓๒ ๑๒๖๒"]


@pytest.mark.parametrize("text", ["โทรศัพท์ ๐ ๒๒๓๒ ๑๒๖๒ ๐๘.๓๐–๑๖.๓๐ น. วันทำการ",
                                  "โทรศัพท์ 0 2232 1262 08:30-16:30 น.", "0 2232 1262 9.5 ชั่วโมง"])
def test_a_time_after_a_number_is_not_its_digits(text):
    """A trial announcement's table of channels: | โทรศัพท์ | ๐ ๒๒๓๒ ๑๒๖๒ | ๐๘.๓๐–๑๖.๓๐ น. |. The
    search index reads a table's cells one after the other, and the number followed by the time
    was no telephone number: 02 232 1262 and 022321262 did not find the page. A group after a
    space that is a time or a decimal (๐๘.๓๐, 08:30) is not the number's."""
    numbers = [text[a:b] for a, b in find_phone_numbers(text)]
    assert len(numbers) == 1 and numbers[0].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")) == "0 2232 1262"
