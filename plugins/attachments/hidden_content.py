"""What a document keeps that its pages do not show: tracked changes and comments.

Word keeps every tracked change (Track Changes: the deleted words too) and every comment inside
the .docx until someone accepts or rejects the changes and deletes the comments; whoever downloads
the file and opens it sees them beside the text. So do comments in Excel and PowerPoint and the
same in LibreOffice's files. A draft's history and a reviewer's remark ("ตัวเลขนี้ยังไม่ยืนยัน")
were never meant for the public, and the printed page shows neither.

Speaker notes and hidden sheets are not looked for: a form's drop-down lists live on a hidden
sheet, and notes are often meant; every finding fails the production build, so only what is
almost never meant is one.

`left_in(path)` returns one `LeftIn(kind, count, sample, where)` per kind found in a document
(and in each document inside a ZIP, `where` naming it, as embedded_photos.py reads them):

| kind | read from |
|---|---|
| `changes` | Word: revision marks (`w:ins`, `w:del`, moves, changed formatting) in the body, headers, footers, footnotes and endnotes; LibreOffice: `text:changed-region` |
| `comments` | Word `word/comments.xml`; Excel notes and comments (`xl/comments*.xml`, threaded comments); PowerPoint `ppt/comments/`; LibreOffice `office:annotation`; a PDF's comments (below) |

`sample` is the first deleted (else added) words, or the first comment.

A PDF's comments are its annotations a reviewer adds in a PDF reader: sticky notes (`/Subtype
/Text`, counted even when empty) and highlights, underlines, strike-outs and insertion marks with
words typed in them (`/Contents`); links, form fields and text typed onto the page are not
comments. They are looked for in the file's bytes and in its deflated object streams
(`/ObjStm`, where PDF 1.5 files keep their dictionaries). A comment deleted and the file saved
over it (an incremental save) is still in the file's bytes, and found: the fix says to save as a
new file. Of an encrypted PDF the comments are counted, their words not read.

XML is read by the standard library's parser (no DTD is loaded and expat limits entity
expansion); a part larger than MAX_MEMBER_BYTES unpacked is not read, nor a file that is neither
a ZIP nor a PDF. The answer is remembered per file version (path, size, time), as the rule runs
on every build. The web editor reads the same as a file is chosen (web_editor's
js/hidden-content.js; tests/editor/test_editor_attachments.py holds both to the same answers).
Word's, Excel's and PowerPoint's older binary files (.doc, .xls, .ppt) are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from .embedded_photos import (DOCUMENT_SUFFIXES, MAX_DEPTH, MAX_MEMBER_BYTES, deflated_streams, member_name,
                              per_file_version)

KINDS = ("changes", "comments")
# Office's older binary files: their tracked changes and comments are not read (the editor says
# so when one is chosen, and suggests saving it as .docx, .xlsx, .pptx or PDF).
UNREAD_SUFFIXES = (".doc", ".xls", ".ppt")
# Word's revision marks (wordprocessingml), whatever the prefix: each is one change in Word's list.
REVISIONS = {"ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
             "tblGridChange", "trPrChange", "tcPrChange", "cellIns", "cellDel", "cellMerge", "numberingChange"}
WORD_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
EXCEL_COMMENTS = re.compile(r"^xl/comments[^/]*\.xml$")
EXCEL_THREADS = re.compile(r"^xl/threadedComments/[^/]+\.xml$")
SLIDE_COMMENTS = re.compile(r"^ppt/comments/[^/]+\.xml$")
# Excel's stand-in for a threaded comment in its old comments part, for older Excel versions.
THREAD_STAND_IN = "[Threaded comment]"
# A PDF annotation that is a reviewer's comment: a sticky note, or markup that may carry words.
PDF_MARKUP = re.compile(rb"/Subtype\s*/(Text|Highlight|Underline|StrikeOut|Squiggly|Caret)(?![A-Za-z0-9#_.-])")
PDF_SEARCH_BYTES = 65_536  # how far an annotation's dictionary is looked for around its /Subtype


@dataclass(frozen=True)
class LeftIn:
    kind: str  # one of KINDS
    count: int
    sample: str  # the first one's words, whitespace as single spaces
    where: str  # "" for the document itself, "แบบฟอร์ม/คำร้อง.docx" for one inside a ZIP


_MEMO: dict = {}


def left_in(path) -> list[LeftIn]:
    """What the document at `path` (and each document in it) keeps out of sight, by kind."""
    return per_file_version(_MEMO, path, lambda found: (
        list(_archive(found, "", 1)) if zipfile.is_zipfile(found) else _pdf_file(found)))


def _archive(source, prefix: str, depth: int):
    tally = _Tally()
    inner = []
    try:
        with zipfile.ZipFile(source) as archive:
            members = [m for m in archive.infolist() if not m.is_dir() and m.file_size <= MAX_MEMBER_BYTES]
            names = {m.filename for m in members}
            for member in members:
                name = member.filename
                if name.endswith(".xml"):
                    _read_part(archive, member, tally, names)
                elif name.lower().endswith(DOCUMENT_SUFFIXES) and depth < MAX_DEPTH:
                    data = archive.read(member)
                    if zipfile.is_zipfile(io.BytesIO(data)):
                        inner.append((f"{prefix}{member_name(member)}/", io.BytesIO(data)))
                    else:
                        inner.append((f"{prefix}{member_name(member)}/", data))
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError, zlib.error):
        return  # an archive no reader can open either: nothing more of it is read here
    yield from tally.found(prefix.rstrip("/"))
    for inner_prefix, data in inner:
        if isinstance(data, bytes):
            yield from _pdf(data, inner_prefix)
        else:
            yield from _archive(data, inner_prefix, depth + 1)


def _read_part(archive, member, tally, names) -> None:
    name = member.filename
    reader = (_word_changes if WORD_TEXT_PARTS.match(name)
              else _word_comments if name == "word/comments.xml"
              else _excel_comments if EXCEL_COMMENTS.match(name)
              else _excel_threads if EXCEL_THREADS.match(name) and not any(EXCEL_COMMENTS.match(n) for n in names)
              else _slide_comments if SLIDE_COMMENTS.match(name)
              else _open_document if name == "content.xml" and "mimetype" in names
              else None)
    if reader is None:
        return
    try:
        with archive.open(member) as stream:
            if reader is _word_changes:  # a long report's body: read as a stream, paragraph by paragraph
                reader(ElementTree.iterparse(stream, events=("end",)), tally)
            else:
                reader(ElementTree.parse(stream).getroot(), tally)
    except (ElementTree.ParseError, ValueError):
        return  # a damaged part: Word would not show it either (what it held before the damage is not counted)


class _Tally:
    def __init__(self):
        self.counts = {kind: 0 for kind in KINDS}
        self.samples = {kind: "" for kind in KINDS}

    def add(self, kind: str, count: int = 1, sample: str = "") -> None:
        self.counts[kind] += count
        if count and not self.samples[kind] and sample.strip():
            self.samples[kind] = " ".join(sample.split())

    def found(self, where: str):
        for kind in KINDS:
            if self.counts[kind]:
                yield LeftIn(kind, self.counts[kind], self.samples[kind], where)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attribute(element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _text(element, loose: bool = True) -> str:
    """The words of an element: its paragraphs' (Word's, DrawingML's, LibreOffice's `p`), each
    joined whole (Thai words are often split over runs) and one space between them; an element
    with no paragraph (a run-level change, an Excel comment) its text, when `loose`."""
    paragraphs = ["".join(p.itertext()) for p in element.iter() if _local(p.tag) == "p"]
    if paragraphs:
        return " ".join(paragraphs)
    return "".join(element.itertext()) if loose else ""


def _word_changes(events, tally) -> None:
    """Revision marks, from iterparse's "end" events: each element is whole when it ends, and a
    paragraph is let go once read (a body of 30 MB of XML would be a tree ten times that)."""
    count, deleted, added = 0, "", ""
    for _event, element in events:
        name = _local(element.tag)
        if name in REVISIONS:
            count += 1
            if name in ("del", "moveFrom") and not deleted.strip():
                deleted = _text(element)
            elif name in ("ins", "moveTo") and not added.strip():
                added = _text(element)
        elif name == "p":
            element.clear()
    tally.add("changes", count, deleted if deleted.strip() else added)


def _word_comments(root, tally) -> None:
    for element in root.iter():
        if _local(element.tag) == "comment":
            tally.add("comments", 1, _text(element))


def _excel_comments(root, tally) -> None:
    """Excel's notes, and the stand-ins it writes for threaded comments; a note's words start with
    its author's name and a colon (a bold run), left out of the sample."""
    authors = [_text(e) for e in root.iter() if _local(e.tag) == "author"]
    for element in root.iter():
        if _local(element.tag) == "comment":
            words = _text(element).lstrip()
            author = _attribute(element, "authorId")
            if author and author.isdigit() and int(author) < len(authors) and words.startswith(authors[int(author)] + ":"):
                words = words[len(authors[int(author)]) + 1:]
            if THREAD_STAND_IN in words:
                words = words.split("Comment:", 1)[1] if "Comment:" in words else ""
            tally.add("comments", 1, words)


