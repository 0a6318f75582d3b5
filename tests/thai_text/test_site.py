"""thai_text in a real Pelican build: content, titles, slugs, summaries, reading time, cache."""

import pickle
import re
from pathlib import Path

import pytest

THEME = Path(__file__).resolve().parent / "theme"
DICTIONARY = (Path(__file__).resolve().parents[2] / "content" / "dictionary.txt").read_text(
    encoding="utf-8"
)
BODY = (
    "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงานจัดอบรมเจ้าหน้าที่พัสดุ เวลา 09.00 น. "
    "ณ ห้องประชุมชั้น 4 เพื่อสร้างความรู้ความเข้าใจเรื่องผลประโยชน์ทับซ้อน "
    "และการป้องกันการทุจริตในการจัดซื้อจัดจ้าง โดยมีผู้เข้าร่วมกว่า 120 คน "
) * 6
ARTICLE = f"""Title: ศปท. จัดอบรมโครงการดวงตาแรงงาน เเละเครือข่าย
Date: 2022-03-25 09:00
Category: ข่าวกิจกรรม
Tags: ป.ป.ช., ดวงตาแรงงาน, ข่าว, ขาว

{BODY}

ติดต่อ <https://www.mol.go.th/ข่าวกิจกรรม> หรือ `ข่าวใหม่ในโค้ด`

| ช่องทาง | เวลา |
|---|---|
| สายด่วน | วันและเวลาราชการ |

```
ข้อความในบล็อกโค้ด
```
"""
SETTINGS = dict(
    THEME=str(THEME),
    DIRECT_TEMPLATES=["index"],
    PLUGINS=["thai_date", "thai_text"],
    USE_FOLDER_AS_CATEGORY=False,
)


def _site(build_site, files=None, **overrides):
    files = files or {
        "dictionary.txt": DICTIONARY,
        "news/อบรมดวงตาแรงงาน.md": ARTICLE,
        "news/2565-03-26-short.md": "Title: ข่าวสั้น\nDate: 2022-03-26\nCategory: ประกาศ\n"
        "Summary: สรุปข่าวกิจกรรมของศูนย์เเละเครือข่าย\n\nข่าวสั้นมาก\n",
        "pages/ติดต่อเรา.md": "Title: ติดต่อเรา\n\nติดต่อศูนย์ปฏิบัติการต่อต้านการทุจริตได้ทุกวัน\n",
    }
    result = build_site(files, **{**SETTINGS, **overrides})
    assert result.ok, result.errors
    return result


def _read(result, rel):
    return (result.output / rel).read_text(encoding="utf-8")


@pytest.fixture
def site(build_site):
    return _site(build_site)


def _field(page, name):
    return re.search(rf'<(\w+) id="{name}">(.*?)</\1>', page, re.S).group(2)


def test_article_url_comes_from_file_name(site):
    page = _read(site, "news/oprom-duangta-raengngan/index.html")
    assert _field(page, "slug") == "oprom-duangta-raengngan"
    assert (site.output / "news/2565-03-26-short/index.html").exists()
    assert (site.output / "titto-rao/index.html").exists()  # pages/ติดต่อเรา.md
    assert all(p.relative_to(site.output).as_posix().isascii() for p in site.output.rglob("*"))


def test_content_title_and_summary(site):
    page = _read(site, "news/oprom-duangta-raengngan/index.html")
    content = _field(page, "content")
    assert 'จัด<wbr><span class="w">อบรม</span>' in content
    assert ('<span class="wl">ศูนย์ปฏิบัติการต่อต้านการทุจริต</span><wbr>'
            '<span class="w">กระทรวงแรงงาน</span><wbr>') in content
    assert '<td data-label="ช่องทาง"><span class="w">สายด่วน</span></td>' in content
    assert "<code>ข่าวใหม่ในโค้ด</code>" in content
    assert "ข้อความในบล็อกโค้ด" in content
    assert "https://www.mol.go.th/ข่าวกิจกรรม</a>" in content
    assert "เเ" not in page and "และ" in _field(page, "title")
    title = _field(page, "title")
    assert "<wbr>" in title and '<span class="w">ดวงตาแรงงาน</span>' in title
    summary = _field(page, "summary")
    assert summary.endswith("…</p>") and "<wbr>" in summary
    assert 25 <= len(re.findall("<wbr>| ", re.sub("<span[^>]*>", "", summary))) <= 45
    assert summary.count('<span class="w') >= 8
    assert _field(page, "reading-time") == "อ่าน 1 นาที"


def test_taxonomy_slugs(site):
    page = _read(site, "news/oprom-duangta-raengngan/index.html")
    assert _field(page, "category") == "khao-kitchakam"
    tags = re.findall("<li>(.*?)</li>", _field(page, "tags"))
    assert tags[:2] == ["ppch", "duangta-raengngan"]
    assert len(set(tags)) == 4 and all(t.startswith("khao") for t in tags[2:])
    assert (site.output / "category/khao-kitchakam/index.html").exists()
    assert (site.output / "category/prakat/index.html").exists()
    for tag in tags:
        assert (site.output / f"tag/{tag}/index.html").exists()


