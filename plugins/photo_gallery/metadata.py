"""What a photo file carries besides its pixels: location (GPS), camera, XMP, IPTC.

`inspect_photo(path)` reads only the file's headers (no decoding) and returns a `PhotoMetadata`;
the content check's rule "photo-metadata" refuses photos in content/ that still carry a location,
and the WordPress importer and the editor's CI can call the same function on any photo. A photo
inside another file (a Word document, a PDF: the attachments plugin) is read the same way from
its bytes, as is an EXIF block on its own (`inspect_exif`). Published copies of gallery photos
never carry any of it (processing.py encodes pixels only). No Pelican import.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from struct import error as struct_error

from PIL import Image, UnidentifiedImageError

from . import processing  # noqa: F401  (registers the HEIC opener, as for processing)

GPS_IFD = 0x8825
MAKE, MODEL, DATETIME_ORIGINAL, EXIF_IFD = 0x010F, 0x0110, 0x9003, 0x8769
XMP_KEYS = ("xmp", "XML:com.adobe.xmp")


@dataclass
class PhotoMetadata:
    """What `inspect_photo` found; `readable` is False when the file is not an image."""

    readable: bool = True
    gps: dict = field(default_factory=dict)  # the GPS tags (empty: no location)
    camera: str = ""  # "Make Model", "" when absent
    xmp: bool = False
    iptc: bool = False

    @property
    def has_location(self) -> bool:
        return bool(self.gps)

    @property
    def has_camera_data(self) -> bool:
        return bool(self.camera) or self.xmp or self.iptc


def inspect_photo(path) -> PhotoMetadata:
    """The location, camera and XMP/IPTC data of the photo at `path` (a path, or a binary file
    object such as io.BytesIO; headers only)."""
    path = Path(path) if isinstance(path, (str, Path)) else path
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
        with im:
            exif = im.getexif()
            gps, camera = _location_and_camera(exif)
            xmp = any(im.info.get(key) for key in XMP_KEYS)
            iptc = bool(im.info.get("photoshop")) or bool(getattr(im, "applist", None) and any(
                marker == "APP13" for marker, _ in im.applist))
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, Image.DecompressionBombError):
        return PhotoMetadata(readable=False)
    return PhotoMetadata(gps=gps, camera=camera, xmp=xmp, iptc=iptc)


def inspect_exif(block: bytes) -> PhotoMetadata:
    """The location and camera of an EXIF block on its own ("Exif\\0\\0" and a TIFF header, as
    a JPEG's APP1 segment holds it); unreadable when it is not one."""
    try:
        exif = Image.Exif()
        exif.load(block)
        gps, camera = _location_and_camera(exif)
    except (OSError, SyntaxError, ValueError, KeyError, TypeError, IndexError, struct_error):
        return PhotoMetadata(readable=False)
    return PhotoMetadata(gps=gps, camera=camera)


def _location_and_camera(exif) -> tuple[dict, str]:
    gps = {k: v for k, v in exif.get_ifd(GPS_IFD).items() if k != 0} if GPS_IFD in exif else {}
    camera = " ".join(str(exif.get(tag, "")).strip("\x00 ") for tag in (MAKE, MODEL)).strip()
    return gps, camera
