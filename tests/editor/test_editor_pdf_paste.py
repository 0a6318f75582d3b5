"""Text copied from a PDF is pasted as paragraphs, not as one paragraph per line of the page.

Chrome's and Firefox's PDF viewers copy plain text with a line break at the end of every line of
the page, mostly inside a sentence: Decap made each line a paragraph of the release
(ตรวจติดตามการ | ดำเนินงาน). js/paste.js `unwrappedText` joins the lines of text that looks wrapped
(Thai letters run on with no space; anything else gets one) and leaves other text as it is.

- A real paste (Ctrl+V, plain text only) of a PDF's lines: the release holds two paragraphs, and
  the author is told the lines were joined.
- Property over every paragraph of the sample content that fills three lines or more: wrapped at
  55, 70, 85 and 100 letters (a page's line; narrower columns are not recognised) where the browser sees a word boundary (a space at the break is lost, as a PDF viewer
  loses it), pasted back it is the paragraph (less only the spaces a break took between two Thai
  letters: nothing tells them apart from a break inside a phrase).
- Text that is not wrapped is pasted as it is: a list of names, one paragraph a line, a short note.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import capture_saves, choose_category, content_sources, log_in, new_release
from tests.editor.test_editor_bad_inputs import paste_into_a_new_release, saved_body

pytestmark = pytest.mark.browser

PDF_LINES = ("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ได้ลงพื้นที่ตรวจติดตามการ\n"
             "ดำเนินงานของสำนักงานจัดหางานจังหวัดตาก เมื่อวันที่ 12 พฤศจิกายน\n"
             "2569 โดยพบว่าการให้บริการเป็นไปตามมาตรฐาน\n"
             "ทั้งนี้ ผู้อำนวยการศูนย์ฯ ได้มอบแนวทางการป้องกันการเรียกรับเงินจากแรงงานต่าง\n"
             "ด้าวแก่เจ้าหน้าที่ทุกคน และจะติดตามผลอีกครั้งในเดือนมกราคม 2570 ร่วมกับศูนย์ฯ\n"
             "จังหวัดใกล้เคียง\n")
# PDF_LINES pasted: its two paragraphs.
PDF_PARAGRAPHS = [
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ได้ลงพื้นที่ตรวจติดตามการดำเนินงานของสำนักงานจัดหางาน"
    "จังหวัดตาก เมื่อวันที่ 12 พฤศจิกายน 2569 โดยพบว่าการให้บริการเป็นไปตามมาตรฐาน",
    "ทั้งนี้ ผู้อำนวยการศูนย์ฯ ได้มอบแนวทางการป้องกันการเรียกรับเงินจากแรงงานต่างด้าวแก่เจ้าหน้าที่ทุกคน "
    "และจะติดตามผลอีกครั้งในเดือนมกราคม 2570 ร่วมกับศูนย์ฯ จังหวัดใกล้เคียง",
]

WRAP = """([paragraphs, columns]) => {
  const { paste, boardText } = window.ZeroCorruptionEditor;
  const runOn = /[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]/;
  const width = text => text.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, '').length;
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const out = [];
  for (const markdown of paragraphs) {
    const text = boardText(markdown);
    const tokens = Array.from(segmenter.segment(text));
    // Where a page's line may end, as a line breaker puts it: after a space, or between two Thai
    // words (never inside an abbreviation, a number, an address or before punctuation).
    const breakBefore = i => i > 0 && tokens[i].segment.trim() && (!tokens[i - 1].segment.trim()
      || (tokens[i - 1].isWordLike && tokens[i].isWordLike && runOn.test(tokens[i - 1].segment.slice(-1))
          && runOn.test(tokens[i].segment[0])));
    const lines = [];
    let line = '';
    let expected = '';
    tokens.forEach(({ segment }, i) => {
      if (line.trim() && width(line + segment) > columns && breakBefore(i)) {
        const kept = line.trimEnd();
        lines.push(kept);
        if (kept !== line && runOn.test(kept.slice(-1)) && runOn.test(segment[0])) expected = expected.trimEnd();
        line = '';
      }
      line += segment;
      expected += segment;
    });
    lines.push(line.trimEnd());
    if (lines.length < 3) continue;
    const pasted = paste.unwrappedText(lines.join('\\n'));
    out.push([text, lines.join('\\n'), expected.trim(), pasted && pasted.replace(/\\\\([\\\\`*_[\\]])/g, '$1')]);
  }
  return out;
}"""


def paragraphs() -> list[str]:
    """The sample content's paragraphs (not headings, lists, tables, quotes or pictures), each on one line."""
    return [block.replace("\n", " ") for _path, _header, body in content_sources() for block in body.split("\n\n")
            if block.strip() and not block.lstrip().startswith(("#", "|", "-", "*", ">", "!", "```", "<"))
            and not re.match(r"\s*\d+[.)]\s", block)]


def test_a_pdfs_lines_are_pasted_as_paragraphs(editor, editor_page):
    page = editor_page
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    page.evaluate("(text) => navigator.clipboard.writeText(text)", PDF_LINES)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+V")
    expect(page.get_by_text("ระบบต่อบรรทัดเป็น 2 ย่อหน้าแล้ว")).to_be_visible()
    expect(page.frame_locator("iframe").first.locator(".prose p")).to_have_count(2)
    body = saved_body(page, saved)
    assert body.strip().split("\n\n") == PDF_PARAGRAPHS, body
    assert page.recorder.problems() == []


def test_every_paragraph_wrapped_as_a_pdf_wraps_it_is_pasted_back_whole(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    checked = 0
    for columns in (55, 70, 85, 100):
        results = page.evaluate(WRAP, [paragraphs(), columns])
        checked += len(results)
        wrong = [(wrapped, expected, pasted) for _text, wrapped, expected, pasted in results if pasted != expected]
        assert wrong == [], (columns, wrong)
    print("paragraph wrappings checked:", checked)
    assert checked >= 100


def test_a_pdfs_numbered_items_stay_apart(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    lines = ("ที่ประชุมคณะทำงานป้องกันการทุจริตของกระทรวงแรงงานมีมติให้ดำเนินการดังนี้\n"
             "1. ให้สำนักงานจัดหางานทุกจังหวัดรายงานเรื่องร้องเรียนต่อศูนย์ฯ ภายในวันที่ 5\n"
             "2. ให้ศูนย์ฯ สรุปผลการตรวจสอบเสนอปลัดกระทรวงแรงงานทุกไตรมาสและเผยแพร่ผล\n"
             "บนเว็บไซต์ของกระทรวง\n"
             "• ประชาชนแจ้งเบาะแสได้ที่สายด่วน 1546 หรือเว็บไซต์ของศูนย์ฯ ตลอด 24 ชั่วโมง\n")
    pasted = page.evaluate("(text) => window.ZeroCorruptionEditor.paste.unwrappedText(text)", lines)
    assert pasted.split("\n\n") == [
        "ที่ประชุมคณะทำงานป้องกันการทุจริตของกระทรวงแรงงานมีมติให้ดำเนินการดังนี้",
        "1\\. ให้สำนักงานจัดหางานทุกจังหวัดรายงานเรื่องร้องเรียนต่อศูนย์ฯ ภายในวันที่ 5",
        "2\\. ให้ศูนย์ฯ สรุปผลการตรวจสอบเสนอปลัดกระทรวงแรงงานทุกไตรมาสและเผยแพร่ผลบนเว็บไซต์ของกระทรวง",
        "• ประชาชนแจ้งเบาะแสได้ที่สายด่วน 1546 หรือเว็บไซต์ของศูนย์ฯ ตลอด 24 ชั่วโมง",
    ], pasted


def test_the_page_numbers_of_a_two_page_letter_are_left_out(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    lines = ("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ขอความร่วมมือหน่วยงานในสังกัดตรวจ\n"
             "สอบขั้นตอนการรับเรื่องร้องเรียนของหน่วยงานให้เป็นไปตามแนวทางที่กำหนด\n"
             "- ๒ -\n"
             "และรายงานผลให้ศูนย์ฯ ทราบภายในวันที่ ๓๐ ธันวาคม ๒๕๖๙ เพื่อรวบรวมเสนอผู้บริหาร\n"
             "ต่อไป\n"
             "หน้า 3/3\n")
    pasted = page.evaluate("(text) => window.ZeroCorruptionEditor.paste.unwrappedText(text)", lines)
    assert pasted == ("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ขอความร่วมมือหน่วยงานในสังกัดตรวจสอบขั้นตอนการรับ"
                      "เรื่องร้องเรียนของหน่วยงานให้เป็นไปตามแนวทางที่กำหนดและรายงานผลให้ศูนย์ฯ ทราบภายในวันที่ ๓๐ "
                      "ธันวาคม ๒๕๖๙ เพื่อรวบรวมเสนอผู้บริหารต่อไป"), pasted


@pytest.mark.parametrize("text", [
    "นายสมชาย ใจดี\nนางสาวพรทิพย์ แก้วมณี\nนายวีระพงษ์ สุขประเสริฐ\nว่าที่ร้อยตรีหญิงกนกวรรณ ศรีสวัสดิ์",
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน จัดประชุมคณะทำงานป้องกันการทุจริตประจำปี 2569 ครั้งที่ 3 "
    "ณ ห้องประชุมกระทรวงแรงงาน ชั้น 4 เพื่อติดตามผลการดำเนินงานตามแผนปฏิบัติการ\n"
    "ที่ประชุมมีมติให้ทุกหน่วยงานรายงานผลการตรวจสอบภายในทุกไตรมาส และเผยแพร่ผลบนเว็บไซต์ของหน่วยงาน "
    "ภายใน 30 วันหลังสิ้นไตรมาส โดยให้ศูนย์ฯ เป็นผู้รวบรวมและสรุปผลเสนอปลัดกระทรวงแรงงาน",
    "สายด่วน 1546\nอีเมล complaint@example.org",
])
def test_text_that_is_not_wrapped_is_pasted_as_it_is(editor, editor_page, text):
    page = editor_page
    log_in(page, editor)
    assert page.evaluate("(text) => window.ZeroCorruptionEditor.paste.unwrappedText(text)", text) is None


# The lines of PDF_LINES as a PDF made with a Windows Thai font gives them when its font has no
# map back to the letters (glyph variants of the marks), some of its marks after a space.
def pdf_font_lines(text: str, system: str = "windows") -> str:
    import random

    from tests.thai_text.pdf_text import loose_marks, pdf_glyphs

    copied, changed = pdf_glyphs(text, system)
    copied, _moved = loose_marks(copied, random.Random(11), 0.15)
    assert changed, text
    return copied


def test_a_pdfs_glyph_variants_and_loose_marks_are_fixed_as_they_are_pasted(editor, editor_page):
    """A real paste of PDF lines in a font's glyph variants: the release holds the letters as
    typed, the two paragraphs of the clean paste, no typing error is left to fix, and the author
    is told what was fixed."""
    page = editor_page
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    page.evaluate("(text) => navigator.clipboard.writeText(text)", pdf_font_lines(PDF_LINES))
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+V")
    note = page.locator(".zc-note", has_text="แก้ตัวอักษรที่ผิดในข้อความที่วางแล้ว")
    expect(note).to_be_visible()
    assert "อักษรไทยรูปพิเศษจากแบบอักษรใน PDF" in note.inner_text() and "ลอยหลังเว้นวรรค" in note.inner_text()
    expect(page.get_by_text("ระบบต่อบรรทัดเป็น 2 ย่อหน้าแล้ว")).to_be_visible()
    expect(page.frame_locator("iframe").first.locator(".prose p")).to_have_count(2)  # the paste is in
    expect(page.get_by_text("พิมพ์ผิด")).to_have_count(0)
    body = saved_body(page, saved)
    assert body.strip().split("\n\n") == PDF_PARAGRAPHS, body
    assert page.recorder.problems() == []


def new_release_page(context, editor, title: str):
    """A page of its own (the editor logged in already) with a new release of `title` in ประกาศ."""
    page = context.new_page()
    page.goto(f"{editor.url}/admin/#/collections/news/new")
    page.get_by_label("ชื่อข่าว").fill(title)
    choose_category(page, "ประกาศ")
    return page


NAMES = "นายปิ่นเพชร ฟุ้งเฟื่อง\nนางสาวกตัญญู ป้อมปราการ\nว่าที่ร้อยตรีหญิงฐิติพร ปู่ทองคำ"


@pytest.mark.parametrize("system", ["windows", "mac"])
def test_text_from_a_pdfs_font_that_is_not_wrapped_is_pasted_as_the_text_typed_in(editor, editor_page, system):
    """Lines that are not a page's lines (a list of names), copied from a PDF of either system:
    pasted, the release holds exactly what a paste of the names as typed gives, so a writer sees
    no difference between the two; and a copied phrase pasted into a paragraph goes in at the
    cursor as typed, the cursor after it."""
    log_in(editor_page, editor)
    editor_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    results = []
    for number, text in enumerate((NAMES, pdf_font_lines(NAMES, system)), start=1):
        page = new_release_page(editor_page.context, editor, f"รายชื่อผู้ได้รับรางวัล ชุดที่ {number}")
        saved = capture_saves(page, editor)
        page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
        page.locator("[data-slate-editor]").first.click()
        page.keyboard.press("Control+V")
        expect(page.locator("[data-slate-editor]").first).to_contain_text("ปู่ทองคำ")
        expect(page.locator(".zc-note", has_text="แก้ตัวอักษร")).to_have_count(number - 1)  # told only of the fixes
        results.append(saved_body(page, saved))
        expect(page.get_by_text("พิมพ์ผิด")).to_have_count(0)
        page.close()
    assert results[1] == results[0] and "นางสาวกตัญญู ป้อมปราการ" in results[0], results

    page = new_release_page(editor_page.context, editor, "ขอบคุณผู้ให้ความร่วมมือ")
    saved = capture_saves(page, editor)
    body = page.locator("[data-slate-editor]").first
    body.click()
    page.keyboard.type("ขอบคุณ")
    page.evaluate("(text) => navigator.clipboard.writeText(text)", pdf_font_lines("นายปิ่นเพชร ฟุ้งเฟื่อง ผู้ตรวจแรงงาน", system))
    page.keyboard.press("Control+V")
    expect(page.locator(".zc-note", has_text="แก้ตัวอักษรที่ผิดในข้อความที่วางแล้ว")).to_be_visible()
    page.keyboard.type(" ที่ให้ความร่วมมือ")  # the cursor is after what was pasted
    assert saved_body(page, saved).strip() == "ขอบคุณนายปิ่นเพชร ฟุ้งเฟื่อง ผู้ตรวจแรงงาน ที่ให้ความร่วมมือ"


def test_a_pages_html_with_glyph_variants_is_fixed_as_it_is_pasted(editor, editor_page):
    """HTML copied from a web page or a converter that kept the glyph variants: fixed too."""
    page = editor_page
    words = "ผู้ว่าราชการจังหวัดปทุมธานี ร่วมเปิดป้ายศูนย์รับแจ้งเบาะแส"
    copied = pdf_font_lines(words, "mac")
    saved = paste_into_a_new_release(page, editor, f"<p><b>{copied}</b></p>", copied)
    expect(page.locator(".zc-note", has_text="แก้ตัวอักษรที่ผิดในข้อความที่วางแล้ว")).to_be_visible()
    # The note comes as the paste is read; the writer saves once the text is in the editor (Markdown
    # is put in a moment later: saving before that saves an empty body and is refused).
    expect(page.locator("[data-slate-editor] strong").first).to_have_text(words)
    body = saved_body(page, saved)
    assert body.strip() == f"**{words}**", body


def test_a_title_and_a_summary_copied_from_a_pdf_are_fixed_as_they_are_pasted(editor, editor_page):
    """The subject line of a letter pasted as the title, and a sentence as the summary: the
    fields hold the letters as typed, the file too, and the author is told."""
    page = editor_page
    new_release(page, editor, title="", category="ประกาศ")
    saved = capture_saves(page, editor)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    title = "ขอความร่วมมือป้องกันการเรียกรับเงินจากแรงงานต่างด้าว"
    summary = "ผู้ว่าราชการจังหวัดปทุมธานีย้ำว่าลูกจ้างไม่ต้องจ่ายเงินให้ผู้ใด"
    for label, text in (("ชื่อข่าว", title), ("ข้อความย่อ", summary)):
        page.evaluate("(text) => navigator.clipboard.writeText(text)", pdf_font_lines(text, "mac"))
        page.get_by_label(label).click()
        page.keyboard.press("Control+V")
        expect(page.get_by_label(label)).to_have_value(text)
    expect(page.locator(".zc-note", has_text="แก้ตัวอักษรที่ผิดในข้อความที่วางแล้ว")).to_have_count(2)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("ศูนย์ฯ ขอความร่วมมือทุกหน่วยงาน")
    saved_body(page, saved)
    text = next(iter(saved.values()))
    assert f"Title: {title}\n" in text and f"Summary: {summary}\n" in text, text


def test_a_caption_and_a_documents_title_copied_from_a_pdf_are_fixed_as_they_are_pasted(editor, editor_page, tmp_path):
    """A photo's caption and an attached document's title pasted from a PDF: the fields hold the
    letters as typed, the saved release too, and the author is told under each list."""
    from tests.editor.photos import phone_photo

    page = editor_page
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    page.locator(".zc-photos input[type=file]").set_input_files(str(phone_photo(tmp_path / "IMG_0001.JPG", size=(800, 600))))
    (tmp_path / "ประกาศ.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    page.locator(".zc-attachments input[type=file]").set_input_files(str(tmp_path / "ประกาศ.pdf"))
    caption = "ผู้ตรวจแรงงานชี้แจงสิทธิของลูกจ้างที่บ้านห้วยตองก๊อ"
    title = "ประกาศศูนย์ฯ เรื่องช่องทางแจ้งเบาะแสการเรียกรับเงิน"
    for label, text, where in (("คำบรรยายภาพที่ 1", caption, ".zc-photos"),
                               ("ชื่อเอกสารที่ 1 (ข้อความของลิงก์ที่ผู้อ่านเห็น)", title, ".zc-attachments")):
        page.evaluate("(text) => navigator.clipboard.writeText(text)", pdf_font_lines(text, "windows"))
        field = page.get_by_label(label)
        field.click()
        field.press("Control+A")
        page.keyboard.press("Control+V")
        expect(field).to_have_value(text)
        expect(page.locator(f"{where} .zc-note", has_text="แก้ตัวอักษรที่ผิดในข้อความที่วางแล้ว")).to_be_visible()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("ศูนย์ฯ ลงพื้นที่รับฟังปัญหาของลูกจ้าง")
    saved_body(page, saved)
    text = "\n".join(saved.values())
    assert caption in text and title in text, text
