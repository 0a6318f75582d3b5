"""The documents a release lists in its header (`Attachments:`), as the web editor writes them.

    Attachments: extra/attachments/ita-2569-k3m9/prakat-ita.pdf: ประกาศผลการประเมิน ITA ปี 2569
        extra/attachments/ita-2569-k3m9/raingan.xlsx: ตารางคะแนนรายหน่วยงาน

One document per line, the lines after the first indented by four spaces (read as photo_gallery
reads `Captions:`): its path under the content folder, a colon and a space, the title readers
see as the link. The file must lie under ATTACHMENTS_DIR (this plugin publishes the documents
listed there, and only those) or in one of STATIC_PATHS (Pelican publishes everything there), and
be of a type in ATTACHMENTS_TYPES.

Plain functions with no Pelican import: `listed` reads the header value, `document` finds the
file a line names and what is wrong with it. The rule "attachments" (rules.py) reports the
problems; the build (pelican_glue.py) attaches the documents that have none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

HEADER_KEY = "attachments"
# The media type a feed's enclosure gives each kind of document (fixed here, not read from the
# machine's /etc/mime.types, so every machine writes the same feed).
MEDIA_TYPES = {
    "pdf": "application/pdf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation", "csv": "text/csv", "zip": "application/zip",
}


@dataclass(frozen=True)
class Listed:
    line: int | None  # line in the release (None when the caller does not know it)
    path: str  # as written: under the content folder, "/" between folders
    title: str  # whitespace collapsed; may be empty


@dataclass(frozen=True)
class Attachment:
    """`article.attachments` / `page.attachments`: one document, as the page lists it."""

    title: str
    url: str  # site-relative, like article.url
    kind: str  # "PDF", "Excel"...
    size: int  # bytes

    @property
    def media_type(self) -> str:
        """"application/pdf"...: what a feed's enclosure says the document is."""
        return MEDIA_TYPES.get(self.url.rsplit(".", 1)[-1].lower(), "application/octet-stream")

    @property
    def size_label(self) -> str:
        """12345678 -> '12.3 MB', as a gallery's download link says it."""
        from photo_gallery.model import size_label

        return size_label(self.size)


def listed(value, first_line: int | None = None) -> tuple[list[Listed], list[tuple[int | None, str]]]:
    """([Listed], [(line, text) of lines that are not `path: title`]) from an `Attachments:`
    value as Pelican gives it (a str, or a list for several lines)."""
    from photo_gallery.header_captions import header_lines

    found, bad = [], []
    for offset, line in enumerate(header_lines(value)):
        number = first_line + offset if first_line else None
        if not line:
            continue
        path, sep, title = line.partition(": ")
        if not sep and line.endswith(":"):
            path, sep = line[:-1], ":"
        if not sep or not path.strip() or not PurePosixPath(path.strip()).suffix:
            bad.append((number, line))
            continue
        found.append(Listed(number, path.strip().lstrip("/"), " ".join(title.split())))
    return found, bad


def document(entry: Listed, settings: dict) -> tuple[Path | None, str | None]:
    """(the file, None) for a listed document that will be published, or (None, why not): one
    of "outside", "missing", "unpublished" (neither under ATTACHMENTS_DIR nor in STATIC_PATHS),
    "type", "empty"."""
    content = Path(settings["PATH"]).resolve()
    path = Path(os.path.normpath(content / entry.path))
    if content not in path.parents:
        return None, "outside"
    if not path.is_file():
        return None, "missing"
    if content not in path.resolve().parents:  # a link to a file elsewhere
        return None, "outside"
    relative = path.relative_to(content).as_posix()
    folders = [str(s).strip("/") for s in [settings["ATTACHMENTS_DIR"], *(settings.get("STATIC_PATHS") or [])]]
    if not any(s in ("", ".") or relative.startswith(s + "/") for s in folders):
        return None, "unpublished"
    if path.suffix.lower().lstrip(".") not in settings["ATTACHMENTS_TYPES"]:
        return None, "type"
    if path.stat().st_size == 0:
        return None, "empty"
    return path, None


def published_here(path: Path, settings: dict) -> str | None:
    """The output path of a document this plugin publishes (under ATTACHMENTS_DIR), else None."""
    relative = path.relative_to(Path(settings["PATH"]).resolve()).as_posix()
    return relative if relative.startswith(settings["ATTACHMENTS_DIR"].strip("/") + "/") else None


def attachment(entry: Listed, path: Path, settings: dict) -> Attachment:
    """What the page shows of a document `document` found: its title (or file name), URL, type and size."""
    relative = path.relative_to(Path(settings["PATH"]).resolve()).as_posix()
    return Attachment(
        title=entry.title or path.name,
        url=quote(relative),
        kind=settings["ATTACHMENTS_TYPES"][path.suffix.lower().lstrip(".")],
        size=path.stat().st_size,
    )
