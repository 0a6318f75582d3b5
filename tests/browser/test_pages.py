"""The sample site in Chromium: clean loads, navigation, skip link, no sideways scroll, page weight."""

from __future__ import annotations

import pytest

from tests.conftest import category_path
from tests.sample_pages import with_gallery, without_gallery

pytestmark = pytest.mark.browser

ARTICLE = with_gallery().url  # has a gallery: the heaviest kind of article
PLAIN_ARTICLE = without_gallery().url
LIST = "category:ข่าวกิจกรรม"  # resolved from the home page's menu
STATIC = "/report/"
PAGES_360 = ["/", ARTICLE, PLAIN_ARTICLE, LIST, STATIC, "/archives/", "/tag/", "/404.html"]


def resolve(site, path: str) -> str:
    return category_path(site, path.split(":", 1)[1]) if path.startswith("category:") else path


def _settled(page):
    page.wait_for_load_state("networkidle")
    return page


def test_home_and_article_load_cleanly(open_page, sample_url):
    for path in ("/", ARTICLE, PLAIN_ARTICLE):
        page = _settled(open_page(sample_url + path))
        assert page.problems.all() == [], f"{path}: {page.problems}"
        assert page.locator("h1").count() == 1, path


def test_home_to_article_and_back(open_page, sample_url):
    page = _settled(open_page(sample_url + "/"))
    link = page.locator(".card-highlight .card-title a")
    title = link.inner_text().replace("\u200b", "")
    link.click()
    page.wait_for_url("**/news/**")
    assert page.locator("h1").inner_text().replace("\u200b", "") == title
    page.go_back()
    page.wait_for_url(sample_url + "/")
    assert page.locator(".card-highlight").is_visible()
    assert page.problems.all() == [], page.problems


def test_skip_link_moves_focus_to_main(open_page, sample_url):
    page = _settled(open_page(sample_url + PLAIN_ARTICLE))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0 and box["height"] >= 24, "the focused skip link must be visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


@pytest.mark.parametrize("path", PAGES_360)
def test_nothing_scrolls_sideways_at_360px(open_page, sample_site, sample_url, path):
    path = resolve(sample_site, path)
    page = _settled(open_page(sample_url + path, width=360, height=740))
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{path}: scrollWidth {widths[0]} > clientWidth {widths[1]}"
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                           && getComputedStyle(e).position !== 'absolute'
                           && !e.closest('.visually-hidden, .search-visually-hidden'))
              .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    assert wide == [], f"{path}: elements wider than the screen: {wide}"


def test_every_table_on_a_phone_shows_each_heading_with_a_value(open_page, sample_site, sample_url):
    """Below 40em a table's rows are blocks and each cell shows its column heading above it (below
    22.5em for a table that fits a phone: test_tables_on_phones.py). An empty cell (the totals row
    of the Mae Hong Son table leaves อำเภอ empty) showed its heading over nothing, as if a figure
    were missing; now it is not shown. Every cell with text is."""
    from tools.linebreaks import site_pages

    output = sample_site.output
    tables = [path for path in site_pages(output)
              if "<td data-label" in (output / path.strip("/") / "index.html").read_text(encoding="utf-8")]
    assert len(tables) >= 5
    empty = 0
    for path in tables:
        page = open_page(sample_url + path, width=320, height=640)
        cells = page.evaluate("""() => [...document.querySelectorAll('.prose td[data-label]')].map(
            td => [td.dataset.label, td.textContent.trim(), td.getClientRects().length > 0])""")
        for label, text, shown in cells:
            assert shown == bool(text), (path, label, text, shown)
        empty += sum(1 for _label, text, _shown in cells if not text)
    assert empty >= 1  # the sample holds an empty cell, so the test can fail


@pytest.mark.parametrize("path", ["/", PLAIN_ARTICLE, "/archives/"])
def test_navigation_targets_are_44px_on_phones(open_page, sample_url, path):
    page = _settled(open_page(sample_url + path, width=360, height=740))
    sizes = page.eval_on_selector_all(
        ".site-nav a, .breadcrumbs a, .pagination a, .to-top, .footer-links a, .tags a, .share a,"
        " .year-index a, .search-box-input, .search-box-button",
        "els => els.map(e => [e.className || e.textContent.trim().slice(0, 20), e.getBoundingClientRect().height])",
    )
    small = [s for s in sizes if s[1] < 44]
    assert sizes and not small, f"{path}: targets under 44px: {small}"


def test_every_request_stays_on_127_0_0_1(open_page, sample_site, sample_url):
    seen = []
    for path in ("/", ARTICLE, resolve(sample_site, LIST), STATIC, "/search/?q=แรงงาน"):
        page = open_page(None)
        page.on("request", lambda r: seen.append(r.url))
        page.goto(sample_url + path)
        _settled(page)
        assert page.problems.foreign_requests == [], f"{path}: {page.problems.foreign_requests}"
    assert seen and all(u.startswith(("http://127.0.0.1:", "data:", "blob:")) for u in seen)


def test_fonts_come_from_the_site(open_page, sample_url):
    page = _settled(open_page(sample_url + PLAIN_ARTICLE))
    loaded = page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')"
        ".map(f => f.family + ' ' + f.weight))"
    )
    assert any("Sarabun" in f and "400" in f for f in loaded), loaded
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Sarabun")


def _page_weight(open_page, url) -> tuple[int, int]:
    """Bytes transferred (headers + bodies, as Chromium counts them) and the number of requests."""
    page = open_page(None)
    client = page.context.new_cdp_session(page)
    client.send("Network.enable")
    sizes = {}
    client.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url)
    _settled(page)
    page.wait_for_timeout(300)
    return sum(sizes.values()), len(sizes)


def test_page_weight_of_home_and_article(open_page, sample_url, capsys):
    budgets = {"/": 150_000, ARTICLE: 400_000, PLAIN_ARTICLE: 150_000}
    report = []
    for path, budget in budgets.items():
        weight, count = _page_weight(open_page, sample_url + path)
        report.append(f"{path}: {weight:,} bytes in {count} requests")
        assert weight <= budget, f"{path}: {weight:,} bytes > budget {budget:,}"
    with capsys.disabled():
        print("\npage weight (1280x900, cold cache): " + "; ".join(report))


def test_print_shows_the_press_release_only(open_page, sample_url):
    page = _settled(open_page(sample_url + PLAIN_ARTICLE))
    page.emulate_media(media="print")
    hidden = page.eval_on_selector_all(
        ".site-nav, .header-search, .breadcrumbs, .share, .prev-next, .related, .to-top-row",
        "els => els.map(e => getComputedStyle(e).display)",
    )
    assert hidden and set(hidden) == {"none"}, hidden
    assert page.locator("article.article h1").is_visible()
    assert page.locator(".prose").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") in (
        "rgba(0, 0, 0, 0)", "transparent")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
