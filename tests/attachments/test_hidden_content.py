"""A document keeps what its pages do not show: Word's tracked changes (the deleted words too) and
comments, Excel's notes and comments, PowerPoint's comments, the same in LibreOffice's files, a
reviewer's comments in a PDF. Whoever downloads it sees them. The rule "attachments" keeps a release off the site while a
document it lists keeps either (hidden_content.py finds them); speaker notes and hidden sheets (a
form's drop-down lists) are no finding."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from attachments.hidden_content import left_in
from tests.attachments.documents_keeping import excel, open_document, powerpoint, word
from tests.attachments.documents_with_photos import zip_named, zip_of

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """Title: แบบฟอร์มร้องเรียนและคู่มือการกรอก
Date: 2569-11-24 10:00
Category: ประกาศ
Slug: complaint-forms-2569
Attachments: extra/attachments/forms-2569/{name}: แบบฟอร์มร้องเรียน

ศูนย์ปฏิบัติการต่อต้านการทุจริตเผยแพร่แบบฟอร์มสำหรับผู้ร้องเรียน รายละเอียดตามเอกสารแนบ
"""
PARAGRAPHS = ["ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน รับเรื่องร้องเรียนทางไปรษณีย์อิเล็กทรอนิกส์",
              "ผู้ร้องเรียนกรอกชื่อ ที่อยู่ และรายละเอียดของเรื่องให้ครบถ้วน"]


def release(name: str, data: bytes) -> dict:
    return {"news/complaint-forms-2569.md": ARTICLE.format(name=name),
            f"extra/attachments/forms-2569/{name}": data}


def kinds(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    return [(f.kind, f.count, f.sample, f.where) for f in left_in(tmp_path / name)]


def test_each_kind_is_found_as_each_program_writes_it(tmp_path):
    assert kinds(tmp_path, "changes.docx", word(PARAGRAPHS, deleted="ภายในสามวันทำการ", added="ภายในหนึ่งวันทำการ",
                                                comments=["ตัวเลขนี้ยังไม่ยืนยัน อย่าเพิ่งเผยแพร่", "ขอแก้ชื่อ"])) == [
        ("changes", 2, "ภายในสามวันทำการ", ""),  # the deleted words, whole though Word split their runs
        ("comments", 2, "ตัวเลขนี้ยังไม่ยืนยัน อย่าเพิ่งเผยแพร่", "")]
    assert kinds(tmp_path, "added.docx", word(PARAGRAPHS, added="ฉบับร่าง")) == [("changes", 1, "ฉบับร่าง", "")]
    assert kinds(tmp_path, "footer.docx", word(PARAGRAPHS, footer_change=True)) == [("changes", 1, "ฉบับร่าง", "")]
    assert kinds(tmp_path, "mark.docx", word(PARAGRAPHS, moved_paragraph_mark=True)) == [("changes", 1, "", "")]
    assert kinds(tmp_path, "scores.xlsx", excel(notes=["ตัวเลขจากกองคลัง ยังไม่ตรวจ"], threaded=["รอผลจากจังหวัด"],
                                                hidden=["ข้อมูลดิบ"], very_hidden=["รายชื่อจังหวัด"])) == [
        ("comments", 2, "ตัวเลขจากกองคลัง ยังไม่ตรวจ", "")]  # the author's "ศปท.:" left out; a reply is no comment
    assert kinds(tmp_path, "threaded.xlsx", excel(threaded=["รอผลจากจังหวัด"])) == [
        ("comments", 1, "รอผลจากจังหวัด", "")]  # Excel's English stand-in for older versions is not the sample
    assert kinds(tmp_path, "talk.pptx", powerpoint(notes=["เล่าเรื่องกรณีที่ยังสอบสวนอยู่"], empty_notes=3,
                                                   comments=["เปลี่ยนภาพปก"], modern=["ตัดสไลด์นี้"])) == [
        ("comments", 2, "เปลี่ยนภาพปก", "")]
    assert kinds(tmp_path, "draft.odt", open_document("text", deleted="ภายในสามวัน", inserted=True,
                                                      comments=["ยังไม่ยืนยัน"])) == [
        ("changes", 2, "ภายในสามวัน", ""), ("comments", 1, "ยังไม่ยืนยัน", "")]


def test_clean_documents_and_what_is_no_document_give_nothing(tmp_path):
    clean = {"form.docx": word(PARAGRAPHS), "scores.xlsx": excel(), "talk.pptx": powerpoint(empty_notes=4),
             "form.odt": open_document("text"), "talk.odp": open_document("presentation"),
             "scores.ods": open_document("spreadsheet"),
             # meant as often as not, and every finding fails the production build: not looked for
             "with-notes.pptx": powerpoint(notes=["ทักทายผู้เข้าร่วม แล้วเล่าที่มาของโครงการ"]),
             "drop-down-lists.xlsx": excel(hidden=["รายชื่อจังหวัด"]),
             "with-notes.odp": open_document("presentation", notes=["ข้อความของผู้บรรยาย"]),
             "hidden.ods": open_document("spreadsheet", hidden=["รายชื่อจังหวัด"]),
             "cut.docx": word(PARAGRAPHS, comments=["ยังไม่ยืนยัน"])[:400],  # cut short: not an archive
             "text.pdf": b"%PDF-1.4\n" + b"0" * 2400 + b"\n%%EOF\n"}
    for name, data in clean.items():
        assert kinds(tmp_path, name, data) == [], name
    damaged = zip_of({"word/document.xml": b"<w:document><w:body><w:ins>", "word/comments.xml": b"\x00\x01"})
    assert kinds(tmp_path, "damaged.docx", damaged) == []  # no traceback: a part no program can read
    assert left_in(tmp_path / "gone.docx") == []


def test_documents_inside_a_zip_are_named_by_their_path(tmp_path):
    forms = zip_of({"แบบฟอร์ม/คำร้อง.docx": word(PARAGRAPHS, comments=["ใช้ฉบับนี้ไหม"]),
                    "แบบฟอร์ม/ว่าง.docx": word(PARAGRAPHS),
                    "คะแนน.xlsx": excel(threaded=["ร่าง"])})
    assert kinds(tmp_path, "forms.zip", forms) == [
        ("comments", 1, "ใช้ฉบับนี้ไหม", "แบบฟอร์ม/คำร้อง.docx"), ("comments", 1, "ร่าง", "คะแนน.xlsx")]
    # names written without the UTF-8 flag (Python's zipfile reads them as cp437): by a Thai
    # Windows' compressed folder (cp874) and by macOS's Archive Utility (UTF-8)
    unflagged = zip_named({"แบบฟอร์ม/คำร้อง.docx".encode("cp874"): word(PARAGRAPHS, comments=["ใช้ฉบับนี้ไหม"]),
                           "คะแนน.xlsx".encode("utf-8"): excel(threaded=["ร่าง"])})
    assert [f[3] for f in kinds(tmp_path, "windows.zip", unflagged)] == ["แบบฟอร์ม/คำร้อง.docx", "คะแนน.xlsx"]


def test_tracked_changes_and_comments_keep_the_release_off_the_site(build_site):
    result = build_site(release("แบบฟอร์ม.docx", word(PARAGRAPHS, deleted="ภายในสามวันทำการนับจากวันที่ได้รับเรื่อง",
                                                     comments=["ตัวเลขนี้ยังไม่ยืนยัน"])))
    assert not result.ok
    found = [e for e in result.errors if "content/news/complaint-forms-2569.md:5" in e]
    assert len(found) == 2, result.errors
    changes, comments = sorted(found, key=lambda e: "Comment" in e)
    assert "Track Changes" in changes and "1 แห่ง" in changes and "tracked change" in changes
    assert "«ภายในสามวันทำการ…»" in changes or re.search(r"«ภายในสามวัน[^»]*…»", changes), changes
    assert "ยอมรับการเปลี่ยนแปลงทั้งหมด" in changes and "Accept All Changes" in changes  # the fix, in Word's words
    assert "«ตัวเลขนี้ยังไม่ยืนยัน»" in comments and "ลบข้อคิดเห็นทั้งหมดในเอกสาร" in comments
    assert "Traceback" not in "".join(result.errors)


def test_a_document_inside_a_zip_is_named_and_fixed_in_its_program_s_words(build_site):
    forms = zip_of({"แบบฟอร์ม/คำร้อง.docx": word(PARAGRAPHS), "คะแนน.xlsx": excel(threaded=["รอผลจากจังหวัด"])})
    result = build_site(release("แบบฟอร์ม.zip", forms))
    assert not result.ok
    found = [e for e in result.errors if "แบบฟอร์ม.zip" in e]
    assert len(found) == 1 and '(ไฟล์ "คะแนน.xlsx" ข้างใน)' in found[0] and "Delete Comment" in found[0], found


def test_old_documents_published_as_static_files_are_left_as_they_were(build_site):
    """A document the WordPress import copied was public on the old site already: its comments are
    no finding (one would fail every production build of the archive)."""
    files = {"news/plain.md": ARTICLE.replace("Attachments: extra/attachments/forms-2569/{name}: แบบฟอร์มร้องเรียน\n", ""),
             "extra/wordpress/2019/05/คำสั่ง.docx": word(PARAGRAPHS, comments=["ร่างแรก"])}
    result = build_site(files, fatal_warnings=True)
    assert result.ok and not [w for w in result.warnings if "คำสั่ง.docx" in w], (result.errors, result.warnings)


def test_every_message_is_thai_and_spelt_right():
    """Every finding and fix this rule can give holds to the site's own spelling rule."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from attachments.rules import LEFT_IN, LEFT_IN_FIX
    from thai_text.segment import build_segmenter, read_word_list
    from thai_text.spelling import Speller
    from thai_text.typos import find_typos

    segmenter = build_segmenter(read_word_list(ROOT / "content" / "dictionary.txt"))
    speller = Speller(segmenter.site_words, segmenter)
    texts = [thai for thai, _english in LEFT_IN.values()] + [thai for thai, _english in LEFT_IN_FIX.values()]
    wrong = {}
    for text in texts:
        words = re.sub(r"\{\w+\}", " ", text)
        found = [w for w, _better, _slip in speller.line_findings(words)] + [t for *_at, t, _fix in find_typos(words)]
        if found:
            wrong[text] = found
    assert wrong == {}


