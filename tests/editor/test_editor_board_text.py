"""The review board's cards show the words of each release, not its Markdown.

Decap puts the start of an entry's body under the card's title as it is ("## สาระสำคัญ * การระบุ
..."); the bundle makes it call js/board-text.js. Property, over every published content file:
the card's text is the text of the release's page on the site (fetched from the editor's own
origin), letter for letter once spaces are set aside and the typing errors the site corrects are
corrected. And on the board itself, a release in review with a heading and a list shows neither
mark.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import content_sources, log_in, new_release

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from thai_text.typos import fix_typos  # noqa: E402

pytestmark = pytest.mark.browser

PAGES = """async (files) => {
  const { boardText, site } = window.ZeroCorruptionEditor;
  const out = [];
  for (const [path, body] of files) {
    const entry = site.entries[path];
    if (!entry || entry.status === 'draft' || !entry.url) continue;
    const response = await fetch(new URL(entry.url, location.href).pathname, { cache: 'no-cache' });
    if (!response.ok) continue;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const prose = page.querySelector('.prose');
    out.push([path, boardText(body), prose ? prose.textContent : null]);
  }
  return out;
}"""

SPACES = re.compile(r"[\s\u200b\u00ad]+")


def bodies() -> list[tuple[str, str]]:
    return [(path.relative_to(ROOT).as_posix(), body) for path, _header, body in content_sources()]


def test_each_card_shows_the_words_of_its_page(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    shown = page.evaluate(PAGES, bodies())
    assert len(shown) >= 25
    differ = {}
    for path, card, prose in shown:
        assert prose is not None, path
        if SPACES.sub("", fix_typos(card)) != SPACES.sub("", prose):
            differ[path] = (card[:300], SPACES.sub(" ", prose)[:300])
    assert differ == {}


def test_the_board_shows_no_markdown(editor, editor_page):
    page = editor_page
    before = set(editor.branches())
    new_release(page, editor, "ศปท. แรงงาน ทดสอบข้อความบนการ์ดของกระดานตรวจข่าว", "ประกาศ")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("ย่อหน้าแรกของข่าวบนการ์ด")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="หัวข้อ", exact=True).click()
    page.get_by_role("menuitem", name="หัวข้อ 2").click()
    page.keyboard.type("สาระสำคัญ")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="รายการแบบไม่มีหมายเลข").click()
    page.keyboard.type("ข้อแรกของรายการ")
    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)
    branches = set(editor.branches()) - before
    try:
        page.goto(editor.url + "/admin/#/workflow")
        card = page.locator("[class*=CardBody]").filter(has_text="ย่อหน้าแรกของข่าวบนการ์ด")
        expect(card).to_have_text("ย่อหน้าแรกของข่าวบนการ์ด สาระสำคัญ ข้อแรกของรายการ")
    finally:
        for branch in branches:
            editor.discard(branch)
    assert page.recorder.problems() == []
