"""Does a table fit a phone as a table? A list of names or figures read as rows, not as blocks.

Below 40em the theme shows a table's rows as blocks, each cell under its column heading
(tables.py), because Thai words kept whole make three columns of agency names wider than a phone.
A list of 42 candidates (number, exam number, name, room) became 42 blocks of eight lines, 11,000
px to scroll for one's name, where as a table it is one line a candidate. So a table whose columns
all fit a phone of 360 px keeps its rows (`FITS`, on the `<table>`), and is shown as blocks only on
a narrower screen, or with the text enlarged (the theme's query is in em).

The estimate reads the table as the browser lays it out: a cell cannot be narrower than its widest
piece that never breaks (a `.w` or `.wl` span of markup.py, a word of Latin letters, a figure),
and no cell of a column but one should wrap: the columns of numbers, codes and short words take
their longest cell on one line, and one column (the one with the longest text, the names) takes
what is left, as long as that is at least its widest piece, with 8 px to spare. Widths are
Sarabun's (glyph_widths.py) at the table's font size, with each cell's padding on a phone and its
border. A table with a cell that spans columns is not estimated (it keeps its blocks).
tests/browser/test_tables_on_phones.py lays out every table of the site at 360 px and checks
that a table marked so does not overflow.
"""

from __future__ import annotations

import html as htmllib
import re

from .glyph_widths import text_width

FITS = "fits-phone"
PHONE_TEXT_PX = 360 - 32  # a 360 px phone less the page's padding (.wrap, 1rem each side)
SPARE_PX = 8  # left over, for a browser that draws a little wider than Chromium
FONT_PX = 16 * 0.95  # .prose table{font-size:.95rem}
CELL_PX = 2 * 6 + 1  # a cell's padding on a phone (site.css: .375rem each side) and one border

_TOKEN = re.compile(r"(<[^>]*>)")
_KEPT = re.compile(r"""^<span\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?(wl?)(?=["'\s])""", re.I)
_SPAN_OPEN = re.compile(r"^<span\b", re.I)
_SPAN_CLOSE = re.compile(r"^</span\s*>", re.I)
_BREAK = re.compile(r"^<(?:wbr|br)\b", re.I)


def pieces(cell_html: str) -> list[str]:
    """The pieces of a cell's text that never break across lines: a `.w` or `.wl` span whole,
    but for the spaces between the parts of a long name (a `.wl` of `.wl` parts, which a table
    that fits lets wrap there: site.css), elsewhere what lies between spaces and `<wbr>` or
    `<br>`."""
    out = [""]
    kinds = []  # the open spans: "w", "wl" or ""
    for token in _TOKEN.split(cell_html):
        if not token:
            continue
        if token.startswith("<"):
            if _SPAN_OPEN.match(token):
                kept = _KEPT.match(token)
                kinds.append(kept.group(1).lower() if kept else "")
            elif _SPAN_CLOSE.match(token):
                if kinds:
                    kinds.pop()
            elif _BREAK.match(token) and not any(kinds):
                out.append("")
            continue
        text = htmllib.unescape(token)
        between_parts = kinds and kinds[-1] == "wl" and "w" not in kinds and not text.strip()
        if any(kinds) and not between_parts:
            out[-1] += text
            continue
        parts = re.split(r"\s+", text)
        out[-1] += parts[0]
        out.extend(parts[1:])
    return [p for p in out if p]


def fits_phone(head: list[str], rows: list[list[str]]) -> bool:
    """Do the columns of a table (`head`: its heading cells' HTML, `rows`: its body rows' cells'
    HTML, one cell a column) fit a 360 px phone with only one column's cells wrapping?"""
    columns = len(head)
    if not columns or any(len(row) != columns for row in rows):
        return False
    narrowest, one_line = [], []
    for c in range(columns):
        widest = max((text_width(p, bold=True) for p in pieces(head[c])), default=0.0)
        longest = 0.0
        for row in rows:
            cell = pieces(row[c])
            widest = max([widest, *map(text_width, cell)])
            longest = max(longest, text_width(" ".join(cell)))
        narrowest.append(widest * FONT_PX + CELL_PX)
        one_line.append(max(widest, longest) * FONT_PX + CELL_PX)
    free = max(range(columns), key=lambda c: one_line[c] - narrowest[c])
    needed = sum(one_line) - one_line[free] + narrowest[free] + 1
    return needed + SPARE_PX <= PHONE_TEXT_PX
