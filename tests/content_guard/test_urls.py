"""Where URLs lead: the sanitiser decides as a browser does (WHATWG URL parsing).

The table holds the forms that fooled an RFC 3986 parser; the hypothesis test builds URLs from
the same pieces in any order and checks that no image the sanitiser keeps leaves the site. The
browser test (tests/browser/test_foreign_urls.py) shows Chromium agrees with these verdicts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from content_guard.sanitize import sanitize  # noqa: E402
from content_guard.urls import LOCAL_HOST, LOCAL_PAGE, is_same_site, resolve, site_path  # noqa: E402

SITE = ("https://zerocorruption.mol.go.th",)

FOREIGN = [
    "/\\evil.example/x.png",
    "\\\\evil.example\\x.png",
    "//evil.example/z.png",
    "\\/evil.example/a.png",
    "/\t/evil.example/a.png",
    "/\n/evil.example/a.png",
    "ht\ttps://evil.example/a.png",
    "h\nttps://evil.example/a.png",
    "HTTPS://evil.example/a.png",
    "https:evil.example/a.png",
    "https:\\\\evil.example/a.png",
    " \x01//evil.example/a.png",
    "{static}//evil.example/x.png",
    "{static}/\\evil.example/x.png",
    "{static}\\\\evil.example/x.png",
    "{filename}//evil.example/x.png",
    "{static}/\t/evil.example/x.png",
    "data:image/png;base64,iVBORw0KGgo=",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "https://zerocorruption.mol.go.th.evil.example/a.png",
    "https://zerocorruption.mol.go.th@evil.example/a.png",
]
LOCAL = [
    "/images/a.png",
    "a.png",
    "../images/a.png",
    "./a.png",
    "%2F%2Fevil.example/x.png",  # a path on the site: the browser asks the site for it
    "/%5Cevil.example/x.png",
    "{static}/images/a.jpg",
    "{static}images/a.jpg",
    "https://zerocorruption.mol.go.th/theme/a.png",
    "HTTPS://ZEROCORRUPTION.MOL.GO.TH/theme/a.png",
]


@pytest.mark.parametrize("url", FOREIGN)
def test_foreign_forms_are_not_the_site(url):
    assert not is_same_site(url, SITE)
    html = sanitize(f'<p><img src="{url}" alt="x"></p>', SITE).html
    assert "<img" not in html, html


@pytest.mark.parametrize("url", LOCAL)
def test_local_forms_are_the_site(url):
    assert is_same_site(url, SITE)
    assert "<img" in sanitize(f'<p><img src="{url}" alt="x"></p>', SITE).html


@pytest.mark.parametrize("written", [
    "jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "java&#x09;script:alert(1)",
    "javascript&colon;alert(1)", "&#x2F;&#x5C;evil.example/a.png", "&#47;&#47;evil.example/a.png",
])
def test_entities_are_decoded_before_deciding(written):
    html = sanitize(f'<p><img src="{written}" alt="x"><a href="{written}">ลิงก์</a></p>', SITE).html
    assert "<img" not in html
    assert "javascript" not in html.lower()


def test_link_targets_inside_the_site():
    assert site_path("/news/a/", "news/b/", SITE) == "news/a/"
    assert site_path("../a/", "news/b/", SITE) == "news/a/"
    assert site_path("https://zerocorruption.mol.go.th/news/a/", "news/b/", SITE) == "news/a/"
    assert site_path("/ข่าว/", "", SITE) == "ข่าว/"
    for url in ("/\\evil.example/", "https://evil.example/", "mailto:a@b.c", "#top", "tel:1546"):
        assert site_path(url, "news/b/", SITE) is None


PIECES = st.sampled_from([
    "/", "\\", "//", "\\\\", "\t", "\n", " ", "\x00", "%2F", "%5C", ":", "@", ".", "..",
    "http:", "https:", "HTTPS:", "hTtP:", "ht\ttp:", "java", "script:", "data:",
    "{static}", "{filename}", "evil.example", "zerocorruption.mol.go.th", "images", "a.png",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join))
def test_no_kept_image_leaves_the_site(url):
    """Whatever the pieces, an image the sanitiser keeps is requested from the site itself."""
    html = sanitize(f'<p><img src="{url}" alt="x"></p>', SITE).html
    if "<img" not in html:
        return
    src = html.split('src="', 1)[1].split('"', 1)[0]
    import html as html_lib

    src = html_lib.unescape(src)
    if src.startswith("{"):  # a Pelican placeholder: Pelican puts the site's address before it
        src = src.split("}", 1)[1]
        assert not src.startswith(("//", "/\\")) and "\\" not in src
        src = "/" + src.lstrip("/")
    target = resolve(src, LOCAL_PAGE)
    assert target is not None
    assert target.host in (LOCAL_HOST, "zerocorruption.mol.go.th"), (url, src, target.href)