def _excel_threads(root, tally) -> None:
    """Threaded comments of a workbook that has no old comments part (Excel writes both)."""
    for element in root.iter():
        if _local(element.tag) == "threadedComment" and _attribute(element, "parentId") is None:
            tally.add("comments", 1, _text(element))


def _slide_comments(root, tally) -> None:
    for element in root.iter():
        if _local(element.tag) == "cm":
            tally.add("comments", 1, _text(element))


def _open_document(root, tally) -> None:
    """LibreOffice's content.xml: tracked changes (a deletion keeps its words) and comments."""
    for element in root.iter():
        name = _local(element.tag)
        if name == "changed-region":
            tally.add("changes", 1, _text(element, loose=False))
        elif name == "annotation":
            tally.add("comments", 1, _text(element, loose=False))


def _pdf_file(path: Path) -> list[LeftIn]:
    with open(path, "rb") as stream:
        if b"%PDF-" not in stream.read(1024):  # a CSV, a damaged file: no comments to read
            return []
    return list(_pdf(path.read_bytes(), ""))


def _pdf(data: bytes, prefix: str):
    """The comments of a PDF (any other file gives none): in its bytes and its object streams."""
    if b"%PDF-" not in data[:1024]:  # (a reader allows bytes before the header)
        return
    tally = _Tally()
    sealed = b"/Encrypt" in data  # its strings are encrypted: counted, not read
    for text in [data, *(stream for _at, stream in deflated_streams(data, lambda d: b"/ObjStm" in d))]:
        for match in PDF_MARKUP.finditer(text):
            words = pdf_string(_value(_dictionary_around(text, match.start()), b"/Contents"))
            if match[1] == b"Text" or words.strip():
                tally.add("comments", 1, "" if sealed else words)
    yield from tally.found(prefix.rstrip("/"))


