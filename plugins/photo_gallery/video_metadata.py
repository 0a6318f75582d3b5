"""What a phone video carries besides its pictures: the place it was filmed, the phone's make.

A video is published as it is (nothing encodes it again, as processing.py does photos), so the
content check's rule "photo-metadata" refuses one under content/ that carries either: the
WordPress import copies the old site's .mp4 files as they are, and a phone writes the place into
every clip it films. Phones keep it in the `moov` box of an MP4/QuickTime file: Android and older
iPhones as a `©xyz` box ("+13.7642+100.5655/"), newer iPhones as keyed metadata
(`com.apple.quicktime.location.ISO6709`), 3GPP phones as a `loci` box; the make and model as
`©mak`/`©mod` or `com.apple.quicktime.make`/`.model`.

`inspect_video(path)` walks the file's top-level boxes to `moov` (it may come after the media
data: only box headers are read on the way) and looks in it for those names. Returns a
`PhotoMetadata` (metadata.py) with `gps` holding the names found for the place, `camera` those
for the phone. No Pelican import.
"""

from __future__ import annotations

import struct
from pathlib import Path

from .metadata import PhotoMetadata

VIDEO_EXTENSIONS = {".mp4", ".m4v", ".mov", ".3gp"}
LOCATION_MARKERS = (b"\xa9xyz", b"com.apple.quicktime.location.ISO6709", b"loci")
CAMERA_MARKERS = (b"\xa9mak", b"\xa9mod", b"com.apple.quicktime.make", b"com.apple.quicktime.model")
MAX_MOOV_BYTES = 64_000_000  # a moov box this large is read no further (sample tables of hours)


def inspect_video(path) -> PhotoMetadata:
    """The place and the phone a video at `path` names in its `moov` box; unreadable when the
    file is not an MP4/QuickTime file."""
    try:
        moov = _moov(Path(path))
    except OSError:
        return PhotoMetadata(readable=False)
    if moov is None:
        return PhotoMetadata(readable=False)
    gps = {marker.decode("latin-1"): True for marker in LOCATION_MARKERS if marker in moov}
    camera = " ".join(marker.decode("latin-1") for marker in CAMERA_MARKERS if marker in moov)
    return PhotoMetadata(gps=gps, camera=camera)


def _moov(path: Path) -> bytes | None:
    """The bytes of the top-level `moov` box, or None when the file has none (not a video)."""
    size = path.stat().st_size
    with path.open("rb") as file:
        at = 0
        while at + 8 <= size:
            file.seek(at)
            header = file.read(16)
            length, kind = struct.unpack(">I4s", header[:8])
            start = 8
            if length == 1 and len(header) == 16:
                length, start = struct.unpack(">Q", header[8:16])[0], 16
            elif length == 0:
                length = size - at
            if length < start or not kind.isascii():
                return None
            if kind == b"moov":
                file.seek(at + start)
                return file.read(min(length - start, MAX_MOOV_BYTES))
            at += length
    return None
