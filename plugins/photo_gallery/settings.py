"""Settings of the photo_gallery plugin: one table of defaults, applied once.

Each entry is name -> (default, one sentence). `with_defaults(settings)` returns the GALLERY_*
values to add to (or replace in) the settings: every default, and bad values warned about and
replaced; it never edits the dict it is given. `apply_defaults` applies them once, on `initialized`.
"""

from __future__ import annotations

import logging
import os

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, tuple[object, str]] = {
    "GALLERY_SOURCE_DIR": ("galleries", "Folder under PATH that holds one sub-folder of photos per gallery."),
    "GALLERY_OUTPUT_DIR": (
        "galleries",
        "Folder under OUTPUT_PATH where cleaned photos and ZIPs are published.",
    ),
    "GALLERY_WIDTHS": (
        (480, 960, 1600),
        "Widths in pixels of the responsive versions (srcset); never upscaled.",
    ),
    "GALLERY_FORMATS": (
        ("webp", "jpeg"),
        "Formats written for every width; JPEG is always written as the fallback.",
    ),
    "GALLERY_JPEG_QUALITY": (82, "JPEG quality (progressive, optimised Huffman tables)."),
    "GALLERY_WEBP_QUALITY": (78, "WebP quality."),
    "GALLERY_WEBP_METHOD": (
        2,
        "WebP encoder effort 0-6; 2 encodes 2.6x faster than 3 or 4 for ~8% larger files.",
    ),
    "GALLERY_AVIF_QUALITY": (60, "AVIF quality, used only if 'avif' is added to GALLERY_FORMATS."),
    "GALLERY_AVIF_SPEED": (8, "AVIF encoder speed 0-10, used only with 'avif' in GALLERY_FORMATS."),
    "GALLERY_DOWNLOAD_SIZE": (2000, "Longest side in pixels of the photos in the download ZIP (JPEG)."),
    "GALLERY_DOWNLOAD_QUALITY": (88, "JPEG quality of the photos in the download ZIP."),
    "GALLERY_ZIP": (True, "Publish a ZIP of all photos of a gallery for the press."),
    "GALLERY_OG_SIZE": ((1200, 630), "Size of the centre crop made for og:image (Open Graph)."),
    "GALLERY_MAX_PIXELS": (
        100_000_000,
        "Photos with more pixels are refused as possible decompression bombs.",
    ),
    "GALLERY_PROCESSES": (0, "Worker processes for resizing; 0 means one per available core."),
    "GALLERY_CACHE_DIR": ("", "Cache folder; empty means <CACHE_PATH>/gallery."),
    "GALLERY_CACHE_PRUNE": (True, "After a build, delete cached photos that no gallery uses any more."),
    "GALLERY_CAPTION_REQUIRED": (True, "Warn (fatal in production) for every photo without a caption."),
    "GALLERY_WARN_MB": (20, "The content check warns about a photo file larger than this many megabytes."),
    "GALLERY_WARN_MEGAPIXELS": (50, "The content check warns about a photo with more megapixels than this."),
    "GALLERY_REFUSE_METADATA": (
        True,
        "Refuse photos under content/ that carry their location (GPS, ERROR) or camera data (WARNING).",
    ),
}
# Old name -> new name: still read, with a warning.
RENAMED = {"CHECK_MAX_PHOTO_MB": "GALLERY_WARN_MB", "CHECK_MAX_PHOTO_MEGAPIXELS": "GALLERY_WARN_MEGAPIXELS"}

FORMATS = ("avif", "webp", "jpeg")


def _positive_ints(value, default):
    try:
        values = tuple(sorted({int(v) for v in value}))
    except (TypeError, ValueError):
        return None
    return values if values and all(v > 0 for v in values) else None


def with_defaults(settings: dict) -> dict:
    """Every GALLERY_* value for `settings`: defaults for what is missing, bad values replaced."""
    from content_guard.settings import renamed_values

    merged = {**settings, **renamed_values(settings, RENAMED, "photo_gallery")}
    for name, (default, _doc) in DEFAULTS.items():
        merged.setdefault(name, default)

    widths = _positive_ints(merged["GALLERY_WIDTHS"], None)
    if widths is None:
        logger.warning(
            "pelicanconf.py: GALLERY_WIDTHS = %r ใช้ไม่ได้ ใช้ค่าเริ่มต้นแทน / is not a list of positive "
            "integers; using %r",
            merged["GALLERY_WIDTHS"],
            DEFAULTS["GALLERY_WIDTHS"][0],
        )
        widths = DEFAULTS["GALLERY_WIDTHS"][0]
    merged["GALLERY_WIDTHS"] = widths

    formats = [str(f).lower().replace("jpg", "jpeg") for f in merged["GALLERY_FORMATS"]]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        logger.warning(
            "pelicanconf.py: GALLERY_FORMATS มีรูปแบบที่ไม่รู้จัก %s / unknown formats %s; known: %s",
            unknown,
            unknown,
            ", ".join(FORMATS),
        )
    # Modern formats first (browsers take the first <source> they support), JPEG always last.
    merged["GALLERY_FORMATS"] = tuple(f for f in FORMATS if f in formats or f == "jpeg")

    og = merged["GALLERY_OG_SIZE"]
    if og:
        try:
            og = (int(og[0]), int(og[1]))
        except (TypeError, ValueError, IndexError):
            og = DEFAULTS["GALLERY_OG_SIZE"][0]
    merged["GALLERY_OG_SIZE"] = tuple(og) if og else None

    processes = int(merged["GALLERY_PROCESSES"] or 0)
    if processes <= 0:
        processes = (
            len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        )
    merged["GALLERY_PROCESSES"] = processes

    if not merged["GALLERY_CACHE_DIR"]:
        merged["GALLERY_CACHE_DIR"] = os.path.join(merged.get("CACHE_PATH") or "cache", "gallery")
    return {name: merged[name] for name in DEFAULTS}


def apply_defaults(pelican) -> None:
    """`initialized`: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))


def processing_params(settings: dict) -> dict:
    """The settings that change the produced files (part of every cache key)."""
    return {
        "widths": list(settings["GALLERY_WIDTHS"]),
        "formats": list(settings["GALLERY_FORMATS"]),
        "jpeg_quality": int(settings["GALLERY_JPEG_QUALITY"]),
        "webp_quality": int(settings["GALLERY_WEBP_QUALITY"]),
        "webp_method": int(settings["GALLERY_WEBP_METHOD"]),
        "avif_quality": int(settings["GALLERY_AVIF_QUALITY"]),
        "avif_speed": int(settings["GALLERY_AVIF_SPEED"]),
        "download_size": int(settings["GALLERY_DOWNLOAD_SIZE"]) if settings["GALLERY_ZIP"] else 0,
        "download_quality": int(settings["GALLERY_DOWNLOAD_QUALITY"]),
        "og_size": list(settings["GALLERY_OG_SIZE"]) if settings["GALLERY_OG_SIZE"] else None,
        "max_pixels": int(settings["GALLERY_MAX_PIXELS"]),
        "version": 1,
    }
