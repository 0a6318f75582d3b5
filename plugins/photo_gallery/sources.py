"""Reading a gallery folder: which photos, in which order, with which captions.

Plain functions with no Pelican import. Problems are returned as content_guard's `Problem`s
(named by absolute path; the rules give them the name authors see), never raised.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif"}
HEIF_EXTENSIONS = {".heic", ".heif"}
CAPTIONS_FILE = "captions.txt"
# Files a camera, phone or operating system leaves behind; never worth a warning.
IGNORED_NAMES = {CAPTIONS_FILE, "thumbs.db", "desktop.ini"}


def _problem(severity: str, path: Path, thai: str, english: str, line: int | None = None):
    """content_guard's Problem, named by the file's absolute path (`Problem.located` gives it the
    name authors see): rule "captions" for captions.txt, "photo" for a file of the folder."""
    from content_guard.problems import Problem

    rule = "captions" if path.name == CAPTIONS_FILE else "photo"
    return Problem(str(path), line, rule, severity, thai, english)


@dataclass
class SourcePhoto:
    path: Path
    caption: str = ""
    caption_line: int | None = None

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class SourceGallery:
    name: str
    folder: Path
    photos: list[SourcePhoto] = field(default_factory=list)
    problems: list = field(default_factory=list)


def natural_key(name: str):
    """Sort key in which p2 comes before p10 and case does not matter."""
    parts = re.split(r"(\d+)", unicodedata.normalize("NFC", name).casefold())
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts]


def is_photo(path: str | os.PathLike) -> bool:
    """True for a file name the gallery accepts as a photo (JPEG, PNG, WebP, HEIC)."""
    return Path(path).suffix.lower() in PHOTO_EXTENSIONS


def read_captions(path: Path) -> tuple[list[tuple[int, str, str]], list]:
    """Parse captions.txt: `file.jpg: caption` per line; '#' starts a comment line.

    Returns [(line number, file name, caption)] in file order and the problems found.
    """
    problems = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [
            _problem(
                "error",
                path,
                "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (อาจเป็น TIS-620) ให้เปิดแล้วบันทึกใหม่เป็น UTF-8",
                "is not UTF-8 (perhaps TIS-620/cp874): save it again as UTF-8",
            )
        ]
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, caption = line.partition(":")
        name = name.strip()
        if not sep and not is_photo(Path(name)):
            problems.append(
                _problem(
                    "warning",
                    path,
                    f'บรรทัดนี้ไม่อยู่ในรูป "ชื่อไฟล์.jpg: คำบรรยาย" ({line[:40]})',
                    'this line is not of the form "file.jpg: caption"; it is ignored',
                    number,
                )
            )
            continue
        entries.append((number, name, " ".join(caption.split())))
    return entries, problems


def outside(path: Path, root: Path | None) -> str | None:
    """Where `path` really is when it is a link leading outside `root` (None: it is inside)."""
    if root is None:
        return None
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    return None if os.path.commonpath([real, base]) == base else real


def scan_gallery(folder: Path, name: str, root: Path | None = None) -> SourceGallery:
    """List the photos of `folder` in captions.txt order, then in natural file-name order.

    `root`: the content folder; a photo that is a link (symlink) to a file outside it is refused
    with an error, as posts and static files are (it could publish any file of the machine).
    """
    gallery = SourceGallery(name=name, folder=folder)
    files = {}
    for entry in sorted(folder.iterdir(), key=lambda p: natural_key(p.name)):
        if entry.name.startswith(".") or entry.name.casefold() in IGNORED_NAMES:
            continue
        if entry.is_dir():
            continue
        target = outside(entry, root)
        if target is not None:
            gallery.problems.append(
                _problem(
                    "error",
                    entry,
                    f"ไฟล์นี้เป็นลิงก์ (symlink) ชี้ออกไปนอกโฟลเดอร์ content ที่ {target} จึงไม่นำมาเผยแพร่; "
                    "คัดลอกไฟล์ภาพจริงมาไว้ในโฟลเดอร์นี้แทน",
                    f"is a symlink to {target}, outside the content folder, so it is not published; "
                    "copy the real photo into this folder instead",
                )
            )
            continue
        if not entry.is_file():  # a named pipe, socket or device would hang or fail the read
            gallery.problems.append(
                _problem(
                    "error",
                    entry,
                    "ไม่ใช่ไฟล์ธรรมดา (อาจเป็น pipe หรืออุปกรณ์) จึงไม่อ่าน ให้ลบออกจากโฟลเดอร์",
                    "is not a regular file (a pipe or a device), so it is not read: remove it",
                )
            )
            continue
        if not is_photo(entry):
            gallery.problems.append(
                _problem(
                    "warning",
                    entry,
                    "ไม่ใช่ไฟล์ภาพที่รองรับ (JPEG, PNG, WebP, HEIC) จึงไม่ถูกเผยแพร่ ให้ลบออกจากโฟลเดอร์หรือแปลงเป็น JPEG",
                    "is not a supported photo (JPEG, PNG, WebP, HEIC) and is not published: "
                    "remove it from the folder or convert it to JPEG",
                )
            )
            continue
        files[entry.name] = entry

    captions_path = folder / CAPTIONS_FILE
    ordered: list[SourcePhoto] = []
    seen = set()
    if captions_path.is_file():
        entries, problems = read_captions(captions_path)
        gallery.problems.extend(problems)
        folded = {n.casefold(): n for n in files}
        for number, listed, caption in entries:
            actual = listed if listed in files else folded.get(listed.casefold())
            if actual is None:
                gallery.problems.append(
                    _problem(
                        "warning",
                        captions_path,
                        f'ไม่พบไฟล์ภาพ "{listed}" ในโฟลเดอร์ ให้แก้ชื่อไฟล์ให้ตรงหรือลบบรรทัดนี้',
                        f'names "{listed}", which is not in the folder: fix the file name or delete the line',
                        number,
                    )
                )
                continue
            if actual in seen:
                gallery.problems.append(
                    _problem(
                        "warning",
                        captions_path,
                        f'ชื่อไฟล์ "{listed}" ซ้ำกับบรรทัดก่อนหน้า ใช้บรรทัดแรกเท่านั้น',
                        f'lists "{listed}" twice; only the first line is used',
                        number,
                    )
                )
                continue
            seen.add(actual)
            ordered.append(SourcePhoto(files[actual], caption, number))
    for file_name, path in files.items():
        if file_name not in seen:
            ordered.append(SourcePhoto(path))
    gallery.photos = ordered
    gallery.problems.sort(key=lambda p: (p.file, p.line or 0))
    return gallery


def url_safe_stem(stem: str) -> str:
    """`stem` with letters, combining marks (Thai vowels and tone marks), digits, `.`, `_` and `-`
    kept and every other run of characters turned into one `-` (ภาพ กิจกรรม 1 -> ภาพ-กิจกรรม-1)."""
    stem = unicodedata.normalize("NFC", stem)
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "._-" else " " for c in stem)
    return re.sub(r"\s+", "-", kept.strip()).strip("-.") or "photo"


def output_stems(photos: list[SourcePhoto]) -> list[str]:
    """A URL-safe, unique output stem per photo that keeps the source name (p01.JPG -> p01)."""
    stems = []
    used = set()
    for photo in photos:
        base = url_safe_stem(photo.path.stem)
        stem = base
        if stem.casefold() in used:
            stem = f"{base}-{photo.path.suffix.lstrip('.').lower()}"
        n = 2
        while stem.casefold() in used:
            stem = f"{base}-{n}"
            n += 1
        used.add(stem.casefold())
        stems.append(stem)
    return stems
