"""photo_gallery.metadata.inspect_photo: what a photo carries besides its pixels (headers only)."""

from __future__ import annotations

from PIL import Image

from gallery_photos import XMP, jpeg, phone_exif, sideways_jpeg
from photo_gallery.metadata import inspect_photo


def test_a_phone_photo_carries_location_camera_and_xmp(tmp_path):
    found = inspect_photo(sideways_jpeg(tmp_path / "phone.jpg"))
    assert found.readable and found.has_location and found.has_camera_data
    assert found.camera == "SamplePhone" and found.xmp
    assert found.gps[1] == "N" and found.gps[3] == "E"


def test_camera_data_without_location(tmp_path):
    found = inspect_photo(jpeg(tmp_path / "camera.jpg", exif=phone_exif(gps=False)))
    assert not found.has_location and found.has_camera_data and found.camera == "SamplePhone"


def test_orientation_alone_is_neither_location_nor_camera(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6
    found = inspect_photo(jpeg(tmp_path / "upright.jpg", exif=exif))
    assert found.readable and not found.has_location and not found.has_camera_data


def test_png_with_xmp_and_clean_png(tmp_path):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())  # where editors put XMP in a PNG
    Image.new("RGB", (20, 20)).save(tmp_path / "xmp.png", pnginfo=info)
    Image.new("RGB", (20, 20)).save(tmp_path / "clean.png")
    assert inspect_photo(tmp_path / "xmp.png").xmp
    clean = inspect_photo(tmp_path / "clean.png")
    assert clean.readable and not clean.has_camera_data and not clean.has_location


def test_not_an_image(tmp_path):
    (tmp_path / "notes.jpg").write_bytes(b"not a photo at all")
    assert not inspect_photo(tmp_path / "notes.jpg").readable


def test_every_sample_photo_is_clean():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "content"
    photos = [p for p in root.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    galleries = [p for p in (root / "galleries").glob("*/*") if p.is_file()] if (root / "galleries").is_dir() else []
    assert photos or not galleries, "the galleries hold files, but no photo was found"
    for path in photos:
        found = inspect_photo(path)
        assert found.readable and not found.has_location and not found.has_camera_data, path
