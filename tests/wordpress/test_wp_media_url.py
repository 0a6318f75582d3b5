"""--media-url: downloading the uploads from a web server on 127.0.0.1.

The server serves the old site's files with Range support; it cuts the first answer for some
files half-way (the download must resume, not start again), answers 500 once for another (a
retry), and 404 for one file that is gone (reported, the import goes on). A second import
downloads nothing: everything comes from the cache.
"""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest

from wp_helpers import copy_project
from wp_helpers import imported_files

CUT_ONCE = ("2022/03/p02.jpg", "2023/06/kk01.jpg")
FAIL_ONCE = ("2022/12/day01.jpg",)
GONE = ("2022/04/manual.pdf",)


class OldSite(SimpleHTTPRequestHandler):
    log = None  # shared: [(path, Range header, status)]
    seen: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = unquote(self.path)
        rel = path.split("/wp-content/uploads/", 1)[-1]
        count = self.seen[rel] = self.seen.get(rel, 0) + 1
        self.log.append((rel, self.headers.get("Range"), count))
        if rel in GONE:
            return self.send_error(404)
        if rel in FAIL_ONCE and count == 1:
            return self.send_error(500)
        file = Path(self.translate_path(self.path))
        if not file.is_file():
            return self.send_error(404)
        data = file.read_bytes()
        start = 0
        wanted = self.headers.get("Range")
        if wanted and wanted.startswith("bytes="):
            start = int(wanted[6:].split("-")[0])
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()
        if rel in CUT_ONCE and count == 1:
            self.wfile.write(body[: len(body) // 2])  # the connection drops half-way
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def old_server(old_site):
    log = []
    handler = type("Handler", (OldSite,), {"log": log, "seen": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(old_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", log
    server.shutdown()
    server.server_close()


def test_download_resumes_retries_reports_and_caches(tmp_path, import_into, old_server, old_site):
    url, log = old_server
    root = copy_project(tmp_path / "p")
    cache = tmp_path / "cache"
    report = import_into(root, media_dir=None, media_url=url + "/", cache_dir=cache)
    ranges = [rel for rel, rng, _n in log if rng]
    assert set(CUT_ONCE) <= set(ranges)  # continued from where the cut left off
    assert all(rng.startswith("bytes=") and int(rng[6:-1]) > 0 for _rel, rng, _n in log if rng)
    assert [rel for rel, _r, n in log if rel in FAIL_ONCE] == list(FAIL_ONCE) * 2  # one retry
    assert [rel for rel, _r, _n in log if rel in GONE] == list(GONE)  # 404: never retried
    failures = dict(report.media_failures)
    assert list(failures) == ["2022/04/manual.pdf"] and "404" in failures["2022/04/manual.pdf"]
    for rel in CUT_ONCE + FAIL_ONCE:  # the downloads are whole
        assert (cache / "wp-content/uploads" / rel).read_bytes() == (old_site / "wp-content/uploads" / rel).read_bytes()
    assert not list(cache.rglob("*.part"))
    # Same files in content/ as an import from the folder.
    folder_root = copy_project(tmp_path / "q")
    import_into(folder_root)
    ours = json.loads((root / "content/wordpress-import.json").read_text(encoding="utf-8"))["files"]
    theirs = json.loads((folder_root / "content/wordpress-import.json").read_text(encoding="utf-8"))["files"]
    photos = {k: v for k, v in theirs.items() if k.endswith((".jpg", ".png"))}
    assert photos and all(ours.get(k) == v for k, v in photos.items())
    body = (root / imported_files(root)["102"]["file"]).read_text(encoding="utf-8")
    assert "manual.pdf" not in body and "คู่มือการแจ้งเบาะแส (PDF)" in body  # the link text stays
    assert any("manual.pdf" in t + e for n in report.needs_work for t, e in n.problems)

    log.clear()
    again = import_into(root, media_dir=None, media_url=url, cache_dir=cache)
    assert [rel for rel, _r, _n in log] == list(GONE)  # only what failed is asked for again
    assert again.media["from-cache"] == 11 and again.media["fetched"] == 0 and again.files["added"] == 0


def test_dry_run_downloads_nothing(tmp_path, import_into, old_server):
    url, log = old_server
    root = copy_project(tmp_path / "p")
    report = import_into(root, media_dir=None, media_url=url, cache_dir=tmp_path / "cache", dry_run=True)
    assert log == [] and not (tmp_path / "cache").exists()
    assert report.files["added"] >= 30


def test_bad_media_url_is_refused(tmp_path, import_into):
    from tools.wordpress.importer import ImportFailed

    with pytest.raises(ImportFailed, match="--media-url"):
        import_into(tmp_path, media_dir=None, media_url="ftp://old.example/")
