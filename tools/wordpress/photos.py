"""Bringing fetched uploads into content/: photos cleaned like gallery photos, other files copied.

`process(jobs, processes)` runs `clean_photo` (plugins/photo_gallery/cleaning.py) for photos in
worker processes, a few at a time, and copies documents as they are. Each job is (source file,
destination); the result says where the file went (a photo's suffix may change: p01.webp ->
p01.jpg) or why it failed, in Thai and English.
"""

from __future__ import annotations

import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from photo_gallery.cleaning import PhotoError, clean_photo, cleaned_name, is_photo_file  # noqa: E402
from photo_gallery.processing import pool_context  # noqa: E402

# Files a post may link to that are copied as they are (anything else is listed, not imported).
DOCUMENT_SUFFIXES = {
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf",
    ".txt", ".csv", ".zip", ".gif", ".mp3", ".m4a", ".mp4", ".m4v", ".webm",
}

__all__ = ["DOCUMENT_SUFFIXES", "Done", "cleaned_name", "is_photo_file", "process", "kind_of"]


@dataclass(frozen=True)
class Done:
    source: str
    planned: str  # the destination asked for
    final: str | None  # where the file is now (None: failed)
    error: tuple[str, str] | None = None
    cleaned: bool = False


def kind_of(name: str) -> str | None:
    """"photo", "copy" or None (a file the import does not bring in, e.g. .svg or .exe)."""
    if is_photo_file(name):
        return "photo"
    return "copy" if Path(name).suffix.lower() in DOCUMENT_SUFFIXES else None


def _one(job: tuple[str, str]) -> Done:
    source, planned = job
    try:
        if kind_of(source) == "photo":
            result = clean_photo(source, planned)
            return Done(source, planned, str(result.path), cleaned=True)
        tmp = Path(planned).with_name(f".{Path(planned).name}.{os.getpid()}.tmp")
        Path(planned).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, tmp)
        os.replace(tmp, planned)
        return Done(source, planned, planned)
    except PhotoError as exc:
        return Done(source, planned, None, (exc.thai, exc.english))
    except OSError as exc:
        return Done(source, planned, None, (f"อ่านหรือเขียนไฟล์ไม่ได้ ({exc.strerror})",
                                            f"cannot read or write the file ({exc.strerror})"))


def process(jobs: list[tuple[str, str]], processes: int = 0,
            advance: Callable[[int], None] | None = None) -> list[Done]:
    """Run every job; photos in `processes` workers (0: one per core), in job order."""
    if not jobs:
        return []
    processes = processes or os.cpu_count() or 1
    photos = sum(1 for source, _ in jobs if kind_of(source) == "photo")
    if processes <= 1 or photos < 8:
        results = []
        for job in jobs:
            results.append(_one(job))
            if advance:
                advance(1)
        return results
    results = []
    with ProcessPoolExecutor(max_workers=processes, mp_context=pool_context()) as pool:
        for done in pool.map(_one, jobs, chunksize=16):
            results.append(done)
            if advance:
                advance(1)
    return results
