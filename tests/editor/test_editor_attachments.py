"""A writer attaches the full text of an announcement (PDF) to a release, in the browser.

Against `invoke editor` in a throwaway repository, in headless Chromium: a new release, a PDF
with a Thai file name, a program and an empty file (both refused, with the fix) chosen in
เอกสารแนบ; the title readers see is typed; the preview lists the document. The branch holds the release and the PDF
(the same bytes) in the release's own folder under content/extra/attachments/, `invoke check`
passes on it, and once the supervisor publishes it the release's page links the document with
its type and size, and the link gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.attachments.documents_with_photos import pdf_keeping, photo, word_file, zip_named, zip_of
from tests.editor.conftest import (approve_and_publish, choose_category, log_in, save_and_send_for_review,
                                   screenshot_dir, site_page)
from tests.photo_gallery.gallery_photos import XMP, phone_exif, upright


def photo_with_xmp() -> bytes:
    """A JPEG whose only metadata is an XMP packet (an editing program's)."""
    import io

    out = io.BytesIO()
    upright((320, 240)).save(out, "JPEG", quality=85, xmp=XMP)
    return out.getvalue()


def tiff(xmp: bool = False, camera: bool = False) -> bytes:
    """A TIFF as a scanner saves it into a document: with an XMP packet (tag 700), the device's
    make and model, or neither."""
    import io

    from PIL import TiffImagePlugin

    info = TiffImagePlugin.ImageFileDirectory_v2()
    if xmp:
        info[700], info.tagtype[700] = XMP, 1
    if camera:
        info[271], info[272] = "SampleScan", "SS-200"
    out = io.BytesIO()
    upright((64, 48)).save(out, "TIFF", tiffinfo=info)
    return out.getvalue()


pytestmark = pytest.mark.browser

TITLE = "ศปท. แรงงาน ประกาศแนวทางรับเรื่องร้องเรียนทางไปรษณีย์อิเล็กทรอนิกส์ ฉบับที่ 3/2569"
DOCUMENT_TITLE = "ประกาศศูนย์ปฏิบัติการต่อต้านการทุจริต ฉบับที่ 3/2569 (ฉบับเต็ม)"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"% " + b"x" * 3000 + b"\n%%EOF\n"


def test_a_pdf_attached_in_the_editor_is_on_the_site(editor, editor_page, tmp_path):
    page = editor_page
    pdf = tmp_path / "ประกาศ ศปท_ฉบับที่ 3.pdf"
    pdf.write_bytes(PDF)
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ" + b"\0" * 100)
    empty = tmp_path / "ประกาศที่ดาวน์โหลดไม่สำเร็จ.pdf"
    empty.write_bytes(b"")
    located = tmp_path / "คู่มือพร้อมภาพ.docx"  # a phone photo inserted into Word, GPS and all
    located.write_bytes(word_file(photo(), photo(phone_exif(gps=True))))
    moment = dt.datetime.now(ZoneInfo("Asia/Bangkok")) - dt.timedelta(days=1)

    log_in(page, editor)
    page.get_by_label("สร้างเนื้อหาประเภท ข่าว").click()
    page.get_by_label("ชื่อข่าว").fill(TITLE)
    page.get_by_label("วันที่").fill(f"{moment.year + 543}-{moment:%m-%d} 10:00")
    choose_category(page, "ประกาศ")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ประกาศแนวทางรับเรื่องร้องเรียน รายละเอียดตามเอกสารแนบ")

    files = page.locator(".zc-attachments input[type=file]")
    files.set_input_files([str(program), str(empty), str(located), str(pdf)])
    failures = page.locator(".zc-attachments .zc-failures")
    expect(failures).to_contain_text("setup.exe: แนบไฟล์ชนิดนี้ไม่ได้ ให้บันทึกเป็น PDF")
    expect(failures).to_contain_text("ประกาศที่ดาวน์โหลดไม่สำเร็จ.pdf: ไฟล์ว่าง (0 ไบต์)")
    expect(failures).to_contain_text(
        "คู่มือพร้อมภาพ.docx: มีภาพที่บันทึกตำแหน่งที่ถ่าย (GPS) หรือข้อมูลกล้องอยู่ข้างใน (word/media/image2.jpeg)")
    title = page.get_by_label("ชื่อเอกสารที่ 1 (ข้อความของลิงก์ที่ผู้อ่านเห็น)")
    expect(title).to_have_value("ประกาศ ศปท ฉบับที่ 3")
    title.fill(DOCUMENT_TITLE)
    preview = page.frame_locator("iframe").first.locator(".attachments li")
    expect(preview).to_have_text(f"{DOCUMENT_TITLE} (PDF)")

    save_and_send_for_review(page)

    branch = next(b for b in editor.branches() if "ประกาศแนวทางรับเรื่อง" in unicodedata.normalize("NFC", b))
    changed = [unicodedata.normalize("NFC", f) for f in editor.files(branch)]
    articles = [f for f in changed if f.startswith("content/news/")]
    documents = [f for f in changed if f.startswith("content/extra/attachments/")]
    assert len(articles) == 1 and len(documents) == 1 and len(changed) == 2, changed
    stem = Path(articles[0]).stem
    folder = Path(documents[0]).parent.name
    assert folder.startswith(stem) and Path(documents[0]).name == "ประกาศ-ศปท-ฉบับที่-3.pdf", documents
    raw_paths = editor.files(branch)
    assert editor.show(branch, next(f for f in raw_paths if "/extra/" in f)) == PDF
    header = editor.show(branch, next(f for f in raw_paths if "/news/" in f)).decode("utf-8").split("\n\n")[0]
    listed = f"Attachments: {documents[0].removeprefix('content/')}: {DOCUMENT_TITLE}"
    assert listed in unicodedata.normalize("NFC", header).splitlines(), header

    worktree = editor.repo.parent / "attachment-review"
    subprocess.run(["git", "-C", str(editor.repo), "worktree", "add", "-q", str(worktree), branch], check=True)
    try:
        check = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=worktree, capture_output=True, text=True)
    finally:
        subprocess.run(["git", "-C", str(editor.repo), "worktree", "remove", "--force", str(worktree)], check=True)
    assert check.returncode == 0, check.stdout + check.stderr

    approve_and_publish(page)
    from thai_text.slugs import make_slug

    url = f"{editor.url}/news/{make_slug(stem)}/"
    site = site_page(page)
    deadline = time.monotonic() + 180
    while site.goto(url).status != 200 and time.monotonic() < deadline:
        time.sleep(2)
    item = site.locator(".attachments li")
    expect(item).to_have_count(1)
    text = item.inner_text().replace("\u200b", "")
    assert re.fullmatch(re.escape(DOCUMENT_TITLE) + r" \(PDF, \d\u00a0KB\)", text), text
    href = item.locator("a").get_attribute("href")
    assert site.request.get(href if href.startswith("http") else editor.url + href).body() == PDF
    assert page.recorder.problems() == []


