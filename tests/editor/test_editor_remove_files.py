"""A photo or document taken off a release before review never reaches the site.

The ลบ button of a photo not yet published threw ("this.props.config.get is not a function") and
left the photo in the form. Behind it, Decap commits every file added to an entry while it is
edited, also one removed from the form again, and a gallery publishes every photo in its folder:
a wrong photo, or a face that must not be shown, taken off before saving would still have been
committed and published. Now a save commits only the files the release lists (js/assets.js), and
a save of a release under review deletes from its branch the files it no longer lists.
In the browser, against `invoke editor` on a real repository: three photos and two documents
added, one of each removed before the first save, one more photo after it; the branch holds
exactly what the form shows at each save.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import choose_category, log_in
from tests.editor.photos import phone_photo

pytestmark = pytest.mark.browser

TITLE = "ศปท. แรงงาน ตรวจเยี่ยมสำนักงานจัดหางานจังหวัดแพร่"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + b"x" * 2000 + b"\n%%EOF\n"


def test_the_listed_files_are_the_committed_files(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    raw = ("Title: ก\nGallery: g-abcd\nCover: IMG-2.JPG\nCaptions: img-0.jpg:\n    img-1.jpg: สอง\n"
           "Attachments: extra/attachments/f/a.pdf: เอกสาร\n\nเนื้อข่าว\n")
    assets = ["content/galleries/g-abcd/img-0.jpg", "content/galleries/g-abcd/img-1.jpg",
              "content/galleries/g-abcd/img-2.jpg", "content/galleries/g-abcd/img-3.jpg",
              "content/galleries/other/img-0.jpg", "content/extra/attachments/f/a.pdf",
              "content/extra/attachments/f/b.pdf"]
    kept = page.evaluate(
        "([raw, paths]) => window.ZeroCorruptionEditor.assets.listedAssets([{ raw }], paths.map(path => ({ path }))).map(a => a.path)",
        [raw, assets])
    assert kept == ["content/galleries/g-abcd/img-0.jpg", "content/galleries/g-abcd/img-1.jpg",
                    "content/galleries/g-abcd/img-2.jpg", "content/extra/attachments/f/a.pdf"]
    assert page.evaluate("() => window.ZeroCorruptionEditor.assets.listedAssets([{ raw: 'Title: ก\\n\\nx' }], [])") == []


def test_photos_and_documents_removed_before_review_are_not_committed(editor, editor_page, tmp_path):
    page = editor_page
    photos = [phone_photo(tmp_path / f"IMG_{5101 + i}.JPG", seed=20 + i) for i in range(3)]
    documents = [tmp_path / "กำหนดการ.pdf", tmp_path / "รายชื่อผู้เข้าร่วม.pdf"]
    for number, document in enumerate(documents):
        document.write_bytes(PDF.replace(b"% x", f"% {number} x".encode()))  # (Decap keeps one of two equal files)
    before = set(editor.branches())
    log_in(page, editor)
    page.get_by_label("สร้างเนื้อหาประเภท ข่าว").click()
    page.get_by_label("ชื่อข่าว").fill(TITLE)
    choose_category(page, "ข่าวกิจกรรม")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ตรวจเยี่ยมสำนักงานจัดหางานจังหวัดแพร่")
    page.locator(".zc-photos input[type=file]").set_input_files([str(p) for p in photos])
    page.get_by_label("คำบรรยายภาพที่ 3").wait_for(timeout=120_000)
    for number in (1, 2, 3):
        page.get_by_label(f"คำบรรยายภาพที่ {number}").fill(f"ภาพกิจกรรมที่ {number}")
    page.locator(".zc-attachments input[type=file]").set_input_files([str(d) for d in documents])
    page.get_by_label("ชื่อเอกสารที่ 2 (ข้อความของลิงก์ที่ผู้อ่านเห็น)").wait_for()

    # Before the first save: the third photo and the second document are taken off.
    page.get_by_role("button", name="ลบภาพที่ 3").click()
    expect(page.locator(".zc-photo")).to_have_count(2)
    page.get_by_role("button", name="ลบเอกสารที่ 2").click()
    expect(page.get_by_label("ชื่อเอกสารที่ 2 (ข้อความของลิงก์ที่ผู้อ่านเห็น)")).to_have_count(0)
    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)
    new = set(editor.branches()) - before
    assert len(new) == 1, new
    branch = new.pop()
    files = editor.files(branch)
    gallery = sorted(f.rsplit("/", 1)[1] for f in files if f.startswith("content/galleries/"))
    attached = [f.rsplit("/", 1)[1] for f in files if f.startswith("content/extra/attachments/")]
    assert gallery == ["img-5101.jpg", "img-5102.jpg"], files
    assert attached == ["กำหนดการ.pdf"], files

    # After it: the second photo is taken off; the next save deletes it from the branch.
    page.get_by_role("button", name="ลบภาพที่ 2").click()
    expect(page.locator(".zc-photo")).to_have_count(1)
    page.get_by_role("button", name="บันทึก").first.click()
    expect(page.get_by_role("button", name="บันทึก").first).to_be_disabled(timeout=60_000)
    files = editor.files(branch)
    assert sorted(f.rsplit("/", 1)[1] for f in files if f.startswith("content/galleries/")) == ["img-5101.jpg"], files
    release = next(f for f in files if f.startswith("content/news/"))
    header = editor.show(branch, release).decode().split("\n\n", 1)[0]
    assert "img-5101.jpg: ภาพกิจกรรมที่ 1" in header and "img-5102" not in header and "img-5103" not in header, header
    assert page.recorder.problems() == []
    editor.discard(branch)
