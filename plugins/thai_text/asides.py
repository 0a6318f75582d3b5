"""A short aside in brackets stays on one line: `(ถ้ามี)`, `(บาท/เดือน)`.

Forms and announcements put a word or two in brackets after what they qualify: ใบเปลี่ยนชื่อ-สกุล
(ถ้ามี), ค่าตอบแทน (บาท/เดือน). A browser may end a line inside them, between two Thai words or
after the slash, and a line that starts with "มี)" or "เดือน)" reads as a slip (a trial job
announcement did so at 4 and 6 of 241 widths). `find_short_asides` gives each bracketed text of at
most ASIDE_LETTERS characters without a space, where a browser could break (Thai letters, a slash
or a hyphen); markup.py keeps it on one line as a number with its unit. A longer aside, or one with a space, may still wrap inside, and so may one whose words
are in an element of their own ((<a>แจ้งเบาะแส</a>): its brackets could be kept with them only in
spans of their own, and where the CSS makes kept pieces inline blocks (text at twice its size) a
line could then end after the "(". The line-break measurement does not count asides for that
reason; tests/thai_text/test_asides.py reads every page of the sample site instead.

Nothing here imports Pelican: a plain function that markup.py and the tests call.
"""

from __future__ import annotations

import re

# The most characters between the brackets of an aside kept whole (บาท/เดือน has 9).
ASIDE_LETTERS = 10
# (one a browser could break inside: with Thai letters, a slash or a hyphen; (RSS) never breaks)
_ASIDE = re.compile(rf"\((?=[^\s()]{{2,{ASIDE_LETTERS}}}\))(?=[^\s()]*[\u0e01-\u0e4e/\-])[^\s()]+\)")


def find_short_asides(text: str) -> list[tuple[int, int]]:
    """(start, end) of each short aside in brackets in `text`, brackets included, in order:
    `(ถ้ามี)` in `ใบเปลี่ยนชื่อ-สกุล (ถ้ามี)`."""
    if "(" not in text:
        return []
    return [m.span() for m in _ASIDE.finditer(text)]
