"""The names of places are not read as misspelt words; the words around them still are.

A release about a field visit names its subdistrict, district, province and village (ตำบลละแม
อำเภอละแม จังหวัดชุมพร, บ้านห้วยตองก๊อ, อ.สบเมย): no dictionary has most of them, and the
spelling rule warned of each (สบเมย: "did you mean เมีย?"), holding the release back until the
name was added to the site dictionary. places.py finds the name after the word for its kind.

Property over real places of every region, written in four ways news writes them (full words
with spaces, abbreviations, a name run straight into the next word, a village and its หมู่): no
finding; and the same sentences with an ordinary word misspelt elsewhere in them still give that
word. Place words that begin ordinary words (บ้านพัก, บ้านเกิด) hide nothing after them. Bare
names are places under a table column headed อำเภอ (or ตำบล...), and anywhere in a release that
names the place with its kind once; each with its control.
"""

from __future__ import annotations

import pytest

# (subdistrict, district, province, a village there or nearby): facts, from the country's
# administrative divisions; many of these names are in no dictionary.
PLACES = [
    ("บาเจาะ", "บาเจาะ", "นราธิวาส", "บาโงสะโต"),
    ("จะแนะ", "จะแนะ", "นราธิวาส", "ไอร์กาเปาะ"),
    ("สุไหงโก-ลก", "สุไหงโก-ลก", "นราธิวาส", "ปาเสมัส"),
    ("ตันหยงมัส", "ระแงะ", "นราธิวาส", "บาโงปูโละ"),
    ("กาบัง", "กาบัง", "ยะลา", "บาละ"),
    ("ปาดังเบซาร์", "สะเดา", "สงขลา", "สำนักขาม"),
    ("ละแม", "ละแม", "ชุมพร", "ทุ่งคาวัด"),
    ("บางริ้น", "เมืองระนอง", "ระนอง", "ปากน้ำ"),
    ("กะเปอร์", "กะเปอร์", "ระนอง", "บางหิน"),
    ("คึกคัก", "ตะกั่วป่า", "พังงา", "บางเนียง"),
    ("ท่าฉลอม", "เมืองสมุทรสาคร", "สมุทรสาคร", "โกรกกราก"),
    ("มาบตาพุด", "เมืองระยอง", "ระยอง", "หนองแฟบ"),
    ("ไม้รูด", "คลองใหญ่", "ตราด", "หาดเล็ก"),
    ("ป่าไร่", "อรัญประเทศ", "สระแก้ว", "หนองเอี่ยน"),
    ("ผักขะ", "วัฒนานคร", "สระแก้ว", "โนนสาวเอ้"),
    ("ช่องเม็ก", "สิรินธร", "อุบลราชธานี", "คันท่าเกวียน"),
    ("ห้วยยาง", "กระนวน", "ขอนแก่น", "โนนสะอาด"),
    ("กุมภวาปี", "กุมภวาปี", "อุดรธานี", "โนนทองอินทร์"),
    ("ท่าบ่อ", "ท่าบ่อ", "หนองคาย", "ท่าบ่อ"),
    ("หนองแวงตาชู", "บ้านฝาง", "ขอนแก่น", "หนองแวงตาชู"),
    ("แม่เงา", "สบเมย", "แม่ฮ่องสอน", "ห้วยตองก๊อ"),
    ("ขุนยวม", "ขุนยวม", "แม่ฮ่องสอน", "แม่อูคอ"),
    ("แม่ลาน้อย", "แม่ลาน้อย", "แม่ฮ่องสอน", "ห้วยห้อม"),
    ("อมก๋อย", "อมก๋อย", "เชียงใหม่", "มูเซอ"),
    ("แม่แจ่ม", "แม่แจ่ม", "เชียงใหม่", "แม่ปาน"),
    ("เวียงกาหลง", "เวียงป่าเป้า", "เชียงราย", "ป่าเหมี้ยง"),
    ("เวียงพางคำ", "แม่สาย", "เชียงราย", "เหมืองแดง"),
    ("ท่าสายลวด", "แม่สอด", "ตาก", "วังแก้ว"),
    ("ปิล็อก", "ทองผาภูมิ", "กาญจนบุรี", "อีต่อง"),
    ("ไล่โว่", "สังขละบุรี", "กาญจนบุรี", "สะเนพ่อง"),
]

TEMPLATES = [
    "เจ้าหน้าที่ลงพื้นที่ตำบล{t} อำเภอ{a} จังหวัด{p} เพื่อประชุมกับนายจ้าง",
    "ประชุมร่วมกับผู้นำชุมชนบ้าน{v} หมู่ 4 ต.{t} อ.{a} จ.{p}",
    "แรงงานจากอำเภอ{a}เดินทางมาทำงานในตำบล{t} จังหวัด{p} ตลอดทั้งปี",
    "ศูนย์ฯ รับเรื่องร้องเรียนจาก อ. {a} และ ต. {t} แล้ว",
]
# An ordinary word of each template, and the same word misspelt as the spelling rule reports it.
SLIPS = [("ประชุม", "ประชม"), ("ประชุม", "ประชม"), ("ตลอด", "ตลอต"), ("ร้องเรียน", "ร้องเรียณ")]


