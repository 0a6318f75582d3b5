"""Reading the export: the fixture itself, and exports that are broken in every way we know."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from wp_helpers import EXPORT
from tools.bench.wordpress import WP_SLUG_LIMIT as LIMIT
from tools.bench.wordpress import wordpress_slug  # what WordPress makes of a Thai title
from tools.wordpress.__main__ import main
from tools.wordpress.wxr import ExportError, read_export

TYPES = ("post", "page", "attachment")


@pytest.fixture(scope="module")
def export():
    return read_export(EXPORT)


def test_fixture_covers_what_the_issue_lists(export):
    items = export.items
    assert len(items) >= 30
    by_type = {t: [i for i in items if i.post_type == t] for t in TYPES}
    assert all(by_type[t] for t in TYPES)
    statuses = {i.status for i in by_type["post"]}
    assert {"publish", "draft", "pending", "private", "trash", "future"} <= statuses
    assert any(i.post_parent != "0" for i in by_type["page"])  # a page with a parent
    bodies = [i.content for i in items]
    assert any("<!-- wp:gallery" in b for b in bodies) and any("[gallery ids=" in b for b in bodies)
    assert any(re.search(r"\[gallery\]", b) for b in bodies)
    assert any("[caption" in b for b in bodies) and any("youtube" in b.lower() for b in bodies)
    assert any("MsoNormal" in b and "TH SarabunPSK" in b for b in bodies)  # pasted Word text
    assert any("<!-- wp:" not in b and b.strip() for b in bodies)  # classic bodies
    assert any(i.excerpt.strip() for i in by_type["attachment"])  # attachments with captions
    assert any("_thumbnail_id" in i.meta for i in by_type["post"])  # featured images
    thai = re.compile("[\u0e00-\u0e7f]")
    assert sum(bool(thai.search(i.title)) for i in items) >= 25


def test_percent_encoded_thai_slugs_are_cut_like_wordpress(export):
    """Every Thai slug is WordPress's encoding of its title, at most 200 characters, never cut
    inside a character; long titles really are cut."""
    thai = [i for i in export.items if "%e0" in i.post_name and i.post_type in TYPES]
    assert len(thai) >= 15
    cut = 0
    for item in thai:
        slug = item.post_name.removesuffix("__trashed")
        assert len(slug) <= LIMIT
        assert slug == wordpress_slug(item.title), item.title
        unquote(slug, errors="strict")  # whole characters only
        full = wordpress_slug(item.title, limit=10_000)
        cut += len(full) > LIMIT
        assert slug in item.link or item.status in ("draft", "pending", "trash") or item.post_type == "attachment"
    assert cut >= 3


def test_channel_and_terms(export):
    assert export.version == "1.2"
    assert export.blog_url == "https://acoc.mol.go.th"
    assert set(export.authors) == {"admin", "somsri", "web.editor"}  # the last one never posted
    assert [a.author_id for a in export.authors.values()] == ["1", "2", "3"]
    assert {t.name for t in export.categories} >= {"ข่าวกิจกรรม", "ประกาศ"}
    child = [t for t in export.categories if t.parent]
    assert child and child[0].parent == wordpress_slug("ข่าวกิจกรรม")
    lines = [i.line for i in export.items]
    assert lines == sorted(lines) and lines[0] > 1


def _broken(tmp_path, text: str, name="broken.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = EXPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, make, line", [
    ("truncated", lambda: GOOD[: len(GOOD) // 2], None),
    ("control character", lambda: GOOD.replace("รวมภาพกิจกรรมของศูนย์ฯ", "รวมภาพ\x0bกิจกรรม"), "รวมภาพ"),
    ("mismatched tag", lambda: GOOD.replace("</wp:post_type>", "</wp:post_typ>", 1), "</wp:post_typ>"),
    ("not an export", lambda: "<?xml version='1.0'?><html><body>ไม่ใช่</body></html>", 1),
    ("rss without wp", lambda: "<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>", 1),
    ("entity bomb", lambda: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><rss>&b;</rss>', 1),
    ("empty", lambda: "", 1),
])
def test_malformed_export_gives_file_and_line(tmp_path, name, make, line):
    text = make()
    path = _broken(tmp_path, text)
    with pytest.raises(ExportError) as info:
        read_export(path)
    message = str(info.value)
    m = re.match(rf"{re.escape(str(path))}:(\d+): ", message)
    assert m, message
    if isinstance(line, int):
        assert int(m.group(1)) == line
    elif isinstance(line, str):
        expected = next(n for n, l in enumerate(text.splitlines(), 1) if line in l)
        assert int(m.group(1)) == expected
    else:
        assert int(m.group(1)) > 1
    assert re.search("[\u0e00-\u0e7f]", message) and " / " in message  # Thai, then English


def test_command_line_reports_a_broken_export_without_traceback(tmp_path, capsys, old_site):
    path = _broken(tmp_path, GOOD[:5000])
    code = main(["--source", str(path), "--media-dir", str(old_site), "--root", str(tmp_path / "p")])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err + captured.out
    assert re.search(rf"{re.escape(str(path))}:\d+:", captured.err)
    assert not (tmp_path / "p").exists()  # nothing written


def test_missing_export_and_media_folder(tmp_path, capsys, old_site):
    assert main(["--source", str(tmp_path / "none.xml"), "--media-dir", str(old_site), "--root", str(tmp_path)]) == 1
    assert "none.xml" in capsys.readouterr().err
    assert main(["--source", str(EXPORT), "--media-dir", str(tmp_path / "nowhere"), "--root", str(tmp_path)]) == 1
    assert "nowhere" in capsys.readouterr().err
