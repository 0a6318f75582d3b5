"""Whole-site builds: what an author writes (Gallery:, Cover:, captions.txt) and what is published."""

from __future__ import annotations

import io
import re

from PIL import Image

from gallery_photos import XMP, assert_clean, phone_exif, upright

ARTICLE = """Title: อบรมทดสอบระบบภาพ
Date: 2566-06-15 09:30
Category: ข่าวกิจกรรม
Slug: gallery-test
Summary: ทดสอบแกลเลอรีภาพ
Gallery: {gallery}
{cover}
เนื้อหาข่าวสั้น ๆ สำหรับทดสอบ
"""


# The photos below carry GPS and camera data on purpose (the published copies must not): the
# content rule that refuses such photos in content/ is turned off for these builds.
KEEP_METADATA = {"GALLERY_REFUSE_METADATA": False}


def gallery_files(gallery="event", cover="Cover: p02.jpg\n", extra=None):
    files = {
        "news/gallery-test.md": ARTICLE.format(gallery=gallery, cover=cover),
        "galleries/event/p01.jpg": _jpeg_bytes((800, 600), sideways=True),
        "galleries/event/p02.jpg": _jpeg_bytes((640, 480)),
        "galleries/event/p03.png": _png(),
        "galleries/event/captions.txt": "p02.jpg: ภาพหมู่ผู้เข้าอบรม\np01.jpg: วิทยากรบรรยาย\n",
    }
    files.update(extra or {})
    return files


def _jpeg_bytes(size, sideways=False) -> bytes:
    """A JPEG; `sideways`: stored rotated with EXIF orientation 6, GPS and XMP, as phones do."""
    buf = io.BytesIO()
    if sideways:
        upright(size).transpose(Image.Transpose.ROTATE_90).save(
            buf, "JPEG", quality=90, exif=phone_exif(6), xmp=XMP
        )
    else:
        upright(size).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def _png():
    buf = io.BytesIO()
    im = Image.new("RGBA", (500, 400), (0, 0, 0, 0))
    im.paste((20, 60, 200, 255), (100, 100, 400, 300))
    im.save(buf, "PNG")
    return buf.getvalue()


def test_article_gets_grid_cover_og_image_and_zip(build_site):
    result = build_site(gallery_files(), **KEEP_METADATA)
    assert result.ok, result.errors
    out = result.output
    html = (out / "news" / "gallery-test" / "index.html").read_text(encoding="utf-8")

    # Order: captions.txt first (p02, p01), then the rest (p03).
    links = re.findall(r'class="gallery-link" href="([^"]+)"', html)
    assert [link.rsplit("/", 1)[1] for link in links] == ["p02-640.jpg", "p01-800.jpg", "p03-500.jpg"]
    assert (
        'type="image/webp" srcset="/galleries/event/p02-480.webp 480w, /galleries/event/p02-640.webp 640w"'
        in html
    )
    assert 'srcset="/galleries/event/p01-480.jpg 480w, /galleries/event/p01-800.jpg 800w"' in html
    assert 'width="800" height="600"' in html  # the sideways photo, upright
    assert 'data-pswp-width="800" data-pswp-height="600"' in html
    assert 'loading="lazy"' in html and "sizes=" in html
    assert 'alt="ภาพหมู่ผู้เข้าอบรม"' in html and 'alt="วิทยากรบรรยาย"' in html
    assert 'alt="อบรมทดสอบระบบภาพ ภาพที่ 3"' in html  # no caption: title and number
    # Captions carry Thai word breaks (<wbr>, spans) like the rest of the text.
    from tests.conftest import without_breaks

    assert '<figcaption class="gallery-caption">วิทยากรบรรยาย</figcaption>' in without_breaks(html)
    assert "/theme/js/gallery.js" in html
    zip_label = re.search(
        r'href="/galleries/event/event\.zip" download>ดาวน์โหลดภาพทั้งหมด \(ZIP, ([\d.]+\u00a0[KM]B)\)', html
    )
    assert zip_label, "no download link with its size"

    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og.endswith("/galleries/event/p02-og.jpg")
    with Image.open(out / "galleries" / "event" / "p02-og.jpg") as im:
        assert im.size == (1200, 630)

    published = sorted(p.name for p in (out / "galleries" / "event").iterdir())
    assert "p01.jpg" not in published and "captions.txt" not in published  # sources are never copied
    assert "p01-og.jpg" not in published  # only the cover gets an OG crop
    for path in (out / "galleries" / "event").iterdir():
        if path.suffix != ".zip":
            assert_clean(path)

    home = (out / "index.html").read_text(encoding="utf-8")
    if "card-img" in home:  # the theme shows covers on news cards
        assert "/galleries/event/p02-480.webp" in home


