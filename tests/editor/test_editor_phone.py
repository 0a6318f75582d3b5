"""A release written and sent for review on a phone, 390 px wide.

Decap's editor is at least 800 px wide: on a phone the form took half the page, the preview was
off to the right and บันทึก, สถานะ and เผยแพร่ had to be found by scrolling sideways. js/editor.css
puts the form across the whole width with the preview under it and keeps the bar with the buttons
at the top. The test writes a release as a PR officer would at an event, touch screen and all:
at every step no element of the editor reaches past the screen's right edge, the save button is
on screen wherever the form is scrolled to, and the release reaches the supervisor's review.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import axe_violations, choose_category, log_in
from tests.editor.photos import phone_photo

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
TITLE = "ศปท. แรงงาน ลงพื้นที่จังหวัดลำปาง ชี้แจงช่องทางแจ้งเบาะแสแก่สถานประกอบการ"
OUR_WIDGETS = [".zc-address", ".zc-date", ".zc-tags", ".zc-photos", ".zc-attachments", ".zc-checked .zc-messages"]

# Every element drawn on the page whose right edge is past the screen's (inside the preview's
# frame is the site's own page, checked by the theme's tests; Decap's notices slide in and out
# from the right).
PAST_THE_EDGE = """width => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.height && box.right > width + 2 && !el.closest('.Toastify')) {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} ${Math.round(box.left)}-${Math.round(box.right)}`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, elements: out.slice(0, 10) };
}"""


def fits(page) -> dict:
    found = page.evaluate(PAST_THE_EDGE, WIDTH)
    assert found["scrollWidth"] <= WIDTH and found["elements"] == [], found
    return found


def on_screen(locator) -> None:
    box = locator.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= WIDTH + 1 \
        and box["y"] + box["height"] <= HEIGHT, box


@pytest.fixture
def phone(browser, editor):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True,
                                  locale="th-TH", timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.set_default_timeout(30_000)
    from tests.editor.conftest import record
    page.recorder = record(page, editor.url)
    yield page
    context.close()


def test_a_release_written_on_a_phone_reaches_review(editor, phone, tmp_path):
    page = phone
    photo = phone_photo(tmp_path / "IMG_3301.JPG", seed=7)
    before = set(editor.branches())
    log_in(page, editor)
    fits(page)
    page.get_by_label("สร้างเนื้อหาประเภท ข่าว").click()
    title = page.get_by_label("ชื่อข่าว")
    title.wait_for()
    fits(page)
    title.tap()
    title.fill(TITLE)
    choose_category(page, "ข่าวกิจกรรม")
    tags = page.get_by_label("ป้ายกำกับ (ทางเลือก)")
    tags.fill("ลำปาง")
    tags.press("Enter")
    page.locator(".zc-photos input[type=file]").set_input_files(str(photo))
    caption = page.get_by_label("คำบรรยายภาพที่ 1")
    caption.wait_for(timeout=120_000)
    caption.fill("เจ้าหน้าที่ ศปท. ชี้แจงช่องทางแจ้งเบาะแสแก่ผู้ประกอบการในจังหวัดลำปาง")
    fits(page)
    body = page.locator("[data-slate-editor]").first
    body.scroll_into_view_if_needed()
    body.tap()
    page.keyboard.type("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ลงพื้นที่จังหวัดลำปาง "
                       "พบผู้ประกอบการ 42 แห่ง เพื่อชี้แจงสายด่วน 1546 และช่องทางออนไลน์")
    fits(page)
    # The form has scrolled far down: the save button is still on screen.
    save = page.get_by_role("button", name="บันทึก").first
    on_screen(save)
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".article-title")).to_contain_text("ลำปาง")
    frame_box = page.locator("iframe").first.bounding_box()
    assert frame_box["width"] >= WIDTH - 40, frame_box  # the preview is under the form, not beside it
    widgets = axe_violations(page, OUR_WIDGETS)
    assert widgets.violations_count == 0, widgets.generate_report()

    save.tap()
    status = page.get_by_text("สถานะ: ร่าง")
    status.wait_for(timeout=60_000)
    on_screen(status)
    fits(page)
    status.tap()
    send = page.get_by_role("menuitem", name="ส่งให้หัวหน้าตรวจ")
    on_screen(send)
    send.tap()
    page.get_by_text("สถานะ: ส่งให้หัวหน้าตรวจ").wait_for()
    new = set(editor.branches()) - before
    assert len(new) == 1, new
    branch = new.pop()
    assert editor.status(branch) == "decap-cms/pending_review"
    assert any(f.startswith("content/news/") and f.endswith(".md") for f in editor.files(branch)), editor.files(branch)

    # The supervisor's board, on a phone too.
    page.goto(editor.url + "/admin/#/workflow")
    expect(page.get_by_text(TITLE[:20]).first).to_be_visible()
    fits(page)
    assert page.recorder.problems() == []
    editor.discard(branch)
