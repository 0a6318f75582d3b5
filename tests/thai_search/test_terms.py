"""What the index copies hold besides the page: word marks, inner word parts, the site's words.

The rules here must agree with search-match.js, which decides in the browser which pieces of a
query the index is sure to hold: the last tests run both sides over every pair of characters.
"""

import json
import random
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.thai_search.test_match import run_node

sys.path.insert(0, str(ROOT / "plugins"))

from thai_search.copies import index_copies, index_copy  # noqa: E402
from thai_search.page_text import indexed_text, selector_xpath  # noqa: E402
from thai_search.terms import (  # noqa: E402
    EXTRA_MARK,
    NUMBER,
    EXTRA_MIN,
    KEEP_MARK,
    WORD_MARK,
    chunks_of,
    compound_forms,
    extra_words,
    inner_suffixes,
    letters,
    number_form,
    number_forms,
    phone_forms,
    shown_text,
    vocabulary,
    word_start,
)

THAI = [chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable()]
OTHERS = list("aZ09 .-,()\"'/") + ["\u200b", "é"]
# Lao, Myanmar and Khmer: consonants, lead and other vowels, marks, Myanmar's virama and asat,
# Khmer's coeng, digits and sentence ends.
UNSPACED = list("ກຂນອເໄາີ່ໜ໑") + list("ကငပမဥ\u102c\u102d\u1031\u1037\u1039\u103a\u103b\u1041\u104b") + list(
    "កឈញបរឥ\u17b6\u17be\u17c6\u17cb\u17d2\u17e1\u17d4\u17d7\u17dc\u17dd\u104f\u0ece\u109e"
)


def test_inner_parts_start_where_a_thai_word_can():
    assert inner_suffixes("เครือข่าย") == ("รือข่าย", "อข่าย", "ข่าย")
    assert "ทุจริต" in inner_suffixes("ศูนย์ปฏิบัติการต่อต้านการทุจริต")
    assert "ต่อต้านการทุจริต" in inner_suffixes("ศูนย์ปฏิบัติการต่อต้านการทุจริต")
    # never before a vowel or tone mark, never after a lead vowel, never one letter alone
    assert inner_suffixes("ไก่") == ()
    assert inner_suffixes("เสื่อ") == ()
    assert inner_suffixes("แม่น้ำ") == ("น้ำ",)
    # a change of script starts a part: ปี2565 holds 2565, ป.ป.ช.จัด holds จัด
    assert inner_suffixes("ปี2565") == ("2565",)
    assert "จัด" in inner_suffixes("ป.ป.ช.จัด")


def test_inner_parts_of_lao_myanmar_and_khmer_start_at_a_syllable():
    # Khmer: never at a consonant stacked under the one before (after coeng): ប្រសិនបើ holds សិនបើ
    # and បើ, never របើ...; ឈ្មួញកណ្តាល holds កណ្តាល.
    assert inner_suffixes("ប្រសិនបើ") == ("សិនបើ", "នបើ", "បើ")
    assert "កណ្តាល" in inner_suffixes("ប្រសិនបើឈ្មួញកណ្តាល")
    # Myanmar: not after the virama; a syllable of one consonant counts (မလိုပါ holds လိုပါ).
    assert "လိုပါ" in inner_suffixes("မလိုပါ")
    assert "ဘာ" not in inner_suffixes("ကမ္ဘာ")
    # Lao: not right after a lead vowel (ເພື່ອ holds nothing but ພື່ອ is no part).
    assert inner_suffixes("ເພື່ອ") == ()
    assert "ນາຍໜ້າ" in inner_suffixes("ຖ້ານາຍໜ້າ")
    # Their vowels and marks are letters: ပါ has two.
    assert letters("ပါ") == 2


@given(st.text(alphabet=THAI + OTHERS + UNSPACED, max_size=24))
@settings(max_examples=300, deadline=None)
def test_every_inner_part_is_a_suffix_at_a_word_start(chunk):
    for suffix in inner_suffixes(chunk):
        start = len(chunk) - len(suffix)
        assert 0 < start and chunk.endswith(suffix)
        assert word_start(chunk, start)
        assert letters(suffix) >= EXTRA_MIN
    starts = {len(chunk) - len(s) for s in inner_suffixes(chunk)}
    for i in range(1, len(chunk)):
        if word_start(chunk, i) and letters(chunk[i:]) >= EXTRA_MIN:
            assert i in starts


