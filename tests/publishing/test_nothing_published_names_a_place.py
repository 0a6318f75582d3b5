"""No published file of the sample site carries the place a photo or video was taken, or the
camera: every file of the output, read the way each kind is read (a photo's EXIF, XMP and IPTC
with photo_gallery's metadata.py; the photos inside a document with attachments' embedded_photos.py;
a video's moov box with video_metadata.py), over the sample content's galleries and documents (a
photo with its place is refused in the repository by the rule "photo-metadata", and published
photos are encoded again with nothing but their pixels; this reads what was published)."""

from __future__ import annotations

import sys
from pathlib import Path

PLUGINS = str(Path(__file__).resolve().parents[2] / "plugins")
if sys.path[0] != PLUGINS:  # before tests/, whose attachments/ folder has the plugin's name
    sys.path.insert(0, PLUGINS)

from attachments.embedded_photos import carried  # noqa: E402
from attachments.settings import DEFAULTS  # noqa: E402
from photo_gallery.metadata import inspect_photo  # noqa: E402
from photo_gallery.sources import PHOTO_EXTENSIONS  # noqa: E402
from photo_gallery.video_metadata import VIDEO_EXTENSIONS, inspect_video  # noqa: E402

DOCUMENTS = {f".{kind}" for kind in DEFAULTS["ATTACHMENTS_TYPES"]}


def test_no_published_file_names_a_place_or_a_camera(sample_site):
    files = [p for p in sample_site.output.rglob("*") if p.is_file()]
    photos = [p for p in files if p.suffix.lower() in PHOTO_EXTENSIONS | {".gif", ".tif", ".tiff", ".avif"}]
    documents = [p for p in files if p.suffix.lower() in DOCUMENTS]
    videos = [p for p in files if p.suffix.lower() in VIDEO_EXTENSIONS]
    assert len(photos) > 50 and documents  # the sample site has galleries and attachments
    found = []
    for path in photos:
        meta = inspect_photo(path)
        if meta.has_location or meta.has_camera_data:
            found.append((path, meta))
    found += [(path, c) for path in documents for c in carried(path)]
    found += [(path, m) for path in videos if (m := inspect_video(path)).has_location or m.has_camera_data]
    assert not found, found[:5]
