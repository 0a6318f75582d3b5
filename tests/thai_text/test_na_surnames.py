"""A surname of royal descent, `ณ <place>`, is a surname (names.NA_PLACES).

A release about a price review in Chumphon named its center's director นายจักรพันธ์ ณ ระนอง:
no name was found (a surname had to be two letters or more, and ณ is one), so the page put break
points between นาย|จักร|พันธ์ and let a line end inside the name or between ณ and ระนอง.
Such a surname may also follow a family name (ม.ร.ว.ปิยะ สนิทวงศ์ ณ อยุธยา). Elsewhere ณ means
"at", and the place after it is not the name's: นายสมชาย ใจดี ณ ห้องประชุม.
"""

import random

import pytest

from thai_text.markup import process_html, strip_wbr
from thai_text.names import NA_PLACES
from thai_text.segment import pythainlp_corpus_file

# What comes after a name in a release: a position, a verb written straight after it, the end.
AFTER = (" ผู้อำนวยการศูนย์", "กล่าวว่า", " เป็นประธาน", "", ", ", " (ผู้แทน)")
TITLES = ("นาย", "นางสาว", "นาง", "ดร.", "พล.ต.อ.", "ม.ล.", "ผศ.ดร.", "ว่าที่ร้อยตรี")


def _read(name):
    return pythainlp_corpus_file(name).read_text(encoding="utf-8").splitlines()


def test_every_such_surname_in_pythainlps_list_is_known():
    listed = {line.strip()[2:] for line in _read("family_names_th.txt") if line.strip().startswith("ณ ")}
    assert listed and listed <= set(NA_PLACES), listed - set(NA_PLACES)


def test_a_name_with_a_surname_of_royal_descent_is_found_whole(segmenter):
    firsts = [line.strip() for line in _read("person_names_male_th.txt") + _read("person_names_female_th.txt")
              if line.strip()]
    rng = random.Random(7)
    missed, tried = [], 0
    for place in NA_PLACES:
        for title in TITLES:
            name = f"{title}{rng.choice(firsts)} ณ {place}"
            for after in AFTER:
                text = f"โดย{name}{after}"
                tried += 1
                start = text.index(name)
                if (start, start + len(name)) not in segmenter.names(text):
                    missed.append((text, segmenter.names(text), segmenter.segment(text)))
    print(f"{len(missed)} of {tried} missed: {missed[:5]}")
    assert tried == len(NA_PLACES) * len(TITLES) * len(AFTER)
    # The names that the segmenter reads into their title are missed with any surname
    # (test_title_cuts.py); here at most one in a hundred.
    assert len(missed) <= tried // 100, missed[:10]


@pytest.mark.parametrize("name", ["ม.ร.ว.ปิยะ สนิทวงศ์ ณ อยุธยา", "นายกมล ศิริวัฒน์ ณ สงขลา"])
def test_a_family_name_and_its_place_are_one_surname(segmenter, name):
    text = f"ในการนี้{name} กล่าวว่า"
    start = text.index(name)
    assert (start, start + len(name)) in segmenter.names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("มอบโล่แก่นายสมชาย ใจดี ณ ห้องประชุมกระทรวงแรงงาน", "นายสมชาย ใจดี"),
    ("โดยมีนางสาวพิมพ์ชนก ศรีสวัสดิ์ ณ ศาลากลางจังหวัด", "นางสาวพิมพ์ชนก ศรีสวัสดิ์"),
    ("มอบหมายให้นายธนพล ณ ที่ว่าการอำเภอ", None),
    ("ประชุมกับดร.รัตนา ณ โรงแรมในตัวเมือง", None),
])
def test_a_place_after_the_word_at_is_not_the_names(segmenter, text, name):
    expected = [] if name is None else [(text.index(name), text.index(name) + len(name))]
    assert segmenter.names(text) == expected, segmenter.segment(text)


def test_the_page_keeps_such_a_name_on_one_line(segmenter):
    src = "<p>นายจักรพันธ์ ณ ระนอง ผู้อำนวยการศูนย์พัฒนาฝีมือแรงงานจังหวัดชุมพร ชี้แจงว่า</p>"
    out = process_html(src, segmenter)
    assert out.startswith('<p><span class="w">นายจักรพันธ์ ณ ระนอง</span> '), out
    assert strip_wbr(out) == src
