"""Language of parts (thai_text/languages.py): text in Myanmar, Khmer, Lao or English carries `lang`.

The property tests judge the result with BeautifulSoup and Unicode's own character names, not
with the plugin's ranges or tokenizer: every letter of a non-Latin script is inside an element
whose nearest `lang` is that script's language, and the text content is never changed.
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, NavigableString

from thai_text.languages import mark_languages, mark_phrase

ROOT = Path(__file__).resolve().parents[2]
# The language each script's letters are read in (by Unicode's name of the character).
BY_NAME = {"THAI": "th", "LAO": "lo", "MYANMAR": "my", "KHMER": "km"}

# Sentences written for these tests, one language each.
SENTENCES = {
    "th": ["ศูนย์ฯ ขอให้แรงงานแจ้งเบาะแสทางสายด่วน 1546", "นายจ้างต้องไม่หักค่าจ้างเพื่อจ่ายนายหน้า",
           "นางสาวกัญญาณัฐ วงศ์ประเสริฐชัย รับเรื่องที่อำเภอแม่สอด"],
    "my": ["ပွဲစားကို ငွေမပေးပါနှင့်။", "ဖုန်း 1546 သို့ အခမဲ့ ဆက်သွယ်နိုင်ပါသည်။"],
    "km": ["សូមកុំបង់ប្រាក់ឱ្យឈ្មួញកណ្តាល។", "ទូរស័ព្ទទៅលេខ 1546 ដោយឥតគិតថ្លៃ។"],
    "lo": ["ກະລຸນາຢ່າຈ່າຍເງິນໃຫ້ນາຍໜ້າ.", "ໂທຫາເບີ 1546 ໄດ້ຟຣີ."],
    "en": ["Nobody may ask you for money to renew a permit.", "Call the free hotline 1546."],
}


def script_language(char: str) -> str | None:
    """The language of `char`'s script by its Unicode name (None for digits, spaces, Latin)."""
    if not char.isalpha() and unicodedata.category(char)[0] != "M":
        return None
    name = unicodedata.name(char, "")
    return next((lang for prefix, lang in BY_NAME.items() if name.startswith(prefix + " ")), None)


def nearest_lang(node, page_lang: str) -> str:
    for parent in node.parents:
        if parent.name and parent.get("lang"):
            return parent["lang"]
    return page_lang


def misread(html: str, page_lang: str = "th") -> list[str]:
    """Each letter of a non-Latin script in `html` whose nearest lang is not its language."""
    wrong = []
    for node in BeautifulSoup(html, "html.parser").find_all(string=True):
        if not isinstance(node, NavigableString) or node.find_parent(["pre", "code"]):
            continue
        around = nearest_lang(node, page_lang)
        for char in str(node):
            lang = script_language(char)
            if lang and lang != around:
                wrong.append(f"{char!r} ({lang}) read as {around} in {str(node)[:40]!r}")
    return wrong


def text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize(("html", "expected"), [
    # A Burmese phrase quoted in a Thai paragraph: a span; the Thai around it stays unmarked.
    ('<p>ป้ายเขียนว่า "ငွေပေးရန် မလိုပါ" (ไม่ต้องจ่าย)</p>',
     '<p>ป้ายเขียนว่า "<span lang="my">ငွေပေးရန် မလိုပါ</span>" (ไม่ต้องจ่าย)</p>'),
    # A Burmese paragraph: lang on the block; a Thai place name in it gets its own span.
    ('<p>ဖုန်း 1546 သို့ ဆက်သွယ်ပါ (แม่สอด)။</p>',
     '<p lang="my">ဖုန်း 1546 သို့ ဆက်သွယ်ပါ (<span lang="th">แม่สอด</span>)။</p>'),
    ('<h2>ภาษาเขมร (ភាសាខ្មែរ)</h2>', '<h2>ภาษาเขมร (<span lang="km">ភាសាខ្មែរ</span>)</h2>'),
    ('<td>ລາວ</td>', '<td lang="lo">ລາວ</td>'),
    # English: a paragraph of it is marked; English words inside Thai text are not (names, terms).
    ('<p>Call the hotline 1546.</p>', '<p lang="en">Call the hotline 1546.</p>'),
    ('<p>ผล ITA ของกรมประกาศทาง Facebook และ Line</p>', '<p>ผล ITA ของกรมประกาศทาง Facebook และ Line</p>'),
    ('<p>Write to ศปท. today</p>', '<p lang="en">Write to <span lang="th">ศปท</span>. today</p>'),
    # Letters of addresses and entities are not language.
    ('<p>ดูที่ <a href="https://www.mol.go.th/">https://www.mol.go.th/anticorruption</a></p>',
     '<p>ดูที่ <a href="https://www.mol.go.th/">https://www.mol.go.th/anticorruption</a></p>'),
    ('<p>อีเมล complaint.center@mol.go.th &nbsp;</p>', '<p>อีเมล complaint.center@mol.go.th &nbsp;</p>'),
    # A list item holds its own text; a paragraph inside it is judged alone.
    ('<ul><li>ข้อแรก<p>Only English here.</p></li><li>Second item</li></ul>',
     '<ul><li>ข้อแรก<p lang="en">Only English here.</p></li><li lang="en">Second item</li></ul>'),
    # Cells closed by the next one, as HTML allows.
    ('<table><tr><td>ตาก<td>Mae Sot office<tr><td>ระนอง</table>',
     '<table><tr><td>ตาก<td lang="en">Mae Sot office<tr><td>ระนอง</table>'),
    # A lang the writer gave is kept, and the text inside is judged against it.
    ('<p lang="en-GB">ไทย in English</p>', '<p lang="en-GB"><span lang="th">ไทย</span> in English</p>'),
    ('<p><span lang="my">ငွေ</span> คือเงิน</p>', '<p><span lang="my">ငွေ</span> คือเงิน</p>'),
    # Code is left alone; so is text with no letters.
    ('<pre><code>ငွေ = 1</code></pre>', '<pre><code>ငွေ = 1</code></pre>'),
    ('<p>1546</p>', '<p>1546</p>'),
])
def test_marks(html, expected):
    assert mark_languages(html, "th") == expected
    assert mark_languages(expected, "th") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ศปท. ประกาศผล ITA ปี 2569", "ศปท. ประกาศผล ITA ปี 2569"),
    ("Labour ministry reminds employers", '<span lang="en">Labour ministry reminds employers</span>'),
    ("แท็ก No Gift Policy", '<span lang="en"><span lang="th">แท็ก</span> No Gift Policy</span>'),
    ("ประกาศ (အသိပေးချက်)", 'ประกาศ (<span lang="my">အသိပေးချက်</span>)'),
    ("ป้าย ITA &amp; Line", "ป้าย ITA &amp; Line"),
])
def test_a_title_or_caption_in_another_language_gets_a_span(text, expected):
    assert mark_phrase(text, "th") == expected
    assert text_of(mark_phrase(text, "th")) == text_of(text)


