"""Bad input in the editor: a clear message in Thai, and nothing half-saved.

A date that does not exist and a missing category stop the save with the reason under the field;
a file that is not an image and an image with more pixels than the site accepts are refused
before anything is added; a 40-MP scan is taken, scaled down, and the author is told. Nothing of
it reaches the repository: no branch, no commit. A date in the future is allowed, and the editor
says the release waits until then. Our own widgets and the preview pass axe-core (WCAG 2.1 AA).
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import axe_violations, capture_saves, log_in, new_release, put_on_clipboard, screenshot_dir, wait_for_save
from tests.editor.photos import scan

pytestmark = pytest.mark.browser

OUR_WIDGETS = [".zc-address", ".zc-date", ".zc-tags", ".zc-photos", ".zc-attachments", ".zc-checked .zc-messages"]


def persisted(page) -> list[dict]:
    return [a for a in page.recorder.api if a.get("action") in ("persistEntry", "persistMedia")]


def test_bad_date_and_missing_category_stop_the_save(editor, editor_page):
    page = editor_page
    before = editor.branches()
    new_release(page, editor)
    page.get_by_label("วันที่").fill("2569-02-30 09:30")
    message = page.locator(".zc-date .zc-error")
    expect(message).to_contain_text("ไม่มีวันที่ 30 กุมภาพันธ์ 2569 ในปฏิทิน")
    expect(message).to_contain_text("มี 28 วัน")
    expect(page.get_by_label("วันที่")).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="บันทึก").first.click()
    expect(page.get_by_text("ยังไม่ได้เลือกหมวด ให้เลือกจาก ข่าวประชาสัมพันธ์")).to_be_visible()
    expect(page.get_by_text("คุณไม่ได้ใส่ข้อมูลในช่องที่จำเป็น")).to_be_visible()
    if screenshot_dir():
        page.screenshot(path=str(screenshot_dir() / "10-date-and-category-errors.png"))
    page.wait_for_timeout(1000)
    assert persisted(page) == [] and editor.branches() == before

    page.get_by_label("วันที่").fill("2569-02-28 09:30")
    expect(message).to_have_count(0)
    page.get_by_role("button", name="บันทึก").first.click()
    page.wait_for_timeout(1000)
    assert persisted(page) == [] and editor.branches() == before  # still no category
    assert page.recorder.problems() == []


def test_files_that_are_not_usable_photos_are_refused(editor, editor_page, tmp_path):
    page = editor_page
    from tests.photo_gallery.gallery_photos import bomb_png

    (tmp_path / "รายงานการประชุม.docx").write_bytes(b"PK\x03\x04" + b"\0" * 200)
    (tmp_path / "renamed.jpg").write_bytes(b"%PDF-1.4 not an image at all")
    bomb = bomb_png(tmp_path / "bomb.png", 12000, 9000)
    new_release(page, editor)
    files = page.locator(".zc-photos input[type=file]")
    files.set_input_files([str(tmp_path / "รายงานการประชุม.docx"), str(tmp_path / "renamed.jpg"), str(bomb)])
    failures = page.locator(".zc-failures li")
    expect(failures).to_have_count(3)
    texts = failures.all_inner_texts()
    assert "รายงานการประชุม.docx: ไม่ใช่ไฟล์ภาพ" in texts[0]
    assert "renamed.jpg: ไม่ใช่ไฟล์ภาพ" in texts[1]
    assert "bomb.png: ภาพใหญ่ 12,000 × 9,000 พิกเซล" in texts[2] and "เกินกว่าที่เว็บไซต์รับได้" in texts[2]
    assert page.locator(".zc-photo").count() == 0
    if screenshot_dir():
        page.locator(".zc-photos").screenshot(path=str(screenshot_dir() / "11-not-a-photo.png"))
    assert persisted(page) == []
    assert page.recorder.problems() == []


def test_a_40_megapixel_scan_is_scaled_down_and_the_author_told(editor, editor_page, tmp_path):
    page = editor_page
    path = scan(tmp_path / "scan-40mp.jpg")
    new_release(page, editor)
    page.locator(".zc-photos input[type=file]").set_input_files(str(path))
    page.get_by_label("คำบรรยายภาพที่ 1").wait_for(timeout=120_000)
    note = page.locator(".zc-photos .zc-note")
    expect(note).to_contain_text("scan-40mp.jpg: ภาพนี้ใหญ่ 40 ล้านพิกเซล ย่อเหลือ 2,560 × 1,922 พิกเซลแล้ว")
    timing = page.evaluate("window.ZeroCorruptionEditor.photoTimings.at(-1)")
    assert timing["original"] == {"width": 7300, "height": 5480}
    # Added to the unsaved release only: nothing reaches the repository until it is saved.
    assert editor.branches() == [] or all("ทดสอบข้อมูล" not in b for b in editor.branches())
    assert page.recorder.problems() == []


def test_a_future_date_holds_the_release_back_and_the_editor_says_so(editor, editor_page):
    page = editor_page
    new_release(page, editor)
    future = dt.datetime.now(ZoneInfo("Asia/Bangkok")) + dt.timedelta(days=30)
    page.get_by_label("วันที่").fill(f"{future.year + 543}-{future:%m-%d} 10:00")
    expect(page.locator(".zc-date .zc-note").last).to_contain_text("ข่าวจะยังไม่ปรากฏบนเว็บไซต์จนถึง")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".zc-preview-held")).to_contain_text("ข่าวนี้ลงวันที่ล่วงหน้า")
    assert page.recorder.problems() == []


def test_a_weekday_that_is_not_its_dates_is_pointed_out_while_typing(editor, editor_page):
    """A release written from last year's keeps the old weekday before the new date: the body
    says so under it while the author types (thai_date's rule "text-date"), and stops saying so
    once the weekday is right."""
    page = editor_page
    new_release(page, editor)
    body = page.locator("[data-slate-editor]").first
    body.click()
    page.keyboard.type("เมื่อวันอังคารที่ 30 พฤศจิกายน 2569 ศูนย์ฯ ลงพื้นที่ตรวจค่ายพักคนงาน")
    messages = page.locator(".zc-checked .zc-messages").filter(has_text="ระบุวันอังคาร")
    expect(messages).to_contain_text("ระบุวันอังคาร แต่วันที่ 30 พฤศจิกายน 2569 คือวันจันทร์")
    page.keyboard.press("Control+A")
    page.keyboard.type("เมื่อวันจันทร์ที่ 30 พฤศจิกายน 2569 ศูนย์ฯ ลงพื้นที่ตรวจค่ายพักคนงาน")
    expect(page.locator(".zc-checked .zc-messages").filter(has_text="ระบุวัน")).to_have_count(0)
    assert page.recorder.problems() == []


def test_a_telephone_number_a_digit_short_is_pointed_out_while_typing(editor, editor_page):
    """A number copied from a letter a digit short: the body says so under it while the author
    types (thai_text's rule "phone"), and stops once the number is whole."""
    page = editor_page
    new_release(page, editor)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("สอบถามเพิ่มเติมได้ที่กลุ่มงานประชาสัมพันธ์ โทร. 0 2232 126")
    messages = page.locator(".zc-checked .zc-messages").filter(has_text="หมายเลขโทรศัพท์")
    expect(messages).to_contain_text('ควรตรวจ: หมายเลขโทรศัพท์ "0 2232 126" มี 8 หลัก แต่หมายเลขโทรศัพท์พื้นฐานมี 9 หลัก')
    page.keyboard.type("2 ในวันและเวลาราชการ")
    expect(messages).to_have_count(0)
    assert page.recorder.problems() == []


def test_our_widgets_and_the_preview_pass_axe(editor, editor_page, tmp_path):
    from tests.editor.photos import phone_photo

    page = editor_page
    new_release(page, editor)
    page.get_by_label("วันที่").fill("2569-02-30 09:30")  # an error message under the field
    tags = page.get_by_label("ป้ายกำกับ (ทางเลือก)")
    tags.fill("ความโปร่งใส")
    tags.press("Enter")
    page.locator(".zc-photos input[type=file]").set_input_files(
        [str(phone_photo(tmp_path / "a.jpg", size=(800, 600))), str(tmp_path / "a.jpg")]
    )
    page.get_by_label("คำบรรยายภาพที่ 2").wait_for()
    page.get_by_label("คำบรรยายภาพที่ 1").fill("ภาพตัวอย่างสำหรับตรวจการเข้าถึง")
    (tmp_path / "ประกาศ.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    (tmp_path / "setup.exe").write_bytes(b"MZ")
    page.locator(".zc-attachments input[type=file]").set_input_files([str(tmp_path / "setup.exe"), str(tmp_path / "ประกาศ.pdf")])
    page.get_by_label("ชื่อเอกสารที่ 1 (ข้อความของลิงก์ที่ผู้อ่านเห็น)").wait_for()  # and a refusal above it
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("เนื้อข่าวที่มีคำพิมพ์ผิด เเละ")
    widgets = axe_violations(page, OUR_WIDGETS)
    assert widgets.violations_count == 0, widgets.generate_report()
    frame = next(f for f in page.frames if f != page.main_frame and f.locator(".article-title").count())
    preview = axe_violations(frame)
    assert preview.violations_count == 0, preview.generate_report()
    assert page.recorder.problems() == []


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><style>p.MsoNormal {font-family: "TH SarabunPSK"; font-size: 16pt}</style></head><body lang=TH>
<!--StartFragment-->
<h2 style='mso-outline-level:2'><span lang=TH style='font-family:"TH SarabunPSK"'>ผลการดำเนินงาน<o:p></o:p></span></h2>
<p class=MsoNormal style='text-indent:36.0pt'><span lang=TH style='font-size:16.0pt;color:#1F3864'>ศูนย์ฯ รับเรื่อง
<b style='mso-bidi-font-weight:normal'>ร้องเรียน 128 เรื่อง</b> ในไตรมาสแรก<o:p></o:p></span></p>
<ul style='margin-top:0cm' type=disc>
<li class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span lang=TH>ดำเนินการแล้วเสร็จ 97 เรื่อง<o:p></o:p></span></li>
<li class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span lang=TH>อยู่ระหว่างตรวจสอบ 31 เรื่อง<o:p></o:p></span></li>
</ul>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>ตรวจสอบข้อเท็จจริง</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>แจ้งผลแก่ผู้ร้อง</p>
<!--EndFragment--></body></html>"""


def paste_into_a_new_release(page, editor, html: str, plain: str) -> dict[str, str]:
    """A new release (category ประกาศ) whose body gets `html` by a real paste: the clipboard holds
    it, then Ctrl+V in the body. Saves are captured, not committed (the returned dict)."""
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    put_on_clipboard(page, editor, html, plain)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+V")
    return saved


def saved_body(page, saved: dict) -> str:
    """Save the release and return the body of the file Decap sent."""
    page.get_by_role("button", name="บันทึก").first.click()
    wait_for_save(page, saved)
    assert saved, f"not saved: {page.recorder.problems()}"
    return next(iter(saved.values())).split("\n\n", 1)[1]


def pasted_markdown(page, html: str) -> str:
    """What the editor's paste makes of `html` (its cleanHtml, then htmlToMarkdown), in the page."""
    return page.evaluate("(html) => { const p = window.ZeroCorruptionEditor.paste; return p.htmlToMarkdown(p.cleanHtml(html)); }",
                         html)


def test_text_pasted_from_word_is_saved_as_clean_markdown(editor, editor_page):
    page = editor_page
    saved = paste_into_a_new_release(page, editor, WORD_HTML, "ผลการดำเนินงาน")
    expect(page.frame_locator("iframe").first.locator(".prose h2")).to_have_text("ผลการดำเนินงาน")
    body = saved_body(page, saved)
    assert "## ผลการดำเนินงาน" in body, body
    assert "**ร้องเรียน 128 เรื่อง**" in body, body
    assert re.search(r"^[-*] ดำเนินการแล้วเสร็จ 97 เรื่อง$", body, re.M), body
    assert re.search(r"^[-*] อยู่ระหว่างตรวจสอบ 31 เรื่อง$", body, re.M), body
    assert re.search(r"^1\. ตรวจสอบข้อเท็จจริง\n2\. แจ้งผลแก่ผู้ร้อง$", body, re.M), body
    for word_html in ("Mso", "mso-", "<span", "style", "o:p", "<!--", "TH SarabunPSK", "<"):
        assert word_html not in body, (word_html, body)
    assert page.recorder.problems() == []


# What Google Docs puts on the clipboard: the whole copy inside <b style="font-weight:normal">,
# bold and italic as spans with font-weight:700 and font-style:italic, list items as paragraphs.
GOOGLE_DOCS_HTML = """<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5d1e2f3a-7fff-4c21-9b0e-2a6c1d9e8f70">\
<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:16pt;font-family:Sarabun,sans-serif;\
color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;\
vertical-align:baseline;white-space:pre-wrap;">ศูนย์ฯ ลงพื้นที่ตรวจ</span><span style="font-size:16pt;font-family:Sarabun,sans-serif;\
color:#000000;background-color:transparent;font-weight:700;font-style:normal;vertical-align:baseline;white-space:pre-wrap;">\
สำนักงานจัดหางาน 5 แห่ง</span><span style="font-size:16pt;font-weight:400;font-style:italic;white-space:pre-wrap;"> ในจังหวัดตาก</span></p>\
<br><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-weight:400;\
white-space:pre-wrap;">ผลการตรวจ</span></h2><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">\
<li dir="ltr" style="list-style-type:disc;font-size:16pt;" aria-level="1"><p dir="ltr" role="presentation" \
style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:16pt;font-weight:400;white-space:pre-wrap;">\
เอกสารครบ 4 แห่ง</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:16pt;" aria-level="1"><p dir="ltr" \
role="presentation" style="line-height:1.38;"><span style="font-size:16pt;font-weight:700;font-style:italic;\
white-space:pre-wrap;">ต้องแก้ไข 1 แห่ง</span></p></li></ul></b>"""


def test_text_pasted_from_google_docs_keeps_its_own_bold_only(editor, editor_page):
    page = editor_page
    saved = paste_into_a_new_release(page, editor, GOOGLE_DOCS_HTML, "ศูนย์ฯ ลงพื้นที่ตรวจ")
    expect(page.frame_locator("iframe").first.locator(".prose h2")).to_have_text("ผลการตรวจ")
    body = saved_body(page, saved)
    lines = [line for line in body.split("\n") if line.strip()]
    # The space before the italic phrase stays: in Thai it parts two phrases.
    assert lines[0] == "ศูนย์ฯ ลงพื้นที่ตรวจ**สำนักงานจัดหางาน 5 แห่ง** _ในจังหวัดตาก_", body
    assert "## ผลการตรวจ" in lines, body
    assert re.search(r"^[-*] เอกสารครบ 4 แห่ง$", body, re.M), body
    assert re.search(r"^[-*] \*\*_ต้องแก้ไข 1 แห่ง_\*\*$", body, re.M), body
    assert body.count("**") == 4, body  # nothing else bold: not the whole copy
    for google in ("docs-internal", "<span", "style", "<"):
        assert google not in body, (google, body)
    assert page.recorder.problems() == []


# What LibreOffice Writer puts on the clipboard: <font> elements, headings with class "western",
# lists of paragraphs, a table with <col> elements.
LIBREOFFICE_HTML = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head>
<meta http-equiv="content-type" content="text/html; charset=utf-8"/><meta name="generator" content="LibreOffice 7.5.9.2 (Linux)"/>
<style type="text/css">p { line-height: 115%; margin-bottom: 0.25cm }h2.western { font-family: "TH SarabunPSK" }</style></head>
<body lang="th-TH" dir="ltr"><h2 class="western"><font face="TH SarabunPSK"><font size="5" style="font-size: 18pt">\
ผลการดำเนินงานไตรมาสที่ 1</font></font></h2>
<p style="margin-bottom: 0cm"><font face="TH SarabunPSK"><font size="4" style="font-size: 16pt">ศูนย์ฯ รับเรื่องร้องเรียน </font></font>\
<font face="TH SarabunPSK"><font size="4" style="font-size: 16pt"><b>214 เรื่อง</b></font></font><font face="TH SarabunPSK">\
<font size="4" style="font-size: 16pt"> ดังนี้</font></font></p>
<ol><li><p style="margin-bottom: 0cm"><font face="TH SarabunPSK">ดำเนินการเสร็จ 180 เรื่อง</font></p></li>
<li><p style="margin-bottom: 0cm"><font face="TH SarabunPSK"><i>อยู่ระหว่างตรวจสอบ</i> 34 เรื่อง</font></p></li></ol>
<table width="100%" cellpadding="4" cellspacing="0"><col width="128*"/><col width="128*"/><tr valign="top">
<td width="50%" style="border: 1px solid #000000"><p><font face="TH SarabunPSK">ประเภท</font></p></td>
<td width="50%" style="border: 1px solid #000000"><p><font face="TH SarabunPSK">จำนวน</font></p></td></tr>
<tr valign="top"><td><p><font face="TH SarabunPSK">เรียกรับเงิน</font></p></td><td><p align="right"><font face="TH SarabunPSK">52</font></p></td></tr>
</table><p style="margin-bottom: 0cm"><br/></p></body></html>"""


def test_text_from_libreoffice_is_written_as_clean_markdown(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    markdown = pasted_markdown(page, LIBREOFFICE_HTML)
    assert [line for line in markdown.split("\n") if line.strip()] == [
        "## ผลการดำเนินงานไตรมาสที่ 1",
        "ศูนย์ฯ รับเรื่องร้องเรียน **214 เรื่อง** ดังนี้",
        "1. ดำเนินการเสร็จ 180 เรื่อง",
        "2. _อยู่ระหว่างตรวจสอบ_ 34 เรื่อง",
        "| ประเภท | จำนวน |",
        "| --- | --- |",
        "| เรียกรับเงิน | 52 |",
    ], markdown


# An official announcement as Word puts it on the clipboard: centred title, clauses indented with
# a tab, and lists numbered the way such documents are, (๑) (๒), ก. ข., ๑. ๒., and 1. 2.
WORD_ANNOUNCEMENT_HTML = """<body lang=TH><!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span lang=TH style='font-size:16.0pt'>เรื่อง มาตรการคุ้มครองผู้แจ้งเบาะแส<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:36.0pt'><span lang=TH>ข้อ ๔<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>ศูนย์ฯ ต้องเก็บรักษาข้อมูลผู้แจ้งเป็นความลับ ดังนี้<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:54.0pt;text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span lang=TH style='mso-list:Ignore'>(๑)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=TH>แยกเก็บข้อมูลไว้ในทะเบียนลับ<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:90.0pt;text-indent:-18.0pt;mso-list:l2 level2 lfo3'><![if !supportLists]><span lang=TH style='mso-list:Ignore'>ก.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=TH>ผู้อำนวยการศูนย์ฯ<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:54.0pt;text-indent:-18.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span lang=TH style='mso-list:Ignore'>(๒)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=TH>ลบชื่อผู้แจ้งก่อนส่งเรื่องตามข้อ ๔ (๑)<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l3 level1 lfo4'><![if !supportLists]><span lang=TH style='mso-list:Ignore'>๑.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span lang=TH>ยื่นด้วยตนเอง<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l3 level1 lfo4'><![if !supportLists]><span lang=TH style='mso-list:Ignore'>๒.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span lang=TH>ทางอีเมล<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l4 level1 lfo5'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span lang=TH>รับเรื่อง<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l4 level1 lfo5'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span lang=TH>แจ้งผล<o:p></o:p></span></p>
<p class=MsoNormal style='margin-left:216.0pt'><span lang=TH>(นายธนภัทร ศักดิ์ศรีวิไลลักษณ์)<o:p></o:p></span></p>
<!--EndFragment--></body>"""


def test_an_announcements_clauses_pasted_from_word_keep_their_numbers_as_written(editor, editor_page):
    """A trial announcement pasted from Word: its lists numbered (๑) (๒), ก. and ๑. ๒. became
    bullets and 1. 2. (Markdown numbers a list in Arabic digits only), and "ตามข้อ ๔ (๑)" then
    pointed at nothing. Such an item is a paragraph that starts with its number as written; a list
    numbered 1. 2. is still a list."""
    import markdown as python_markdown

    from content_guard.writers_markdown import WritersMarkdown

    page = editor_page
    log_in(page, editor)
    markdown = pasted_markdown(page, WORD_ANNOUNCEMENT_HTML)
    assert [line for line in markdown.split("\n") if line.strip()] == [
        "**เรื่อง มาตรการคุ้มครองผู้แจ้งเบาะแส**",
        "ข้อ ๔ ศูนย์ฯ ต้องเก็บรักษาข้อมูลผู้แจ้งเป็นความลับ ดังนี้",
        "(๑) แยกเก็บข้อมูลไว้ในทะเบียนลับ",
        "ก. ผู้อำนวยการศูนย์ฯ",
        "(๒) ลบชื่อผู้แจ้งก่อนส่งเรื่องตามข้อ ๔ (๑)",
        "๑. ยื่นด้วยตนเอง",
        "๒. ทางอีเมล",
        "1. รับเรื่อง",
        "2. แจ้งผล",
        "(นายธนภัทร ศักดิ์ศรีวิไลลักษณ์)",
    ], markdown
    html = python_markdown.markdown(markdown, extensions=[WritersMarkdown()])
    assert "<p>(๒) ลบชื่อผู้แจ้งก่อนส่งเรื่องตามข้อ ๔ (๑)</p>" in html and "<p>๒. ทางอีเมล</p>" in html, html
    assert re.search(r"<ol>\s*<li>รับเรื่อง</li>\s*<li>แจ้งผล</li>\s*</ol>", html), html
    assert page.recorder.problems() == []


# A list inside a list, as Word puts it on the clipboard (each item a paragraph, its level in
# mso-list, its bullet or number as text to ignore) and as Google Docs does (a deeper level is a
# list right inside the list, each item with its aria-level).
WORD_NESTED_HTML = """<body lang=TH><!--StartFragment-->
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>ติดประกาศอัตราค่าใช้จ่าย<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New";mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>ค่าตรวจสุขภาพ<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New";mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>ค่าทำหนังสือเดินทาง<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>ห้ามรับเงินสด<o:p></o:p></p>
<!--EndFragment--></body>"""

GOOGLE_DOCS_NESTED_HTML = """<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">\
<ol style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:decimal;" aria-level="1"><p dir="ltr" role="presentation">\
<span style="font-weight:400;">ติดประกาศอัตราค่าใช้จ่าย</span></p></li><ul style="margin-top:0;margin-bottom:0;">\
<li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation"><span>ค่าตรวจสุขภาพ</span></p></li>\
<li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation"><span>ค่าทำหนังสือเดินทาง</span></p></li></ul>\
<li dir="ltr" style="list-style-type:decimal;" aria-level="1"><p dir="ltr" role="presentation"><span>ห้ามรับเงินสด</span></p></li></ol></b>"""


def test_a_list_inside_a_list_from_word_or_google_docs_stays_inside(editor, editor_page):
    """Its items were run into one list (Word) or lost (Google Docs' inner list)."""
    import markdown as python_markdown

    from content_guard.writers_markdown import WritersMarkdown

    page = editor_page
    # Pasted from Word through Decap's editor to the saved file, and the site's reading of it.
    saved = paste_into_a_new_release(page, editor, WORD_NESTED_HTML, "ติดประกาศอัตราค่าใช้จ่าย")
    # The preview shows the inner list (the paste has reached Decap's entry) before the save.
    expect(page.frame_locator("iframe").first.locator(".prose li li")).to_have_count(2)
    body = saved_body(page, saved)
    html = python_markdown.markdown(body, extensions=[WritersMarkdown()])
    assert re.search(r"<li>ติดประกาศอัตราค่าใช้จ่าย\s*<ul>\s*<li>ค่าตรวจสุขภาพ</li>\s*<li>ค่าทำหนังสือเดินทาง</li>\s*</ul>", html), (body, html)
    assert "<li>ห้ามรับเงินสด</li>" in html, (body, html)
    for html in (WORD_NESTED_HTML, GOOGLE_DOCS_NESTED_HTML):
        markdown = pasted_markdown(page, html)
        assert markdown.split("\n") == [
            "1. ติดประกาศอัตราค่าใช้จ่าย",
            "   - ค่าตรวจสุขภาพ",
            "   - ค่าทำหนังสือเดินทาง",
            "2. ห้ามรับเงินสด",
        ], markdown


WORD_TABLE_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<body lang=TH><!--StartFragment-->
<p class=MsoNormal><span lang=TH>สรุปเรื่องร้องเรียนตามประเภท<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<thead><tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
<td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span lang=TH>ประเภทเรื่อง<o:p></o:p></span></b></p></td>
<td width=150 valign=top><p class=MsoNormal align=center><b><span lang=TH>จำนวน<o:p></o:p></span></b></p></td>
<td width=150 valign=top><p class=MsoNormal align=center><b><span lang=TH>ร้อยละ<o:p></o:p></span></b></p></td>
</tr></thead>
<tr><td valign=top><p class=MsoNormal><span lang=TH>นายหน้าจัดหางานเถื่อน<o:p></o:p></span></p>
<p class=MsoNormal><span lang=TH>และการหลอกลวง | ต่างประเทศ<o:p></o:p></span></p></td>
<td><p class=MsoNormal align=right>71</p></td><td><p class=MsoNormal align=right>33.2</p></td></tr>
<tr><td><p class=MsoNormal>การเรียกรับเงิน</p></td><td><p class=MsoNormal align=right>52</p></td><td><p class=MsoNormal align=right>24.3</p></td></tr>
<tr><td colspan=2><p class=MsoNormal><b>รวม</b> 123 เรื่อง</p></td><td><p class=MsoNormal>57.5</p></td></tr>
</table>
<p class=MsoNormal><span lang=TH>ข้อมูล ณ 31 มีนาคม 2569<o:p></o:p></span></p>
<!--EndFragment--></body></html>"""


def test_a_table_pasted_from_word_stays_a_table(editor, editor_page):
    page = editor_page
    saved = paste_into_a_new_release(page, editor, WORD_TABLE_HTML, "สรุปเรื่องร้องเรียนตามประเภท")
    preview = page.frame_locator("iframe").first
    rows = preview.locator(".prose table tr")
    expect(rows).to_have_count(4)
    cells = [[c.replace("\u200b", "").strip() for c in rows.nth(i).locator("th, td").all_inner_texts()] for i in range(4)]
    assert cells == [
        ["ประเภทเรื่อง", "จำนวน", "ร้อยละ"],
        ["นายหน้าจัดหางานเถื่อน และการหลอกลวง \uff5c ต่างประเทศ", "71", "33.2"],
        ["การเรียกรับเงิน", "52", "24.3"],
        ["รวม 123 เรื่อง", "", "57.5"],
    ], cells
    body = saved_body(page, saved)
    lines = [l for l in body.split("\n") if l.startswith("|")]
    assert len(lines) == 5, body
    assert re.match(r"^\| \*\*ประเภทเรื่อง\*\* +\| \*\*จำนวน\*\* +\| \*\*ร้อยละ\*\* +\|$", lines[0]) or \
        re.match(r"^\| ประเภทเรื่อง +\| จำนวน +\| ร้อยละ +\|$", lines[0]), lines[0]
    assert "และการหลอกลวง \uff5c ต่างประเทศ" in lines[2], lines[2]
    assert body.startswith("สรุปเรื่องร้องเรียนตามประเภท\n\n|") and body.rstrip().endswith("ข้อมูล ณ 31 มีนาคม 2569"), body
    for word_html in ("Mso", "mso-", "<span", "style", "o:p", "<"):
        assert word_html not in body, (word_html, body)
    assert page.recorder.problems() == []


# A list of candidates copied from a spreadsheet, as a PR officer gets it from the personnel
# group: Excel's clipboard HTML (its own head and styles, col widths, cell classes, x:num figures,
# an empty cell as &nbsp;, no <th>) and Google Sheets' (its origin element, a style block in a
# comment, data-sheets-value attributes, a colgroup).
EXCEL_NAMES_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta name=ProgId content=Excel.Sheet><style><!--table {mso-displayed-decimal-separator:"\\.";}
.xl65 {mso-number-format:"\\@";}--></style></head>
<body link="#0563C1" vlink="#954F72"><table border=0 cellpadding=0 cellspacing=0 width=473 style='border-collapse:collapse;width:355pt'>
<col width=64 style='width:48pt'><col width=96 style='mso-width-source:userset;width:72pt'><col width=249><col width=64>
<!--StartFragment-->
<tr height=21 style='height:15.75pt'><td height=21 class=xl65 width=64 style='height:15.75pt;width:48pt'>ลำดับ</td><td class=xl65>เลขประจำตัวผู้สอบ</td><td class=xl65>ชื่อ – สกุล</td><td class=xl65>ห้องสอบ</td></tr>
<tr height=21><td height=21 align=right x:num>1</td><td align=right x:num>69001</td><td>นางสาวกชพร แก้วประเสริฐ</td><td align=right x:num>201</td></tr>
<tr height=21><td height=21 align=right x:num>2</td><td align=right x:num>69002</td><td>นายกฤตภาส ศรีอุทัยวงศ์</td><td align=right x:num>201</td></tr>
<tr height=21><td height=21 align=right x:num>3</td><td align=right x:num>69011</td><td>นายธนกฤต ณ ลำพูน</td><td>&nbsp;</td></tr>
<!--EndFragment-->
</table></body></html>"""

SHEETS_NAMES_HTML = """<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style>
<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1">
<colgroup><col width="100"/><col width="100"/><col width="249"/><col width="100"/></colgroup><tbody>
<tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;" data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;ลำดับ&quot;}">ลำดับ</td><td data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;เลขประจำตัวผู้สอบ&quot;}">เลขประจำตัวผู้สอบ</td><td>ชื่อ – สกุล</td><td>ห้องสอบ</td></tr>
<tr style="height:21px;"><td style="text-align:right;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:1}">1</td><td style="text-align:right;">69001</td><td>นางสาวกชพร แก้วประเสริฐ</td><td style="text-align:right;">201</td></tr>
<tr style="height:21px;"><td style="text-align:right;">2</td><td style="text-align:right;">69002</td><td>นายกฤตภาส ศรีอุทัยวงศ์</td><td style="text-align:right;">201</td></tr>
<tr style="height:21px;"><td style="text-align:right;">3</td><td style="text-align:right;">69011</td><td>นายธนกฤต ณ ลำพูน</td><td></td></tr>
</tbody></table></google-sheets-html-origin>"""


@pytest.mark.parametrize("html", [EXCEL_NAMES_HTML, SHEETS_NAMES_HTML], ids=["excel", "google-sheets"])
def test_a_list_of_names_pasted_from_a_spreadsheet_is_a_table(editor, editor_page, html):
    """Its first row is the heading, its figures, names and empty cell are kept, in the preview and
    in the Markdown saved, and nothing of the spreadsheet's markup is."""
    page = editor_page
    saved = paste_into_a_new_release(page, editor, html, "ลำดับ\tเลขประจำตัวผู้สอบ")
    preview = page.frame_locator("iframe").first
    rows = preview.locator(".prose table tr")
    expect(rows).to_have_count(4)
    cells = [[c.replace("\u200b", "").strip() for c in rows.nth(i).locator("th, td").all_inner_texts()] for i in range(4)]
    assert cells == [
        ["ลำดับ", "เลขประจำตัวผู้สอบ", "ชื่อ – สกุล", "ห้องสอบ"],
        ["1", "69001", "นางสาวกชพร แก้วประเสริฐ", "201"],
        ["2", "69002", "นายกฤตภาส ศรีอุทัยวงศ์", "201"],
        ["3", "69011", "นายธนกฤต ณ ลำพูน", ""],
    ], cells
    body = saved_body(page, saved)
    lines = [line for line in body.split("\n") if line.startswith("|")]
    assert len(lines) == 5 and re.match(r"^\| ลำดับ +\| เลขประจำตัวผู้สอบ +\| ชื่อ – สกุล +\| ห้องสอบ +\|$", lines[0]), body
    assert re.match(r"^\| 3 +\| 69011 +\| นายธนกฤต ณ ลำพูน +\| +\|$", lines[4]), lines[4]
    for markup in ("xl65", "mso-", "style", "sheets", "x:num", "&nbsp;", "<"):
        assert markup not in body, (markup, body)
    assert page.recorder.problems() == []


# A signature block and an address typed with Shift+Enter in Word: one paragraph, its lines
# parted by <br> (Word's page break is a <br> too, with its own style); a blank line typed with
# Shift+Enter twice; a line that reads like a list item after a break; a break in a list item,
# in a heading and in a table cell, and one that ends a paragraph (Google Docs, web pages).
WORD_BREAKS_HTML = """<body lang=TH><!--StartFragment-->
<p class=MsoNormal><span lang=TH>ให้ถือปฏิบัติตั้งแต่บัดนี้เป็นต้นไป<o:p></o:p></span></p>
<p class=MsoNormal align=center style='text-align:center'><span lang=TH>ประกาศ ณ วันที่ 2 ธันวาคม พ.ศ. 2569<br>
(นางสาวอรุณี มีสุข)<br>
<b>รองผู้อำนวยการ<br></b>ศูนย์ปฏิบัติการต่อต้านการทุจริต<o:p></o:p></span></p>
<span lang=TH style='font-size:16.0pt'><br clear=all style='mso-special-character:line-break;page-break-before:always'></span>
<p class=MsoNormal><span lang=TH>ที่อยู่สำหรับส่งเอกสาร<br><br>ชั้น 4 อาคารกระทรวงแรงงาน<br>- ถนนมิตรไมตรี -<br>10400<br></span></p>
<ul><li>สายด่วน 1546<br>กด 5</li></ul>
<h2>ผลการดำเนินงาน<br>ปี 2569</h2>
<table><tr><td>ช่องทาง</td><td>จำนวน</td></tr><tr><td>อีเมล<br>และไปรษณีย์</td><td>12</td></tr></table>
<!--EndFragment--></body>"""


def test_line_breaks_inside_a_paragraph_are_kept(editor, editor_page):
    """A Word <br> was written as a soft line break, which the site reads as a space: a pasted
    signature block or address ran into one line. It is now the hard break Shift+Enter saves."""
    import markdown as python_markdown

    from content_guard.writers_markdown import WritersMarkdown

    page = editor_page
    saved = paste_into_a_new_release(page, editor, WORD_BREAKS_HTML, "ให้ถือปฏิบัติตั้งแต่บัดนี้เป็นต้นไป")
    expect(page.frame_locator("iframe").first.locator(".prose br")).to_have_count(6)
    body = saved_body(page, saved)
    assert body.split("\n") == [
        "ให้ถือปฏิบัติตั้งแต่บัดนี้เป็นต้นไป",
        "",
        "ประกาศ ณ วันที่ 2 ธันวาคม พ.ศ. 2569\\",
        "(นางสาวอรุณี มีสุข)\\",
        "**รองผู้อำนวยการ**\\",
        "ศูนย์ปฏิบัติการต่อต้านการทุจริต",
        "",
        "ที่อยู่สำหรับส่งเอกสาร",
        "",
        "ชั้น 4 อาคารกระทรวงแรงงาน\\",
        "\\- ถนนมิตรไมตรี -\\",
        "10400",
        "",
        "- สายด่วน 1546\\",
        "  กด 5",
        "",
        "## ผลการดำเนินงาน ปี 2569",
        "",
        "| ช่องทาง | จำนวน |",
        "| --- | --- |",
        "| อีเมล และไปรษณีย์ | 12 |",
        "",
    ], body
    html = python_markdown.markdown(body, extensions=[WritersMarkdown()])
    assert "ประกาศ ณ วันที่ 2 ธันวาคม พ.ศ. 2569<br />\n(นางสาวอรุณี มีสุข)<br />" in html, html
    assert re.search(r"<li>สายด่วน 1546<br />\s*กด 5</li>", html), html
    assert "\\" not in html, html
    assert page.recorder.problems() == []
