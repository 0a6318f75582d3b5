"""The King's and the royal family's names are read as their parts (royal_names.py).

A trial release for the 5th of December (วันคล้ายวันพระบรมราชสมภพ ... วันพ่อแห่งชาติ) had lines that
ended inside the King's name (มหาวชิราลง|กรณ, ศรีสินทรม|หาว), and the check reported four
"unknown words" in the names (ธิเบศร, กรณ, ปรเมนทร, ลักษณ), one of them with the "fix" กรณี.
"""

import pytest

from thai_text.near_miss import NearMissFinder
from thai_text.royal_names import ROYAL_NAMES, ROYAL_TERMS
from thai_text.spelling import misspellings, speller_for

# The names as government news writes them, whole, in lines as a release has them.
FULL_NAMES = [
    "พระบาทสมเด็จพระปรเมนทรรามาธิบดีศรีสินทรมหาวชิราลงกรณ พระวชิรเกล้าเจ้าอยู่หัว",
    "สมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี",
    "พระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร",
    "สมเด็จพระนางเจ้าสิริกิติ์ พระบรมราชินีนาถ พระบรมราชชนนีพันปีหลวง",
    "สมเด็จพระกนิษฐาธิราชเจ้า กรมสมเด็จพระเทพรัตนราชสุดาฯ สยามบรมราชกุมารี",
    "สมเด็จพระเจ้าน้องนางเธอ เจ้าฟ้าจุฬาภรณวลัยลักษณ์ อัครราชกุมารี กรมพระศรีสวางควัฒน วรขัตติยราชนารี",
    "สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าพัชรกิติยาภา นเรนทิราเทพยวดี กรมหลวงราชสาริณี สิริพัชร มหาวัชรราชธิดา",
    "สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสิริวัณณวรี นารีรัตนราชกัญญา",
    "สมเด็จพระเจ้าลูกยาเธอ เจ้าฟ้าทีปังกรรัศมีโชติ มหาวชิโรตตมางกูร สิริวิบูลยราชกุมาร",
    "ทูลกระหม่อมหญิงอุบลรัตนราชกัญญา สิริวัฒนาพรรณวดี",
    "สมเด็จพระมหิตลาธิเบศร อดุลยเดชวิกรม พระบรมราชชนก",
    "สมเด็จพระศรีนครินทราบรมราชชนนี",
    "ศปท. ร่วมพิธีถวายราชสดุดีและถวายราชสักการะ เนื่องในวันคล้ายวันพระบรมราชสมภพ ก่อนเปล่งเสียงทรงพระเจริญ",
    "สมเด็จพระเจ้าอยู่หัวมหาวชิราลงกรณ บดินทรเทพยวรางกูร และพระบาทสมเด็จพระวชิรเกล้าเจ้าอยู่หัว",
    "จัดพิธีเนื่องในวันเฉลิมพระชนมพรรษา ซึ่งเป็นวันพระราชสมภพ",
]


@pytest.fixture(scope="module")
def plain():
    """pythainlp's words and the royal names, no site dictionary: writers' words do not move the cases."""
    from thai_text.segment import default_segmenter

    return default_segmenter()


def test_every_part_of_every_name_is_written_in_the_names(plain):
    written = " ".join(FULL_NAMES)
    assert [part for part in ROYAL_NAMES + ROYAL_TERMS if part not in written] == []


@pytest.mark.parametrize("line", FULL_NAMES)
def test_no_line_ends_inside_a_part_of_a_royal_name(plain, line):
    breaks = plain.break_offsets(line)
    inside = []
    for part in ROYAL_NAMES + ROYAL_TERMS:
        at = line.find(part)
        while at >= 0:
            inside += [(part, b) for b in breaks if at < b < at + len(part)]
            at = line.find(part, at + 1)
    assert inside == []
    # ... and the long names may still end a line between their parts, as a phone needs
    if len(line.split()[0]) > 40:
        assert breaks


def test_the_kings_name_ends_a_line_only_between_its_parts(plain):
    line = FULL_NAMES[0]
    breaks = plain.break_offsets(line)
    cut = [line[a:b] for a, b in zip([0, *breaks], [*breaks, len(line)])]
    pieces = [piece for chunk in cut for piece in chunk.split(" ") if piece]  # a line may end at a space too
    assert pieces == ["พระบาทสมเด็จ", "พระ", "ปรเมนทร", "รามาธิบดี", "ศรีสินทร", "มหาวชิราลงกรณ",
                      "พระ", "วชิรเกล้า", "เจ้าอยู่หัว"]


def test_no_royal_name_is_an_unknown_word(plain):
    speller = speller_for(plain)
    found = list(misspellings(enumerate(FULL_NAMES, 1), speller))
    assert found == []


@pytest.mark.parametrize("typed, meant", [
    ("พัชรสุธาพิมลลักษณ์", "พัชรสุธาพิมลลักษณ"),  # a ์ the name does not have: the commonest slip
    ("มหาวชิราลงกรณ์", "มหาวชิราลงกรณ"),
    ("ทรงพระเจิรญ", "ทรงพระเจริญ"),
    ("บรมชนกาธิเบศ", "บรมชนกาธิเบศร"),
])
def test_a_royal_name_typed_with_a_slip_is_named(plain, typed, meant):
    misses = speller_for(plain).near_misses.find(f"ในโอกาสนี้ {typed} ทรงพระราชทาน")
    assert [(m.found, m.entry) for m in misses] == [(typed, meant)]


@pytest.mark.parametrize("line", [
    "พระบาทสมเด็จพระบรมชนกาธิเบศรฯ ทรงเน้นย้ำ",  # ฯ ends the name, it is no extra letter
    "สมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี",
])
def test_a_royal_name_written_right_is_no_slip(plain, line):
    assert speller_for(plain).near_misses.find(line) == []
    assert NearMissFinder(plain.site_words).find(line) == []
