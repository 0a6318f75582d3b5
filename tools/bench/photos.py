"""Deterministic phone-like 12-megapixel JPEG photos for the gallery benchmark.

A photo is a small scene (sky/ground gradient, blurred shapes) drawn at 200x150 and upscaled,
then blended with full-resolution seeded noise, which gives the sensor-like texture that makes a
phone JPEG 3-5 MB. Each photo carries phone-like EXIF (camera, date, orientation, GPS), which
the gallery must strip. Photos are cached in the work folder: a photo is made only when missing,
and generation runs in two processes.
"""

from __future__ import annotations

import io
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

VERSION = 1  # bump when the drawing changes, so cached photos are remade
SIZE = (4000, 3000)


def make_photo(seed: int, size: tuple[int, int] = SIZE) -> bytes:
    """Return the JPEG bytes of photo number `seed`."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(f"photo:{VERSION}:{seed}")
    width, height = size
    lw, lh = 200, 150
    top = tuple(rng.randint(90, 220) for _ in range(3))
    bottom = tuple(rng.randint(20, 140) for _ in range(3))
    mask = Image.linear_gradient("L").resize((lw, lh))
    base = Image.composite(Image.new("RGB", (lw, lh), bottom), Image.new("RGB", (lw, lh), top), mask)
    draw = ImageDraw.Draw(base)
    for _ in range(rng.randint(12, 30)):
        x, y = rng.randrange(lw), rng.randrange(lh)
        w, h = rng.randint(5, 60), rng.randint(5, 60)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape([x, y, x + w, y + h], fill=colour)
    image = base.filter(ImageFilter.GaussianBlur(1.2)).resize((width, height), Image.BICUBIC)
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    image = Image.blend(image, Image.merge("RGB", (grain, grain, grain)), rng.uniform(0.09, 0.15))

    exif = Image.Exif()
    exif[0x010F] = "BenchPhone"  # Make
    exif[0x0110] = "Model 12"  # Model
    exif[0x0112] = 1  # Orientation
    exif[0x0132] = f"2024:{rng.randint(1, 12):02d}:{rng.randint(1, 28):02d} 10:00:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (13.0, 45.0, 36.0)  # a point in Bangkok: must never be published
    gps[3], gps[4] = "E", (100.0, 33.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def _write(args) -> None:
    seed, path, size = args
    data = make_photo(seed, size)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def generate(work: Path, count: int, size: tuple[int, int] = SIZE, jobs: int = 2) -> Path:
    """Make sure `count` photos exist under work/photos-<w>x<h>-v<VERSION>/; return the folder."""
    folder = Path(work) / f"photos-{size[0]}x{size[1]}-v{VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    todo = [(i, folder / f"p{i:03d}.jpg", size) for i in range(count)
            if not (folder / f"p{i:03d}.jpg").exists()]
    if todo:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_write, todo))
    return folder


def select(folder: Path, count: int, dest: Path) -> Path:
    """A folder holding exactly the first `count` photos of `folder` (hard links, no copies)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.iterdir():
        old.unlink()
    for i in range(count):
        src = folder / f"p{i:03d}.jpg"
        try:
            (dest / src.name).hardlink_to(src)
        except OSError:
            (dest / src.name).write_bytes(src.read_bytes())
    return dest
