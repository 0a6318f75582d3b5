"""On a phone, a reader taps a release's telephone number to call it (thai_text/phone_links.py).

Every `tel:` link of every page of the sample site, on a 360 px phone with touch: it looks like a
link (underlined: WCAG 1.4.1, a link in text is not told by its colour alone), it holds its number
on one line, and a tap at its middle reaches the link itself (nothing lies over it: the table's
labels on a phone, the inline blocks of kept words). The tap is recorded and its navigation
stopped: a headless browser has no telephone to hand the number to.
"""

from __future__ import annotations

import pytest

from tools.linebreaks import site_pages

pytestmark = pytest.mark.browser

RECORD_TAPS = """() => {
  window.tapped = [];
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href^="tel:"]');
    if (link) { window.tapped.push(link.getAttribute('href')); event.preventDefault(); }
  }, true);
}"""

LINKS = """() => Array.from(document.querySelectorAll('main a[href^="tel:"]'), (a, i) => {
  a.dataset.telIndex = i;
  const style = getComputedStyle(a);
  return {href: a.getAttribute('href'), text: a.textContent, lines: new Set(Array.from(a.getClientRects(), r => Math.round(r.top))).size,
          underlined: style.textDecorationLine.includes('underline')};
})"""


def test_every_telephone_link_can_be_tapped_on_a_phone(open_page, sample_site, sample_url):
    pages = [path for path in site_pages(sample_site.output)
             if 'href="tel:' in (sample_site.output / path.strip("/") / "index.html").read_text(encoding="utf-8")]
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
    assert tapped >= 30
