"""Every button and choice of our widgets does, in the saved file, what it says.

The ลบ button of a photo did nothing for a year of sessions because no test pressed it. Here each
control a writer has is used once on a published release, through the browser, and the file
Decap would commit is read (the save is answered as the backend would, so nothing is committed):
a tag's ×, เพิ่ม, ตอนนี้ of ปรับปรุงเมื่อ (the date a correction shows under the title), a photo's
↑ and ↓, ใช้เป็นภาพปก, and a published document's ถอนออกจากข่าว. Everything else in the file
stays as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import ROOT, changed_lines, open_captured, open_content_file, settle_after_save, wait_for_save

pytestmark = pytest.mark.browser

RELEASE = ROOT / "content" / "news" / "integrity-training-2566.md"
WITH_DOCUMENT = ROOT / "content" / "news" / "complaint-email-guideline-2569.md"


def header(text: str) -> str:
    return text.split("\n\n", 1)[0]


def test_tags_date_and_photo_controls(editor, editor_page):
    page = editor_page
    saved, rel, original = open_captured(page, editor, RELEASE)

    page.get_by_role("button", name="ลบป้ายกำกับ ป.ป.ช.").click()
    tags = page.get_by_label("ป้ายกำกับ (ทางเลือก)")
    tags.fill("อบรมออนไลน์")
    page.locator(".zc-tags").get_by_role("button", name="เพิ่ม").click()
    expect(page.get_by_role("button", name="ลบป้ายกำกับ อบรมออนไลน์")).to_be_visible()

    # The release was corrected today: ปรับปรุงเมื่อ, ตอนนี้ (the release's own date stays).
    assert page.get_by_label("ปรับปรุงเมื่อ").input_value() == "2566-06-16 14:00"
    page.locator(".zc-date").nth(1).get_by_role("button", name="ตอนนี้").click()
    now = dt.datetime.now(ZoneInfo("Asia/Bangkok"))
    written = page.get_by_label("ปรับปรุงเมื่อ").input_value()
    moment = dt.datetime.strptime(written, "%Y-%m-%d %H:%M")
    assert moment.year == now.year + 543, written
    assert abs(moment.replace(year=now.year) - now.replace(tzinfo=None, second=0, microsecond=0)) <= dt.timedelta(minutes=2), written
    assert page.get_by_label("วันที่", exact=True).input_value() == "2566-06-15 09:30"
    expect(page.frame_locator("iframe").first.locator(".article-meta")).to_contain_text(
        f"ปรับปรุง {now.day} ")

    captions = page.locator(".zc-caption")
    order = [page.locator(".zc-photo img").nth(i).get_attribute("alt") for i in range(captions.count())]
    assert [re.search(r"\((.*)\)", alt)[1] for alt in order][:3] == ["p01.jpg", "p02.jpg", "p03.jpg"], order
    page.get_by_role("button", name="เลื่อนภาพที่ 2 ขึ้น").click()
    page.get_by_role("button", name="เลื่อนภาพที่ 2 ลง").click()  # p01 is now second: p02, p03, p01
    page.locator(".zc-photo").nth(2).get_by_label("ใช้เป็นภาพปก").check()

    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel)
    head = header(saved[rel])
    assert re.search(r"^Tags: ฝึกอบรม, คุณธรรมจริยธรรม, ผลประโยชน์ทับซ้อน, อบรมออนไลน์$", head, re.M), head
    assert re.search(rf"^Modified: {re.escape(written)}$", head, re.M) and re.search(r"^Date: 2566-06-15 09:30$", head, re.M), head
    listed = re.findall(r"^(?:Captions:)?\s*(p0\d\.(?:jpg|png)):", head, re.M)
    assert listed[:3] == ["p02.jpg", "p03.jpg", "p01.jpg"], head
    assert re.search(r"^Cover: p01\.jpg$", head, re.M), head
    removed, added = changed_lines(original, saved[rel])
    assert all(line.split(":", 1)[0] in {"Tags", "Modified", "Cover", "Captions", ""} or line.startswith("    ")
               for line in removed + added), (removed, added)
    assert original.split("\n\n", 1)[1] == saved[rel].split("\n\n", 1)[1]  # the body as it was
    assert page.recorder.problems() == []


def test_a_published_document_is_taken_off_the_release(editor, editor_page):
    page = editor_page
    saved, rel, original = open_captured(page, editor, WITH_DOCUMENT)
    page.get_by_role("button", name="ถอนเอกสารที่ 1 ออกจากข่าว").click()
    expect(page.frame_locator("iframe").first.locator(".attachments")).to_have_count(0)
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel)
    removed, added = changed_lines(original, saved[rel])
    assert [line.split(":", 1)[0] for line in removed] == ["Attachments"] and added == [], (removed, added)
    assert page.recorder.problems() == []


def test_a_release_is_made_a_featured_one_until_a_day_and_back(editor, editor_page):
    """ข่าวเด่นจนถึง (site_meta's Featured_until:): the writer types a day, is told until when
    the release leads the home page, and the file gains that one line; a day that is not a date
    is pointed out (a warning: the release is still saved); emptying the field on a featured
    release takes its line away."""
    page = editor_page
    saved, rel, original = open_captured(page, editor, RELEASE)
    field = page.get_by_label("ข่าวเด่นจนถึง")
    assert field.input_value() == ""
    notes = page.locator(".zc-date").filter(has=field).locator(".zc-messages")
    field.fill("สิ้นเดือนนี้")
    expect(notes).to_contain_text("ข่าวนี้จึงไม่เป็นข่าวเด่น")
    field.fill("2569-01-31")  # a day already past: no use, and said so
    expect(notes).to_contain_text("ข่าวเด่นสิ้นสุดไปแล้วเมื่อวันเสาร์ที่ 31 มกราคม พ.ศ. 2569 เวลา 23.59 น.")
    day = dt.datetime.now(ZoneInfo("Asia/Bangkok")).date() + dt.timedelta(days=14)
    field.fill(f"{day.year + 543}-{day:%m-%d}")
    expect(notes).to_contain_text("ข่าวนี้จะอยู่ในข่าวเด่นบนหน้าแรกตั้งแต่เผยแพร่จนถึงวัน")
    expect(notes).to_contain_text(f"{day.day} ")
    expect(notes).to_contain_text("เวลา 23.59 น.")
    # which releases lead the home page now (the site as last built), this one not among them
    now = page.evaluate("() => window.ZeroCorruptionEditor.site.featured")
    assert now["max"] == 3
    if now["now"]:
        expect(notes).to_contain_text("ข่าวเด่นบนหน้าแรกตอนนี้: " + ", ".join(f'"{item["title"]}"' for item in now["now"]))
    else:
        expect(notes).not_to_contain_text("ข่าวเด่นบนหน้าแรกตอนนี้")
    form = page.get_by_label("ชื่อข่าว").get_attribute("id")
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel)
    settle_after_save(page, form)
    removed, added = changed_lines(original, saved[rel])
    assert removed == [] and added == [f"Featured_until: {day.year + 543}-{day:%m-%d}"], (removed, added)

    featured = ROOT / "content" / "news" / "migrant-notice-four-languages-2569.md"
    rel2 = featured.relative_to(ROOT).as_posix()
    original2, _title = open_content_file(page, editor, "news", featured)
    field = page.get_by_label("ข่าวเด่นจนถึง")
    assert field.input_value() == "2570-03-31"
    field.fill("")
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel2)
    removed, added = changed_lines(original2, saved[rel2])
    assert removed == ["Featured_until: 2570-03-31"] and added == [], (removed, added)
    assert page.recorder.problems() == []