def test_extra_words_leave_out_words_the_page_has_and_repeat_nothing():
    extra = extra_words(["การ", "ทุจริต", "การทุจริต", "เครือข่าย", "เครือข่าย"])
    assert "ทุจริต" not in extra  # already a word of the page
    assert extra.count("ข่าย") == 1
    assert "ข่าย" in extra


def test_shown_text_gives_back_word_boundaries_and_drops_the_extra_words():
    stored = f"การ {WORD_MARK} ทุจริต ใน {WORD_MARK} ระบบ. {EXTRA_MARK} ข่าย จริต"
    assert shown_text(stored) == "การ\u200bทุจริต ใน\u200bระบบ."
    assert chunks_of(stored) == ["การ", "ทุจริต", "ใน", "ระบบ."]


def test_shown_text_keeps_on_one_line_what_the_page_keeps():
    stored = f"โดย {WORD_MARK} นายสมชาย {KEEP_MARK} ใจซื่อ เวลา {KEEP_MARK} 09.00 {KEEP_MARK} น."
    assert shown_text(stored) == "โดย\u200bนายสมชาย\u00a0ใจซื่อ เวลา\u00a009.00\u00a0น."
    assert chunks_of(stored) == ["โดย", "นายสมชาย", "ใจซื่อ", "เวลา", "09.00", "น."]


def test_the_copy_marks_the_spaces_of_what_the_page_keeps_on_one_line():
    page = ('<html><body><main data-pagefind-body><p>โดย<wbr><span class="w">นายสมชาย ใจซื่อ</span> '
            '<span class="w">เวลา 09.00 น.</span> <span class="wl"><span class="wl">ศูนย์ปฏิบัติการ</span> '
            '<span class="wl">ต่อต้านการทุจริต</span></span></p></main></body></html>')
    copy = index_copy(page, [])
    assert f'<span class="w">นายสมชาย {KEEP_MARK} ใจซื่อ</span>' in copy
    assert f'<span class="w">เวลา {KEEP_MARK} 09.00 {KEEP_MARK} น.</span>' in copy
    # a long piece too, its inner spans intact (the search page wraps it at these spaces only
    # where it is wider than the line)
    assert (f'<span class="wl"><span class="wl">ศูนย์ปฏิบัติการ</span> {KEEP_MARK} '
            f'<span class="wl">ต่อต้านการทุจริต</span></span>') in copy
    words = indexed_text(copy, []).split()
    assert words[:words.index(EXTRA_MARK)] == [
        "โดย", WORD_MARK, "นายสมชาย", KEEP_MARK, "ใจซื่อ", "เวลา", KEEP_MARK, "09.00", KEEP_MARK, "น.",
        "ศูนย์ปฏิบัติการ", KEEP_MARK, "ต่อต้านการทุจริต"]


def test_vocabulary_counts_pages_not_occurrences():
    pages = [["การ", "ประชุม", "การ", "ก"], ["การ", "อบรม", "(ITA)"]]
    assert vocabulary(pages) == [("การ", 2), ("ประชุม", 1), ("อบรม", 1)]


def test_the_words_a_name_is_made_of_are_words_of_the_site():
    pages = [["ผลประโยชน์ทับซ้อน", "ของ"]]
    parts = {"ผลประโยชน์ทับซ้อน": ["ผลประโยชน์", "ทับซ้อน"], "ของ": ["ของ"]}
    words = dict(vocabulary(pages, parts=parts.get))
    assert words == {"ผลประโยชน์ทับซ้อน": 1, "ผลประโยชน์": 1, "ทับซ้อน": 1, "ของ": 1}
    assert extra_words(pages[0], frozenset(words)) == ["ทับซ้อน"]


def test_with_the_site_words_an_inner_part_is_kept_only_where_one_starts():
    site = frozenset({"ทุจริต", "ประมาณ", "ข่าย"})
    extra = extra_words(["การทุจริต", "โดยประมาณ", "เครือข่าย", "ปี2565"], site)
    assert set(extra) == {"ทุจริต", "ประมาณ", "ข่าย", "2565"}


PAGE = (
    '<html lang="th"><head><title>หัว<wbr>เรื่อง</title><style>.x{}</style></head><body>'
    "<nav>เมนูหลัก</nav><article data-pagefind-body><p class=\"kicker\">หมวดหมู่</p>"
    "<h1>ประชุม<wbr>เครือข่าย</h1><p>ดวงตาแรงงาน<wbr>ร่วม<wbr>ตรวจสอบ</p>"
    '<p data-pagefind-ignore>คำแนะนำ</p><script>var ข้อความ = 1;</script>'
    "<ul><li>ข้อ<wbr>หนึ่ง</li><li>ข้อ<wbr>สอง</li></ul></article>"
    "<footer>มิตรไมตรี</footer></body></html>"
)