def test_a_page_in_english_marks_thai():
    html = "<p>The center met employers.</p><p>ศูนย์ฯ พบนายจ้าง</p>"
    assert mark_languages(html, "en") == '<p>The center met employers.</p><p lang="th">ศูนย์ฯ พบนายจ้าง</p>'


def _random_page(rng: random.Random) -> tuple[str, list[str]]:
    """Markdown of paragraphs, headings, lists and a table mixing the languages, and the language
    each paragraph was written in."""
    blocks, langs = [], []
    for _ in range(rng.randint(1, 8)):
        lang = rng.choice(list(SENTENCES))
        text = " ".join(rng.choice(SENTENCES[lang]) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.4:  # a quote from another language inside it
            other = rng.choice([x for x in SENTENCES if x != lang])
            text += f' "{rng.choice(SENTENCES[other])}"'
        kind = rng.choice(["p", "p", "h2", "li", "td"])
        if kind == "h2":
            blocks.append(f"## {text}")
        elif kind == "li":
            blocks.append(f"- {text}\n- {rng.choice(SENTENCES[lang])}")
        elif kind == "td":
            blocks.append(f"| ภาษา | ข้อความ |\n|---|---|\n| {lang} | {text} |")
        else:
            blocks.append(text)
        langs.append(lang)
    return "\n\n".join(blocks) + "\n", langs


def test_every_letter_is_read_in_its_language_in_random_pages():
    rng = random.Random(3112)
    md = markdown.Markdown(extensions=["tables"])
    unmarked_misread = 0
    for _ in range(300):
        source, _langs = _random_page(rng)
        html = md.reset().convert(source)
        marked = mark_languages(html, "th")
        unmarked_misread += bool(misread(html))
        assert misread(marked) == [], (source, marked)
        assert text_of(marked) == text_of(html)
        assert mark_languages(marked, "th") == marked
    assert unmarked_misread > 200  # most pages need marks: the property is not empty


def test_a_paragraph_in_one_language_is_marked_as_it():
    md = markdown.Markdown()
    for lang, sentences in SENTENCES.items():
        html = md.reset().convert(" ".join(sentences))
        marked = mark_languages(html, "th")
        expected = "<p>" if lang == "th" else f'<p lang="{lang}">'
        assert marked.startswith(expected), marked


def test_the_sample_content_is_read_in_its_languages(sample_site):
    """Over every page the sample site builds: each letter of Thai, Myanmar, Khmer or Lao is
    inside its language, and the notice to migrant workers has all four of its languages
    marked."""
    output = Path(sample_site.output)
    pages = sorted(output.glob("**/index.html"))
    assert len(pages) > 30
    found = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        main = soup.find("main")
        if main is None:
            continue
        assert misread(str(main), soup.html.get("lang", "th")) == [], page
        found.update(element["lang"] for element in main.find_all(attrs={"lang": True}))
    assert {"my", "km", "lo", "en"} <= found


def test_a_release_in_english_keeps_the_sites_addresses_and_thai_around_it(sample_site):
    """`Lang: en` (the English brief): the release is at /news/<slug>/ as every release (Pelican
    would write `<slug>-en.html` at the root), the page stays `<html lang="th">` (its menus and
    dates are Thai), and its title and paragraphs carry `lang="en"`, on its page and in the cards
    of the Thai list pages; its structured data and Open Graph locale say English."""
    output = Path(sample_site.output)
    assert not list(output.glob("*-en.html"))
    page = (output / "news/english-brief-2569/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "th"
    assert soup.select_one("h1.article-title > span[lang=en]") is not None
    assert {p.get("lang") for p in soup.select(".prose > p")} == {"en"}
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["inLanguage"] == "en"  # the article's own language in its structured data
    assert soup.find("meta", property="og:locale")["content"] == "en_US"  # and when it is shared
    thai = BeautifulSoup((output / "news/ita-results-2568/index.html").read_text(encoding="utf-8"), "html.parser")
    assert thai.find("meta", property="og:locale")["content"] == "th_TH"
    # (on whichever page of the home page's list it is, as newer releases push it on)
    lists = [output / "index.html", *sorted((output / "page").glob("*/index.html"), key=lambda p: int(p.parent.name))]
    cards = [card for page in lists
             if (card := BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
                 "a", href="/news/english-brief-2569/")) is not None]
    assert cards and cards[0].find("span", lang="en") is not None


def test_an_inline_element_inside_a_marked_span_does_not_end_it():
    html = '<p><span lang="my">ငွေ <span class="x">မ</span> ပေး</span> คือเงิน</p>'
    assert mark_languages(html, "th") == html


def test_the_search_pages_runs_agree_with_the_build(tmp_path):
    """The search page puts Lao, Myanmar and Khmer of a result's excerpt into spans with
    `languageRuns` (theme/static/js/search-match.js); over 600 random strings of every script,
    digits, spaces and punctuation it cuts the same runs as the build does in Thai text."""
    from tests.thai_search.test_match import run_node
    from thai_text.languages import _spanned

    rng = random.Random(512)
    alphabet = (list("กขคเแาิ่้ \t\u00a0\u3000") + list("ກຂເາິ່") + list("ကငပ\u102c\u102d\u1031\u1039\u103a\u104b")
                + list("កឈប\u17b6\u17d2\u17d4\u17d7\u17dd\u17e1") + list("ab 12.,-()\"/\u200b")
                + ["\u0e51", "\u1041", "\u104f", "\u104a", "\u0ece", "\u0ed1", "\u109e", "\u19e0"])
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(600)]
    script = f"""
import * as m from "./search-match.mjs";
const texts = {json.dumps(texts, ensure_ascii=False)};
console.log(JSON.stringify(texts.map((t) => m.languageRuns(t).map((r) => r.lang ? `<span lang="${{r.lang}}">${{r.text}}</span>` : r.text).join(""))));
"""
    found = run_node(script, tmp_path)
    assert sum("<span" in html for html in found) > 300
    assert [t for t, html in zip(texts, found) if html != _spanned(t, "th")] == []


