"""axe-core (axe-playwright-python) finds no WCAG 2.1 A/AA violation on the sample site's pages."""

from __future__ import annotations

import pytest

from tests.conftest import category_path
from tests.sample_pages import with_attachments, with_gallery, without_gallery

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


# Every page on a phone; the desktop layout for the page types whose layout changes most.
CASES = [(name, 360) for name in PAGES] + [(name, 1280) for name in ("home", "article with gallery", "list")]


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
