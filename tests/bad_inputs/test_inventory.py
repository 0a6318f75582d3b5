"""Inventory of bad inputs: each gives a clear message naming the file (and line), never a traceback.

Two sites are built once per module from the cases below: one with the cases that must fail the
build (errors) and one with the cases that must only warn or just work, whose output is inspected.
Each case then checks the messages that name its file.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.attachments.documents_keeping import word
from tests.attachments.documents_with_photos import pdf_keeping, word_file, zip_of
from tests.conftest import without_breaks
from tools.build import build, plugin_receivers

ROOT = Path(__file__).resolve().parents[2]
DATE = "Date: 2567-05-01 09:00\n"
HEAD = "Category: ข่าวกิจกรรม\nSummary: ศูนย์ปฏิบัติการต่อต้านการทุจริตจัดกิจกรรมเพื่อความโปร่งใส\n"
BODY = "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน จัดกิจกรรมส่งเสริมความโปร่งใสให้บุคลากรในสังกัด\n"


def post(title: str, *, extra: str = "", body: str = BODY, date: str = DATE) -> str:
    return f"Title: {title}\n{date}{HEAD}{extra}\n{body}"


@dataclass
class Case:
    id: str
    files: dict  # path under content/ -> str | bytes | ("symlink", target)
    level: str | None  # "error", "warning", "any" (error or warning), or None (no message at all)
    file: str | tuple  # the file the message must name, under content/ (or one of several)
    says: tuple = ()  # substrings the message must contain (any message naming the file)
    line: int | None = None
    absent: tuple = ()  # strings that must not appear in the output page (warn site only)
    present: tuple = ()  # strings that must appear in the output page (warn site only)
    page: str | None = None  # output page of the case, for absent/present
    unpublished: str | None = None  # output page that must NOT exist
    only_one: bool = False  # exactly one message may name the file (or anything under it)
    extra_messages: list = field(default_factory=list)


HUGE = post("ข่าวยาวมาก", body="ความโปร่งใส " * 200_000)


def photo(size=(64, 48), gps=False, camera=False) -> bytes:
    """A small generated JPEG, with a phone's camera model (and GPS position when `gps`)."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, (40, 90, 160))
    exif = Image.Exif()
    if gps or camera:
        exif[0x010F] = "SamplePhone"
    if gps:
        exif[0x8825] = {1: "N", 2: (13.0, 45.0, 51.3), 3: "E", 4: (100.0, 33.0, 55.8)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def foreign_image(case_id: str, body: str, line: int = 9, **extra) -> "Case":
    """A post whose body loads an image from evil.example in a form a browser accepts."""
    slug = f"foreign-{case_id}"
    return Case(f"foreign-{case_id}", {f"news/{slug}.md": post(
        f"ข่าวรูปจากเว็บอื่น {case_id}", extra=f"Slug: {slug}\n", body=BODY + "\n" + body + "\n")},
        "warning", f"news/{slug}.md", ("another site",), line=line, page=f"news/{slug}/index.html",
        absent=("evil.example",), **extra)

def pasted(case_id: str, body: str, says: tuple, absent: tuple = ("evil.example",), line: int = 9) -> "Case":
    """A post with HTML pasted from another site or a word processor that the sanitiser must clean."""
    slug = f"pasted-{case_id}"
    return Case(slug, {f"news/{slug}.md": post(
        f"ข่าวมี HTML วางมา {case_id}", extra=f"Slug: {slug}\n", body=BODY + "\n" + body + "\n")},
        "warning", f"news/{slug}.md", says, line=line, page=f"news/{slug}/index.html", absent=absent)


def bomb_png() -> bytes:
    """A tiny PNG whose header claims 20,000 x 20,000 pixels (a decompression bomb)."""
    import io
    import struct
    import zlib

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (8, 8)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = bytearray(data[16:29])
    ihdr[0:8] = struct.pack(">II", 20000, 20000)
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    return bytes(data)


ERROR_CASES = [
    Case("tis620", {"news/tis620.md": post("ข่าวรหัสเก่า").encode("cp874")}, "error",
         "news/tis620.md", ("TIS-620", "UTF-8", "Save As"), line=1),
    Case("tis620-body-only", {"news/tis620-body.md": "Title: Old editor\nDate: 2024-05-01\n\n".encode()
         + "ข่าวที่พิมพ์ในโปรแกรมเก่า".encode("cp874")}, "error", "news/tis620-body.md",
         ("TIS-620",), line=4),
    Case("latin1", {"news/latin1.md": "Title: Café\nDate: 2024-05-01\n\nCafé\n".encode("latin-1")},
         "error", "news/latin1.md", ("not UTF-8", "0xE9"), line=1),
    Case("binary", {"news/photo.md": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200)},
         "error", "news/photo.md", ("not a text file",)),
    Case("empty", {"news/empty.md": ""}, "error", "news/empty.md", ("empty",)),
    Case("blank", {"news/blank.md": "\n   \n\t\n"}, "error", "news/blank.md", ("empty",)),
    Case("no-title", {"news/no-title.md": DATE + HEAD + "\n" + BODY}, "error",
         "news/no-title.md", ("no title", "Title:"), line=1),
    Case("thai-keys", {"news/thai-keys.md": "ชื่อเรื่อง: ข่าว\nวันที่: 2567-05-01\n\n" + BODY},
         "error", "news/thai-keys.md", ("English", "Title:"), line=1),
    Case("titel", {"news/titel.md": "Titel: ข่าวสะกดผิด\n" + DATE + HEAD + "\n" + BODY}, "error",
         "news/titel.md", ("no title",)),
    # thai_text gives the second post a new slug (WARNING); content_guard would report an ERROR
    # if two sources still ended up in one file. Either way, a message names the files.
    Case("duplicate-slug", {
        "news/dup-a.md": post("ข่าวซ้ำหนึ่ง", extra="Slug: same-slug\n"),
        "news/dup-b.md": post("ข่าวซ้ำสอง", extra="Slug: same-slug\n"),
    }, "any", ("news/dup-a.md", "news/dup-b.md"), ("same-slug", "content/news/dup-")),
    Case("symlink-post", {"news/leak.md": ("symlink", "outside/secret.md")}, "error",
         "news/leak.md", ("symlink", "outside the content folder")),
    Case("symlink-folder", {"news/linked": ("symlink", "outside")}, "error",
         "news/linked", ("symlink",)),
    Case("symlink-image", {"images/passwd.jpg": ("symlink", "/etc/passwd")}, "error",
         "images/passwd.jpg", ("symlink", "/etc/passwd")),
    Case("huge", {"news/huge.md": HUGE}, "error", "news/huge.md", ("too large", "bytes")),
    Case("bad-date", {"news/bad-date.md": post("วันที่ไม่มีจริง", date="Date: 2565-02-30\n")},
         "error", "news/bad-date.md", ("2565-02-30",)),
    # A notice to migrant workers whose Burmese the translator typed in the Zawgyi font.
    Case("zawgyi", {"news/zawgyi.md": post("ประกาศถึงแรงงานเมียนมา", body=BODY + "\n"
         + "ပြဲစား သို႔မဟုတ္ ဝန္ထမ္းတစ္ဦးဦးက ေငြေတာင္းပါက ဖုန္း 1546 သို႔ အခမဲ့ တိုင္ၾကားႏိုင္ပါသည္။\n")},
         "error", "news/zawgyi.md", ("Zawgyi", "Unicode", "Pyidaungsu"), line=8),
    # A telephone number a digit short (typed from a letter): readers would call a wrong number.
    Case("phone-number", {"news/phone-number.md": post("ข่าวเบอร์โทรขาดหลัก", body=BODY + "\n"
         + "สอบถามเพิ่มเติมได้ที่กลุ่มงานประชาสัมพันธ์ โทร. 0 2232 126 ในวันและเวลาราชการ\n")},
         "warning", "news/phone-number.md", ('"0 2232 126"', "8 digits", "8 หลัก"), line=8),
    # Photos are checked by the photo_gallery plugin; here only: a clear message, file named.
    Case("gallery-missing", {"news/no-gallery.md": post("ข่าวไม่มีโฟลเดอร์ภาพ", extra="Gallery: no-such-folder\n")},
         "any", "news/no-gallery.md", ("no-such-folder",)),
    Case("photo-damaged", {
        "news/broken-photo.md": post("ข่าวภาพเสีย", extra="Gallery: broken-photos\n"),
        "galleries/broken-photos/p01.jpg": bytes(range(256)) * 20,
    }, "any", ("galleries/broken-photos/p01.jpg", "news/broken-photo.md"), ("p01.jpg",)),
    Case("cover-without-gallery", {"news/no-cover.md": post("ข่าวภาพปกหาย", extra="Cover: images/missing-cover.jpg\n")},
         "any", "news/no-cover.md", ("missing-cover.jpg",)),
    Case("date-words", {"news/date-words.md": post("วันที่เป็นคำ", date="Date: เมื่อวานนี้\n")},
         "error", "news/date-words.md", ("เมื่อวานนี้",)),
    Case("gallery-photo-symlink", {
        "news/linked-photo.md": post("ข่าวภาพลิงก์", extra="Gallery: linked-photo\n"),
        "galleries/linked-photo/p1.jpg": photo(),
        "galleries/linked-photo/p2.jpg": ("symlink", "/etc/passwd"),
    }, "error", ("galleries/linked-photo/p2.jpg", "news/linked-photo.md"), ("symlink", "/etc/passwd")),
    Case("gallery-folder-symlink", {
        "news/linked-folder.md": post("ข่าวโฟลเดอร์ลิงก์", extra="Gallery: linked-folder\n"),
        "galleries/linked-folder": ("symlink", "outside"),
    }, "error", "news/linked-folder.md", ("symlink", "outside the content folder"), line=5),
    Case("gallery-pipe", {
        "news/pipe-photo.md": post("ข่าวภาพเป็นไปป์", extra="Gallery: pipe-photo\n"),
        "galleries/pipe-photo/p1.jpg": photo(),
        "galleries/pipe-photo/p2.jpg": ("fifo",),
    }, "error", ("galleries/pipe-photo/p2.jpg", "news/pipe-photo.md"), ("regular file",)),
    # Pages that would replace the site's own pages, or leave the output folder.
    Case("save-as-home", {"pages/fake-home.md": "Title: หน้าแรกปลอม\nSave_as: index.html\n\nข้อความ\n"},
         "error", "pages/fake-home.md", ("home page", "หน้าแรก"), line=2),
    Case("save-as-404", {"pages/fake-404.md": "Title: หน้าไม่พบปลอม\nSave_as: 404.html\n\nข้อความ\n"},
         "error", "pages/fake-404.md", ("404",), line=2),
    Case("slug-search", {"pages/fake-search.md": "Title: ค้นหาปลอม\nSlug: search\n\nข้อความ\n"},
         "error", "pages/fake-search.md", ("search page",), line=2),
    Case("slug-feeds", {"pages/fake-feed.md": "Title: ฟีดปลอม\nSave_as: feeds/all.atom.xml\n\nข้อความ\n"},
         "error", "pages/fake-feed.md", ("feed",), line=2),
    Case("save-as-theme", {"pages/fake-css.md": "Title: สไตล์ปลอม\nSave_as: theme/css/site.css\n\nข้อความ\n"},
         "error", "pages/fake-css.md", ("theme",), line=2),
    Case("save-as-category", {"pages/fake-category.md": "Title: หมวดปลอม\nSave_as: category/khao-kitkam/index.html\n\nข้อความ\n"},
         "error", "pages/fake-category.md", ("category",), line=2),
    Case("save-as-escape", {"pages/escape.md": "Title: หนีออก\nSave_as: ../../escaped.html\n\nข้อความ\n"},
         "error", "pages/escape.md", ("outside the site",), line=2),
    Case("save-as-absolute", {"pages/absolute.md": "Title: ทางเต็ม\nSave_as: /etc/x.html\n\nข้อความ\n"},
         "error", "pages/absolute.md", ("outside the site",), line=2),
    Case("template-path", {"news/template-path.md": post("ข่าวแม่แบบผิด", extra="Template: ../x\n")},
         "error", "news/template-path.md", ("Template", "../x"), line=5),
    Case("template-unknown", {"news/template-unknown.md": post("ข่าวแม่แบบไม่มี", extra="Template: special\n")},
         "error", "news/template-unknown.md", ("special", "article"), line=5),
    Case("status-typo", {"news/status-typo.md": post("ข่าวสถานะผิด", extra="Status: drfat\n")},
         "error", "news/status-typo.md", ("drfat", "draft"), line=5),
    Case("two-titles", {"news/two-titles.md": "Title: ชื่อแรก\nTitle: ชื่อที่สอง\n" + DATE + HEAD + "\n" + BODY},
         "error", "news/two-titles.md", ("written twice", "1 and 2"), line=2),
    Case("two-dates", {"news/two-dates.md": post("ข่าวสองวันที่", extra="Date: 2567-06-01\n")},
         "error", "news/two-dates.md", ("Date:", "twice"), line=5),
    Case("nul-late", {"news/nul-late.md": post("ข่าวมีอักขระ NUL", body="ก" * 9000 + "\nบรรทัดที่สอง\x00\n")},
         "error", "news/nul-late.md", ("NUL",), line=7),
    Case("pipe-md", {"news/pipe.md": ("fifo",)}, "error", "news/pipe.md", ("not a regular file",)),
    Case("linked-folder-etc", {"news/etc": ("symlink", "/etc")}, "error", "news/etc",
         ("folder is a symlink", "/etc"), only_one=True),
    Case("linked-static-folder", {"images/doc": ("symlink", "/usr/share")}, "error", "images/doc",
         ("symlink", "/usr/share"), only_one=True),
    Case("link-outside-content", {"news/up.md": post("ข่าวลิงก์ออกนอก", body="[ดู]({static}/../tasks.py)\n")},
         "error", "news/up.md", ("outside the content folder",), line=6),
    Case("open-brackets", {"news/brackets.md": post("ข่าววงเล็บ", body="[" * 30_000 + "\n")},
         "error", "news/brackets.md", ("square brackets",), line=6),
    Case("bracket-star-mix", {"news/mix.md": post("ข่าวสัญลักษณ์ปน", body=("[*a<" * 22_000) + "\n")},
         "error", "news/mix.md", ("square brackets",), line=6),
    Case("nested-list", {"news/nested.md": post("ข่าวรายการซ้อน", body="".join(
        "    " * i + "- ข้อ\n" for i in range(500)))}, "error", "news/nested.md", ("nested",), line=22),
    Case("nested-quote", {"news/quotes.md": post("ข่าวอ้างอิงซ้อน", body="> " * 400 + "ข้อความ\n")},
         "error", "news/quotes.md", ("nested",), line=6),
    Case("not-leap-year", {"news/leap.md": post("ข่าววันที่ 29 ก.พ.", date="Date: 2566-02-29 09:00\n")},
         "error", "news/leap.md", ("2566-02-29",), line=2),
    Case("dmy-impossible", {"news/dmy.md": post("ข่าววันที่ผิดรูป", date="Date: 32/13/2565\n")},
         "error", "news/dmy.md", ("32/13/2565",), line=2),
    Case("empty-category", {"news/empty-category.md": "Title: ข่าวไม่มีหมวด\n" + DATE
                            + "Category:\nSummary: สรุป\n\n" + BODY},
         "error", "news/empty-category.md", ("category",)),
    Case("category-typo", {"news/category-typo.md": "Title: ข่าวหมวดพิมพ์ผิด\n" + DATE
                           + "Category: ข่าวกิจกรม\nSummary: สรุป\n\n" + BODY},
         "error", "news/category-typo.md", ("ข่าวกิจกรม", "ข่าวกิจกรรม"), line=3),
    Case("attachment-located-photo", {
        "news/word-photo.md": post("ข่าวแนบ Word ที่มีภาพจากโทรศัพท์",
                                   extra="Attachments: extra/attachments/word-photo/คู่มือ.docx: คู่มือ\n"),
        "extra/attachments/word-photo/คู่มือ.docx": word_file(photo(gps=True))},
         "error", "news/word-photo.md", ("word/media/image1.jpeg", "GPS"), line=5),
    Case("attachment-camera-in-pdf", {
        "news/scan-photo.md": post("ข่าวแนบ PDF จากแอปสแกน",
                                   extra="Attachments: extra/attachments/scan-photo/scan.pdf: เอกสารสแกน\n"),
        "extra/attachments/scan-photo/scan.pdf": pdf_keeping(photo(camera=True))},
         "error", "news/scan-photo.md", ("ภาพที่ 1", "SamplePhone"), line=5),
    Case("attachment-word-comments", {
        "news/word-comments.md": post("ข่าวแนบแบบฟอร์ม Word ที่ยังมีความคิดเห็น",
                                      extra="Attachments: extra/attachments/word-comments/แบบฟอร์ม.docx: แบบฟอร์ม\n"),
        "extra/attachments/word-comments/แบบฟอร์ม.docx": word(["แบบฟอร์มแจ้งเบาะแส"], deleted="ภายในสามวัน",
                                                              comments=["ยังไม่ผ่านหัวหน้า"])},
         "error", "news/word-comments.md", ("Track Changes", "«ภายในสามวัน»", "«ยังไม่ผ่านหัวหน้า»"), line=5),
    Case("attachment-damaged-word", {
        "news/word-damaged.md": post("ข่าวแนบไฟล์ Word ที่เสียหาย",
                                     extra="Attachments: extra/attachments/word-damaged/เสีย.docx: เอกสาร\n"),
        "extra/attachments/word-damaged/เสีย.docx": zip_of({"word/document.xml": b"<w:document><w:ins>",
                                                            "word/comments.xml": b"\x00\xff<"})},
         None, "news/word-damaged.md"),
    Case("gallery-traversal", {"news/gallery-up.md": post("ข่าวแกลเลอรีนอกโฟลเดอร์", extra="Gallery: ../../etc\n")},
         "error", "news/gallery-up.md", ("../../etc",), line=5),
    Case("gallery-absolute", {"news/gallery-abs.md": post("ข่าวแกลเลอรีทางเต็ม", extra="Gallery: /etc\n")},
         "error", "news/gallery-abs.md", ("/etc",), line=5),
    Case("save-as-backslash", {"pages/backslash.md": "Title: ทางย้อน\nSave_as: ..\\..\\x.html\n\nข้อความ\n"},
         "error", "pages/backslash.md", ("outside the site",), line=2),
    Case("template-with-extension", {"news/template-ext.md": post("ข่าวแม่แบบมีนามสกุล",
                                                                  extra="Template: article.html\n")},
         "error", "news/template-ext.md", ("article.html",), line=5),
    Case("filename-outside", {"news/up-readme.md": post("ข่าวลิงก์ไฟล์นอก", body="[อ่าน]({filename}/../README.md)\n")},
         "error", "news/up-readme.md", ("outside the content folder",), line=6),
    Case("md-link-without-filename", {"news/md-link.md": post("ข่าวลิงก์ไฟล์ต้นฉบับ", body="[ข่าว](ok.md)\n")},
         "error", "news/md-link.md", ("source file",), line=6),
    Case("tag-link-unknown", {"news/tag-link.md": post("ข่าวลิงก์ป้ายไม่มี", body="[ป้าย]({tag}ไม่มีป้ายนี้)\n")},
         "error", "news/tag-link.md", ("ไม่มีป้ายนี้",), line=6),
    Case("html-page-untitled", {"pages/plain.html": "<html><head></head><body><p>หน้าไม่มีชื่อ</p></body></html>"},
         "error", "pages/plain.html", ("<title>",)),
    Case("captions-tis620", {
        "news/captions-old.md": post("ข่าวคำบรรยายรหัสเก่า", extra="Gallery: captions-old\n"),
        "galleries/captions-old/p1.jpg": photo(),
        "galleries/captions-old/captions.txt": "p1.jpg: ภาพกิจกรรม\n".encode("cp874"),
    }, "error", "galleries/captions-old/captions.txt", ("UTF-8",)),
    Case("photo-bomb", {
        "news/bomb.md": post("ข่าวภาพพิกเซลมหาศาล", extra="Gallery: bomb\n"),
        "galleries/bomb/p1.png": bomb_png(),
    }, "any", ("galleries/bomb/p1.png", "news/bomb.md"), ("p1.png",)),
    # A link that leads nowhere is an ERROR for `invoke check` and every build alike: the file is
    # not published (the live preview keeps its last good version).
    Case("missing-page", {"news/missing-page.md": post("ข่าวลิงก์เสีย", extra="Slug: missing-page\n",
                                                       body=BODY + "\nอ่าน[ข่าวเดิม](/news/no-such-post/)\n")},
         "error", "news/missing-page.md", ("/news/no-such-post/", "no page"), line=9),
    Case("missing-filename", {"news/missing-file.md": post("ข่าวลิงก์ไฟล์หาย", extra="Slug: missing-file\n",
                                                           body="ดู[ประกาศ]({filename}/news/not-written-yet.md)\n")},
         "error", "news/missing-file.md", ("not-written-yet.md",), line=7),
    Case("missing-image", {"news/missing-image.md": post("ข่าวรูปหาย", extra="Slug: missing-image\n",
                                                         body="![ป้ายรณรงค์]({static}/images/no-such-photo.jpg)\n")},
         "error", "news/missing-image.md", ("no-such-photo.jpg",), line=7),
]

