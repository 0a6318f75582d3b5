"""The production build (`invoke publish`): minified, hashed asset names, .gz/.br, absolute URLs,
embargo respected, and byte-identical output from two independent builds of the same input."""

from __future__ import annotations

import gzip
import hashlib
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import brotli
import pytest
from PIL import Image

from tools import production
from tools.build import build
from tools.newpost import be_datetime

ROOT = Path(__file__).resolve().parents[2]
SITEURL = "https://zerocorruption.mol.go.th"
TEXT = set(production.TEXT_SUFFIXES)

NEWS = """Title: ศปท. กระทรวงแรงงาน ประชุมคณะทำงานส่งเสริมคุณธรรมประจำไตรมาส
Date: 2567-07-10 10:00
Category: ข่าวกิจกรรม
Tags: คุณธรรม, ความโปร่งใส
Slug: integrity-committee-2567
Summary: คณะทำงานส่งเสริมคุณธรรมและความโปร่งใสของกระทรวงแรงงานประชุมติดตามผลการดำเนินงานประจำไตรมาส
Gallery: committee-2567

คณะทำงานส่งเสริมคุณธรรมและความโปร่งใส กระทรวงแรงงาน ประชุมติดตามผลการดำเนินงานประจำไตรมาส
โดยทบทวนช่องทางรับเรื่องร้องเรียนและแผนการอบรมเจ้าหน้าที่ใหม่

อ่าน[ประกาศเจตนารมณ์]({filename}/news/notice.md)ประกอบ
"""
NOTICE = """Title: ประกาศเจตนารมณ์ไม่รับของขวัญทุกเทศกาล
Date: 2567-12-20 09:00
Category: ประกาศ
Slug: no-gift-notice-2567
Summary: ผู้บริหารและบุคลากรกระทรวงแรงงานประกาศงดรับและงดให้ของขวัญทุกโอกาส

ผู้บริหารและบุคลากรกระทรวงแรงงานงดรับและงดให้ของขวัญทุกเทศกาล เพื่อเป็นแบบอย่างที่ดี
"""
# Embargoed: dated in the future, but within the year the date rule accepts without a warning.
EMBARGO = f"""Title: ผลการประเมินที่ยังไม่เผยแพร่
Date: {be_datetime(datetime.now(timezone.utc) + timedelta(days=200))}
Category: ประกาศ
Slug: embargoed-result

ข้อความลับก่อนกำหนดเผยแพร่
"""
DRAFT = """Title: ร่างข่าวที่ยังไม่อนุมัติ
Date: 2567-01-01 09:00
Category: ประกาศ
Slug: unapproved-draft
Status: draft

ร่างข้อความที่ยังไม่ผ่านการอนุมัติ
"""


