"""Checks of a content file as the author saved it, and the one reader of its metadata header.

Plain functions without Pelican. The refusals (`check_location`, `check_size`, `decode_source`,
`check_not_empty`) raise `Refused` with a `Problem` (rule "file"); `check_header` returns the
header's problems (rules "header", "title", "body"). Problems come without a file name
(`Problem.located` adds it). `decode_source` also returns the text that a reader should parse
(BOM removed, line endings normalised). `read_header` is the only parser of the `Key: value`
header in the project: the content check, the build's rules and the editor's CI all use it.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from dataclasses import dataclass, field

from .problems import ERROR, WARNING, Problem

THAI = re.compile("[\u0e01-\u0e5b]")
# The same patterns as Python-Markdown's meta extension, so we see the header as it does.
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
META_BEGIN = re.compile(r"^-{3}(\s.*)?")
META_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# A header line whose key is not plain ASCII (e.g. "ชื่อเรื่อง: ...") ends Markdown's header.
FOREIGN_KEY = re.compile(r"^[ ]{0,3}(?P<key>[^\s:][^:]{0,30}):\s*\S")


THAI_MARK = re.compile("(?<![\u0e01-\u0e2e\u0e31-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def looks_thai(text: str) -> bool:
    """True for text that reads as Thai: several Thai letters, every vowel/tone mark on a letter."""
    return len(THAI.findall(text)) >= 2 and not THAI_MARK.search(text)


def _problem(severity: str, line: int | None, thai: str, english: str, rule: str = "file",
             fix: str = "", fix_english: str = "") -> Problem:
    return Problem("", line, rule, severity, thai, english, fix, fix_english)


class Refused(Exception):
    """The file cannot be published as it is; `problem` says why and how to fix it."""

    def __init__(self, problem: Problem):
        super().__init__(problem.english)
        self.problem = problem


def linked_folder(path: str, content_root: str) -> tuple[str, str] | None:
    """(folder, where it leads) of the outermost folder above `path`, inside the content folder,
    that is a link (symlink) to somewhere outside it; None when there is none."""
    root = os.path.abspath(content_root)
    real_root = os.path.realpath(content_root)
    rel = os.path.relpath(os.path.abspath(os.path.dirname(path)), root)
    if rel.startswith(".."):
        return None
    folder = root
    for part in ([] if rel == "." else rel.split(os.sep)):
        folder = os.path.join(folder, part)
        if os.path.islink(folder):
            real = os.path.realpath(folder)
            if os.path.commonpath([real, real_root]) != real_root:
                return folder, real
    return None


def check_location(path: str, content_root: str) -> None:
    """Refuse a file that is (or lies in a folder that is) a link to outside the content folder,
    and anything that is not a regular file (a named pipe would make every reader wait forever).

    A file inside a linked folder is refused with one problem that names the folder, so a folder
    linked to /etc is one error, not one per file.
    """
    linked = linked_folder(path, content_root)
    if linked is not None:
        folder, real = linked
        project = os.path.dirname(os.path.abspath(content_root))
        name = os.path.relpath(folder, project).replace(os.sep, "/")
        raise Refused(dataclasses.replace(_problem(
            ERROR, None,
            f"โฟลเดอร์นี้เป็นลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ content ที่ {real} "
            "จึงไม่อ่านไฟล์ใดในนั้น; คัดลอกไฟล์จริงมาไว้ใน content/ แทน",
            f"this folder is a symlink to {real}, outside the content folder, so none of its "
            "files is read; copy the real files into content/ instead",
        ), file=name))
    real = os.path.realpath(path)
    root = os.path.realpath(content_root)
    if os.path.commonpath([real, root]) != root:
        raise Refused(_problem(
            ERROR, None,
            f"ไฟล์นี้เป็นลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ content ที่ {real} จึงไม่นำมาเผยแพร่; "
            "คัดลอกไฟล์จริงมาไว้ใน content/ แทน",
            f"this file is a symlink to {real}, outside the content folder, so it is not "
            "published; copy the real file into content/ instead",
        ))
    check_regular(path)


def check_regular(path: str) -> None:
    """Refuse anything that is not a regular file (a named pipe would make every reader wait)."""
    if not os.path.isfile(path):
        raise Refused(_problem(
            ERROR, None,
            "ไม่ใช่ไฟล์ธรรมดา (อาจเป็นโฟลเดอร์ ไปป์ หรืออุปกรณ์ที่ตั้งชื่อลงท้าย .md) จึงไม่อ่าน; "
            "ลบออก หรือเปลี่ยนชื่อไม่ให้ลงท้าย .md",
            "this is not a regular file (a folder, a named pipe or a device named .md), so it is "
            "not read; remove it, or rename it so that it does not end in .md",
        ))


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise Refused(_problem(
            ERROR, None,
            f"ไฟล์ใหญ่เกินไป ({size:,} ไบต์ เกิน {limit:,}); แบ่งเป็นหลายข่าว "
            "หรือลบรูปที่วางเป็นข้อความ (data:) ออกแล้วใส่รูปเป็นไฟล์แทน",
            f"the file is too large ({size:,} bytes, limit {limit:,}); split it into several "
            "posts, or remove pasted images (data: text) and add them as photo files",
        ))


def decode_source(data: bytes) -> str:
    """Return the text of a content file: UTF-8 with or without BOM, any line endings.

    Raises `Refused` for binary data and for text in another encoding, with the line of the
    first byte that is not UTF-8 and, for Thai text from old Windows editors, how to save it.
    """
    if b"\x00" in data[:8192]:
        raise Refused(_problem(
            ERROR, None,
            "ไฟล์นี้ไม่ใช่ข้อความ (อาจเป็นรูปหรือเอกสาร Word ที่ตั้งชื่อลงท้าย .md); "
            "บันทึกเป็นข้อความธรรมดา UTF-8",
            "this is not a text file (perhaps a photo or a Word document named .md); "
            "save it as plain UTF-8 text",
        ))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            as_thai = data.decode("cp874")
        except UnicodeDecodeError:
            as_thai = ""
        if looks_thai(as_thai):
            raise Refused(_problem(
                ERROR, line,
                "ไฟล์นี้บันทึกเป็นรหัสภาษาไทยแบบเก่า (TIS-620/Windows-874) ไม่ใช่ UTF-8; "
                "เปิดไฟล์แล้วเลือก \"บันทึกเป็น\" (Save As) การเข้ารหัส UTF-8",
                "this file is saved in the old Thai encoding (TIS-620/Windows-874), not "
                "UTF-8; open it and use Save As with the encoding UTF-8",
            )) from None
        raise Refused(_problem(
            ERROR, line,
            f"พบไบต์ที่ไม่ใช่ UTF-8 (0x{data[exc.start]:02X}); บันทึกไฟล์ใหม่เป็น UTF-8",
            f"byte 0x{data[exc.start]:02X} is not UTF-8; save the file again as UTF-8",
        )) from None
    # Python-Markdown also normalises line endings, but our own checks count lines on this text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:  # Markdown would drop it without a word, and what stood around it may go too
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise Refused(_problem(
            ERROR, line,
            "พบอักขระ NUL (มองไม่เห็น มักมาจากไฟล์เสียหรือการคัดลอกจากโปรแกรมอื่น); "
            "ลบอักขระนั้นออก หรือพิมพ์บรรทัดนี้ใหม่",
            "the file contains a NUL character (invisible; from a damaged file or a copy from "
            "another program); delete it, or type the line again",
        ))
    return text


@dataclass(frozen=True)
class Field:
    """One `Key: value` of the header."""

    name: str  # the key as written ("Date")
    value: str  # the value, continuation lines joined with a space, stripped
    line: int  # 1-based line of the key


@dataclass
class Header:
    """The metadata header as Python-Markdown's meta extension (and so Pelican) will read it."""

    fields: dict = field(default_factory=dict)  # lower-case key -> Field (the first one written)
    body_line: int = 1  # first line after the header (1-based)
    foreign_key: tuple | None = None  # (line, key) of a header line with a non-ASCII key
    repeated: list = field(default_factory=list)  # (key as written, line) of each key written again

    @property
    def keys(self) -> dict:
        """lower-case key -> (line number, key as written)."""
        return {key: (f.line, f.name) for key, f in self.fields.items()}

    def value(self, key: str) -> str | None:
        """The value of `key` (any case), or None when the header does not have it."""
        found = self.fields.get(key.lower())
        return found.value if found else None

    def line_of(self, key: str) -> int | None:
        """The line of `key` (any case), or None."""
        found = self.fields.get(key.lower())
        return found.line if found else None


