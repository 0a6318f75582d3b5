"""What is pasted into a body goes where the author's cursor is, and nothing of it is lost.

Text copied from Word or a web page went after the whole body wherever the cursor was, so an
author who pasted a quote into the third paragraph found it at the end. Now a sentence goes into
the line at the cursor (typed in by the editor itself: the cursor stays after it and undo takes
it out); paragraphs, lists and tables split the paragraph at the cursor, or go before the block
the cursor starts, or after the list, table or heading it is in. Pictures in pasted text, and a
picture pasted on its own, are not pasted, and the author is told where photos go. A pasted
paragraph that begins "2569. " keeps its number without a backslash showing.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import ROOT, capture_saves, changed_lines, log_in, new_release, open_captured, put_on_clipboard, wait_for_save

pytestmark = pytest.mark.browser

MARK = "\ue000\ue001\ue000"
RELEASE = ROOT / "content" / "news" / "integrity-training-2566.md"
BLOCKS = "ย่อหน้าที่วางหนึ่ง\n\nย่อหน้าที่วางสอง"
PLACES = [
    # (what, the body with the mark where the cursor is, what is pasted, the body after)
    ("no mark: after the body", "ก\n\nข\n", "ค", "ก\n\nข\n\nค"),
    ("a sentence goes into the line", "ศูนย์ฯ ลงพื้นที่" + MARK + " จังหวัดน่าน\nบรรทัดสอง", "ในวันนี้",
     "ศูนย์ฯ ลงพื้นที่ในวันนี้ จังหวัดน่าน\nบรรทัดสอง"),
    ("a sentence with a bar into a table cell", "| ก | ข |\n|---|---|\n| ค" + MARK + " | ง |", "หนึ่ง | สอง",
     "| ก | ข |\n|---|---|\n| คหนึ่ง \uff5c สอง | ง |"),
    ("blocks split the paragraph at the cursor", "ย่อหน้าแรก\n\nครึ่งแรก" + MARK + "ครึ่งหลัง\nบรรทัดต่อ\n\nท้าย", BLOCKS,
     "ย่อหน้าแรก\n\nครึ่งแรก\n\n" + BLOCKS + "\n\nครึ่งหลัง\nบรรทัดต่อ\n\nท้าย"),
    ("blocks at the end of a line of a paragraph", "บรรทัดหนึ่ง" + MARK + "\nบรรทัดสอง", BLOCKS,
     "บรรทัดหนึ่ง\n\n" + BLOCKS + "\n\nบรรทัดสอง"),
    ("blocks at the start of a heading go before it", "ย่อหน้า\n\n## " + MARK + "หัวข้อ\n\nเนื้อหา", BLOCKS,
     "ย่อหน้า\n\n" + BLOCKS + "\n\n## หัวข้อ\n\nเนื้อหา"),
    ("blocks at the start of a paragraph go before it", "ก\n\n" + MARK + "ข\nค", BLOCKS, "ก\n\n" + BLOCKS + "\n\nข\nค"),
    ("blocks at the start of a list go before it", "- " + MARK + "ข้อหนึ่ง\n- ข้อสอง", BLOCKS,
     BLOCKS + "\n\n- ข้อหนึ่ง\n- ข้อสอง"),
    ("blocks in a heading go after it", "## หัว" + MARK + "ข้อ\n\nเนื้อหา", BLOCKS,
     "## หัวข้อ\n\n" + BLOCKS + "\n\nเนื้อหา"),
    ("blocks in a list go after the list", "รายการ\n\n- ข้อหนึ่ง" + MARK + "\n- ข้อสอง\n\nท้าย", BLOCKS,
     "รายการ\n\n- ข้อหนึ่ง\n- ข้อสอง\n\n" + BLOCKS + "\n\nท้าย"),
    ("a list in the last table row goes after the table", "| ก |\n|---|\n| ข" + MARK + " |", "- หนึ่ง\n- สอง",
     "| ก |\n|---|\n| ข |\n\n- หนึ่ง\n- สอง"),
    ("blocks in an empty body", MARK, BLOCKS, BLOCKS),
    ("blocks at the end of the body", "ท้ายข่าว" + MARK, BLOCKS, "ท้ายข่าว\n\n" + BLOCKS),
]


def test_where_pasted_markdown_goes(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    got = page.evaluate(
        "([cases, mark]) => cases.map(([, body, pasted]) => window.ZeroCorruptionEditor.paste.placePasted(body, mark, pasted))",
        [[list(case) for case in PLACES], MARK],
    )
    assert [(what, g) for (what, *_), g in zip(PLACES, got)] == [(what, want) for what, *_, want in PLACES]


def cursor_at_start_of(page, text: str) -> None:
    """Put the cursor at the start of the body's block that begins with `text` by a click on the
    left edge of its first letter, as a person does (headless Chromium's Home key is not
    reliable in Thai lines, and a selection set from script may reach Slate after the paste on a
    slow machine), then wait as a person would before pasting."""
    block = page.locator("[data-slate-editor] > *").filter(has_text=text).first
    block.scroll_into_view_if_needed()
    box = block.evaluate("""element => {
        const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        const {left, top, height} = range.getBoundingClientRect();
        return {x: left + 1, y: top + height / 2};
    }""")
    page.mouse.click(box["x"], box["y"])
    at_start = block.evaluate("""element => {
        const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
        const selection = document.getSelection();
        return selection.isCollapsed && selection.anchorNode === text && selection.anchorOffset === 0;
    }""")
    assert at_start, f"the click did not put the cursor before the first letter of {text!r}"
    page.wait_for_timeout(400)


WORD_PARAGRAPHS = """<html><body><!--StartFragment-->
<p class=MsoNormal><span lang=TH>ผู้เข้าอบรมร้อยละ 96 เห็นว่าควรจัดอบรมให้ครบทุกจังหวัด<o:p></o:p></span></p>
<p class=MsoNormal><b><span lang=TH>หมายเหตุ</span></b><span lang=TH> ข้อมูลจากแบบประเมินหลังการอบรม<o:p></o:p></span></p>
<!--EndFragment--></body></html>"""


def test_paragraphs_from_word_go_where_the_cursor_is(editor, editor_page):
    page = editor_page
    saved, rel, original = open_captured(page, editor, RELEASE)
    put_on_clipboard(page, editor, WORD_PARAGRAPHS, "ผู้เข้าอบรมร้อยละ 96")
    cursor_at_start_of(page, "เนื้อหาของหลักสูตร")
    page.keyboard.press("Control+V")
    # The cursor is after what was pasted: the author goes on typing there.
    expect(page.locator("[data-slate-editor]").first).to_contain_text("ข้อมูลจากแบบประเมินหลังการอบรม")
    page.wait_for_timeout(300)
    page.keyboard.type(" ปี 2566")
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel)
    removed, added = changed_lines(original, saved[rel])
    pasted = ["ผู้เข้าอบรมร้อยละ 96 เห็นว่าควรจัดอบรมให้ครบทุกจังหวัด", "",
              "**หมายเหตุ** ข้อมูลจากแบบประเมินหลังการอบรม ปี 2566", ""]
    assert removed == [] and sorted(added) == sorted(pasted), (removed, added)
    lines = saved[rel].split("\n")
    heading = lines.index("## เนื้อหาของหลักสูตร")
    assert lines[heading - 5:heading] == ["", *pasted], lines[heading - 6:heading + 1]
    assert page.recorder.problems() == []


def test_a_sentence_goes_into_the_line_and_undo_takes_it_out(editor, editor_page):
    page = editor_page
    saved, rel, original = open_captured(page, editor, RELEASE)
    body = page.locator("[data-slate-editor]").first
    put_on_clipboard(page, editor, "<p class=MsoNormal>ตามที่แจ้งไว้แล้ว </p>", "ตามที่แจ้งไว้แล้ว ")
    cursor_at_start_of(page, "ศูนย์ฯ ให้ผู้เข้าอบรมทำแบบทดสอบ")
    page.keyboard.press("Control+V")
    expect(body).to_contain_text("ตามที่แจ้งไว้แล้วศูนย์ฯ ให้ผู้เข้าอบรม")
    page.keyboard.press("Control+Z")
    expect(body).not_to_contain_text("ตามที่แจ้งไว้แล้วศูนย์ฯ")
    page.keyboard.press("Control+V")
    expect(body).to_contain_text("ตามที่แจ้งไว้แล้วศูนย์ฯ ให้ผู้เข้าอบรม")
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel)
    removed, added = changed_lines(original, saved[rel])
    assert len(removed) == len(added) == 1 and added[0] == "ตามที่แจ้งไว้แล้ว" + removed[0], (removed, added)
    assert page.recorder.problems() == []


PASTE_AT_ONCE = """(body, [text, html]) => {
    body.focus();
    const first = document.createTreeWalker(body, NodeFilter.SHOW_TEXT).nextNode();
    document.getSelection().setBaseAndExtent(first, 0, first, 0);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    if (html) data.setData('text/html', html);
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}"""


@pytest.mark.parametrize("html", [None, "<p>นายปิ่นเพชร ฟุ้งเฟื่อง</p><p>นางสาวกตัญญู ป้อมปราการ</p>"], ids=["text", "html"])
def test_a_paste_at_once_after_a_click_into_a_new_body_is_not_lost(editor, editor_page, html):
    """A paste that comes before the page has told the editor where the click put the cursor (in
    the same moment: a fast hand, a busy office PC). Slate then knew no cursor, took the text and
    dropped it: the body stayed empty (a list of names copied from a PDF was lost so in CI). Now
    the text is in the body, and saved."""
    from tests.editor.test_editor_bad_inputs import saved_body

    page = editor_page
    new_release(page, editor, "รายชื่อผู้ได้รับรางวัล", category="ประกาศ")
    saved = capture_saves(page, editor)
    body = page.locator("[data-slate-editor]").first
    body.evaluate(PASTE_AT_ONCE, ["นายปิ่นเพชร ฟุ้งเฟื่อง\nนางสาวกตัญญู ป้อมปราการ", html])
    expect(body).to_contain_text("ป้อมปราการ")
    assert saved_body(page, saved).strip() == "นายปิ่นเพชร ฟุ้งเฟื่อง\n\nนางสาวกตัญญู ป้อมปราการ"
    assert page.recorder.problems() == []


def test_a_table_pasted_into_a_table_goes_after_it(editor, editor_page):
    page = editor_page
    saved, rel, original = open_captured(page, editor, RELEASE)
    put_on_clipboard(page, editor, "<table><tr><td>ภาค</td><td>ผู้เข้าอบรม</td></tr><tr><td>เหนือ</td><td>41</td></tr></table>", "ภาค")
    page.locator("[data-slate-editor] td").filter(has_text="ผลประโยชน์ทับซ้อน").first.click()
    page.wait_for_timeout(300)
    page.keyboard.press("Control+V")
    expect(page.locator("[data-slate-editor] table")).to_have_count(2)
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved, rel)
    removed, added = changed_lines(original, saved[rel])
    assert removed == [], removed
    lines = saved[rel].split("\n")
    start = lines.index(next(l for l in lines if l.startswith("| ภาค")))
    assert lines[start - 1] == "" and lines[start - 2].startswith("| ") and lines[start + 3] == "", lines[start - 3:start + 4]
    table = [l for l in original.split("\n") if l.startswith("|")]
    assert lines[start - 1 - len(table):start - 1] == table
    assert page.recorder.problems() == []


def paste_an_image(page, body) -> None:
    """Copy a small PNG (as from a screenshot tool) and paste it into `body`."""
    page.evaluate("""async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 40; canvas.height = 30;
      const png = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    }""")
    body.click()
    page.keyboard.press("Control+V")


def test_pictures_are_not_pasted_and_the_author_is_told(editor, editor_page):
    page = editor_page
    new_release(page, editor)
    note = page.locator(".zc-checked .zc-note")
    body = page.locator("[data-slate-editor]").first
    put_on_clipboard(page, editor, """<p class=MsoNormal>ภาพประกอบการประชุม</p>
        <p class=MsoNormal><img width=602 height=339 src="file:///C:/Users/PR/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"></p>
        <p class=MsoNormal><img src="file:///C:/Users/PR/AppData/Local/Temp/msohtmlclip1/01/clip_image004.jpg"></p>""", "ภาพประกอบการประชุม")
    body.click()
    page.keyboard.press("Control+V")
    expect(note).to_have_text("ภาพ 2 ภาพในข้อความที่วางไม่ได้นำมาด้วย เพราะเนื้อข่าวมีได้เฉพาะข้อความ ให้เพิ่มภาพในช่อง ภาพกิจกรรม")
    expect(body).to_contain_text("ภาพประกอบการประชุม")
    paste_an_image(page, body)
    expect(note).to_have_text("วางภาพในเนื้อข่าวไม่ได้ ให้เพิ่มภาพในช่อง ภาพกิจกรรม")
    assert body.locator("img").count() == 0
    # The next paste of text only takes the note away.
    put_on_clipboard(page, editor, "<p>ย่อหน้าต่อไป</p>", "ย่อหน้าต่อไป")
    body.click()
    page.keyboard.press("Control+V")
    expect(note).to_have_count(0)
    assert page.recorder.problems() == []


def test_a_page_names_its_own_field_when_a_picture_is_pasted(editor, editor_page):
    """A page has no photos field and its body is called เนื้อหา: the note says so, in its words."""
    page = editor_page
    _saved, _path, _original = open_captured(page, editor, ROOT / "content" / "pages" / "about.md", "pages")
    note = page.locator(".zc-checked .zc-note")
    body = page.locator("[data-slate-editor]").first
    put_on_clipboard(page, editor, '<p>ผังองค์กร</p><p><img src="file:///C:/Temp/clip_image002.png"></p>', "ผังองค์กร")
    body.click()
    page.keyboard.press("Control+V")
    expect(note).to_have_text("ภาพ 1 ภาพในข้อความที่วางไม่ได้นำมาด้วย เพราะเนื้อหามีได้เฉพาะข้อความ")
    paste_an_image(page, body)
    expect(note).to_have_text("วางภาพในเนื้อหาไม่ได้ เพราะเนื้อหามีได้เฉพาะข้อความ")
    assert body.locator("img").count() == 0
    assert page.recorder.problems() == []


def test_a_paragraph_that_begins_with_a_number_keeps_it(editor, editor_page):
    page = editor_page
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    put_on_clipboard(page, editor, "<p>สรุปผล</p><p>2569. ปีแห่งความโปร่งใส</p><p>- ไม่ใช่รายการ</p>", "สรุปผล")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+V")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".prose p").nth(1)).to_have_text("2569. ปีแห่งความโปร่งใส")
    expect(preview.locator(".prose p").nth(2)).to_have_text("- ไม่ใช่รายการ")
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved)
    body = next(iter(saved.values())).split("\n\n", 1)[1]
    assert "2569\\. ปีแห่งความโปร่งใส" in body and "\\2569" not in body, body
    assert page.recorder.problems() == []
