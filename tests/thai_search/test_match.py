"""The exact Thai matching that runs in the browser (theme/static/js/search-match.js), run in Node.

Pagefind folds vowels and tone marks out of queries; these functions decide which of its
candidates really contain the query. One Node process checks every case.
"""

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

MODULE = ROOT / "theme" / "static" / "js" / "search-match.js"

PAGE = {
    "meta": {"title": "ศูนย์ฯ ประชุมเครือข่ายดวงตาแรงงาน"},
    # As Pagefind stores it: zero-width spaces between words, ". " after the heading.
    "content": "ศูนย์ฯ\u200bประชุม\u200bเครือข่าย\u200bดวงตา\u200bแรงงาน\u200b. \u200bเผยแพร่\u200bข่าว"
    "\u200bการ\u200bปราบ\u200bทุจริต ร่วมกับ ป.ป.ท. ชิม\u200bข้าวมันไก่\u200bแล้ว\u200bเดินทาง\u200bไกล"
    " ประเมิน ITA ที่ Café 2566 ငွေပေးရန် မလိုပါ ប្រសិនបើឈ្មួញកណ្តាល ຖ້ານາຍໜ້າ",
}

CASES = [
    # query, should match
    ("ข่าว", True),
    ("ขาว", False),  # white is not news
    ("ไก่", True),
    ("ไก", True),  # ไก is the start of ไกล
    ("ไกล", True),
    ("เสือ", False),
    ("ดวงตาแรงงาน", True),  # across Pagefind's zero-width space
    ("ดวงตา แรงงาน", True),
    ("เเรงงาน", True),  # two sara e typed for sara ae
    ("ป.ป.ท.", True),
    ("ปปท", True),
    ("ข่าว ขาว", False),  # every Thai term must be there
    ("ข้า", True),  # ข้าวมันไก่
    ("ขา", False),  # only in ข่าว and ข้าว, followed by a tone mark
    ("ita", True),  # other scripts: case does not matter
    ("cafe", True),  # nor do accents
    ("CAFÉ", True),
    ("1546", False),
    ("2566", True),
    # Myanmar, Khmer and Lao: their vowels and marks are letters, compared exactly
    ("ငွေ", True),
    ("ငွ", False),  # cut before the vowel sign of its syllable
    ("ပေး", True),
    ("ပေ", False),
    ("ပေးရန", False),  # the asat of ရန် is part of the word
    ("လိုပါ", True),
    ("កណ្តាល", True),
    ("កណ្តា", True),  # followed by a consonant, as ไก by ล in ไกล
    ("កណ្ត", False),  # followed by its vowel sign
    ("នាយ", False),  # Khmer letters that look like the Lao word's are another word
    ("ນາຍໜ້າ", True),
    ("ນາຍໜາ", False),  # without its tone mark
    # copied from a PDF: a font's glyph variant of the tone mark (Windows', macOS'), a mark after a space
    ("ข\uf70aาว", True),
    ("ข\uf88bาว", True),
    ("ข ่าว", True),
    ("ดวงตาแรงงาน ข ่าว", True),
    ("ข\uf70bาว", True),  # ข้าว (ข้าวมันไก่)
    ("ข\uf70cาว", False),  # ข๊าว is not there
]


