"""The letters around an unknown word, as the check's message shows them (spelling.in_context)."""

import pytest

from thai_text.segment import default_segmenter
from thai_text.spelling import in_context

CASES = {
    # a piece of a place name: the letters before it, cut between words, "…" where more follow
    ("บาว", "เจ้าหน้าที่ใช้ระบบไม่ใช้เงินสดที่ด่านลาวบาว"): "…ที่ด่านลาวบาว",
    # a piece of a foreign surname and the verb after it
    ("สเห็น", "ขณะที่ดร.ซานโตส-เรเยสเห็นว่าการติดประกาศอัตรา"): "เรเยสเห็นว่าการ…",
    # letters on both sides within reach, up to a space
    ("พาลาส", "ณ โรงแรมเดอะพาลาสโซ กรุงเทพมหานคร"): "โรงแรมเดอะพาลาสโซ",
    ("เพย์", "ผ่าน e-Payment หรือพร้อมเพย์ของหน่วยงานเท่านั้น"): "หรือพร้อมเพย์ของ…",
    # the letters of the word also end a word before it (พระบรมฉายาลักษณ์): the place shown is
    # the one the segmenter reads as the word (the check named ฉายาลักษณ์ for a queen's name)
    ("ลักษณ", "ติดพระบรมฉายาลักษณ์ไว้ข้างชื่อนางวิมลลักษณ"): "…นางวิมลลักษณ",
    # a word with a space or punctuation on both sides needs none
    ("ทุจจริต", "แจ้ง ทุจจริต ได้"): None,
    ("ทุจจริต", "(ทุจจริต)"): None,
    # a word not in the line as written (a typing error was fixed before the reading)
    ("และ", "เเละ"): None,
}


@pytest.fixture(scope="module")
def plain():
    """pythainlp's dictionary alone: the cases do not move when writers add words to the site's."""
    return default_segmenter()


@pytest.mark.parametrize("word, line", list(CASES))
def test_an_unknown_word_is_shown_with_the_letters_written_against_it(plain, word, line):
    context = in_context(word, line, plain)
    assert context == CASES[word, line]
    if context:
        assert word in context and context.strip("…") in line
