"""Photos published as static files (content/images/...) go out without their metadata.

Pelican copies static files byte for byte, so a phone photo put in content/images/ was published
with its GPS position, camera model and XMP. On `static_generator_finalized`, every static photo
that carries any of it (or an EXIF orientation) is taken off Pelican's copy list and written
instead as a clean copy at the same address: turned upright, pixels only (`cleaning.clean_photo`,
the same cleaning the importer and the editor use), not resized. Links to it (`{static}`) still
resolve: Pelican's table of static files is left as it is. Clean copies are kept in
`<CACHE_PATH>/static-photos/` by content hash, so an unchanged photo is not encoded again.

The rule "photo-metadata" (rules.py) still tells the author: a location is an ERROR (it must not
be in the repository either), camera data a WARNING.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path

from .cleaning import clean_photo
from .metadata import inspect_photo
from .processing import PhotoError
from .sources import PHOTO_EXTENSIONS

logger = logging.getLogger(__name__)

NO_RESIZE = 1 << 30  # static photos keep their size (the rule photo-size warns about huge ones)
CACHE_VERSION = "1"


def needs_cleaning(path: Path) -> bool:
    """True when the photo carries a location, camera data, XMP/IPTC or an EXIF orientation."""
    found = inspect_photo(path)
    if not found.readable:
        return False
    if found.has_location or found.has_camera_data:
        return True
    from PIL import Image

    try:
        with Image.open(path) as image:
            return bool(image.getexif()) or "exif" in image.info
    except Exception:  # unreadable: nothing to clean; the rule "photo" reports it
        return False


def clean_copy(path: Path, cache_dir: Path) -> Path:
    """The clean copy of `path` in `cache_dir` (made once per content)."""
    digest = hashlib.blake2b(path.read_bytes(), digest_size=12).hexdigest()
    folder = cache_dir / f"{digest}-{CACHE_VERSION}"
    done = next(folder.glob("photo.*"), None) if folder.is_dir() else None
    if done is not None:
        return done
    return clean_photo(path, folder / ("photo" + path.suffix.lower()), max_edge=NO_RESIZE).path


def publish_clean_statics(generator) -> None:
    """`static_generator_finalized`: write clean copies of static photos that carry metadata."""
    from content_guard.problems import Problem, log
    from content_guard.sources import display_name

    settings = generator.settings
    cache_dir = Path(settings.get("CACHE_PATH") or "cache") / "static-photos"
    output = Path(settings["OUTPUT_PATH"])
    for static in list(generator.staticfiles):
        source = Path(static.source_path)
        if source.suffix.lower() not in PHOTO_EXTENSIONS or not source.is_file():
            continue
        if not needs_cleaning(source):
            continue
        generator.staticfiles.remove(static)  # Pelican would copy it as it is
        try:
            cleaned = clean_copy(source, cache_dir)
        except PhotoError as exc:
            log(Problem(display_name(source, settings), None, "photo", "warning",
                        exc.thai + " จึงไม่เผยแพร่ภาพนี้", exc.english + "; the photo is not published"),
                logger)
            continue
        target = output / static.save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(cleaned, tmp)
        os.replace(tmp, target)
