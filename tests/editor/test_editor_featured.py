"""A writer makes an older release one of the home page's ข่าวเด่น, through review, to the site.

Against `invoke editor` in a throwaway repository of its own (the other tests' editor keeps the
site as the repository has it), in headless Chromium: the writer opens a
release of 2567, types a day two weeks ahead into ข่าวเด่นจนถึง, saves and sends it for review;
the branch changes that one line only; once the supervisor publishes it, the site's home page
shows the release in its ข่าวเด่น section and not again in the latest news below it.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import (approve_and_publish, close_editor_page, editor_context_page, log_in,
                                   run_editor, save_and_send_for_review, site_page, site_repo)

pytestmark = pytest.mark.browser

RELEASE = "content/news/walk-run-2567.md"
SLUG = "walk-run-2567"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    server = run_editor(site_repo(tmp_path_factory.mktemp("featured-editor") / "site"))
    yield next(server)
    server.close()


@pytest.fixture
def editor_page(browser, editor):
    page = editor_context_page(browser, editor)
    yield page
    close_editor_page(page)


def _home_sections(site, base: str) -> tuple[list[str], list[str]]:
    """The release addresses of the home page's ข่าวเด่น section and of its latest news."""
    site.goto(base + "/")
    links = "els => els.map(a => new URL(a.href).pathname)"
    return (site.eval_on_selector_all("section.highlight .card-title a", links),
            site.eval_on_selector_all("section[aria-labelledby=latest-label] .card-title a", links))


def test_a_release_made_featured_leads_the_home_page_once_published(editor, editor_page):
    page = editor_page
    site = site_page(page)
    address = f"/news/{SLUG}/"
    highlight, _latest = _home_sections(site, editor.url)
    assert address not in highlight
    main_before = _git(editor.repo, "rev-parse", "main").strip()
    original = editor.show("main", RELEASE).decode("utf-8")

    log_in(page, editor)
    page.goto(f"{editor.url}/admin/#/collections/news/entries/{SLUG}")
    expect(page.get_by_label("ชื่อข่าว")).to_have_value(re.compile("แรงงานไทย ใจสะอาด"))
    day = dt.datetime.now(ZoneInfo("Asia/Bangkok")).date() + dt.timedelta(days=14)
    written = f"{day.year + 543}-{day:%m-%d}"
    page.get_by_label("ข่าวเด่นจนถึง").fill(written)
    save_and_send_for_review(page)
    assert _git(editor.repo, "rev-parse", "main").strip() == main_before
    branches = [b for b in editor.branches() if b.endswith(SLUG)]
    assert len(branches) == 1, editor.branches()
    assert editor.files(branches[0]) == [RELEASE]
    pinned = editor.show(branches[0], RELEASE).decode("utf-8")
    lines = pinned.split("\n")
    assert [line for line in lines if line not in original.split("\n")] == [f"Featured_until: {written}"]
    assert _home_sections(site, editor.url)[0] == highlight  # nothing changes before review

    approve_and_publish(page)
    deadline = time.monotonic() + 180
    while True:
        now, latest = _home_sections(site, editor.url)
        if address in now or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert address in now, now
    assert address not in latest
    assert now[-1] == address and len(now) <= 3  # the oldest of the pinned, after newer ones
    assert page.recorder.problems() == []
