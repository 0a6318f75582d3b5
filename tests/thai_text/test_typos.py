"""Thai typing errors: found with line and column, fixed, and nothing else changed."""

import pytest

from thai_text.typos import describe_typo, find_typos, fix_typos


@pytest.mark.parametrize(
    "typed, fixed",
    [
        ("เเรงงาน", "แรงงาน"),  # two sara e
        ("ที่่", "ที่"),  # doubled tone mark
        ("ก็็", "ก็"),  # doubled mai taikhu
        ("ท่ี", "ที่"),  # tone mark before the upper vowel
        ("น้ํา", "น้ำ"),  # nikhahit + sara aa
        ("นํ้า", "น้ำ"),  # nikhahit, tone, sara aa
        ("นำ้", "น้ำ"),  # tone mark after sara am
        ("กา่ร", "ก่าร"),  # tone mark after sara aa
        ("ข่าว\u200bกิจกรรม", "ข่าวกิจกรรม"),  # zero-width space
    ],
)
def test_fix(typed, fixed):
    assert fix_typos(typed) == fixed
    assert find_typos(typed)


def test_correct_text_is_unchanged():
    text = (
        "ศูนย์ปฏิบัติการต่อต้านการทุจริต  กระทรวงแรงงาน\n\n"
        "  จัดอบรม 09.00 น. ต่างๆ ฯลฯ ฤๅษี น้ำ ที่ นั้น ปั๊ม เกื้อกูล  ครั้งนี้ๆ ป.ป.ช.\t"
        "**Markdown** [ลิงก์](https://x.th/เเ) 😀"
    )
    expected_fixed = text.replace("https://x.th/เเ", "https://x.th/แ")
    assert fix_typos(text) == expected_fixed
    assert [t[2] for t in find_typos(text)] == ["เเ"]


def test_positions_are_line_and_column():
    text = "Title: ข่าวใหม่\n\nวันนี้เเรงงานจังหวัด\nกรมนํ้าดี"
    found = find_typos(text)
    assert found == [(3, 7, "เเ", "แ"), (4, 5, "ํ้า", "้ำ")]
    assert "sara ae" in describe_typo("เเ")
    assert all(text.splitlines()[line - 1][col - 1 :].startswith(f) for line, col, f, _s in found)


def test_crlf_and_empty():
    assert find_typos("") == []
    assert find_typos("ก\r\nเเ") == [(2, 1, "เเ", "แ")]