def test_indexed_text_is_what_pagefind_reads():
    words = indexed_text(PAGE, [".kicker"]).split()
    assert words == ["ประชุม", "เครือข่าย", "ดวงตาแรงงาน", "ร่วม", "ตรวจสอบ", "ข้อ", "หนึ่ง", "ข้อ", "สอง"]


@pytest.mark.parametrize("selector,matches", [
    ("nav", True), (".kicker", False), ("p.note", False), ("[data-x]", False), ("#main", False),
    ("nav a", None), ("a > b", None),
])
def test_simple_selectors_are_read_and_others_left_to_pagefind(selector, matches):
    import lxml.html

    nav = lxml.html.fragment_fromstring("<nav>x</nav>")
    path = selector_xpath(selector)
    if matches is None:
        assert path is None
    else:
        assert (nav in nav.getroottree().xpath(path)) is matches


def test_the_copy_marks_word_boundaries_and_ends_with_the_extra_words():
    other = "<html><body><main data-pagefind-body><p>ข่าย<wbr>แรงงาน<wbr>มวดหมู่<wbr>แนะนำ</p></main></body></html>"
    copies, words = index_copies({"a": PAGE, "b": other}, [".kicker"])
    copy = copies["a"]
    assert "<wbr>" not in copy
    assert f"ประชุม {WORD_MARK} เครือข่าย" in copy
    block = copy[copy.index(f"{EXTRA_MARK}"):copy.index("</body>")]
    assert "ข่าย" in block and "แรงงาน" in block
    # nothing from the left-out parts: the kicker, the ignored hint, the script, the footer
    for outside in ("มวดหมู่", "แนะนำ", "ความ", "ไมตรี"):
        assert outside not in block
    assert copy.index(EXTRA_MARK) > copy.index("</article>")
    assert 'data-pagefind-weight="0.1"' in copy
    assert ("ประชุม", 1) in words and ("ข่าย", 1) in words


def test_marks_already_in_a_page_cannot_confuse_the_search_page():
    marked = PAGE.replace("ร่วม", f"ร่{EXTRA_MARK}วม{WORD_MARK}").replace("หนึ่ง", f"หนึ่ง{KEEP_MARK}")
    assert index_copy(marked, []) == index_copy(PAGE, [])


# --- the browser side agrees -----------------------------------------------------------------


def test_word_start_and_letters_agree_with_search_match_js(tmp_path):
    chars = THAI + OTHERS + UNSPACED
    pairs = [a + b for a in chars for b in chars]
    script = f"""
import * as m from "./search-match.mjs";
const pairs = {json.dumps(pairs, ensure_ascii=False)};
console.log(JSON.stringify(pairs.map((p) => [m.wordStart(p, 1), m.unmark(p + " {WORD_MARK} " + p + " {KEEP_MARK} " + p)])));
"""
    found = run_node(script, tmp_path)
    for pair, (starts, shown) in zip(pairs, found):
        assert starts == word_start(pair, 1), (pair, [hex(ord(c)) for c in pair])
        assert shown == shown_text(f"{pair} {WORD_MARK} {pair} {KEEP_MARK} {pair}"), pair


@pytest.mark.parametrize("written,form", [
    ("๔,๕๐๐", "4500"), ("4,500", "4500"), ("4500", "4500"), ("๑๐๓,๕๐๐", "103500"),
    ("1,234,567", "1234567"), ("๖๑.๔", "61.4"), ("12,34", "12,34"), ("1,2345", "1,2345"),
    ("๒๕๖๙", "2569"), ("08.30", "08.30"),
])
def test_a_number_is_compared_in_arabic_digits_without_thousands_separators(written, form):
    assert number_form(written) == form


def test_the_extra_words_hold_each_number_written_otherwise():
    chunks = ["ค่าสมัคร", "๔,๕๐๐", "บาท", "ปี", "2569", "รวม", "103,500", "(๑๕๔๖)", "4500"]
    assert number_forms(chunks) == ["4500", "103500", "1546"]
    extra = extra_words(chunks)
    assert "103500" in extra and "1546" in extra and "4500" not in extra  # 4500 is a chunk already


