"""A copy of a release (Decap's ทำซ้ำ) is a new release, and touches nothing of the original.

A PR officer writes the second session of a training from the release of the first: open it,
เผยแพร่แล้ว > ทำซ้ำ, change the title, add a photo, save. Decap copies every value of the
original, so the copy used to be saved with the original's `Slug:` (two releases at one address),
`Modified:`, date, `Gallery:` and captions, its ข่าวเด่น (`Featured_until:`) (the copy's photos went into the original's gallery
folder) and, for a release imported from WordPress, its `Old_url:` and `Guid:`. Against
`invoke editor` in a throwaway repository, in headless Chromium: the copy keeps the text,
category, tags, summary and author, starts at the current time with no photos, and its branch
holds a new file and a new gallery folder only; a writer can still throw the copy away.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.editor.conftest import log_in
from tests.editor.photos import phone_photo

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "content/news/wp-2562-integrity-week.md"
# An imported WordPress release (docs/authors/07-wordpress.md) with a gallery of its own.
ORIGINAL = """\
Title: สัปดาห์คุณธรรม ศปท. แรงงาน รุ่นที่ 1
Date: 2562-08-05 09:00
Modified: 2562-08-09 16:20
Category: ข่าวกิจกรรม
Tags: คุณธรรมจริยธรรม, ฝึกอบรม
Slug: integrity-week-2562
Author: กลุ่มงานประชาสัมพันธ์ ศปท.
Summary: เจ้าหน้าที่ 80 คนร่วมกิจกรรมสัปดาห์คุณธรรม ฝึกวิเคราะห์กรณีศึกษาการรับของขวัญ
Featured_until: 2562-08-20
Old_url: https://zerocorruption.mol.go.th/2019/08/integrity-week/
Guid: https://zerocorruption.mol.go.th/?p=1187
Gallery: integrity-training-2566
Captions: {first}: ผู้เข้าอบรมรับฟังการบรรยาย

ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน จัดกิจกรรมสัปดาห์คุณธรรม รุ่นที่ 1
ให้เจ้าหน้าที่จากทุกกรม 80 คน ฝึกวิเคราะห์กรณีศึกษาการรับของขวัญและการปฏิเสธผลประโยชน์

## กิจกรรมตลอดสัปดาห์

- บรรยายเรื่องประมวลจริยธรรมข้าราชการพลเรือน
- แบ่งกลุ่มวิเคราะห์กรณีศึกษา
"""
NEW_TITLE = "สัปดาห์คุณธรรม ศปท. แรงงาน รุ่นที่ 2"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "core.quotePath=false", *args], check=True,
                          capture_output=True, text=True).stdout


def test_a_copy_is_a_new_release_and_leaves_the_original_alone(editor, editor_page, tmp_path):
    page = editor_page
    on_disk = sorted(p.name for p in (ROOT / "content/galleries/integrity-training-2566").iterdir()
                     if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"})
    original = ORIGINAL.format(first=on_disk[0])
    (editor.repo / SOURCE).write_text(original, encoding="utf-8")
    _git(editor.repo, "add", SOURCE)
    _git(editor.repo, "commit", "-q", "-m", "An imported release to copy")
    try:
        main_before = _git(editor.repo, "rev-parse", "main").strip()
        log_in(page, editor)
        page.goto(f"{editor.url}/admin/#/collections/news/entries/{Path(SOURCE).stem}")
        title = page.get_by_label("ชื่อข่าว")
        expect(title).to_have_value("สัปดาห์คุณธรรม ศปท. แรงงาน รุ่นที่ 1")
        expect(page.locator(".zc-photo")).to_have_count(len(on_disk))
        page.get_by_text("เผยแพร่แล้ว", exact=True).click()
        page.get_by_role("menuitem", name="ทำซ้ำ").click()

        # The copy: the original's title and text, a date of today, no photos, a note on what it is.
        expect(page.locator(".zc-address")).to_contain_text("คัดลอกมาจากข่าวเดิม")
        expect(title).to_have_value("สัปดาห์คุณธรรม ศปท. แรงงาน รุ่นที่ 1")
        expect(page.get_by_label("วันที่")).not_to_have_value("2562-08-05 09:00")
        expect(page.locator(".zc-photo")).to_have_count(0)
        expect(page.get_by_label("ข่าวเด่นจนถึง")).to_have_value("")  # the original's pin stays its own
        title.fill(NEW_TITLE)
        photo = phone_photo(tmp_path / "IMG_3310.JPG", seed=7)
        page.locator(".zc-photos input[type=file]").set_input_files(str(photo))
        page.get_by_label("คำบรรยายภาพที่ 1").fill("ผู้อำนวยการศูนย์ฯ เปิดกิจกรรมรุ่นที่ 2")
        page.get_by_role("button", name="บันทึก").first.click()
        page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)

        assert _git(editor.repo, "rev-parse", "main").strip() == main_before
        branches = [b for b in editor.branches() if "รุ่นที่-2" in b]
        assert len(branches) == 1, editor.branches()
        files = editor.files(branches[0])
        articles = [f for f in files if f.endswith(".md")]
        photos = [f for f in files if f.startswith("content/galleries/")]
        assert len(articles) == 1 and len(photos) == 1 and len(files) == 2, files
        assert articles[0] != SOURCE
        gallery = Path(photos[0]).parent.name
        assert gallery != "integrity-training-2566" and gallery.startswith(Path(articles[0]).stem), photos
        text = editor.show(branches[0], articles[0]).decode("utf-8")
        header, _, body = text.partition("\n\n")
        keys = [line.split(":", 1)[0] for line in header.splitlines() if not line.startswith(" ")]
        assert keys == ["Title", "Date", "Category", "Tags", "Summary", "Author", "Gallery", "Captions"], header
        lines = dict(line.split(": ", 1) for line in header.splitlines() if not line.startswith(" "))
        assert lines["Title"] == NEW_TITLE
        assert lines["Date"] != "2562-08-05 09:00" and lines["Date"].startswith("25")
        assert lines["Gallery"] == gallery
        for key in ("Category", "Tags", "Summary", "Author"):
            assert lines[key] in original, key
        assert body == original.partition("\n\n")[2]
        assert page.recorder.problems() == []

        # Thrown away before review: the branch is gone, main as it was.
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="ลบเนื้อหาที่ยังไม่ได้เผยแพร่").click()
        page.wait_for_url("**/collections/news", timeout=60_000)
        assert [b for b in editor.branches() if "รุ่นที่-2" in b] == []
        assert _git(editor.repo, "rev-parse", "main").strip() == main_before
    finally:
        assert _git(editor.repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
        _git(editor.repo, "rm", "-q", SOURCE)
        _git(editor.repo, "commit", "-q", "-m", "Remove the imported release again")
