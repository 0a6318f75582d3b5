"""The supervisor sees what an edit changes in a published release: in the preview, not in git.

A writer's edit of a published release went to the supervisor with nothing to say what had
changed: Decap shows the whole release, and the supervisor was to compare it with the site by
eye. The preview now fetches the release's page from the site (same origin) and marks each
paragraph, heading, list item and table row whose text the page does not have, names the
paragraphs taken out, and says when the title, the category, the date, the photos (their number
or captions), the documents or the tags changed, marking each.

The property over all content: opened and not edited, every published file's preview has the
text of its page on the site, block for block, and its category, date, captions, documents and
tags (SAME), so the preview is what the site will show; and the minified page the site publishes reads as the
page (a first version marked every table row there: minifying leaves no space between cells). Then edits a writer makes, each marked as such.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import CONTENT_FILES, ROOT, axe_violations, choose_category, log_in, open_content_file

pytestmark = pytest.mark.browser

SAME = "เหมือนที่เผยแพร่อยู่บนเว็บไซต์ทุกส่วน ทั้งข้อความ หมวด วันที่ ภาพ เอกสารแนบ แท็ก และข่าวเด่น"
RELEASE = ROOT / "content" / "news" / "integrity-training-2566.md"


def is_draft(path) -> bool:
    return bool(re.search(r"^status:\s*draft\s*$", path.read_text(encoding="utf-8").split("\n\n", 1)[0], re.I | re.M))


def test_every_published_file_previews_as_its_page(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    problems = []
    for collection, path in CONTENT_FILES:
        open_content_file(page, editor, collection, path)
        preview = page.frame_locator("iframe").first
        note = preview.locator(".zc-preview-changes")
        if is_draft(path):
            page.wait_for_timeout(500)
            if note.count():
                problems.append(f"{path.name}: a draft has a note: {note.inner_text()}")
            continue
        try:
            expect(note).to_be_visible(timeout=10_000)
        except AssertionError:
            problems.append(f"{path.name}: no note")
            continue
        if note.inner_text().strip() != SAME:
            marked = preview.locator(".zc-changed").all_inner_texts()
            problems.append(f"{path.name}: {note.inner_text()!r} {marked[:3]}")
    assert problems == []
    assert page.recorder.problems() == []


def test_a_minified_page_reads_as_the_page(editor, editor_page):
    """The site is published minified (tools/production.py: no space between two table cells);
    every page the editor can compare gives the same blocks and facts (category, date, captions,
    documents, tags) either way, so nothing is marked."""
    import urllib.request

    import minify_html
    from tools.production import HTML_OPTIONS

    page = editor_page
    log_in(page, editor)
    entries = page.evaluate("() => window.ZeroCorruptionEditor.site.entries")
    published = [e["url"] for e in entries.values() if e["status"] != "draft"]
    assert len(published) >= 25, entries
    differ = []
    for url in published:
        path = "/" + url.split("/", 3)[3] if url.startswith("http") else url
        with urllib.request.urlopen(editor.url + path) as response:
            html = response.read().decode("utf-8")
        both = page.evaluate(
            """pages => pages.map(html => {
                 const doc = new DOMParser().parseFromString(html, 'text/html');
                 const preview = window.ZeroCorruptionEditor.preview;
                 return [...preview.textBlocks(doc.querySelector('.prose')).map(block => block.text),
                         JSON.stringify(preview.pageFacts(doc))];
               })""",
            [html, minify_html.minify(html, **HTML_OPTIONS)])
        if not both[0] or both[0] != both[1]:
            differ.append((path, [t for t in both[0] if t not in both[1]][:2], [t for t in both[1] if t not in both[0]][:2]))
    assert differ == []


def open_release_unedited(page, editor):
    """Open RELEASE and wait for its note to say it is as published: (the preview, the note)."""
    log_in(page, editor)
    open_content_file(page, editor, "news", RELEASE)
    preview = page.frame_locator("iframe").first
    note = preview.locator(".zc-preview-changes")
    expect(note).to_have_text(SAME)
    return preview, note


def test_edits_of_a_published_release_are_marked(editor, editor_page):
    page = editor_page
    preview, note = open_release_unedited(page, editor)

    # A word typed into the paragraph after the first heading.
    paragraph = page.locator("[data-slate-editor] > p").filter(has_text="การอบรมแบ่งออกเป็น 4 ช่วง").first
    paragraph.locator("[data-slate-string]").first.click()
    page.keyboard.type(" (แก้ไขตามคำสั่งที่ 12/2566)")
    expect(note).to_contain_text("แก้ไขจากที่เผยแพร่อยู่: 1 ย่อหน้า")
    marked = preview.locator(".prose .zc-changed")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("แก้ไขตามคำสั่งที่ 12/2566")

    # The title, and a paragraph taken out.
    page.get_by_label("ชื่อข่าว").fill("ศปท. กระทรวงแรงงาน จัดอบรมหลักสูตร \"ข้าราชการแรงงานยุคใหม่\" รุ่นที่ 1 (ฉบับแก้ไข)")
    expect(note).to_contain_text("ชื่อข่าว และ 1 ย่อหน้า")
    expect(preview.locator(".article-title.zc-changed")).to_have_count(1)
    gone = page.locator("[data-slate-editor] > p").filter(has_text="ภาพบรรยากาศการอบรมอยู่ในแกลเลอรีท้ายข่าวนี้").first
    gone.locator("[data-slate-string]").first.click(click_count=3)  # the whole paragraph
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    expect(note).to_contain_text("ลบออก 1 ย่อหน้า")
    expect(note.locator("del")).to_have_text("ภาพบรรยากาศการอบรมอยู่ในแกลเลอรีท้ายข่าวนี้")
    expect(marked).to_have_count(1)
    frame = next(f for f in page.frames if f != page.main_frame and f.locator(".zc-preview-changes").count())
    report = axe_violations(frame)
    assert report.violations_count == 0, report.generate_report()
    assert page.recorder.problems() == []


def test_what_else_a_writer_changes_is_named_and_marked(editor, editor_page):
    """A caption, the category and a tag of a published release: the supervisor is told of each,
    and each is marked in the preview; put back as they were, the note says nothing changed."""
    page = editor_page
    preview, note = open_release_unedited(page, editor)

    caption = page.get_by_label("คำบรรยายภาพที่ 2")
    before = caption.input_value()
    caption.fill(before + " (ภาพจากวันที่สอง)")
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: คำบรรยายภาพ 1 ภาพ (มีแถบสีด้านซ้าย)")
    expect(preview.locator(".gallery-item.zc-changed")).to_have_count(1)
    expect(preview.locator(".gallery-item.zc-changed")).to_contain_text("(ภาพจากวันที่สอง)")

    choose_category(page, "ข่าวประชาสัมพันธ์")
    page.get_by_role("button", name="ลบป้ายกำกับ ป.ป.ช.").click()
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: หมวด คำบรรยายภาพ 1 ภาพ และ แท็ก (มีแถบสีด้านซ้าย)")
    expect(preview.locator(".kicker.zc-changed, .tags.zc-changed")).to_have_count(2)

    caption.fill(before)
    choose_category(page, "ข่าวกิจกรรม")
    tags = page.get_by_label("ป้ายกำกับ (ทางเลือก)")
    tags.fill("ป.ป.ช.")
    tags.press("Enter")
    expect(note).to_have_text(SAME)  # the tags' order is not a change
    expect(preview.locator(".zc-changed")).to_have_count(0)

    # The photos themselves: told apart by their images, not by their captions.
    # With no cover chosen the first photo is the cover: moved up, the second photo becomes it.
    page.get_by_role("button", name="เลื่อนภาพที่ 2 ขึ้น").click()
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: ลำดับภาพ และ ภาพปก (มีแถบสีด้านซ้าย)")
    expect(preview.locator(".gallery-grid.zc-changed")).to_have_count(1)
    page.get_by_role("button", name="เลื่อนภาพที่ 1 ลง").click()
    expect(note).to_have_text(SAME)
    page.get_by_role("button", name="ถอนภาพที่ 3 ออกจากเว็บไซต์").click()
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: ภาพกิจกรรม (ถอนออก 1 ภาพ) (มีแถบสีด้านซ้าย)")
    assert page.recorder.problems() == []


def test_a_photo_replaced_under_the_same_caption_is_seen(editor, editor_page):
    """The page's photos and the preview's are compared by image: a published photo whose place
    a new one takes, captioned the same, is a photo taken off and one added."""
    page = editor_page
    log_in(page, editor)
    facts = page.evaluate("""() => {
      const { pageFacts, factChanges } = window.ZeroCorruptionEditor.preview;
      const page = html => new DOMParser().parseFromString(html, 'text/html');
      const gallery = items => `<ul>${items.map(([src, caption]) =>
        `<li class="gallery-item"><figure><img src="${src}-640.jpg" srcset="${src}-320.jpg 320w, ${src}-640.jpg 640w">
         <figcaption class="gallery-caption">${caption}</figcaption></figure></li>`).join('')}</ul>`;
      const site = pageFacts(page(gallery([['/galleries/a/p01', 'ผู้อำนวยการเปิดงาน'], ['/galleries/a/p02', 'ภาพหมู่']])), 'http://x/news/a/');
      const preview = items => pageFacts(page(items.map(([src, caption]) =>
        `<li class="gallery-item"><img src="${src}"><p class="gallery-caption">${caption}</p></li>`).join('')));
      return [
        factChanges(preview([['/galleries/a/p01-320.jpg', 'ผู้อำนวยการเปิดงาน'], ['/galleries/a/p02-320.jpg', 'ภาพหมู่']]), site),
        factChanges(preview([['/galleries/a/p01-320.jpg', 'ผู้อำนวยการเปิดงาน'], ['blob:new-photo', 'ภาพหมู่']]), site),
      ].map(changes => changes.map(change => change.what));
    }""")
    assert facts == [[], ["ภาพกิจกรรม (เพิ่ม 1 ภาพ ถอนออก 1 ภาพ)"]], facts


def test_a_new_release_has_no_comparison(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    page.get_by_label("สร้างเนื้อหาประเภท ข่าว").click()
    page.get_by_label("ชื่อข่าว").fill("ข่าวใหม่ที่ยังไม่เคยเผยแพร่")
    page.wait_for_timeout(1000)
    expect(page.frame_locator("iframe").first.locator(".zc-preview-changes")).to_have_count(0)


OPEN_HOUSE = ROOT / "content" / "news" / "open-house-2568.md"


def test_the_cover_is_named_and_a_new_cover_is_told(editor, editor_page):
    """The page does not show which photo is the cover (the home page's card, the picture shared
    with the link): the preview names it, and a review is told when an edit chose another."""
    page = editor_page
    log_in(page, editor)
    open_content_file(page, editor, "news", OPEN_HOUSE)
    preview = page.frame_locator("iframe").first
    note = preview.locator(".zc-preview-changes")
    expect(note).to_have_text(SAME)
    cover = preview.locator(".gallery-item.zc-cover")
    expect(cover).to_have_count(1)
    expect(cover).to_contain_text("ภาพปก")
    expect(cover).to_contain_text("นักศึกษาร่วมกิจกรรมฐานที่ 2")  # Cover: p02.jpg, the third photo
    photos = page.locator(".zc-photo")
    expect(photos.nth(2).get_by_role("radio")).to_be_checked()

    photos.nth(0).get_by_role("radio").check()
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: ภาพปก (มีแถบสีด้านซ้าย)")
    expect(preview.locator(".gallery-item.zc-changed")).to_have_count(1)
    expect(preview.locator(".gallery-item.zc-cover.zc-changed")).to_contain_text("บรรยากาศหน้างานเปิดบ้าน")
    frame = next(f for f in page.frames if f != page.main_frame and f.locator(".zc-preview-changes").count())
    report = axe_violations(frame)
    assert report.violations_count == 0, report.generate_report()

    photos.nth(2).get_by_role("radio").check()
    expect(note).to_have_text(SAME)
    expect(preview.locator(".zc-changed")).to_have_count(0)
    assert page.recorder.problems() == []


def test_the_editor_finds_the_cover_as_the_build_does(editor, editor_page):
    """`coverOf` (the widget's choice and the preview's) against photo_gallery's `cover_index`:
    the named photo exactly, then in any case, else the first photo."""
    from photo_gallery.cover import cover_index

    page = editor_page
    log_in(page, editor)
    names = ["p01.jpg", "IMG_4530.JPG", "img_4530.jpg", "ภาพหมู่.jpg", "p05.JPG"]
    wanted = ["", "p01.jpg", "IMG_4530.JPG", "img_4530.jpg", "Img_4530.Jpg", "P05.jpg", " p05.JPG ",
              "ภาพหมู่.jpg", "p09.jpg", "p01"]
    found = page.evaluate(
        """([names, wanted]) => wanted.map(cover => window.ZeroCorruptionEditor.gallery.coverOf(
             cover, names.map(file => ({ file, caption: '' }))))""",
        [names, wanted])
    assert found == [names[cover_index(cover, names) or 0] for cover in wanted]
    assert page.evaluate("() => window.ZeroCorruptionEditor.gallery.coverOf('p01.jpg', [])") == ""


def test_a_pin_set_moved_or_taken_off_is_shown_to_the_supervisor(editor, editor_page):
    """ข่าวเด่นจนถึง is not on the release's page: the preview says until when the release leads
    the home page, and the review names ข่าวเด่น when the writer set, moved or emptied it."""
    page = editor_page
    preview, note = open_release_unedited(page, editor)
    expect(preview.locator(".zc-preview-featured")).to_have_count(0)
    page.get_by_label("ข่าวเด่นจนถึง").fill("2599-01-31")
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: ข่าวเด่น (มีแถบสีด้านซ้าย)")
    featured = preview.locator(".zc-preview-featured")
    expect(featured).to_contain_text("ข่าวนี้จะอยู่ในข่าวเด่นบนหน้าแรกตั้งแต่เผยแพร่จนถึงวัน")
    expect(featured).to_contain_text("31 มกราคม พ.ศ. 2599 เวลา 23.59 น.")
    expect(featured).to_have_class(re.compile(r"\bzc-changed\b"))

    pinned = ROOT / "content" / "news" / "migrant-notice-four-languages-2569.md"
    open_content_file(page, editor, "news", pinned)
    expect(note).to_have_text(SAME)
    expect(preview.locator(".zc-preview-featured")).to_contain_text("2570")
    page.get_by_label("ข่าวเด่นจนถึง").fill("2570-02-28")
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: ข่าวเด่น (มีแถบสีด้านซ้าย)")
    page.get_by_label("ข่าวเด่นจนถึง").fill("")
    expect(note).to_have_text("แก้ไขจากที่เผยแพร่อยู่: ข่าวเด่น (มีแถบสีด้านซ้าย)")
    expect(preview.locator(".zc-preview-featured")).to_have_count(0)
    page.get_by_label("ข่าวเด่นจนถึง").fill("2570-03-31")
    expect(note).to_have_text(SAME)
    assert page.recorder.problems() == []
