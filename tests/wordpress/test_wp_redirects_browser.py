"""A real browser follows every old address of the WordPress site to its new page.

The imported site is served as a static host serves it (no server rules, like GitHub Pages): the
redirect pages alone must bring the reader to the new address. Addresses are requested the way
links in LINE and Facebook carry them: percent-encoded, in WordPress's lower case and in a
browser's upper case.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

import pytest

from wp_helpers import imported_files, old_pages
from tools.wordpress.importer import REDIRECT_FILE
from wp_legacy.nginx_map import parse
from wp_legacy.redirect_pages import page_path

pytestmark = pytest.mark.browser


def _old_addresses(root):
    """(old path as a link carries it, expected new path) for every old address with a page."""
    pairs = old_pages(root)
    held = f"/news/{imported_files(root)['105']['slug']}/"
    for entry in parse((root / REDIRECT_FILE).read_text(encoding="utf-8")):
        if entry.is_query or page_path(entry.source) is None or entry.target == held:
            continue
        pairs.setdefault(quote(entry.source, safe="/"), entry.target)
    return pairs


def test_every_old_address_leads_to_its_new_page(imported, imported_site, serve, open_page):
    root, _ = imported
    base = serve(imported_site.output)
    pairs = _old_addresses(root)
    assert len(pairs) >= 60
    page = open_page("")
    # Only the documents matter here: the new pages' styles, scripts and photos are not loaded.
    page.route("**/*", lambda route: route.continue_() if route.request.resource_type == "document"
               else route.abort("aborted"))
    followed = 0
    for old, new in sorted(pairs.items()):
        if old.rstrip("/") == new.rstrip("/"):
            continue
        for spelling in dict.fromkeys([old, _upper_hex(old)]):
            page.goto(base + spelling, wait_until="commit")
            try:
                page.wait_for_url(lambda url: unquote(urlsplit(url).path) == unquote(new), timeout=10_000,
                                  wait_until="commit")
            except Exception:
                raise AssertionError(f"{spelling} did not lead to {new} (at {page.url})") from None
            followed += 1
    assert followed >= len(pairs)
    foreign = [u for u in page.problems.foreign_requests if not u.startswith(("chrome-extension://", "chrome://"))]
    assert foreign == []  # (the browser's own PDF viewer is an extension page)
    assert [p for p in page.problems.failed_requests if "/feeds/" not in p and "chrome://" not in p] == []


def _upper_hex(path: str) -> str:
    """%e0%b8%82 -> %E0%B8%82 (how browsers encode what a person types or pastes)."""
    out, i = [], 0
    while i < len(path):
        if path[i] == "%" and i + 2 < len(path):
            out.append(path[i : i + 3].upper())
            i += 3
        else:
            out.append(path[i])
            i += 1
    return "".join(out)


def test_redirect_page_is_accessible_and_says_where_the_page_went(imported, imported_site, open_page):
    root, _ = imported
    old = next(o for o in _old_addresses(root) if "%" in o and o.startswith("/news/"))
    path = imported_site.output / page_path(old)
    html = path.read_text(encoding="utf-8")
    assert "หน้านี้ย้ายไปที่อยู่ใหม่แล้ว" in html and "This page has moved" in html
    page = open_page("")
    page.route("**/*", lambda route: route.abort("aborted"))  # stay on the page: no refresh
    page.set_content(html)  # the page itself, without following the refresh
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    assert results.violations_count == 0, results.generate_report()


def test_the_old_feed_address_names_the_new_feed(imported_site):
    """Feed readers follow no refresh: one subscribed to the old site's /feed/ finds the new feed
    by the page's alternate link (autodiscovery), on a host with no server rules."""
    for old in ("feed", "feed/rss2", "category/ข่าวกิจกรรม/feed"):
        html = (imported_site.output / old / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/(rss|atom)\+xml" href="/feeds/[^"]+\.xml">', html), old
