"""The copy of a page that Pagefind reads: thai_text's word boundaries made Pagefind's, and the
page's extra words appended (see terms.py for why).

No Pelican imports. The published page is never changed; only this copy, in a scratch folder.
"""

from __future__ import annotations

import re

from .page_text import indexed_text
from .terms import EXTRA_MARK, WORD_MARK, extra_block, extra_words

WBR = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def index_copy(html: str, exclude_selectors=()) -> str:
    """`html` (the part of a page Pagefind indexes) as Pagefind should read it: each `<wbr>` a
    word boundary (`WORD_MARK` between spaces) and the page's extra words in a block of their own
    at the end of the body."""
    html = html.replace(WORD_MARK, "").replace(EXTRA_MARK, "")
    block = extra_block(extra_words(indexed_text(html, exclude_selectors).split()))
    html = WBR.sub(f" {WORD_MARK} ", html)
    ends = list(BODY_END.finditer(html))
    if not block:
        return html
    if ends:
        at = ends[-1].start()
        return html[:at] + block + html[at:]
    return html + block
