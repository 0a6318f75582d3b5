"""`invoke livereload` end to end: the open page in Chromium shows a saved edit by itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent

SERVER = """
import sys
sys.path.insert(0, {root!r})
from tools.preview import serve_with_livereload
serve_with_livereload({conf!r}, {out!r}, "127.0.0.1", {port}, overrides={overrides!r})
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"the live server did not answer {url} within {seconds} s")


@pytest.fixture
def live_server(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    for day in (1, 2, 3):
        (content / "news" / f"live-{day}.md").write_text(
            f"Title: ข่าวทดสอบการแสดงผลทันที {day}\nDate: 2568-05-0{day} 10:00\n"
            f"Category: ข่าวกิจกรรม\nTags: ทดสอบ\nSlug: live-{day}\n\n"
            "เจ้าหน้าที่กระทรวงแรงงานทดสอบการแสดงตัวอย่างข่าว\n",
            encoding="utf-8",
        )
    port = _free_port()
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), "THAI_SEARCH_ENABLED": False}
    script = SERVER.format(root=str(ROOT), conf=str(ROOT / "pelicanconf.py"), out=str(tmp_path / "output"),
                           port=port, overrides=overrides)
    log = open(tmp_path / "server.log", "w")
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=log, stderr=log,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        _wait_for(f"http://127.0.0.1:{port}/news/live-2/", 180)
        yield f"http://127.0.0.1:{port}", content
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_saved_edit_shows_in_the_open_page(live_server, open_page):
    base, content = live_server
    page = open_page(f"{base}/news/live-2/")
    page.wait_for_timeout(1000)  # the live-reload socket connects
    source = content / "news" / "live-2.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nย่อหน้าใหม่ LIVEMARKER\n", encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('LIVEMARKER')", timeout=60000)
    # A second save soon after is shown too (livereload alone ignores it for 3 s).
    source.write_text(source.read_text(encoding="utf-8") + "\nอีกย่อหน้า SECONDMARKER\n", encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('SECONDMARKER')", timeout=60000)
