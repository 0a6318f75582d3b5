"""Shared fixtures: building sites in temporary folders, serving them, and a real browser.

- `build_site(files, **settings)`: write content files into a temporary content folder and build
  it with the project's settings and theme; returns the BuildResult (with `.output`).
- `sample_site`: the repository's own content built once per test session.
- `serve(folder)`: serve a folder on 127.0.0.1 (random port); returns the base URL.
- `browser`: Debian's Chromium driven by Playwright, headless.
- `open_page(url)`: a new page whose console errors, failed requests and requests to any other
  origin are recorded in `page.problems` (a `PageProblems`).
- `category_path(site, name)`: a plain helper, the URL path of a category page read from the menu.
- `without_breaks(html)`: a plain helper, `html` without the <wbr> and line-keeping spans that
  thai_text puts in Thai text (its own `strip_wbr`).
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.assets import vendor_assets  # noqa: E402
from tools.build import build  # noqa: E402
from tools.serve import make_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session", autouse=True)
def _vendored_assets():
    vendor_assets()


def _write_files(base: Path, files: dict) -> None:
    for rel, data in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


@pytest.fixture
def build_site(tmp_path):
    """Build a small site from `files` ({relative path: text or bytes}) with the real settings."""

    def _build(files: dict, settings_file: str = "pelicanconf.py", fatal_warnings=False, **overrides):
        content = tmp_path / "content"
        content.mkdir(exist_ok=True)
        _write_files(content, files)
        settings = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
        settings.update(overrides)
        return build(
            ROOT / settings_file,
            tmp_path / "output",
            overrides=settings,
            fatal_warnings=fatal_warnings,
            quiet=True,
        )

    return _build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The repository's content, built once with the development settings."""
    out = tmp_path_factory.mktemp("sample") / "output"
    result = build(
        ROOT / "pelicanconf.py",
        out,
        overrides={"CACHE_PATH": str(out.parent / "cache")},
        quiet=True,
    )
    assert result.ok, result.errors
    return result


@pytest.fixture(scope="session")
def serve():
    servers = []

    def _serve(folder) -> str:
        server = make_server(folder, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield _serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_url(sample_site, serve):
    return serve(sample_site.output)


def without_breaks(html: str) -> str:
    """`html` without the <wbr> and spans thai_text inserts (thai_text.markup.strip_wbr)."""
    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    from thai_text.markup import strip_wbr

    return strip_wbr(html)


def category_path(site, name: str) -> str:
    """Site path of the category page called `name`, read from the home page's main menu
    (category slugs come from thai_text and may change)."""
    from bs4 import BeautifulSoup

    home = BeautifulSoup((site.output / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = home.find("nav", attrs={"aria-label": "เมนูหลัก"})
    link = next((a for a in menu.find_all("a") if a.get_text() == name), None)  # <wbr> and spans in it
    assert link is not None, f"no menu link for category {name}"
    return link["href"]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (sudo apt-get install chromium); "
            "./dev.sh test does it when run as root"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageProblems:
    console_errors: list = field(default_factory=list)
    failed_requests: list = field(default_factory=list)
    foreign_requests: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)

    def all(self) -> list:
        return self.console_errors + self.failed_requests + self.foreign_requests + self.page_errors


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(url: str, width: int = 1280, height: int = 900, **context_options):
        context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
        contexts.append(context)
        page = context.new_page()
        problems = PageProblems()

        def on_request(request):
            if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:")):
                problems.foreign_requests.append(request.url)

        def on_response(response):
            if response.status >= 400 and not response.url.endswith("/favicon.ico"):
                problems.failed_requests.append(f"{response.status} {response.url}")

        page.on("console", lambda m: m.type == "error" and problems.console_errors.append(m.text))
        page.on("pageerror", lambda e: problems.page_errors.append(str(e)))
        def on_request_failed(request):
            # A navigation cancels the requests still under way on the page it leaves
            # (net::ERR_ABORTED): that is the browser's doing, not a broken resource.
            if request.failure != "net::ERR_ABORTED":
                problems.failed_requests.append(f"failed {request.url} ({request.failure})")

        page.on("requestfailed", on_request_failed)
        page.on("request", on_request)
        page.on("response", on_response)
        page.problems = problems
        if url:
            page.goto(url)
        return page

    yield _open
    for context in contexts:
        context.close()