def test_missing_gallery_folder_is_an_error_naming_the_article_and_line(build_site):
    files = {
        "news/gallery-test.md": ARTICLE.format(gallery="no-such-event", cover=""),
        "news/empty.md": ARTICLE.format(gallery="empty", cover="").replace("gallery-test", "empty-gallery"),
        "galleries/empty/notes.txt": "ไม่ใช่ภาพ",
    }
    result = build_site(files)
    assert not result.ok
    message = next(e for e in result.errors if "no-such-event" in e)
    assert message.startswith("content/news/gallery-test.md:6: ")
    assert "content/galleries/no-such-event/" in message
    assert "Traceback" not in message
    warnings = "\n".join(result.warnings)
    assert re.search(r"^content/galleries/empty/notes\.txt: .*content/news/empty\.md", warnings, re.M)
    assert re.search(r"^content/galleries/empty: .*JPEG.*content/news/empty\.md", warnings, re.M)


def test_bad_photo_and_missing_cover_warn_and_fail_only_production(build_site):
    files = gallery_files(
        cover="Cover: p09.jpg\n",
        extra={
            "galleries/event/p04.jpg": b"\xff\xd8\xff\xe0 not really a jpeg",
            "galleries/event/captions.txt": "p02.jpg: ภาพหมู่\np07.jpg: ไม่มีไฟล์\n",
        },
    )
    result = build_site(files, **KEEP_METADATA)
    assert result.ok, result.errors
    warnings = "\n".join(result.warnings)
    assert re.search(
        r"^content/galleries/event/p04\.jpg: .+ / .+content/news/gallery-test\.md", warnings, re.M
    )
    assert re.search(r"^content/news/gallery-test\.md:7: .*p09\.jpg", warnings, re.M)
    assert re.search(r"^content/galleries/event/captions\.txt:2: .*p07\.jpg", warnings, re.M)
    html = (result.output / "news" / "gallery-test" / "index.html").read_text(encoding="utf-8")
    assert "p04-" not in html and "p02-og.jpg" in html  # cover falls back to the first photo

    production = build_site(files, fatal_warnings=True, **KEEP_METADATA)
    assert not production.ok


def test_rebuild_reuses_the_cache_and_drops_a_removed_photo(build_site, tmp_path):
    assert build_site(gallery_files(), **KEEP_METADATA).ok
    cache = tmp_path / "cache" / "gallery" / "photos"
    entries = sorted(p.name for p in cache.glob("*/*"))
    assert len(entries) == 3
    stamps = {p: p.stat().st_mtime_ns for p in cache.glob("*/*/meta.json")}

    (tmp_path / "content" / "galleries" / "event" / "p03.png").unlink()
    result = build_site({}, **KEEP_METADATA)
    assert result.ok, result.errors
    assert not list((result.output / "galleries" / "event").glob("p03-*"))
    assert len(list(cache.glob("*/*"))) == 2  # the removed photo left the cache too
    for meta, stamp in stamps.items():
        if meta.exists():
            assert meta.stat().st_mtime_ns == stamp  # nothing was processed again
