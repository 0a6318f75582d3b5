"""Settings of the web_editor plugin: one table of defaults, applied once on `initialized`.

Each entry is name -> (default, one sentence); README.md documents the same table. Pelican's own
settings that the editor reads (PATH, ARTICLE_PATHS, PAGE_PATHS, CATEGORIES, TIMEZONE, SITEURL,
THEME_STATIC_DIR) and those of the plugins whose rules it exports (THAI_DATE_*, GALLERY_*) are
not repeated here.
"""

from __future__ import annotations

import copy
import logging

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, tuple[object, str]] = {
    "WEB_EDITOR_ENABLED": (True, "Write the web editor (Decap CMS) into the output at /admin/."),
    "WEB_EDITOR_OUTPUT_DIR": ("admin", "Folder of the output that holds the editor."),
    "WEB_EDITOR_BACKEND": (
        {"name": "github", "repo": "", "branch": "main"},
        "Decap CMS `backend` block for production (name, repo, branch, base_url, auth_endpoint, "
        "api_root, app_id...), written into admin/config.yml as it is.",
    ),
    "WEB_EDITOR_LOCAL_BACKEND": (
        "",
        "Path of the local git backend on the site's own origin (`invoke editor` sets /api/v1); "
        "when set it replaces WEB_EDITOR_BACKEND.",
    ),
    "WEB_EDITOR_PUBLISH_MODE": (
        "editorial_workflow",
        "Decap CMS publish mode: editorial_workflow (draft, in review, ready; a pull request per "
        "release) or simple (every save is a commit on the branch).",
    ),
    "WEB_EDITOR_PHOTO_MAX_EDGE": (
        2560,
        "Long edge in pixels of the photos the editor puts into the repository (larger ones are "
        "scaled down in the browser).",
    ),
    "WEB_EDITOR_PHOTO_QUALITY": (0.85, "JPEG quality (0-1) of the photos the editor re-encodes."),
    "WEB_EDITOR_FILE_NAME_LENGTH": (
        72,
        "Most characters of a new release's file name, made from its title. The URL slug is "
        "romanised from the file name by thai_text and cut at THAI_TEXT_SLUG_MAX_LENGTH: a file "
        "name long enough never cuts the URL short (at 48, 127 of 400 benchmark titles got a URL "
        "ending in half a word); 72 Thai characters are 216 bytes, under the 255 a file name may have.",
    ),
    "WEB_EDITOR_NODE_MODULES": (
        "",
        "Folder of the npm packages (decap-cms-app, react, esbuild); empty means node_modules/ "
        "next to plugins/.",
    ),
    "WEB_EDITOR_MINIFY": (True, "Minify the editor's own JavaScript in the bundle."),
}

PUBLISH_MODES = ("editorial_workflow", "simple")


def _valid(name: str, value) -> bool:
    default = DEFAULTS[name][0]
    if name == "WEB_EDITOR_PUBLISH_MODE":
        return value in PUBLISH_MODES
    if name == "WEB_EDITOR_BACKEND":
        return isinstance(value, dict) and isinstance(value.get("name"), str) and bool(value.get("name"))
    if name == "WEB_EDITOR_FILE_NAME_LENGTH":  # 3 bytes a Thai letter, "-99.md": within 255 bytes
        return isinstance(value, int) and not isinstance(value, bool) and 10 <= value <= 80
    if name == "WEB_EDITOR_PHOTO_QUALITY":
        return isinstance(value, (int, float)) and 0 < value <= 1
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return isinstance(value, type(default))


def with_defaults(settings: dict) -> dict:
    """The values to add to `settings`: every missing default, and the default for a bad value."""
    added = {}
    for name, (default, _doc) in DEFAULTS.items():
        if name not in settings:
            added[name] = copy.deepcopy(default)
        elif not _valid(name, settings[name]):
            logger.warning(
                "pelicanconf.py: ค่า %s=%r ใช้ไม่ได้ จึงใช้ค่าเริ่มต้น %r / %s=%r is not valid, using the "
                "default %r (see plugins/web_editor/README.md)",
                name, settings[name], default, name, settings[name], default,
            )
            added[name] = copy.deepcopy(default)
    return added


def apply_defaults(pelican) -> None:
    """`initialized`: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
