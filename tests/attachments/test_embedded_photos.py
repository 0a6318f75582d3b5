"""A document offered for download that holds a phone photo keeps the photo's location in it: a
Word file (a ZIP, word/media/image1.jpeg), a PDF holding the JPEG whole. The rule "attachments"
refuses it, and one whose photos carry camera data (embedded_photos.py finds the photos,
photo_gallery's metadata.py reads them)."""

from __future__ import annotations

import io

from PIL import Image

from attachments.embedded_photos import carried
from tests.attachments.documents_with_photos import pdf_keeping, photo, word_file, zip_of
from tests.photo_gallery.gallery_photos import phone_exif

ARTICLE = """Title: คู่มือแนวทางปฏิบัติการลงพื้นที่ตรวจสถานประกอบการ
Date: 2569-11-20 10:00
Category: ประกาศ
Slug: inspection-handbook-2569
Attachments: extra/attachments/handbook-2569/{name}: คู่มือแนวทางปฏิบัติ

ศูนย์ปฏิบัติการต่อต้านการทุจริตเผยแพร่คู่มือสำหรับเจ้าหน้าที่ รายละเอียดตามเอกสารแนบ
"""


def release(name: str, data: bytes) -> dict:
    return {"news/inspection-handbook-2569.md": ARTICLE.format(name=name),
            f"extra/attachments/handbook-2569/{name}": data}


def test_a_word_file_with_a_located_photo_keeps_the_release_off_the_site(build_site):
    files = release("คู่มือ.docx", word_file(photo(), photo(phone_exif(gps=True))))
    result = build_site(files)
    assert not result.ok
    found = [e for e in result.errors if "content/news/inspection-handbook-2569.md:5" in e]
    assert len(found) == 1 and "word/media/image2.jpeg" in found[0] and "GPS" in found[0], result.errors
    assert "image1" not in found[0]  # a photo with no EXIF is not named
    assert "ตำแหน่ง" in found[0] and "the place it was taken" in found[0] and "PDF" in found[0]  # Thai, English, the fix


def test_a_pdf_holding_a_located_jpeg_whole_is_refused(build_site, tmp_path):
    data = pdf_keeping(photo(phone_exif(gps=True)))
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    assert Image.open(io.BytesIO(photo(phone_exif(gps=True)))).getexif()  # the fixture is what it says
    result = build_site(release("สแกน.pdf", data))
    assert not result.ok
    assert any("สแกน.pdf" in e and "ภาพที่ 1" in e and "GPS" in e for e in result.errors), result.errors


def test_a_pdf_whose_jpeg_was_deflated_again_is_read_unpacked(tmp_path):
    """Some PDF tools deflate a JPEG stream once more (/Filter [/FlateDecode /DCTDecode]): its
    EXIF, the place included, is then not in the file's bytes, only in the unpacked stream. Photos
    are numbered in the order they are in the file, whether deflated or not."""
    located, camera = photo(phone_exif(gps=True)), photo(phone_exif(gps=False))
    deflated = pdf_keeping(located, deflated=True)
    assert b"Exif" not in deflated and b"GPS" not in deflated  # hidden from a plain scan
    (tmp_path / "shrunk.pdf").write_bytes(deflated)
    found = carried(tmp_path / "shrunk.pdf")
    assert [c.where for c in found] == ["ภาพที่ 1"] and found[0].metadata.has_location
    (tmp_path / "two.pdf").write_bytes(pdf_keeping(camera, deflated=True)[:-6] + pdf_keeping(located))
    found = carried(tmp_path / "two.pdf")
    assert [(c.where, c.metadata.has_location) for c in found] == [("ภาพที่ 1", False), ("ภาพที่ 2", True)]
    (tmp_path / "clean.pdf").write_bytes(pdf_keeping(photo(), deflated=True))
    cut = pdf_keeping(located, deflated=True)
    (tmp_path / "cut.pdf").write_bytes(cut[:cut.index(b"stream\n") + 60])  # the stream cut short
    assert carried(tmp_path / "clean.pdf") == [] and carried(tmp_path / "cut.pdf") == []