def test_the_editor_finds_the_photos_with_metadata_the_build_finds(editor, editor_page, tmp_path):
    """embedded.js (the editor, as a file is chosen) and embedded_photos.py (the build and the
    editor's CI) name the same photos, those with a location or a camera's make and model in
    their EXIF, or an XMP packet, over documents as offices make them."""
    import zipfile

    from attachments.embedded_photos import carried

    located, camera = photo(phone_exif(gps=True)), photo(phone_exif(gps=False))
    documents = {
        "word.docx": word_file(photo(), located, camera, located),
        "stored.docx": word_file(located, compression=zipfile.ZIP_STORED),
        "camera.docx": word_file(photo(), camera),
        "xmp.docx": word_file(photo(), photo_with_xmp()),
        "clean.docx": word_file(photo(), photo()),
        "scan.pdf": pdf_keeping(located),
        "two-pages.pdf": pdf_keeping(camera)[:-6] + pdf_keeping(located),
        "camera.pdf": pdf_keeping(camera),
        "text.pdf": PDF,
        "cut.docx": word_file(located)[:300],
        "shrunk.pdf": pdf_keeping(located, deflated=True),
        "mixed.pdf": pdf_keeping(camera, deflated=True)[:-6] + pdf_keeping(photo()) + pdf_keeping(located),
        "tiff.docx": zip_of({"word/media/image1.tiff": tiff(), "word/media/image2.tif": tiff(xmp=True),
                             "word/media/image3.tiff": tiff(camera=True)}),
        "forms.zip": zip_of({"แบบฟอร์ม/คำร้อง.docx": word_file(photo(), located), "ประกาศ.pdf": pdf_keeping(camera),
                             "ย่อ.pdf": pdf_keeping(located, deflated=True), "เสียหาย.docx": word_file(located)[:300],
                             "a.zip": zip_of({"b.docx": word_file(camera),
                                              "c.zip": zip_of({"d.jpg": located, "e.docx": word_file(located)})})}),
        "windows.zip": zip_named({"แบบฟอร์ม/คำร้อง.docx".encode("cp874"): word_file(photo(), located),
                                  "ภาพ/งาน.jpg".encode("utf-8"): camera}),
    }
    build = {}
    for name, data in documents.items():
        (tmp_path / name).write_bytes(data)
        build[name] = [c.where for c in carried(tmp_path / name)]
    assert build["word.docx"] == ["word/media/image2.jpeg", "word/media/image3.jpeg", "word/media/image4.jpeg"]
    assert build["two-pages.pdf"] == ["ภาพที่ 1", "ภาพที่ 2"] and build["camera.docx"] == ["word/media/image2.jpeg"]
    assert build["clean.docx"] == build["text.pdf"] == build["cut.docx"] == []
    assert build["xmp.docx"] == ["word/media/image2.jpeg"]
    assert build["tiff.docx"] == ["word/media/image2.tif", "word/media/image3.tiff"]
    assert build["shrunk.pdf"] == ["ภาพที่ 1"] and build["mixed.pdf"] == ["ภาพที่ 1", "ภาพที่ 2"]
    assert build["forms.zip"] == ["แบบฟอร์ม/คำร้อง.docx/word/media/image2.jpeg", "ประกาศ.pdf/ภาพที่ 1",
                                  "ย่อ.pdf/ภาพที่ 1", "a.zip/b.docx/word/media/image1.jpeg",
                                  "a.zip/c.zip/d.jpg"]  # not e.docx, four archives deep
    # names a Thai Windows (cp874) or a Mac (UTF-8, no flag) wrote, not as Python's zipfile reads them (cp437)
    assert build["windows.zip"] == ["แบบฟอร์ม/คำร้อง.docx/word/media/image2.jpeg", "ภาพ/งาน.jpg"]
    page = editor_page
    log_in(page, editor)
    assert in_the_editor(page, "embedded.photosWithMetadata", documents) == build


