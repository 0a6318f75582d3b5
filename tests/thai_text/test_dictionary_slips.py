"""Slips that pythainlp's own word list holds are reported as slips (spelling.COMMON_MISSPELLINGS).

A trial release's "ข้อเท็จจริงเบิ้องต้น" (ื typed ิ) passed the content check without a word:
เบิ้องต้น is an entry of pythainlp's word list, so it was no unknown word. The list holds such
slips of one vowel or tone mark (หรึอ, เรี่อง, วีธี...). They are found by a rule written here,
not by hand: an entry in neither the Royal Institute's word list nor the Thai National Corpus's
counts that one mark changed makes a word of the Royal Institute's list the corpus counts 300
times or more. Each such entry is reported with that word, or is listed below as a real word.
"""

from __future__ import annotations

import pytest

from thai_text.segment import corpus_counts, pythainlp_corpus_file, pythainlp_word_set
from thai_text.spelling import COMMON_MISSPELLINGS, MARKS

# Entries the rule finds that are words, or ways of writing one, not slips.
NOT_SLIPS = {
    "ไม๊": "the question particle as it is spoken", "วีน": "slang: to throw a tantrum",
    "ประติ": "the bound form of ประติมากรรม", "หยุบ": "of หยุบหยับ", "ม๋า": "a child's word",
    "นี้แหละ": "spoken", "อิสาน": "a spelling of the region's name", "สมัด": "of สมัดสมา",
    "สวัสดิ": "the bound form of สวัสดิการ", "เร่งรุด": "to hasten", "ผู้ดู": "a viewer",
    "สะกัด": "a spelling of สกัด", "อึบ": "a word", "กระจิก": "to peck", "ระยิบ": "of ระยิบระยับ",
    "จันดา": "a name", "กะปู": "a word", "คิกคัก": "to giggle",
    "แก่ว": "a slip, but also the start of แก่วัยรุ่น: the check looks for the letters anywhere",
}
EVIDENCE = 300


def dictionary_slips() -> dict[str, str]:
    """entry -> the word it is a slip of (the rule in the module's text)."""
    words, counts = pythainlp_word_set(), corpus_counts()
    royal = set(pythainlp_corpus_file("orst_words_th.txt").read_text(encoding="utf-8-sig").splitlines())
    found = {}
    for entry in words - royal:
        if counts.get(entry):
            continue
        for i, char in enumerate(entry):
            if char not in MARKS:
                continue
            for mark in MARKS:
                meant = entry[:i] + mark + entry[i + 1:]
                if mark != char and meant in royal and counts.get(meant, 0) >= EVIDENCE:
                    found.setdefault(entry, meant)
    return found


def test_every_slip_of_the_word_list_is_reported_or_a_listed_word():
    slips = dictionary_slips()
    assert len(slips) >= 40
    left = sorted(set(slips) - set(COMMON_MISSPELLINGS) - set(NOT_SLIPS))
    assert left == [], [(entry, slips[entry]) for entry in left]
    assert not set(NOT_SLIPS) & set(COMMON_MISSPELLINGS)


@pytest.mark.parametrize("line, wrong, right", [
    ("ศปท. ตรวจสอบข้อเท็จจริงเบิ้องต้นร่วมกับกรมการจัดหางาน", "เบิ้องต้น", "เบื้องต้น"),
    ("ศูนย์ฯ ได้รับเรี่องจากประชาชน", "เรี่อง", "เรื่อง"),
    ("โทรศัพท์หรึออีเมล", "หรึอ", "หรือ"),
])
def test_a_slip_of_the_word_list_is_named_with_the_word_meant(segmenter, line, wrong, right):
    from thai_text.spelling import speller_for

    assert (wrong, right, None) in speller_for(segmenter).line_findings(line)
