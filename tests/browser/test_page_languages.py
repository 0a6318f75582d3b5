"""Language of parts in Chromium, over every page of the sample site: each letter of Thai, Lao,
Myanmar or Khmer script is inside an element whose language (the nearest `lang`, as the browser
and a screen reader take it) is that script's, and the notice to migrant workers has its Myanmar,
Khmer, Lao and English paragraphs in their own languages. The search page's results too, whose
excerpts the browser builds from the index's plain text. Scripts are told by the browser's own
Unicode script classes, not by the plugin's ranges."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tools.linebreaks import site_pages

pytestmark = pytest.mark.browser

NOTICE = "/news/migrant-notice-four-languages-2569/"

MISREAD = r"""() => {
  const scripts = [['th', /\p{Script=Thai}/u], ['lo', /\p{Script=Lao}/u],
                   ['my', /\p{Script=Myanmar}/u], ['km', /\p{Script=Khmer}/u]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const wrong = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest('script, style, pre, code, template')) continue;
    const lang = (parent.closest('[lang]')?.getAttribute('lang') || '').split('-')[0];
    for (const char of node.data) {
      if (!/\p{L}|\p{M}/u.test(char)) continue;
      const found = scripts.find(([, pattern]) => pattern.test(char));
      if (found && found[0] !== lang) wrong.push(`${char} (${found[0]}) in ${lang}: ${node.data.slice(0, 40)}`);
    }
  }
  return wrong;
}"""

BLOCK_LANGS = r"""() => [...document.querySelectorAll('main .prose > :is(p, h2), main .prose td')]
  .map(element => [element.closest('[lang]').getAttribute('lang'), element.textContent.trim().slice(0, 30)])"""


# Searches whose results quote the notice's Myanmar, Khmer and Lao (the excerpt is built in the
# browser from the index's plain text) and its English and Thai.
SEARCHES = [f"/search/?q={quote(q)}" for q in ("ပွဲစား", "ឈ្មួញកណ្តាល", "ນາຍໜ້າ", "permit", "แรงงานข้ามชาติ")]


def test_every_letter_is_in_its_language_on_every_page(open_page, sample_site, sample_url):
    pages = site_pages(sample_site.output) + ["/404.html"] + SEARCHES
    assert NOTICE in pages
    page = open_page(None, width=390, height=800)
    wrong = {}
    for path in pages:
        page.goto(sample_url + path, wait_until="load")
        if path.startswith("/search/"):
            page.wait_for_selector("#search-results li a")
        found = page.evaluate(MISREAD)
        if found:
            wrong[path] = found[:5]
    assert not wrong, wrong


def test_the_notice_reads_each_language_in_its_own(open_page, sample_url):
    page = open_page(sample_url + NOTICE, width=390, height=800)
    langs = page.evaluate(BLOCK_LANGS)
    paragraphs = [lang for lang, _ in langs]
    # The Thai opening, then one paragraph of each language after its heading, two of English.
    for lang in ("my", "km", "lo"):
        assert paragraphs.count(lang) == 1, langs
    assert paragraphs.count("en") == 2, langs
    assert paragraphs[0] == "th"
    # The Burmese words quoted in a Thai paragraph, and a table cell naming a language.
    assert page.locator('p:not([lang]) span[lang="my"]').first.inner_text() == "ငွေပေးရန် မလိုပါ"
    assert page.locator('td span[lang="lo"]').inner_text() == "ລາວ"
    assert page.problems.all() == [], page.problems
