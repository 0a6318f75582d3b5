"""axe-core (axe-playwright-python) finds no WCAG 2.1 A/AA violation, nor any of its best-practice
findings (heading order, landmarks, ...), on any page of the sample site at 360 px (every article,
page and listing, the search page with results, the 404 page), and none of WCAG 2.1 A/AA on each
kind of page at 1280 px."""

from __future__ import annotations

import pytest

from tests.conftest import category_path
from tests.sample_pages import releases, with_attachments, with_gallery, without_gallery
from tools.linebreaks import site_pages

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "/",
    "article": without_gallery().url,
    "article with gallery": with_gallery().url,
    "article with attachments": with_attachments().url,
    "list": "category:ข่าวกิจกรรม",
    "static page": "/report/",
    "archives": "/archives/",
    "404": "/404.html",
}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


# The desktop layout for the page types whose layout changes most (every page at 360 px below).
CASES = [(name, 1280) for name in ("home", "article with gallery", "list", "static page", "404")]


@pytest.mark.parametrize(("name", "width"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_no_wcag_violations(open_page, sample_site, sample_url, axe, name, width):
    path = PAGES[name]
    if path.startswith("category:"):
        path = category_path(sample_site, path.split(":", 1)[1])
    page = open_page(sample_url + path, width=width, height=800)
    page.wait_for_load_state("networkidle")
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                     "resultTypes": ["violations"]})
    assert results.violations_count == 0, (
        f"{name} at {width}px: {results.violations_count} violation(s)\n{results.generate_report()}"
    )


def test_no_violations_on_any_page_on_a_phone(open_page, sample_site, sample_url, axe):
    pages = site_pages(sample_site.output) + ["/search/?q=แรงงาน", "/404.html"]
    assert {r.url for r in releases()} <= set(pages)
    page = open_page(None, width=360, height=800)
    found = {}
    for path in pages:
        page.goto(sample_url + path, wait_until="load")
        if path.startswith("/search/"):
            page.wait_for_selector("#search-results li a")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS + ["best-practice"]},
                                         "resultTypes": ["violations"]})
        if results.violations_count:
            found[path] = results.generate_report()
    assert not found, "\n".join(f"{path}:\n{report}" for path, report in found.items())


def test_focus_is_visible(open_page, sample_url):
    """Keyboard focus draws an outline on links in the header, content and footer."""
    page = open_page(sample_url + PAGES["article"])
    page.wait_for_load_state("networkidle")
    styles = []
    for selector in (".site-nav a", ".prose a, .tags a", ".site-footer a"):
        page.locator(selector).first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        styles.append(page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        ))
    for tag, style, width in styles:
        assert tag == "A" and style != "none" and width >= 2, styles
