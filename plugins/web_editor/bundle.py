"""The editor's JavaScript: Decap CMS, React and our sources (js/) in one file, made with esbuild.

decap-cms-app is published for bundlers (React is a peer dependency and React 19 ships no browser
build), so the build bundles it with the pinned react and react-dom and js/admin.js into
`editor.min.js` with esbuild, all from node_modules (npm ci). Nothing is fetched at run time.
esbuild runs through its JavaScript API (bundle.cjs), which also changes a few texts of Decap's
own files: colours that meet WCAG 2.1 AA (`DECAP_COLOURS`) and the review board's card text
(`DECAP_BOARD_TEXT`).

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
BUNDLER = PLUGIN / "bundle.cjs"
VERSION = 2

# Decap's own greys (#798291, its text, labels and inactive links; #7b8290 in its header; #767676
# of "loading") have 3.9:1 on white and 2.9-4.0:1 on its light greys, its red (#ff003b: error
# messages, the label of a field with an error, the "not saved" badge) 3.95:1, and its teal
# (#17a2b8: the status "in review" and the publish button) 2.7-3.0:1; WCAG 2.1 AA asks 4.5:1 for
# text. The palette is replaced as it is bundled: a grey of 6.2:1 on white and 4.6:1 on the
# labels' #dfdfe3 (white text on it 6.2:1), a red of 6.0:1 and 4.5:1, a teal of 6.2:1 and 5.4:1
# on its light teal. Every other colour of the palette passes as it is.
DECAP_COLOURS = {
    "decap-cms-ui-default/dist/esm/styles.js": {"gray: '#798291'": "gray: '#5a6270'",
                                                 "red: '#ff003b'": "red: '#c8002e'",
                                                 "teal: '#17a2b8'": "teal: '#0f6b79'"},
    "decap-cms-core/dist/esm/components/App/Header.js": {"color:#7b8290;": "color:#5a6270;"},
    "decap-cms-ui-default/dist/esm/Loader.js": {"color:#767676;": "color:#5a6270;"},
}

# The review board's cards show the start of each entry's body as it is, Markdown marks and all:
# they show its words (js/board-text.js; admin.js gives Decap the function before it starts).
DECAP_BOARD_TEXT = {
    "decap-cms-core/dist/esm/components/Workflow/WorkflowList.js": {
        "body: entry.getIn(['data', 'body'])": "body: globalThis.ZeroCorruptionBoardText(entry.getIn(['data', 'body']))"},
}


def decap_changes() -> dict:
    """Every text replaced in Decap's files as it is bundled: {file: {old: new}}."""
    changes: dict = {}
    for group in (DECAP_COLOURS, DECAP_BOARD_TEXT):
        for file, texts in group.items():
            changes.setdefault(file, {}).update(texts)
    return changes


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
    digest.update(json.dumps({"versions": versions, "minify": minify, "v": VERSION, "changes": decap_changes()},
                             sort_keys=True).encode())
    digest.update(BUNDLER.read_bytes())
    if lock.is_file():
        digest.update(lock.read_bytes())
    for path in source_files():
        digest.update(path.relative_to(SOURCES).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _esbuild(modules: Path, out_dir: Path, minify: bool) -> None:
    options = {"entry": str(SOURCES / ENTRY), "outfile": str(out_dir / BUNDLE), "minify": minify,
               "replace": decap_changes()}
    env = {**os.environ, "NODE_PATH": str(modules)}
    try:
        result = subprocess.run(["node", str(BUNDLER), json.dumps(options)], cwd=modules.parent, env=env,
                                capture_output=True, text=True)
    except OSError as error:
        raise BundleError(f"ไม่พบโปรแกรม node: ติดตั้ง Node.js / node is missing ({error}): install Node.js") from None
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