COMMENT_PART = {  # the part a program adds when a comment is made, by the document's kind
    ".docx": ("word/comments.xml", '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                   '<w:comment w:id="0" w:author="ศปท."><w:p><w:r><w:t>ยังไม่ยืนยัน</w:t></w:r></w:p>'
                                   "</w:comment></w:comments>"),
    ".xlsx": ("xl/comments1.xml", '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>'
                                  '<author>ศปท.</author></authors><commentList><comment ref="B2" authorId="0"><text><r>'
                                  "<t>ยังไม่ยืนยัน</t></r></text></comment></commentList></comments>"),
    ".pptx": ("ppt/comments/comment1.xml", '<p:cmLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
                                           '<p:cm authorId="0" idx="1"><p:text>ยังไม่ยืนยัน</p:text></p:cm></p:cmLst>'),
}


def test_every_document_of_the_site_is_clean_and_a_comment_put_into_it_is_found(tmp_path):
    """The property over the site's own documents: each one in content/ keeps nothing out of
    sight; each office document among them, with a comment put in as its program puts one, and
    each PDF with a sticky note added as a PDF reader's save adds one (an object appended to the
    file), is found, named by its comment."""
    from tests.attachments.documents_keeping import pdf_literal, sticky_note

    documents = sorted(p for p in (ROOT / "content").rglob("*")
                       if p.suffix.lower() in (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".pdf", ".zip"))
    office = [p for p in documents if p.suffix.lower() in COMMENT_PART]
    pdfs = [p for p in documents if p.suffix.lower() == ".pdf"]
    assert {p.suffix for p in office} >= {".docx", ".xlsx"} and pdfs
    for path in documents:
        assert left_in(path) == [], path
    for path in pdfs:
        noted = path.read_bytes() + b"\n999 0 obj\n" + sticky_note(pdf_literal("ยังไม่ยืนยัน")) + b"\nendobj\n"
        assert kinds(tmp_path, "with-note.pdf", noted) == [("comments", 1, "ยังไม่ยืนยัน", "")], path
    for path in office:
        name, part = COMMENT_PART[path.suffix.lower()]
        with zipfile.ZipFile(path) as original:
            parts = {member: original.read(member) for member in original.namelist()}
        assert name not in parts
        assert kinds(tmp_path, "with-comment" + path.suffix, zip_of({**parts, name: part.encode()})) == [
            ("comments", 1, "ยังไม่ยืนยัน", "")], path


