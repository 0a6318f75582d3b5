"""Documents holding photos, as offices make them (generated here): a Word file whose pictures sit
under word/media/ of its ZIP, a PDF holding a JPEG whole, as a scan app or img2pdf writes it, or
deflated again as some PDF tools shrink a file, and a ZIP of such documents. Used by the
attachments plugin's tests and the web editor's."""

from __future__ import annotations

import io
import zipfile
import zlib

from tests.photo_gallery.gallery_photos import upright


def photo(exif=None) -> bytes:
    out = io.BytesIO()
    upright((320, 240)).save(out, "JPEG", quality=85, **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def word_file(*photos: bytes, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx as Word writes it: a ZIP of XML parts, each inserted picture under word/media/."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
        for number, data in enumerate(photos, start=1):
            archive.writestr(f"word/media/image{number}.jpeg", data)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    """A ZIP of documents, as an office offers a set of forms for download."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def pdf_keeping(jpeg: bytes, deflated: bool = False) -> bytes:
    """A one-page PDF that holds the JPEG whole (/DCTDecode), as a scan app or img2pdf makes it;
    `deflated`: the JPEG deflated again (/Filter [/FlateDecode /DCTDecode]), EXIF and all."""
    stream, filters = (zlib.compress(jpeg, 9), b"[/FlateDecode /DCTDecode]") if deflated else (jpeg, b"/DCTDecode")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 240] /Resources << /XObject << /Im1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 320 /Height 240 /ColorSpace /DeviceRGB"
        b" /BitsPerComponent 8 /Filter %s /Length %d >>\nstream\n" % (filters, len(stream)) + stream + b"\nendstream",
        b"<< /Length 30 >>\nstream\nq 320 0 0 240 0 0 cm /Im1 Do Q\nendstream",
    ]
    return pdf_file(objects)


def pdf_file(objects: list[bytes], header: bytes = b"%PDF-1.4\n", trailer: bytes = b"") -> bytes:
    """A PDF of `objects` (numbered from 1, the first the catalog), its cross-reference table and
    trailer (`trailer`: more of the trailer's dictionary)."""
    out, offsets = bytearray(header), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, start)
    return bytes(out)


def zip_named(members: dict[bytes, bytes]) -> bytes:
    """A ZIP whose member names are the given bytes, with no UTF-8 flag: as Thai Windows' compressed
    folder writes them (cp874) or macOS's Archive Utility (UTF-8, unflagged). Python's zipfile
    flags every non-ASCII name, so each is written as an ASCII stand-in of its length, then put
    in place in the local header and the central directory."""
    stand_ins = {name: (b"~%d~" % at).ljust(len(name), b"z") for at, name in enumerate(members)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(stand_ins[name].decode("ascii"), data)
    packed = out.getvalue()
    for name, stand_in in stand_ins.items():
        assert packed.count(stand_in) == 2, name
        packed = packed.replace(stand_in, name)
    return packed
