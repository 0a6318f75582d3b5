"""Inventory of bad inputs: each gives a clear message naming the file (and line), never a traceback.

Two sites are built once per module from the cases below: one with the cases that must fail the
build (errors) and one with the cases that must only warn or just work, whose output is inspected.
Each case then checks the messages that name its file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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
    extra_messages: list = field(default_factory=list)


HUGE = post("ข่าวยาวมาก", body="ความโปร่งใส " * 200_000)

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
         "news/linked/secret.md", ("symlink",)),
    Case("symlink-image", {"images/passwd.jpg": ("symlink", "/etc/passwd")}, "error",
         "images/passwd.jpg", ("symlink", "/etc/passwd")),
    Case("huge", {"news/huge.md": HUGE}, "error", "news/huge.md", ("too large", "bytes")),
    Case("bad-date", {"news/bad-date.md": post("วันที่ไม่มีจริง", date="Date: 2565-02-30\n")},
         "error", "news/bad-date.md", ("2565-02-30",)),
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
]


def _write(content: Path, outside: Path, files: dict) -> None:
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, tuple):
            target = data[1] if data[1].startswith("/") else str(outside.parent / data[1])
            path.symlink_to(target)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def _build_cases(base: Path, cases) -> tuple:
    outside = base / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.md").write_text("Title: ลับ\nDate: 2567-01-01\n\nข้อมูลลับของหน่วยงาน\n", encoding="utf-8")
    content = base / "content"
    content.mkdir()
    _write(content, outside, {"news/ok.md": post("ข่าวปกติ", extra="Slug: ok\n")})
    for case in cases:
        _write(content, outside, case.files)
    result = build(
        ROOT / "pelicanconf.py", base / "output",
        overrides={"PATH": str(content), "CACHE_PATH": str(base / "cache")},
        quiet=True,
    )
    return result, base / "output"


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
        html = without_breaks((output / case.page).read_text(encoding="utf-8"))
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