WARN_CASES = [
    Case("bom", {"news/bom.md": b"\xef\xbb\xbf" + post("ข่าวมี BOM", extra="Slug: with-bom\n").encode()},
         None, "news/bom.md", page="news/with-bom/index.html", present=("ข่าวมี BOM",)),
    Case("crlf", {"news/crlf.md": post("ข่าวบรรทัดแบบวินโดวส์", extra="Slug: crlf\n",
                                       body="ย่อหน้าแรก\n\nย่อหน้าที่สอง\n").replace("\n", "\r\n").encode()},
         None, "news/crlf.md", page="news/crlf/index.html", present=("ย่อหน้าที่สอง", "ข่าวกิจกรรม"),
         absent=("\r",)),
    Case("cr-only", {"news/cr.md": post("ข่าวบรรทัดแบบแมคเก่า", extra="Slug: cr-only\n").replace("\n", "\r").encode()},
         None, "news/cr.md", page="news/cr-only/index.html", present=("ข่าวกิจกรรม",)),
    Case("thai-filename", {"news/ข่าวชื่อไฟล์ไทย.md": post("ชื่อไฟล์ภาษาไทย", extra="Slug: thai-filename\n")},
         None, "news/ข่าวชื่อไฟล์ไทย.md", page="news/thai-filename/index.html"),
    Case("catgory", {"news/catgory.md": post("ข่าวหมวดสะกดผิด", extra="Catgory: ประกาศ\n")},
         "warning", "news/catgory.md", ('"Catgory:"', 'did you mean "Category:"'), line=5),
    Case("tag", {"news/tag.md": post("ข่าวป้ายสะกดผิด", extra="Tag: ความโปร่งใส\n")},
         "warning", "news/tag.md", ('did you mean "Tags:"',), line=5),
    Case("unknown-key", {"news/unknown-key.md": post("ข่าวช่องแปลก", extra="Xyzzy: 1\n")},
         "warning", "news/unknown-key.md", ('"Xyzzy:"', "known keys"), line=5),
    Case("no-body", {"news/no-body.md": post("ข่าวไม่มีเนื้อ", body="")}, "warning",
         "news/no-body.md", ("no text",)),
    Case("script", {"news/script.md": post("ข่าวมีสคริปต์", extra="Slug: script\n",
                                           body=BODY + "\n<script>document.cookie</script>\n")},
         "warning", "news/script.md", ("scripts",), line=9, page="news/script/index.html",
         absent=("document.cookie",)),
    Case("onclick", {"news/onclick.md": post("ข่าวมีคำสั่งคลิก", extra="Slug: onclick\n",
                                             body='<p onclick="steal()">คลิกที่นี่</p>\n')},
         "warning", "news/onclick.md", ("onclick",), line=7, page="news/onclick/index.html",
         absent=("steal()",), present=("คลิกที่นี่",)),
    Case("javascript-link", {"news/js-link.md": post("ข่าวลิงก์อันตราย", extra="Slug: js-link\n",
                                                     body="[ลงทะเบียน](javascript:steal())\n")},
         "warning", "news/js-link.md", ("unsafe links",), line=7, page="news/js-link/index.html",
         absent=("javascript:",), present=("ลงทะเบียน",)),
    Case("attr-list", {"news/attr-list.md": post("ข่าวแอตทริบิวต์", extra="Slug: attr-list\n",
                                                 body='ย่อหน้าพิเศษ\n{: onmouseover="steal()" }\n')},
         "warning", "news/attr-list.md", ("onmouseover",), line=8, page="news/attr-list/index.html",
         absent=("steal()",)),
    Case("foreign-iframe", {"news/iframe.md": post("ข่าวฝังเว็บอื่น", extra="Slug: iframe\n",
                                                   body='<iframe src="https://tracker.example/poll"></iframe>\n')},
         "warning", "news/iframe.md", ("iframes",), line=7, page="news/iframe/index.html",
         absent=("tracker.example", "<iframe")),
    Case("youtube", {"news/youtube.md": post("ข่าวมีวิดีโอ", extra="Slug: youtube\n",
                                             body='<iframe width="560" height="315" src="https://www.youtube.com/embed/Ab_cd-12345" '
                                                  'title="YouTube video player" allowfullscreen></iframe>\n')},
         None, "news/youtube.md", page="news/youtube/index.html",
         present=("https://www.youtube.com/watch?v=Ab_cd-12345", "video-embed"), absent=("<iframe",)),
    Case("facebook-video", {"news/fb-video.md": post("ข่าววิดีโอเฟซบุ๊ก", extra="Slug: fb-video\n",
                                                     body='<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fmolthailand%2Fvideos%2F1234567890%2F&show_text=0" width="560"></iframe>\n')},
         None, "news/fb-video.md", page="news/fb-video/index.html",
         present=("https://www.facebook.com/molthailand/videos/1234567890/",), absent=("<iframe", "plugins/video.php")),
    Case("word-paste", {"news/word.md": post("ข่าววางจากเวิร์ด", extra="Slug: word\n", body=(
        '<p class="MsoNormal" style="margin:0cm;font-family:&quot;TH SarabunPSK&quot;">'
        '<span lang="TH" style="font-size:16.0pt">ประชุมคณะทำงาน<o:p></o:p></span></p>\n'))},
         "warning", "news/word.md", ("inline styles", "Word"), line=7, page="news/word/index.html",
         present=("ประชุมคณะทำงาน",), absent=("Mso", "style=", "o:p")),
    Case("facebook-paste", {"news/fb-paste.md": post("ข่าววางจากเฟซบุ๊ก", extra="Slug: fb-paste\n", body=(
        '<div><img src="https://scontent.xx.fbcdn.net/v/t39/photo.jpg" alt="">'
        '<a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.mol.go.th%2F&amp;h=AT3x">กระทรวงแรงงาน</a></div>\n'))},
         "warning", "news/fb-paste.md", ("another site", "content/images/"), line=7,
         page="news/fb-paste/index.html", absent=("fbcdn", "l.facebook.com"),
         present=('href="https://www.mol.go.th/"',)),
    Case("style-block", {"news/style-block.md": post("ข่าวมีสไตล์", extra="Slug: style-block\n",
                                                     body="<style>body{display:none}</style>\n\n" + BODY)},
         "warning", "news/style-block.md", ("<style>",), line=7, page="news/style-block/index.html",
         absent=("display:none",)),
    Case("data-image", {"news/data-img.md": post("ข่าวรูปฝัง", extra="Slug: data-img\n",
                                                 body="![ภาพ](data:image/png;base64,iVBORw0KGgo=)\n")},
         "warning", "news/data-img.md", ("another site",), line=7, page="news/data-img/index.html",
         absent=("base64",)),
    Case("comment", {"news/comment.md": post("ข่าวมีหมายเหตุ", extra="Slug: comment\n",
                                             body=BODY + "\n<!-- หมายเหตุภายใน: รอผู้อำนวยการอนุมัติ -->\n")},
         None, "news/comment.md", page="news/comment/index.html", absent=("รอผู้อำนวยการอนุมัติ",)),
    Case("future-date", {"news/future.md": post("ข่าวล่วงหน้า", extra="Slug: future\n",
                                                date="Date: 2599-01-01 09:00\n")},
         "warning", "news/future.md", ("more than a year ahead",), line=2,
         unpublished="news/future/index.html"),
    Case("draft", {"news/draft.md": post("ร่างข่าว", extra="Slug: draft-post\nStatus: draft\n")},
         None, "news/draft.md", unpublished="news/draft-post/index.html"),
    foreign_image("slash-backslash", '<img src="/\\evil.example/x.png" alt="ภาพ">'),
    foreign_image("backslashes", '<img src="\\\\evil.example\\x.png" alt="ภาพ">'),
    foreign_image("static-double-slash", "![ภาพ]({static}//evil.example/x.png)"),
    foreign_image("scheme-relative", "![ภาพ](//evil.example/z.png)"),
    foreign_image("tab-in-scheme", '<img src="ht&#9;tps://evil.example/x.png" alt="ภาพ">'),
    foreign_image("upper-case-scheme", '<img src="HTTPS://evil.example/x.png" alt="ภาพ">'),
    foreign_image("entity-slashes", '<img src="&#47;&#92;evil.example/x.png" alt="ภาพ">'),
    foreign_image("backslash-slash", '<img src="\\/evil.example/x.png" alt="ภาพ">'),
    foreign_image("picture-source", '<picture><source srcset="//evil.example/x.webp">'
                  '<img src="//evil.example/x.png" alt="ภาพ"></picture>'),
    foreign_image("https-no-slashes", '<img src="https:\\\\evil.example/x.png" alt="ภาพ">'),
    Case("foreign-summary", {"news/foreign-summary.md": (
        "Title: ข่าวสรุปมีรูปเว็บอื่น\n" + DATE + "Category: ข่าวกิจกรรม\nSlug: foreign-summary\n"
        'Summary: สรุป <img src="/\\evil.example/s.png"> จบ\n\n' + BODY)},
        "warning", "news/foreign-summary.md", ("another site",), line=5,
        page="index.html", absent=("evil.example",)),
    Case("thai-photo-names", {
        "news/thai-photo-names.md": post("ข่าวภาพชื่อไทย", extra="Slug: thai-photo-names\nGallery: ภาพกิจกรรม\n"),
        "galleries/ภาพกิจกรรม/ภาพกิจกรรม 1.jpg": photo(),
        "galleries/ภาพกิจกรรม/captions.txt": "ภาพกิจกรรม 1.jpg: ผู้เข้าร่วมกิจกรรมรับฟังการบรรยาย\n",
    }, None, "news/thai-photo-names.md", page="news/thai-photo-names/index.html",
        present=("ภาพกิจกรรม-1",), absent=("ภาพ-ก-จกรรม",)),
    Case("folder-named-md", {"news/folder.md/note.txt": "ไม่ใช่ข่าว"}, None, "news/folder.md"),
    pasted("summary-free-script", "<script src=\"//evil.example/a.js\"></script>", ("scripts",)),
    pasted("reference-javascript", "[ลงทะเบียน][1]\n\n[1]: javascript:alert(1)", ("unsafe links",),
           absent=("javascript:",), line=11),
    pasted("data-html-link", '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">เปิด</a>',
           ("unsafe links",), absent=("data:text",)),
    pasted("srcset", '<img src="/theme/img/favicon.svg" srcset="//evil.example/a.png 2x" alt="ภาพ">', ("srcset",)),
    pasted("svg-image", '<svg><image href="//evil.example/a.png"/></svg>', ("svg",)),
    pasted("stylesheet", '<link rel="stylesheet" href="//evil.example/a.css">', ("link",)),
    pasted("object", '<object data="//evil.example/a.swf"></object>', ("object",)),
    pasted("embed", '<embed src="//evil.example/a.swf">', ("embed",)),
    pasted("video-poster", '<video poster="//evil.example/a.png" src="//evil.example/a.mp4"></video>', ("video",)),
    pasted("style-url", '<p style="background:url(//evil.example/a.png)">ข้อความ</p>', ("inline styles",)),
    pasted("base-href", '<base href="//evil.example/">', ("base",)),
    pasted("meta-refresh", '<meta http-equiv="refresh" content="0;url=//evil.example/">', ("meta",)),
    pasted("form", '<form action="//evil.example/steal"><input name="q"></form>', ("form",)),
    pasted("audio", '<audio src="//evil.example/a.mp3"></audio>', ("audio",)),
    Case("static-photo-camera", {
        "news/static-photo.md": post("ข่าวมีภาพจากโทรศัพท์", extra="Slug: static-photo\n",
                                     body="![ภาพประชุม]({static}/images/phone.jpg)\n"),
        "images/phone.jpg": photo(camera=True),
    }, "warning", "images/phone.jpg", ("camera",), page="news/static-photo/index.html",
        present=("/images/phone.jpg",)),
    Case("balanced-brackets", {"news/balanced.md": post(
        "ข่าววงเล็บครบคู่", extra="Slug: balanced\n", body="[ลิงก์](/news/ok/) " * 40 + "\n")},
        None, "news/balanced.md", page="news/balanced/index.html", present=("ลิงก์",)),
]


