"""plugins/photo_gallery/cleaning.py: one source photo made clean for the repository."""

from __future__ import annotations

import pytest
from PIL import Image

from gallery_photos import BLUE, RED, XMP, assert_clean, bomb_png, jpeg, phone_exif, sideways_jpeg, upright
from photo_gallery.cleaning import MAX_EDGE, PhotoError, clean_photo, cleaned_name, is_photo_file
from photo_gallery.settings import DEFAULTS


def _colour_at(path, xy):
    with Image.open(path) as im:
        return im.convert("RGB").getpixel(xy)


def _near(a, b, tolerance=40):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def test_default_cap_is_the_gallery_download_size():
    assert MAX_EDGE == DEFAULTS["GALLERY_DOWNLOAD_SIZE"][0]


def test_sideways_phone_photo_comes_out_upright_and_clean(tmp_path):
    src = sideways_jpeg(tmp_path / "p01.jpg", size=(400, 300))
    result = clean_photo(src, tmp_path / "out" / "p01.jpg")
    assert result.path == tmp_path / "out" / "p01.jpg"
    assert (result.width, result.height) == (400, 300)
    assert result.rotated and not result.resized and result.format == "jpeg"
    assert_clean(result.path)
    assert _near(_colour_at(result.path, (200, 60)), RED)  # red on top once upright
    assert _near(_colour_at(result.path, (200, 250)), BLUE)


@pytest.mark.parametrize("size", [(3000, 2000), (1200, 4100), (2001, 2001)])
def test_long_edge_is_capped_and_the_shape_kept(tmp_path, size):
    src = jpeg(tmp_path / "big.jpg", size=size, exif=phone_exif(1))
    result = clean_photo(src, tmp_path / "big-out.jpg", max_edge=2000)
    assert max(result.width, result.height) == 2000 and result.resized
    assert abs(result.width / result.height - size[0] / size[1]) < 0.01
    assert_clean(result.path)


def test_small_photo_is_never_enlarged(tmp_path):
    result = clean_photo(jpeg(tmp_path / "s.jpg", size=(320, 240)), tmp_path / "s-out.jpg")
    assert (result.width, result.height) == (320, 240) and not result.resized


def test_png_stays_png_without_metadata(tmp_path):
    src = tmp_path / "chart.png"
    upright((300, 200)).save(src, "PNG", exif=phone_exif(1))
    result = clean_photo(src, tmp_path / "out" / "chart.png")
    assert result.format == "png" and result.path.suffix == ".png"
    assert_clean(result.path)


def test_webp_and_heic_names_become_jpeg(tmp_path):
    src = tmp_path / "w.webp"
    upright().save(src, "WEBP", exif=phone_exif(1), xmp=XMP)
    result = clean_photo(src, tmp_path / "out" / "w.webp")
    assert result.path.name == "w.jpg" and result.format == "jpeg"
    assert_clean(result.path)
    assert cleaned_name("IMG_0001.HEIC") == "IMG_0001.jpg"
    assert cleaned_name("chart.PNG") == "chart.png"


def test_transparent_photo_keeps_its_transparency_as_png(tmp_path):
    src = tmp_path / "logo.webp"
    im = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    im.paste((200, 0, 0, 255), (0, 0, 50, 50))
    im.save(src, "WEBP", lossless=True)
    result = clean_photo(src, tmp_path / "out" / "logo.webp")
    assert result.path.suffix == ".png"
    with Image.open(result.path) as out:
        assert out.mode == "RGBA" and out.getpixel((90, 90))[3] == 0


@pytest.mark.parametrize("maker", ["text", "empty", "truncated", "bomb"])
def test_broken_files_raise_photo_error_and_write_nothing(tmp_path, maker):
    src = tmp_path / "bad.jpg"
    if maker == "text":
        src.write_text("ไม่ใช่ภาพ", encoding="utf-8")
    elif maker == "empty":
        src.write_bytes(b"")
    elif maker == "truncated":
        jpeg(tmp_path / "whole.jpg", size=(800, 600))
        src.write_bytes((tmp_path / "whole.jpg").read_bytes()[:700])
    else:
        src = bomb_png(tmp_path / "bad.png")
    out = tmp_path / "out"
    with pytest.raises(PhotoError) as info:
        clean_photo(src, out / src.name)
    assert info.value.thai and info.value.english
    assert not out.exists() or not any(out.iterdir())


def test_is_photo_file():
    assert is_photo_file("a.JPG") and is_photo_file("b.heic") and is_photo_file("c.png")
    assert not is_photo_file("d.pdf") and not is_photo_file("e.gif") and not is_photo_file("f")
