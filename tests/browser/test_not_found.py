"""The page not found offers the pages whose address is nearest to the one asked for.

A reader who gets a release's link cut short (copied in part, or broken across two lines of a
chat message) or mistyped met a 404 page with only the home page, the archive and search. The
page now reads the sitemap (same origin, on this page only) and offers up to three pages, each
under its title (theme/static/js/not-found.js). Property over every release of the sample site:
its address cut after three fifths of its slug offers it (first, unless that cut is the start of
another release's address too); one letter of its slug dropped or changed, or two swapped,
offers it; so do, first, its address with more after it (`amp/`, Thai words run into the link)
and its address in capitals.
An address near nothing offers nothing.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.sample_pages import releases

pytestmark = pytest.mark.browser


def _offered(page) -> list[tuple[str, str]]:
    """(path, text) of each page the 404 page offers, once it has decided."""
    page.wait_for_selector("#not-found-nearest[data-state=done]", state="attached")
    section = page.locator("#not-found-nearest")
    if section.is_hidden():
        return []
    return [(link.get_attribute("href"), link.inner_text()) for link in section.locator("a").all()]


def _title(sample_site, url: str) -> str:
    from bs4 import BeautifulSoup

    html = (sample_site.output / url.strip("/") / "index.html").read_text(encoding="utf-8")
    return " ".join(BeautifulSoup(html, "html.parser").find("h1").get_text().split())


def _asked(all_releases) -> list[tuple[str, str, bool]]:
    """(address asked for, the release it should offer, whether first) for every release: cut,
    a letter dropped, changed, two swapped, more after it, in capitals."""
    cases = []
    for i, release in enumerate(all_releases):
        slug = release.url.strip("/").split("/")[-1]
        middle = len(slug) // 2
        cut = release.url[: release.url.index(slug) + max(3, len(slug) * 3 // 5)]
        dropped = release.url.replace(slug, slug[:middle] + slug[middle + 1:])
        changed = release.url.replace(slug, slug[:middle] + ("x" if slug[middle] != "x" else "y") + slug[middle + 1:])
        # First, unless the cut address is the start of another release's too (ita-results-25...).
        alone = sum(other.url.startswith(cut) for other in all_releases) == 1
        swapped = release.url.replace(slug, slug[:middle - 1] + slug[middle] + slug[middle - 1] + slug[middle + 1:])
        # more after its address: the /amp/ of an old WordPress link, or words run into it in a chat
        below = release.url + ("amp/" if i % 2 else "%E0%B8%AD%E0%B9%88%E0%B8%B2%E0%B8%99%E0%B8%95%E0%B9%88%E0%B8%AD")
        # its address in capitals (a host that tells /News/ from /news/, as GitHub Pages does)
        shouted = release.url.upper()
        for asked, first in ((cut, alone), (dropped, False), (changed, False), (swapped, False), (below, True),
                             (shouted, True)):
            if asked != release.url:  # two letters alike swapped
                cases.append((asked, release.url, first))
    return cases


def test_a_release_asked_for_by_a_cut_or_mistyped_address_is_offered(open_page, sample_site, sample_url):
    """Every case is asked of the page's own `offered` (what the page runs on load), in one page;
    one case of each release, a different kind for each in turn, is then opened as a reader
    opens it: a 404 whose links, under the releases' titles, are those offered."""
    page = open_page(sample_url + "/404.html", width=360, height=800)
    all_releases = releases()
    assert len(all_releases) >= 20
    cases = _asked(all_releases)
    offers = page.evaluate("""async (asked) => {
      const script = document.querySelector('script[data-sitemap]');
      const { offered } = await import(script.src);
      const found = [];
      for (const path of asked) found.push(await offered(script.dataset.sitemap, new URL(path, location.href).pathname));
      return found;
    }""", [asked for asked, _url, _first in cases])
    missed = [(asked, paths) for (asked, url, first), paths in zip(cases, offers)
              if (paths[:1] if first else paths).count(url) != 1]
    each = [[case for case in cases if case[1] == release.url] for release in all_releases]
    opened = [its[i % len(its)] for i, its in enumerate(each)]  # cut, dropped, changed, ... in turn
    for asked, url, first in opened:
        response = page.goto(sample_url + asked)
        assert response.status == 404, asked
        offered = _offered(page)
        paths = [path for path, _text in offered]
        if (paths[:1] if first else paths).count(url) != 1:
            missed.append((asked, "on the page", paths))
        elif dict(offered)[url] != _title(sample_site, url):
            missed.append((asked, "title", dict(offered)[url]))
    assert len(cases) >= 5 * len(all_releases) and len({asked for asked, _u, _f in opened}) == len(all_releases)
    assert missed == []
    assert page.problems.page_errors == [] and page.problems.foreign_requests == []


def test_the_link_check_ranks_pages_as_the_404_page_does(open_page, sample_site, sample_url):
    """The check of a link to a page that is not there names the page it meant (content_guard's
    nearest_pages.py, in Python); a reader who follows the link gets the 404 page's offers
    (not-found.js). For every cut or mistyped address of every release, and a few of their own,
    both give the same pages in the same order, over the paths of the site's sitemap."""
    import re
    import sys

    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "plugins"))
    from content_guard.nearest_pages import nearest

    sitemap = (sample_site.output / "sitemap.xml").read_text(encoding="utf-8")
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    asked = [a for a, _url, _first in _asked(releases())] + [
        "/pages/report/", "/news", "/abuot/", "/abt/", "/contat/", "/about/team/feed/", "/qqzzq/wwvvk/",
        "/News/%E0%B8%AD"]
    page = open_page(sample_url + "/404.html", width=360, height=800)
    in_browser = page.evaluate("""([asked, paths]) => import(document.querySelector('script[data-sitemap]').src)
      .then(({ nearest }) => asked.map(a => nearest(a, paths)))""", [asked, paths])
    assert len(paths) > 50 and len(asked) > 200
    assert [(a, nearest(a, paths)) for a in asked] == list(zip(asked, in_browser))


def test_an_address_near_nothing_offers_nothing(open_page, sample_url):
    page = open_page(sample_url + "/news/qqzzq-wwvvk-2599/", width=360, height=800)
    assert _offered(page) == []
    expect(page.locator("#main").get_by_role("link", name="หน้าแรก")).to_be_visible()
    # A folder is the start of every page in it, not a link cut short.
    nearest = page.evaluate("""async () => {
      const { nearest } = await import(document.querySelector('script[data-sitemap]').src);
      const pages = ['/', '/news/ita-results-2568/', '/news/ita-results-2565/', '/about/', '/about/team/'];
      return [nearest('/news', pages), nearest('/news/ita-res', pages), nearest('/abuot/', pages),
              nearest('/about/team/feed/', pages), nearest('/qqzzq/wwvvk/', pages)];
    }""")
    assert nearest == [[], ["/news/ita-results-2568/", "/news/ita-results-2565/"], ["/about/"],
                       ["/about/team/", "/about/"], []]


def test_the_offer_passes_axe(open_page, sample_url):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(sample_url + releases()[0].url[:-4], width=360, height=800)
    assert _offered(page)
    expect(page.locator("#not-found-nearest")).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
                                       "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
    assert page.problems.foreign_requests == []