def read_header(text: str) -> Header:
    """The header of a Markdown source (`text` as `decode_source` returns it)."""
    lines = text.split("\n")
    fields: dict = {}
    index = 0
    if lines and META_BEGIN.match(lines[0]):
        index = 1
    last_key = None
    foreign = None
    repeated = []
    while index < len(lines):
        line = lines[index]
        if index > 0 and META_END.match(line) and META_BEGIN.match(lines[0]):
            index += 1
            break
        if not line.strip():
            break
        match = META_LINE.match(line)
        if match:
            key = match.group("key")
            last_key = key.lower()
            if last_key not in fields:
                fields[last_key] = Field(key, match.group("value").strip(), index + 1)
            else:
                last_key = None  # a repeated key: Markdown keeps both, Pelican the first
                repeated.append((key, index + 1))
        elif last_key is not None and META_MORE.match(line):
            first = fields[last_key]
            more = META_MORE.match(line).group("value").strip()
            fields[last_key] = Field(first.name, f"{first.value} {more}".strip(), first.line)
        elif last_key is None and fields and META_MORE.match(line):
            pass  # continuation of a repeated key
        else:
            other = FOREIGN_KEY.match(line)
            if other:
                foreign = (index + 1, other.group("key").strip())
            break
        index += 1
    return Header(fields=fields, body_line=index + 1, foreign_key=foreign, repeated=repeated)