@pytest.fixture(scope="module")
def speller(segmenter):
    from thai_text.spelling import speller_for

    return speller_for(segmenter)


def test_places_of_every_region_are_not_misspelt_words(speller):
    lines = [template.format(t=t, a=a, p=p, v=v) for t, a, p, v in PLACES for template in TEMPLATES]
    found = {line: speller.line_findings(line) for line in lines}
    assert {line: f for line, f in found.items() if f} == {}


def test_without_the_place_words_some_names_are_reported(speller):
    """The control: written without the word for their kind, names are reported (most names
    are cut into pieces that are each a word, and are not)."""
    names = sorted({name for place in PLACES for name in place})
    reported = [name for name in names if speller.line_findings(f"เจ้าหน้าที่ลงพื้นที่ {name} เพื่อประชุม")]
    assert len(reported) >= 8, reported


@pytest.mark.parametrize("template, slip", list(zip(TEMPLATES, SLIPS)))
def test_a_misspelt_word_beside_the_places_is_still_reported(speller, template, slip):
    word, typed = slip
    for t, a, p, v in PLACES:
        line = template.format(t=t, a=a, p=p, v=v).replace(word, typed)
        assert any(typed in found for found, _suggestion, _slip in speller.line_findings(line)), line


@pytest.mark.parametrize("line, typed", [
    ("เจ้าหน้าที่เข้าตรวจบ้านพักข้ราชการในพื้นที่", "ข้ราชการ"),
    ("แรงงานเดินทางกลับบ้านเกิดเพื่อเยี่ยมครอบครัลเมื่อวันหยุดยาว", "ครอบครัล"),
    ("บ้านพักคนงานก่อสร้างไม่ถูกสุขลักษนะ", "ลักษนะ"),
])
def test_a_place_word_that_begins_an_ordinary_word_hides_nothing(speller, line, typed):
    assert any(typed in found for found, _suggestion, _slip in speller.line_findings(line)), line


def test_the_names_found(segmenter):
    line = ("ลงพื้นที่บ้านห้วยตองก๊อ หมู่ 7 ตำบลแม่เงา อำเภอสบเมย จังหวัดแม่ฮ่องสอน "
            "และ อ. ละแม จ.ชุมพร แรงงานจากอำเภอกาบังเดินทางมา ที่บ้านของเขา บ้านพักคนงาน")
    names = [line[start:end] for start, end in segmenter.places(line)]
    assert names == ["ห้วยตองก๊อ", "แม่เงา", "สบเมย", "แม่ฮ่องสอน", "ละแม", "ชุมพร", "กาบัง"], names


def spelling_findings(tmp_path, release: str) -> set[str]:
    """The words `invoke check`'s rule spelling reports in a site of this one release."""
    import re
    from pathlib import Path

    from content_guard.verdict import judge
    from tools.check import load_settings

    root = Path(__file__).resolve().parents[2]
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "release.md").write_text(release, encoding="utf-8")
    settings = {**load_settings(root / "pelicanconf.py"), "PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    return {re.search(r'"([^"]+)"', p.english).group(1) for p in judge(settings).problems if p.rule == "spelling"}


TABLE = """Title: ผลการรับฟังข้อมูลแยกตามหมู่บ้าน
Date: 2569-11-29 17:20
Category: ข่าวกิจกรรม

| หมู่บ้าน | {district} | ผู้ให้ข้อมูล (คน) | หมายเหตุ |
|---|---|---|---|
| ห้วยตองก๊อ | สบเมย | 14 | ประชมที่ศาลา |
| ห้วยห้อม | อ.แม่ลาน้อย | 9 | |
"""


@pytest.mark.parametrize("district, reported", [
    ("อำเภอ", {"ประชม"}),  # bare names under หมู่บ้าน and อำเภอ are places
    ("พื้นที่", {"เมย", "ประชม"}),  # the control: under another heading a district is words
])
def test_a_tables_column_headed_by_a_kind_of_place_holds_places(tmp_path, district, reported):
    """A table by village and district lists bare names (| สบเมย |): `invoke check` reads the
    cells of a column headed อำเภอ, ตำบล, จังหวัด or หมู่บ้าน as places, and still reads the other
    columns (a misspelt word in หมายเหตุ)."""
    assert spelling_findings(tmp_path, TABLE.format(district=district)) == reported


NAMED_AGAIN = """Title: เตือนชาวบ้านอย่าจ่ายค่าลัดคิว
Date: 2569-11-29 17:20
Category: ข่าวกิจกรรม

{first}

ชาวบ้านที่สบเมยบางคนต้องขายวัวเพื่อนำเงินมาจ่าย

| พื้นที่ | จ่ายเงินแล้ว (คน) |
|---|---|
| สบเมย | 6 |
"""


@pytest.mark.parametrize("first, reported", [
    ("คณะลงพื้นที่อำเภอสบเมย จังหวัดแม่ฮ่องสอน", set()),  # named as a place once: a name everywhere
    ("คณะลงพื้นที่จังหวัดแม่ฮ่องสอน", {"เมย"}),  # the control: never named as a place
])
def test_a_place_named_once_with_its_kind_is_a_name_in_the_whole_release(tmp_path, first, reported):
    assert spelling_findings(tmp_path, NAMED_AGAIN.format(first=first)) == reported