def _content(base: Path) -> Path:
    content = base / "content"
    (content / "news").mkdir(parents=True)
    (content / "news/committee.md").write_text(NEWS, encoding="utf-8")
    (content / "news/notice.md").write_text(NOTICE, encoding="utf-8")
    (content / "news/embargo.md").write_text(EMBARGO, encoding="utf-8")
    (content / "news/draft.md").write_text(DRAFT, encoding="utf-8")
    gallery = content / "galleries/committee-2567"
    gallery.mkdir(parents=True)
    for n, colour in enumerate([(30, 90, 160), (200, 120, 40)], 1):
        Image.new("RGB", (640, 427), colour).save(gallery / f"p0{n}.jpg", quality=85)
    (gallery / "captions.txt").write_text(
        "p01.jpg: คณะทำงานร่วมประชุมที่ห้องประชุมกระทรวงแรงงาน\n"
        "p02.jpg: ผู้แทนแต่ละกรมรายงานผลการดำเนินงาน\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("prod")
    content = _content(base)
    results = []
    for name in ("a", "b"):
        result = build(
            ROOT / "publishconf.py", base / name / "output",
            overrides={"PATH": str(content), "CACHE_PATH": str(base / name / "cache")},
            fatal_warnings=True, quiet=True, postprocess=production.postprocess,
        )
        assert result.ok, result.errors + result.warnings
        results.append(base / name / "output")
    return results


def _files(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(two_builds):
    a, b = (_files(root) for root in two_builds)
    assert sorted(a) == sorted(b)
    different = [rel for rel in a if a[rel].read_bytes() != b[rel].read_bytes()]
    assert different == []


def test_a_publish_from_the_last_publish_cache_equals_a_clean_one(two_builds, tmp_path):
    """As CI runs it: the cache of the last publish restored, one release edited, published again;
    the result is byte for byte a publish from nothing."""
    base = two_builds[0].parent  # build "a": its output and its cache
    content = base.parent / "content"  # the same path: the cache knows a source by its path
    notice = content / "news/notice.md"
    original = notice.read_text("utf-8")
    notice.write_text(original + "\nศูนย์ฯ ขอบคุณผู้บริหารทุกหน่วยงานที่ร่วมประกาศเจตนารมณ์\n", "utf-8")
    outputs = []
    try:
        for name, cache in (("warm", base / "cache"), ("clean", tmp_path / "clean-cache")):
            result = build(ROOT / "publishconf.py", tmp_path / name,
                           overrides={"PATH": str(content), "CACHE_PATH": str(cache)},
                           fatal_warnings=True, quiet=True, postprocess=production.postprocess)
            assert result.ok, result.errors + result.warnings
            outputs.append(result)
    finally:
        notice.write_text(original, "utf-8")
    warm, clean = outputs
    assert warm.read_from_cache > 0 and warm.read_again == 1 and clean.read_from_cache == 0
    assert (base / "cache/production").is_dir()
    a, b = _files(tmp_path / "warm"), _files(tmp_path / "clean")
    assert sorted(a) == sorted(b)
    assert [rel for rel in a if a[rel].read_bytes() != b[rel].read_bytes()] == []
    page = (tmp_path / "warm/news/no-gift-notice-2567/index.html").read_text("utf-8")
    assert "ร่วมประกาศเจตนารมณ์" in re.sub(r"<[^>]+>", "", page)


def test_html_css_js_are_minified(two_builds):
    out = two_builds[0]
    home = (out / "index.html").read_text("utf-8")
    assert "\n  <" not in home and "<!--" not in home
    for path in list(out.glob("theme/css/*.css")) + list(out.glob("theme/js/*.js")):
        text = path.read_text("utf-8")
        assert "\n  " not in text, path.name


def test_assets_have_content_hashes_and_every_reference_resolves(two_builds):
    out = two_builds[0]
    assets = [p for p in out.joinpath("theme").rglob("*") if p.suffix in production.HASHED_SUFFIXES]
    assert assets
    for path in assets:
        match = re.search(r"\.([0-9a-f]{8})\.[a-z0-9]+$", path.name)
        assert match, f"{path.name} has no content hash"
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:8] == match.group(1)
    checked = 0
    for rel, path in _files(out).items():
        if path.suffix not in {".html", ".css", ".js", ".xml", ".json"}:
            continue
        text = path.read_text("utf-8", errors="replace")
        for url in re.findall(re.escape(SITEURL) + r"(/theme/[^\"'`\s)<>,?#]+)", text):
            assert (out / url.lstrip("/")).is_file(), f"{rel} refers to missing {url}"
            checked += 1
        if path.suffix in {".css", ".js"} and rel.startswith("theme/"):
            base = path.parent
            for url in re.findall(r"""(?:url\(|["'`])(\.\.?/[^"'`)\s]+)""", text):
                assert (base / url).resolve().is_file(), f"{rel} refers to missing {url}"
                checked += 1
    assert checked > 5


def test_every_text_file_has_gz_and_br_that_decompress_to_it(two_builds):
    files = _files(two_builds[0])
    text_files = [p for rel, p in files.items() if p.suffix in TEXT]
    assert len(text_files) > 10
    small = 0
    for path in text_files:
        data = path.read_bytes()
        gz_path, br_path = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) < production.MIN_COMPRESS_BYTES:
            # nginx serves a small file as it is: no compressed copies.
            assert not gz_path.exists() and not br_path.exists(), path
            small += 1
            continue
        gz = gz_path.read_bytes()
        assert gzip.decompress(gz) == data
        assert gz[4:8] == b"\0\0\0\0"  # no timestamp in the gzip header
        assert brotli.decompress(br_path.read_bytes()) == data
    assert small < len(text_files) // 2


