"""Photos inside a document a release offers for download, and what they carry.

A phone photo put into a Word document keeps its EXIF, the place it was taken included, inside
the .docx (a ZIP: `word/media/image1.jpeg`); a PDF made from photos (a scan app, "print to PDF"
of a JPEG) often holds each JPEG whole, EXIF and all. A reader who downloads the document gets
the location. photo_gallery's metadata.py says what a photo carries (one rule for photos wherever
they are); this module only finds the photos:

- a document that is a ZIP archive (docx, xlsx, pptx, odt, ods, odp, zip): each member named like
  a photo, read from the archive (a member larger than MAX_MEMBER_BYTES unpacked is not read);
- any other document (PDF): each EXIF block of a JPEG kept whole in its bytes. A PDF whose images
  were encoded again (as Word's and LibreOffice's "save as PDF" do) holds none.

`carried(path)` returns `Carried(where, metadata)` for each photo that carries a location or
camera data, `where` being the member's name or "ภาพที่ 2" (the second EXIF block of a PDF). Its
answer is remembered per file version (path, size, time), as the rule runs on every build.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".heic", ".heif", ".webp")
MAX_MEMBER_BYTES = 200_000_000
# A JPEG's APP1 marker, the segment's length (2 bytes, counting themselves), then "Exif\0\0".
_EXIF_SEGMENT = re.compile(rb"\xff\xe1(..)Exif\x00\x00", re.S)


@dataclass(frozen=True)
class Carried:
    where: str  # the member of the archive, or "ภาพที่ N" in a PDF
    metadata: object  # photo_gallery.metadata.PhotoMetadata


_MEMO: dict = {}


def carried(path) -> list[Carried]:
    """The photos inside the document at `path` that carry a location or camera data."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in _MEMO:
            if len(_MEMO) > 5_000:
                _MEMO.clear()
            _MEMO[key] = [c for c in _photos(path) if c.metadata.has_location or c.metadata.has_camera_data]
    except OSError:  # gone or unreadable since it was listed: the rules that find files say so
        return []
    return _MEMO[key]


def _photos(path: Path):
    from photo_gallery.metadata import inspect_exif, inspect_photo

    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                for member in archive.infolist():
                    if member.filename.lower().endswith(PHOTO_SUFFIXES) and member.file_size <= MAX_MEMBER_BYTES:
                        yield Carried(member.filename, inspect_photo(io.BytesIO(archive.read(member))))
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
            return  # an archive the reader cannot open either: nothing of it is read here
        return
    data = path.read_bytes()
    for number, match in enumerate(_EXIF_SEGMENT.finditer(data), start=1):
        length = int.from_bytes(match.group(1), "big")
        block = data[match.start() + 4:match.start() + 2 + length]
        yield Carried(f"ภาพที่ {number}", inspect_exif(block))
