"""Tables that read on a phone: each body cell carries its column's heading.

Thai words kept whole (markup.py) make a table's columns as wide as their longest word; three
columns of agency names do not fit a phone's 288 px. Cutting words to make them fit is what the
site must not do (ไปรษณี|ย์). So on a narrow screen the theme shows each row as a block, each
cell on its own lines under its column heading, which comes from `data-label` (CSS:
`td::before { content: attr(data-label) }`). `label_cells` adds that attribute to every `<td>` of
a table whose first row holds the headings (Markdown tables always do).

A body cell that shows nothing (no text, no image) also gets `data-empty`: on a phone the theme
does not show it, rather than a heading over nothing (a totals row's empty cell read as a missing
figure). An outer table that holds another table is left as it is (the inner one gets its
labels), and so is a cell that already has `data-label`. The sanitiser (content_guard) drops `data-*`
attributes from an author's HTML, so every `data-label` in a page comes from here.

A table whose columns fit a 360 px phone (table_fit.py: a list of names and figures) also gets
`class="fits-phone"`: the theme keeps its rows there, and shows it as blocks only on a narrower
screen.

A column whose body cells are all numbers (1,184; 33.2; +2.73; ๔,๕๐๐; 12%; a dash for none) is
aligned right, heading included (`class="align-right"`, the class the sanitiser gives a Markdown
`---:` column), so that a table pasted from Word, Excel or the site itself, or imported from
WordPress, lines its figures up as a table written with `---:` does. A column its author aligned,
or with a cell spanning columns, is left as written.
"""

from __future__ import annotations

import html as htmllib
import re

from .table_fit import FITS, fits_phone

_TABLE = re.compile(r"<table\b[^>]*>(?:(?!<table\b).)*?</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?(\d+)""", re.I)
# A figure: a sign, digits (Arabic or Thai) with thousands commas or a decimal point, a percent.
_NUMBER = re.compile(r"^[+\-\u2212]?[0-9\u0e50-\u0e59]+(?:[,.][0-9\u0e50-\u0e59]+)*%?$")
_NONE = {"", "-", "\u2013", "\u2014"}  # an empty cell or a dash for none
_ALIGNED = re.compile(r"""\bclass\s*=\s*["'][^"']*\balign-|\bstyle\s*=|\balign\s*=""", re.I)
_CLASS = re.compile(r"""\bclass\s*=\s*(["'])""", re.I)
RIGHT = "align-right"
# What a cell without text may still show.
_OBJECT = re.compile(r"<(?:img|picture|svg|video|audio|iframe|object|embed|canvas|math|input)\b", re.I)


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
    numeric = _numeric_columns([row.group(1) for row in rows[1:]], len(labels))
    out = [_row(table[: rows[1].start()] if len(rows) > 1 else table, [], numeric)]
    for k, row in enumerate(rows[1:], start=1):
        out.append(_row(row.group(0), labels, numeric))
        end = rows[k + 1].start() if k + 1 < len(rows) else len(table)
        out.append(table[row.end() : end])
    labelled = "".join(out)
    body = [list(_CELL.finditer(row.group(1))) for row in rows[1:]]
    spanning = any(_colspan(cell.group(2)) > 1 for row in [head, *body] for cell in row)
    if body and not spanning and fits_phone([cell.group(3) for cell in head],
                                            [[cell.group(3) for cell in row] for row in body]):
        labelled = _with_class(labelled, FITS)
    return labelled


def _with_class(table: str, name: str) -> str:
    """`table` with `name` added to the classes of its `<table>` tag."""
    tag = table[: table.index(">") + 1]
    existing = _CLASS.search(tag)
    if existing:
        return table[: existing.end()] + name + " " + table[existing.end():]
    return "<table" + f' class="{name}"' + table[len("<table"):]


def _numeric_columns(rows: list[str], width: int) -> set[int]:
    """The columns (by position, colspans counted) whose cells in `rows` are all numbers or
    empty, with at least one number; a cell spanning columns, or aligned by its author, makes
    them no such column."""
    numbers = [0] * width
    other = set()
    for row in rows:
        column = 0
        for cell in _CELL.finditer(row):
            span = _colspan(cell.group(2))
            text = _plain(cell.group(3))
            if span > 1 or _ALIGNED.search(cell.group(2)) or not (text in _NONE or _NUMBER.match(text)):
                other.update(range(column, column + span))
            elif text not in _NONE and column < width:
                numbers[column] += 1
            column += span
    return {c for c in range(width) if numbers[c] and c not in other}


def _row(row: str, labels: list[str], numeric: set[int]) -> str:
    """`row` with its body cells labelled by `labels` (none for the heading row) and the cells of
    `numeric` columns aligned right."""
    column = 0
    out = []
    pos = 0
    for cell in _CELL.finditer(row):
        label = labels[column] if column < len(labels) else ""
        attributes = cell.group(2)
        right = column in numeric and _colspan(attributes) == 1 and not _ALIGNED.search(attributes)
        column += _colspan(attributes)
        labelled = cell.group(1).lower() == "td" and label and "data-label" not in attributes
        if not (labelled or right):
            continue
        at = cell.start() + 3  # after "<td" or "<th"
        out.append(row[pos:at])
        if labelled:
            out.append(f' data-label="{htmllib.escape(label, quote=True)}"')
            if _is_empty(cell.group(3)):
                out.append(" data-empty")
        pos = at
        if right:
            existing = _CLASS.search(attributes)
            if existing:
                quote_at = cell.start(2) + existing.end()
                out.append(row[pos:quote_at] + RIGHT + " ")
                pos = quote_at
            else:
                out.append(f' class="{RIGHT}"')
    out.append(row[pos:])
    return "".join(out)


def _is_empty(cell_html: str) -> bool:
    """Does a cell show nothing: no text (spaces and no-break spaces are none: WordPress's
    editor fills an empty cell with `&nbsp;`) and no image or other object?"""
    return not _plain(cell_html) and not _OBJECT.search(cell_html)


def _plain(cell_html: str) -> str:
    return " ".join(htmllib.unescape(_TAG.sub("", cell_html)).split())


def _colspan(attributes: str) -> int:
    m = _COLSPAN.search(attributes)
    return max(1, min(int(m.group(1)), 100)) if m else 1
