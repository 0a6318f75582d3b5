"""The editor's JavaScript: Decap CMS, React and our sources (js/) in one file, made with esbuild.

decap-cms-app is published for bundlers (React is a peer dependency and React 19 ships no browser
build), so the build bundles it with the pinned react and react-dom and js/admin.js into
`editor.min.js` with esbuild, all from node_modules (npm ci). Nothing is fetched at run time.

The bundle depends only on package-lock.json, the files under js/ and the options, so it is made
once and kept in node_modules/.cache/web_editor/<hash>/ for every later build (tests build many
small sites; each reuses it). `make_bundle` returns the folder that holds the bundle.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PLUGIN = Path(__file__).resolve().parent
SOURCES = PLUGIN / "js"
ENTRY = "admin.js"
BUNDLE = "editor.min.js"
STYLE = "editor.css"
PACKAGES = ("decap-cms-app", "react", "react-dom", "esbuild")
# Decap's bundle loads these chunks itself, next to the script, when a page needs them.
VERSION = 1


class BundleError(RuntimeError):
    """The bundle cannot be made; the message (Thai / English) says why and what to do."""


def node_modules(settings: dict) -> Path:
    configured = settings.get("WEB_EDITOR_NODE_MODULES") or ""
    return Path(configured).resolve() if configured else PLUGIN.parent.parent / "node_modules"


def _missing(modules: Path) -> list[str]:
    return [name for name in PACKAGES if not (modules / name / "package.json").is_file()]


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*") if p.is_file())


def bundle_key(modules: Path, minify: bool) -> str:
    digest = hashlib.sha256()
    lock = modules.parent / "package-lock.json"
    versions = {name: json.loads((modules / name / "package.json").read_text("utf-8"))["version"] for name in PACKAGES}
    digest.update(json.dumps({"versions": versions, "minify": minify, "v": VERSION}, sort_keys=True).encode())
    if lock.is_file():
        digest.update(lock.read_bytes())
    for path in source_files():
        digest.update(path.relative_to(SOURCES).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _esbuild(modules: Path, out_dir: Path, minify: bool) -> None:
    esbuild = modules / ".bin" / "esbuild"
    command = [
        str(esbuild), str(SOURCES / ENTRY), "--bundle", "--format=iife", "--target=es2020",
        "--charset=utf8", "--legal-comments=none", '--define:process.env.NODE_ENV="production"',
        f"--outfile={out_dir / BUNDLE}", "--log-level=error",
    ]
    if minify:
        command.append("--minify")
    env = {**os.environ, "NODE_PATH": str(modules)}
    result = subprocess.run(command, cwd=modules.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BundleError(
            "สร้างไฟล์ของระบบเขียนข่าวไม่สำเร็จ / esbuild could not bundle the web editor: "
            + (result.stderr or result.stdout).strip()[-2000:]
        )


def make_bundle(settings: dict) -> Path:
    """The folder with editor.min.js and editor.css for these sources (made if missing)."""
    modules = node_modules(settings)
    missing = _missing(modules)
    if missing:
        raise BundleError(
            f"ไม่พบแพ็กเกจ {', '.join(missing)} ใน {modules}: ติดตั้งด้วย `npm ci` (./dev.sh ทำให้) / "
            f"{', '.join(missing)} missing from {modules}: run `npm ci` (./dev.sh does it for you)"
        )
    minify = bool(settings.get("WEB_EDITOR_MINIFY", True))
    cache = modules / ".cache" / "web_editor"
    folder = cache / bundle_key(modules, minify)
    if (folder / BUNDLE).is_file():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bundle-", dir=cache))
    try:
        _esbuild(modules, work, minify)
        shutil.copyfile(SOURCES / STYLE, work / STYLE)
        try:
            work.rename(folder)
        except OSError:  # another build made it meanwhile
            if not (folder / BUNDLE).is_file():
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    for old in cache.iterdir():  # keep the cache to the bundles of the last few source versions
        if old.is_dir() and old != folder and not old.name.startswith("bundle-"):
            if old.stat().st_mtime < folder.stat().st_mtime - 7 * 86400:
                shutil.rmtree(old, ignore_errors=True)
    return folder
