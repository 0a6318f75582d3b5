"""Generated photos: deterministic, phone-like, with EXIF and GPS to strip; cached."""

import io

from PIL import Image

from tools.bench import photos


def test_photo_is_deterministic_and_carries_gps():
    a = photos.make_photo(3, (400, 300))
    assert a == photos.make_photo(3, (400, 300))
    assert a != photos.make_photo(4, (400, 300))
    image = Image.open(io.BytesIO(a))
    assert image.size == (400, 300)
    exif = image.getexif()
    assert exif[0x010F] == "BenchPhone"
    assert exif.get_ifd(0x8825)[1] == "N"


def test_12_megapixel_photo_is_phone_sized():
    data = photos.make_photo(0)
    assert Image.open(io.BytesIO(data)).size == (4000, 3000)
    assert 2.5e6 < len(data) < 6e6


def test_generate_caches_and_select_links(tmp_path):
    folder = photos.generate(tmp_path, 3, (320, 240), jobs=1)
    first = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert sorted(first) == ["p000.jpg", "p001.jpg", "p002.jpg"]
    again = photos.generate(tmp_path, 3, (320, 240), jobs=1)
    assert {p.name: p.stat().st_mtime_ns for p in again.iterdir()} == first
    chosen = photos.select(folder, 2, tmp_path / "g" / "bench")
    assert sorted(p.name for p in chosen.iterdir()) == ["p000.jpg", "p001.jpg"]
    assert (chosen / "p000.jpg").read_bytes() == (folder / "p000.jpg").read_bytes()
