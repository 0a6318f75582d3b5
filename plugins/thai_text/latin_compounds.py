"""A Latin term joined by a hyphen to a piece of one or two characters: `e-GP`, `e-Payment`,
`X-ray`, `COVID-19`.

A browser may end a line after any hyphen between letters. In English that is how compounds
wrap (Anti-|Corruption, role-|play), but a piece of one or two characters alone on a line means
nothing: a trial release about a price review ended its desktop line at "ระบบการจัดซื้อจัดจ้าง
ภาครัฐ (e-|GP)" at every width from 748 px up. `find_latin_compounds` gives such terms in Thai
text; markup.py keeps each on one line as it keeps a number group, and the line-break measure
counts a line end inside one as inside a name.

Nothing here imports Pelican: a plain function that markup.py, the tests and the line-break
measurement call.
"""

from __future__ import annotations

import re

# The longest such term kept whole (e-Government has 12 characters).
LONGEST = 16
# Letters and digits joined by hyphens, with a letter in it, not part of an address, a file name,
# a longer run of such characters (www.e-gp.go.th, report-2569.pdf) or what a browser may read as
# a character reference (&lt-b is "<-b": a span after the & would make it "&lt-b").
_COMPOUND = re.compile(
    r"(?<![\w./@:\-&#])(?=[0-9\-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w/@\-]|\.\w)", re.ASCII
)


def find_latin_compounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each Latin term in `text` whose first or last piece after splitting at
    its hyphens has at most two characters, LONGEST characters at most in all."""
    if "-" not in text:
        return []
    found = []
    for m in _COMPOUND.finditer(text):
        pieces = m.group().split("-")
        if len(m.group()) <= LONGEST and min(len(pieces[0]), len(pieces[-1])) <= 2:
            found.append(m.span())
    return found