def _write(content: Path, outside: Path, files: dict) -> None:
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, tuple) and data[0] == "fifo":
            os.mkfifo(path)
        elif isinstance(data, tuple):
            target = data[1] if data[1].startswith("/") else str(outside.parent / data[1])
            path.symlink_to(target)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


@dataclass
class Built:
    """One build of a set of cases, with what the tests of whole-site properties need."""

    result: object
    output: Path
    content: Path
    sources_before: dict  # path under content/ -> digest, taken before the build

    def __iter__(self):  # `result, output = built`
        return iter((self.result, self.output))


def digests(folder: Path) -> dict:
    """Digest of every file under `folder` (symlinks by their target, special files by kind)."""
    import hashlib
    import stat

    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + os.readlink(path)
        elif stat.S_ISREG(path.lstat().st_mode):
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif not path.is_dir():
            found[rel] = f"special:{stat.S_IFMT(path.lstat().st_mode)}"
    return found


def _build_cases(base: Path, cases) -> Built:
    outside = base / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.md").write_text("Title: ลับ\nDate: 2567-01-01\n\nข้อมูลลับของหน่วยงาน\n", encoding="utf-8")
    content = base / "content"
    content.mkdir()
    _write(content, outside, {"news/ok.md": post("ข่าวปกติ", extra="Slug: ok\n")})
    for case in cases:
        _write(content, outside, case.files)
    before = digests(content)
    result = build(
        ROOT / "pelicanconf.py", base / "output",
        overrides={"PATH": str(content), "CACHE_PATH": str(base / "cache")},
        quiet=True,
    )
    return Built(result, base / "output", content, before)


