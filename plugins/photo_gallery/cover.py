"""How a release's cover and its photos' captions are found (the build, the check and the editor).

- `gallery_folder(settings, name)`: the folder `Gallery: name` names, or None when the name
  leaves GALLERY_SOURCE_DIR (`/x`, `../x`).
- `cover_index(cover, names)`: which photo `Cover:` names among the gallery's photo file names
  (exact name first, then ignoring case); None when it names none of them.
- `missing_captions(gallery)`: the photos of a scanned gallery (`sources.scan_gallery`, which reads
  captions.txt) that have no caption.

No Pelican import.
"""

from __future__ import annotations

from pathlib import Path

from .sources import SourceGallery, SourcePhoto


def gallery_root(settings: dict) -> Path:
    """The folder holding one sub-folder of photos per gallery (GALLERY_SOURCE_DIR under PATH)."""
    return (Path(settings["PATH"]) / settings["GALLERY_SOURCE_DIR"]).resolve()


def gallery_folder(settings: dict, name: str) -> Path | None:
    """The folder of the gallery `name` (it may not exist), or None for a name outside the root
    (absolute, with "..", or through a link to elsewhere). `Gallery: x/` is read as `x`."""
    name = (name or "").strip()
    if not name or name.startswith(("/", "\\")) or ".." in Path(name).parts:
        return None
    root = gallery_root(settings)
    folder = (root / name).resolve()
    return folder if folder.is_relative_to(root) else None


def cover_index(cover: str, names: list[str]) -> int | None:
    """The index in `names` of the photo `Cover:` names (exact, then ignoring case), or None."""
    cover = (cover or "").strip()
    for wanted in (lambda n: n == cover, lambda n: n.casefold() == cover.casefold()):
        for index, name in enumerate(names):
            if wanted(name):
                return index
    return None


def missing_captions(gallery: SourceGallery) -> list[SourcePhoto]:
    """The photos of `gallery` without a caption, in gallery order."""
    return [photo for photo in gallery.photos if not photo.caption]
