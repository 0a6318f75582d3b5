"""Checks of the raw file: encodings, line endings, metadata keys, titles, settings defaults."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from content_guard.settings import DEFAULTS, with_defaults  # noqa: E402
from content_guard.source import Refused, check_header, check_location, decode_source  # noqa: E402

KEYS = DEFAULTS["CONTENT_GUARD_METADATA_KEYS"][0]
POST = "Title: อบรมคุณธรรม\nDate: 2567-05-01\nCategory: ข่าวกิจกรรม\n\nเนื้อข่าว\n"


def test_bom_and_crlf_are_accepted():
    assert decode_source(b"\xef\xbb\xbf" + POST.replace("\n", "\r\n").encode()) == POST
    assert decode_source(POST.replace("\n", "\r").encode()) == POST


def test_tis620_is_refused_with_line_and_advice():
    data = ("Title: x\nDate: 2567-05-01\n\nข่าวประชาสัมพันธ์\n").encode("cp874")
    with pytest.raises(Refused) as info:
        decode_source(data)
    problem = info.value.problem
    assert problem.line == 4
    assert "UTF-8" in problem.thai and "TIS-620" in problem.english and "Save As" in problem.english


def test_other_bad_bytes_are_refused_without_the_thai_advice():
    with pytest.raises(Refused) as info:
        decode_source("Title: café\n".encode("latin-1"))
    assert "0xE9" in info.value.problem.english
    assert "TIS-620" not in info.value.problem.english


def test_binary_is_refused():
    with pytest.raises(Refused):
        decode_source(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")


@pytest.mark.parametrize("typo, suggestion, line", [
    ("Catgory", "Category", 2), ("Titel", "Title", 2), ("Tag", "Tags", 2), ("Sumary", "Summary", 2),
    ("date_modified", "Modified", 2), ("Xyzzy", None, 2),
])
def test_misspelt_keys_get_a_suggestion(typo, suggestion, line):
    text = f"Title: ก\n{typo}: ข\nDate: 2567-05-01\n\nเนื้อข่าว\n"
    problems = [p for p in check_header(text, KEYS) if p.severity == "warning"]
    assert len(problems) == 1
    assert problems[0].line == line
    assert f'"{typo}:"' in problems[0].english
    if suggestion:
        assert f'did you mean "{suggestion}:"' in problems[0].english
    else:
        assert "known keys" in problems[0].english


def test_missing_title_and_thai_keys():
    [problem] = check_header("Date: 2567-05-01\n\nเนื้อข่าว\n", KEYS)
    assert problem.severity == "error" and "Title:" in problem.english
    problems = check_header("ชื่อเรื่อง: ข่าว\nDate: 2567-05-01\n\nเนื้อข่าว\n", KEYS)
    assert [p.line for p in problems if p.severity == "error"] == [1]
    assert "English" in problems[0].english


def test_yaml_style_header_and_continuation_lines():
    text = "---\nTitle: ก\nSummary: บรรทัดหนึ่ง\n    บรรทัดสอง\n---\nเนื้อข่าว\n"
    assert check_header(text, KEYS) == []


def test_symlink_outside_content(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    secret = tmp_path / "secret.md"
    secret.write_text("Title: x\n\nลับ\n", encoding="utf-8")
    (content / "ok.md").write_text("x", encoding="utf-8")
    (content / "inside.md").symlink_to(content / "ok.md")
    (content / "outside.md").symlink_to(secret)
    check_location(str(content / "ok.md"), str(content))
    check_location(str(content / "inside.md"), str(content))
    with pytest.raises(Refused) as info:
        check_location(str(content / "outside.md"), str(content))
    assert str(secret) in info.value.problem.english


def test_defaults_do_not_touch_the_users_dict():
    user = {"CONTENT_GUARD_MAX_FILE_BYTES": -5, "CONTENT_GUARD_VIDEO_EMBEDS": False}
    added = with_defaults(user)
    assert user == {"CONTENT_GUARD_MAX_FILE_BYTES": -5, "CONTENT_GUARD_VIDEO_EMBEDS": False}
    assert added["CONTENT_GUARD_MAX_FILE_BYTES"] == DEFAULTS["CONTENT_GUARD_MAX_FILE_BYTES"][0]
    assert "CONTENT_GUARD_VIDEO_EMBEDS" not in added
    assert set(added) | {"CONTENT_GUARD_VIDEO_EMBEDS"} == set(DEFAULTS)


def test_old_names_are_still_read_with_a_warning(caplog):
    added = with_defaults({"GUARD_VIDEO_EMBEDS": False, "GUARD_MAX_FILE_BYTES": 5000})
    assert added["CONTENT_GUARD_VIDEO_EMBEDS"] is False
    assert added["CONTENT_GUARD_MAX_FILE_BYTES"] == 5000
    assert "GUARD_VIDEO_EMBEDS" in caplog.text and "CONTENT_GUARD_VIDEO_EMBEDS" in caplog.text
    # the new name wins when both are written
    assert "CONTENT_GUARD_VIDEO_EMBEDS" not in with_defaults({"GUARD_VIDEO_EMBEDS": False,
                                                              "CONTENT_GUARD_VIDEO_EMBEDS": True})


def test_readme_documents_every_setting():
    readme = (Path(__file__).resolve().parents[2] / "plugins/content_guard/README.md").read_text("utf-8")
    for name in DEFAULTS:
        assert f"`{name}`" in readme, name
