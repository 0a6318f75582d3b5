"""The live preview's early page (tools/early_page.py): the edited release is written before the
rest of the site, and it is the page the whole run then writes, byte for byte."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest

from tools.preview import PreviewSite, SiteWatcher

ROOT = Path(__file__).resolve().parent.parent.parent


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 2  # a clearly newer mtime even on coarse file systems
    os.utime(path, (later, later))


def _split(text: str) -> tuple[str, str]:
    head, _, body = text.partition("\n\n")
    return head, body


# Edits a writer makes to a release's body, each keeping its metadata as it was.
EDITS = {
    "a paragraph at the end": lambda body, other: body + "\n\nผู้สนใจสอบถามรายละเอียดเพิ่มเติมได้ที่สายด่วน 1546 ในวันและเวลาราชการ\n",
    "a new first sentence (a new summary)": lambda body, other:
        "ศูนย์ปฏิบัติการต่อต้านการทุจริตขอแจ้งความคืบหน้าเพิ่มเติมดังนี้ " + body,
    "a link to another release": lambda body, other:
        body + f"\n\nอ่านประกอบ [ข่าวที่เกี่ยวข้อง]({{filename}}/{other}) ซึ่งเผยแพร่ก่อนหน้านี้\n",
    "a table": lambda body, other: body + (
        "\n\n| ไตรมาส | เรื่องร้องเรียน | ดำเนินการแล้ว |\n|---|---:|---:|\n| 1 | 12 | 10 |\n| 2 | 9 | 9 |\n"),
    "a typing error the build fixes": lambda body, other:
        body + "\n\nเจ้าหน้าที่กระทรวงเเรงงานร่วมตรวจสอบเอกสารทุกฉบับ\n",
    "a person's name": lambda body, other:
        body + "\n\nนางสาวพิมพ์ชนก วงศ์สุวรรณรัตน์ และ Mr. Aung Kyaw Htun ร่วมเป็นวิทยากร\n",
    "the last paragraph removed": lambda body, other:
        body.rstrip().rsplit("\n\n", 1)[0] + "\n" if "\n\n" in body.strip() else body + "\nเพิ่มเติม\n",
}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    """The sample site (content/), copied, in a preview kept for the module."""
    return _preview_of_samples(tmp_path_factory.mktemp("early"))


def _preview_of_samples(base: Path):
    """The sample site copied into `base` (with a draft), fully built in a live preview."""
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    # A release being written: a draft, previewed under drafts/ (as `invoke new-post` starts one).
    (content / "news" / "draft-hotline-week-2569.md").write_text(
        "Title: สัปดาห์รณรงค์สายด่วนแจ้งเบาะแสการทุจริต\nDate: 2569-11-20 09:00\nCategory: ข่าวกิจกรรม\n"
        "Tags: สายด่วน, รณรงค์\nStatus: draft\n\n"
        "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน เตรียมจัดสัปดาห์รณรงค์ให้ประชาชนรู้จักช่องทางแจ้งเบาะแส\n\n"
        "นายธนากร ศรีวิเศษ ผู้อำนวยการศูนย์ฯ กล่าวว่า ทุกเรื่องที่แจ้งเข้ามาจะได้รับการตรวจสอบภายในเจ็ดวันทำการ\n",
        encoding="utf-8")
    overrides = {"PATH": str(content), "CACHE_PATH": str(base / "cache"), "THAI_SEARCH_ENABLED": False}
    site = PreviewSite(ROOT / "pelicanconf.py", base / "output", overrides=overrides, quiet=True)
    report = site.full_build()
    assert report.ok, report.errors
    return site, content


def test_the_early_page_is_the_page_of_the_whole_run_for_every_release_and_edit(sample_site):
    site, content = sample_site
    releases = sorted(site.last_run.articles)
    assert len(releases) >= 15 and any("/drafts/" in str(site.output_of(p)) for p in releases)
    names = [Path(p).relative_to(content).as_posix() for p in releases]
    kinds = list(EDITS)
    for i, source in enumerate(releases):
        for kind in (kinds[(i + k) % len(kinds)] for k in range(3)):  # every kind on 6 releases or more
            path = Path(source)
            head, body = _split(path.read_text(encoding="utf-8"))
            other = names[(i + 1) % len(names)]
            _save(path, head + "\n\n" + EDITS[kind](body, other))
            report = site.refresh()
            assert report.ok, (path.name, kind, report.errors)
            assert report.early_page == site.output_of(source).relative_to(site.output).as_posix(), (path.name, kind)
            assert report.early_same, f"{path.name}, {kind}: the early page differs from the run's"


def test_no_early_page_when_metadata_changes(sample_site):
    site, content = sample_site
    source = Path(sorted(site.last_run.articles)[0])
    text = source.read_text(encoding="utf-8")
    head, body = _split(text)
    title = next(line for line in head.splitlines() if line.startswith("Title:"))
    _save(source, text.replace(title, title + " (ฉบับแก้ไข)", 1))
    report = site.refresh()
    assert report.ok and report.early_page is None
    assert "(ฉบับแก้ไข)" in site.output_of(source).read_text(encoding="utf-8")
    _save(source, text)
    assert site.refresh().early_page is None  # the title back: metadata changed again


def test_no_early_page_for_two_saves_a_new_file_or_an_error(sample_site):
    site, content = sample_site
    first, second = (Path(p) for p in sorted(site.last_run.articles)[1:3])
    for path in (first, second):
        _save(path, path.read_text(encoding="utf-8") + "\nอีกหนึ่งย่อหน้าที่บันทึกพร้อมกัน\n")
    report = site.refresh()
    assert report.ok and report.early_page is None and len(report.changed) == 2

    new = content / "news" / "early-new-release.md"
    _save(new, "Title: ข่าวใหม่ทดสอบการแสดงผลก่อน\nDate: 2569-06-01 10:00\nCategory: ข่าวกิจกรรม\n"
               "Tags: ทดสอบ\n\nเนื้อข่าวใหม่สำหรับทดสอบ\n")
    report = site.refresh()
    assert report.ok and report.early_page is None and site.output_of(new).is_file()

    # An ERROR (a date that does not exist) keeps the last good page: nothing is written early.
    good = site.output_of(first).read_bytes()
    head, body = _split(first.read_text(encoding="utf-8"))
    broken = "\n".join("Date: 2568-02-30 10:00" if line.startswith("Date:") else line for line in head.splitlines())
    _save(first, broken + "\n\n" + body + "\nย่อหน้าที่ไม่ควรแสดง\n")
    report = site.refresh()
    assert report.early_page is None and report.kept_last_good
    assert site.output_of(first).read_bytes() == good


def test_the_live_server_reloads_once_when_the_early_page_stands(sample_site):
    """Started (as the live server starts it), the watcher has the browser reloaded when the
    page is written first, and not again when the run wrote the same page and no other."""
    from livereload.handlers import LiveReloadHandler

    site, content = sample_site
    watcher = SiteWatcher(site, stream=io.StringIO())
    watcher._started = True  # as `start` leaves it; the rebuild is run here in this thread
    source = Path(sorted(site.last_run.articles)[3])
    _save(source, source.read_text(encoding="utf-8") + "\nย่อหน้าเพิ่มเพื่อทดสอบการโหลดหน้าใหม่\n")
    seen = []
    queue_early = watcher._early

    def early(name):  # the server looks while the rebuild goes on
        queue_early(name)
        seen.append(watcher.examine())

    watcher._early = early
    browser = object()
    LiveReloadHandler.waiters.add(browser)
    try:
        watcher._rebuild()
        page = site.output_of(source).relative_to(site.output).as_posix()
        assert seen == [(page, None)]  # livereload reloaded the browser then
        assert watcher.examine() == (None, None)  # the run wrote the same page: no second reload
        assert "the edited page in" in watcher.stream.getvalue()
    finally:
        LiveReloadHandler.waiters.discard(browser)
    assert not list(site.output.rglob("*.part")), "a page was left half moved"


def test_the_rebuild_gives_way_while_the_browser_loads_the_page():
    """After the early page the rebuild's thread waits while the server answers the browser: not
    while a request is open, and not long when no browser comes."""
    import threading

    from tools.preview_panel import Requests

    requests = Requests()
    waiting = threading.Thread(target=requests.give_way, kwargs={"come_within": 60, "quiet": 0.05, "longest": 60})
    waiting.start()
    requests.started()  # the browser asks for the page
    time.sleep(0.3)
    assert waiting.is_alive(), "the rebuild went on while the page was being sent"
    requests.finished()
    waiting.join(timeout=20)
    assert not waiting.is_alive()

    nobody = threading.Thread(target=requests.give_way, kwargs={"come_within": 0.05, "quiet": 0.05, "longest": 60})
    nobody.start()
    nobody.join(timeout=20)
    assert not nobody.is_alive(), "the rebuild waited for a browser that did not come"


def test_a_reload_waits_for_a_browser_between_two_pages(tmp_path):
    """When the rebuild has something to show while the browser is between two pages (no live
    connection), the reload is kept for it, and what is ready by then makes one reload. (A site
    of its own: the module's shared one holds what the tests before did to it.)"""
    from livereload.handlers import LiveReloadHandler

    site, content = _preview_of_samples(tmp_path)
    watcher = SiteWatcher(site, stream=io.StringIO())
    watcher._started = True
    # The newest release: the feeds carry its body, so the run renders more than its page and
    # has a second thing to show (whichever releases the site holds). Its last "และ" becomes
    # "หรือ": a word for a word, so what lists show of it stays (a paragraph added once took a
    # release's reading time from 2 minutes to 3, and every list that shows it was rendered).
    published = {path: a for path, a in site.last_run.articles.items() if a.status == "published"}
    source = Path(max(published, key=lambda path: (published[path].date, path)))
    text = source.read_text(encoding="utf-8")
    at = text.rindex("และ")
    _save(source, text[:at] + "หรือ" + text[at + len("และ"):])
    watcher._rebuild()
    assert LiveReloadHandler.waiters == set()
    assert watcher.examine() == (None, None) and len(watcher._ready) == 2  # kept
    browser = object()
    LiveReloadHandler.waiters.add(browser)
    try:
        page = site.output_of(source).relative_to(site.output).as_posix()
        assert watcher.examine() == (page, None) and not watcher._ready  # one reload for both
        assert watcher.examine() == (None, None)
    finally:
        LiveReloadHandler.waiters.discard(browser)
