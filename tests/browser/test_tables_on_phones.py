"""Tables on a phone, laid out by Chromium: a table that fits keeps its rows, one that does not is
shown as blocks, and no table runs off the screen.

thai_text's table_fit.py marks a table `fits-phone` when it reckons, from Sarabun's widths
(glyph_widths.py), that its columns fit a 360 px phone with only one column's cells wrapping. The
reckoning is checked here against the browser for every table of the site.
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from thai_text.glyph_widths import BOLD, REGULAR  # noqa: E402

pytestmark = pytest.mark.browser

CANDIDATES = "/news/eligible-candidates-general-admin-2569/"

# Each table of the page: its classes, how it is displayed, its width and its box's, its height,
# and for each body cell whose column holds figures only, the lines its text takes.
TABLES = """() => [...document.querySelectorAll('.prose table')].map((table) => {
  const range = document.createRange();
  const lines = (cell) => { range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size; };
  const rows = [...table.querySelectorAll('tbody tr')].map(tr => [...tr.children]);
  const figures = rows.length ? rows[0].map((_, c) => rows.every(r => r[c] && /^[0-9,.%\\s-]*$/.test(r[c].textContent)))
                              : [];
  const wrapped = rows.flatMap(r => r.filter((td, c) => figures[c] && td.textContent.trim() && lines(td) > 1)
                                     .map(td => td.textContent.trim()));
  const width = table.getBoundingClientRect().width;
  const narrow = rows.flat().filter(td => td.getClientRects().length && td.getBoundingClientRect().width < width / 2).length;
  return { fits: table.classList.contains('fits-phone'), labelled: !!table.querySelector('td[data-label]'),
           display: getComputedStyle(table).display, width, room: table.parentElement.clientWidth,
           height: table.getBoundingClientRect().height, wrapped, narrow };
})"""


def _table_pages(output) -> list[str]:
    from tools.linebreaks import site_pages

    return [path for path in site_pages(output)
            if "<table" in (output / path.strip("/") / "index.html").read_text(encoding="utf-8")]


def test_a_table_that_fits_a_phone_keeps_its_rows_and_no_table_runs_off_it(open_page, sample_site, sample_url):
    """At 360 px every table marked to fit is shown as a table, no wider than the text, and its
    columns of figures on one line a cell; every other labelled table is shown as blocks; no page
    scrolls sideways. At 359 px (and so with larger text) every labelled table is blocks, each
    cell as wide as its block."""
    fitting = 0
    for path in _table_pages(sample_site.output):
        page = open_page(sample_url + path, width=360, height=740)
        page.evaluate("document.fonts.ready")
        for table in page.evaluate(TABLES):
            if table["fits"]:
                fitting += 1
                assert table["display"] == "table", (path, table)
                assert table["width"] <= table["room"] + 0.5, (path, table)
                assert table["wrapped"] == [], (path, table)
            elif table["labelled"]:
                assert table["display"] == "block", (path, table)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        page.set_viewport_size({"width": 359, "height": 740})
        shown = page.evaluate(TABLES)
        # shown as blocks, each cell as wide as its block
        assert all(t["display"] == "block" and t["narrow"] == 0 for t in shown if t["labelled"]), (path, shown)
    assert fitting >= 10  # the sample holds lists that fit: the test can fail


def test_the_list_of_candidates_is_a_table_on_a_phone(open_page, sample_url):
    """42 candidates (number, exam number, name, room): as blocks, 42 boxes of eight lines to
    scroll through for one's name; as a table, a row each, about a fifth as long."""
    page = open_page(sample_url + CANDIDATES, width=360, height=740)
    table = page.evaluate(TABLES)[0]
    page.set_viewport_size({"width": 359, "height": 740})
    blocks = page.evaluate(TABLES)[0]
    assert table["fits"] and table["display"] == "table"
    print(f"the list at 360 px: {table['height']:.0f} px as a table, {blocks['height']:.0f} px as blocks at 359")
    assert table["height"] * 4 < blocks["height"]


MEASURE = """async (chars) => {
  const context = document.createElement('canvas').getContext('2d');
  const out = {};
  for (const weight of [400, 700]) {
    await document.fonts.load(`${weight} 100px Sarabun`, 'กa');
    context.font = `${weight} 100px Sarabun`;
    const base = context.measureText('ก').width;
    out[weight] = Object.fromEntries(chars.map((ch) => [ch,
      (/[\\u0e01-\\u0e5b]/.test(ch) ? context.measureText('ก' + ch).width - base : context.measureText(ch).width) / 100]));
  }
  return out;
}"""


def test_the_widths_tables_are_reckoned_with_are_sarabuns(open_page, sample_url):
    """glyph_widths.py holds Sarabun's widths as Chromium draws them: measured again here, each
    within 0.002 em (a new version of the font that draws wider fails here, not on a phone)."""
    page = open_page(sample_url + CANDIDATES, width=360)
    chars = sorted(set(REGULAR) | set(BOLD))
    measured = page.evaluate(MEASURE, chars)
    off = [(weight, ch, table.get(ch), round(measured[weight][ch], 3))
           for weight, table in (("400", REGULAR), ("700", BOLD)) for ch in chars
           if abs(table.get(ch, 0.0) - measured[weight][ch]) > 0.002]
    assert off == [], off
