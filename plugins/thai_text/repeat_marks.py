"""A repetition mark with the word it repeats: `ใด ๆ`, `จริง ๆ`, `อิสราเอล ฯลฯ`.

The Royal Institute writes ไม้ยมก (ๆ) after a space (`ต่าง ๆ`, not `ต่างๆ`), and ไปยาลใหญ่ (ฯลฯ)
after one too. A browser may end a line at any space, so it ended lines at `ใบเสร็จใด |` and
began the next with `ๆ` (5 places of the sample releases, 8 line ends over 121 widths): a line
that starts with ๆ or ฯลฯ reads as a typesetting slip, as one that starts with a full stop would,
and ๆ alone says nothing. `find_repeat_marks` gives each mark written after white space, from the
last character before that space to the end of the mark; markup.py widens it to the word before
and keeps it on one line (as it keeps a number with its unit), summaries.py never cuts inside it,
and the line-break measurement counts a line end inside it as one inside a name.

ฯ alone (ไปยาลน้อย: กรุงเทพฯ) is written straight after its word, with no space, and ฯพณฯ starts
a phrase: neither is one here.

Nothing here imports Pelican: a plain function that markup.py, summaries.py, the tests and the
line-break measurement call.
"""

from __future__ import annotations

import re

# White space (the space a writer types, a no-break space, a line end in the Markdown) before ๆ or
# ฯลฯ, after something that is not white space.
REPEAT_MARK = re.compile(r"(?<=\S)\s+(?:ฯลฯ|ๆ)")
# A closing quote or bracket between the word and its mark ("ช่วยกัน" ๆ) belongs to the word: the
# group starts at the word's last letter (markup.py takes such a mark into the word's span).
_CLOSING = "\"'”’)]}»"


def find_repeat_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ๆ or ฯลฯ written after white space in `text`, from the last character
    before that space (before the closing quotes or brackets there) to the end of the mark, in
    order: `ใด ๆ` in `ใบเสร็จใด ๆ` is (len("ใบเสร็จ") + 1, len(text))."""
    if "ๆ" not in text and "ฯลฯ" not in text:
        return []
    found = []
    for m in REPEAT_MARK.finditer(text):
        start = m.start() - 1
        while start > 0 and text[start] in _CLOSING and not text[start - 1].isspace():
            start -= 1
        found.append((start, m.end()))
    return found