def test_parallel_pass_gives_the_same_bytes_as_one_process(tmp_path):
    """The last pass spread over two processes writes exactly what one process writes."""
    sites = []
    for name, workers in (("one", 1), ("two", 2)):
        root = tmp_path / name
        (root / "theme/css").mkdir(parents=True)
        (root / "theme/css/site.css").write_text(
            "".join(f".news-{n} {{\n  margin-top: {n}px;\n}}\n" for n in range(80)), "utf-8")
        (root / "robots.txt").write_text("User-agent: *\n", "utf-8")
        for n in range(production.PARALLEL_MIN_FILES + 6):
            page = root / f"news/n{n:03d}/index.html"
            page.parent.mkdir(parents=True)
            page.write_text(
                '<!DOCTYPE html><html lang="th"><head>\n  <link rel="stylesheet" '
                'href="https://x.th/theme/css/site.css"></head>\n<body>\n  '
                + "<p>ข่าว<wbr>กิจกรรม ศูนย์ปฏิบัติการ<wbr>ต่อต้าน<wbr>การทุจริต</p>\n" * (n + 5)
                + "</body></html>", "utf-8")
        figures = production.postprocess(root, workers=workers)
        assert figures["minified"] >= production.PARALLEL_MIN_FILES
        sites.append(_files(root))
    one, two = sites
    assert sorted(one) == sorted(two)
    assert [rel for rel in one if one[rel].read_bytes() != two[rel].read_bytes()] == []
    assert "robots.txt" in one and "robots.txt.gz" not in one  # under 1 KB: served as it is
    css = next(rel for rel in one if rel.startswith("theme/css/site.") and rel.endswith(".css"))
    assert css + ".br" in one and css + ".gz" in one
    page = one["news/n069/index.html"].read_text("utf-8")
    assert "/theme/css/site.css" not in page and css in page and "\n  <" not in page


def _small_site(root: Path, pages: int) -> None:
    (root / "theme/css").mkdir(parents=True)
    (root / "theme/css/site.css").write_text(
        "".join(f".news-{n} {{\n  margin-top: {n}px;\n}}\n" for n in range(80)), "utf-8")
    for n in range(pages):
        page = root / f"news/n{n:03d}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            '<!DOCTYPE html><html lang="th"><head>\n  <link rel="stylesheet" '
            'href="https://x.th/theme/css/site.css"></head>\n<body>\n  '
            + f"<p>ข่าวที่ {n}: ศูนย์ปฏิบัติการ<wbr>ต่อต้าน<wbr>การทุจริต รับเรื่องร้องเรียน</p>\n" * 30
            + "</body></html>", "utf-8")


def test_a_second_publish_takes_unchanged_pages_from_the_cache(tmp_path, monkeypatch):
    """Pages whose bytes did not change are not minified or compressed again, and the result is
    the same bytes as without the cache; an entry no page uses any more is removed."""
    cache = tmp_path / "cache"
    plain, first, second = tmp_path / "plain", tmp_path / "first", tmp_path / "second"
    for root in (plain, first, second):
        _small_site(root, 12)
    production.postprocess(plain, workers=1)
    production.postprocess(first, workers=1, cache=cache)
    entries = {p.name for p in cache.rglob("*") if p.is_file() and "." not in p.name}  # one index per file
    assert len(entries) >= 13  # the pages and the stylesheet

    # One page edited, one gone: only the edited page is minified and compressed again.
    edited = second / "news/n003/index.html"
    edited.write_text(edited.read_text("utf-8").replace("ข่าวที่ 3:", "ข่าวที่สาม:"), "utf-8")
    (second / "news/n007/index.html").unlink()
    minified = []
    real = production._minify
    monkeypatch.setattr(production, "_minify", lambda text, suffix: minified.append(suffix) or real(text, suffix))
    production.postprocess(second, workers=1, cache=cache)
    assert [suffix for suffix in minified if suffix == ".html"] == [".html"]  # (the theme's CSS is always minified)

    a, b, c = _files(plain), _files(first), _files(second)
    assert sorted(a) == sorted(b) and [rel for rel in a if a[rel].read_bytes() != b[rel].read_bytes()] == []
    same = [rel for rel in c if "n003" not in rel]
    assert [rel for rel in same if c[rel].read_bytes() != a[rel].read_bytes()] == []
    assert "news/n007/index.html" not in c and "news/n003/index.html.br" in c
    after = {p.name for p in cache.rglob("*") if p.is_file() and "." not in p.name}
    assert len(after) == len(entries) - 1  # n007's entry and n003's old one gone, n003's new one kept


