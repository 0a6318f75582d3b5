"""A writer takes a published photo off the site, through the supervisor's review.

Decap deletes a file of the repository with a commit of its own on the site's branch, so the
editor has no delete for a published photo. Its button ถอนออกจากเว็บไซต์ names the photo in the
release's `Hidden_photos:` (photo_gallery's hidden_photos.py), which goes through review like any
edit; the file stays. Against `invoke editor` in a throwaway repository, in headless Chromium:
the photo leaves the form's list and the preview, the branch holds the release with one line
more and no deleted file, `invoke check` passes on it, แสดงอีกครั้ง brings the photo back, and
the change can be thrown away before review. (That the build then publishes nothing from the
photo: tests/photo_gallery/test_hidden_photos.py.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser

RELEASE = "content/news/integrity-training-2566.md"
SLUG = "integrity-training-2566"


def _git(repo, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def test_a_published_photo_is_taken_off_the_site_through_review(editor, editor_page):
    page = editor_page
    main_before = _git(editor.repo, "rev-parse", "main").strip()
    original = editor.show("main", RELEASE).decode("utf-8")
    log_in(page, editor)
    page.goto(f"{editor.url}/admin/#/collections/news/entries/{SLUG}")
    photos = page.locator(".zc-photos .zc-photo")
    expect(photos).to_have_count(6)
    preview = page.frame_locator("iframe").first.locator(".gallery img")
    expect(preview).to_have_count(6)
    second = photos.nth(1).locator("img").get_attribute("alt")
    hidden_file = second.split("(")[1].rstrip(")")
    page.get_by_role("button", name="ถอนภาพที่ 2 ออกจากเว็บไซต์").click()
    expect(photos).to_have_count(5)
    expect(preview).to_have_count(5)
    hidden = page.locator(".zc-hidden-photos")
    expect(hidden).to_contain_text(hidden_file)
    # Shown again, then taken off once more.
    hidden.get_by_role("button", name=f"แสดงภาพ {hidden_file} อีกครั้ง").click()
    expect(photos).to_have_count(6)
    expect(hidden).to_have_count(0)
    page.get_by_role("button", name="ถอนภาพที่ 2 ออกจากเว็บไซต์").click()
    expect(photos).to_have_count(5)
    found = axe_violations(page, [".zc-photos"])
    assert found.violations_count == 0, found.generate_report()

    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)
    assert _git(editor.repo, "rev-parse", "main").strip() == main_before
    branches = [b for b in editor.branches() if b.endswith(SLUG)]
    assert len(branches) == 1, editor.branches()
    assert editor.files(branches[0]) == [RELEASE]  # no photo deleted, none added
    saved = editor.show(branches[0], RELEASE).decode("utf-8")
    assert saved == original.replace("\n\n", f"\nHidden_photos: {hidden_file}\n\n", 1), saved[:900]

    worktree = editor.repo.parent / "hide-review"
    _git(editor.repo, "worktree", "add", "-q", str(worktree), branches[0])
    try:
        check = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=worktree, capture_output=True, text=True)
    finally:
        _git(editor.repo, "worktree", "remove", "--force", str(worktree))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "ข้อผิดพลาด 0 รายการ" in check.stdout
    assert page.recorder.problems() == []

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="ลบการเปลี่ยนแปลงที่ยังไม่ได้เผยแพร่").click()
    expect(page.get_by_role("button", name="ลบการเปลี่ยนแปลงที่ยังไม่ได้เผยแพร่")).to_have_count(0, timeout=60_000)
    assert [b for b in editor.branches() if b.endswith(SLUG)] == []
    assert _git(editor.repo, "rev-parse", "main").strip() == main_before


def test_the_format_reads_and_writes_hidden_photos(editor, editor_page):
    page = editor_page
    log_in(page, editor)
    text = ("Title: ภาพที่ถอน\nGallery: event\nHidden_photos: p2.jpg, P4.JPG\n    p7.jpg\nCover: p1.jpg\n\n"
            "เนื้อข่าว\n")
    got = page.evaluate(
        """text => {
          const { formatter } = window.ZeroCorruptionEditor.CMS.getCustomFormats()['pelican-markdown'];
          const data = formatter.fromFile(text);
          const back = formatter.toFile(JSON.parse(JSON.stringify(data)));
          const shown = JSON.parse(JSON.stringify(data));
          shown.photos.hidden = shown.photos.hidden.filter(name => name !== 'P4.JPG');
          const merged = window.ZeroCorruptionEditor.gallery.mergePhotos(
            [], [{ file: 'p1.jpg', caption: '' }, { file: 'P2.JPG', caption: '' }, { file: 'p3.jpg', caption: '' }],
            data.photos.hidden).map(p => p.file);
          return { hidden: data.photos.hidden, back, edited: formatter.toFile(shown), merged };
        }""",
        text,
    )
    assert got["hidden"] == ["p2.jpg", "P4.JPG", "p7.jpg"]
    assert got["back"] == text
    assert got["edited"] == text.replace("Hidden_photos: p2.jpg, P4.JPG\n    p7.jpg\n", "Hidden_photos: p2.jpg\n    p7.jpg\n")
    assert got["merged"] == ["p1.jpg", "p3.jpg"]
