"""End to end: a PR officer writes a release with five phone photos and sends it for review;
a supervisor approves and publishes it; the site shows it.

Against `invoke editor` in a throwaway repository, in headless Chromium. The branch the editor
opens must hold exactly the release (our `Key: value` format) and its photos (upright, without
any metadata, capped at 2560 px), `invoke check` must pass on it, and after publishing, the site
built by the editor's server shows the release with its B.E. date and its gallery.

The steps and seconds from login to "sent for review" are printed (pytest -s shows them); the
closing note of issue 12 reports them. No time is asserted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from tests.editor.conftest import approve_and_publish, log_in, screenshot_dir, site_page
from tests.editor.photos import has_metadata, phone_photo

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TITLE = "ศปท. แรงงาน จัดอบรมเจ้าหน้าที่ เรื่องการป้องกันผลประโยชน์ทับซ้อน ประจำปี 2569"
CATEGORY = "ข่าวกิจกรรม"
TAGS = ["ผลประโยชน์ทับซ้อน", "ฝึกอบรมเจ้าหน้าที่"]
CAPTIONS = [
    "ผู้อำนวยการศูนย์ฯ เปิดการอบรม ณ ห้องประชุมชั้น 3",
    "วิทยากรอธิบายตัวอย่างกรณีผลประโยชน์ทับซ้อนในงานจัดซื้อ",
    "เจ้าหน้าที่แบ่งกลุ่มวิเคราะห์กรณีศึกษา",
    "ตัวแทนกลุ่มนำเสนอแนวทางรายงานต่อผู้บังคับบัญชา",
    "ผู้เข้าอบรมถ่ายภาพร่วมกันหลังจบกิจกรรม",
]
MAX_EDGE = 2560


def be_yesterday() -> tuple[str, dt.datetime]:
    """`2569-12-01 09:30`: yesterday at 09:30 in Bangkok, so the release is not held back."""
    moment = (dt.datetime.now(ZoneInfo("Asia/Bangkok")) - dt.timedelta(days=1)).replace(hour=9, minute=30)
    return f"{moment.year + 543}-{moment:%m-%d} 09:30", moment


@pytest.fixture(scope="module")
def phone_photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phone")
    return [phone_photo(folder / f"IMG_{2041 + i}.JPG", seed=i) for i in range(5)]


class Steps:
    """The author's steps, timed from login."""

    def __init__(self):
        self.start = time.monotonic()
        self.done: list[tuple[str, float]] = []

    def __call__(self, name: str) -> None:
        self.done.append((name, time.monotonic() - self.start))

    def report(self) -> str:
        return "\n".join(f"{n}. {name} ({seconds:.1f} s)" for n, (name, seconds) in enumerate(self.done, 1))


def shot(page, name: str, locator=None) -> None:
    folder = screenshot_dir()
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        (locator or page).screenshot(path=str(folder / name))


def write_body(page) -> None:
    body = page.locator("[data-slate-editor]").first
    body.click()
    page.keyboard.type("ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน จัดอบรมเจ้าหน้าที่ 60 คน "
                       "เรื่องการป้องกันผลประโยชน์ทับซ้อนในการปฏิบัติงาน")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="หัวข้อ", exact=True).click()
    page.get_by_role("menuitem", name="หัวข้อ 2").click()
    page.keyboard.type("สาระสำคัญของการอบรม")
    page.keyboard.press("Enter")
    page.get_by_title("รายการแบบไม่มีหมายเลข").click()
    page.keyboard.type("การระบุสถานการณ์ที่อาจเกิดผลประโยชน์ทับซ้อน")
    page.keyboard.press("Enter")
    page.keyboard.type("การรายงานต่อผู้บังคับบัญชาเป็นลายลักษณ์อักษร")


