"""Tables that read on a phone: each body cell carries its column's heading.

Thai words kept whole (markup.py) make a table's columns as wide as their longest word; three
columns of agency names do not fit a phone's 288 px. Cutting words to make them fit is what the
site must not do (ไปรษณี|ย์). So on a narrow screen the theme shows each row as a block, each
cell on its own lines under its column heading, which comes from `data-label` (CSS:
`td::before { content: attr(data-label) }`). `label_cells` adds that attribute to every `<td>` of
a table whose first row holds the headings (Markdown tables always do).

An outer table that holds another table is left as it is (the inner one gets its labels), and so
is a cell that already has `data-label`.
The sanitiser (content_guard) drops `data-*` attributes from an author's HTML, so every
`data-label` in a page comes from here.
"""

from __future__ import annotations

import html as htmllib
import re

_TABLE = re.compile(r"<table\b[^>]*>(?:(?!<table\b).)*?</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?(\d+)""", re.I)


def label_cells(html: str) -> str:
    """`html` with `data-label="<column heading>"` on each body cell of its tables."""
    if "<table" not in html and "<TABLE" not in html:
        return html
    return _TABLE.sub(_label_table, html)


def _label_table(match: re.Match) -> str:
    table = match.group(0)
    rows = list(_ROW.finditer(table))
    if not rows:
        return table
    head = [c for c in _CELL.finditer(rows[0].group(1))]
    if not head or any(c.group(1).lower() != "th" for c in head):
        return table
    labels: list[str] = []
    for cell in head:
        labels += [_plain(cell.group(3))] * _colspan(cell.group(2))
    out = [table[: rows[1].start()] if len(rows) > 1 else table]
    for k, row in enumerate(rows[1:], start=1):
        out.append(_label_row(row.group(0), labels))
        end = rows[k + 1].start() if k + 1 < len(rows) else len(table)
        out.append(table[row.end() : end])
    return "".join(out)


def _label_row(row: str, labels: list[str]) -> str:
    column = 0
    out = []
    pos = 0
    for cell in _CELL.finditer(row):
        label = labels[column] if column < len(labels) else ""
        column += _colspan(cell.group(2))
        if cell.group(1).lower() != "td" or not label or "data-label" in cell.group(2):
            continue
        at = cell.start() + 3  # after "<td"
        out.append(row[pos:at])
        out.append(f' data-label="{htmllib.escape(label, quote=True)}"')
        pos = at
    out.append(row[pos:])
    return "".join(out)


def _plain(cell_html: str) -> str:
    return " ".join(htmllib.unescape(_TAG.sub("", cell_html)).split())


def _colspan(attributes: str) -> int:
    m = _COLSPAN.search(attributes)
    return max(1, min(int(m.group(1)), 100)) if m else 1
