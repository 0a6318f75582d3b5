"""One folder of photos processed and published without a site, for the benchmark.

`process_gallery(src_dir, out_dir, cache_dir, settings)` runs photo_gallery's own processing
(`processing.process_photos`, what every build runs) on the photos of one folder and publishes the
files a build would publish for them (every width and format, the ZIP), so the benchmark can
time our gallery work beside pelican-photos' on the same folder. The tests of the processing
call it too. Returns photo_gallery's `Stats`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from photo_gallery.processing import Stats, process_photos, sync_folder, zip_from_cache  # noqa: E402
from photo_gallery.settings import with_defaults  # noqa: E402
from photo_gallery.sources import output_stems, scan_gallery  # noqa: E402


def process_gallery(src_dir, out_dir, cache_dir, settings: dict | None = None) -> Stats:
    """Process the photos of `src_dir` and publish them into `out_dir` (GALLERY_* `settings`
    over the plugin's defaults, e.g. pelican-photos' sizes: {"GALLERY_WIDTHS": (192, 1024),
    "GALLERY_FORMATS": ("jpeg",), "GALLERY_ZIP": False, "GALLERY_OG_SIZE": None})."""
    started = time.perf_counter()
    settings = dict(settings or {})
    settings.update(with_defaults(settings))
    src_dir, out_dir, cache_dir = Path(src_dir), Path(out_dir), Path(cache_dir)
    source = scan_gallery(src_dir, src_dir.name)
    stats = Stats()
    results = process_photos([p.path for p in source.photos], settings, cache_dir, stats)
    files: dict[str, Path] = {}
    members = []
    good = [(p, results[p.path]) for p in source.photos if results[p.path].meta]
    for (_photo, item), stem in zip(good, output_stems([p for p, _ in good])):
        for version in item.meta["versions"]:
            files[f"{stem}-{version['width']}.{version['file'].rsplit('.', 1)[1]}"] = item.folder / version["file"]
        if item.meta.get("download"):
            members.append((f"{stem}.jpg", item.folder / item.meta["download"]["file"]))
    if settings["GALLERY_ZIP"] and members:
        files[f"{src_dir.name}.zip"] = zip_from_cache(members, cache_dir)
    sync_folder(out_dir, files)
    stats.errors = [(str(item.source), item.error) for item in results.values() if item.error]
    stats.files = len(files)
    stats.bytes = sum(p.stat().st_size for p in files.values())
    stats.seconds = time.perf_counter() - started
    return stats
