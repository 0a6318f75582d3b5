"""Cleaning one source photo for the repository: upright, no metadata, long edge capped.

`clean_photo(src, dst)` is for tools that bring photos into `content/` (the WordPress import): the
file it writes is a fresh encode of the pixels only, turned upright by its EXIF orientation,
converted to sRGB, with no EXIF, GPS, XMP, IPTC or ICC data, and no longer than `max_edge` pixels
on its long side (default: the size of the gallery's download copies, GALLERY_DOWNLOAD_SIZE, so
nothing the site publishes is lost). It uses the same decoding, orientation and colour code as
the gallery's own processing (`processing.py`).

JPEG, HEIC and WebP become JPEG; PNG stays PNG (it is often a chart or a scan with text, where
JPEG blurs the letters), and so does any photo with real transparency. Nothing here imports
Pelican.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from .processing import PhotoError, _open, _orientation, _to_srgb
from .settings import DEFAULTS
from .sources import is_photo

is_photo_file = is_photo  # sources.is_photo, under the name the WordPress import uses

MAX_EDGE = DEFAULTS["GALLERY_DOWNLOAD_SIZE"][0]
MAX_PIXELS = DEFAULTS["GALLERY_MAX_PIXELS"][0]
JPEG_QUALITY = 90
RESAMPLE = Image.Resampling.BICUBIC  # as processing._resized

__all__ = ["CleanedPhoto", "PhotoError", "clean_photo", "cleaned_name", "is_photo_file"]


@dataclass(frozen=True)
class CleanedPhoto:
    """What `clean_photo` wrote."""

    path: Path
    width: int
    height: int
    format: str  # "jpeg" or "png"
    resized: bool  # the long edge was cut down to max_edge
    rotated: bool  # an EXIF orientation was applied


def cleaned_name(name: str) -> str:
    """The file name `clean_photo` gives a source called `name` (p01.HEIC -> p01.jpg).

    Only a non-PNG photo with real transparency gets `.png` instead (known after decoding).
    """
    path = Path(name)
    return path.stem + (".png" if path.suffix.lower() == ".png" else ".jpg")


def clean_photo(src, dst, *, max_edge: int = MAX_EDGE, quality: int = JPEG_QUALITY,
                max_pixels: int = MAX_PIXELS) -> CleanedPhoto:
    """Write a clean copy of the photo `src` to `dst` (a file path; its suffix is adjusted).

    Raises `PhotoError` (with `.thai` and `.english`) for a file that is not a usable photo.
    The copy is written to a temporary name and renamed, so `dst` is never left half-written.
    """
    src, dst = Path(src), Path(dst)
    dst = dst.with_name(cleaned_name(dst.name))
    with _open(src, max_pixels) as im:
        orientation = _orientation(im)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if im.format == "JPEG":
                    scale = max_edge / max(im.size)
                    if scale < 1:  # decode at 1/2, 1/4 or 1/8 when that still covers max_edge
                        im.draft(im.mode if im.mode in ("RGB", "L", "CMYK") else None,
                                 (int(im.width * scale + 0.999), int(im.height * scale + 0.999)))
                im.load()
        except (OSError, SyntaxError) as exc:
            raise PhotoError(
                "ไฟล์ภาพเสียหายหรือไม่ครบ ให้คัดลอกไฟล์ต้นฉบับมาใหม่",
                f"is damaged or truncated ({exc}): copy the original again",
            ) from None
        if orientation != 1:
            im = ImageOps.exif_transpose(im)
        pixels = _to_srgb(im)
    longest = max(pixels.size)
    resized = longest > max_edge
    if resized:  # the long edge exactly max_edge, with the gallery's filter
        scale = max_edge / longest
        size = (max(1, round(pixels.width * scale)), max(1, round(pixels.height * scale)))
        pixels = pixels.resize(size, RESAMPLE, reducing_gap=3.0)
    fmt = _output_format(dst, pixels)
    dst = dst.with_suffix(".jpg" if fmt == "jpeg" else ".png")
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    pixels.info = {}  # pixels only: no metadata of the source may reach the encoder
    try:
        if fmt == "jpeg":
            pixels.convert("RGB").save(tmp, "JPEG", quality=quality, optimize=True,
                                       progressive=max(pixels.size) >= 900, subsampling="4:2:0")
        else:
            pixels.save(tmp, "PNG", optimize=True)
        os.replace(tmp, dst)
    finally:
        if tmp.exists():
            tmp.unlink()
    return CleanedPhoto(dst, pixels.width, pixels.height, fmt, resized, orientation != 1)


def _output_format(dst: Path, pixels: Image.Image) -> str:
    if dst.suffix.lower() == ".png" or pixels.mode == "RGBA":  # JPEG cannot keep transparency
        return "png"
    return "jpeg"