def in_the_editor(page, function: str, documents: dict[str, bytes]) -> dict:
    """{name: what the editor's `window.ZeroCorruptionEditor.<function>` answers for the document}."""
    import base64

    return page.evaluate(
        """async ([documents, path]) => {
          const [module, name] = path.split('.');
          const out = {};
          for (const [file, data] of Object.entries(documents)) {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            out[file] = await window.ZeroCorruptionEditor[module][name](new Blob([bytes]));
          }
          return out;
        }""",
        [{name: base64.b64encode(data).decode() for name, data in documents.items()}, function],
    )


def documents_keeping() -> dict[str, bytes]:
    """Documents as Word, Excel, PowerPoint and LibreOffice write them, keeping tracked changes or
    comments, or only what is no finding (speaker notes, a hidden sheet of drop-down lists)."""
    from tests.attachments.documents_keeping import (FIELD, LINK, TYPED, annotated_pdf, excel, markup, open_document,
                                                     pdf_hex, pdf_literal, powerpoint, sticky_note, word)

    text = ["แบบสำรวจความคิดเห็นของผู้ใช้สายด่วน 1546", "ท่านได้รับการตอบรับภายในหนึ่งวันทำการหรือไม่"]
    return {
        "changes.docx": word(text, deleted="ภายในสามวันทำการนับจากวันที่ได้รับเรื่อง", added="หนึ่งวันทำการ",
                             comments=["ข้อ 2 ยังไม่ผ่านหัวหน้ากลุ่มงาน", "ขอแก้ชื่อ"]),
        "added.docx": word(text, added="ฉบับร่าง"),
        "footer.docx": word(text, footer_change=True),
        "mark.docx": word(text, moved_paragraph_mark=True),
        "clean.docx": word(text),
        "notes.xlsx": excel(notes=["ตัวเลขจากกองคลัง ยังไม่ตรวจ"], threaded=["รอผลจากจังหวัด"], hidden=["รายชื่อจังหวัด"]),
        "threaded.xlsx": excel(threaded=["รอผลจากจังหวัด"]),
        "lists.xlsx": excel(hidden=["รายชื่อจังหวัด"], very_hidden=["ค่า"]),
        "talk.pptx": powerpoint(notes=["เล่าที่มาของโครงการ"], empty_notes=2, comments=["เปลี่ยนภาพปก"],
                                modern=["ตัดสไลด์นี้"]),
        "notes-only.pptx": powerpoint(notes=["เล่าที่มาของโครงการ"]),
        "draft.odt": open_document("text", deleted="ภายในสามวัน", inserted=True, comments=["ยังไม่ยืนยัน"]),
        "clean.odp": open_document("presentation", notes=["ข้อความของผู้บรรยาย"]),
        "hidden.ods": open_document("spreadsheet", hidden=["ลับ"]),
        "forms.zip": zip_of({"แบบฟอร์ม/คำร้อง.docx": word(text, comments=["ใช้ฉบับนี้ไหม"]), "ว่าง.docx": word(text),
                             "a.zip": zip_of({"b.xlsx": excel(notes=["ลึกสองชั้น"])})}),
        "cut.docx": word(text, comments=["ยังไม่ยืนยัน"])[:400],
        "damaged.docx": zip_of({"word/document.xml": b"<w:document><w:body><w:ins>", "word/comments.xml": b"\x00\x01"}),
        "scan.pdf": PDF,
        "note.pdf": annotated_pdf([sticky_note(pdf_literal("ตัวเลขหน้านี้ยังไม่ยืนยัน (รอกองคลัง)")), LINK, FIELD, TYPED]),
        "octal.pdf": annotated_pdf([sticky_note(pdf_literal("แก้วันที่ตรงนี้", octal=True))]),
        "marked.pdf": annotated_pdf([markup(b"Highlight", pdf_hex("ข้อนี้ต้องตัดออก")), markup(b"Highlight"),
                                     markup(b"StrikeOut", b"(delete \\(old\\) date)")]),
        "packed.pdf": annotated_pdf([sticky_note(pdf_hex("ในสตรีมของวัตถุ")), LINK], packed=True),
        "sealed.pdf": annotated_pdf([sticky_note(b"(\x8a\x11\x93)")], encrypted=True),
        "deleted.pdf": annotated_pdf([LINK], deleted=[sticky_note(pdf_literal("ลบแล้วแต่ยังอยู่"))]),
        "form.pdf": annotated_pdf([LINK, FIELD, TYPED, markup(b"Highlight")]),
        "pdfs.zip": zip_of({"ประกาศ.pdf": annotated_pdf([sticky_note(pdf_literal("ร่าง"))]), "สะอาด.pdf": PDF}),
        # names without the UTF-8 flag: Thai Windows' code page, macOS's UTF-8
        "windows.zip": zip_named({"แบบฟอร์ม/คำร้อง.docx".encode("cp874"): word(text, comments=["ใช้ฉบับนี้ไหม"]),
                                  "ตาราง.xlsx".encode("utf-8"): excel(notes=["ยังไม่ตรวจ"])}),
    }


