"""Helpers shared by the WordPress import tests (a module name of its own: `conftest` and
`test_site` are taken by other test folders)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for path in (ROOT, ROOT / "plugins", HERE, ROOT / "tests" / "photo_gallery"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from tools.wordpress.wxr import read_export  # noqa: E402

EXPORT = HERE / "data" / "export.xml"
EXPORT_DATA = read_export(EXPORT)
BY_ID = {i.post_id: i for i in EXPORT_DATA.items}


def copy_project(target: Path) -> Path:
    """A project folder with a copy of the repository's content (no deploy/ file yet)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "content", target / "content")
    return target


def header(path: Path) -> tuple[dict, str]:
    """(metadata with lower-case keys, body) of a written file; every header line is checked."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, sep, value = line.partition(": ")
        assert sep and re.fullmatch(r"[A-Z][a-z_]*", key), line
        meta[key.lower()] = value
    return meta, body


def imported_files(root: Path) -> dict[str, dict]:
    """The import's ledger: WordPress id -> {"type", "slug", "file", "gallery"}."""
    ledger = json.loads((root / "content" / "wordpress-import.json").read_text(encoding="utf-8"))
    return ledger["items"]


def old_pages(root: Path) -> dict[str, str]:
    """Old address as WordPress linked it (its path, encoded in lower-case hex) -> new path, for
    every published post and page of the import at `root` (not the one held back until 2099)."""
    from urllib.parse import urlsplit

    pairs = {}
    for entry in imported_files(root).values():
        meta, _ = header(root / entry["file"])
        old = meta.get("old_url")
        if not old or "status" in meta or "?" in old or meta.get("date", "")[:4] > "2600":
            continue
        kind = "news/" if entry["file"].startswith("content/news/") else ""
        pairs[urlsplit(old).path] = f"/{kind}{meta['slug']}/"
    return pairs