def test_editing_the_title_keeps_the_url(build_site):
    first = _site(build_site)
    files = {"news/อบรมดวงตาแรงงาน.md": ARTICLE.replace("Title: ศปท. จัดอบรม", "Title: แก้ไขชื่อข่าว")}
    second = _site(build_site, files)
    assert (second.output / "news/oprom-duangta-raengngan/index.html").exists()
    assert "แก้ไขชื่อข่าว" in _read(second, "news/oprom-duangta-raengngan/index.html")


def test_explicit_slug_and_collisions(build_site):
    files = {
        "news/a.md": "Title: ก\nDate: 2022-01-01\nSlug: same-news\n\nข่าว\n",
        "news/b.md": "Title: ข\nDate: 2022-01-02\nSlug: same-news\n\nข่าว\n",
        "news/c.md": "Title: ค\nDate: 2022-01-03\nSlug: ข่าวใหม่\n\nข่าว\n",
    }
    result = _site(build_site, files)
    assert (result.output / "news/same-news/index.html").exists()
    others = [p.parent.name for p in (result.output / "news").glob("same-news-*/index.html")]
    assert len(others) == 1 and re.fullmatch("same-news-[0-9a-f]{4}", others[0])
    assert any("same-news" in w and "news/b.md" in w for w in result.warnings)
    assert (result.output / "news/khao-mai/index.html").exists()


def test_rebuild_segments_only_what_changed(build_site, tmp_path):
    _site(build_site)
    cache = tmp_path / "cache" / "thai_text" / "segments.pickle"
    entries = pickle.loads(cache.read_bytes())["segments"]
    assert entries
    from thai_text.pelican_hooks import LAST_BUILD

    assert LAST_BUILD["segmented_chars"] > 1000
    _site(build_site)
    assert LAST_BUILD["segmented_chars"] == 0
    files = {"news/2565-03-26-short.md": "Title: ข่าวสั้น\nDate: 2022-03-26\n\nข่าวแก้ไขใหม่\n"}
    _site(build_site, files)
    assert 0 < LAST_BUILD["segmented_chars"] < 100


def test_settings(build_site):
    result = _site(
        build_site,
        THAI_TEXT_WBR=False,
        THAI_TEXT_SUMMARY_WORDS=5,
        THAI_TEXT_WORDS_PER_MINUTE="fast",
    )
    page = _read(result, "news/oprom-duangta-raengngan/index.html")
    assert "<wbr>" not in _field(page, "content")
    assert any("THAI_TEXT_WORDS_PER_MINUTE" in w for w in result.warnings)
    assert _field(page, "summary").count("<wbr>") <= 5


def test_author_summary_gets_breaks_and_fixes(site):
    index = _read(site, "index.html")
    assert ('สรุป<wbr>ข่าว<wbr><span class="w">กิจกรรม</span><wbr>ของ<wbr><span class="w">ศูนย์</span>'
            '<wbr>และ<wbr><span class="w">เครือข่าย</span>') in index


def test_redirects_from_old_slugs(build_site):
    result = _site(build_site, THAI_TEXT_REDIRECTS={"category/khao-kitkam/": "category/khao-kitchakam/",
                                                    "news/oprom-duangta-raengngan/": "x/"})
    page = _read(result, "category/khao-kitkam/index.html")
    assert '<meta http-equiv="refresh" content="0; url=/category/khao-kitchakam/">' in page
    assert '<link rel="canonical" href="/category/khao-kitchakam/">' in page
    # a real page is never overwritten
    assert "refresh" not in _read(result, "news/oprom-duangta-raengngan/index.html")
    assert any("oprom-duangta-raengngan" in w for w in result.warnings)


def test_a_build_into_the_same_folder_writes_its_redirects_again_without_a_warning(tmp_path, caplog):
    """The live preview builds into the same folder on every save: it finds the redirect pages of
    the build before, which are not real pages of the site (writers saw three warnings a save)."""
    import logging

    from thai_text.redirects import write_redirects

    real = tmp_path / "news" / "a" / "index.html"
    real.parent.mkdir(parents=True)
    real.write_text("<!DOCTYPE html><html lang=\"th\"><title>ข่าว</title></html>", encoding="utf-8")
    redirects = {"category/khao-kitkam/": "category/khao-kitchakam/", "news/a/": "news/b/"}
    with caplog.at_level(logging.WARNING, logger="thai_text.redirects"):
        assert write_redirects(tmp_path, "", redirects) == 1
        first = [r.getMessage() for r in caplog.records]
        caplog.clear()
        redirects["category/khao-kitkam/"] = "category/khao-kitchakam-2/"  # the setting changed
        assert write_redirects(tmp_path, "", redirects) == 1
        second = [r.getMessage() for r in caplog.records]
    assert len(first) == 1 and "news/a/" in first[0]  # (Pelican's log shows a message once)
    assert not [m for m in second if "khao-kitkam" in m]
    page = (tmp_path / "category" / "khao-kitkam" / "index.html").read_text(encoding="utf-8")
    assert 'url=/category/khao-kitchakam-2/"' in page
    assert "refresh" not in real.read_text(encoding="utf-8")