def test_the_editor_finds_what_a_document_keeps_as_the_build_does(editor, editor_page, tmp_path):
    """hidden-content.js (the editor, as a file is chosen) and hidden_content.py (the build and
    the editor's CI) find the same tracked changes and comments, with the same counts and first
    words, over documents as each program writes them and PDFs as a reader saves comments in them."""
    from attachments.hidden_content import left_in

    documents = documents_keeping()
    build = {}
    for name, data in documents.items():
        (tmp_path / name).write_bytes(data)
        build[name] = [{"kind": f.kind, "count": f.count, "sample": f.sample, "where": f.where}
                       for f in left_in(tmp_path / name)]
    assert [f["kind"] for f in build["changes.docx"]] == ["changes", "comments"]
    assert build["forms.zip"] == [
        {"kind": "comments", "count": 1, "sample": "ใช้ฉบับนี้ไหม", "where": "แบบฟอร์ม/คำร้อง.docx"},
        {"kind": "comments", "count": 1, "sample": "ลึกสองชั้น", "where": "a.zip/b.xlsx"}]
    assert not any(build[n] for n in ("clean.docx", "lists.xlsx", "notes-only.pptx", "clean.odp", "hidden.ods",
                                      "cut.docx", "damaged.docx", "scan.pdf", "form.pdf"))
    assert build["marked.pdf"] == [{"kind": "comments", "count": 2, "sample": "ข้อนี้ต้องตัดออก", "where": ""}]
    assert build["pdfs.zip"] == [{"kind": "comments", "count": 1, "sample": "ร่าง", "where": "ประกาศ.pdf"}]
    assert [f["where"] for f in build["windows.zip"]] == ["แบบฟอร์ม/คำร้อง.docx", "ตาราง.xlsx"]
    page = editor_page
    log_in(page, editor)
    assert in_the_editor(page, "hiddenContent.leftIn", documents) == build
    assert page.recorder.problems() == []


