"""Social links are absent until the center's own accounts are configured (no placeholder links)."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

POST = {"news/a.md": "Title: ข่าวหนึ่ง\nDate: 2567-05-01 09:00\nCategory: ข่าวกิจกรรม\n\nเนื้อข่าว\n"}


def _home(result):
    return BeautifulSoup((result.output / "index.html").read_text("utf-8"), "html.parser")


def _organization(home):
    data = json.loads(home.find("script", type="application/ld+json").string)
    return next(node for node in data["@graph"] if node["@type"] == "GovernmentOrganization")


def test_no_social_links_by_default(build_site):
    result = build_site(POST)
    assert result.ok, result.errors
    home = _home(result)
    assert home.find(id="footer-social") is None
    assert "sameAs" not in _organization(home)
    for link in home.find_all("a", href=True):
        assert link["href"].rstrip("/") not in (
            "https://www.facebook.com", "https://line.me", "https://www.youtube.com"), link


def test_configured_accounts_are_shown_and_declared(build_site):
    page = "https://www.facebook.com/example-center-page"
    result = build_site(POST, SOCIAL=(("Facebook", page),))
    assert result.ok, result.errors
    home = _home(result)
    assert home.find(id="footer-social").find_next("a", href=page)
    assert _organization(home)["sameAs"] == [page]
