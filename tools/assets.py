"""Copy the front-end packages installed by npm into the theme, so the site serves them itself.

Each entry maps a file or folder under node_modules/ to a place under theme/static/vendor/
(ignored by git). Nothing is fetched from another origin at run time.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "theme" / "static" / "vendor"

# (source under node_modules, destination under theme/static/vendor)
VENDORED = [
    # Sarabun, the face of Thai government documents: Thai and Latin subsets, the weights we use.
    *[
        (f"@fontsource/sarabun/files/sarabun-{subset}-{weight}-normal.woff2",
         f"fonts/sarabun-{subset}-{weight}-normal.woff2")
        for subset in ("thai", "latin")
        for weight in (400, 700)
    ],
    ("@fontsource/sarabun/LICENSE", "fonts/LICENSE-Sarabun.txt"),
    # PhotoSwipe 5, the gallery lightbox.
    ("photoswipe/dist/photoswipe.esm.min.js", "photoswipe/photoswipe.esm.min.js"),
    ("photoswipe/dist/photoswipe-lightbox.esm.min.js", "photoswipe/photoswipe-lightbox.esm.min.js"),
    ("photoswipe/dist/photoswipe.css", "photoswipe/photoswipe.css"),
    ("photoswipe/LICENSE", "photoswipe/LICENSE.txt"),
]


class MissingAsset(RuntimeError):
    """A front-end package is not installed."""


def vendor_assets(root: Path = ROOT) -> list[Path]:
    """Copy every VENDORED file whose copy is missing or older; return the files copied."""
    node_modules = root / "node_modules"
    vendor = root / "theme" / "static" / "vendor"
    copied = []
    for source, destination in VENDORED:
        src = node_modules / source
        dst = vendor / destination
        if not src.exists():
            raise MissingAsset(
                f"ไม่พบ {src.relative_to(root)}: ติดตั้งแพ็กเกจด้วย `npm ci` / "
                f"{src.relative_to(root)} is missing: run `npm ci` (./dev.sh does it for you)"
            )
        if dst.exists() and dst.stat().st_mtime >= src.stat().st_mtime and dst.stat().st_size == src.stat().st_size:
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        # Copied beside it, then renamed: a build (or a second test process copying the same
        # file) never reads half a font.
        part = dst.with_name(f".{dst.name}.{os.getpid()}.part")
        shutil.copy2(src, part)
        os.replace(part, dst)
        copied.append(dst)
    return copied
