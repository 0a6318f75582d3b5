"""On a phone, a reader taps a release's telephone number to call it, or its e-mail address to
write (thai_text/contact_links.py).

Every `tel:` and `mailto:` link of the content of every page of the sample site, on a 360 px
phone with touch: it looks like a link (underlined: WCAG 1.4.1, a link in text is not told by its colour alone), it holds its number
on one line, and a tap at its middle reaches the link itself (nothing lies over it: the table's
labels on a phone, the inline blocks of kept words). The tap is recorded and its navigation
stopped: a headless browser has no telephone or mail program to hand it to.
"""

from __future__ import annotations

import re

import pytest

from tools.linebreaks import site_pages

pytestmark = pytest.mark.browser

RECORD_TAPS = """() => {
  window.tapped = [];
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href^="tel:"], a[href^="mailto:"]');
    if (link) { window.tapped.push(link.getAttribute('href')); event.preventDefault(); }
  }, true);
}"""

LINKS = """() => Array.from(document.querySelectorAll('main a[href^="tel:"], main a[href^="mailto:"]'), (a, i) => {
  a.dataset.telIndex = i;
  const style = getComputedStyle(a);
  return {href: a.getAttribute('href'), text: a.textContent, lines: new Set(Array.from(a.getClientRects(), r => Math.round(r.top))).size,
          underlined: style.textDecorationLine.includes('underline')};
})"""


def _main(page) -> str:
    return page.read_text(encoding="utf-8").split("<main", 1)[1].split("</main>", 1)[0]


def test_every_telephone_and_email_link_can_be_tapped_on_a_phone(open_page, sample_site, sample_url):
    pages = [path for path in site_pages(sample_site.output) if re.search(
        'href="(?:tel|mailto):', _main(sample_site.output / path.strip("/") / "index.html"))]
    assert len(pages) >= 15  # the releases that give the hotline or an office's number, and the contact page
    page = open_page(None, width=360, height=740, has_touch=True, is_mobile=True)
    tapped = 0
    for path in pages:
        page.goto(sample_url + path, wait_until="load")
        page.evaluate(RECORD_TAPS)
        links = page.evaluate(LINKS)
        for index, link in enumerate(links):
            assert link["underlined"], (path, link)
            assert link["lines"] == 1, (path, link)  # the number is not cut across two lines
            locator = page.locator(f'main a[data-tel-index="{index}"]')
            locator.scroll_into_view_if_needed()
            locator.tap()
            assert page.evaluate("window.tapped.at(-1)") == link["href"], (path, link)
            tapped += 1
        assert not page.problems.all(), page.problems.all()
    assert tapped >= 34
