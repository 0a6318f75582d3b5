"""The words of a company's name: `บริษัท เอเชีย แมนพาวเวอร์ ซัพพลาย จำกัด`.

A company's name is a proper name, and its words are most often English words written in Thai
letters, which the segmenter reads as two Thai words each: แมน|พาวเวอร์ (Manpower), สตาร์|ไลท์
(Starlight). A line then ended inside the word: a trial release about brokers ended lines at
"บริษัท เอเชีย แมน|พาวเวอร์" at 150 of 241 widths. `find_company_words` gives each word of the
name (not บริษัท, จำกัด or มหาชน), which the segmenter keeps whole as it keeps a name; a line may
still end at a space between two of them, as a long name wraps.

A name is the words between บริษัท and จำกัด (a space after บริษัท, at most MOST_WORDS words of at
most WORD_CHARACTERS characters), or the one word after ห้างหุ้นส่วนจำกัด, ห้างหุ้นส่วนสามัญ or หจก.

Nothing here imports Pelican: a plain function that segment.py, the tests and the line-break
measurement call.
"""

from __future__ import annotations

import re

from .patterns import THAI_LETTERS

# A company's name has at most this many words between บริษัท and จำกัด, each of at most
# WORD_CHARACTERS characters (a stretch of a sentence between two spaces is longer).
MOST_WORDS = 6
WORD_CHARACTERS = 20
_WORD = rf"[{THAI_LETTERS}A-Za-z0-9&.\-]{{1,{WORD_CHARACTERS}}}"
_COMPANY = re.compile(
    rf"บริษัท\ (?P<name>{_WORD}(?:\ {_WORD}){{0,{MOST_WORDS - 1}}}?)\ จำกัด"
    rf"|(?:ห้างหุ้นส่วนจำกัด|ห้างหุ้นส่วนสามัญ|หจก\.)\ ?(?P<partnership>[{THAI_LETTERS}]+)"
)
_THAI_WORD = re.compile(rf"[{THAI_LETTERS}]{{2,}}")
# Without one of these a text names no company (a quick test).
_HINTS = ("บริษัท", "ห้างหุ้นส่วน", "หจก.")


def find_company_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of Thai letters in a company's name in `text`, in order."""
    if not any(hint in text for hint in _HINTS):
        return []
    found = []
    for m in _COMPANY.finditer(text):
        group = "name" if m.group("name") is not None else "partnership"
        start, end = m.span(group)
        found += [w.span() for w in _THAI_WORD.finditer(text, start, end)]
    return found
