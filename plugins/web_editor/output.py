"""Write the editor into the output: /admin/ with its page, config.yml, site-data.json and bundle.

    admin/index.html       the page (Thai, no third-party origin), loads editor.css and editor.min.js
    admin/config.yml       Decap CMS configuration (config.py)
    admin/site-data.json   rules, tags, galleries, addresses, photo limits (site_data.py)
    admin/editor.min.js    Decap CMS + React + js/ (bundle.py)
    admin/editor.css       the editor's own styles (js/editor.css)
    admin/fonts.css        the theme's @font-face rules (Sarabun, served by the site itself)
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import shutil
from pathlib import Path

import yaml

from .bundle import BUNDLE, STYLE, BundleError, make_bundle
from .config import LOCALE_OVERRIDES, editor_config
from .site_data import site_data

logger = logging.getLogger(__name__)

PAGE = """<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>ระบบเขียนข่าว – {site}</title>
<link rel="stylesheet" href="{base}/fonts.css">
<link rel="stylesheet" href="{base}/{style}">
</head>
<body>
<noscript>ระบบเขียนข่าวต้องใช้ JavaScript ให้เปิด JavaScript ในเบราว์เซอร์ / The web editor needs JavaScript.</noscript>
<script src="{base}/{bundle}"></script>
</body>
</html>
"""


FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
RELATIVE_URL = re.compile(r"url\((['\"]?)\.\./")


def font_faces(settings: dict) -> str:
    """The @font-face rules of the theme's site.css, with URLs from the site's root."""
    theme = Path(settings.get("THEME") or "theme")
    css = theme / "static" / "css" / "site.css"
    if not css.is_file():
        return ""
    base = f"{(settings.get('SITEURL') or '').rstrip('/')}/{settings.get('THEME_STATIC_DIR', 'theme')}/"
    rules = FONT_FACE.findall(css.read_text(encoding="utf-8"))
    return "\n".join(RELATIVE_URL.sub(lambda m: f"url({m.group(1)}{base}", rule) for rule in rules) + "\n"


def _link(source: Path, target: Path) -> None:
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def config_text(config: dict) -> str:
    """config.yml's text. The YAML of the last config is kept: a process that builds again (the
    live preview, on every save) has the same settings (and dumping them costs about 10 ms)."""
    if _LAST_CONFIG.get("config") != config:
        _LAST_CONFIG.update(config=config, text=(
            "# Made by plugins/web_editor from the site's settings at every build: do not edit.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)))
    return _LAST_CONFIG["text"]


_LAST_CONFIG: dict = {}


def write_editor(generators) -> None:
    """`all_generators_finalized`: write /admin/ (see the module docstring)."""
    generators = list(generators)
    if not generators:
        return
    settings = generators[0].settings
    if not settings.get("WEB_EDITOR_ENABLED", True):
        return
    folder = Path(settings["OUTPUT_PATH"]) / settings["WEB_EDITOR_OUTPUT_DIR"]
    try:
        bundle = make_bundle(settings)
    except BundleError as exc:
        logger.error("%s", exc)
        return
    folder.mkdir(parents=True, exist_ok=True)
    _link(bundle / BUNDLE, folder / BUNDLE)
    _link(bundle / STYLE, folder / STYLE)
    config = editor_config(settings)
    (folder / "config.yml").write_text(config_text(config), encoding="utf-8")
    data = site_data(generators, settings)
    data["locale"] = LOCALE_OVERRIDES
    data["folders"] = {c["name"]: c["folder"] for c in config["collections"] if "folder" in c}
    # Every backend but the local one and git-gateway needs a repository (Decap would only say so
    # in English); the page explains it in Thai instead of starting.
    backend = config["backend"]
    data["backend"] = {"name": backend["name"],
                       "configured": backend["name"] in ("proxy", "git-gateway") or bool(backend.get("repo"))}
    (folder / "site-data.json").write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
    (folder / "fonts.css").write_text(font_faces(settings), encoding="utf-8")
    (folder / "index.html").write_text(
        PAGE.format(
            base=html.escape(f"{(settings.get('SITEURL') or '').rstrip('/')}/{settings['WEB_EDITOR_OUTPUT_DIR']}"),
            site=html.escape(settings.get("SITENAME", "")),
            style=STYLE,
            bundle=BUNDLE,
        ),
        encoding="utf-8",
    )
