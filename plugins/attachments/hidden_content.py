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
| `comments` | Word `word/comments.xml`; Excel notes and comments (`xl/comments*.xml`, threaded comments); PowerPoint `ppt/comments/`; LibreOffice `office:annotation` |

`sample` is the first deleted (else added) words, or the first comment. XML is read by the standard library's parser (no DTD is loaded and expat limits
entity expansion); a part larger than MAX_MEMBER_BYTES unpacked, or a file that is no ZIP (a
PDF), is not read. The answer is remembered per file version (path, size, time), as the rule runs
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

from .embedded_photos import DOCUMENT_SUFFIXES, MAX_DEPTH, MAX_MEMBER_BYTES

KINDS = ("changes", "comments")
# Word's revision marks (wordprocessingml), whatever the prefix: each is one change in Word's list.
REVISIONS = {"ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
             "tblGridChange", "trPrChange", "tcPrChange", "cellIns", "cellDel", "cellMerge", "numberingChange"}
WORD_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
EXCEL_COMMENTS = re.compile(r"^xl/comments[^/]*\.xml$")
EXCEL_THREADS = re.compile(r"^xl/threadedComments/[^/]+\.xml$")
SLIDE_COMMENTS = re.compile(r"^ppt/comments/[^/]+\.xml$")
# Excel's stand-in for a threaded comment in its old comments part, for older Excel versions.
THREAD_STAND_IN = "[Threaded comment]"


@dataclass(frozen=True)
class LeftIn:
    kind: str  # one of KINDS
    count: int
    sample: str  # the first one's words, whitespace as single spaces
    where: str  # "" for the document itself, "แบบฟอร์ม/คำร้อง.docx" for one inside a ZIP


_MEMO: dict = {}


def left_in(path) -> list[LeftIn]:
    """What the document at `path` (and each document in it) keeps out of sight, by kind."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in _MEMO:
            if len(_MEMO) > 5_000:
                _MEMO.clear()
            _MEMO[key] = list(_archive(path, "", 1)) if zipfile.is_zipfile(path) else []
    except OSError:  # gone or unreadable since it was listed: the rules that find files say so
        return []
    return _MEMO[key]


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
                        inner.append((f"{prefix}{name}/", io.BytesIO(data)))
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError, zlib.error):
        return  # an archive no reader can open either: nothing more of it is read here
    yield from tally.found(prefix.rstrip("/"))
    for inner_prefix, data in inner:
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
