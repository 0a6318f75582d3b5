"""Hashtags as Thai releases end with them: #ศปทแรงงาน #ดวงตาแรงงาน #ฝึกอาชีพโปร่งใส.

A hashtag is one word to its reader: the name a post is found by on Facebook, X or LINE. The
segmenter sees Thai words in it (ศปท|แรงงาน), and a line that ended there showed "#ศปท" at the
end of one line and "แรงงาน" at the start of the next: another hashtag, and a word after it. A
reader who copies it, or searches for it, gets the wrong one. markup.py keeps each hashtag
`find_hashtags` gives on one line, as it keeps a name or a telephone number, and summaries.py
never cuts inside one.

A hashtag is `#` at the start of the text or after a space, an opening bracket or quote, then
letters (Thai, Latin), digits and underscores, at least one of them Thai (a hashtag without Thai
has no break inside it: no browser ends a line inside a Latin word). It ends at the first other
character, as on the social networks. `&#34;` (an entity), `page#part` (a link's fragment) and a
Markdown heading (`# ...`, a space after the `#`) are no hashtags.

Nothing here imports Pelican: a plain function that markup.py, summaries.py, the tests and the
line-break measurement call.
"""

from __future__ import annotations

import re

_TAG_CHARACTER = "0-9A-Za-z_\u0e01-\u0e4e\u0e50-\u0e59"
_HASHTAG = re.compile(
    rf"(?<![^\s(\[\"“‘'])#[{_TAG_CHARACTER}]*[\u0e01-\u0e4e][{_TAG_CHARACTER}]*"
)


def find_hashtags(text: str) -> list[tuple[int, int]]:
    """(start, end) of each hashtag with Thai letters in `text`, `#` included, in order."""
    if "#" not in text:
        return []
    return [m.span() for m in _HASHTAG.finditer(text)]
