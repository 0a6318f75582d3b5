"""A small Thai site built once per module for the theme tests (no galleries, no search index)."""

from __future__ import annotations

import pytest


def _article(slug, title, date, category, tags, body, summary=None, modified=None):
    lines = [f"Title: {title}", f"Date: {date}"]
    if modified:
        lines.append(f"Modified: {modified}")
    lines += [f"Category: {category}", f"Tags: {tags}", f"Slug: {slug}", "Author: กลุ่มงานประชาสัมพันธ์ ศปท."]
    if summary:
        lines.append(f"Summary: {summary}")
    return "\n".join(lines) + "\n\n" + body + "\n"


BODY = (
    "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน จัดกิจกรรมเพื่อส่งเสริมความโปร่งใสในหน่วยงาน "
    "โดยเชิญเจ้าหน้าที่จากทุกกรมเข้าร่วมแลกเปลี่ยนประสบการณ์\n\n"
    "## ประเด็นสำคัญ\n\n- เปิดเผยข้อมูลการจัดซื้อจัดจ้าง\n- แจ้งเบาะแสได้ที่สายด่วน 1546\n\n"
    "ลิงก์ยาวมากสำหรับทดสอบการตัดบรรทัด https://zerocorruption.mol.go.th/"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/\n"
)

FILES = {
    "news/ita-2565.md": _article(
        "ita-2565", "ผลการประเมิน ITA ประจำปี 2565", "2565-03-25 09:00", "ข่าวประชาสัมพันธ์",
        "ITA, ความโปร่งใส", BODY, summary="กระทรวงแรงงานได้ผลการประเมินระดับดีมาก",
        modified="2565-03-26 10:30",
    ),
    "news/training-2566.md": _article(
        "training-2566", "อบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน", "2566-06-15 09:30", "ข่าวกิจกรรม",
        "ฝึกอบรม, ความโปร่งใส", BODY,
    ),
    "news/walk-2567.md": _article(
        "walk-2567", "เดินวิ่งต้านโกง ครั้งที่ 3", "2024-03-24 07:00", "ข่าวกิจกรรม", "กิจกรรม", BODY,
    ),
    "news/open-2568.md": _article(
        "open-2568", "เปิดบ้านศูนย์ปฏิบัติการต่อต้านการทุจริต", "2568-08-14 10:00", "ข่าวกิจกรรม",
        "กิจกรรม, ความโปร่งใส", BODY,
    ),
    "news/gift-2567.md": _article(
        "gift-2567", "ประกาศนโยบายไม่รับของขวัญ ประจำปี 2567", "2566-12-25 09:00", "ประกาศ",
        "No Gift Policy", BODY,
    ),
    "news/draft-2569.md": _article(
        "draft-2569", "ร่างข่าวที่ยังไม่เผยแพร่", "2569-01-05 09:00", "ประกาศ", "ร่าง", BODY,
    ).replace("Slug: draft-2569", "Slug: draft-2569\nStatus: draft"),
    "pages/about.md": "Title: เกี่ยวกับศูนย์ฯ\nSlug: about\n\nพันธกิจของศูนย์ (ข้อมูลตัวอย่าง)\n",
    "pages/privacy.md": "Title: นโยบายคุ้มครองข้อมูลส่วนบุคคล\nSlug: privacy\n\nข้อมูลตัวอย่าง\n",
    # A page a writer added in the editor: no menu names it.
    "pages/procurement-plan.md": "Title: แผนการจัดซื้อจัดจ้างประจำปี\nSlug: procurement-plan\n\nข้อมูลตัวอย่าง\n",
}

SETTINGS = {"DEFAULT_PAGINATION": 2, "THAI_SEARCH_ENABLED": False}


@pytest.fixture(scope="module")
def theme_site(tmp_path_factory):
    """Build FILES once for the module; returns the BuildResult."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    from tools.build import build

    base = tmp_path_factory.mktemp("theme")
    content = base / "content"
    for rel, text in FILES.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = build(
        root / "pelicanconf.py",
        base / "output",
        overrides={"PATH": str(content), "CACHE_PATH": str(base / "cache"), **SETTINGS},
        quiet=True,
    )
    assert result.ok, result.errors
    return result
