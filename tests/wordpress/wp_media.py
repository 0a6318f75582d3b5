"""The old site's uploads for the fixture export, made with Pillow (no photo is committed).

`make_uploads(root)` writes `root/wp-content/uploads/...` as a copy of the old site would hold
it: phone photos with EXIF and GPS (one stored sideways), WordPress's `-scaled` copy beside its
original, a resized copy, a PNG, a GIF, a PDF and a photo no post uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "photo_gallery"))
from gallery_photos import phone_exif, sideways_jpeg, upright  # noqa: E402

PHOTOS = [
    "2022/03/p01.jpg", "2022/03/p02.jpg", "2022/03/p03.jpg", "2022/04/ป้ายประชาสัมพันธ์.jpg",
    "2022/12/day01.jpg", "2022/12/day02.jpg", "2023/06/kk01.jpg", "2023/06/kk02.jpg",
    "2023/11/award.jpg", "2023/11/award2.jpg", "2021/05/unused.jpg",
]
SIDEWAYS = "2022/03/p02.jpg"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def make_uploads(root: Path, size=(640, 480)) -> Path:
    uploads = root / "wp-content" / "uploads"
    for rel in PHOTOS:
        path = uploads / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel == SIDEWAYS:
            sideways_jpeg(path, size=size)
        else:
            upright(size).save(path, "JPEG", quality=85, exif=phone_exif(1))
    upright((400, 300)).save(uploads / "2022/03/p01-scaled.jpg", "JPEG", exif=phone_exif(1))
    upright((300, 225)).save(uploads / "2022/03/p01-300x225.jpg", "JPEG")
    upright((320, 240)).save(uploads / "2023/11/award-1024x768.jpg", "JPEG")
    qr = Image.new("RGB", (300, 300), (255, 255, 255))
    qr.paste((0, 0, 0), (40, 40, 120, 120))
    qr.save(uploads / "2022/04/line-qr.png", "PNG", exif=phone_exif(1))
    Image.new("P", (60, 40), 3).save(uploads / "2022/12/gift-card.gif", "GIF")
    (uploads / "2022/04/manual.pdf").write_bytes(PDF)
    return root
