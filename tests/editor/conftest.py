"""Fixtures of the web editor tests: a throwaway repository and `invoke editor` serving it.

- `editor_repo`: a new git repository (branch main) holding the project's files as they are in
  the working tree, with node_modules linked in; the local backend commits into it freely.
- `editor`: `invoke editor --port N` running in that repository, for the whole session, and the
  helpers the tests share (log in, open an entry, read a branch).
- `editor_page`: a page of the browser on the editor whose requests are all recorded: any request
  to another origin, any failed request, console error or page error is a problem.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path[:1]:
    sys.path.insert(0, str(ROOT / "plugins"))
STARTUP_SECONDS = 300
# Decap asks whether an entry has an unpublished version; "no" is a 404 from the backend.
EXPECTED_MISSES = {"unpublishedEntry"}
# Decap's id of an entry's title field (title-field-1, ...): on the page only while a form is open.
TITLE_FIELD_ID = "title-field-"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def editor_repo(tmp_path_factory) -> Path:
    return site_repo(tmp_path_factory.mktemp("editor") / "site")


def site_repo(repo: Path) -> Path:
    """A git repository at `repo` holding the project's files as they are (committed on main)."""
    repo.mkdir()
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_symlink() or not source.is_file():
            continue  # .venv and node_modules are links; deleted files are still listed
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    (repo / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "เจ้าหน้าที่ประชาสัมพันธ์")
    _git(repo, "config", "user.email", "pr@example.org")
    (repo / ".git" / "info" / "exclude").write_text("node_modules\n.venv\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "The site as it is")
    return repo


@dataclass
class Editor:
    url: str
    repo: Path
    log: list[str] = field(default_factory=list)

    def branches(self) -> list[str]:
        return [b.strip() for b in _git(self.repo, "branch", "--list", "cms/*", "--format=%(refname:short)").splitlines()]

    def files(self, branch: str, base: str = "main") -> list[str]:
        return sorted(_git(self.repo, "-c", "core.quotePath=false", "diff", "--name-only", f"{base}...{branch}").splitlines())

    def show(self, branch: str, path: str) -> bytes:
        return subprocess.run(["git", "-C", str(self.repo), "show", f"{branch}:{path}"], check=True,
                              capture_output=True).stdout

    def status(self, branch: str) -> str:
        return _git(self.repo, "config", "--get", f"branch.{branch}.description").strip()

    def discard(self, branch: str) -> None:
        """Delete an entry's branch (as a supervisor who throws the change away), so that the tests
        after this one see only their own."""
        _git(self.repo, "branch", "-D", branch)
        subprocess.run(["git", "-C", str(self.repo), "config", "--remove-section", f"branch.{branch}"],
                       capture_output=True)


@pytest.fixture(scope="session")
def editor(editor_repo):
    yield from run_editor(editor_repo)


def run_editor(editor_repo: Path):
    """`invoke editor` in `editor_repo` until the generator is closed: yields the Editor."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "editor", "--port", str(port)],
        cwd=editor_repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    server = Editor(f"http://127.0.0.1:{port}", editor_repo)
    deadline = time.time() + STARTUP_SECONDS
    ready = False
    for line in process.stdout:
        server.log.append(line.rstrip())
        if "web editor:" in line:
            ready = True
            break
        if time.time() > deadline:
            break
    if not ready:
        process.terminate()
        process.wait(timeout=30)
        pytest.fail("invoke editor did not start:\n" + "\n".join(server.log[-40:]))

    def drain():
        for line in process.stdout:
            server.log.append(line.rstrip())

    threading.Thread(target=drain, daemon=True).start()
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Recorder:
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    api: list[dict] = field(default_factory=list)  # every request to /api/v1: its action

    def problems(self) -> list[str]:
        return self.foreign + self.failed + self.errors


def record(page, base: str) -> Recorder:
    recorder = Recorder()

    def on_request(request):
        if not request.url.startswith((base + "/", "data:", "blob:", "about:")):
            recorder.foreign.append(request.url)
        if request.url == base + "/api/v1":
            try:
                recorder.api.append(json.loads(request.post_data or "{}"))
            except ValueError:
                recorder.api.append({})

    def on_response(response):
        if response.status < 400 or response.url.endswith("/favicon.ico"):
            return
        if response.url == base + "/api/v1" and response.status == 404:
            action = json.loads(response.request.post_data or "{}").get("action")
            if action in EXPECTED_MISSES:
                return
        recorder.failed.append(f"{response.status} {response.url} {response.request.post_data or ''}"[:300])

    def on_console(message):
        # Decap logs a failed 404 lookup as a resource error; the response handler judges those.
        if message.type == "error" and "Failed to load resource" not in message.text:
            recorder.errors.append(message.text[:500])

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", on_console)
    def on_page_error(error):
        # Decap refuses a save that has errors by rejecting a promise with no reason; the test
        # that provokes it checks the messages and that nothing was saved.
        if str(error) != "undefined":
            recorder.errors.append(f"page error: {error}"[:500])

    page.on("pageerror", on_page_error)
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and recorder.failed.append(f"failed {r.url}"))
    return recorder


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.editor_failed = report.failed


@pytest.fixture
def editor_page(request, browser, editor, tmp_path):
    page = editor_context_page(browser, editor)
    yield page
    if getattr(request.node, "editor_failed", False):
        # What the browser showed when the test failed, and what the editor's server said.
        path = tmp_path / "failure.png"
        page.screenshot(path=str(path))
        print(f"\nscreenshot: {path}\n" + "\n".join(editor.log[-30:]))
    close_editor_page(page)


def log_in(page, editor) -> None:
    """Open /admin/ and log in to the local backend (one button: it has no password)."""
    page.goto(editor.url + "/admin/")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_role("link", name="ข่าว").first.wait_for()


def new_release(page, editor, title: str = "ทดสอบข้อมูลที่ไม่ถูกต้อง", category: str | None = None) -> None:
    """Log in and open a new release with `title` (and `category`, when given)."""
    log_in(page, editor)
    page.get_by_label("สร้างเนื้อหาประเภท ข่าว").click()
    page.get_by_label("ชื่อข่าว").fill(title)
    if category:
        choose_category(page, category)


def choose_category(page, name: str) -> None:
    """Pick `name` in the release's category list."""
    page.get_by_label("หมวด").click()
    page.get_by_text(name, exact=True).click()


def capture_saves(page, editor) -> dict[str, str]:
    """Answer the editor's saves (`persistEntry`) as the backend would, without committing: the
    returned dict fills with repository path -> the file Decap sent."""
    saved: dict[str, str] = {}

    def handle(route):
        body = json.loads(route.request.post_data or "{}")
        if body.get("action") != "persistEntry":
            route.continue_()
            return
        for data in body["params"].get("dataFiles") or [body["params"]["entry"]]:
            saved[data["path"]] = data["raw"]
        route.fulfill(status=200, content_type="application/json", body='{"message":"entry persisted"}')

    page.route(editor.url + "/api/v1", handle)
    return saved


# Every content file the editor opens, as (collection, path): news and pages.
CONTENT_FILES = [(name, path) for name, folder in (("news", ROOT / "content" / "news"), ("pages", ROOT / "content" / "pages"))
                 for path in sorted(folder.glob("*.md"))]


def content_sources() -> list[tuple[Path, object, str]]:
    """(path, header, body) of every file of CONTENT_FILES, read as content_guard reads them."""
    from content_guard.source import read_header

    found = []
    for _collection, path in CONTENT_FILES:
        text = path.read_text(encoding="utf-8")
        header = read_header(text)
        found.append((path, header, "\n".join(text.split("\n")[header.body_line - 1:])))
    return found
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def open_content_file(page, editor, collection: str, path: Path):
    """Open the entry of `path` and wait until it is this entry; returns (the file's text, its
    title field).

    From inside the editor, as a writer does: back to the collection's list, then the entry, so
    that Decap mounts the entry's form afresh and reads the file through the backend (loading
    Decap's whole application again for each file took three times as long: tests that open
    every file spent most of their time there). Where Decap keeps the page (an entry with changes
    not saved asks first, and a test's dialogs are dismissed), or from outside the editor, the
    page is loaded afresh."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

    entry = f"#/collections/{collection}/entries/{path.stem}"
    fresh = True
    if page.url.startswith(f"{editor.url}/admin/"):
        page.evaluate("hash => { location.hash = hash; }", f"#/collections/{collection}")
        try:
            page.wait_for_selector(f"[id^='{TITLE_FIELD_ID}']", state="detached", timeout=5_000)
            page.evaluate("hash => { location.hash = hash; }", entry)
            fresh = False
        except PlaywrightTimeout:
            pass
    if fresh:
        page.goto("about:blank")
        page.goto(f"{editor.url}/admin/{entry}")
    text = path.read_text(encoding="utf-8")
    title = next(l for l in text.split("\n") if l.lower().startswith("title:")).split(":", 1)[1].strip()
    field = page.get_by_label("ชื่อข่าว" if collection == "news" else "ชื่อหน้า")
    expect(field).to_have_value(title, timeout=30_000)
    return text, field


def open_captured(page, editor, path: Path, collection: str = "news"):
    """Log in, capture saves (nothing is committed) and open the entry of `path`: returns (the
    dict of saves, `path` relative to the repository, the file's text)."""
    log_in(page, editor)
    saved = capture_saves(page, editor)
    original, _title = open_content_file(page, editor, collection, path)
    return saved, path.relative_to(ROOT).as_posix(), original


def changed_lines(original: str, saved: str) -> tuple[list[str], list[str]]:
    """The lines of `original` that `saved` no longer has, and the lines it has instead."""
    import difflib

    removed, added = [], []
    for line in difflib.ndiff(original.split("\n"), saved.split("\n")):
        (removed if line.startswith("- ") else added if line.startswith("+ ") else []).append(line[2:])
    return removed, added


def put_on_clipboard(page, editor, html: str, plain: str) -> None:
    """The clipboard holds `html` and `plain`, as after copying in Word or a browser."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    page.evaluate(
        """([html, plain]) => navigator.clipboard.write([new ClipboardItem({
             'text/html': new Blob([html], { type: 'text/html' }),
             'text/plain': new Blob([plain], { type: 'text/plain' }),
           })])""",
        [html, plain],
    )


def axe_violations(target, include=None):
    """axe-core's WCAG 2.1 A/AA violations on a page or frame (only inside `include` selectors)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    context = {"include": [[selector] for selector in include]} if include else None
    return Axe().run(target, context=context, options=options)


def wait_for_save(page, saved: dict, path: str | None = None) -> None:
    """Wait (up to 10 s) until `saved` holds `path`, or any file."""
    for _ in range(100):
        if (path in saved) if path else saved:
            return
        page.wait_for_timeout(100)


def settle_after_save(page, form_id: str) -> None:
    """After a save, wait until Decap has read the saved entry back into a new form (the title
    field `form_id` of the form saved from is replaced); if it does not within 10 s, leave the
    editor, so that the next open_content_file loads it afresh and no late answer of the old
    entry fills the next one's form."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            "([prefix, old]) => { const f = document.querySelector(`[id^='${prefix}']`); return f && f.id !== old; }",
            arg=[TITLE_FIELD_ID, form_id], timeout=10_000)
    except PlaywrightTimeout:
        page.goto("about:blank")


def save_and_send_for_review(page) -> None:
    """The writer, on an entry being edited: บันทึก, then สถานะ: ร่าง > ส่งให้หัวหน้าตรวจ."""
    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)
    page.get_by_text("สถานะ: ร่าง").click()
    page.get_by_role("menuitem", name="ส่งให้หัวหน้าตรวจ").click()
    page.get_by_text("สถานะ: ส่งให้หัวหน้าตรวจ").wait_for()


def editor_context_page(browser, editor):
    """A page of a new browser context on `editor` as a writer in Bangkok on a desktop sees it,
    its problems recorded; for an editor fixture of a module's own. Close it with close_editor_page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH", timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.recorder = record(page, editor.url)
    page.site_contexts = []
    return page


def site_page(page):
    """A page for the site the editor serves, beside the editor's `page`, in a browser context
    of its own. A second page of the editor's context would send the editor's page to the
    background, where Chromium holds back its animation frames: every click there then waited
    about 4 s for them. Closed with `page` by close_editor_page."""
    context = page.context.browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    page.site_contexts.append(context)
    return context.new_page()


def close_editor_page(page) -> None:
    """Close the context of a page from editor_context_page, and those of its site_page."""
    for context in page.site_contexts:
        context.close()
    page.context.close()


def approve_and_publish(page) -> None:
    """The supervisor, on an entry sent for review: approve it, then publish it now."""
    page.get_by_text("สถานะ: ส่งให้หัวหน้าตรวจ").click()
    page.get_by_role("menuitem", name="หัวหน้าอนุมัติแล้ว").click()
    page.get_by_text("สถานะ: หัวหน้าอนุมัติแล้ว").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="เผยแพร่", exact=True).click()
    page.get_by_role("menuitem", name="เผยแพร่ทันที").click()
    page.get_by_text("เนื้อหาถูกเผยแพร่").wait_for(timeout=60_000)


def screenshot_dir() -> Path | None:
    """Where the tests save the screenshots of the authors' guide (EDITOR_SCREENSHOTS), if set."""
    folder = os.environ.get("EDITOR_SCREENSHOTS")
    return Path(folder) if folder else None
