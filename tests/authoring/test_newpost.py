"""`invoke new-post` (tools/newpost.py): what it writes passes the check and builds."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from tools import check
from tools.newpost import NewPostError, be_datetime, create_post, report

from thai_date.formats import DEFAULT_TIMEZONE  # noqa: E402  (plugins/ is on sys.path now)

BANGKOK = ZoneInfo(DEFAULT_TIMEZONE)
TITLE = "ศปท. กระทรวงแรงงาน จัดอบรมเจ้าหน้าที่ เรื่องการป้องกันผลประโยชน์ทับซ้อน"


@pytest.fixture(scope="module")
def settings():
    return check.load_settings()


def test_date_is_buddhist_era_in_bangkok():
    utc = dt.datetime(2026, 11, 22, 3, 15, tzinfo=dt.timezone.utc)
    assert be_datetime(utc) == "2569-11-22 10:15"
    late = dt.datetime(2026, 12, 31, 20, 5, tzinfo=dt.timezone.utc)  # already 1 January in Bangkok
    assert be_datetime(late) == "2570-01-01 03:05"


def test_new_post_has_every_field_and_a_romanised_slug(tmp_path, settings):
    now = dt.datetime(2026, 11, 22, 10, 15, tzinfo=BANGKOK)
    post = create_post(TITLE, content_dir=tmp_path / "content", category="ข่าวกิจกรรม",
                       categories=settings["CATEGORIES"], now=now)
    assert post.path == tmp_path / "content" / "news" / f"{post.slug}.md"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", post.slug) and len(post.slug) <= 60
    text = post.path.read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0].splitlines()
    assert head == [
        f"Title: {TITLE}",
        "Date: 2569-11-22 10:15",
        "Category: ข่าวกิจกรรม",
        "Tags: ต่อต้านการทุจริต",
        f"Slug: {post.slug}",
        "Author: กลุ่มงานประชาสัมพันธ์ ศปท.",
        "Status: draft",
    ]
    assert "Summary" not in text
    assert "## รายละเอียด" in text  # a Thai body template to replace
    assert str(post.path.relative_to(tmp_path)) in report(post, tmp_path)


def test_the_slug_is_the_one_the_build_gives(tmp_path, settings):
    custom = {**settings, "THAI_TEXT_ROMANIZATION": {"ข่าว": "news"}}
    post = create_post("ข่าวกิจกรรมเปิดบ้าน", content_dir=tmp_path / "content", settings=custom)
    assert post.slug.startswith("news-")
    assert not create_post("ข่าวกิจกรรมเปิดบ้าน", content_dir=tmp_path / "other").slug.startswith("news-")


def test_refuses_to_overwrite(tmp_path):
    content = tmp_path / "content"
    first = create_post(TITLE, content_dir=content, slug="same-slug")
    first.path.write_text("งานของผู้เขียน", encoding="utf-8")
    with pytest.raises(NewPostError, match="ไม่เขียนทับ"):
        create_post("ข่าวอีกเรื่อง", content_dir=content, slug="same-slug")
    assert first.path.read_text(encoding="utf-8") == "งานของผู้เขียน"
    # Without --slug, a second post with the same title gets its own file.
    again = create_post(TITLE, content_dir=content)
    twice = create_post(TITLE, content_dir=content)
    assert again.path != twice.path and twice.slug.endswith("-2")


def test_refuses_bad_input(tmp_path, settings):
    with pytest.raises(NewPostError):
        create_post("", content_dir=tmp_path)
    with pytest.raises(NewPostError, match="ประกาศ"):
        create_post(TITLE, content_dir=tmp_path, category="ข่าวทั่วไป", categories=settings["CATEGORIES"])
    with pytest.raises(NewPostError):
        create_post(TITLE, content_dir=tmp_path, slug="ชื่อไทย")
    assert not (tmp_path / "news").exists() or not any((tmp_path / "news").iterdir())


def test_gallery_folder_and_where_to_put_photos(tmp_path):
    post = create_post(TITLE, content_dir=tmp_path / "content", gallery="training-2569")
    folder = tmp_path / "content" / "galleries" / "training-2569"
    assert post.gallery_dir == folder and folder.is_dir()
    assert "Gallery: training-2569" in post.text
    captions = (folder / "captions.txt").read_text(encoding="utf-8")
    assert all(line.startswith("#") for line in captions.splitlines())  # only explanations
    message = report(post, tmp_path)
    assert "content/galleries/training-2569/" in message and "วางภาพถ่าย" in message


def test_new_post_passes_the_check_and_builds(tmp_path, settings, build_site):
    content = tmp_path / "content"
    post = create_post(TITLE, content_dir=content, categories=settings["CATEGORIES"])
    gallery_post = create_post("เปิดบ้านศูนย์ฯ ต้อนรับนักศึกษา", content_dir=content, gallery="visit-2569")
    problems = check.check_content(content, settings)
    # Only what the author still has to do: put photos in the new gallery folder.
    assert [(p.file, p.rule, p.severity) for p in problems] == [
        ("content/galleries/visit-2569", "gallery", "warning")]

    result = build_site({})
    assert result.ok, result.errors
    for made in (post, gallery_post):
        page = result.output / "drafts" / made.slug / "index.html"
        assert page.is_file()  # drafts are built for preview...
        assert not (result.output / "news" / made.slug).exists()  # ...and never published
    html = (result.output / "drafts" / post.slug / "index.html").read_text(encoding="utf-8")
    assert "ประโยชน์" in html