RST_FIELD = re.compile(r"^:(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
HTML_META = re.compile(
    r"<meta\s[^>]*?name=[\"'](?P<key>[^\"']+)[\"'][^>]*?content=[\"'](?P<value>[^\"']*)[\"']", re.I)


def read_fields(text: str, markup: str) -> Header:
    """The metadata of a reST (`:date: ...` field lines) or HTML (`<meta name=... content=...>`)
    source, with the lines they are on; Markdown sources use `read_header`."""
    fields: dict = {}
    pattern = RST_FIELD if markup == "rst" else HTML_META
    for number, line in enumerate(text.split("\n"), start=1):
        for match in (pattern.finditer(line) if markup != "rst" else [pattern.match(line)]):
            if match and match.group("key").lower() not in fields:
                fields[match.group("key").lower()] = Field(match.group("key"), match.group("value").strip(), number)
    return Header(fields=fields, body_line=1)


def check_header(text: str, known_keys, needs_title: bool = True) -> list[Problem]:
    """Problems of the metadata header: misspelt or unknown keys, a missing title, no body."""
    header = read_header(text)
    known = sorted({k.lower() for k in known_keys})
    problems = []
    for lower, found in header.fields.items():
        line, written = found.line, found.name
        if lower in known:
            continue
        near = difflib.get_close_matches(lower, known, n=1, cutoff=0.6)
        if lower.rstrip("s") + "s" in known:
            near = [lower.rstrip("s") + "s"]
        elif lower + "s" in known:
            near = [lower + "s"]
        if near:
            suggestion = near[0].capitalize()
            problems.append(_problem(
                WARNING, line,
                f"ไม่รู้จักช่องข้อมูล \"{written}:\" หมายถึง \"{suggestion}:\" หรือไม่? "
                "ค่านี้จะถูกข้ามไปจนกว่าจะแก้ชื่อ",
                f"unknown metadata key \"{written}:\"; did you mean \"{suggestion}:\"? "
                "It is ignored until it is spelt right",
                rule="header",
            ))
        else:
            problems.append(_problem(
                WARNING, line,
                f"ไม่รู้จักช่องข้อมูล \"{written}:\" ค่านี้จะถูกข้ามไป; ช่องที่ใช้ได้คือ "
                + ", ".join(k.capitalize() for k in known),
                f"unknown metadata key \"{written}:\" is ignored; known keys: "
                + ", ".join(k.capitalize() for k in known),
                rule="header",
            ))
    for written, line in header.repeated:
        first = header.fields[written.lower()]
        # Markdown keeps both values as a list: a headline would be published as "['a', 'b']".
        problems.append(_problem(
            ERROR, line,
            f"ช่องข้อมูล \"{first.name}:\" เขียนซ้ำ (บรรทัด {first.line} และ {line}); "
            "ลบบรรทัดใดบรรทัดหนึ่งให้เหลือบรรทัดเดียว",
            f"the key \"{first.name}:\" is written twice (lines {first.line} and {line}); "
            "delete one of them",
            rule="header",
        ))
    if needs_title and not (header.value("title") or "").strip():
        if header.foreign_key and "title" not in header.fields:
            line, key = header.foreign_key
            problems.append(_problem(
                ERROR, line,
                f"ไม่มีชื่อเรื่อง: ช่องข้อมูลต้องเขียนเป็นภาษาอังกฤษ เช่น \"Title: ...\" "
                f"ไม่ใช่ \"{key}:\"",
                f"no title: metadata keys are written in English, e.g. \"Title: ...\", "
                f"not \"{key}:\"",
                rule="title",
            ))
        else:
            problems.append(_problem(
                ERROR, header.line_of("title") or 1,
                "ไม่มีชื่อเรื่อง; เพิ่มบรรทัด \"Title: ชื่อข่าว\" เป็นบรรทัดแรกของไฟล์",
                "no title; add a line \"Title: ...\" as the first line of the file",
                rule="title",
            ))
    body = "\n".join(text.split("\n")[header.body_line - 1:])
    if header.fields and not body.strip():
        problems.append(_problem(
            WARNING, header.body_line,
            "มีแต่ช่องข้อมูล ไม่มีเนื้อข่าว; เขียนเนื้อหาต่อจากบรรทัดว่างหลังช่องข้อมูล",
            "the file has metadata but no text; write the text after the blank line that "
            "follows the metadata",
            rule="body",
        ))
    return problems


def find_line(text: str, needle: str, start: int = 1) -> int | None:
    """1-based line of the first occurrence of `needle` (case-insensitive), or None."""
    if not needle:
        return None
    lines = text.split("\n")
    low = needle.lower()
    for number, line in enumerate(lines[start - 1:], start):
        if low in line.lower():
            return number
    return None


def check_not_empty(text: str) -> None:
    if not text.strip():
        raise Refused(_problem(
            ERROR, None,
            "ไฟล์ว่างเปล่า; ใส่ช่องข้อมูล (Title:, Date:, Category:) และเนื้อข่าว หรือลบไฟล์นี้ออก",
            "the file is empty; add the metadata (Title:, Date:, Category:) and the text, "
            "or delete the file",
        ))