def test_a_build_marks_content_titles_and_summaries(build_site):
    """In a real Pelican build: the content's blocks and runs, the title through `thai_wbr` (a
    span, never a lang on the heading the template wrote), and the summary made from a Burmese
    first paragraph keeps its lang. With THAI_TEXT_LANGUAGES off nothing is marked."""
    from tests.thai_text.test_site import SETTINGS

    article = (
        "Title: ประกาศถึงแรงงานเมียนมา (အသိပေးချက်)\nDate: 2569-12-02 11:15\nCategory: ประกาศ\n\n"
        "ပွဲစားကို ငွေမပေးပါနှင့်။ ဖုန်း 1546 သို့ အခမဲ့ ဆက်သွယ်နိုင်ပါသည်။\n\n"
        "ป้ายเขียนว่า \"ငွေပေးရန် မလိုပါ\" แปลว่า ไม่ต้องจ่ายเงิน\n"
    )
    files = {"news/notice.md": article}
    result = build_site(files, **SETTINGS)
    assert result.ok, result.errors
    page = (result.output / "news/notice/index.html").read_text(encoding="utf-8")
    assert '<h1 id="title">' in page and '<span lang="my">အသိပေးချက်</span>' in page
    assert '<p lang="my">ပွဲစားကို' in page
    assert '"<span lang="my">ငွေပေးရန် မလိုပါ</span>"' in page
    index = (result.output / "index.html").read_text(encoding="utf-8")
    assert '<div class="summary"><p lang="my">' in index
    # (the <title> in the head cannot hold a span, and a browser never shows it as text)
    assert misread(str(BeautifulSoup(page, "html.parser").body)) == []
    assert misread(str(BeautifulSoup(index, "html.parser").body)) == []

    plain = build_site(files, **SETTINGS, THAI_TEXT_LANGUAGES=False)
    assert plain.ok, plain.errors
    assert "lang=\"my\"" not in (plain.output / "news/notice/index.html").read_text(encoding="utf-8")
