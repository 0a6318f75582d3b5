"""`invoke check`, the build and the live preview give one verdict: on a site of more than 25 bad
inputs (every rule of every plugin, and the five cases of issue 14) all three report the same
set of (file, line, rule), with the same severity; "0 warnings" means the same in each."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image

from tools import check
from tools.build import build
from tools.preview import PreviewSite

ROOT = Path(__file__).resolve().parents[2]
BODY = "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน จัดกิจกรรมส่งเสริมความโปร่งใสให้บุคลากรในสังกัด"


def post(slug: str, *, title="ข่าวกิจกรรมของศูนย์", date="2568-03-10 09:00", category="ข่าวกิจกรรม",
         extra="", body=BODY) -> str:
    head = f"Title: {title}\n" if title else ""
    head += f"Date: {date}\n" if date else ""
    head += f"Category: {category}\n" if category else ""
    return f"{head}Slug: {slug}\n{extra}\n{body}\n"


def jpeg(size=(64, 48), noise=False, exif=None) -> bytes:
    image = Image.new("RGB", size, (60, 110, 170))
    if noise:
        rng = random.Random(7)
        image.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(size[0] * size[1])])
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, **({"exif": exif} if exif else {}))
    return out.getvalue()


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (13.0, 45.0, 51.3), 3: "E", 4: (100.0, 33.0, 55.8)}
    return exif


# file (under content/) -> text or bytes; each bad input names the rules it must trigger.
GOOD = {
    "news/good.md": post("good", body=BODY + "\n\nอ่าน[ข่าวหมวดนี้](/category/news-kitchakam/)"),
    "news/with-gallery.md": post("with-gallery", extra="Gallery: event\nCover: p01.jpg\n"),
    "galleries/event/p01.jpg": jpeg(),
    "galleries/event/p02.jpg": jpeg(),
    "galleries/event/captions.txt": "p01.jpg: ผู้เข้าร่วมกิจกรรม\np02.jpg: วิทยากรบรรยาย\n",
    "pages/about.md": "Title: เกี่ยวกับศูนย์\nSlug: about\n\nพันธกิจของศูนย์ (ข้อมูลตัวอย่าง)\n",
    "news/draft.md": post("draft-post", extra="Status: draft\n"),
}
BAD = {
    # content_guard
    "news/tis620.md": (post("tis620").encode("cp874"), {"file"}),
    "news/binary.md": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), {"file"}),
    "news/empty.md": ("", {"file"}),
    "news/huge.md": (post("huge", body="ความโปร่งใส " * 3000), {"file"}),
    "news/no-title.md": (post("no-title", title=""), {"title"}),
    "news/misspelt-key.md": (post("misspelt-key", extra="Sumary: สรุปข่าว\n"), {"header"}),
    "news/no-body.md": (post("no-body", body=""), {"body"}),
    "news/no-category.md": (post("no-category", category=""), {"category"}),
    "news/unknown-category.md": (post("unknown-category", category="ข่าวกิจกรม"), {"category"}),
    "news/bad-status.md": (post("bad-status", extra="Status: ครึ่งร่าง\n"), {"status"}),
    "news/broken-filename.md": (post("broken-filename", body="ดู[ข่าวเดิม]({filename}no-such-post.md)"), {"link"}),
    "news/broken-page.md": (post("broken-page", body="ดู[หน้าเก่า](/news/no-such-page/)"), {"link"}),
    "news/md-link.md": (post("md-link", body="ดู[ข่าวดี](good.md)"), {"link"}),
    "news/draft-link.md": (post("draft-link", body="ดู[ร่าง]({filename}draft.md)"), {"link"}),
    "news/category-link.md": (post("category-link", body="ดู[หมวด]({category}ข่าวกิจกรรม)"), {"link"}),
    "news/script.md": (post("script", body=BODY + "\n\n<script>document.cookie</script>"), {"html"}),
    "news/onclick.md": (post("onclick", body='<p onclick="steal()">คลิกที่นี่</p>'), {"html"}),
    # thai_date
    "news/bad-date.md": (post("bad-date", date="2568-02-30 09:00"), {"date"}),
    "news/no-date.md": (post("no-date", date=""), {"date"}),
    "news/old-date.md": (post("old-date", date="1999-05-01"), {"date"}),
    "news/far-future.md": (post("far-future", date="2599-01-01 09:00"), {"date"}),
    "news/ce-with-thai-month.md": (post("ce-with-thai-month", date="10 มีนาคม 2024"), {"date"}),
    "news/modified-early.md": (post("modified-early", extra="Modified: 2568-01-01\n"), {"date"}),
    "news/2566-02-29-visit.md": (post("visit"), {"date"}),  # a day that does not exist, in the file name
    "news/wrong-weekday.md": (post("wrong-weekday", body="เมื่อวันอังคารที่ 30 พฤศจิกายน 2569 ศูนย์ฯ ลงพื้นที่"), {"text-date"}),
    # thai_text
    "news/typo.md": (post("typo", body="กระทรวงเเรงงานจัดกิจกรรม"), {"typo"}),
    "news/spelling.md": (post("spelling", body="การทุจจริตในหน่วยงานต้องแจ้งทันที"), {"spelling"}),
    "news/same-slug.md": (post("good", title="ข่าวที่ใช้ Slug ซ้ำ"), {"slug"}),
    "news/odd-slug.md": (post("Odd_Slug"), {"slug"}),
    "news/zawgyi.md": (post("zawgyi", body=BODY + "\n\nေငြေပးရန္ မလိုပါ ဖုန္း 1546 သို႔ အခမဲ့ ဆက္သြယ္ႏိုင္ပါသည္။"),
                       {"zawgyi"}),
    "news/phone.md": (post("phone", body="สอบถามเพิ่มเติมได้ที่กลุ่มงานประชาสัมพันธ์ โทร. 0 2232 126"), {"phone"}),
    # photo_gallery
    "news/no-folder.md": (post("no-folder", extra="Gallery: no-such-folder\n"), {"gallery"}),
    "news/cover-alone.md": (post("cover-alone", extra="Cover: images/photo.jpg\n"), {"cover"}),
    "news/cover-missing.md": (post("cover-missing", extra="Gallery: event\nCover: p09.jpg\n"), {"cover"}),
    "news/damaged.md": (post("damaged", extra="Gallery: damaged\n"), set()),
    "galleries/damaged/p01.jpg": (bytes(range(256)) * 8, {"photo"}),
    "galleries/damaged/captions.txt": ("p01.jpg: ภาพที่เสีย\n", set()),
    "galleries/event/p03.jpg": (jpeg(), {"captions"}),
    "galleries/event/notes.docx": (b"PK\x03\x04 not a photo", {"photo"}),
    "galleries/other/captions.txt": ("p01.jpg: ภาพแรก\nบรรทัดที่ไม่มีชื่อไฟล์\n", {"captions"}),
    "galleries/other/p01.jpg": (jpeg(), set()),
    "galleries/other/big.jpg": (jpeg((400, 300), noise=True), {"photo-size", "captions"}),
    "images/located.jpg": (jpeg(exif=gps_exif()), {"photo-metadata"}),
}
SETTINGS = {
    "CONTENT_GUARD_MAX_FILE_BYTES": 20_000,
    "GALLERY_WARN_MB": 0.05,
    "THAI_TEXT_ROMANIZATION": {"ข่าว": "news"},  # /category/news-kitchakam/ is the build's URL
    "THAI_TEXT_REDIRECTS": {},  # the sample site's old category URLs are not this fixture's
    "THAI_SEARCH_ENABLED": False,
}


def _write(content: Path) -> None:
    files = {**GOOD, **{name: data for name, (data, _rules) in BAD.items()}}
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    outside = content.parent / "outside.md"
    outside.write_text(post("outside"), encoding="utf-8")
    (content / "news" / "leak.md").symlink_to(outside)


def _keys(problems) -> set:
    return {(p.file, p.line, p.rule, p.severity) for p in problems}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    base = tmp_path_factory.mktemp("one-verdict")
    content = base / "content"
    _write(content)
    overrides = {"PATH": str(content), "CACHE_PATH": str(base / "cache"), **SETTINGS}
    checked = check.judge({**check.load_settings(overrides=overrides)}).problems
    built = build(ROOT / "pelicanconf.py", base / "output", overrides=overrides, quiet=True)
    site = PreviewSite(ROOT / "pelicanconf.py", base / "preview", overrides=overrides, quiet=True)
    previewed = site.full_build()
    return {"check": checked, "build": built, "preview": previewed, "panel": site.problems(),
            "preview_output": base / "preview"}


def test_the_fixture_is_large_enough():
    assert len([name for name, (_data, rules) in BAD.items() if rules]) + 1 >= 25


def test_check_build_and_preview_report_the_same_problems(verdicts):
    checked = _keys(verdicts["check"])
    assert len(checked) >= 25
    assert _keys(verdicts["build"].problems) == checked
    assert _keys(verdicts["preview"].problems) == checked
    assert {(p["file"], p["line"], p["rule"], p["severity"]) for p in verdicts["panel"]} == checked


def test_every_bad_input_gets_its_rules(verdicts):
    found = {(p.file, p.rule) for p in verdicts["check"]}
    expected = {(f"content/{name}", rule) for name, (_data, rules) in BAD.items() for rule in rules}
    expected.add(("content/news/leak.md", "file"))
    assert expected <= found, sorted(expected - found)
    clean = {f"content/{name}" for name in GOOD}
    assert not [p for p in verdicts["check"] if p.file in clean], "good files are clean"


def test_warnings_and_errors_count_the_same_everywhere(verdicts):
    """The build's own counts are exactly the problems: no other message, nothing hidden."""
    build = verdicts["build"]
    checked = verdicts["check"]
    assert not build.ok
    assert len(build.errors) == sum(p.severity == "error" for p in checked)
    assert len(build.warnings) == sum(p.severity == "warning" for p in checked)
    preview = verdicts["preview"]
    assert (len(preview.errors), len(preview.warnings)) == (len(build.errors), len(build.warnings))


