"""Turning source photos into clean, responsive, cached files.

`process_photo(job)` makes every version of one photo in the cache (run in worker processes);
`process_photos(sources, settings, cache_dir)` makes sure every photo of a list is in the cache
(what the build and the benchmark call); `sync_folder` and `zip_from_cache` publish them
(`pelican_glue.py`). `unreadable(path, max_pixels)` says why a photo cannot be published, the
way processing would find out, without making anything (the content check's rule "photo").

Cache: one folder per photo, named by a hash of the source bytes and of the parameters that change
the result (`settings.processing_params`); it holds the versions and `meta.json`. A small index maps
(path, size, mtime) to the source hash, so a rebuild with no photo changed reads no photo at all.
Published files are hard links to the cached ones (a copy where links are impossible).

Privacy: every written image is a fresh encode of pixels only; no EXIF, XMP, IPTC or ICC profile is
ever passed to the encoder (colours are converted to sRGB first, which is what browsers assume).
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
import warnings
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .settings import processing_params
from .sources import HEIF_EXTENSIONS

try:  # iPhone photos
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_SUPPORTED = True
except ImportError:  # pragma: no cover - pillow-heif is in requirements.txt
    HEIF_SUPPORTED = False

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
EXT = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
_SRGB = ImageCms.createProfile("sRGB")
_HASH_CHUNK = 1 << 20


class PhotoError(Exception):
    """A photo that cannot be published; .thai and .english say why and what to do."""

    def __init__(self, thai: str, english: str):
        super().__init__(english)
        self.thai = thai
        self.english = english


# ---------------------------------------------------------------------------------------------
# Hashing and the cache index


def params_digest(params: dict) -> str:
    return hashlib.blake2b(json.dumps(params, sort_keys=True).encode(), digest_size=6).hexdigest()


def file_digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class HashIndex:
    """(path, size, mtime_ns) -> content hash, so unchanged photos are not even read."""

    def __init__(self, cache_dir: Path):
        self.path = cache_dir / "index.json"
        try:
            self.entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self.changed = False

    def digest(self, path: Path) -> str:
        st = path.stat()
        key = str(path.resolve())
        known = self.entries.get(key)
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return known[2]
        digest = file_digest(path)
        self.entries[key] = [st.st_size, st.st_mtime_ns, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.entries), encoding="utf-8")
            os.replace(tmp, self.path)
            self.changed = False


def entry_dir(cache_dir: Path, key: str) -> Path:
    return cache_dir / "photos" / key[:2] / key


def read_meta(cache_dir: Path, key: str) -> dict | None:
    try:
        return json.loads((entry_dir(cache_dir, key) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# One photo (runs in a worker process)


def _open(path: Path, max_pixels: int) -> Image.Image:
    if path.suffix.lower() in HEIF_EXTENSIONS and not HEIF_SUPPORTED:
        raise PhotoError(
            "เปิดไฟล์ HEIC ไม่ได้เพราะไม่ได้ติดตั้ง pillow-heif ให้แปลงเป็น JPEG ก่อน "
            "(iPhone: การตั้งค่า > กล้อง > รูปแบบ > ความเข้ากันได้มากที่สุด)",
            "HEIC needs pillow-heif, which is not installed: convert the photo to JPEG "
            "(e.g. `heif-convert p01.heic p01.jpg`) or set the iPhone camera to 'Most Compatible'",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
    except Image.DecompressionBombError:
        raise PhotoError(
            "ภาพมีจำนวนพิกเซลมากผิดปกติ (อาจเป็นไฟล์อันตราย) ให้ย่อภาพก่อน",
            "has an absurd number of pixels (a possible decompression bomb): "
            "resize it below 100 megapixels",
        ) from None
    except UnidentifiedImageError:
        raise PhotoError(
            "ไม่ใช่ไฟล์ภาพ หรือไฟล์เสียหาย ให้ส่งออกภาพใหม่เป็น JPEG",
            "is not an image or is damaged: export it again as JPEG",
        ) from None
    w, h = im.size
    if w * h > max_pixels:
        im.close()
        raise PhotoError(
            f"ภาพขนาด {w}x{h} พิกเซล ({w * h / 1e6:.1f} ล้านพิกเซล) ใหญ่เกินกำหนด "
            f"{max_pixels / 1e6:.1f} ล้านพิกเซล (อาจเป็นไฟล์อันตราย) ให้ย่อภาพก่อน",
            f"is {w}x{h} pixels ({w * h / 1e6:.1f} MP), over the limit of {max_pixels / 1e6:.1f} MP "
            "(a possible decompression bomb): resize it first",
        )
    return im


def _load(im: Image.Image) -> None:
    try:
        im.load()
    except OSError as exc:
        raise PhotoError(
            "ไฟล์ภาพเสียหายหรือไม่ครบ (อาจคัดลอกไม่สำเร็จ) ให้คัดลอกจากกล้องหรือโทรศัพท์ใหม่",
            f"is damaged or truncated ({exc}): copy it again from the camera or phone",
        ) from None


def unreadable(path: Path, max_pixels: int) -> tuple[str, str] | None:
    """(Thai, English) of why processing would leave the photo at `path` out, or None.

    Opens and decodes it as `process_photo` does (JPEGs at 1/8 scale: damage shows all the same).
    """
    try:
        with _open(Path(path), max_pixels) as im:
            if im.format == "JPEG":
                im.draft(im.mode if im.mode in ("RGB", "L", "CMYK") else None,
                         (max(1, im.width // 8), max(1, im.height // 8)))
            _load(im)
    except PhotoError as exc:
        return exc.thai, exc.english
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        return UNREADABLE[0], UNREADABLE[1].format(exc=f"{type(exc).__name__}: {exc}")
    return None


# What a photo that fails in an unexpected way gets (Thai, English with {exc}).
UNREADABLE = (
    "อ่านไฟล์ภาพไม่ได้ ไฟล์อาจเสียหาย ให้ส่งออกภาพใหม่เป็น JPEG",
    "cannot be read ({exc}): export it again as JPEG",
)


def _orientation(im: Image.Image) -> int:
    try:
        return int(im.getexif().get(0x0112, 1) or 1)
    except Exception:  # a broken EXIF block must not stop the photo
        return 1


def _to_srgb(im: Image.Image) -> Image.Image:
    """RGB or RGBA pixels in sRGB, whatever the source mode and profile."""
    icc = im.info.get("icc_profile")
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N"):
        im = im.convert("I")
    if im.mode == "I":
        im = im.point(lambda v: v * (1 / 256)).convert("L")
    elif im.mode == "F":
        im = im.convert("L")
    has_alpha = im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info
    if icc and im.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            description = ImageCms.getProfileDescription(source) or ""
            if im.mode == "CMYK" or "srgb" not in description.lower():
                im = ImageCms.profileToProfile(
                    im, source, _SRGB, outputMode="RGBA" if im.mode == "RGBA" else "RGB"
                )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: plain conversion below
    im = im.convert("RGBA" if has_alpha else "RGB")
    if has_alpha and im.getchannel("A").getextrema() == (255, 255):
        im = im.convert("RGB")  # an alpha channel that is fully opaque
    return im


def _flatten(im: Image.Image) -> Image.Image:
    if im.mode != "RGBA":
        return im
    background = Image.new("RGB", im.size, (255, 255, 255))
    background.paste(im, mask=im.getchannel("A"))
    return background


def _resized(im: Image.Image, width: int) -> Image.Image:
    if width >= im.width:
        return im
    height = max(1, round(im.height * width / im.width))
    # Bicubic with Pillow's scaled support is a proper anti-aliasing filter for downscaling, and
    # 1.4x faster than Lanczos (measured: 2000->1600 px, 84 vs 121 ms).
    return im.resize((width, height), Image.Resampling.BICUBIC, reducing_gap=3.0)


def _save(im: Image.Image, path: Path, fmt: str, params: dict, quality: int | None = None) -> int:
    im.info = {}  # pixels only: nothing of the source's metadata may reach the encoder
    if fmt == "jpeg":
        # Progressive only where it shows sooner on a slow line; it costs twice the encoding time.
        _flatten(im).save(
            path,
            "JPEG",
            quality=quality or params["jpeg_quality"],
            optimize=True,
            progressive=max(im.size) >= 900,
            subsampling="4:2:0",
        )
    elif fmt == "webp":
        im.save(path, "WEBP", quality=params["webp_quality"], method=params["webp_method"])
    elif fmt == "avif":
        im.save(path, "AVIF", quality=params["avif_quality"], speed=params["avif_speed"])
    return path.stat().st_size


def _make_versions(src: Path, params: dict, out: Path) -> dict:
    widths = params["widths"]
    with _open(src, params["max_pixels"]) as im:
        orientation = _orientation(im)
        raw_w, raw_h = im.size
        sideways = orientation in (5, 6, 7, 8)
        ow, oh = (raw_h, raw_w) if sideways else (raw_w, raw_h)
        # The largest thing we need, in upright pixels: the download, the widest version, the OG crop.
        base_w = min(ow, max(widths))
        if params["download_size"]:
            scale = min(1.0, params["download_size"] / max(ow, oh))
            base_w = max(base_w, round(ow * scale))
        need = base_w / ow
        if params["og_size"]:
            need = min(1.0, max(need, params["og_size"][0] / ow, params["og_size"][1] / oh))
        if im.format == "JPEG":  # decode at 1/2, 1/4 or 1/8 scale when that is still large enough
            request = (int(raw_w * need + 0.999), int(raw_h * need + 0.999))
            im.draft(im.mode if im.mode in ("RGB", "L", "CMYK") else None, request)
        _load(im)
        if orientation != 1:
            im = ImageOps.exif_transpose(im)
        if im.mode not in ("RGB", "RGBA", "L", "CMYK") or "transparency" in im.info:
            im = _to_srgb(im)  # palette, 16-bit, LA...: resampling needs plain RGB(A) first
        # Scale once from the decoded data (already close to that size after draft); converting
        # colours after that costs less (CMYK and ICC conversions work on fewer pixels).
        base = _to_srgb(_resized(im, base_w))

    meta = {
        "width": base.width,
        "height": base.height,
        "alpha": base.mode == "RGBA",
        "source": {"width": ow, "height": oh, "orientation": orientation},
        "versions": [],
    }
    if params["download_size"]:
        longest = max(base.width, base.height)
        target_w = (
            base.width
            if longest <= params["download_size"]
            else round(base.width * params["download_size"] / longest)
        )
        download = _resized(base, target_w)
        size = _save(download, out / "download.jpg", "jpeg", params, params["download_quality"])
        meta["download"] = {
            "file": "download.jpg",
            "width": download.width,
            "height": download.height,
            "bytes": size,
        }
    if params["og_size"]:
        og_w, og_h = params["og_size"]
        crop = ImageOps.fit(_flatten(base), (og_w, og_h), Image.Resampling.LANCZOS, centering=(0.5, 0.4))
        size = _save(crop, out / "og.jpg", "jpeg", params)
        meta["og"] = {"file": "og.jpg", "width": og_w, "height": og_h, "bytes": size}

    current = base
    for width in sorted({min(w, base.width) for w in widths}, reverse=True):
        current = _resized(current, width)  # each size from the next larger one: fast and sharp
        for fmt in params["formats"]:
            name = f"{width}.{EXT[fmt]}"
            size = _save(current.copy() if fmt != "jpeg" else current, out / name, fmt, params)
            meta["versions"].append(
                {"format": fmt, "file": name, "width": current.width, "height": current.height, "bytes": size}
            )
    meta["versions"].sort(key=lambda v: (v["format"], v["width"]))
    return meta


def process_photo(job: tuple[str, str, dict, str]) -> dict:
    """Make every version of one photo in the cache. Returns its meta, or {"error": ...}."""
    src, key, params, cache = job
    final = entry_dir(Path(cache), key)
    if (final / "meta.json").exists():
        return json.loads((final / "meta.json").read_text(encoding="utf-8"))
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=final.parent))
    started = time.perf_counter()
    try:
        meta = _make_versions(Path(src), params, work)
    except PhotoError as exc:
        shutil.rmtree(work, ignore_errors=True)
        return {"error": [exc.thai, exc.english]}
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        return {"error": [UNREADABLE[0], UNREADABLE[1].format(exc=f"{type(exc).__name__}: {exc}")]}
    except MemoryError:
        shutil.rmtree(work, ignore_errors=True)
        return {
            "error": [
                "ภาพใหญ่เกินกว่าหน่วยความจำจะรับได้ ให้ย่อภาพก่อน",
                "is too large for the memory available: resize it first",
            ]
        }
    meta["seconds"] = round(time.perf_counter() - started, 3)
    (work / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    try:
        os.replace(work, final)
    except OSError:  # another build made it first
        shutil.rmtree(work, ignore_errors=True)
    return meta


# ---------------------------------------------------------------------------------------------
# Many photos


@dataclass
class Processed:
    """The outcome for one source photo."""

    source: Path
    key: str
    cache_dir: Path | None = None
    meta: dict | None = None
    error: tuple[str, str] | None = None

    @property
    def folder(self) -> Path:
        return entry_dir(self.cache_dir, self.key)


@dataclass
class Stats:
    photos: int = 0
    processed: int = 0  # decoded and encoded in this run
    cached: int = 0
    failed: int = 0
    seconds: float = 0.0
    files: int = 0
    bytes: int = 0
    errors: list = field(default_factory=list)

    @property
    def photos_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds and self.processed else 0.0


def pool_context():
    """How the worker processes start: forked (they begin with what this process has loaded) in a
    process with one thread; beside other threads (the web editor's server rebuilds in one) from
    a fork server, a clean process of one thread, since a worker forked here would keep any lock
    another thread held at that moment (an import's, logging's) locked for ever."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else None)


def process_photos(
    sources: list[Path], settings: dict, cache_dir: Path, stats: Stats | None = None
) -> dict[Path, Processed]:
    """Make sure every source photo is in the cache; decode only those that are not."""
    params = processing_params(settings)
    pdigest = params_digest(params)
    index = HashIndex(cache_dir)
    results: dict[Path, Processed] = {}
    jobs = []
    for src in dict.fromkeys(sources):
        try:
            key = f"{index.digest(src)}-{pdigest}"
        except OSError as exc:
            results[src] = Processed(src, "", error=("อ่านไฟล์ไม่ได้", f"cannot be read: {exc}"))
            continue
        meta = read_meta(cache_dir, key)
        results[src] = Processed(src, key, cache_dir, meta)
        if meta is None:
            jobs.append((str(src), key, params, str(cache_dir)))
    index.save()
    if stats is not None:
        stats.photos += len(results)
        stats.cached += len(results) - len(jobs)
    if not jobs:
        return results

    processes = min(int(settings.get("GALLERY_PROCESSES") or 1), len(jobs))
    if processes > 1:
        with ProcessPoolExecutor(max_workers=processes, mp_context=pool_context()) as pool:
            outcomes = list(pool.map(process_photo, jobs, chunksize=1))
    else:
        outcomes = [process_photo(job) for job in jobs]
    for job, meta in zip(jobs, outcomes):
        item = results[Path(job[0])]
        if "error" in meta:
            item.error = tuple(meta["error"])
            if stats is not None:
                stats.failed += 1
        else:
            item.meta = meta
            if stats is not None:
                stats.processed += 1
    return results


def link_or_copy(src: Path, dst: Path) -> None:
    if dst.exists() or dst.is_symlink():
        try:
            if os.path.samefile(src, dst):
                return
        except OSError:
            pass
        dst.unlink()
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def zip_from_cache(members: list[tuple[str, Path]], cache_dir: Path) -> Path:
    """A deterministic ZIP (stored, fixed dates, no comments) of cleaned JPEGs, cached by content."""
    h = hashlib.blake2b(digest_size=12)
    for name, path in members:
        h.update(name.encode() + b"\0" + str(path).encode() + b"\0")
    target = cache_dir / "zips" / f"{h.hexdigest()}.zip"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, path in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.create_system = 3
            with open(path, "rb") as f, archive.open(info, "w") as out:
                shutil.copyfileobj(f, out, _HASH_CHUNK)
    os.replace(tmp, target)
    return target


def sync_folder(folder: Path, files: dict[str, Path]) -> None:
    """Make `folder` hold exactly `files` (name -> cached source): link new ones, drop stale ones."""
    folder.mkdir(parents=True, exist_ok=True)
    for existing in folder.iterdir():
        if existing.name not in files:
            if existing.is_dir() and not existing.is_symlink():
                shutil.rmtree(existing)
            else:
                existing.unlink()
    for name, src in files.items():
        link_or_copy(src, folder / name)