def test_the_extra_words_hold_a_number_written_against_letters():
    # A trial's minutes named the ITA indicator "ข้อ O36": Pagefind holds O36 as one word, and a
    # reader who typed 36 was not shown the page.
    assert number_forms(["ข้อ", "O36", "การเปิดเผย", "ปี2569", "36"]) == ["36", "2569"]
    assert "36" not in extra_words(["O36", "36"]) and "36" in extra_words(["ข้อ", "O36"])


def test_search_match_js_compares_numbers_as_number_form_writes_them(tmp_path):
    # The query (normalised in the browser) and the page's extra words (number_form, at build
    # time) must meet: normalize() gives the same text for a number and for its number_form.
    # Every number in 3,000 seeded strings of digits (both scripts), commas, dots and letters.
    rng = random.Random(7)
    alphabet = list("0123456789๐๑๒๓๔๕๖๗๘๙,,,..ก ")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16))) for _ in range(3000)]
    pairs = [[n, number_form(n)] for text in texts for n in NUMBER.findall(text)]
    assert len(pairs) > 3000 and any(a != b for a, b in pairs)
    script = f"""
import * as m from "./search-match.mjs";
const pairs = {json.dumps(pairs, ensure_ascii=False)};
console.log(JSON.stringify(pairs.map(([a, b]) => [m.normalize(a).text, m.normalize(b).text])));
"""
    for (written, form), (a, b) in zip(pairs, run_node(script, tmp_path)):
        assert a == b == form.replace(".", ""), (written, form, a, b)


def test_a_telephone_number_is_also_indexed_as_its_digits_alone():
    chunks = ["โทร.", "0", "2232", "1262", "หรือ", "0-4324-6106", "(๐", "๕๕๕๖", "๓๑๑๒)", "สาย", "0", "2232", "1262-5",
              "ปี", "2569", "0", "บาท"]
    assert phone_forms(chunks) == ["022321262", "043246106", "055563112", "0223212625"]
    extra = extra_words(chunks)
    assert {"022321262", "043246106", "055563112", "0223212625"} <= set(extra)


def test_search_match_js_compares_a_telephone_number_as_its_digits_alone(tmp_path):
    # The page's text, normalised in the browser, must hold the form phone_forms indexed, so that
    # the page Pagefind finds by it is kept: 0 2232 1262, 0-2232-1262, ๐ ๒๒๓๒ ๑๒๖๒ and 022321262
    # are one number. So is a hyphen between Latin letters (e-mail and email are one word:
    # compound_forms indexes the second), but not one between Thai words.
    written = ["0 2232 1262", "0-2232-1262", "02-232-1262", "๐ ๒๒๓๒ ๑๒๖๒", "0\u00a02232\u00a01262", "022321262"]
    script = f"""
import * as m from "./search-match.mjs";
const written = {json.dumps(written, ensure_ascii=False)};
console.log(JSON.stringify([...written.map((w) => m.normalize(w).text), m.normalize("e-mail 05-02 ก-ข").text]));
"""
    *numbers, other = run_node(script, tmp_path)
    assert numbers == ["022321262"] * len(written) and other == "email0502ก-ข"


def test_a_latin_term_joined_by_hyphens_is_also_indexed_as_its_letters_alone(tmp_path):
    chunks = ["(e-Certificate)", "Post-test", "e-GP", "e-GP", "0-4324-6106", "๐๕-๐๒-๒๕๖๙", "COVID-19", "ก-ข",
              "COVID-๑๙"]
    assert compound_forms(chunks) == ["ecertificate", "posttest", "egp", "covid19"]
    assert {"ecertificate", "posttest", "egp"} <= set(extra_words(chunks))
    # The page's text, normalised in the browser, holds the form indexed, whatever the hyphen.
    hyphens = json.dumps(["e-Certificate", "Post\u2010test", "e\u2011GP"])
    script = f"""
import * as m from "./search-match.mjs";
const written = {hyphens};
console.log(JSON.stringify(written.map((w) => m.normalize(w).text)));
"""
    assert run_node(script, tmp_path) == ["ecertificate", "posttest", "egp"]


def test_the_search_page_holds_a_long_piece_from_the_length_thai_text_does():
    # search.js has no build step, so it keeps its own copy of thai_text's LONG_LETTERS: a run of
    # that many letters is wrapped at its spaces where wider than the line, as on the page.
    import re

    from thai_text.markup import LONG_LETTERS

    script = (ROOT / "theme" / "static" / "js" / "search.js").read_text(encoding="utf-8")
    assert int(re.search(r"const LONG_LETTERS = (\d+);", script).group(1)) == LONG_LETTERS
