"""Building the Pagefind index with the site: what is indexed, what is not, and its figures."""

import sys

import pytest

import shutil

from tests.conftest import ROOT
from tests.thai_search.site_files import build_search_site

sys.path.insert(0, str(ROOT / "plugins"))

from thai_search.indexer import (  # noqa: E402
    PAGEFIND_UI_FILES,
    SearchIndexError,
    build_index,
    index_stats,
    indexed_part,
    indexed_pages,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_search_site(tmp_path_factory.mktemp("search-site"))
    assert result.ok, result.errors
    return result


@pytest.fixture(scope="module")
def pages(site):
    return {page["url"]: page for page in indexed_pages(site.output)}


def test_published_articles_and_pages_are_indexed(pages):
    assert "/news/news-meeting/" in pages
    assert "/news/white-shirts/" in pages
    assert "/about/" in pages
    assert sum(url.startswith("/news/follow-up-") for url in pages) == 24


def test_drafts_hidden_posts_and_listings_are_not(pages):
    assert not any("draft" in url or "hidden" in url for url in pages)
    everything = " ".join(page["content"] for page in pages.values())
    assert "กระท่อมริมบึง" not in everything
    assert "ทุเรียนหมอนทอง" not in everything
    # home, archives, category, tag and search pages have no data-pagefind-body
    assert not any(url in ("/", "/archives/", "/search/") or "/category/" in url for url in pages)


def test_only_the_article_text_is_indexed(site, pages):
    page = pages["/news/news-meeting/"]
    assert "ขอนแก่น" in page["content"]
    footer_phone = "1546"
    assert footer_phone in (site.output / "news" / "news-meeting" / "index.html").read_text("utf-8")
    for page in pages.values():
        assert footer_phone not in page["content"], page["url"]
        assert "คลังข่าว" not in page["content"], page["url"]


def test_filters_meta_and_sort_come_from_the_article(pages):
    page = pages["/news/news-meeting/"]
    assert page["filters"]["category"] == ["ข่าวกิจกรรม"]
    assert page["filters"]["year"] == ["2568"]
    # the zero-width spaces are our word boundaries (they let a long title wrap in the results)
    assert page["meta"]["title"].replace("\u200b", "") == "ศูนย์ฯ ประชุมเครือข่ายดวงตาแรงงานภาคอีสาน"
    assert "2568" in page["meta"]["date"]
    assert "มีนาคม" in page["meta"]["date"]


def test_search_page_and_bundle_are_written_without_pagefinds_own_ui(site):
    html = (site.output / "search" / "index.html").read_text("utf-8")
    assert 'name="q"' in html and "search.js" in html
    bundle = site.output / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list(bundle.glob("wasm.*.pagefind"))
    for name in PAGEFIND_UI_FILES:
        assert not (bundle / name).exists(), name


def test_index_stats(site):
    stats = index_stats(site.output)
    assert stats["pages"] == 29  # 28 published articles + 1 page
    assert stats["fragments"] == 29
    assert stats["total_bytes"] > stats["data_bytes"] > 0
    assert stats["first_search_bytes_estimate"] > stats["runtime_bytes"] / 2
    assert stats["data_bytes_per_1000_pages"] == round(stats["data_bytes"] * 1000 / 29)


def test_index_stats_names_a_missing_bundle(tmp_path):
    with pytest.raises(FileNotFoundError, match="THAI_SEARCH_ENABLED"):
        index_stats(tmp_path)


def test_search_can_be_turned_off(tmp_path):
    result = build_search_site(tmp_path, THAI_SEARCH_ENABLED=False)
    assert result.ok, result.errors
    assert (result.output / "search" / "index.html").is_file()
    assert not (result.output / "pagefind").exists()


def test_pagefind_failure_is_reported_not_raised_as_a_traceback(tmp_path):
    (tmp_path / "index.html").write_text("<html><body data-pagefind-body>x</body></html>")
    with pytest.raises(SearchIndexError, match="Pagefind"):
        build_index(tmp_path, bundle_dir="../../../../../../../../proc/forbidden")


def test_word_boundaries_reach_the_index(tmp_path):
    # Our <wbr> boundaries (nlpo3 + site dictionary) become zero-width spaces for Pagefind, and the
    # published page is left as it was.
    page = tmp_path / "news" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    html = (
        '<html lang="th"><body><nav>เมนู</nav><article data-pagefind-body><h1>หัวข้อ</h1>'
        "<p>การ<wbr>เผยแพร่<wbr>ข่าวสาร<wbr>ของ<wbr>ดวงตาแรงงาน</p></article></body></html>"
    )
    page.write_text(html, encoding="utf-8")
    (tmp_path / "index.html").write_text("<html><body>หน้าแรก</body></html>", encoding="utf-8")
    run = build_index(tmp_path)
    assert run.pages == 1 and run.found_body
    [indexed] = indexed_pages(tmp_path)
    assert indexed["url"] == "/news/x/"
    assert "การ\u200bเผยแพร่\u200bข่าวสาร\u200bของ\u200b" in indexed["content"]
    assert "เมนู" not in indexed["content"]
    assert page.read_text(encoding="utf-8") == html


def test_no_page_to_index_builds_no_bundle(tmp_path):
    (tmp_path / "index.html").write_text("<html><body>ไม่มีบทความ</body></html>", encoding="utf-8")
    run = build_index(tmp_path)
    assert (run.pages, run.found_body) == (0, False)
    assert not (tmp_path / "pagefind").exists()


def test_reindexing_replaces_the_old_bundle(tmp_path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text('<html lang="th"><body><article data-pagefind-body>ข่าว<wbr>แรก</article></body></html>')
    build_index(tmp_path)
    page.write_text('<html lang="th"><body><article data-pagefind-body>ข่าว<wbr>ที่สอง</article></body></html>')
    build_index(tmp_path)
    assert len(list((tmp_path / "pagefind").glob("*.pf_meta"))) == 1
    [indexed] = indexed_pages(tmp_path)
    assert "ที่สอง" in indexed["content"] and "แรก" not in indexed["content"]


PAGE = (
    '<!DOCTYPE html><html lang="th"><head><title>ข่าว | ศปท.</title><link rel="stylesheet" href="/x.css">'
    '</head><body><nav>เมนูหลัก</nav><main><article class="article" data-pagefind-body '
    'data-pagefind-filter="category:ประกาศ"><h1>ประกาศ<wbr>รับสมัคร</h1>'
    '<section><article class="card">การ์ดซ้อน</article></section><p>เนื้อหา</p></article>'
    '<aside><article class="card">ข่าวอื่น</article></aside></main><footer>สายด่วน 1546</footer>'
    "</body></html>"
)


def test_pagefind_gets_only_the_indexed_element():
    part = indexed_part(PAGE)
    assert part.startswith('<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ข่าว | ศปท.</title>')
    body = PAGE[PAGE.index("<article class=\"article\""):PAGE.index("<aside>")]
    body = body[: body.rindex("</article>") + len("</article>")]
    assert part.endswith("<body>" + body + "</body></html>")  # nested <article> kept whole
    for outside in ("เมนูหลัก", "ข่าวอื่น", "1546", "x.css"):
        assert outside not in part


@pytest.mark.parametrize("html", [
    PAGE.replace("<p>เนื้อหา</p></article>", "<p>เนื้อหา</p>"),  # never closed
    PAGE.replace("<aside><article", "<aside><article data-pagefind-body"),  # two indexed elements
    PAGE.replace("<nav>", "<!-- data-pagefind-body --><nav>"),  # also named elsewhere
    "<html><body>no indexed element</body></html>",
])
def test_a_page_that_cannot_be_cut_safely_is_given_whole(html):
    assert indexed_part(html) == html


def test_trimmed_copies_index_exactly_what_whole_pages_do(site, tmp_path, monkeypatch):
    import thai_search.indexer as indexer
    from thai_search.settings import DEFAULTS

    results = []
    for name, cut in (("trimmed", indexer.indexed_part), ("whole", lambda html: html)):
        copy = tmp_path / name
        shutil.copytree(site.output, copy, ignore=shutil.ignore_patterns("pagefind"))
        monkeypatch.setattr(indexer, "indexed_part", cut)
        run = build_index(copy, exclude_selectors=DEFAULTS["THAI_SEARCH_EXCLUDE_SELECTORS"][0])
        results.append((run.pages, indexed_pages(copy)))
    (trimmed_count, trimmed), (whole_count, whole) = results
    assert trimmed_count == whole_count > 20
    assert trimmed == whole
