"""Old WordPress links that a static host cannot answer with a file of their own.

On GitHub Pages an old link with a query (`/?p=12`, shared from Facebook as `/?p=12&fbclid=...`)
is answered with the home page, and `/index.php?p=12` with the page not found; an old Thai
address cut short by a chat app (its letters are nine characters each, percent-encoded) has no
redirect page. The build publishes the old addresses (plugins/wp_legacy/address_book.py) and the
home page and the page not found read them (theme/static/js/old-address.js, not-found.js).
Properties over the test export's addresses, served as a static host serves them.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, unquote, urlsplit

import pytest

from tests.browser.test_not_found import _offered as offered_with_titles
from tools.wordpress.importer import REDIRECT_FILE
from wp_helpers import old_pages
from wp_legacy.nginx_map import parse, query_parts

pytestmark = pytest.mark.browser

# What the old links carry besides the old parameter: Facebook's click id after it, a campaign's
# parameters before it.
ADDED = ("{query}&fbclid=IwAR3xYz_0aBcD", "utm_source=line&utm_medium=chat&{query}")


def _arrived(page, path: str, timeout: int = 10_000) -> bool:
    try:
        page.wait_for_url(lambda url: unquote(urlsplit(url).path) == unquote(path), timeout=timeout,
                          wait_until="commit")
        return True
    except Exception:
        return False


def _documents_and_scripts(page):
    """Only what the redirect needs: pages, scripts and the address book (no styles, photos)."""
    page.route("**/*", lambda route: route.continue_()
               if route.request.resource_type in ("document", "script", "fetch") else route.abort("aborted"))


def test_every_old_link_with_a_query_leads_to_its_page(imported, imported_site, serve, open_page):
    root, _ = imported
    base = serve(imported_site.output)
    entries = [e for e in parse((root / REDIRECT_FILE).read_text(encoding="utf-8")) if e.is_query]
    book = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (imported_site.output / "wordpress-addresses").iterdir()}
    assert len(entries) >= 60 and {query_parts(e.source)[0] for e in entries} == {"/", "/index.php"}
    names = {query_parts(e.source)[1] for e in entries}
    assert names == {"p", "page_id", "attachment_id", "feed", "m", "cat", "tag", "author"}, names
    page = open_page("")
    _documents_and_scripts(page)
    missed, held = [], 0
    for i, entry in enumerate(sorted(entries, key=lambda e: e.source)):
        path, name, value = query_parts(entry.source)
        built = imported_site.output / unquote(entry.target).lstrip("/")
        if not (built / "index.html" if entry.target.endswith("/") else built).is_file():
            held += 1  # (a post held back until its date: not yet there)
            continue
        if "%" in value and i % 2:
            value = value.upper()  # a Thai tag slug as a browser encodes a pasted address
        asked = f"{base}{path}?" + ADDED[i % 2].format(query=f"{name}={value}")
        page.goto(asked, wait_until="commit")
        if not _arrived(page, entry.target):
            missed.append((asked, entry.target, page.url))
    assert missed == [] and held <= 2  # (the export's one post dated 2099: ?p= and /index.php?p=)
    assert sum(len(found) for name, found in book.items() if name.startswith("query-")) >= 40  # (no /index.php twins)


def test_a_wordpress_search_link_opens_the_search(imported_site, serve, open_page):
    base = serve(imported_site.output)
    page = open_page("")
    page.goto(base + "/?s=" + quote("สินบน") + "&fbclid=IwAR3", wait_until="commit")
    assert _arrived(page, "/search/")
    page.wait_for_load_state()
    assert page.locator("#search-q").input_value() == "สินบน"
    page.goto(base + "/index.php?s=" + quote("ของขวัญ ปีใหม่").replace("%20", "+"), wait_until="commit")
    assert _arrived(page, "/search/")
    page.wait_for_load_state()
    assert page.locator("#search-q").input_value() == "ของขวัญ ปีใหม่"


def test_the_home_page_reads_nothing_for_other_links(imported_site, serve, open_page):
    base = serve(imported_site.output)
    page = open_page("")
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    for query in ("", "?utm_source=line", "?fbclid=IwAR3", "?p=999999"):
        page.goto(base + "/" + query)
        page.wait_for_selector("script[data-old-addresses][data-state=done]", state="attached")
        assert urlsplit(page.url).path == "/", query  # the home page stays
    books = [url for url in fetched if "/wordpress-addresses/" in url]
    assert len(books) == 1 and books[0].endswith("/wordpress-addresses/query-p.json")  # for ?p=999999 only
    assert page.problems.page_errors == [] and page.problems.foreign_requests == []


def _offered(page) -> list[str]:
    return [path for path, _title in offered_with_titles(page)]


def test_an_old_thai_address_cut_short_or_with_amp_offers_its_page(imported, imported_site, serve, open_page):
    root, _ = imported
    base = serve(imported_site.output)
    pairs = old_pages(root)
    assert len(pairs) >= 10
    page = open_page("", width=360, height=800)
    missed, asked_count = [], 0
    for old, new in sorted(pairs.items()):
        last = old.rstrip("/").rsplit("/", 1)[1]
        if "%" not in last:
            continue  # (an ASCII address: the sitemap's own offer, tests/browser/test_not_found.py)
        folder = old.rstrip("/")[: -len(last)]
        # cut after three fifths of the encoded letters, inside a letter's escapes as often as not;
        # with the escapes in upper case, as a browser writes what is pasted; whole, with the /amp/
        # WordPress's AMP plugin added
        for cut in (last[: len(last) * 3 // 5], last[: len(last) * 3 // 5 - 4].upper(), last + "/amp/"):
            response = page.goto(base + folder + cut)
            assert response.status == 404, folder + cut
            asked_count += 1
            if new not in _offered(page):
                missed.append((unquote(folder + cut, errors="replace"), new, _offered(page)))
    assert missed == [] and asked_count >= 20
    assert page.problems.page_errors == [] and page.problems.foreign_requests == []


def test_a_later_page_of_an_old_list_offers_the_new_one(imported, imported_site, serve, open_page):
    """A category's, a tag's or a month's second page, and a day of a month with no post (only
    days with one have a redirect), offer the new list first."""
    root, _ = imported
    base = serve(imported_site.output)
    entries = parse((root / REDIRECT_FILE).read_text(encoding="utf-8"))
    lists = {e.source + "page/2/": e.target for e in entries
             if e.source.startswith(("/category/", "/tag/")) and e.source.endswith("/") and "/feed/" not in e.source}
    months = {e.source: e.target for e in entries if re.fullmatch(r"/\d{4}/\d\d/", e.source)}
    lists.update({month + "page/2/": new for month, new in months.items()})
    days = {e.source for e in entries if re.fullmatch(r"/\d{4}/\d\d/\d\d/", e.source)}
    assert days
    for month, new in months.items():
        lists[month + next(f"{d:02d}/" for d in range(28, 0, -1) if f"{month}{d:02d}/" not in days)] = new
    assert len(lists) >= 5 + 2 * 5
    page = open_page("", width=360, height=800)
    missed = []
    for old, new in sorted(lists.items()):
        asked = quote(old, safe="/")
        assert page.goto(base + asked).status == 404
        if _offered(page)[:1] != [new]:
            missed.append((old, new, _offered(page)))
    assert missed == []


def test_a_site_without_an_old_site_loads_nothing_for_it(sample_site):
    assert not (sample_site.output / "wordpress-addresses").exists()
    for name in ("index.html", "404.html"):
        assert "old-address.js" not in (sample_site.output / name).read_text(encoding="utf-8")
