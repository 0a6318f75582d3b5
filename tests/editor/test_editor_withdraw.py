"""A published release leaves the site only through the supervisor's review.

Decap's editorial workflow opens a pull request for every change to a release, except two: the
"delete published entry" button and the "unpublish" item of the published menu commit the removal
straight to the branch the site is built from (decaporg/decap-cms#5650, #6549). A writer could so
take down a release, and its address, without a supervisor. The editor offers neither; a writer
withdraws a release by setting its status to ร่าง, which goes through review like any edit
(docs/authors/04-review-and-publish.md). Against `invoke editor` in a throwaway repository, in
headless Chromium: the buttons are not there; the withdrawal waits on its own branch and changes
one line; once the supervisor publishes it, the release's page is gone from the site.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import approve_and_publish, log_in, save_and_send_for_review, site_page

pytestmark = pytest.mark.browser

RELEASE = "content/news/complaint-channel-launch-2564.md"
SLUG = "complaint-channel-launch-2564"
TITLE = "เปิดช่องทางร้องเรียนการทุจริตออนไลน์ ติดตามสถานะเรื่องได้ด้วยตนเอง"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _wait_for_status(site, url: str, status: int) -> int:
    deadline = time.monotonic() + 180
    while True:
        got = site.goto(url).status
        if got == status or time.monotonic() > deadline:
            return got
        time.sleep(2)


def test_a_published_release_is_withdrawn_only_through_review(editor, editor_page):
    page = editor_page
    url = f"{editor.url}/news/{SLUG}/"
    site = site_page(page)
    assert _wait_for_status(site, url, 200) == 200
    main_before = _git(editor.repo, "rev-parse", "main").strip()
    original = editor.show("main", RELEASE).decode("utf-8")

    log_in(page, editor)
    page.goto(f"{editor.url}/admin/#/collections/news/entries/{SLUG}")
    expect(page.get_by_label("ชื่อข่าว")).to_have_value(TITLE)
    # Neither of Decap's ways to remove a published release from the branch itself is offered.
    expect(page.get_by_role("button", name="บันทึก").first).to_be_visible()
    assert page.get_by_text("ลบเนื้อหาที่เผยแพร่แล้ว").count() == 0
    page.get_by_text("เผยแพร่แล้ว", exact=True).click()
    expect(page.get_by_role("menuitem", name="ทำซ้ำ")).to_be_visible()  # the menu is open
    assert page.get_by_role("menuitem", name="ไม่ได้เผยแพร่").count() == 0
    page.keyboard.press("Escape")

    # The writer withdraws it: status ร่าง, saved, sent for review. The site's branch is untouched.
    page.get_by_label("สถานะ").click()
    page.get_by_text("ร่าง (ยังไม่เผยแพร่แม้หัวหน้าอนุมัติแล้ว)", exact=True).click()
    save_and_send_for_review(page)
    assert _git(editor.repo, "rev-parse", "main").strip() == main_before
    branches = [b for b in editor.branches() if b.endswith(SLUG)]
    assert len(branches) == 1, editor.branches()
    assert editor.files(branches[0]) == [RELEASE]
    withdrawn = editor.show(branches[0], RELEASE).decode("utf-8")
    assert withdrawn == original.replace("\n\n", "\nStatus: draft\n\n", 1), withdrawn[:600]
    assert site.goto(url).status == 200  # still on the site while it waits for review

    # The supervisor approves and publishes the withdrawal: the release's page is gone.
    approve_and_publish(page)
    try:
        assert _wait_for_status(site, url, 404) == 404
        site.goto(editor.url + "/")
        assert TITLE not in site.locator("main").inner_text().replace("\u200b", "")
        assert page.recorder.problems() == []
    finally:
        # Give the other tests of the session their release back (on the branch; the site is
        # built again at the next publication).
        assert _git(editor.repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
        (editor.repo / RELEASE).write_text(original, encoding="utf-8")
        _git(editor.repo, "commit", "-q", "-am", "Put the withdrawn sample release back")
