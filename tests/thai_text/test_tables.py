"""Tables: each body cell carries its column's heading, and a column of figures is aligned right.

A table written in Markdown is aligned by its author (`|---:|`); a table pasted from Word, Excel,
Google Sheets or a page of the site, or imported from WordPress, comes in with `|---|` and its
figures were left-aligned, out of line with each other (1,184 above 14,902). thai_text now
aligns right every column whose cells are all figures.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from thai_text.tables import label_cells

NUMBER = re.compile(r"^[+\-\u2212]?[0-9\u0e50-\u0e59]+(?:[,.][0-9\u0e50-\u0e59]+)*%?$")


def _table(head: list[str], *rows: list[str], head_attrs: str = "", cell_attrs: str = "") -> str:
    def cells(tag, values, attrs):
        return "".join(f"<{tag}{attrs}>{v}</{tag}>" for v in values)
    body = "".join(f"<tr>{cells('td', row, cell_attrs)}</tr>" for row in rows)
    return f"<table><thead><tr>{cells('th', head, head_attrs)}</tr></thead><tbody>{body}</tbody></table>"


def _aligned(html: str) -> list[list[bool]]:
    soup = BeautifulSoup(html, "html.parser")
    return [["align-right" in (cell.get("class") or []) for cell in row.find_all(["th", "td"])]
            for row in soup.find_all("tr")]


@pytest.mark.parametrize(("rows", "right"), [
    ([["นายหน้าเถื่อน", "71", "33.2"], ["อื่น ๆ", "1,184", "+2.73%"]], [False, True, True]),
    ([["ก", "๔,๕๐๐", "-"], ["ข", "<strong>88.37</strong>", "12"]], [False, True, True]),  # Thai digits, bold, a dash
    ([["ก", "12", "ไม่มี"], ["ข", "7 คน", "3"]], [False, False, False]),  # a word in the column
    ([["ก", "-", "0 2232 1262"], ["ข", "", "1546"]], [False, False, False]),  # no figure; a phone number
])
def test_a_column_of_figures_is_aligned_right(rows, right):
    html = label_cells(_table(["ประเภท", "จำนวน", "ร้อยละ"], *rows))
    assert all(row == right for row in _aligned(html)), html
    assert html.count('data-label="จำนวน"') == len(rows)


def test_a_cell_that_shows_nothing_is_marked_empty():
    html = label_cells(_table(["หมู่บ้าน", "อำเภอ", "ภาพ"], ["รวม", "", "&nbsp;"],  # Markdown; WordPress
                              ["ก", " \u00a0 ", '<img src="a.jpg" alt="">'], ["ข", "<p><br></p>", "<em>-</em>"]))
    cells = [[cell.has_attr("data-empty") for cell in row.find_all("td")]
             for row in BeautifulSoup(html, "html.parser").find_all("tr")[1:]]
    assert cells == [[False, True, True], [False, True, False], [False, True, False]], html


def test_an_authors_alignment_and_a_spanning_cell_are_kept():
    centred = label_cells(_table(["ก", "ข"], ["x", "1"], ["y", "2"], cell_attrs=' class="align-center"'))
    assert "align-right" not in centred and centred.count("align-center") == 4
    spanning = label_cells("<table><tr><th>ก</th><th>ข</th></tr><tr><td>x</td><td>1</td></tr>"
                           '<tr><td colspan="2">รวม 1</td></tr></table>')
    assert "align-right" not in spanning
    classed = label_cells(_table(["ก", "ข"], ["x", "1"], cell_attrs=' class="note"'))
    assert 'class="align-right note"' in classed


def test_every_column_of_figures_in_the_built_site_is_aligned_right(sample_site):
    """Property over every table of every page: a column whose body cells are all figures (and
    at least one is) is aligned right, heading included; any other column is not, unless its
    author aligned it."""
    columns = 0
    right = {True: 0, False: 0}
    for path in sorted(sample_site.output.rglob("*.html")):
        for table in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(".prose table"):
            rows = [row.find_all(["th", "td"], recursive=False) for row in table.find_all("tr")]
            if len(rows) < 2 or any(len(row) != len(rows[0]) for row in rows):
                continue
            for c in range(len(rows[0])):
                texts = [" ".join(row[c].get_text().split()) for row in rows[1:]]
                figures = all(t in ("", "-", "\u2013", "\u2014") or NUMBER.match(t) for t in texts) \
                    and any(NUMBER.match(t) for t in texts)
                if figures:
                    assert all("align-right" in (row[c].get("class") or []) for row in rows), (path, c, texts)
                    columns += 1
                else:
                    right[any("align-right" in (row[c].get("class") or []) for row in rows)] += 1
    # Columns of words stay as their authors wrote them: the sample content aligns none right.
    assert right[True] == 0, right
    assert columns >= 10


# --- which tables fit a phone as tables (table_fit.py) -----------------------------------------

from thai_text.markup import process_html  # noqa: E402
from thai_text.table_fit import FITS, fits_phone, pieces  # noqa: E402


def test_a_cells_pieces_are_what_never_breaks():
    """A `.w` or `.wl` span is one piece, spaces and <wbr> part the rest, and a long name (a `.wl`
    of `.wl` parts) parts at the spaces between its parts."""
    assert pieces('<span class="w">นายจักรพันธ์ ฆ้องวงศ์</span>') == ["นายจักรพันธ์ ฆ้องวงศ์"]
    assert pieces('ห้อง<wbr>สอบ 201') == ["ห้อง", "สอบ", "201"]
    assert pieces('<span class="wl"><span class="wl">ว่าที่</span> <span class="wl">ร.ต.หญิง</span> '
                  '<span class="wl">ภัทรานิษฐ์</span></span>') == ["ว่าที่", "ร.ต.หญิง", "ภัทรานิษฐ์"]
    assert pieces('<span class="wl">กองบังคับการปราบปรามการทุจริต</span>') == ["กองบังคับการปราบปรามการทุจริต"]
    assert pieces('a&amp;b<br>c') == ["a&b", "c"]


def _marked(markdown_cells: list[list[str]], segmenter) -> str:
    rows = [f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>" for row in markdown_cells[1:]]
    head = "".join(f"<th>{c}</th>" for c in markdown_cells[0])
    html = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return label_cells(process_html(html, segmenter))


def test_a_list_of_names_fits_and_columns_of_agencies_do_not(segmenter):
    names = [["ลำดับ", "เลขประจำตัวผู้สอบ", "ชื่อ – สกุล", "ห้องสอบ"],
             ["1", "69001", "นางสาวกชพร แก้วประเสริฐ", "201"],
             ["2", "69002", "นายจักรพันธ์ ฆ้องวงศ์", "201"]]
    agencies = [["หน่วยงาน", "ผู้ประสานงาน", "หน่วยงานร่วม"],
                ["สำนักงานจัดหางานจังหวัดสมุทรสาคร", "กองตรวจและคุ้มครองคนหางาน",
                 "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดสมุทรสาคร"]]
    assert f'class="{FITS}"' in _marked(names, segmenter)
    assert FITS not in _marked(agencies, segmenter)
    # one column of long text wraps, and the table still fits
    assert fits_phone(["ช่องทาง", "เรื่อง"], [["อีเมล", "ร้องเรียน 12 เรื่อง ตรวจสอบแล้ว 9 เรื่อง อยู่ระหว่างดำเนินการ 3 เรื่อง"]])
    # a cell spanning columns, or a row with fewer cells, is not reckoned
    spanning = label_cells('<table><tr><th>ก</th><th>ข</th></tr><tr><td colspan="2">รวม</td></tr></table>')
    assert FITS not in spanning
    assert not fits_phone(["ก", "ข"], [["1"]])
