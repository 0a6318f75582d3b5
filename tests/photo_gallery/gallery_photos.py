"""Small generated photos for the photo_gallery tests (Pillow only, no files in the repository)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

RED, BLUE, GREEN = (220, 30, 30), (30, 30, 220), (30, 180, 60)
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="SamplePhone"/></rdf:RDF>'
    b'</x:xmpmeta><?xpacket end="w"?>'
)


def upright(size=(400, 300)) -> Image.Image:
    """Red top half, blue bottom half, a green square at the top left: orientation is visible."""
    w, h = size
    im = Image.new("RGB", size, BLUE)
    im.paste(RED, (0, 0, w, h // 2))
    im.paste(GREEN, (0, 0, w // 8, w // 8))
    return im


def phone_exif(orientation: int = 1, gps: bool = True) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SamplePhone"
    exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (13.0, 45.0, 51.3), 3: "E", 4: (100.0, 33.0, 55.8)}
    return exif


def sideways_jpeg(path: Path, size=(400, 300)) -> Path:
    """Stored rotated with EXIF orientation 6 plus GPS and XMP, as a phone writes it."""
    stored = upright(size).transpose(Image.Transpose.ROTATE_90)
    stored.save(path, "JPEG", quality=90, exif=phone_exif(6), xmp=XMP)
    return path


def jpeg(path: Path, size=(400, 300), **kwargs) -> Path:
    upright(size).save(path, "JPEG", quality=90, **kwargs)
    return path


def bomb_png(path: Path, width=20000, height=20000) -> Path:
    """A tiny PNG whose header claims width x height pixels (a decompression bomb)."""
    buf = io.BytesIO()
    Image.new("L", (8, 8)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = bytearray(data[16:29])
    ihdr[0:8] = struct.pack(">II", width, height)
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    path.write_bytes(bytes(data))
    return path


def assert_clean(path: Path) -> None:
    """No EXIF, XMP, IPTC, GPS or ICC profile in a published file."""
    raw = path.read_bytes()
    for marker in (
        b"Exif",
        b"GPS",
        b"http://ns.adobe.com/xap",
        b"xpacket",
        b"ICC_PROFILE",
        b"Photoshop 3.0",
        b"SamplePhone",
    ):
        assert marker not in raw, f"{path.name} contains {marker!r}"
    with Image.open(path) as im:
        assert not im.getexif(), f"{path.name} has EXIF {dict(im.getexif())}"
        for key in ("exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "photoshop"):
            assert not im.info.get(key), f"{path.name} has {key}"
