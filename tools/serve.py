"""A small static file server for output/, bound to the loopback address only."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a Pelican output folder: index.html for folders, 404.html for missing pages."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".woff2": "font/woff2",
        ".webp": "image/webp",
        ".avif": "image/avif",
        ".xml": "application/xml",
        ".json": "application/json",
        ".wasm": "application/wasm",
        ".pf_meta": "application/octet-stream",
        # as nginx sends it (deploy/nginx.conf: charset utf-8): without a charset a browser reads
        # the search's word list as Latin-1 (Playwright counted its Thai twice over)
        ".txt": "text/plain; charset=utf-8",
    }

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.exists():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # keep test and CI logs quiet
        pass


def make_server(directory, host="127.0.0.1", port=8000) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(directory))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve_forever(directory, host="127.0.0.1", port=8000) -> None:
    server = make_server(directory, host, port)
    print(f"เปิดดูเว็บไซต์ที่ / serving at http://{host}:{port}/  (Ctrl+C เพื่อหยุด / to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