def test_release_with_five_photos_from_login_to_publication(editor, editor_page, phone_photos):
    page = editor_page
    date_text, moment = be_yesterday()
    page.goto(editor.url + "/admin/")
    shot(page, "01-login.png")
    steps = Steps()
    log_in(page, editor)
    steps("เข้าสู่ระบบ")

    page.get_by_label("สร้างเนื้อหาประเภท ข่าว").click()
    page.get_by_label("ชื่อข่าว").wait_for()
    steps("สร้างข่าวใหม่")
    shot(page, "02-new-release.png")

    page.get_by_label("ชื่อข่าว").fill(TITLE)
    page.get_by_label("วันที่").fill(date_text)
    page.get_by_label("หมวด").click()
    page.get_by_text(CATEGORY, exact=True).click()
    tags = page.get_by_label("ป้ายกำกับ (ทางเลือก)")
    for tag in TAGS:
        tags.fill(tag)
        tags.press("Enter")
    steps("ชื่อข่าว วันที่ หมวด และป้ายกำกับ")
    shot(page, "03-fields.png")

    page.locator(".zc-photos input[type=file]").set_input_files([str(p) for p in phone_photos])
    page.get_by_label("คำบรรยายภาพที่ 5").wait_for(timeout=120_000)
    steps("เลือกภาพ 5 ภาพพร้อมกัน")
    for number, caption in enumerate(CAPTIONS, 1):
        page.get_by_label(f"คำบรรยายภาพที่ {number}").fill(caption)
    steps("พิมพ์คำบรรยายใต้ภาพ")
    shot(page, "04-photos.png", page.locator(".zc-photos"))

    write_body(page)
    steps("เขียนเนื้อข่าว (มีหัวข้อและรายการ) ดูตัวอย่างทางขวา")
    shot(page, "05-body-and-preview.png")

    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("สถานะ: ร่าง").wait_for(timeout=60_000)
    steps("บันทึก")
    page.get_by_text("สถานะ: ร่าง").click()
    shot(page, "06-send-for-review.png")
    page.get_by_role("menuitem", name="ส่งให้หัวหน้าตรวจ").click()
    page.get_by_text("สถานะ: ส่งให้หัวหน้าตรวจ").wait_for()
    steps("ส่งให้หัวหน้าตรวจ")
    timings = page.evaluate("window.ZeroCorruptionEditor.photoTimings")
    print("\nจากเข้าสู่ระบบถึงส่งให้หัวหน้าตรวจ / from login to sent for review:\n" + steps.report())
    print("เตรียมภาพในเบราว์เซอร์ / photo preparation (ms):", [round(t["ms"]) for t in timings])

    # -- the branch: exactly the release and its photos ---------------------------------------
    branches = editor.branches()
    assert len(branches) == 1, branches
    branch = branches[0]
    assert editor.status(branch) == "decap-cms/pending_review"
    files = editor.files(branch)
    articles = [f for f in files if f.startswith("content/news/")]
    photos = [f for f in files if f.startswith("content/galleries/")]
    assert len(articles) == 1 and len(photos) == 5 and len(files) == 6, files
    article = articles[0]
    stem = Path(article).stem
    assert unicodedata.normalize("NFC", stem).startswith("ศปท-แรงงาน-จัดอบรมเจ้าหน้าที่")
    text = editor.show(branch, article).decode("utf-8")
    header, _, body = text.partition("\n\n")
    gallery = Path(photos[0]).parent.name
    assert gallery.startswith(stem) and all(Path(p).parent.name == gallery for p in photos)
    names = [f"img-{2041 + i}.jpg" for i in range(5)]
    assert sorted(Path(p).name for p in photos) == names
    assert header.splitlines() == [
        f"Title: {TITLE}",
        f"Date: {date_text}",
        f"Category: {CATEGORY}",
        f"Tags: {', '.join(TAGS)}",
        "Status: published",
        f"Gallery: {gallery}",
        f"Captions: {names[0]}: {CAPTIONS[0]}",
        *[f"    {name}: {caption}" for name, caption in zip(names[1:], CAPTIONS[1:])],
    ]
    assert re.search(r"^## สาระสำคัญของการอบรม$", body, re.M), body
    assert re.search(r"^[-*] การระบุสถานการณ์ที่อาจเกิดผลประโยชน์ทับซ้อน$", body, re.M), body
    assert re.search(r"^[-*] การรายงานต่อผู้บังคับบัญชาเป็นลายลักษณ์อักษร$", body, re.M), body
    assert text.endswith("\n") and "<" not in body

    for path in photos:
        data = editor.show(branch, path)
        assert has_metadata(data) == [], path
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG" and not image.getexif()
            assert image.size == (MAX_EDGE, MAX_EDGE * 3 // 4), (path, image.size)  # upright, capped
            rgb = image.convert("RGB")
            w, h = rgb.size
            red, blue, green = rgb.getpixel((w // 2, h // 4)), rgb.getpixel((w // 2, 3 * h // 4)), rgb.getpixel((w // 40, w // 40))
            assert red[0] > 150 > red[2] and blue[2] > 150 > blue[0] and green[1] > 120 > green[0], (red, blue, green)

    # -- invoke check passes on the branch -----------------------------------------------------
    worktree = editor.repo.parent / "review"
    subprocess.run(["git", "-C", str(editor.repo), "worktree", "add", "-q", str(worktree), branch], check=True)
    check = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=worktree, capture_output=True, text=True)
    subprocess.run(["git", "-C", str(editor.repo), "worktree", "remove", "--force", str(worktree)], check=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "ข้อผิดพลาด 0 รายการ" in check.stdout

    # -- the supervisor approves and publishes; the site is built again ------------------------
    page.goto(editor.url + "/admin/#/workflow")
    page.get_by_text("รอหัวหน้าตรวจ").wait_for()
    shot(page, "07-supervisor-workflow.png")
    page.get_by_role("link", name=re.compile("ศปท. แรงงาน จัดอบรมเจ้าหน้าที่")).first.click()
    approve_and_publish(page)
    page.get_by_label("ชื่อข่าว").wait_for()
    shot(page, "08-published.png")

    from thai_text.slugs import make_slug

    url = f"{editor.url}/news/{make_slug(unicodedata.normalize('NFC', stem))}/"
    site = site_page(page)
    deadline = time.monotonic() + 180
    while True:
        response = site.goto(url)
        if response.status == 200 or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert response.status == 200, url
    assert site.locator("h1").inner_text().replace("\u200b", "") == TITLE
    weekday = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"][moment.weekday()]
    months = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
              "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
    shown = f"วัน{weekday}ที่ {moment.day} {months[moment.month - 1]} พ.ศ. {moment.year + 543}"
    assert shown in site.locator(".article-meta").inner_text()
    captions = [c.replace("\u200b", "") for c in site.locator(".gallery-caption").all_inner_texts()]
    assert captions == CAPTIONS
    assert site.locator(".gallery-item img").count() == 5
    shot(site, "09-on-the-site.png")
    assert page.recorder.problems() == []
