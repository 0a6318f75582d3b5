"""A common word is not cut into a rare piece and a word (rare_pieces.py, segment.py).

newmm read ผู้เสียหายทุกราย as ผู้เสียหาย|ทุ|กราย, and a line could end at "ทุ": in a release no
test had seen, and in the sample's own hotline release (ผู้รับบริการทุกราย). Over the sample
content and the gold files, 13 such cuts were found (บอ|กว่า three times, แล้|วจะ, แร|กรับ,
มา|กก|ว่าการ, สัด|ส่วนสูง, ติด|ต่อตาม, ขั้น|ตอนที่, ยา|วก|ว่าความ...).
"""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thai_text.rare_pieces import PREFIX_COMPOUNDS, mend_rare_pieces, reading_score
from thai_text.segment import corpus_counts
from thai_text.slugs import make_slug

ROOT = Path(__file__).resolve().parents[2]

# (text, the word in it a reader sees), written in our releases: no line may end inside the word.
# Each was cut by newmm into a rare piece and the rest (in brackets).
READ_AS_WORDS = [
    ("ช่วยเหลือด้านคดีความแก่ผู้เสียหายทุกราย", "ทุก"),  # ทุ|กราย
    ("ขอบคุณผู้รับบริการทุกราย", "ทุก"),
    ("ส่งตัวไปยังศูนย์แรกรับเข้าประเทศ", "แรก"),  # แร|กรับ
    ("นายหน้ามาบอกว่าจะพาไปทำงาน", "บอก"),  # บอ|กว่า
    ("เมื่อแจ้งแล้วจะรู้ผลเมื่อไร", "แล้ว"),  # แล้|วจะ
    ("ค่าใช้จ่ายสูงมากกว่าการเดินทาง", "มาก"),  # มา|กก|ว่าการ
    ("จังหวัดที่มีสัดส่วนสูงที่สุด", "สัดส่วน"),  # สัด|ส่วนสูง
    ("โดยติดต่อตามช่องทางของศูนย์", "ติดต่อ"),  # ติด|ต่อตาม
    ("ตรวจสอบทุกขั้นตอนที่มีการจ่ายเงิน", "ขั้นตอน"),  # ขั้น|ตอนที่
    ("คำที่ยาวกว่าความกว้างของบรรทัด", "กว่า"),  # ยา|วก|ว่าความ
]

# Where the rare piece is a word where it stands, or the corpus cannot tell, the segmenter's
# reading stays: (text, the pieces as they must come out).
KEPT = [
    ("ลดขั้นตอนการ", ["ลด", "ขั้นตอน", "การ"]),  # ลด is "rare"; ลดขั้น|ตอน is far less likely
    ("นายธนภัทร", ["นาย", "ธน", "ภัทร"]),  # a name: no reading in dictionary words
    ("หอกลอง", ["หอ", "กลอง"]),  # หอก|ลอง is about as likely: the segmenter's reading stands
]


def _inside(offsets, start, end):
    return [k for k in offsets if start < k < end]


@pytest.mark.parametrize("text, word", READ_AS_WORDS)
def test_no_line_ends_inside_the_word(segmenter, text, word):
    start = text.index(word)
    breaks = segmenter.break_offsets(text, use_cache=False)
    assert not _inside(breaks, start, start + len(word)), (text, segmenter.segment(text))


@pytest.mark.parametrize("text, pieces", KEPT)
def test_a_rare_piece_that_is_a_word_keeps_its_place(segmenter, text, pieces):
    assert segmenter.segment(text) == pieces


def test_addresses_do_not_move(segmenter):
    # A slug is made of the words newmm finds, before rare pieces are read again: a tag or file
    # name published before this rule keeps its address (ugly as thu-krai is).
    assert make_slug("ช่วยเหลือผู้เสียหายทุกราย") == "chuailuea-phusiahai-thu-krai"
    assert segmenter.plain_words("ผู้เสียหายทุกราย") == ["ผู้เสียหาย", "ทุ", "กราย"]
    assert segmenter.words("ผู้เสียหายทุกราย") == ["ผู้เสียหาย", "ทุก", "ราย"]


def _content_runs():
    for path in sorted((ROOT / "content").rglob("*.md")):
        yield from re.findall("[\u0e01-\u0e4e]+", path.read_text(encoding="utf-8"))


def test_over_all_content_no_clearly_likelier_reading_is_left(segmenter):
    """Every run of Thai letters of the content, as the segmenter reads it: reading the rare
    pieces again finds nothing more (the rule is applied everywhere, and its result is stable)."""
    counts = corpus_counts()
    runs = changed = 0
    for run in set(_content_runs()):
        tokens = segmenter.segment(run)
        cuts = tuple(len("".join(tokens[: k + 1])) for k in range(len(tokens) - 1))
        runs += 1
        if mend_rare_pieces(run, cuts, list(tokens), segmenter._mending_words, segmenter._rare, counts) != cuts:
            changed += 1
            print(run, tokens)
    assert runs > 1000 and not changed