@pytest.fixture(scope="module")
def error_site(tmp_path_factory):
    return _build_cases(tmp_path_factory.mktemp("errors"), ERROR_CASES)


@pytest.fixture(scope="module")
def warn_site(tmp_path_factory):
    return _build_cases(tmp_path_factory.mktemp("warnings"), WARN_CASES)


def _messages(result, filename):
    names = tuple(f"content/{f}:" for f in ((filename,) if isinstance(filename, str) else filename))
    errors = [m for m in result.errors if m.startswith(names)]
    warnings = [m for m in result.warnings if m.startswith(names)]
    return errors, warnings


def _check(case: Case, result) -> None:
    everything = result.errors + result.warnings
    assert not any("Traceback" in m or "build stopped" in m for m in everything), everything
    errors, warnings = _messages(result, case.file)
    if case.level is None:
        assert errors == [] and warnings == [], errors + warnings
        return
    if case.level == "error":
        assert errors, f"no ERROR names content/{case.file}: {everything}"
    elif case.level == "warning":
        assert errors == [], errors
        assert warnings, f"no WARNING names content/{case.file}: {everything}"
    else:
        assert errors or warnings, f"no message names content/{case.file}: {everything}"
    named = errors + warnings
    if case.only_one:
        under = [m for m in everything if m.startswith(f"content/{case.file}/")]
        assert len(named) == 1 and under == [], named + under
    for text in case.says:
        assert any(text in m for m in named), (text, named)
    if case.line is not None:
        assert any(m.startswith(f"content/{case.file}:{case.line}: ") for m in named), named
    # Thai first, then English, as one line.
    assert all(" / " in m and "\n" not in m for m in named), named