def test_a_pdf_s_comments_are_found_in_its_bytes_and_its_object_streams(tmp_path):
    """A reviewer's sticky notes and the words typed into a highlight, as a PDF reader saves them
    (UTF-16 words in a literal string, escaped or in octal, or in hex; in an object of its own or
    packed in a deflated object stream); links, form fields and text typed on the page are none;
    a comment deleted but saved over stays in the file, and is found."""
    from tests.attachments.documents_keeping import (FIELD, LINK, TYPED, annotated_pdf, markup, pdf_hex, pdf_literal,
                                                     sticky_note)

    note = "ตัวเลขหน้านี้ยังไม่ยืนยัน (รอกองคลัง)"
    assert kinds(tmp_path, "note.pdf", annotated_pdf([sticky_note(pdf_literal(note)), LINK, FIELD, TYPED])) == [
        ("comments", 1, note, "")]
    assert kinds(tmp_path, "octal.pdf", annotated_pdf([sticky_note(pdf_literal("แก้วันที่ตรงนี้", octal=True))])) == [
        ("comments", 1, "แก้วันที่ตรงนี้", "")]
    assert kinds(tmp_path, "marked.pdf", annotated_pdf([
        markup(b"Highlight", pdf_hex("ข้อนี้ต้องตัดออก")), markup(b"Highlight"), markup(b"Underline"),
        markup(b"StrikeOut", rb"(delete \(old\) date)")])) == [("comments", 2, "ข้อนี้ต้องตัดออก", "")]
    assert kinds(tmp_path, "packed.pdf", annotated_pdf([sticky_note(pdf_hex("ในสตรีมของวัตถุ")), LINK], packed=True)) == [
        ("comments", 1, "ในสตรีมของวัตถุ", "")]
    assert b"ObjStm" in annotated_pdf([LINK], packed=True) and b"Subtype" not in annotated_pdf([LINK], packed=True)
    assert kinds(tmp_path, "sealed.pdf", annotated_pdf([sticky_note(b"(\x8a\x11\x93)")], encrypted=True)) == [
        ("comments", 1, "", "")]  # counted; its words are encrypted
    assert kinds(tmp_path, "empty.pdf", annotated_pdf([sticky_note(b"()")])) == [("comments", 1, "", "")]
    assert kinds(tmp_path, "deleted.pdf", annotated_pdf([LINK], deleted=[sticky_note(pdf_literal("ลบแล้วแต่ยังอยู่"))])) == [
        ("comments", 1, "ลบแล้วแต่ยังอยู่", "")]
    assert kinds(tmp_path, "form.pdf", annotated_pdf([LINK, FIELD, TYPED, markup(b"Highlight")])) == []
    assert kinds(tmp_path, "pdfs.zip", zip_of({"ประกาศ.pdf": annotated_pdf([sticky_note(pdf_literal("ร่าง"))])})) == [
        ("comments", 1, "ร่าง", "ประกาศ.pdf")]