def test_the_rule_changes_what_newmm_gave_in_the_content(segmenter):
    # The control of the test above: newmm's own reading has such pieces in the sample content.
    counts = corpus_counts()
    mended = set()
    for run in set(_content_runs()):
        cuts, tokens = segmenter._newmm(run)
        if mend_rare_pieces(run, cuts, list(tokens), segmenter._mending_words, segmenter._rare, counts) != cuts:
            mended.add(run)
    assert len(mended) >= 5, mended


WORDS = ["ทุก", "ราย", "แรก", "รับ", "บอก", "ว่า", "แล้ว", "จะ", "มาก", "กว่า", "การ", "ลด", "ขั้นตอน",
         "นาย", "ธน", "ภัทร", "หอ", "กลอง", "ทุ", "กราย", "แร", "บอ", "สัด", "ส่วน", "สูง", "ติดต่อ",
         "ตาม", "แรงงาน", "ศูนย์", " ", "1546", "ๆ", "ฯลฯ", "ก", "ซานโตส", "ผู้เสียหาย"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map("".join))
def test_a_reading_again_keeps_the_text_and_never_adds_words(segmenter, text):
    counts = corpus_counts()
    cuts, tokens = segmenter._newmm(text)
    before = list(tokens)
    new = mend_rare_pieces(text, cuts, tokens, segmenter._mending_words, segmenter._rare, counts)
    assert "".join(tokens) == text and all(tokens)
    assert list(new) == sorted(set(new)) and len(new) == len(tokens) - 1
    assert tuple(len("".join(tokens[: k + 1])) for k in range(len(tokens) - 1)) == new
    assert len(tokens) <= len(before)
    if new != cuts:  # only a clearly likelier reading replaces the segmenter's
        assert reading_score(tokens, counts) > reading_score(before, counts)


# เป็น and the prefix การ or ความ (rare_pieces.split_prefix_compounds): newmm read เป็นความลับ as
# เป็นความ|ลับ, and the sample's complaint releases ended lines at "ผู้แจ้งเป็นความ|" with
# "ลับตามระเบียบฯ" on the next (ความลับ: a secret); "เป็นการ|ทุจริต" hid the boundary after เป็น.
@pytest.mark.parametrize(("text", "pieces"), [
    ("ข้อมูลผู้แจ้งเป็นความลับ", ["ข้อมูล", "ผู้", "แจ้ง", "เป็น", "ความลับ"]),
    ("อาจเป็นการทุจริตในงาน", ["อาจ", "เป็น", "การ", "ทุจริต", "ใน", "งาน"]),
    ("นับเป็นความท้าทาย", ["นับ", "เป็น", "ความ", "ท้าทาย"]),
    ("เป็นความ", ["เป็นความ"]),  # nothing after it: left as it came
    ("รัฐมนตรีว่าการกระทรวงการคลัง", ["รัฐมนตรี", "ว่าการ", "กระทรวงการคลัง"]),  # not a copula
])
def test_be_and_a_prefix_are_two_words(segmenter, text, pieces):
    assert segmenter.segment(text) == pieces


def _paragraphs():
    for path in sorted((ROOT / "content").rglob("*.md")):
        yield from filter(None, path.read_text(encoding="utf-8").splitlines())


def test_over_all_content_no_line_ends_inside_a_secret_nor_starts_with_per(segmenter):
    """Every paragraph of the content: no break inside ความลับ, and none before ละ when it is a
    word of its own (เดือน|ละ 50 ราย, งวด|ละ, ราย|ละ 80,000 บาท: "per" belongs to its unit)."""
    secrets = pers = 0
    for text in _paragraphs():
        breaks = set(segmenter.break_offsets(text))
        for m in re.finditer("ความลับ", text):
            secrets += 1
            assert not _inside(breaks, *m.span()), (text, segmenter.segment(text))
        offset = 0
        for token in segmenter.segment(text):
            if token == "ละ":
                pers += 1
                assert offset not in breaks, (text, segmenter.segment(text))
            offset += len(token)
    assert secrets >= 5 and pers >= 5  # the content holds both


COPULA_WORDS = ["เป็น", "ความ", "การ", "ลับ", "ทุจริต", "ผิดวินัย", "ท้าทาย", "แอบอ้าง", "ว่า", "ทุก",
                "ราย", " ", "2", "ๆ", "ซานโตส", "เดือน", "ละ", "นาย"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(COPULA_WORDS), min_size=1, max_size=12).map("".join))
def test_reading_the_copula_again_keeps_the_text(segmenter, text):
    cuts = segmenter.boundaries(text, use_cache=False)
    tokens = [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)))]
    assert "".join(tokens) == text and all(tokens) and list(cuts) == sorted(set(cuts))
    # no เป็นความ or เป็นการ is left before a Thai word
    assert not any(t in PREFIX_COMPOUNDS and _is_thai(after) for t, after in zip(tokens, tokens[1:])), tokens


def _is_thai(token):
    return "\u0e01" <= token[0] <= "\u0e4e" and "\u0e01" <= token[-1] <= "\u0e4e"
