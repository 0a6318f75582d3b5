"""The copy of a page that Pagefind reads: thai_text's word boundaries made Pagefind's, and the
page's extra words appended (see terms.py for why).

No Pelican imports. The published page is never changed; only this copy, in a scratch folder.
"""

from __future__ import annotations

import re

from .page_text import indexed_text
from .terms import EXTRA_MARK, WORD_MARK, extra_block, extra_words, vocabulary

WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def index_copies(parts: dict, exclude_selectors=()) -> tuple[dict, list[tuple[str, int]]]:
    """Copies of the pages in `parts` ({name: the part of a page Pagefind indexes}) as Pagefind
    should read them, and the site's vocabulary (terms.vocabulary) that decided their extra words.

    Each `<wbr>` becomes a word boundary (`WORD_MARK` between spaces), and the page's extra words
    (terms.extra_words, kept where a word of the site starts) follow in a block of their own at
    the end of the body.
    """
    chunks = {}
    for name, html in parts.items():
        parts[name] = html = html.replace(WORD_MARK, "").replace(EXTRA_MARK, "")
        chunks[name] = indexed_text(html, exclude_selectors).split()
    words = vocabulary(chunks.values(), parts=_word_parts())
    site_words = frozenset(word for word, _ in words)
    copies = {}
    memo = {}
    for name, html in parts.items():
        block = extra_block(extra_words(chunks[name], site_words, memo))
        html = WBR.sub(f" {WORD_MARK} ", html)
        ends = list(BODY_END.finditer(html))
        if block and ends:
            html = html[:ends[-1].start()] + block + html[ends[-1].start():]
        elif block:
            html += block
        copies[name] = html
    return copies, words


def _word_parts():
    """The words a run of Thai is made of, by pythainlp's dictionary alone (thai_text's segmenter
    without the site dictionary, which keeps names whole)."""
    from thai_text.segment import default_segmenter

    return default_segmenter().words


def index_copy(html: str, exclude_selectors=()) -> str:
    """The copy of one page on its own (its own words as the vocabulary)."""
    return index_copies({"page": html}, exclude_selectors)[0]["page"]
