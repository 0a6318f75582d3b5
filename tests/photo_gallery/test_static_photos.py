"""Photos published as static files (content/images/) carry no metadata and stand upright."""

from __future__ import annotations

from PIL import Image

from gallery_photos import XMP, assert_clean, jpeg, phone_exif, upright

POST = ("Title: ข่าวมีภาพประกอบ\nDate: 2567-05-01 09:00\nCategory: ข่าวกิจกรรม\nSlug: with-photo\n\n"
        "ภาพบรรยากาศการประชุม\n\n![ผู้เข้าร่วมประชุม]({static}/images/meeting.jpg)\n\n"
        "![แผนภูมิ]({static}/images/chart.png)\n")


def _sideways_camera_jpeg(path, size=(400, 300)):
    """A phone photo stored rotated (EXIF orientation 6) with camera data and XMP, no GPS."""
    stored = upright(size).transpose(Image.Transpose.ROTATE_90)
    stored.save(path, "JPEG", quality=90, exif=phone_exif(6, gps=False), xmp=XMP)


def test_static_photos_are_published_clean_and_upright(build_site, tmp_path):
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    _sideways_camera_jpeg(images / "meeting.jpg")
    jpeg(images / "plain.jpg")  # no metadata: published byte for byte
    chart = Image.new("RGB", (120, 80), (250, 250, 250))
    chart.save(images / "chart.png", exif=phone_exif(1, gps=False))
    before = {p.name: p.read_bytes() for p in images.iterdir()}
    result = build_site({"news/with-photo.md": POST})
    assert result.ok, result.errors
    # The author is told, as invoke check tells them (camera data: a warning).
    assert any(w.startswith("content/images/meeting.jpg") and "camera" in w for w in result.warnings)
    published = result.output / "images"
    for name in ("meeting.jpg", "chart.png"):
        assert_clean(published / name)
    with Image.open(published / "meeting.jpg") as im:
        assert im.size == (400, 300)  # upright: stored 300 x 400 and turned by its EXIF orientation
        top = im.getpixel((im.width // 2, im.height // 8))
        assert top[0] > 150 and top[2] < 100  # the red half is on top
    assert (published / "plain.jpg").read_bytes() == before["plain.jpg"]
    # Sources are never changed, and the page still shows the photo at its address.
    assert {p.name: p.read_bytes() for p in images.iterdir()} == before
    page = (result.output / "news" / "with-photo" / "index.html").read_text(encoding="utf-8")
    assert 'src="/images/meeting.jpg"' in page


def test_a_location_in_a_static_photo_stops_the_build(build_site, tmp_path):
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    jpeg(images / "meeting.jpg", exif=phone_exif(1, gps=True))
    result = build_site({"news/with-photo.md": POST.replace("\n\n![แผนภูมิ]({static}/images/chart.png)", "")})
    assert not result.ok
    assert any(e.startswith("content/images/meeting.jpg") and "GPS" in e for e in result.errors)
