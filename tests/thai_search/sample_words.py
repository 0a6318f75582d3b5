"""The distinct Thai words of every article and page of a built site, read from its published HTML.

Used by the browser test that searches for every word: the words come from the pages as readers
see them (the `data-pagefind-body` element minus what the index leaves out), segmented with the
site's own segmenter, not from the search index, so a word the index lost is still asked for.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from thai_search.settings import DEFAULTS  # noqa: E402
from thai_search.terms import NUMBER  # noqa: E402
from thai_text.segment import default_segmenter  # noqa: E402

# A Thai word: Thai letters, vowels and marks only (no digits, no ฯ or ๆ alone).
THAI_WORD = re.compile(r"[\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E4E]+")
BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, td, th, dt, dd, figcaption, caption, blockquote"


def page_words(html: str, min_length: int = 3) -> set[str]:
    """Distinct Thai words of `min_length`+ characters in the indexed part of one page: as the
    site segments them (site dictionary: ผลประโยชน์ทับซ้อน), and the words each of those is made
    of by pythainlp's dictionary alone (ผลประโยชน์, ทับซ้อน), since a reader may search for a part
    of a name."""
    site, plain = default_segmenter(str(ROOT / "content" / "dictionary.txt")), default_segmenter()
    words = set()
    for block in _indexed_blocks(html):
        for word in site.words(block.get_text("")):
            words.update(part for part in [word, *plain.words(word)]
                         if len(part) >= min_length and THAI_WORD.fullmatch(part))
    return words


def _indexed_blocks(html: str):
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    if body is None:
        return []
    for selector in DEFAULTS["THAI_SEARCH_EXCLUDE_SELECTORS"][0] + ["[data-pagefind-ignore]"]:
        for element in body.select(selector):
            element.decompose()
    return body.select(BLOCKS) or [body]


# A word of Lao, Myanmar or Khmer as written between spaces (the center's notices to migrant
# workers), or of Latin letters.
UNSPACED_RUN = re.compile(r"[\u0E81-\u0EDF\u1000-\u109F\u1780-\u17FF]+")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def page_foreign_words(html: str) -> set[str]:
    """The runs of Lao, Myanmar and Khmer letters between spaces and punctuation, and the Latin
    words of 3+ letters, in the indexed part of one page (the browser test cuts the runs into
    words with the browser's own segmenter)."""
    found = set()
    for block in _indexed_blocks(html):
        text = block.get_text("")
        found.update(run.rstrip("\u104a\u104b\u17d4\u17d5") for run in UNSPACED_RUN.findall(text))
        found.update(LATIN_WORD.findall(text))
    return {word for word in found if word}


def site_foreign_words(output: Path) -> dict[str, set[str]]:
    """{site path of an article or page: `page_foreign_words`}, for every indexed page that has any."""
    return _per_page(output, page_foreign_words)


def page_numbers(html: str) -> set[str]:
    """Distinct numbers of two digits or more (Arabic or Thai digits, with their commas and
    dots) in the indexed part of one page, as written."""
    return {n for block in _indexed_blocks(html) for n in NUMBER.findall(block.get_text(""))
            if sum(ch.isdigit() for ch in n) >= 2}


def site_numbers(output: Path) -> dict[str, set[str]]:
    """{site path of an article or page: its distinct numbers}, for every indexed page."""
    return _per_page(output, page_numbers)


def site_words(output: Path, min_length: int = 3) -> dict[str, set[str]]:
    """{site path of an article or page: its distinct Thai words}, for every indexed page."""
    return _per_page(output, lambda html: page_words(html, min_length))


def _per_page(output: Path, found_in) -> dict[str, set[str]]:
    """{site path: `found_in(html)`} for every page of `output` the search indexes, where that
    is not empty."""
    found = {}
    for page in sorted(Path(output).rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if "data-pagefind-body" not in html:
            continue
        path = ("/" + str(page.parent.relative_to(output)).strip(".") + "/").replace("//", "/")
        values = found_in(html)
        if values:
            found[path] = values
    return found


def page_phone_numbers(html: str) -> set[str]:
    """The telephone numbers written in groups (thai_text's phones.py: 0 2232 1262, 0-4324-6106)
    in the indexed part of one page, as written."""
    from thai_text.phones import find_phone_numbers

    return {text[a:b] for block in _indexed_blocks(html) for text in [block.get_text("")]
            for a, b in find_phone_numbers(text)}


def site_phone_numbers(output: Path) -> dict[str, set[str]]:
    """{site path of an article or page: `page_phone_numbers`}, for every indexed page that has any."""
    return _per_page(output, page_phone_numbers)


# Latin words joined by hyphens, one of 2+ letters among them (e-GP, Post-test, e-WorkPermit).
LATIN_COMPOUND = re.compile(r"(?<![\w/.@-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w/.@-])")


def page_latin_compounds(html: str) -> set[str]:
    """The Latin terms joined by hyphens in the indexed part of one page, as written (not in a web
    or e-mail address, nor numbers alone)."""
    return {m.group() for block in _indexed_blocks(html) for m in LATIN_COMPOUND.finditer(block.get_text(""))
            if re.search("[A-Za-z]{2}", m.group())}


def site_latin_compounds(output: Path) -> dict[str, set[str]]:
    """{site path of an article or page: `page_latin_compounds`}, for every indexed page that has any."""
    return _per_page(output, page_latin_compounds)


# ไม้ยมก after a Thai letter or mark, with or without a space before it (ใด ๆ, อื่นๆ).
REPEAT_MARK = re.compile(r"(?<=[\u0E01-\u0E4E])\s*\u0E46")


def page_repeated_words(html: str) -> dict[str, bool]:
    """{word: written with ๆ after it} for the words of the indexed part of one page: True for
    each word a ๆ follows somewhere (ใด of ใด ๆ, อื่น of อื่นๆ: the last word before the mark as the
    site segments the text), False for the page's other words of 3+ letters (page_words), which
    the page never writes with ๆ."""
    site = default_segmenter(str(ROOT / "content" / "dictionary.txt"))
    texts = [block.get_text("") for block in _indexed_blocks(html)]
    repeated = {}
    for text in texts:
        for m in REPEAT_MARK.finditer(text):
            before = site.words(text[: m.start()])
            if before and THAI_WORD.fullmatch(before[-1]):
                repeated[before[-1]] = True
    if not repeated:
        return {}
    written = "".join(texts).replace(" ", "").replace("\u00a0", "").replace("\n", "")
    for word in page_words(html):
        if word not in repeated and word + "ๆ" not in written:
            repeated[word] = False
    return repeated


def site_repeated_words(output: Path) -> dict[str, dict[str, bool]]:
    """{site path of an article or page: `page_repeated_words`}, for every indexed page with a ๆ."""
    return _per_page(output, page_repeated_words)
