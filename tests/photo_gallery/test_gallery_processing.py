"""Processing photos: sizes, orientation, colour, no metadata, cache, bad input."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from photo_gallery import processing
from photo_gallery.settings import with_defaults
from tools.bench.gallery import process_gallery

from gallery_photos import BLUE, RED, assert_clean, bomb_png, jpeg, sideways_jpeg, upright

# Small sizes keep the tests fast; the logic is the same as with the defaults.
SMALL = {
    "GALLERY_WIDTHS": (120, 240),
    "GALLERY_DOWNLOAD_SIZE": 320,
    "GALLERY_OG_SIZE": (120, 63),
    "GALLERY_PROCESSES": 1,
}


def run(src, tmp_path, **overrides):
    settings = dict(SMALL, **overrides)
    return process_gallery(src, tmp_path / "out", tmp_path / "cache", settings)


def close(a, b, tolerance=40):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


@pytest.fixture
def src(tmp_path):
    folder = tmp_path / "src" / "event"
    folder.mkdir(parents=True)
    return folder


def test_versions_have_the_widths_names_and_proportions(src, tmp_path):
    jpeg(src / "p01.jpg", (400, 300))
    stats = run(src, tmp_path)
    assert (stats.photos, stats.processed, stats.failed) == (1, 1, 0)
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "event.zip",
        "p01-120.jpg",
        "p01-120.webp",
        "p01-240.jpg",
        "p01-240.webp",
    ]
    for name, size in (("p01-120.webp", (120, 90)), ("p01-240.jpg", (240, 180))):
        with Image.open(out / name) as im:
            assert im.size == size
            assert im.format == ("WEBP" if name.endswith("webp") else "JPEG")


def test_small_photos_are_never_upscaled(src, tmp_path):
    jpeg(src / "tiny.jpg", (200, 100))
    run(src, tmp_path)
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".jpg")
    assert names == ["tiny-120.jpg", "tiny-200.jpg"]


def test_sideways_phone_photo_is_upright_and_carries_no_metadata(src, tmp_path):
    sideways_jpeg(src / "p01.jpg", (400, 300))
    with Image.open(src / "p01.jpg") as im:  # the fixture really is stored sideways with GPS
        assert im.size == (300, 400) and im.getexif()[0x0112] == 6 and im.getexif().get_ifd(0x8825)
    run(src, tmp_path)
    out = tmp_path / "out"
    for path in out.glob("p01-*"):
        assert_clean(path)
        with Image.open(path) as im:
            assert im.width > im.height, f"{path.name} is not upright"
            rgb = im.convert("RGB")
            assert close(rgb.getpixel((im.width // 2, im.height // 5)), RED), path.name
            assert close(rgb.getpixel((im.width // 2, im.height * 4 // 5)), BLUE), path.name
            # the green marker stays top left: the turn is the right one, not a mirror
            assert close(rgb.getpixel((2, 2)), (30, 180, 60), 60), path.name


def test_zip_holds_clean_upright_jpegs(src, tmp_path):
    sideways_jpeg(src / "p01.jpg", (400, 300))
    jpeg(src / "p02.jpg", (300, 300))
    run(src, tmp_path)
    with zipfile.ZipFile(tmp_path / "out" / "event.zip") as archive:
        assert archive.namelist() == ["p01.jpg", "p02.jpg"]
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            data = archive.read(info)
            path = tmp_path / info.filename
            path.write_bytes(data)
            assert_clean(path)
        with Image.open(tmp_path / "p01.jpg") as im:
            assert im.size == (320, 240)


def test_og_crop_has_the_exact_size(src, tmp_path):
    jpeg(src / "p01.jpg", (300, 400))  # portrait source, landscape crop
    results = processing.process_photos(
        [src / "p01.jpg"], {**SMALL, **with_defaults(SMALL)}, tmp_path / "cache"
    )
    item = results[src / "p01.jpg"]
    with Image.open(item.folder / item.meta["og"]["file"]) as im:
        assert im.size == (120, 63)
    assert_clean(item.folder / item.meta["og"]["file"])


def test_cmyk_and_greyscale_come_out_in_the_right_colours(src, tmp_path):
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(src / "cmyk.jpg", "JPEG", quality=95)
    Image.new("L", (300, 200), 128).save(src / "grey.jpg", "JPEG", quality=95)
    run(src, tmp_path)
    with Image.open(tmp_path / "out" / "cmyk-240.webp") as im:
        assert im.mode == "RGB" and close(im.getpixel((10, 10)), (255, 0, 0))
    with Image.open(tmp_path / "out" / "grey-240.jpg") as im:
        r, g, b = im.convert("RGB").getpixel((10, 10))
        assert abs(r - 128) < 6 and r == g == b


def test_sixteen_bit_greyscale_png(src, tmp_path):
    Image.new("I;16", (300, 200), 32768).save(src / "scan.png")
    run(src, tmp_path)
    with Image.open(tmp_path / "out" / "scan-240.jpg") as im:
        assert im.size == (240, 160) and close(im.convert("RGB").getpixel((10, 10)), (128, 128, 128), 6)


def test_transparency_is_kept_in_webp_and_white_in_jpeg(src, tmp_path):
    im = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    im.paste((200, 20, 20, 255), (150, 0, 300, 200))
    im.save(src / "logo.png")
    palette = Image.new("P", (300, 200), 0)
    palette.putpalette([0, 0, 0, 20, 200, 20] + [0] * 762)
    palette.paste(1, (0, 0, 150, 200))
    palette.save(src / "pal.png", transparency=0)
    run(src, tmp_path)
    out = tmp_path / "out"
    with Image.open(out / "logo-240.webp") as webp:
        assert webp.mode == "RGBA"
        assert webp.getpixel((10, 10))[3] == 0 and webp.getpixel((230, 10))[3] == 255
    with Image.open(out / "logo-240.jpg") as jpg:
        assert close(jpg.getpixel((10, 10)), (255, 255, 255), 8)
        assert close(jpg.getpixel((230, 10)), (200, 20, 20))
    with Image.open(out / "pal-240.jpg") as jpg:
        assert close(jpg.getpixel((230, 10)), (255, 255, 255), 8)
        assert close(jpg.getpixel((10, 10)), (20, 200, 20))


def test_the_metadata_check_itself_sees_phone_metadata(src):
    with pytest.raises(AssertionError):
        assert_clean(sideways_jpeg(src / "p01.jpg"))


def test_icc_profile_is_used_for_conversion_then_dropped(src, tmp_path):
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upright((300, 200)).save(src / "tagged.jpg", "JPEG", icc_profile=srgb)
    run(src, tmp_path)
    for path in (tmp_path / "out").glob("tagged-*"):
        assert_clean(path)


def test_webp_and_heic_sources(src, tmp_path):
    upright((300, 200)).save(src / "a.WEBP", "WEBP", exif=Image.Exif())
    upright((300, 200)).save(src / "b.heic", "HEIF", quality=90)
    stats = run(src, tmp_path)
    assert stats.failed == 0, stats.errors
    for name in ("a-240.jpg", "b-240.webp"):
        with Image.open(tmp_path / "out" / name) as im:
            assert im.size == (240, 160)
            assert close(im.convert("RGB").getpixel((120, 20)), RED)


def test_large_jpegs_are_decoded_at_reduced_scale(src, tmp_path, monkeypatch):
    jpeg(src / "big.jpg", (2000, 1500))
    from PIL import JpegImagePlugin

    scales = []

    original_jpeg = JpegImagePlugin.JpegImageFile.draft

    def recording_jpeg_draft(self, mode, size):
        result = original_jpeg(self, mode, size)
        scales.append((self.size, result))
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", recording_jpeg_draft)
    run(src, tmp_path)
    assert scales, "draft was not used"
    decoded_size, _ = scales[0]
    assert decoded_size == (500, 375)  # 1/4 scale is enough for 240 px versions and a 320 px download


def test_rebuild_without_change_decodes_nothing_and_removed_photos_disappear(src, tmp_path, monkeypatch):
    jpeg(src / "p01.jpg")
    jpeg(src / "p02.jpg", (300, 300))
    first = run(src, tmp_path)
    assert (first.processed, first.cached) == (2, 0)

    def no_decoding(*args, **kwargs):
        raise AssertionError("an image was opened on a warm rebuild")

    monkeypatch.setattr(processing.Image, "open", no_decoding)
    monkeypatch.setattr(processing, "file_digest", no_decoding)  # not even re-hashed
    second = run(src, tmp_path)
    assert (second.processed, second.cached) == (0, 2)
    assert sorted(p.name for p in (tmp_path / "out").glob("p02-*"))

    (src / "p02.jpg").unlink()
    monkeypatch.undo()
    third = run(src, tmp_path)
    assert (third.processed, third.cached) == (0, 1)
    assert not list((tmp_path / "out").glob("p02-*"))
    with zipfile.ZipFile(tmp_path / "out" / "event.zip") as archive:
        assert archive.namelist() == ["p01.jpg"]


def test_a_changed_photo_or_setting_is_processed_again(src, tmp_path):
    jpeg(src / "p01.jpg")
    run(src, tmp_path)
    upright((400, 300)).transpose(Image.Transpose.FLIP_TOP_BOTTOM).save(src / "p01.jpg", quality=90)
    assert run(src, tmp_path).processed == 1
    assert run(src, tmp_path, GALLERY_JPEG_QUALITY=60).processed == 1
    assert run(src, tmp_path, GALLERY_JPEG_QUALITY=60).processed == 0


def test_sources_are_never_modified(src, tmp_path):
    sideways_jpeg(src / "p01.jpg")
    Image.new("RGBA", (50, 50)).save(src / "p02.png")
    before = {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in src.iterdir()
    }
    run(src, tmp_path)
    after = {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in src.iterdir()
    }
    assert before == after


@pytest.mark.parametrize("case", ["truncated", "not_an_image", "empty", "bomb", "over_limit"])
def test_bad_photos_are_reported_and_the_rest_published(src, tmp_path, case):
    jpeg(src / "good.jpg")
    bad = src / "bad.jpg"
    if case == "truncated":
        data = jpeg(tmp_path / "whole.jpg", (400, 300)).read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    elif case == "not_an_image":
        bad.write_text("<html>นี่ไม่ใช่ภาพ</html>", encoding="utf-8")
    elif case == "empty":
        bad.write_bytes(b"")
    elif case == "bomb":
        bad = bomb_png(src / "bad.png")
    elif case == "over_limit":
        jpeg(bad, (600, 400))
    overrides = {"GALLERY_MAX_PIXELS": 200_000} if case == "over_limit" else {}
    stats = run(src, tmp_path, **overrides)
    assert stats.failed == 1 and stats.processed == 1
    ((path, (thai, english)),) = stats.errors
    assert Path(path).name == bad.name
    assert thai and english and "Traceback" not in english
    if case in ("bomb", "over_limit"):
        assert "bomb" in english
    assert (tmp_path / "out" / "good-240.jpg").exists()
    assert not list((tmp_path / "out").glob("bad*"))


def test_two_processes_give_the_same_files(src, tmp_path):
    for n in range(4):
        jpeg(src / f"p{n}.jpg", (400 + n * 10, 300))
    stats = run(src, tmp_path, GALLERY_PROCESSES=2)
    assert (stats.processed, stats.failed) == (4, 0)
    single = process_gallery(src, tmp_path / "out1", tmp_path / "cache1", dict(SMALL))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in (tmp_path / "out1").iterdir()
    )


def test_beside_another_thread_the_workers_start_from_a_fork_server(src, tmp_path):
    """The web editor's server rebuilds in a thread: its photo workers are not forked from that
    process (a lock another thread held would stay locked in them), and make the same files."""
    import threading

    for n in range(3):
        jpeg(src / f"p{n}.jpg", (400 + n * 10, 300))
    if threading.active_count() == 1:  # (no thread left running by an earlier test)
        assert processing.pool_context().get_start_method() == "fork"  # as fast as before
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert processing.pool_context().get_start_method() == "forkserver"
        stats = run(src, tmp_path, GALLERY_PROCESSES=2)
    finally:
        stop.set()
        other.join()
    assert (stats.processed, stats.failed) == (3, 0)
    single = process_gallery(src, tmp_path / "out1", tmp_path / "cache1", dict(SMALL))
    assert single.processed == 3
    for path in sorted((tmp_path / "out").iterdir()):
        if path.suffix != ".zip":
            assert path.read_bytes() == (tmp_path / "out1" / path.name).read_bytes(), path.name


def test_heic_without_pillow_heif_says_how_to_convert(src, tmp_path, monkeypatch):
    upright((300, 200)).save(src / "iphone.heic", "HEIF", quality=90)
    monkeypatch.setattr(processing, "HEIF_SUPPORTED", False)
    stats = run(src, tmp_path)
    ((path, (thai, english)),) = stats.errors
    assert path.endswith("iphone.heic") and "JPEG" in english and "JPEG" in thai


def test_gallery_names_cannot_leave_the_galleries_folder(tmp_path):
    from photo_gallery.cover import gallery_folder

    (tmp_path / "content" / "galleries" / "ok").mkdir(parents=True)
    settings = {"PATH": str(tmp_path / "content"), "GALLERY_SOURCE_DIR": "galleries"}
    assert gallery_folder(settings, "ok") == (tmp_path / "content" / "galleries" / "ok").resolve()
    for name in ("../news", "/etc", "ok/../../news", ""):
        assert gallery_folder(settings, name) is None
    (tmp_path / "content" / "galleries" / "link").symlink_to(tmp_path)
    assert gallery_folder(settings, "link") is None  # a symlink pointing outside


def test_avif_when_asked_for_comes_first(src, tmp_path):
    jpeg(src / "p01.jpg")
    stats = run(src, tmp_path, GALLERY_FORMATS=("jpeg", "avif", "webp"), GALLERY_AVIF_SPEED=10)
    assert stats.failed == 0
    with Image.open(tmp_path / "out" / "p01-240.avif") as im:
        assert im.size == (240, 180)
    assert_clean(tmp_path / "out" / "p01-240.avif")
    assert with_defaults({"GALLERY_FORMATS": ["JPG", "webp", "avif"]})["GALLERY_FORMATS"] == (
        "avif",
        "webp",
        "jpeg",
    )
