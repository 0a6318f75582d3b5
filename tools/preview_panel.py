"""The live preview's problem panel: the content's problems on every preview page, in Thai.

The live server of `invoke livereload` (livereload's `Server`, extended here) answers two more
addresses and changes nothing on disk:

- `/__preview__/problems.json`: the problems of the last judging (`PreviewSite.problems()`: each
  Problem with `where` = file:line and the URL of the page it belongs to);
- `/__preview__/panel.js`: the script that shows them (preview_panel.js, next to this file);

and every HTML page it serves gets `<script src="/__preview__/panel.js" defer>` before `</head>`,
added as the page is sent. The panel lists each problem with its file and line, what is wrong and
the fix; it is rebuilt on every reload (livereload reloads the page after each save) and is
absent when there is no problem. The output folder never holds any of it, so neither
`invoke build` nor `invoke publish` can carry it.
"""

from __future__ import annotations

import json
from pathlib import Path

from livereload import Server
from livereload.handlers import StaticFileHandler
from tornado import web

PANEL_SCRIPT = Path(__file__).with_name("preview_panel.js")
PANEL_URL = "/__preview__/panel.js"
PROBLEMS_URL = "/__preview__/problems.json"
PANEL_TAG = f'<script src="{PANEL_URL}" defer></script>'.encode()
HEAD_END = b"</head>"


def with_panel(html: bytes) -> bytes:
    """`html` with the panel's script before `</head>` (unchanged when there is no head)."""
    return html.replace(HEAD_END, PANEL_TAG + HEAD_END, 1) if HEAD_END in html else html


class ProblemsHandler(web.RequestHandler):
    """The current problems, as JSON."""

    def initialize(self, site):
        self.site = site

    def get(self):
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(self.site.problems(), ensure_ascii=False))


class PanelScriptHandler(web.RequestHandler):
    """The panel's script."""

    def get(self):
        self.set_header("Content-Type", "text/javascript; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(PANEL_SCRIPT.read_bytes())


class PanelPageHandler(StaticFileHandler):
    """livereload's file handler; an HTML page is sent with the panel's script added."""

    async def get(self, path, include_body=True):
        self.path = self.parse_url_path(path)
        absolute = self.validate_absolute_path(self.root, self.get_absolute_path(self.root, self.path))
        if absolute is None:
            return  # a redirect (directory without "/") or an error was sent
        if not absolute.endswith((".html", ".htm")):
            return await super().get(path, include_body)
        self.absolute_path = absolute
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(with_panel(Path(absolute).read_bytes()) if include_body else b"")

    def compute_etag(self):
        return None  # a page is sent as it is now, never from the browser's cache


class PreviewServer(Server):
    """livereload's server with the problem panel of `site` (a PreviewSite)."""

    def __init__(self, site, watcher):
        super().__init__(watcher=watcher)
        self.site = site

    def get_web_handlers(self, script):
        return [
            (PROBLEMS_URL.replace(".", r"\."), ProblemsHandler, {"site": self.site}),
            (PANEL_URL.replace(".", r"\."), PanelScriptHandler),
            (r"/(.*)", PanelPageHandler, {"path": self.root or ".", "default_filename": self.default_filename}),
        ]
