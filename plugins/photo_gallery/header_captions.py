"""Captions in an article's header (`Captions:`), as the web editor writes them.

    Gallery: open-house-2568
    Cover: p02.jpg
    Captions: p01.jpg: บรรยากาศหน้างานเปิดบ้าน
        p02.jpg: นักศึกษาร่วมกิจกรรมฐานที่ 2
        p03.jpg:

One photo per line; the lines after the first are indented by four spaces (Python-Markdown's
metadata continuation, which Pelican reads as a list). Each line is the file name, a colon and
the caption, which may be empty. The order of the lines is the order of the gallery.

The release and its captions are then one file, one change: the web editor commits the article
and its photos together and never has to rewrite a second text file. `captions.txt` keeps working:

- a photo named in `Captions:` takes its place and its caption from the header; an empty header
  caption falls back to the photo's line in captions.txt;
- the other photos follow in captions.txt order, then in natural file-name order, as before.

Plain functions with no Pelican import: `parse_header_captions` reads the value Pelican gives (or
`header_value` reads it from the file's lines, for the rules), `apply_header_captions` merges it
into a `SourceGallery` from `scan_gallery`. Problems (a line that is not `file: caption`, a file
that is not in the folder, a photo named twice) are returned as `Problem`s naming the article and
the line, never raised. The build (pelican_glue.py) and the rule "captions" (rules.py) both apply
the header of the first article, by file name, that uses the gallery and has `Captions:`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .sources import SourceGallery, SourcePhoto, is_photo

HEADER_KEY = "captions"


def _problem(path: Path, line: int | None, thai: str, english: str):
    """A warning of the rule "captions" on a line of the article `path` (content_guard's Problem,
    named by the absolute path until `Problem.located` gives it the name authors see)."""
    from content_guard.problems import Problem

    return Problem(str(path), line, "captions", "warning", thai, english)


@dataclass(frozen=True)
class HeaderCaption:
    line: int | None  # line in the article (None when the caller does not know it)
    name: str  # the file name as written
    caption: str  # whitespace collapsed; may be empty


def header_lines(value) -> list[str]:
    """The lines of a `Captions:` value as Pelican gives it (a str, or a list for several lines)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        lines = [str(item) for item in value]
    else:
        lines = str(value).splitlines()
    return [line.strip() for line in lines]


def header_value(lines: list[str], first_line: int) -> list[str]:
    """The `Captions:` value as Pelican reads it, from the file's lines and the line (1-based) of
    `Captions:`: the rest of that line, then each continuation line (indented by four spaces or
    a tab), in order."""
    first = lines[first_line - 1]
    value = [first.split(":", 1)[1].strip() if ":" in first else ""]
    for line in lines[first_line:]:
        if not line.strip() or not line.expandtabs(4).startswith("    "):
            break
        value.append(line.strip())
    return value


def parse_header_captions(value, path: Path, first_line: int | None = None):
    """[HeaderCaption] in header order, and the problems found, from a `Captions:` value.

    `path` is the article (for the problems); `first_line` is the line of `Captions:` in it, so
    that each problem names the line an author sees (None: no line numbers).
    """
    entries: list[HeaderCaption] = []
    problems: list[Problem] = []
    for offset, line in enumerate(header_lines(value)):
        number = first_line + offset if first_line else None
        if not line:
            continue
        name, sep, caption = line.partition(":")
        name = name.strip()
        if not sep or not name or not is_photo(Path(name)):
            problems.append(
                _problem(
                    path,
                    number,
                    f'บรรทัดใน Captions: ไม่อยู่ในรูป "ชื่อไฟล์.jpg: คำบรรยาย" ({line[:40]}) จึงไม่ถูกใช้',
                    'a Captions: line is not of the form "file.jpg: caption"; it is ignored',
                )
            )
            continue
        entries.append(HeaderCaption(number, name, " ".join(caption.split())))
    return entries, problems


def apply_header_captions(gallery: SourceGallery, entries: list[HeaderCaption], path: Path) -> SourceGallery:
    """A copy of `gallery` with the header's order and captions first (see the module docstring).

    `path` is the article that holds the header (named in the problems).
    """
    by_name = {photo.name: photo for photo in gallery.photos}
    folded = {name.casefold(): name for name in by_name}
    ordered: list[SourcePhoto] = []
    taken: set[str] = set()
    problems = list(gallery.problems)
    folder_rel = gallery.folder.name
    for entry in entries:
        actual = entry.name if entry.name in by_name else folded.get(entry.name.casefold())
        if actual is None:
            problems.append(
                _problem(
                    path,
                    entry.line,
                    f'Captions: ระบุภาพ "{entry.name}" ซึ่งไม่มีในโฟลเดอร์ภาพ {folder_rel}/ '
                    "ให้แก้ชื่อไฟล์ให้ตรงหรือลบบรรทัดนี้",
                    f'Captions: names "{entry.name}", which is not in the gallery folder {folder_rel}/: '
                    "fix the file name or delete the line",
                )
            )
            continue
        if actual in taken:
            problems.append(
                _problem(
                    path,
                    entry.line,
                    f'Captions: ระบุภาพ "{entry.name}" ซ้ำ ใช้บรรทัดแรกเท่านั้น',
                    f'Captions: names "{entry.name}" twice; only the first line is used',
                )
            )
            continue
        taken.add(actual)
        photo = by_name[actual]
        if entry.caption:
            photo = replace(photo, caption=entry.caption, caption_line=entry.line)
        ordered.append(photo)
    ordered += [photo for photo in gallery.photos if photo.name not in taken]
    return replace(gallery, photos=ordered, problems=problems)
