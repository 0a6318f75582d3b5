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
import threading
import time
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


class Requests:
    """The requests the live server is answering. A rebuild runs in a thread of its own beside
    the server (tools/preview.py's SiteWatcher) and, both being Python, slows every answer it
    runs beside (0.1-0.3 s a file); after writing the edited page first it gives way while the
    browser loads that page (`give_way`)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.open = 0
        self.last = 0.0  # when a request last started or ended (time.monotonic)

    def started(self) -> None:
        with self._lock:
            self.open += 1
            self.last = time.monotonic()

    def finished(self) -> None:
        with self._lock:
            self.open = max(0, self.open - 1)
            self.last = time.monotonic()

    def give_way(self, come_within: float = 0.5, quiet: float = 0.15, longest: float = 1.5) -> None:
        """Wait (in the rebuild's thread) until the browser has come for the page (a request
        within `come_within` s) and no request is open or has ended in the last `quiet` s; never
        longer than `longest` s."""
        begun = time.monotonic()
        while True:
            now = time.monotonic()
            if now - begun >= longest:
                return
            with self._lock:
                came, idle = self.last >= begun, self.open == 0 and now - self.last >= quiet
            if (came and idle) or (not came and now - begun >= come_within):
                return
            time.sleep(0.01)


class _Counted:
    """Mixed into the server's handlers: each request is counted in `Requests`."""

    requests: Requests | None = None

    def prepare(self):
        if self.requests is not None:
            self._counted = True
            self.requests.started()
        return super().prepare()

    def _uncount(self) -> None:
        if getattr(self, "_counted", False):  # once, whichever comes first
            self._counted = False
            self.requests.finished()

    def on_finish(self):
        self._uncount()
        return super().on_finish()

    def on_connection_close(self):  # the browser went away before the answer was finished
        self._uncount()
        return super().on_connection_close()


class ProblemsHandler(_Counted, web.RequestHandler):
    """The current problems, as JSON."""

    def initialize(self, site):
        self.site = site

    def get(self):
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(self.site.problems(), ensure_ascii=False))


class PanelScriptHandler(_Counted, web.RequestHandler):
    """The panel's script."""

    def get(self):
        self.set_header("Content-Type", "text/javascript; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(PANEL_SCRIPT.read_bytes())


class PanelPageHandler(_Counted, StaticFileHandler):
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

    def __init__(self, site, watcher, requests: Requests | None = None):
        super().__init__(watcher=watcher)
        self.site = site
        self.requests = requests

    def get_web_handlers(self, script):
        counted = {"requests": self.requests}
        return [
            (PROBLEMS_URL.replace(".", r"\."), type("Problems", (ProblemsHandler,), counted), {"site": self.site}),
            (PANEL_URL.replace(".", r"\."), type("PanelScript", (PanelScriptHandler,), counted)),
            (r"/(.*)", type("PanelPage", (PanelPageHandler,), counted),
             {"path": self.root or ".", "default_filename": self.default_filename}),
        ]
