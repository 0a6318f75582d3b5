"""A dash written with spaces around it stays with what comes before it: `1 มีนาคม –`.

Word and Thai writers write a range or a pause with a dash between spaces (ตั้งแต่วันที่ 1 มีนาคม –
30 มิถุนายน 2570; 08.30 - 16.30 น.). A browser may end a line at the space before the dash, and a
line that starts with "– 30 มิถุนายน" reads as an item of a list (a trial release did so at 6 of
241 widths). A careful typesetter puts a no-break space before such a dash: the line may end after
it. `find_spaced_dashes` gives each, from the last character before the space to the dash;
markup.py widens it to the word before and keeps it on one line, as a number with its unit, and
the line-break measurement counts a line end inside it as one inside a name.

A dash between numbers with no spaces (15-16, 08.30-16.30) is part of the number (number_groups.py).

Nothing here imports Pelican: a plain function that markup.py, the tests and the line-break
measurement call.
"""

from __future__ import annotations

import re

# An en dash, an em dash, or a hyphen standing for one, with white space on both sides, after
# something that is not white space.
SPACED_DASH = re.compile(r"(?<=\S)[ \t\u00a0]+[–—-](?=[ \t\u00a0]|\n)")


def find_spaced_dashes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dash written between spaces in `text`, from the last character
    before the space to the dash, in order: `ม –` in `1 มีนาคม – 30 มิถุนายน`."""
    if "–" not in text and "—" not in text and " -" not in text:
        return []
    return [(m.start() - 1, m.end()) for m in SPACED_DASH.finditer(text)]
