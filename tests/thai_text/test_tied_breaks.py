"""No line ends inside an everyday word that a tie of the segmenter cut (tied_breaks.py).

Two trial releases ended lines at ตั้ง|แต่วันพฤหัสบดี, แบบราย|งานการรับ and 19 รูปจา|กวัด; over
the whole sample content, 47 line ends of the kind were found (ข้อ|มูลนายหน้า, เอก|สารประกอบ,
ค่ายพักคน|งานก่อสร้าง, หักค่า|จ้างแรงงาน, จาก|นาย|จ้างแรงงาน, ปรับปรุงจา|กรุ่น...).
"""

import glob
from pathlib import Path

import pytest

from thai_text import tied_breaks
from thai_text.segment import corpus_counts, default_segmenter, letters

ROOT = Path(__file__).resolve().parents[2]

# (text, the everyday word in it that no line may end inside), from our releases
EVERYDAY = [
    ("ศูนย์จะหยุดทำการ ตั้งแต่วันพฤหัสบดีที่ 31 ธันวาคม", "ตั้งแต่"),  # ตั้ง|แต่วัน|พฤหัสบดี
    ("ต้องแจ้งภายใน 30 วันตามแบบรายงานการรับของขวัญ", "รายงาน"),  # ราย|งานการ|รับ
    ("โดยมีพระสงฆ์ 19 รูปจากวัดในเขตดินแดงรับบิณฑบาต", "จาก"),  # จา|กวัด
    ("และส่งข้อมูลนายหน้าที่แอบอ้างชื่อหน่วยงาน", "ข้อมูล"),  # ข้อ|มูลนาย
    ("เพื่อให้ผู้ร้องรู้ว่าเรื่องถึงมือเจ้าหน้าที่แล้ว", "เจ้าหน้าที่"),  # เจ้าหน้า|ที่แล้ว
    ("ผู้ที่ต้องการเอกสารประกอบการสัมมนา", "เอกสาร"),  # เอก|สารประกอบ
    ("ลงพื้นที่ตรวจค่ายพักแรงงานก่อสร้าง", "แรงงาน"),  # แรง|งานก่อสร้าง
    ("ผู้รับเหมาช่วงหักค่าจ้างแรงงานชาวกัมพูชา", "ค่าจ้าง"),  # ค่า|จ้างแรงงาน
    ("กรณีเรียกรับเงินจากนายจ้างแรงงาน", "นายจ้าง"),  # นาย|จ้างแรงงาน
    ("ศปท. จะรวบรวมความคิดเห็นทั้งหมด", "รวบรวม"),  # รวบ|รวมความ
]


@pytest.fixture(scope="module")
def plain():
    return default_segmenter()


@pytest.mark.parametrize("text, word", EVERYDAY)
def test_no_line_ends_inside_an_everyday_word_a_tie_cut(plain, text, word):
    at = text.index(word)
    assert [b for b in plain.break_offsets(text) if at < b < at + len(word)] == []
    # the segmenter's reading is left as it was (search and spelling read the same tokens)
    assert word not in plain.segment(text)


def test_a_line_still_ends_between_everyday_words(plain):
    text = "ศูนย์จะรวบรวมข้อมูลและรายงานผลตั้งแต่วันที่ 1 ตุลาคม"
    breaks = plain.break_offsets(text)
    for after in ("รวบรวม", "ข้อมูล", "รายงาน", "ตั้งแต่"):
        assert text.index(after) + len(after) in breaks, after


def test_tied_names_the_boundaries_whose_letters_read_as_everyday_words_the_other_way():
    counts = {"ข้อ": 24350, "ข้อมูล": 21726, "นาย": 44544, "มูลนาย": 191, "หน้า": 30000,
              "ราย": 11320, "รายงาน": 9856, "งานการ": 298, "การ": 592036, "งาน": 50000}
    memo = {}
    assert tied_breaks.tied(["ส่ง", "ข้อ", "มูลนาย", "หน้า"], counts, memo) == [1]
    assert tied_breaks.tied(["แบบ", "ราย", "งานการ", "รับ"], counts, memo) == [1]
    # two everyday words stay apart however else their letters read
    assert tied_breaks.tied(["ข้อมูล", "นาย"], counts, memo) == []
    assert memo["มูลนาย"] == ("มูล",)


def _paragraphs():
    for path in sorted(glob.glob(str(ROOT / "content" / "**" / "*.md"), recursive=True)):
        for paragraph in Path(path).read_text(encoding="utf-8").split("\n\n"):
            yield paragraph.replace("\n", " ")


def test_over_the_content_a_break_is_kept_out_only_from_inside_an_everyday_word(plain, monkeypatch):
    """Every line end of the sample content the rule takes away was inside an everyday word (one the
    corpus counts COMMON times or more, of 3 letters or more) that holds the break; and the rule
    takes some away (47 when it was written)."""
    counts = corpus_counts()
    everyday = {w for w, n in counts.items() if n >= tied_breaks.COMMON and letters(w) >= 3}
    longest = max(map(len, everyday))
    removed = []
    for text in _paragraphs():
        monkeypatch.setattr(tied_breaks, "tied", lambda *args: [])
        before = plain.break_offsets(text, use_cache=False)
        monkeypatch.undo()
        after = set(plain.break_offsets(text, use_cache=False))
        removed += [(text, b) for b in before if b not in after]
    assert len(removed) >= 30
    outside = [text[max(0, b - 10):b] + "|" + text[b:b + 10] for text, b in removed
               if not any(text[i:j] in everyday for i in range(max(0, b - longest), b)
                          for j in range(b + 1, min(len(text), i + longest) + 1))]
    assert outside == []