def test_the_inventory_is_large_enough():
    assert len(ERROR_CASES) + len(WARN_CASES) >= 30


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.id)
def test_error_case(case, error_site):
    result, _output = error_site
    assert not result.ok
    _check(case, result)


@pytest.mark.parametrize("case", WARN_CASES, ids=lambda c: c.id)
def test_warning_case(case, warn_site):
    result, output = warn_site
    assert result.ok, result.errors
    _check(case, result)
    if case.page:
        from urllib.parse import unquote

        # Compared as a reader sees it: no word-break markup, addresses percent-decoded.
        html = unquote(without_breaks((output / case.page).read_text(encoding="utf-8")))
        for text in case.present:
            assert text in html, text
        for text in case.absent:
            assert text not in html, text
    if case.unpublished:
        assert not (output / case.unpublished).exists()


def test_nothing_from_outside_content_is_published(tmp_path):
    # The symlink cases alone, run by Pelican itself so that the output is kept despite errors.
    from pelican import Pelican
    from pelican.settings import read_settings

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("Title: ลับ\nDate: 2567-01-01\n\nข้อมูลลับของหน่วยงาน\n", encoding="utf-8")
    content = tmp_path / "content"
    _write(content, outside, {"news/ok.md": post("ข่าวปกติ", extra="Slug: ok\n")})
    for case in ERROR_CASES:
        if case.id.startswith("symlink"):
            _write(content, outside, case.files)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache")})
        with plugin_receivers():
            Pelican(settings).run()
    finally:
        os.chdir(cwd)
    files = [p for p in (tmp_path / "output").rglob("*") if p.is_file()]
    assert any(p.name == "index.html" for p in files)
    assert not (tmp_path / "output/images/passwd.jpg").exists()
    for path in files:
        data = path.read_bytes()
        assert "ข้อมูลลับของหน่วยงาน".encode() not in data, path
        assert b"root:x:0:0" not in data, path