def test_the_cases_of_issue_14(verdicts):
    by_file = {}
    for p in verdicts["check"]:
        by_file.setdefault(p.file, set()).add((p.rule, p.severity))
    assert ("cover", "warning") in by_file["content/news/cover-alone.md"]  # cover outside a gallery
    assert "content/news/good.md" not in by_file  # /category/news-kitchakam/ with the custom romanisation
    assert ("category", "error") in by_file["content/news/unknown-category.md"]
    assert ("link", "error") in by_file["content/news/broken-filename.md"]
    assert ("date", "error") in by_file["content/news/bad-date.md"]
    # Nothing is published from a file with an ERROR: no page of its own, no new category page.
    output = verdicts["preview_output"]
    assert not (output / "news" / "unknown-category").exists() and not (output / "news" / "bad-date").exists()
    assert sorted(p.name for p in (output / "category").iterdir() if p.is_dir()) == ["news-kitchakam"]
    assert (output / "news" / "good" / "index.html").is_file()


def test_a_large_build_judges_warnings_alongside_with_the_same_result(verdicts, tmp_path, monkeypatch):
    """From DEFER_FROM_SOURCES sources on, a build judges spelling in a second process while
    Pelican works; what it reports is the same."""
    from content_guard import verdict

    monkeypatch.setattr(verdict, "DEFER_FROM_SOURCES", 1)
    content = tmp_path / "content"
    _write(content)
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), **SETTINGS}
    judged = verdict.judge(check.load_settings(overrides=overrides), in_build=True, defer=True)
    assert judged.pending is not None and not [p for p in judged.problems if p.rule == "spelling"]
    later = judged.complete()
    assert later and {p.rule for p in later} == {"spelling"} and judged.pending is None
    built = build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=overrides, quiet=True)
    assert _keys(built.problems) == _keys(verdicts["check"])


def test_beside_another_thread_the_warnings_are_judged_when_asked(verdicts, tmp_path, monkeypatch):
    """The web editor's server rebuilds in a thread: no process is forked there for the rules that
    only warn (a lock another thread held would stay locked in it); they are judged when the
    build asks, with the same result."""
    import threading

    from content_guard import verdict

    monkeypatch.setattr(verdict, "DEFER_FROM_SOURCES", 1)
    content = tmp_path / "content"
    _write(content)
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), **SETTINGS}
    settings = check.load_settings(overrides=overrides)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        judged = verdict.judge(settings, in_build=True, defer=True)
    finally:
        stop.set()
        other.join()
    assert judged.pending is not None and judged.pending.process is None
    later = judged.complete()
    alone = verdict.judge(settings, in_build=True, defer=True)  # (forks, with two cores and no thread)
    assert later and sorted(p.key for p in later) == sorted(p.key for p in alone.complete())
