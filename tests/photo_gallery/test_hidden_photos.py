"""Photos not published: taken off the site by the header (`Hidden_photos:`, hidden_photos.py),
or waiting with their draft.

A writer cannot delete a published photo through the editor's review, so the release names it in
`Hidden_photos:`: nothing is published from it (page, gallery files, ZIP, cover), the file stays.
A draft has no page in production, and its photos are not published either.
"""

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from photo_gallery.hidden_photos import hidden_names, without_hidden
from photo_gallery.sources import scan_gallery

ARTICLE = Path("content/news/open-day.md")


@pytest.mark.parametrize("value", [["P2.JPG", "p4.jpg, p5.jpg"], "P2.JPG\np4.jpg, p5.jpg"])
def test_named_photos_are_left_out_whatever_their_case(tmp_path, value):
    for name in ("p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg"):
        (tmp_path / name).write_bytes(b"x")
    names = hidden_names(value, first_line=9)
    assert names == [(9, "P2.JPG"), (10, "p4.jpg"), (10, "p5.jpg")]
    gallery = without_hidden(scan_gallery(tmp_path, tmp_path.name), names, ARTICLE)
    assert [p.name for p in gallery.photos] == ["p1.jpg", "p3.jpg"]
    # p5.jpg is in no photo of the folder: a warning on its line
    assert [(p.file, p.line, p.rule, p.severity) for p in gallery.problems] == [(str(ARTICLE), 10, "captions", "warning")]
    assert "p5.jpg" in gallery.problems[0].thai and "p5.jpg" in gallery.problems[0].english
    assert without_hidden(gallery, hidden_names(None), ARTICLE) is gallery


def _jpeg(colour) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buf, "JPEG")
    return buf.getvalue()


def test_a_hidden_photo_is_published_nowhere(build_site):
    files = {
        "news/hidden-photos.md": (
            "Title: ภาพที่ถอนออก\nDate: 2566-06-15 09:30\nCategory: ข่าวกิจกรรม\nSlug: hidden-photos\n"
            "Gallery: event\nCover: p2.jpg\nCaptions: p2.jpg: ภาพที่ต้องถอน\n    p1.jpg: ภาพแรก\n    p3.jpg: ภาพที่สาม\n"
            "Hidden_photos: p2.jpg\n    p9.jpg\n\nเนื้อข่าว\n"
        ),
        **{f"galleries/event/p{n}.jpg": _jpeg((60 * n, 40, 40)) for n in (1, 2, 3)},
    }
    result = build_site(files)
    assert result.ok, result.errors
    html = (result.output / "news" / "hidden-photos" / "index.html").read_text(encoding="utf-8")
    captions = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r'<figcaption class="gallery-caption">(.*?)</figcaption>', html)]
    assert captions == ["ภาพแรก", "ภาพที่สาม"]
    published = sorted(p.name for p in (result.output / "galleries" / "event").iterdir())
    assert published and not any(name.startswith("p2") for name in published), published
    with zipfile.ZipFile(result.output / "galleries" / "event" / "event.zip") as archive:
        assert sorted(archive.namelist()) == ["p1.jpg", "p3.jpg"]
    assert "p2" not in "".join(re.findall(r'<meta property="og:image[^>]*>', html))
    assert any("content/news/hidden-photos.md:11" in w and "p9.jpg" in w for w in result.warnings), result.warnings
    assert not any("Hidden_photos" in w and "metadata" in w.lower() for w in result.warnings)  # the key is known


def test_a_drafts_photos_wait_with_it_in_production(build_site):
    files = {
        "news/draft.md": ("Title: ข่าวที่ยังเป็นร่าง\nDate: 2566-06-15 09:30\nCategory: ข่าวกิจกรรม\nSlug: draft\n"
                          "Status: draft\nGallery: event\nCaptions: p1.jpg: ภาพที่ยังไม่เผยแพร่\n\nเนื้อข่าว\n"),
        "news/other.md": "Title: ข่าวอื่น\nDate: 2566-06-16 09:30\nCategory: ข่าวกิจกรรม\nSlug: other\n\nเนื้อข่าว\n",
        "galleries/event/p1.jpg": _jpeg((200, 40, 40)),
    }
    result = build_site(files, DRAFT_SAVE_AS="", DRAFT_URL="")
    assert result.ok, result.errors
    assert not (result.output / "galleries" / "event").exists()
    result = build_site(files)  # the development build shows the draft with its photos
    assert any((result.output / "galleries" / "event").iterdir())


def test_every_photo_hidden_is_no_empty_folder(build_site):
    files = {
        "news/all-hidden.md": ("Title: ถอนภาพทั้งหมด\nDate: 2566-06-15 09:30\nCategory: ข่าวกิจกรรม\nSlug: all-hidden\n"
                               "Gallery: event\nHidden_photos: p1.jpg, p2.jpg\n\nเนื้อข่าว\n"),
        **{f"galleries/event/p{n}.jpg": _jpeg((60 * n, 40, 40)) for n in (1, 2)},
    }
    result = build_site(files)
    assert result.ok, result.errors
    assert result.warnings == []  # not "the folder holds no photo: put photos in it"
    html = (result.output / "news" / "all-hidden" / "index.html").read_text(encoding="utf-8")
    assert 'class="gallery' not in html
