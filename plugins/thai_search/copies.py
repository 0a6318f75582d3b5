"""The copy of a page that Pagefind reads: thai_text's word boundaries made Pagefind's, and the
page's extra words appended (see terms.py for why).

No Pelican imports. The published page is never changed; only this copy, in a scratch folder.
"""

from __future__ import annotations

import re

from .page_text import indexed_text
from .terms import EXTRA_MARK, KEEP_MARK, WORD_MARK, extra_block, extra_words, ranked, word_counts

WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
# What thai_text keeps on one line in a short span (a name, a number with its unit, a telephone
# number, a word and its ๆ: `<span class="w">นายสมชาย ใจซื่อ</span>`): each of its spaces becomes
# KEEP_MARK between spaces in the copy (terms.py), so the text Pagefind stores says where, and the
# search page keeps the piece on one line too. Pagefind splits words at those spaces as before.
KEPT = re.compile(r'(<span class="w">)([^< ]* [^<]*)(</span>)')  # (only those with a space)
# A long piece kept the same way (`<span class="wl">`: a long name, a date with its year), whose
# words thai_text holds in inner spans: its spaces between them get the same mark. The search page
# keeps such a run whole where it fits and wraps it at those spaces only where it is wider than
# the line, as the page does.
KEPT_LONG = re.compile(r'(<span class="wl">)((?:<span class="wl">[^<]*</span>|[^<])* (?:<span class="wl">[^<]*</span>|[^<])*)(</span>)')
BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def index_copies(parts: dict, exclude_selectors=()) -> tuple[dict, list[tuple[str, int]]]:
    """Copies of the pages in `parts` ({name: the part of a page Pagefind indexes}) as Pagefind
    should read them, and the site's vocabulary (terms.vocabulary) that decided their extra words.

    Each `<wbr>` becomes a word boundary (`WORD_MARK` between spaces), each space of a piece kept
    on one line `KEEP_MARK` between spaces (`KEPT`), and the page's extra words
    (terms.extra_words, kept where a word of the site starts) follow in a block of their own at
    the end of the body. (indexer.copy_indexable_pages does the same with the pages shared among
    the cores.)
    """
    read = {name: page_chunks(html, exclude_selectors) for name, html in parts.items()}
    words = ranked(word_counts((chunks for _html, chunks in read.values()), parts=word_parts()))
    site_words = frozenset(word for word, _ in words)
    memo = {}
    copies = {name: index_copy_of(html, chunks, site_words, memo) for name, (html, chunks) in read.items()}
    return copies, words


def page_chunks(html: str, exclude_selectors=()) -> tuple[str, list[str]]:
    """The part of a page Pagefind indexes without the marks of terms.py (a page cannot make
    its own), and the chunks Pagefind will index of it."""
    html = html.replace(WORD_MARK, "").replace(EXTRA_MARK, "").replace(KEEP_MARK, "")
    return html, indexed_text(html, exclude_selectors).split()


def index_copy_of(html: str, chunks: list[str], site_words: frozenset, memo: dict) -> str:
    """The copy Pagefind reads of one page (from `page_chunks`), given the site's words."""
    block = extra_block(extra_words(chunks, site_words, memo))
    html = WBR.sub(f" {WORD_MARK} ", html)
    if '<span class="w">' in html:
        html = KEPT.sub(_no_break, html)
    if '<span class="wl">' in html:
        html = KEPT_LONG.sub(_no_break_long, html)
    ends = list(BODY_END.finditer(html))
    if block and ends:
        return html[:ends[-1].start()] + block + html[ends[-1].start():]
    return html + block


def _no_break(match) -> str:
    return match.group(1) + match.group(2).replace(" ", f" {KEEP_MARK} ") + match.group(3)


_TAG_OR_SPACE = re.compile(r"(<[^>]*>)| ")


def _no_break_long(match) -> str:
    inside = _TAG_OR_SPACE.sub(lambda m: m.group(1) or f" {KEEP_MARK} ", match.group(2))
    return match.group(1) + inside + match.group(3)


def word_parts():
    """The words a run of Thai is made of, by pythainlp's dictionary alone (thai_text's segmenter
    without the site dictionary, which keeps names whole), and a name's first name without its
    title (นูรฮายาตี of นางสาวนูรฮายาตี): a reader who types it with a slip is offered it."""
    from itertools import accumulate

    from thai_text.names import after_titles
    from thai_text.segment import default_segmenter

    words = default_segmenter().words

    def parts(run: str) -> list[str]:
        found = words(run)
        name = after_titles(run, set(accumulate(map(len, found))).__contains__)
        return found + [name] if name else found

    return parts


def index_copy(html: str, exclude_selectors=()) -> str:
    """The copy of one page on its own (its own words as the vocabulary)."""
    return index_copies({"page": html}, exclude_selectors)[0]["page"]
