"""Photos for the editor tests, generated with Pillow: phone photos as a phone writes them (12 MP,
stored sideways with EXIF orientation 6, GPS, camera make and model, XMP) and a 40-MP scan."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

PHONE_SIZE = (4000, 3000)  # 12 MP, upright (landscape)
SCAN_SIZE = (7300, 5480)  # 40 MP
GPS = {1: "N", 2: (13.0, 45.0, 51.3), 3: "E", 4: (100.0, 33.0, 55.8)}
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="SamplePhone"/></rdf:RDF>'
    b'</x:xmpmeta><?xpacket end="w"?>'
)
MARKERS = (b"Exif", b"GPS", b"xpacket", b"http://ns.adobe.com/xap", b"SamplePhone", b"ICC_PROFILE")


def upright(size, seed: int) -> Image.Image:
    """Red top, blue bottom, a green square top left (orientation is visible), with sensor noise."""
    w, h = size
    image = Image.new("RGB", size, (40, 60, 200))
    image.paste((210, 40, 40), (0, 0, w, h // 2))
    image.paste((40, 170, 70), (0, 0, w // 8, w // 8))
    noise = Image.effect_noise(size, 24 + seed).convert("RGB")
    return Image.blend(image, noise, 0.18)


def phone_photo(path: Path, seed: int = 0, size=PHONE_SIZE) -> Path:
    """A 12-MP JPEG stored rotated, with EXIF orientation 6, GPS, camera data and XMP."""
    exif = Image.Exif()
    exif[0x010F] = "SamplePhone"  # Make
    exif[0x0110] = "SP-12"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to show
    exif[0x8825] = GPS
    upright(size, seed).transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=92, exif=exif, xmp=XMP)
    return path


def scan(path: Path, size=SCAN_SIZE) -> Path:
    """A 40-MP document scan: lines of dark "text" on white paper."""
    image = Image.new("L", size, 250)
    draw = ImageDraw.Draw(image)
    for y in range(300, size[1] - 300, 90):
        draw.rectangle((400, y, size[0] - 400 - (y * 7) % 1500, y + 40), fill=30)
    image.save(path, "JPEG", quality=85)
    return path


def has_metadata(data: bytes) -> list[bytes]:
    return [marker for marker in MARKERS if marker in data]
