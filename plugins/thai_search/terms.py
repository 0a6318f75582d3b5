"""The words Pagefind indexes for Thai text, and how the index copies mark them.

No Pelican imports. The search page (`theme/static/js/search-match.js`) reads what is written
here; the two sides must agree, and tests/thai_search checks that they do.

Why: Pagefind's extended build segments Thai again when it indexes (its own dictionary splits
ผลประโยชน์ทับซ้อน, our site-dictionary word), and in the browser it splits every query with
`Intl.Segmenter`, whose ICU dictionary differs again (เครือข่าย becomes เครือ + ข่าย). A query then
asks for a word the index never held, and the page is not found. So:

1. The index copies are indexed as language `und`, for which Pagefind does not segment: every
   word it indexes is one that thai_text chose (nlpo3 + site dictionary). A `<wbr>` of thai_text
   becomes `WORD_MARK` between spaces, so Pagefind splits there; the search page turns it back
   into a zero-width space before it shows or checks the text.
2. Each page also gets, in a low-weight block of its own after `EXTRA_MARK`, every inner
   suffix of its Thai words that starts where a Thai word can start (`can_start`), such as
   ข่าย of เครือข่าย and ทุจริต of การทุจริต. Whatever piece ICU cuts from a word, it is the start of
   one of these, so the query's pieces are found whichever browser split them. The search page
   cuts the block off the text it shows.
   Numbers are there too in the form the search page compares them (`number_form`: Arabic
   digits, no thousands separators), where the page writes them otherwise: ๔,๕๐๐ and 4,500 are
   found by 4500, ๔,๕๐๐ and 4,500 alike; so are telephone numbers written in groups, as their
   digits alone (`phone_forms`: 0 2232 1262 is found by 022321262), and so are Latin terms
   joined by hyphens, as their letters alone (`compound_forms`: e-GP is found by egp).
3. `vocabulary()` lists the site's words (with how many pages hold each) for the search page: it
   splits a query typed without spaces into the site's words, and offers the nearest word that
   exists when nothing was found (ทุจริด → ทุจริต).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from thai_text import languages
from thai_text.phones import find_phone_numbers, first_line

# The language the index is built as: one Pagefind does not segment (see 1. above).
INDEX_LANGUAGE = "und"
# The site's Thai words, one a line, most pages first, written into the bundle folder.
WORDS_FILE = "words.txt"

# A <wbr> becomes " WORD_MARK ": Pagefind splits at the spaces and keeps the mark in the page's
# text, where the search page turns it back into a word boundary (it is never indexed: it is not
# a letter). The extra words follow EXTRA_MARK at the very end of the text.
WORD_MARK = "\u2063"  # INVISIBLE SEPARATOR
EXTRA_MARK = "\u2064"  # INVISIBLE PLUS
# A space of what thai_text keeps on one line (`<span class="w">`: a name, a number with its unit,
# a telephone number, a word and its ๆ) becomes " KEEP_MARK ": Pagefind splits there as at any
# space and keeps the mark in the page's text, where the search page turns it into a no-break
# space, so the piece stays on one line in the results as on the page. (Pagefind stores a
# no-break space as a space: it could not carry this itself.)
KEEP_MARK = "\u2062"  # INVISIBLE TIMES
EXTRA_WEIGHT = "0.1"  # a word found only as an inner part ranks below a whole word

EXTRA_MIN = 2  # the shortest inner part indexed, in letters (EXTRA_MIN in search-match.js)

# Thai letters, vowels, marks, ฯ and ๆ (no digits, no baht sign): what Pagefind keeps of Thai.
THAI_LETTERS = frozenset(chr(c) for c in range(0x0E01, 0x0E3B)) | frozenset(
    chr(c) for c in range(0x0E40, 0x0E4F)
)
THAI_RUN = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E4E]+")
# A number as written: digits (Arabic or Thai), maybe with commas and dots between them.
NUMBER = re.compile(r"[0-9\u0E50-\u0E59](?:[0-9\u0E50-\u0E59,.]*[0-9\u0E50-\u0E59])?")
_THAI_DIGITS = str.maketrans("\u0E50\u0E51\u0E52\u0E53\u0E54\u0E55\u0E56\u0E57\u0E58\u0E59", "0123456789")
_GROUPING = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
# Latin letters and digits joined by hyphens (as joiningHyphen() in search-match.js reads them).
_LATIN_COMPOUND = re.compile("[0-9A-Za-z\u0E50-\u0E59]+(?:[-\u2010\u2011][0-9A-Za-z\u0E50-\u0E59]+)+")
_HYPHENS = re.compile("[-\u2010\u2011]")
_LETTER = re.compile("[A-Za-z\u0E01-\u0E4E]")
# A Thai word starts with a consonant or a lead vowel, never right after a lead vowel.
_WORD_START = frozenset(chr(c) for c in range(0x0E01, 0x0E2F)) | frozenset("\u0E40\u0E41\u0E42\u0E43\u0E44")
_LEAD_VOWELS = frozenset("\u0E40\u0E41\u0E42\u0E43\u0E44")
# Lao, Myanmar and Khmer (the center's notices to migrant workers) are written without spaces
# between words too, and their vowels and marks are part of the word: letters and marks of these
# blocks (not digits or punctuation). A syllable, so a word, starts at a consonant or independent
# vowel (Unicode's Lo), never at one stacked under the letter before (after Myanmar's virama or
# Khmer's coeng) nor right after a Lao lead vowel. Finals count as starts too: an inner part
# more than needed costs a few bytes, one too few loses the page.
UNSPACED = re.compile(f"[{languages.UNSPACED}]")
_STACKED_AFTER = frozenset("\u1039\u17D2\u0EC0\u0EC1\u0EC2\u0EC3\u0EC4")


def _kind(ch: str) -> str:
    if ch in THAI_LETTERS:
        return "thai"
    if UNSPACED.match(ch):
        return "unspaced"
    return "alnum" if ch.isalnum() else "other"


def word_start(text: str, i: int) -> bool:
    """May an indexed word or inner part start at `text[i]`? In Thai, where a Thai word can start
    (a consonant or lead vowel, not after a lead vowel); in Lao, Myanmar and Khmer, where a
    syllable starts (see UNSPACED); elsewhere, where a letter or digit follows something else
    (ปี2565: 2565). The same rule as wordStart in search-match.js."""
    if i <= 0 or i >= len(text):
        return i == 0
    here, before = _kind(text[i]), _kind(text[i - 1])
    if here == "thai":
        return text[i] in _WORD_START and not (before == "thai" and text[i - 1] in _LEAD_VOWELS)
    if here == "unspaced":
        return unicodedata.category(text[i]) == "Lo" and text[i - 1] not in _STACKED_AFTER
    return here == "alnum" and before != "alnum"


def letters(text: str) -> int:
    """How many letters and digits `text` has (vowels and marks of Thai, Lao, Myanmar and Khmer
    count)."""
    return sum(1 for ch in text if ch in THAI_LETTERS or ch.isalnum() or UNSPACED.match(ch))


def thai_runs(chunk: str) -> list[str]:
    """The runs of Thai letters in one chunk of text."""
    return THAI_RUN.findall(chunk)


@lru_cache(maxsize=65536)
def inner_suffixes(chunk: str) -> tuple[str, ...]:
    """Every suffix of `chunk` that starts where a word can start (`word_start`) and has at
    least EXTRA_MIN letters: ข่าย of เครือข่าย, 2565 of ปี2565."""
    return tuple(
        chunk[i:] for i in range(1, len(chunk))
        if word_start(chunk, i) and letters(chunk[i:]) >= EXTRA_MIN
    )


def extra_words(chunks, site_words=None, memo=None) -> list[str]:
    """Inner suffixes of `chunks` (the words of a page as Pagefind splits it), then the
    `number_forms` of its numbers, that are not chunks of the page already, each once, in order
    of first appearance. With `site_words` (the
    site's vocabulary), a Thai suffix is kept only where one of those words starts (ทุจริต of
    การทุจริต, not ระมาณ of ประมาณ); `starts_site_word` is the same test in the browser. `memo`
    (a dict kept for one set of site words) remembers the kept suffixes of each chunk."""
    chunks = list(chunks)
    whole = dict.fromkeys(chunks)
    longest = max(map(len, site_words), default=0) if site_words is not None else 0
    memo = {} if memo is None else memo
    extra = {}
    for chunk in whole:
        kept = memo.get(chunk)
        if kept is None:
            kept = memo[chunk] = tuple(
                suffix for suffix in inner_suffixes(chunk)
                if site_words is None or starts_site_word(suffix, site_words, longest)
            )
        for suffix in kept:
            if suffix not in whole:
                extra[suffix] = None
    for form in number_forms(whole) + phone_forms(chunks) + compound_forms(whole):
        if form not in whole:
            extra[form] = None
    return list(extra)


def number_form(number: str) -> str:
    """A number as the search page compares it: Thai digits as Arabic ones, thousands separators
    (a comma between a digit and exactly three digits) left out: ๔,๕๐๐ -> 4500. The same as
    normalize() in search-match.js."""
    return _GROUPING.sub("", number.translate(_THAI_DIGITS))


def number_forms(chunks) -> list[str]:
    """`number_form` of each number of `chunks` that is written otherwise, or written against
    letters (36 of the ITA indicator O36, which Pagefind holds as one word), each once."""
    found = {}
    for chunk in chunks:
        for number in NUMBER.findall(chunk):
            form = number_form(number)
            if form != number or _LETTER.search(chunk):
                found[form] = None
    return list(found)


def phone_forms(chunks) -> list[str]:
    """Each telephone number of `chunks` (consecutive, as the page has them) written in groups
    (0 2232 1262, 0-4324-6106, Thai digits; thai_text's phones.py) as its digits alone: 022321262,
    as a phone's call log or contacts show it and a reader types it. For a range of lines
    (0 2232 1262-5), its first line too. The search page compares it so: normalize() drops the
    spaces, and the hyphens between digits, of the page's text."""
    text = " ".join(chunks)
    forms = {}
    for start, end in find_phone_numbers(text):
        digits = re.sub(r"\D", "", text[start:end].translate(_THAI_DIGITS))
        forms[digits] = None
        first = first_line(text[start:end])
        if first != digits and digits.startswith(first):
            forms[first] = None
    return list(forms)


def compound_forms(chunks) -> list[str]:
    """Each Latin term of `chunks` whose parts are joined by hyphens (e-GP, Post-test,
    e-WorkPermit) as its letters alone, in lower case (egp, posttest, eworkpermit), each once: a
    reader types it so, and Pagefind indexes only its parts. The search page compares it so:
    normalize() drops a hyphen between Latin letters or digits. Numbers alone are phone_forms'."""
    found = {}
    for chunk in chunks:
        if "-" in chunk or "\u2010" in chunk or "\u2011" in chunk:
            for term in _LATIN_COMPOUND.findall(chunk):
                form = _HYPHENS.sub("", term.translate(_THAI_DIGITS)).lower()  # as normalize() has it
                if not form.isdigit():
                    found[form] = None
    return list(found)


def starts_site_word(text: str, site_words, longest: int) -> bool:
    """Does `text` start with a word of `site_words` (of 2+ letters), or with something other
    than Thai (a number or a Latin word after Thai, which is always kept)?"""
    if text[0] not in THAI_LETTERS:
        return True
    return any(text[:end] in site_words for end in range(2, min(len(text), longest) + 1))


def extra_block(words) -> str:
    """The HTML block with a page's extra words: indexed, weighted low, after EXTRA_MARK."""
    if not words:
        return ""
    return (
        f'<div data-pagefind-body data-pagefind-weight="{EXTRA_WEIGHT}">{EXTRA_MARK} '
        + " ".join(words)
        + "</div>"
    )


def shown_text(indexed: str) -> str:
    """A page's text as the search page shows it: extra words cut off, each WORD_MARK (with the
    spaces Pagefind put around it) a zero-width space again, each KEEP_MARK a no-break space. The
    same as `unmark` in search-match.js."""
    cut = indexed.find(EXTRA_MARK)
    if cut >= 0:
        indexed = indexed[:cut].rstrip(" \u200b")
    return re.sub(f" ?{KEEP_MARK} ?", "\u00a0", re.sub(f" ?{WORD_MARK} ?", "\u200b", indexed))


def chunks_of(indexed: str) -> list[str]:
    """The chunks Pagefind indexed as words, from a page's stored text (extra words excluded)."""
    cut = indexed.find(EXTRA_MARK)
    if cut >= 0:
        indexed = indexed[:cut]
    return [c for c in re.split(rf"[\s{WORD_MARK}{KEEP_MARK}\u200b]+", indexed) if c]


def vocabulary(pages, parts=None) -> list[tuple[str, int]]:
    """The Thai words of `pages` (each a list of its chunks) with the number of pages holding
    each, most frequent first (then in code point order); words of one letter are left out.
    `parts(run)`, when given, adds the words a run is made of (ทับซ้อน of the site-dictionary word
    ผลประโยชน์ทับซ้อน), so that a query for one of them is planned, and its part indexed."""
    return ranked(word_counts(pages, parts))


def word_counts(pages, parts=None, split=None) -> Counter:
    """How many of `pages` hold each word, as `vocabulary` counts them (unsorted; counts of two
    sets of pages add up). `split`: a dict kept between calls, the parts of each run."""
    counts = Counter()
    split = {} if split is None else split
    for chunks in pages:
        words = set()
        for chunk in chunks:
            for run in thai_runs(chunk):
                if len(run) > 1:
                    words.add(run)
                if parts is not None:
                    if run not in split:
                        split[run] = [w for w in parts(run) if len(w) > 1 and THAI_RUN.fullmatch(w)]
                    words.update(split[run])
        counts.update(words)
    return counts


def ranked(counts: Counter) -> list[tuple[str, int]]:
    """`word_counts` as `vocabulary` lists them: most pages first, then in code point order."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