def run_node(script: str, tmp_path):
    if not shutil.which("node"):
        pytest.fail("Node.js is missing: sudo apt-get install nodejs (./dev.sh test installs it)")
    module = tmp_path / "search-match.mjs"
    module.write_bytes(MODULE.read_bytes())
    runner = tmp_path / "run.mjs"
    runner.write_text(script, encoding="utf-8")
    done = subprocess.run(["node", str(runner)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("match")
    script = f"""
import * as m from "./search-match.mjs";
const page = {json.dumps(PAGE, ensure_ascii=False)};
const cases = {json.dumps([q for q, _ in CASES], ensure_ascii=False)};
const out = {{}};
for (const q of cases) {{
  const {{terms}} = m.parseQuery(q);
  const found = m.verify(page, terms);
  out[q] = {{
    ok: found.ok,
    marked: found.content.map(([s, e]) => page.content.slice(s, e)),
    excerpt: m.excerpt(page.content, found.content, 40).map(p => p.mark ? "[" + p.text + "]" : p.text).join(""),
  }};
}}
out.normalize = m.normalize("ก่ี เเก ก่่า กํา").text;
console.log(JSON.stringify(out));
"""
    return run_node(script, tmp)


@pytest.mark.parametrize("query,expected", CASES)
def test_candidate_is_kept_only_when_the_exact_word_is_there(results, query, expected):
    assert results[query]["ok"] is expected


def test_marks_cover_the_words_found(results):
    assert results["ข่าว"]["marked"] == ["ข่าว"]
    assert results["ดวงตาแรงงาน"]["marked"] == ["ดวงตา\u200bแรงงาน"]
    assert results["ไก"]["marked"] == ["ไก"]  # the ไก of ไกล, not of ไก่
    assert results["ป.ป.ท."]["marked"] == ["ป.ป.ท"]


def test_excerpt_marks_the_query_and_cuts_with_ellipses(results):
    excerpt = results["ไกล"]["excerpt"]
    assert "[ไกล]" in excerpt
    assert excerpt.startswith("… ")


def test_the_glyph_variants_are_the_ones_the_sites_text_is_fixed_with(tmp_path):
    """search-match.js holds its own copy of thai_text's GLYPH_VARIANTS (the theme's script has no
    build step): the two are the same."""
    import sys

    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    from thai_text.typos import GLYPH_VARIANTS

    script = 'import * as m from "./search-match.mjs";\nconsole.log(JSON.stringify(m.GLYPH_VARIANTS));\n'
    assert run_node(script, tmp_path) == GLYPH_VARIANTS


def test_normalize_fixes_common_typing_slips(results):
    # tone before upper vowel reordered, two sara e joined, doubled tone dropped, nikhahit+aa joined
    assert results["normalize"] == "กี่แกก่ากำ"


def test_a_word_and_its_repetition_mark_are_one_term_with_or_without_a_space(tmp_path):
    """ต่าง ๆ (the Royal Institute's way, the center's) and ต่างๆ (most people's) are one word: a
    query in either finds a page in either, and finds no page that holds ต่าง and a ๆ apart;
    Pagefind is asked for the word alone (its index holds ต่างๆ as one word, or ต่าง and ๆ as two)."""
    pages = {"spaced": "ปัญหา\u200bต่าง ๆ\u200bใน\u200bพื้นที่", "glued": "ปัญหา\u200bต่างๆ\u200bใน",
             "apart": "แรงงาน\u200bต่างชาติ\u200bและ\u200bเด็ก ๆ"}
    queries = ["ต่าง ๆ", "ต่างๆ", "ต่าง  ๆ นานา", "ต่าง", "ๆ", "เด็กๆ"]
    script = f"""
import * as m from "./search-match.mjs";
const pages = {json.dumps(pages, ensure_ascii=False)};
const queries = {json.dumps(queries, ensure_ascii=False)};
const segment = (text) => [{{ segment: text, index: 0 }}];
const vocabulary = m.parseVocabulary("ต่าง\\nต่างๆ\\nนานา\\nเด็ก");
const out = {{}};
for (const q of queries) {{
  const {{ terms }} = m.parseQuery(q);
  out[q] = {{ terms, plan: m.planQuery(q, vocabulary, segment),
             found: Object.keys(pages).filter((k) => m.verify({{ content: pages[k] }}, terms).ok),
             marked: m.verify({{ content: pages.spaced }}, terms).content.map(([a, b]) => pages.spaced.slice(a, b)) }};
}}
console.log(JSON.stringify(out));
"""
    out = run_node(script, tmp_path)
    assert out["ต่าง ๆ"]["terms"] == out["ต่างๆ"]["terms"] == ["ต่างๆ"]
    assert out["ต่าง ๆ"]["found"] == out["ต่างๆ"]["found"] == ["spaced", "glued"]
    assert out["ต่าง ๆ"]["marked"] == ["ต่าง ๆ"]
    assert out["ต่าง ๆ"]["plan"] == out["ต่างๆ"]["plan"] == {"text": "ต่าง", "complete": False}
    assert out["ต่าง  ๆ นานา"]["terms"] == ["ต่างๆ", "นานา"] and out["ต่าง  ๆ นานา"]["found"] == []
    assert out["ต่าง"]["found"] == ["spaced", "glued", "apart"] and out["ต่าง"]["plan"]["complete"] is True
    assert out["ๆ"]["terms"] == ["ๆ"] and out["ๆ"]["plan"]["text"] == "ๆ"  # nothing before it to join
    assert out["เด็กๆ"]["found"] == ["apart"]


def test_a_telephone_number_in_other_groups_is_one_number(tmp_path):
    """A reader types the number as their phone shows it (02 232 1428, 081 234 5678), where the
    page writes 0 2232 1428: the groups of a run that starts with 0 and holds 9 or 10 digits are
    joined, and Pagefind is asked for the digits alone (terms.phone_forms indexes them). Other
    numbers stay apart: a year beside it, a count, groups that make no telephone number."""
    queries = ["02 232 1428", "081 234 5678", "๐๒ ๒๓๒ ๑๔๒๘", "2569 0 2232 1428", "0 5", "10 000 คน",
               "02 232 1428 2569"]
    script = f"""
import * as m from "./search-match.mjs";
const segment = (text) => [{{ segment: text, index: 0 }}];
const vocabulary = m.parseVocabulary("คน");
const out = {{}};
for (const q of {json.dumps(queries, ensure_ascii=False)}) {{
  out[q] = [m.parseQuery(q).terms, m.planQuery(q, vocabulary, segment).text,
            m.verify({{ content: "โทร. 0 2232 1428 ปี 2569" }}, m.parseQuery(q).terms).ok];
}}
console.log(JSON.stringify(out));
"""
    out = run_node(script, tmp_path)
    assert out["02 232 1428"] == [["022321428"], "022321428", True]
    assert out["081 234 5678"][:2] == [["0812345678"], "0812345678"]
    assert out["๐๒ ๒๓๒ ๑๔๒๘"] == [["022321428"], "022321428", True]
    assert out["2569 0 2232 1428"] == [["2569", "022321428"], "2569 022321428", True]
    assert out["0 5"][0] == ["0", "5"] and out["10 000 คน"][0] == ["10", "000", "คน"]
    assert out["02 232 1428 2569"][0] == ["02", "232", "1428", "2569"]  # 13 digits: not one number


# --- planning the query Pagefind is given, and suggestions ------------------------------------

VOCABULARY = "\n".join([
    "การ", "ทุจริต", "เครือข่าย", "ข่าย", "ประชุม", "ศูนย์", "ปฏิบัติการ", "ต่อต้าน",
    "ดวงตาแรงงาน", "แรงงาน", "ข่าว", "ขาว", "การทุจริต", "ศูนย์ปฏิบัติการต่อต้านการทุจริต",
])
# How a browser might cut these (Intl.Segmenter's dictionary differs between browsers): the
# planner must be right whatever the cut, so the test gives it one of its own.
CUTS = {
    "เครือข่าย": ["เครือ", "ข่าย"],
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต": ["ศูนย์", "ปฏิบัติ", "การ", "ต่อ", "ต้าน", "การ", "ทุจริต"],
    "ดวงตาแรงงาน": ["ดวง", "ตา", "แรงงาน"],
    "ปฏิบัติ": ["ปฏิ", "บัติ"],
}


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plan")
    script = f"""
import * as m from "./search-match.mjs";
const cuts = {json.dumps(CUTS, ensure_ascii=False)};
const segment = (text) => {{
  const parts = cuts[text] ?? [text];
  let index = 0;
  return parts.map((segment) => {{ const piece = {{ segment, index }}; index += segment.length; return piece; }});
}};
const vocabulary = m.parseVocabulary({json.dumps(VOCABULARY, ensure_ascii=False)});
const plan = (q, v = vocabulary) => m.planQuery(q, v, segment);
console.log(JSON.stringify({{
  whole: plan("เครือข่าย"),
  compound: plan("ศูนย์ปฏิบัติการต่อต้านการทุจริต"),
  name: plan("ดวงตาแรงงาน"),
  phrase: plan("การประชุมเครือข่าย"),
  spaced: plan("เเรงงาน  ITA"),
  noWords: plan("เครือข่าย", m.parseVocabulary("")),
  split: m.splitWords("การทุจริตประชุม", vocabulary),
  unknown: m.splitWords("ทุจริดการ", vocabulary),
  typo: plan("ทุจริดการ"),
  leftover: plan("คนงานก่อสร้าง", m.parseVocabulary("คนงาน\\nสร้าง\\nงานก่อสร้าง")),
  suggestions: ["ทุจริด", "การทุจริด", "เครือขาย", "ข่าว", "ยีราฟ", "ประชุม ทุจริด"].map((q) => m.suggest(q, vocabulary)),
  apart: ["ประชุมเครือข่าย", "ศูนย์ ข่าวแรงงาน", "ประชุมยีราฟ"].map((q) => m.suggest(q, vocabulary)),
  fragment: ["การทุจริด", "ประชุมทุจริดการ"].map((q) => m.suggest(q, m.parseVocabulary({json.dumps(VOCABULARY + chr(10) + "ริ", ensure_ascii=False)}))),
  distances: [["ทุจริด", "ทุจริต"], ["แรงานง", "แรงงาน"], ["ข่าว", "ขาว"], ["abc", "abcdef"]].map(([a, b]) => m.editDistance(a, b, 2)),
  unmark: m.unmark("การ {chr(0x2063)} ทุจริต ใน {chr(0x2063)} ระบบ. {chr(0x2064)} ข่าย"),
}}));
"""
    return run_node(script, tmp)


def test_a_word_of_the_site_is_asked_for_in_the_pieces_the_index_holds(planned):
    # เครือ is the start of the word; ข่าย is an inner part the index holds (a word of the site).
    # Cut into pieces, the word is not what Pagefind ranks by: more candidates are checked.
    assert planned["whole"] == {"text": "เครือ ข่าย", "complete": False}
    # of the compound, only pieces where a word of the site starts (ต่อต้าน): not บัติ, not ต้าน
    assert planned["compound"]["text"] == "ศูนย์ ปฏิ การ ต่อ ทุจริต"
    assert planned["compound"]["complete"] is False
    assert planned["name"]["text"] == "ดวง แรงงาน"


def test_a_phrase_without_spaces_is_split_into_the_sites_words_first(planned):
    assert planned["phrase"]["text"] == "การ ประชุม เครือ ข่าย"
    assert planned["split"] == ["การทุจริต", "ประชุม"]
    assert planned["unknown"] == ["ทุจริด", "การ"]
    # a word typed wrong is asked for (it finds nothing, and the page offers the word meant)
    assert planned["typo"]["text"] == "ทุจริด การ"
    # a short piece left between two words of the site is not: the page that writes
    # คน|งานก่อสร้าง holds no word ก่อ (the typed title of a release found nothing)
    assert planned["leftover"] == {"text": "คนงาน สร้าง", "complete": False}


def test_query_is_normalised_and_other_scripts_pass_as_typed(planned):
    assert planned["spaced"]["text"] == "แรงงาน ita"


def test_without_the_word_list_only_the_first_piece_is_sure(planned):
    assert planned["noWords"] == {"text": "เครือ", "complete": False}


def test_equally_near_words_are_offered_in_turn(tmp_path):
    """แบร is one edit from แบบ and from แบน, and ends as แบน does (ร and น: one final sound):
    suggest() gives แบน, suggestions() the others after it, the one on more pages first (the page
    offers the first that finds a page); a part that is a word of the site stays as it is in each.
    ทุจริด is one edit from ทุจริต only."""
    vocabulary = "\n".join(["แบบ", "การ", "แบน", "กระทุ่ม", "แบ่ง", "ประชุม", "ทุจริต"])
    found = run_node(f"""
import * as m from "./search-match.mjs";
const v = m.parseVocabulary({json.dumps(vocabulary, ensure_ascii=False)});
console.log(JSON.stringify([m.suggestions("กระทุ่มแบร", v), m.suggestions("กระทุ่มแบร", v, 1),
  m.suggest("กระทุ่มแบร", v), m.suggestions("ประชุม ทุจริด", v), m.suggestions("แบร ทุจริด", v, 3),
  m.suggestions("ทุจริต", v)]));
""", tmp_path)
    assert found == [["กระทุ่มแบน", "กระทุ่มแบบ"], ["กระทุ่มแบน"], "กระทุ่มแบน", ["ประชุม ทุจริต"],
                     ["แบน ทุจริต", "แบบ ทุจริต"], []]


def test_words_of_the_site_typed_together_are_offered_apart(planned):
    # (a page that writes them together is found as typed, and nothing is offered then)
    assert planned["apart"] == ["ประชุม เครือข่าย", "ศูนย์ ข่าว แรงงาน", None]


def test_words_typed_together_come_before_a_word_two_edits_away_and_after_one_edit_away(tmp_path):
    """A trial announcement's reader typed ถูกย้าย (the page: ถูก ... ย้าย) and was offered โยกย้าย,
    two edits away, on another page. Words of the site typed together are the same letters: they
    come before a word two edits away, and after a word one edit away (กลั่นแกลง is กลั่นแกล้ง
    before กลั่น แก ลง), where the page still tries them if the word finds nothing."""
    vocabulary = "\n".join(["โยกย้าย", "ถูก", "ย้าย", "กลั่นแกล้ง", "กลั่น", "แก", "ลง"])
    found = run_node(f"""
import * as m from "./search-match.mjs";
const v = m.parseVocabulary({json.dumps(vocabulary, ensure_ascii=False)});
console.log(JSON.stringify([m.suggestions("ถูกย้าย", v), m.suggestions("กลั่นแกลง", v)]));
""", tmp_path)
    assert found == [["ถูก ย้าย", "โยกย้าย"], ["กลั่นแกล้ง", "กลั่น แก ลง"]]


def test_suggestions_use_the_sites_own_words(planned):
    assert planned["suggestions"] == ["ทุจริต", "การทุจริต", "เครือข่าย", None, None, "ประชุม ทุจริต"]
    assert planned["distances"] == [1, 2, 1, 3]  # แรงานง: one letter moved is two edits
    # A surname on the site (บุญญาศิริ) made its piece ริ a word of the site: การทุจริด splits
    # การ|ทุจ|ริ|ด, and the word meant spans three terms (the page offered nothing).
    assert planned["fragment"] == ["การทุจริต", "ประชุมทุจริตการ"]


def test_stored_text_is_shown_with_word_boundaries_and_without_extra_words(planned):
    assert planned["unmark"] == "การ\u200bทุจริต ใน\u200bระบบ."


def test_every_near_miss_of_a_site_word_is_offered_a_site_word(sample_site, tmp_path):
    """Every word of the sample site (4+ letters), with one letter replaced, dropped or doubled,
    is offered a word of the site one edit away (the most frequent one, maybe not this word),
    unless the query is already found as it is (a doubled tone mark is normalised away)."""
    words = (sample_site.output / "pagefind" / "words.txt").read_text(encoding="utf-8")
    script = f"""
import * as m from "./search-match.mjs";
const vocabulary = m.parseVocabulary({json.dumps(words, ensure_ascii=False)});
const out = [];
for (const word of vocabulary.words) {{
  if (word.length < 4) continue;
  const i = Math.floor(word.length / 2);
  for (const typo of [word.slice(0, i) + "ฆ" + word.slice(i + 1), word.slice(0, i) + word.slice(i + 1),
                      word.slice(0, i) + word[i] + word.slice(i)]) {{
    if (vocabulary.rank.has(m.normalize(typo).text)) continue; // normalised back into a word
    if (m.editDistance(typo.normalize("NFC"), word, 1) > 1) continue; // NFC reordered its marks
    const offer = m.suggest(typo, vocabulary);
    out.push([word, typo, offer, offer === null ? null : m.editDistance(typo, offer, 3)]);
  }}
}}
console.log(JSON.stringify(out));
"""
    found = run_node(script, tmp_path)
    assert len(found) > 1000
    wrong = [(word, typo, offer) for word, typo, offer, distance in found
             if offer is None or distance != 1 or offer not in words.split("\n")]
    assert not wrong, wrong[:20]


def test_every_first_name_on_the_site_is_a_word_offered_to_a_reader(sample_site, tmp_path):
    """A name is one word of the index with its title (นางสาวนูรฮายาตี); a reader types the first
    name alone, often spelt another way (นูรฮายาติ), and was offered nothing. Every name of the
    sample site with a word title has its first name in the word list, and the award release's
    names typed with a slip are offered back."""
    from itertools import accumulate

    from thai_text.names import after_titles
    from thai_text.segment import default_segmenter

    plain = default_segmenter().words  # (the segmenter the index's parts come from)
    words = (sample_site.output / "pagefind" / "words.txt").read_text(encoding="utf-8").split("\n")
    names = {after_titles(word, set(accumulate(map(len, plain(word)))).__contains__) for word in words} - {None}
    assert len(names) > 30 and names <= set(words), sorted(names - set(words))[:10]
    vocabulary = json.dumps("\n".join(words), ensure_ascii=False)
    found = run_node(f"""
import * as m from "./search-match.mjs";
const v = m.parseVocabulary({vocabulary});
console.log(JSON.stringify(["นูรฮายาติ", "อับดุลเลาห์"].map((q) => m.suggest(q, v))));
""", tmp_path)
    assert found == ["นูรฮายาตี", "อับดุลเลาะ"]


# The Thai keyboard (Kedmanee) beside the US one, key by key, without and with Shift: written out
# here from the layout (the X keyboard's "th" symbols), not from search-match.js.
US_KEYS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./" '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'
THAI_KEYS = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ" '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'


def test_every_word_of_the_site_typed_with_the_keyboard_in_english_is_offered_back(sample_site, tmp_path):
    """A reader who forgot to switch the keyboard to Thai types ทุจริต as "m60ib9". Every word of
    the sample site (2+ letters) typed so is offered back as the word; a query that already holds
    Thai, English words and numbers are offered nothing of the kind."""
    assert len(US_KEYS) == len(THAI_KEYS) == 94
    keys = dict(zip(THAI_KEYS, US_KEYS))
    words = (sample_site.output / "pagefind" / "words.txt").read_text(encoding="utf-8").split("\n")
    typed = {word: "".join(keys[ch] for ch in word) for word in words if len(word) >= 2 and all(ch in keys for ch in word)}
    vocabulary = json.dumps("\n".join(words), ensure_ascii=False)
    script = f"""
import * as m from "./search-match.mjs";
const vocabulary = m.parseVocabulary({vocabulary});
const typed = {json.dumps(typed, ensure_ascii=False)};
const out = {{}};
for (const [word, keys] of Object.entries(typed)) out[word] = m.suggest(keys, vocabulary);
out["two words"] = m.suggest("m60ib9 ci''ko", vocabulary);
out["others"] = ["ITA", "1546", "cashless", "ทุจริต m60ib9x"].map((q) => m.suggest(q, vocabulary));
console.log(JSON.stringify(out));
"""
    found = run_node(script, tmp_path)
    assert len(typed) > 1000
    wrong = [(word, typed[word], found[word]) for word in typed if found[word] != word]
    assert not wrong, wrong[:20]
    assert found["two words"] == "ทุจริต แรงงาน"
    assert found["others"] == [None, None, None, None]


def test_a_thanthakhat_after_a_last_i_or_u_is_written_or_not(tmp_path):
    """สิทธิ (the Royal Institute's spelling) and สิทธิ์ (the commoner one) are one word: a reader
    who typed ผู้มีสิทธิ์สอบ for a list of candidates that writes ผู้มีสิทธิสอบ found nothing. The
    mark is left out on both sides, after ิ or ุ only; the letters and other marks still count."""
    script = """
import * as m from "./search-match.mjs";
const page = { meta: { title: "ประกาศรายชื่อผู้มีสิทธิสอบ" }, content: "ผู้มีสิทธิ์ได้รับ\\u200bพันธุ์\\u200bข้าว ร่วมกับ\\u200bการ" };
const ok = (q) => m.verify(page, m.parseQuery(q).terms).ok;
const checks = ["ผู้มีสิทธิ์สอบ", "ผู้มีสิทธิสอบ", "มีสิทธิได้รับ", "พันธุข้าว", "พันธุ์ข้าว", "สิทธ", "พันธ", "ร่วมกับการ์"].map(ok);
const shown = m.verify(page, m.parseQuery("สิทธิได้รับ").terms).content.map(([a, b]) => page.content.slice(a, b));
console.log(JSON.stringify({ checks, shown }));
"""
    out = run_node(script, tmp_path)
    assert out["checks"] == [True, True, True, True, True, False, False, False]
    assert out["shown"] == ["สิทธิ์ได้รับ"]  # the highlight covers the mark as the page writes it


def test_of_words_as_near_one_that_differs_by_a_letter_of_the_same_sound_is_offered(tmp_path):
    """คนิน (a candidate's name คณิน typed with the common น) was offered คนใน, one edit away and on
    more pages; คณิน is one edit away too, by a letter of the same sound, and is what was meant.
    A word's last letter counts by its final sound (ประมาน: ประมาณ before ประมาท)."""
    out = run_node("""
import * as m from "./search-match.mjs";
const v = m.parseVocabulary(["คนใน", "ประมาท", "ทุจริต", "ไหม้", "คณิน", "ประมาณ", "ใหม่"].join("\\n"));
console.log(JSON.stringify([m.suggest("คนิน", v), m.suggest("ประมาน", v), m.suggest("ทุดจริต", v),
  m.suggest("ไหม่", v),
  m.editDistance("คนิน", "คณิน", 2), m.editDistance("คนิน", "คณิน", 2, true),
  m.editDistance("ตนบ", "ดนบ", 2, true), m.editDistance("นบต", "นบด", 2, true)]));
""", tmp_path)
    # (ต and ด sound alike only as a last letter; ไหม่ is ใหม่ with ไ for ใ, not ไหม้, though
    # ไหม้ is on more pages and as near)
    assert out == ["คณิน", "ประมาณ", "ทุจริต", "ใหม่", 1, 0, 1, 0]


def test_the_letters_of_one_sound_are_thai_texts(tmp_path):
    """search-match.js holds a copy of letter_slips.py's SOUND_ALIKE and FINAL_SOUNDS (the spelling
    check reads a writer's slips by them, the search a reader's)."""
    import sys

    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    from thai_text.letter_slips import FINAL_SOUNDS, SOUND_ALIKE

    script = 'import * as m from "./search-match.mjs";\nconsole.log(JSON.stringify([m.SOUND_ALIKE, m.FINAL_SOUNDS]));\n'
    assert run_node(script, tmp_path) == [list(SOUND_ALIKE), list(FINAL_SOUNDS)]


def test_every_word_of_the_site_spelt_by_ear_is_offered_back(sample_site, tmp_path):
    """Every word of the sample site (3+ letters) with its first letter of a group of one sound
    written as another of the group (ศูนย์ as สูนย์), and with its last letter written as another
    of its final sound (ประมาณ as ประมาน), is offered back first: 2,177 of 2,186 and 1,021 of
    1,028 on the sample site of December 2026, where the word on most pages one edit away was
    offered 1,973 and 923 times."""
    from thai_text.letter_slips import FINAL_SOUNDS, SOUND_ALIKE

    words = (sample_site.output / "pagefind" / "words.txt").read_text(encoding="utf-8")
    found = run_node(f"""
import * as m from "./search-match.mjs";
const v = m.parseVocabulary({json.dumps(words, ensure_ascii=False)});
const SOUND = {json.dumps(SOUND_ALIKE, ensure_ascii=False)}, FINAL = {json.dumps(FINAL_SOUNDS, ensure_ascii=False)};
const other = (groups, ch) => {{ const g = groups.find((g) => g.includes(ch)); return g && [...g].find((c) => c !== ch); }};
const out = {{ sound: [0, 0], final: [0, 0] }};
for (const word of v.words) {{
  if ([...word].length < 3) continue;
  const at = [...word].findIndex((ch) => other(SOUND, ch));
  const last = other(FINAL, word[word.length - 1]);
  for (const [kind, typo] of [["sound", at >= 0 && word.slice(0, at) + other(SOUND, word[at]) + word.slice(at + 1)],
                              ["final", last && word.slice(0, -1) + last]]) {{
    if (!typo || v.rank.has(m.normalize(typo).text)) continue;
    out[kind][0] += 1;
    if (m.suggestions(typo, v, 3)[0] === word) out[kind][1] += 1;
  }}
}}
console.log(JSON.stringify(out));
""", tmp_path)
    print(found)
    for kind in ("sound", "final"):
        cases, first = found[kind]
        assert cases > 900 and first / cases > 0.98, (kind, cases, first)