def test_leftover_staging_from_a_killed_build_is_replaced(tmp_path):
    # A build killed half-way leaves <output>.new behind: the next build starts it afresh.
    content = tmp_path / "content"
    _write(content, tmp_path, {"news/ok.md": post("ข่าวปกติ", extra="Slug: ok\n")})
    stale = tmp_path / "output.new"
    (stale / "news/stale").mkdir(parents=True)
    (stale / "news/stale/index.html").write_text("ค้าง", encoding="utf-8")
    result = build(ROOT / "pelicanconf.py", tmp_path / "output",
                   overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}, quiet=True)
    assert result.ok, result.errors
    assert not stale.exists()
    assert not (tmp_path / "output/news/stale").exists()
    assert (tmp_path / "output/news/ok/index.html").exists()


# -- properties of the whole catalogue ------------------------------------------------------------

LOADING_ATTRIBUTES = {  # (tag, attribute) pairs a browser or a feed reader loads by itself
    ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("script", "src"),
    ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
    ("object", "data"), ("track", "src"), ("input", "src"), ("image", "href"), ("use", "href"),
}


def foreign_references(html_text: str, page_url: str) -> list[str]:
    """Every URL in `html_text` that a browser would load from another host than the site's."""
    import re

    from bs4 import BeautifulSoup

    sys.path.insert(0, str(ROOT / "plugins"))
    from content_guard.urls import resolve

    import warnings

    from bs4 import XMLParsedAsHTMLWarning

    with warnings.catch_warnings():  # feeds are read as HTML on purpose: their entries are HTML
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html_text, "html.parser")
    urls = []
    for tag in soup.find_all(True):
        for (name, attribute) in LOADING_ATTRIBUTES:
            if tag.name == name and tag.get(attribute):
                value = tag[attribute]
                urls += [part.split()[0] for part in value.split(",") if part.strip()] \
                    if attribute == "srcset" else [value]
        if tag.name == "link" and tag.get("href") and set(tag.get("rel") or []) & {
                "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}:
            urls.append(tag["href"])
        if tag.get("style"):
            urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", tag["style"])
    for style in soup.find_all("style"):
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", style.get_text())
    base = "http://127.0.0.1:8000/" + page_url
    found = []
    for url in urls:
        target = resolve(url, base)
        if target is None or target.protocol == "data:":
            continue
        if target.host != "127.0.0.1:8000":
            found.append(url)
    return found


def test_the_catalogue_counts_at_least_100_bad_inputs():
    assert len(ERROR_CASES) + len(WARN_CASES) >= 100, len(ERROR_CASES) + len(WARN_CASES)


@pytest.mark.parametrize("which", ["error", "warn"])
def test_no_build_changes_a_source_file(which, error_site, warn_site):
    built = error_site if which == "error" else warn_site
    assert digests(built.content) == built.sources_before


def test_no_message_is_a_traceback(error_site, warn_site):
    for built in (error_site, warn_site):
        for message in built.result.errors + built.result.warnings:
            assert "Traceback" not in message and 'File "' not in message, message


def test_a_failed_build_publishes_nothing(error_site):
    assert not error_site.result.ok
    assert not error_site.output.exists()


def test_nothing_published_loads_from_another_site(warn_site):
    output = warn_site.output
    pages = [p for p in output.rglob("*") if p.suffix in (".html", ".xml")]
    assert len(pages) > 50
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".xml":  # feeds carry the pages' HTML, escaped
            import html as html_lib

            text = html_lib.unescape(text)
        url = path.relative_to(output).as_posix().removesuffix("index.html")
        assert foreign_references(text, url) == [], path


def test_no_published_image_carries_metadata(warn_site):
    from PIL import Image

    images = [p for p in warn_site.output.rglob("*")
              if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff")]
    assert len(images) >= 5
    for path in images:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(0x8825), path  # GPS
            assert 0x010F not in exif and 0x0110 not in exif, path  # camera make, model
            assert not ({"xmp", "XML:com.adobe.xmp"} & set(image.info)), path


@pytest.mark.parametrize("which", ["error", "warn"])
def test_check_and_build_agree_on_the_whole_catalogue(which, error_site, warn_site):
    """`invoke check` finds exactly the (file, line, rule) the build reports, for every case."""
    from tools.check import check_content, load_settings

    built = error_site if which == "error" else warn_site
    settings = load_settings(ROOT / "pelicanconf.py", {"CACHE_PATH": str(built.content.parent / "check-cache")})
    checked = check_content(built.content, settings)
    by_check = {(p.file, p.line, p.rule) for p in checked}
    by_build = {(p.file, p.line, p.rule) for p in built.result.problems}
    assert by_build, "the build kept no Problem objects"
    assert by_check == by_build, (sorted(by_check - by_build), sorted(by_build - by_check))
