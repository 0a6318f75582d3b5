"""`invoke livereload` end to end in Chromium: a saved edit shows by itself, and the problem panel
shows what is wrong (file:line and the fix), keeps the page's last good version while a source has
an error, goes away once it is fixed, and never reaches the output folder."""

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
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def post(day: int, date: str | None = None, body: str = "เจ้าหน้าที่กระทรวงแรงงานทดสอบการแสดงตัวอย่างข่าว") -> str:
    return (f"Title: ข่าวทดสอบการแสดงผลทันที {day}\nDate: {date or f'2568-05-0{day} 10:00'}\n"
            f"Category: ข่าวกิจกรรม\nTags: ทดสอบ\nSlug: live-{day}\n\n{body}\n")


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


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("live")
    content = base / "content"
    (content / "news").mkdir(parents=True)
    for day in (1, 2, 3):
        (content / "news" / f"live-{day}.md").write_text(post(day), encoding="utf-8")
    port = _free_port()
    overrides = {"PATH": str(content), "CACHE_PATH": str(base / "cache"), "THAI_SEARCH_ENABLED": False}
    script = SERVER.format(root=str(ROOT), conf=str(ROOT / "pelicanconf.py"), out=str(base / "output"),
                           port=port, overrides=overrides)
    log = open(base / "server.log", "w")
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=log, stderr=log,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        _wait_for(f"http://127.0.0.1:{port}/news/live-2/", 180)
        yield f"http://127.0.0.1:{port}", content, base / "output"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_saved_edit_shows_in_the_open_page(live_server, open_page):
    base, content, _output = live_server
    page = open_page(f"{base}/news/live-2/")
    page.wait_for_timeout(1000)  # the live-reload socket connects
    source = content / "news" / "live-2.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nย่อหน้าใหม่ LIVEMARKER\n", encoding="utf-8")
    page.wait_for_function("document.body && document.body.innerText.includes('LIVEMARKER')", timeout=60000)
    # A body edit: the page was written first and the browser reloaded then (tools/early_page.py).
    log = _output.parent / "server.log"
    deadline = time.monotonic() + 60
    while "the edited page in" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "the edited page in" in log.read_text(encoding="utf-8")
    # A second save soon after is shown too (livereload alone ignores it for 3 s).
    source.write_text(source.read_text(encoding="utf-8") + "\nอีกย่อหน้า SECONDMARKER\n", encoding="utf-8")
    page.wait_for_function("document.body && document.body.innerText.includes('SECONDMARKER')", timeout=60000)


def _panel_text(page) -> str:
    return page.locator("#preview-problems").inner_text()


def test_the_problem_panel_follows_each_save(live_server, open_page):
    from axe_playwright_python.sync_playwright import Axe

    base, content, output = live_server
    page = open_page(f"{base}/news/live-3/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#preview-problems").count() == 0  # no problem, no panel
    source = content / "news" / "live-3.md"

    # A date that does not exist: an ERROR. The panel names the file, the line and the fix; the
    # page keeps its last good version (the new paragraph is not shown).
    source.write_text(post(3, "2568-02-30 10:00", "ย่อหน้าที่บันทึกพร้อมวันที่ผิด BROKENMARKER"), encoding="utf-8")
    page.wait_for_selector("#preview-problems", timeout=60000)
    text = _panel_text(page)
    assert "content/news/live-3.md:2" in text and "ข้อผิดพลาด" in text and "(หน้านี้)" in text
    assert "2568-02-30" in text and "วิธีแก้:" in text
    assert "หน้านี้ยังแสดงฉบับล่าสุด" in text
    body = page.locator("main").inner_text()
    assert "BROKENMARKER" not in body and "ทดสอบการแสดงตัวอย่างข่าว" in body.replace("\u200b", "")
    results = Axe().run(page, context={"include": [["#preview-problems"]]},
                        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="ซ่อนรายการ").click()
    assert page.locator("#preview-problems-list").is_hidden()

    # A typing error is a WARNING: the page shows the new text, the panel says what to retype.
    source.write_text(post(3, None, "กระทรวงเเรงงานทดสอบ WARNMARKER"), encoding="utf-8")
    page.wait_for_function("document.body && document.body.innerText.includes('WARNMARKER')", timeout=60000)
    page.wait_for_selector("#preview-problems", timeout=60000)
    text = _panel_text(page)
    assert "content/news/live-3.md:7" in text and "คำเตือน" in text and 'พิมพ์ใหม่เป็น "แรงงาน"' in text

    # Fixed: the page shows the new version and the panel is gone.
    source.write_text(post(3, None, "ย่อหน้าที่แก้แล้ว FIXEDMARKER"), encoding="utf-8")
    page.wait_for_function("document.body && document.body.innerText.includes('FIXEDMARKER')", timeout=60000)
    page.wait_for_load_state("networkidle")
    assert page.locator("#preview-problems").count() == 0
    assert not page.problems.all(), page.problems.all()

    # The panel lives in the live server only: nothing of it is in the output folder.
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".xml"):
            assert b"__preview__" not in path.read_bytes(), path