def _dictionary_around(text: bytes, at: int) -> bytes:
    """The dictionary (`<< ... >>`) that holds the byte at `at`, or b"" (strings are not read
    backwards: a `>>` inside one could mislead the search, and never does in an annotation)."""
    depth, i, floor = 0, at, max(0, at - PDF_SEARCH_BYTES)
    while True:
        i = max(text.rfind(b"<<", floor, i), text.rfind(b">>", floor, i))
        if i < 0:
            return b""
        if text.startswith(b">>", i):
            depth += 1
        elif depth == 0:
            break
        else:
            depth -= 1
    start, depth, j, end = i, 0, i, min(len(text), i + 2 * PDF_SEARCH_BYTES)
    while j < end:
        if text[j] == 0x28:  # "(": a literal string, read past whole
            j = _literal_end(text, j)
        elif text.startswith(b"<<", j):
            depth, j = depth + 1, j + 2
        elif text[j] == 0x3C:  # "<": a hex string (its ">" is not a dictionary's end)
            close = text.find(b">", j)
            j = close + 1 if close > 0 else end
        elif text.startswith(b">>", j):
            depth, j = depth - 1, j + 2
            if depth == 0:
                return text[start:j]
        else:
            j += 1
    return b""


def _literal_end(text: bytes, at: int) -> int:
    """Where the literal string starting with "(" at `at` ends (after its ")"): parentheses nest,
    a backslash escapes the byte after it."""
    depth, j = 0, at
    while j < len(text):
        byte = text[j]
        if byte == 0x5C:  # backslash
            j += 2
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


def _value(dictionary: bytes, key: bytes) -> bytes:
    """The string written after `key` at the dictionary's own level (not in a dictionary inside
    it), as written: `(...)` or `<...>`; b"" when there is none."""
    depth, j = 0, 0
    while j < len(dictionary):
        if dictionary[j] == 0x28:
            j = _literal_end(dictionary, j)
        elif dictionary.startswith(b"<<", j):
            depth, j = depth + 1, j + 2
        elif dictionary.startswith(b">>", j):
            depth, j = depth - 1, j + 2
        elif dictionary[j] == 0x3C:  # "<": a hex string
            close = dictionary.find(b">", j)
            j = close + 1 if close > 0 else len(dictionary)
        elif depth == 1 and dictionary.startswith(key, j) and not _name_char(dictionary, j + len(key)):
            k = j + len(key)
            while k < len(dictionary) and dictionary[k] in b" \t\r\n\f\x00":
                k += 1
            if dictionary.startswith(b"(", k):
                return dictionary[k:_literal_end(dictionary, k)]
            if dictionary.startswith(b"<", k) and not dictionary.startswith(b"<<", k):
                close = dictionary.find(b">", k)
                return dictionary[k:close + 1] if close > 0 else b""
            return b""
        else:
            j += 1
    return b""


def _name_char(text: bytes, at: int) -> bool:
    return at < len(text) and (chr(text[at]).isalnum() or text[at] in b"#_.-")


_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def pdf_string(written: bytes) -> str:
    """A PDF string as written (`(...)` with its escapes, or `<hex>`) as text: UTF-16 after its byte
    order mark, UTF-8 after its own, else PDFDocEncoding (read as Latin-1, its close kin)."""
    if written.startswith(b"(") and written.endswith(b")"):
        raw, j, body = bytearray(), 0, written[1:-1]
        while j < len(body):
            byte = body[j]
            if byte != 0x5C or j + 1 >= len(body):
                raw.append(byte)
                j += 1
                continue
            after = body[j + 1]
            if 0x30 <= after <= 0x37:  # up to three octal digits
                digits = re.match(rb"[0-7]{1,3}", body[j + 1:j + 4])[0]
                raw.append(int(digits, 8) & 0xFF)
                j += 1 + len(digits)
            elif after in b"\r\n":  # a line continued: nothing
                j += 3 if body[j + 1:j + 3] == b"\r\n" else 2
            else:
                raw += _ESCAPES.get(after, bytes([after]))
                j += 2
        data = bytes(raw)
    elif written.startswith(b"<") and written.endswith(b">"):
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", written[1:-1])
        data = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    else:
        return ""
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    return data.decode("latin-1")
