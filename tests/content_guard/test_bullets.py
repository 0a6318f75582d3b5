"""The rule "bullet": lines pasted with bullet characters are named, once per run, with the fix."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from pelican.settings import read_settings  # noqa: E402

from content_guard.verdict import judge  # noqa: E402

HEAD = "Title: ตรวจศูนย์ฝึกอาชีพ\nDate: 2569-11-27 09:00\nCategory: ข่าวกิจกรรม\n\n"
PASTED = (HEAD + "ข้อสังเกตจากการตรวจ มีดังนี้\n\n"
          "• ใบสำคัญรับเงินบางฉบับไม่มีลายมือชื่อ\n• ทะเบียนคุมวัสดุบันทึกด้วยมือ\n• ป้ายประกาศมองเห็นยาก\n\n"
          "ผลการประเมิน\n\n➢ ผ่านเกณฑ์\n\n```\n• ในโค้ดไม่นับ\n```\n\n- รายการที่ถูกต้อง\n")


def _bullets(problems):
    return [p for p in problems if p.rule == "bullet"]


def test_each_run_of_pasted_bullets_is_one_warning_on_its_first_line(build_site, tmp_path):
    result = build_site({"news/nan.md": PASTED})
    assert result.ok  # a warning: the release is still published
    found = _bullets(result.problems)
    assert [(p.line, p.severity) for p in found] == [(7, "warning"), (13, "warning")]
    assert "บรรทัด 7-9" in found[0].thai and '"•"' in found[0].thai and '"- "' in found[0].fix
    assert '"➢"' in found[1].thai and "บรรทัดนี้" in found[1].thai
    # The content check finds the same, from the same function.
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")})
    checked = _bullets(judge(settings).problems)
    assert [p.key for p in checked] == [p.key for p in found]


def test_items_numbered_in_thai_digits_are_named_but_not_one_line(build_site):
    body = ("ขั้นตอนการแจ้งเบาะแส\n\n๑. โทรสายด่วน 1546\n๒. แจ้งชื่อหน่วยงาน\n๓) รับเลขที่เรื่อง\n\n"
            "๒๕๖๙. ปีที่ศูนย์ฯ ครบรอบสิบปี\n\n๑. ข้อที่เว้นบรรทัด\n\n๒. ก็เป็นย่อหน้าของตัวเอง\n")
    result = build_site({"news/steps.md": HEAD + body})
    assert result.ok
    [found] = _bullets(result.problems)
    assert found.line == 7 and "บรรทัด 7-9" in found.thai and "เลขไทย" in found.thai
    assert '"1. "' in found.fix and "เว้นบรรทัดว่าง" in found.fix


def test_no_sample_release_has_a_pasted_bullet(sample_site):
    assert _bullets(sample_site.problems) == []
