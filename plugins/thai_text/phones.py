"""Telephone numbers as Thai releases write them, in groups: 0 2232 1262, 02 232 1262,
081 234 5678, 08 1234 5678, 0-2232-1262, +66 2232 1262.

A browser may end a line at each space of such a number, and Chromium after each hyphen too: a
reader on a phone sees "โทร. 0" or "โทร. 0-" at the end of one line and "2232 1262" at the start
of the next, and dials or copies half of it. markup.py keeps each number `find_phone_numbers`
gives on one line, as it keeps a name.

A Thai number has 9 digits (a fixed line: 0 and 8 digits) or 10 (a mobile phone: 06, 08 or 09
and 8 digits), with one space, no-break space or hyphen at most between two digits; in the
international form +66 stands for the 0. A range of lines may follow (0 2232 1262-5, 1262-63:
lines 1262 to 1265, to 1263). Digits right before or after it (a longer number), a decimal point
or a comma (a sum) make it no telephone number. A short hotline number (1546) has no space to
break at and is not looked for, nor are numbers abroad (+886 2 ...).

Nothing here imports Pelican: a plain function markup.py, the tests and the line-break
measurement call.
"""

from __future__ import annotations

import re

_GAP = "[ \u00a0-]"  # between two groups of digits
_PHONE = re.compile(
    rf"(?<![\dA-Za-z_/#&+])(?<!\d[.,])(?<!\d{_GAP})(?:0|\+66{_GAP}?)(?:{_GAP}?\d){{8,9}}(?:-\d{{1,2}})?"
    rf"(?!{_GAP}?\d|[.,]\d)"
)
_HINT = re.compile(rf"\d{_GAP}\d")


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each telephone number written in groups in `text`, in order (written
    without a gap, 022321262, it needs nothing and is not looked for)."""
    if not _HINT.search(text):
        return []
    return [m.span() for m in _PHONE.finditer(text)]
