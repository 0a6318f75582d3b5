"""The imported archive, read as the public reads the site: the properties of the sample site's
search and accessibility tests, held over every page the test export becomes (its raw HTML
tables, figures, embedded videos and old shortcodes included), not only over the releases we wrote.
"""

from __future__ import annotations

import pytest

from tests.browser.test_search import searched
from tests.thai_search.sample_words import site_words
from tools.linebreaks import site_pages

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _is_redirect(output, path: str) -> bool:
    """A page the build writes at an old address: it sends the reader on at once."""
    target = output / path.lstrip("/")
    target = target / "index.html" if target.is_dir() else target
    return target.is_file() and 'http-equiv="refresh"' in target.read_text(encoding="utf-8", errors="replace")


def test_every_word_of_the_archive_finds_its_page(imported_site, serve, browser):
    output = imported_site.output
    url = serve(output)
    words = site_words(output)
    assert len(words) >= 30 and sum(map(len, words.values())) > 3000
    found = searched(browser, url, words)
    missed = sorted((word, path) for path, page_words in words.items() for word in page_words
                    if path not in found[word])
    assert missed == []


def test_every_archive_page_passes_axe_on_a_phone(imported_site, serve, open_page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    output = imported_site.output
    url = serve(output)
    pages = [path for path in site_pages(output) if not _is_redirect(output, path)]
    assert len(pages) >= 60
    page = open_page(None, width=360, height=800)
    found = {}
    for path in pages:
        page.goto(url + path, wait_until="load")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS + ["best-practice"]},
                                         "resultTypes": ["violations"]})
        if results.violations_count:
            found[path] = results.generate_report()
    assert not found, "\n".join(f"{path}:\n{report}" for path, report in found.items())
    assert page.problems.all() == []