def test_a_located_photo_in_a_document_inside_a_zip_is_found(build_site, tmp_path):
    """A ZIP of forms for download holds Word files and PDFs: their photos are read too, each
    named by its path through the archives, down to three archives deep."""
    located = photo(phone_exif(gps=True))
    forms = zip_of({
        "แบบฟอร์ม/คำร้อง.docx": word_file(photo(), located),
        "แบบฟอร์ม/ว่าง.docx": word_file(photo()),
        "ประกาศ.pdf": pdf_keeping(located, deflated=True),
        "อ่านก่อน.txt": "กรอกแบบฟอร์มแล้วส่งทางอีเมล".encode(),
        "เสียหาย.docx": word_file(located)[:300],
    })
    (tmp_path / "forms.zip").write_bytes(forms)
    assert [c.where for c in carried(tmp_path / "forms.zip")] == [
        "แบบฟอร์ม/คำร้อง.docx/word/media/image2.jpeg", "ประกาศ.pdf/ภาพที่ 1"]
    three_deep = zip_of({"a.zip": zip_of({"b.docx": word_file(located)})})
    (tmp_path / "deep.zip").write_bytes(three_deep)
    assert [c.where for c in carried(tmp_path / "deep.zip")] == ["a.zip/b.docx/word/media/image1.jpeg"]
    (tmp_path / "deeper.zip").write_bytes(zip_of({"c.zip": three_deep}))
    assert carried(tmp_path / "deeper.zip") == []  # four archives deep: not read
    result = build_site(release("แบบฟอร์ม.zip", forms))
    assert not result.ok
    found = [e for e in result.errors if "content/news/inspection-handbook-2569.md:5" in e]
    assert len(found) == 1 and "แบบฟอร์ม/คำร้อง.docx/word/media/image2.jpeg" in found[0] and "GPS" in found[0], \
        result.errors


def test_camera_data_alone_keeps_it_off_too(build_site):
    """A document is published as it is: no published file may carry a camera's make and model."""
    result = build_site(release("คู่มือ.docx", word_file(photo(), photo(phone_exif(gps=False)))))
    assert not result.ok
    assert any("คู่มือ.docx" in e and "SamplePhone" in e and "word/media/image2.jpeg" in e and "GPS" not in e
               for e in result.errors), result.errors


def test_documents_whose_photos_carry_nothing_pass(tmp_path):
    clean_pdf = io.BytesIO()
    Image.open(io.BytesIO(photo(phone_exif(gps=True)))).save(clean_pdf, "PDF")  # encoded again: no EXIF
    documents = {
        "plain.docx": word_file(photo()),
        "no-photos.docx": word_file(),
        "saved-again.pdf": clean_pdf.getvalue(),
        "text.pdf": b"%PDF-1.4\n" + b"0" * 2400 + b"\n%%EOF\n",
        "broken.docx": word_file(photo(phone_exif(gps=True)))[:200],  # cut short: not an archive
    }
    for name, data in documents.items():
        (tmp_path / name).write_bytes(data)
        assert carried(tmp_path / name) == [], name
    located = tmp_path / "located.docx"
    located.write_bytes(word_file(photo(phone_exif(gps=True))))
    assert [c.where for c in carried(located)] == ["word/media/image1.jpeg"]


def test_documents_published_as_static_files_are_read_too(build_site):
    """An old document the WordPress import copied (under extra/, published as it is) with a
    located photo in it fails the build, named by its own path; one under ATTACHMENTS_DIR that no
    release lists is not published, so not reported."""
    files = {
        "news/plain.md": ARTICLE.replace("Attachments: extra/attachments/handbook-2569/{name}: คู่มือแนวทางปฏิบัติ\n", ""),
        "extra/wordpress/2019/05/แบบฟอร์ม.docx": word_file(photo(phone_exif(gps=True))),
        "extra/wordpress/2019/05/clean.docx": word_file(photo()),
        "extra/attachments/old-2568/unlisted.docx": word_file(photo(phone_exif(gps=True))),
    }
    result = build_site(files)
    assert not result.ok
    assert [e.split(":")[0] for e in result.errors if "GPS" in e] == ["content/extra/wordpress/2019/05/แบบฟอร์ม.docx"], \
        result.errors
    files["extra/wordpress/2019/05/แบบฟอร์ม.docx"] = word_file(photo(), photo())  # its photos put in again, clean
    assert build_site(files).ok


def test_a_document_gone_since_it_was_listed_gives_nothing_not_a_traceback(tmp_path):
    assert carried(tmp_path / "gone.pdf") == []  # the rule that finds files reports it as missing