def test_a_document_keeping_comments_is_refused_as_it_is_chosen(editor, editor_page, tmp_path):
    """A writer chooses a survey form from Word that still keeps a reviewer's comment and a
    tracked deletion: เอกสารแนบ refuses it at once with both findings and Word's own buttons to
    fix them, in the rule's words; the same form saved clean is attached; an old .doc is attached
    with a word that what it keeps cannot be checked."""
    from tests.attachments.documents_keeping import word

    text = ["แบบสำรวจความคิดเห็นของผู้ใช้สายด่วน 1546", "ท่านได้รับการตอบรับภายในหนึ่งวันทำการหรือไม่"]
    kept = tmp_path / "แบบสำรวจ.docx"
    kept.write_bytes(word(text, deleted="ภายในสามวันทำการ", comments=["ข้อ 2 ยังไม่ผ่านหัวหน้ากลุ่มงาน"]))
    clean = tmp_path / "แบบสำรวจ-ฉบับเผยแพร่.docx"
    clean.write_bytes(word(text))
    page = editor_page
    log_in(page, editor)
    page.goto(f"{editor.url}/admin/#/collections/news/entries/hotline-statistics-2569")
    expect(page.get_by_label("ชื่อข่าว")).to_have_value(re.compile("^สายด่วน 1546"), timeout=30_000)
    files = page.locator(".zc-attachments input[type=file]")
    files.set_input_files([str(kept)])
    failures = page.locator(".zc-attachments .zc-failures")
    expect(failures).to_contain_text(
        "แบบสำรวจ.docx: ยังเก็บการแก้ไขที่ติดตามไว้ (Track Changes) 1 แห่ง เช่น «ภายในสามวันทำการ»")
    expect(failures).to_contain_text("ยอมรับการเปลี่ยนแปลงทั้งหมด")
    expect(failures).to_contain_text("แบบสำรวจ.docx: มีความคิดเห็น (Comment) 1 รายการ เช่น «ข้อ 2 ยังไม่ผ่าน")
    expect(failures).to_contain_text("ลบข้อคิดเห็นทั้งหมดในเอกสาร")
    expect(page.get_by_label("ชื่อเอกสารที่ 2 (ข้อความของลิงก์ที่ผู้อ่านเห็น)")).to_have_count(0)  # not attached
    if screenshot_dir():
        page.locator(".zc-attachments").screenshot(path=str(screenshot_dir() / "14-document-comments.png"))
    files.set_input_files([str(clean)])
    expect(page.get_by_label("ชื่อเอกสารที่ 2 (ข้อความของลิงก์ที่ผู้อ่านเห็น)")).to_have_value("แบบสำรวจ ฉบับเผยแพร่")
    expect(failures).to_have_count(0)
    # Word 97-2003's binary file: attached, with a word that its comments cannot be checked
    old_format = tmp_path / "แบบสำรวจปีก่อน.doc"
    old_format.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1016)  # an OLE file's header
    files.set_input_files([str(old_format)])
    expect(page.get_by_label("ชื่อเอกสารที่ 3 (ข้อความของลิงก์ที่ผู้อ่านเห็น)")).to_have_value("แบบสำรวจปีก่อน")
    expect(page.locator(".zc-attachments .zc-note")).to_contain_text(
        "แบบสำรวจปีก่อน.doc: เป็นไฟล์แบบเก่า ระบบตรวจการแก้ไขที่ติดตามไว้และความคิดเห็นในไฟล์นี้ไม่ได้")
    expect(page.locator(".zc-attachments .zc-note")).to_contain_text("บันทึกเป็น .docx หรือ PDF")
    assert page.recorder.problems() == []
