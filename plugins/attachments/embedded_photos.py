"""Photos inside a document a release offers for download, and what they carry.

A phone photo put into a Word document keeps its EXIF, the place it was taken included, inside
the .docx (a ZIP: `word/media/image1.jpeg`); a PDF made from photos (a scan app, "print to PDF"
of a JPEG) often holds each JPEG whole, EXIF and all. A reader who downloads the document gets
the location. photo_gallery's metadata.py says what a photo carries (one rule for photos wherever
they are); this module only finds the photos:

- a document that is a ZIP archive (docx, xlsx, pptx, odt, ods, odp, zip): each member named like
  a photo, read from the archive (a member larger than MAX_MEMBER_BYTES unpacked is not read),
  and each member that is itself a document (a Word file in a ZIP of forms, a PDF in it), read
  the same way down to MAX_DEPTH archives deep, named by its path: "แบบฟอร์ม.docx/word/media/
  image1.jpeg";
- any other document (PDF): each EXIF block of a JPEG kept whole in its bytes, and of a JPEG
  whose stream was also deflated (`/Filter [/FlateDecode /DCTDecode]`, as some PDF tools shrink
  files: its EXIF is not in the file's bytes until unpacked), in the order they are in the file.
  A PDF whose images were encoded again (as Word's and LibreOffice's "save as PDF" do) holds
  none.

`carried(path)` returns `Carried(where, metadata)` for each photo that carries a location or
camera data, `where` being the member's name or "ภาพที่ 2" (the second EXIF block of a PDF). Its
answer is remembered per file version (path, size, time), as the rule runs on every build.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".heic", ".heif", ".webp")
# Documents an archive may hold, read as the document itself is (a PDF, or an archive again).
DOCUMENT_SUFFIXES = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".zip", ".pdf")
MAX_MEMBER_BYTES = 200_000_000
MAX_DEPTH = 3  # a ZIP in a ZIP in a ZIP: deeper members are not read
# A JPEG's APP1 marker, the segment's length (2 bytes, counting themselves), then "Exif\0\0".
_EXIF_SEGMENT = re.compile(rb"\xff\xe1(..)Exif\x00\x00", re.S)
# The start of a PDF stream's data (when not the end of "endstream"); its dictionary is before it,
# after the last "obj". (A look-behind for "end" in the pattern made the search 20 times slower.)
_STREAM = re.compile(rb"stream\r?\n")
_DICTIONARY_BYTES = 4096


def member_name(member: zipfile.ZipInfo) -> str:
    """A ZIP member's name as its maker wrote it. Without the archive's UTF-8 flag Python reads the
    bytes as cp437; a Thai Windows' compressed folder writes them in its code page (cp874, as
    TIS-620) and macOS's Archive Utility in UTF-8, flag or not: UTF-8 when the bytes are, else
    cp874 (the web editor's zipMembers reads them the same way)."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        raw = member.filename.encode("cp437")
    except UnicodeEncodeError:  # an archive read with another metadata encoding
        return member.filename
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp874", "replace")


@dataclass(frozen=True)
class Carried:
    where: str  # the member of the archive, or "ภาพที่ N" in a PDF
    metadata: object  # photo_gallery.metadata.PhotoMetadata


_MEMO: dict = {}


def carried(path) -> list[Carried]:
    """The photos inside the document at `path` that carry a location or camera data."""
    return per_file_version(_MEMO, path, lambda found: [
        c for c in _photos(found) if c.metadata.has_location or c.metadata.has_camera_data])


def per_file_version(memo: dict, path, read) -> list:
    """`read(path)` remembered in `memo` per file version (path, size, time), as the rules that
    read documents run on every build; a file gone or unreadable since it was listed gives []
    (the rules that find files say so). Also hidden_content.left_in's."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in memo:
            if len(memo) > 5_000:
                memo.clear()
            memo[key] = read(path)
    except OSError:
        return []
    return memo[key]


def _photos(path: Path):
    if zipfile.is_zipfile(path):
        yield from _archive_photos(path, "", 1)
    else:
        yield from _pdf_photos(path.read_bytes(), "")


def _archive_photos(source, prefix: str, depth: int):
    """The photos of an archive (a path or a file object), and of the documents in it."""
    from photo_gallery.metadata import inspect_photo

    try:
        with zipfile.ZipFile(source) as archive:
            for member in archive.infolist():
                name = member.filename.lower()
                if member.file_size > MAX_MEMBER_BYTES or member.is_dir():
                    continue
                if name.endswith(PHOTO_SUFFIXES):
                    yield Carried(prefix + member_name(member), inspect_photo(io.BytesIO(archive.read(member))))
                elif name.endswith(DOCUMENT_SUFFIXES) and depth < MAX_DEPTH:
                    data = archive.read(member)
                    inner = f"{prefix}{member_name(member)}/"
                    if zipfile.is_zipfile(io.BytesIO(data)):
                        yield from _archive_photos(io.BytesIO(data), inner, depth + 1)
                    else:
                        yield from _pdf_photos(data, inner)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError, zlib.error):
        return  # an archive the reader cannot open either: nothing more of it is read here


def _pdf_photos(data: bytes, prefix: str):
    """Each EXIF block of a JPEG in a PDF's bytes, or in a deflated JPEG stream, in file order."""
    from photo_gallery.metadata import inspect_exif

    found = [(match.start(), _exif_block(data, match)) for match in _EXIF_SEGMENT.finditer(data)]
    for at, stream in _deflated_jpegs(data):
        found.extend((at, _exif_block(stream, match)) for match in _EXIF_SEGMENT.finditer(stream))
    for number, (_at, block) in enumerate(sorted(found, key=lambda item: item[0]), start=1):
        yield Carried(f"{prefix}ภาพที่ {number}", inspect_exif(block))


def _exif_block(data: bytes, match) -> bytes:
    length = int.from_bytes(match.group(1), "big")
    return data[match.start() + 4:match.start() + 2 + length]


def _deflated_jpegs(data: bytes):
    """(where the stream starts, its unpacked bytes) for each PDF stream that is a JPEG deflated
    again (its dictionary names both /FlateDecode and /DCTDecode)."""
    return deflated_streams(data, lambda dictionary: b"/DCTDecode" in dictionary)


def deflated_streams(data: bytes, wanted):
    """(where the stream starts, its unpacked bytes) for each deflated PDF stream (its dictionary
    names /FlateDecode) whose dictionary `wanted(dictionary bytes)` accepts, in file order: a
    JPEG deflated again here, an object stream (/ObjStm) in hidden_content.py."""
    for match in _STREAM.finditer(data):
        if data[max(0, match.start() - 3):match.start()] == b"end":
            continue
        begin = data.rfind(b"obj", max(0, match.start() - _DICTIONARY_BYTES), match.start())
        dictionary = data[begin if begin >= 0 else max(0, match.start() - _DICTIONARY_BYTES):match.start()]
        if b"/FlateDecode" not in dictionary or not wanted(dictionary):
            continue
        end = data.find(b"endstream", match.end())
        stream = _inflate(data[match.end():end if end >= 0 else len(data)])
        if stream:
            yield match.start(), stream


def _inflate(packed: bytes, chunk: int = 1 << 16) -> bytes:
    """What a zlib stream unpacks to, at most MAX_MEMBER_BYTES; of a damaged stream, what came
    out before the damage (as the editor's DecompressionStream gives it)."""
    unpacker, parts, size = zlib.decompressobj(), [], 0
    try:
        for at in range(0, len(packed), chunk):
            part = unpacker.decompress(packed[at:at + chunk], MAX_MEMBER_BYTES - size)
            parts.append(part)
            size += len(part)
            if size >= MAX_MEMBER_BYTES or unpacker.eof:
                break
    except zlib.error:
        pass
    return b"".join(parts)
