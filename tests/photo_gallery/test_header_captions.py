"""Captions in the article header (`Captions:`), merged with captions.txt (header_captions.py)."""

import re
from pathlib import Path

import pytest

from photo_gallery.header_captions import apply_header_captions, header_lines, parse_header_captions
from photo_gallery.sources import scan_gallery

ARTICLE = Path("content/news/open-day.md")


def touch(folder: Path, *files: str) -> None:
    for name in files:
        (folder / name).write_bytes(b"x")


def merged(folder: Path, value, first_line=7):
    entries, problems = parse_header_captions(value, ARTICLE, first_line)
    gallery = apply_header_captions(scan_gallery(folder, folder.name), entries, ARTICLE)
    return gallery, problems


@pytest.mark.parametrize(
    "value",
    [
        # Pelican gives a list when the value has continuation lines, a str when it has one line.
        ["p2.jpg: ภาพที่สอง: มีโคลอน", "p1.jpg:   ภาพแรก   ", "p3.jpg:"],
        "p2.jpg: ภาพที่สอง: มีโคลอน\np1.jpg:   ภาพแรก   \np3.jpg:",
    ],
)
def test_header_order_and_captions_come_first(tmp_path, value):
    touch(tmp_path, "p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg")
    gallery, problems = merged(tmp_path, value)
    assert [p.name for p in gallery.photos] == ["p2.jpg", "p1.jpg", "p3.jpg", "p4.jpg"]
    assert [p.caption for p in gallery.photos] == ["ภาพที่สอง: มีโคลอน", "ภาพแรก", "", ""]
    assert [p.caption_line for p in gallery.photos[:2]] == [7, 8]
    assert problems == [] and gallery.problems == []


def test_captions_txt_still_gives_the_rest_and_fills_empty_header_captions(tmp_path):
    touch(tmp_path, "p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg")
    (tmp_path / "captions.txt").write_text(
        "p4.jpg: สี่จากไฟล์\np3.jpg: สามจากไฟล์\np1.jpg: หนึ่งจากไฟล์\n", encoding="utf-8"
    )
    gallery, _ = merged(tmp_path, ["p1.jpg: หนึ่งจากหัวข่าว", "p3.jpg:"])
    assert [(p.name, p.caption) for p in gallery.photos] == [
        ("p1.jpg", "หนึ่งจากหัวข่าว"),  # the header wins
        ("p3.jpg", "สามจากไฟล์"),  # empty in the header: captions.txt's caption
        ("p4.jpg", "สี่จากไฟล์"),  # not in the header: captions.txt order
        ("p2.jpg", ""),
    ]


def test_without_header_the_gallery_is_unchanged(tmp_path):
    touch(tmp_path, "p1.jpg", "p2.jpg")
    (tmp_path / "captions.txt").write_text("p2.jpg: สอง\n", encoding="utf-8")
    before = scan_gallery(tmp_path, "g")
    after, problems = merged(tmp_path, None)
    assert after.photos == before.photos and problems == []


def test_problems_name_the_article_and_the_line(tmp_path):
    touch(tmp_path, "p1.jpg")
    gallery, problems = merged(tmp_path, ["p1.jpg: หนึ่ง", "ข้อความเฉย ๆ", "p9.jpg: ไม่มีไฟล์", "P1.JPG: ซ้ำ"], 10)
    assert [(p.line, p.severity) for p in problems] == [(11, "warning")]
    assert [(p.line, p.severity) for p in gallery.problems] == [(12, "warning"), (13, "warning")]
    assert all(Path(p.file) == ARTICLE and p.rule == "captions" for p in problems + gallery.problems)
    assert "p9.jpg" in gallery.problems[0].thai and "p9.jpg" in gallery.problems[0].english
    assert [p.caption for p in gallery.photos] == ["หนึ่ง"]


def test_file_names_match_without_case_like_captions_txt(tmp_path):
    touch(tmp_path, "IMG_01.JPG")
    gallery, _ = merged(tmp_path, ["img_01.jpg: ตัวพิมพ์ต่างกัน"])
    assert [(p.name, p.caption) for p in gallery.photos] == [("IMG_01.JPG", "ตัวพิมพ์ต่างกัน")]


def test_header_lines_accepts_what_pelican_gives():
    assert header_lines(None) == []
    assert header_lines("a.jpg: x") == ["a.jpg: x"]
    assert header_lines(["", "  a.jpg: x  "]) == ["", "a.jpg: x"]


def test_a_built_page_shows_the_header_captions_in_their_order(build_site):
    import io

    from PIL import Image

    def jpeg() -> bytes:
        buf = io.BytesIO()
        Image.new("RGB", (64, 48), (200, 40, 40)).save(buf, "JPEG")
        return buf.getvalue()

    files = {
        "news/header-captions.md": (
            "Title: คำบรรยายในหัวข่าว\nDate: 2566-06-15 09:30\nCategory: ข่าวกิจกรรม\nSlug: header-captions\n"
            "Gallery: event\nCaptions: p3.jpg: ภาพที่สามมาก่อน\n    p1.jpg:\n    p9.jpg: ไม่มีไฟล์นี้\n\nเนื้อข่าว\n"
        ),
        "galleries/event/captions.txt": "p1.jpg: จากไฟล์คำบรรยาย\np2.jpg: ภาพที่สอง\n",
        **{f"galleries/event/p{n}.jpg": jpeg() for n in (1, 2, 3)},
    }
    result = build_site(files)
    assert result.ok, result.errors
    html = (result.output / "news" / "header-captions" / "index.html").read_text(encoding="utf-8")
    captions = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r'<figcaption class="gallery-caption">(.*?)</figcaption>', html)]
    assert captions == ["ภาพที่สามมาก่อน", "จากไฟล์คำบรรยาย", "ภาพที่สอง"]
    assert any("content/news/header-captions.md:8" in w and "p9.jpg" in w for w in result.warnings), result.warnings
    assert not any("Captions" in w and "metadata" in w.lower() for w in result.warnings)  # the key is known