def test_a_cached_file_written_over_in_place_is_not_used(tmp_path):
    """The cache holds hard links to the published files: when something writes into a published
    file in place (a live preview into output/), the next publish sees it and makes that page again."""
    cache = tmp_path / "cache"
    first, second, plain = tmp_path / "first", tmp_path / "second", tmp_path / "plain"
    for root in (first, second, plain):
        _small_site(root, 4)
    production.postprocess(first, workers=1, cache=cache)
    production.postprocess(plain, workers=1)
    page = first / "news/n001/index.html"
    assert page.stat().st_nlink == 2  # the published page and the cache's entry are one file
    with open(page, "r+b") as handle:  # in place: the same file as the cache's
        handle.write(b"<!-- preview -->")
    production.postprocess(second, workers=1, cache=cache)
    a, b = _files(plain), _files(second)
    assert sorted(a) == sorted(b) and [rel for rel in a if a[rel].read_bytes() != b[rel].read_bytes()] == []


def test_urls_are_absolute(two_builds):
    out = two_builds[0]
    page = (out / "news/integrity-committee-2567/index.html").read_text("utf-8")
    assert f'{SITEURL}/news/no-gift-notice-2567/' in page
    for rel, path in _files(out).items():
        if path.suffix != ".html":
            continue
        html = path.read_text("utf-8")
        for attr, url in re.findall(r"""\s(href|src|action)=["']?([^"'\s>]+)""", html):
            if url.startswith(("#", "mailto:", "tel:", "http://", "https://")):
                continue
            pytest.fail(f"{rel}: {attr}={url} is not an absolute URL")


def test_embargoed_and_draft_posts_appear_nowhere(two_builds):
    for rel, path in _files(two_builds[0]).items():
        data = path.read_bytes()
        if path.suffix == ".br":
            data = brotli.decompress(data)
        elif path.suffix == ".gz":
            data = gzip.decompress(data)
        for secret in ("ข้อความลับก่อนกำหนดเผยแพร่", "ร่างข้อความที่ยังไม่ผ่านการอนุมัติ",
                       "embargoed-result", "unapproved-draft"):
            assert secret.encode() not in data, f"{secret} leaked into {rel}"


def test_production_never_carries_the_preview_panel(two_builds):
    """The live preview's problem panel is added by its server as pages are sent, never written."""
    pages = [p for p in _files(two_builds[0]).values() if p.suffix in (".html", ".js")]
    assert len(pages) > 10
    for path in pages:
        data = path.read_bytes()
        assert b"__preview__" not in data and b"preview-problems" not in data, path


def test_postprocess_rewrites_relative_and_absolute_references(tmp_path):
    (tmp_path / "theme/js").mkdir(parents=True)
    (tmp_path / "theme/css").mkdir()
    (tmp_path / "theme/fonts").mkdir()
    (tmp_path / "theme/fonts/f.woff2").write_bytes(b"wOF2font")
    (tmp_path / "theme/css/a.css").write_text("@font-face{src:url('../fonts/f.woff2')}", "utf-8")
    (tmp_path / "theme/js/dep.js").write_text("export const x = 1;\n", "utf-8")
    (tmp_path / "theme/js/main.js").write_text(
        "import { x } from './dep.js';\nconst css = new URL('../css/a.css', import.meta.url);\n"
        "const later = () => import(\"./dep.js\");\n", "utf-8")
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="th"><head><link rel="stylesheet" href="https://x.th/theme/css/a.css">'
        '<script type="module" src="https://x.th/theme/js/main.js"></script></head>'
        "<body>\n  <p>ข่าว</p>\n</body></html>", "utf-8")
    figures = production.postprocess(tmp_path)
    assert figures["hashed"] == 4
    names = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.suffix in {".css", ".js", ".woff2"}}
    assert not {"theme/css/a.css", "theme/js/main.js", "theme/js/dep.js", "theme/fonts/f.woff2"} & names
    html = (tmp_path / "index.html").read_text("utf-8")
    main = next(tmp_path.glob("theme/js/main.*.js")).read_text("utf-8")
    css = next(tmp_path.glob("theme/css/a.*.css")).read_text("utf-8")
    dep = next(tmp_path.glob("theme/js/dep.*.js")).name
    assert next(tmp_path.glob("theme/css/a.*.css")).name in html and dep in main
    assert next(tmp_path.glob("theme/css/a.*.css")).name in main
    assert next(tmp_path.glob("theme/fonts/f.*.woff2")).name in css
    # The page is under 1 KB: nginx serves it as it is, so no compressed copies.
    assert not (tmp_path / "index.html.gz").exists() and not (tmp_path / "index.html.br").exists()
