"""Foreigners named again by title and surname straight before a verb, as Thai releases write them
(ขณะที่ดร.ซานโตส-เรเยสอธิบายว่า...): where the name is found, no unknown word is reported in the
line and no line may end inside the name or the verb.

The segmenter knows neither the surname nor where it ends, and may cut its last letters into the
verb (เรเย|สอ|ธิบาย); the spelling rule then read the rest of the verb (ธิบาย) as an unknown word,
and a line could end inside it (เรเยสอธิ|บาย).
"""

import itertools

import pytest

from thai_text.spelling import speller_for

# Surnames in Thai letters as releases spell them: English, German, French, Spanish, Japanese,
# Korean, Vietnamese, Chinese; two of two pieces joined by a hyphen.
SURNAMES = (
    "สมิธ จอห์นสัน แบร์กมันน์ ทานากะ วาตานาเบะ ซานโตส เรเยส การ์เซีย มุลเลอร์ ดูบัวส์ เลอฟาฟร์ "
    "โอคอนเนอร์ ฮอฟฟ์มันน์ ยามาโมโตะ คิม ปาร์ค เหงียน ตรัน หลี่ หวัง ชาง โรดริเกซ เฟอร์นันเดส ซิลวา "
    "ปีเตอร์สัน แอนเดอร์สัน ฮันเซน ซูซูกิ ซาโตะ อิโตะ ซานโตส-เรเยส มิน-จุน"
).split()
TITLES = ("มิสเตอร์", "ดร.", "มาดาม", "มร.")
VERBS = ("กล่าวว่า", "เห็นว่า", "มองว่า", "ระบุว่า", "เสนอให้", "แนะนำให้", "อธิบายว่า", "เปิดเผยว่า",
         "ได้มอบ", "เป็นประธาน", "ยืนยันว่า", "ชี้แจงว่า", "เน้นย้ำว่า", "ตอบว่า", "เล่าว่า")


@pytest.fixture(scope="module")
def speller(segmenter):
    return speller_for(segmenter)


def test_no_unknown_word_next_to_a_foreign_surname(segmenter, speller):
    """Each line's title and surname are a name (all but 23 of 1,920 when written: มาดามตรัน, whose
    title the segmenter cuts, and เฟอร์นันเดส before กล่าว or อธิบาย, whose last letter it cuts
    into the verb; 84 names take the verb in too, ซานโตสกล่าว, where the segmenter glued them), and
    a line whose name is found has no unknown word (4 had one before the words around names were
    read on their own: ธิบาย after ซานโตส-เรเยส)."""
    named = unnamed = 0
    reported = {}
    for surname, title, verb in itertools.product(SURNAMES, TITLES, VERBS):
        line = f"ขณะที่{title}{surname}{verb}ควรเร่งดำเนินการ"
        found = [line[a:b] for a, b in segmenter.names(line)]
        if len(found) != 1 or not found[0].startswith(title + surname):
            unnamed += 1
            continue
        named += 1
        if speller.line_findings(line):
            reported[line] = speller.line_findings(line)
    assert named + unnamed == 1920
    assert unnamed <= 30, unnamed
    assert reported == {}


# The first word of each verb above: a line may break between ได้|มอบ, not inside อธิบาย.
VERB_WORDS = ("กล่าว", "เห็น", "มอง", "ระบุ", "เสนอ", "แนะนำ", "อธิบาย", "เปิดเผย", "ได้", "เป็น", "ยืนยัน",
              "ชี้แจง", "เน้น", "ตอบ", "เล่า")


def test_no_line_break_inside_a_foreign_surname_or_the_verb_after_it(segmenter):
    """Where the name is found, no break point falls inside it or inside the verb the segmenter
    glued to its last letters (ดร.ซานโตส-เรเยส|อธิบาย, not เรเยสอธิ|บาย): the text after a name
    that ends inside a token is laid out again on its own. Counting every line, found or not:
    64 of the 1,920 had such a break before foreign names were read whole, 12 after, 4 now (the
    unnamed เฟอร์นันเดสอธิบาย); of the lines whose name is found, 8 before the text after it was
    laid out again, none now."""
    broken = []
    for surname, title, verb in itertools.product(SURNAMES, TITLES, VERBS):
        head = f"ขณะที่{title}{surname}"
        line = f"{head}{verb}ควรเร่งดำเนินการ"
        found = [line[a:b] for a, b in segmenter.names(line)]
        if len(found) != 1 or not found[0].startswith(title + surname):
            continue
        word = next(w for w in VERB_WORDS if verb.startswith(w))
        inside = [k for k in segmenter.break_offsets(line) if len(head) - len(surname) < k < len(head) + len(word)
                  and k != len(head)]
        if inside:
            broken.append(line)
    assert broken == []


def test_a_misspelt_word_after_a_foreign_name_is_still_reported(speller):
    line = "ขณะที่ดร.ซานโตส-เรเยสอธิบายว่าการทุจจริตเกิดที่ด่าน"
    assert [word for word, _better, _slip in speller.line_findings(line)] == ["ทุจจริต"]