def test_a_pdf_keeping_a_comment_keeps_the_release_off_the_site_with_acrobat_s_fix(build_site):
    from tests.attachments.documents_keeping import annotated_pdf, pdf_literal, sticky_note

    result = build_site(release("ประกาศ.pdf", annotated_pdf([sticky_note(pdf_literal("ยังไม่ผ่านกองกฎหมาย"))])))
    found = [e for e in result.errors if "content/news/complaint-forms-2569.md:5" in e]
    assert not result.ok and len(found) == 1, result.errors
    assert "«ยังไม่ผ่านกองกฎหมาย»" in found[0] and "Acrobat" in found[0] and "Save As" in found[0], found


def test_damaged_documents_give_an_answer_never_a_traceback(tmp_path):
    """Each kind of document cut short at random places or with random bytes changed (a download
    broken off, a bad disk): left_in answers with a list, whatever the damage."""
    import random

    from tests.attachments.documents_keeping import (LINK, annotated_pdf, markup, pdf_hex, pdf_literal,
                                                     sticky_note)

    documents = [word(PARAGRAPHS, deleted="ภายในสามวัน", added="หนึ่งวัน", comments=["ยังไม่ยืนยัน"]),
                 excel(notes=["ตัวเลข"], threaded=["รอผล"]), powerpoint(comments=["แก้สี"], modern=["ตัด"]),
                 open_document("text", deleted="สามวัน", comments=["ยังไม่ยืนยัน"]),
                 annotated_pdf([sticky_note(pdf_literal("แก้วันที่", octal=True)), markup(b"Highlight", pdf_hex("ตัด")),
                                LINK]),
                 annotated_pdf([sticky_note(pdf_hex("ในสตรีม"))], packed=True)]
    chance = random.Random(2569)
    for number, document in enumerate(documents):
        for variant in range(120):
            damaged = bytearray(document)
            if variant % 2:
                damaged = damaged[:chance.randrange(len(damaged))]
            else:
                for _ in range(chance.randrange(1, 8)):
                    damaged[chance.randrange(len(damaged))] = chance.randrange(256)
            path = tmp_path / f"{number}-{variant}.bin"
            path.write_bytes(bytes(damaged))
            assert isinstance(left_in(path), list)
