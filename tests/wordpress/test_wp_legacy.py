"""plugins/wp_legacy: the redirect file's format, redirect page paths, feed ids, settings."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from wp_legacy.address_book import address_book, as_redirect, book_files
from wp_legacy.nginx_map import Redirect, nginx_key, parse, render, renderable, writable
from wp_legacy.redirect_pages import page_path, redirect_html
from wp_legacy.settings import DEFAULTS, with_defaults

PATH_CHARS = st.characters(codec="utf-8", exclude_characters="\r\n\0${};", exclude_categories=("Cs",))


QUERY_VALUES = st.text("0123456789abcXYZ-_.%", min_size=1, max_size=12)
QUERY_NAMES = st.sampled_from(["p", "page_id", "attachment_id", "feed", "P"])


@given(st.lists(st.tuples(st.text(PATH_CHARS, min_size=1, max_size=40), st.text(PATH_CHARS, min_size=1, max_size=30),
                          st.one_of(st.none(), st.tuples(st.sampled_from(["/", "/index.php", "/blog/"]), QUERY_NAMES,
                                                         QUERY_VALUES))), max_size=30))
def test_render_then_parse_gives_the_entries_back(raw):
    entries = [Redirect(f"{q[0]}?{q[1]}={q[2]}" if q else "/" + s, "/" + t) for s, t, q in raw]
    back = parse(render(entries))
    expected = {}
    for e in entries:  # one entry per source, whatever its letter case (nginx compares ignoring case)
        if renderable(e):
            expected.setdefault((e.is_query, nginx_key(e.source)), e)
    assert sorted(back, key=lambda e: e.source) == sorted(expected.values(), key=lambda e: e.source)


def test_render_leaves_out_what_nginx_cannot_hold():
    text = render([Redirect("/a$b/", "/x/"), Redirect("/ok/", "/y/"), Redirect("/c/", "/z;/"),
                   Redirect("/?p=1&lang=th", "/x/"), Redirect("/?p-x=1", "/x/")])
    assert [e.source for e in parse(text)] == ["/ok/"]
    assert not writable("") and not writable("/a\n")


@pytest.mark.parametrize("address, expected", [
    ("https://old.example/news/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7/", "news/ข่าว/index.html"),
    ("/news/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7", "news/ข่าว/index.html"),
    ("/about/", "about/index.html"),
    ("/old/page.html", "old/page.html"),
    ("/?p=12", None),
    ("/", None),
    ("/../etc/passwd", None),
    ("/news/%e0%b8/", None),  # not UTF-8
])
def test_page_path(address, expected):
    assert page_path(address) == expected


def test_a_redirect_page_to_a_feed_names_the_feed_for_feed_readers():
    html = redirect_html("https://example.org/feeds/all.atom.xml", "https://example.org/feeds/all.atom.xml")
    assert '<link rel="alternate" type="application/atom+xml" href="https://example.org/feeds/all.atom.xml">' in html
    assert 'type="application/rss+xml"' in redirect_html("/feeds/all.rss.xml", "/feeds/all.rss.xml")
    for page in ("/news/a/", "/sitemap.xml", "/images/a.jpg"):
        assert 'rel="alternate"' not in redirect_html(page, page)


def test_redirect_html_escapes_and_points_everywhere_at_the_target():
    html = redirect_html('/news/a"b/', '/news/a"b/', "ข่าว <ทดสอบ>")
    assert 'url=/news/a&quot;b/' in html and 'href="/news/a&quot;b/"' in html
    assert "&lt;ทดสอบ&gt;" in html and 'lang="th"' in html and "noindex" in html


def test_settings_defaults_and_bad_values(caplog):
    user = {"WP_LEGACY_REDIRECT_PAGES": "yes"}
    added = with_defaults(user)
    assert user == {"WP_LEGACY_REDIRECT_PAGES": "yes"}  # never edited
    assert added == {"WP_LEGACY_REDIRECT_PAGES": True, "WP_LEGACY_NGINX_MAP": DEFAULTS["WP_LEGACY_NGINX_MAP"],
                     "WP_LEGACY_ADDRESSES_PATH": "wordpress-addresses"}
    assert "WP_LEGACY_REDIRECT_PAGES" in caplog.text
    for bad in ("/wordpress", "../up", None):
        assert with_defaults({"WP_LEGACY_ADDRESSES_PATH": bad})["WP_LEGACY_ADDRESSES_PATH"] == "wordpress-addresses"


def test_content_guard_accepts_the_plugins_metadata_keys():
    from content_guard.settings import DEFAULTS as GUARD
    from wp_legacy.settings import METADATA_KEYS

    known = next(v[0] for k, v in GUARD.items() if k.endswith("METADATA_KEYS") and "EXTRA" not in k)
    assert set(METADATA_KEYS) <= set(known)


def test_build_with_old_url_and_guid_writes_pages_and_feed_ids(build_site):
    """Redirect pages are this plugin's; the feed id from Guid: is site_meta's (one owner)."""
    post = ("Title: ทดสอบที่อยู่เดิม\nDate: 2567-01-02 09:00\nCategory: ประกาศ\nSlug: old-address-test\n"
            "Old_url: https://old.example/news/%e0%b8%97%e0%b8%94%e0%b8%aa%e0%b8%ad%e0%b8%9a/\n"
            "Guid: https://old.example/?p=77\n\nเนื้อหาข่าวทดสอบ\n")
    result = build_site({"news/old-address-test.md": post})
    assert result.ok and not result.warnings, result.warnings
    page = result.output / "news" / "ทดสอบ" / "index.html"
    assert "url=/news/old-address-test/" in page.read_text(encoding="utf-8")
    atom = (result.output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<id>https://old.example/?p=77</id>" in atom
    book = result.output / "wordpress-addresses"
    assert [p.name for p in book.iterdir()] == ["paths.json"]
    assert json.loads((book / "paths.json").read_text(encoding="utf-8")) == {"/news/ทดสอบ": "/news/old-address-test/"}
    assert 'data-old-addresses="/wordpress-addresses/"' in (result.output / "index.html").read_text(encoding="utf-8")
    off = build_site({"news/old-address-test.md": post}, WP_LEGACY_REDIRECT_PAGES=False)
    assert not (off.output / "news" / "ทดสอบ").exists()
    assert (off.output / "wordpress-addresses" / "paths.json").exists()  # the page not found reads it
    none = build_site({"news/old-address-test.md": post}, WP_LEGACY_ADDRESSES_PATH="")
    assert not (none.output / "wordpress-addresses").exists()
    assert "old-address.js" not in (none.output / "index.html").read_text(encoding="utf-8")


def test_the_address_book_holds_what_a_static_host_cannot_answer():
    entries = [Redirect("/?p=12", "/news/a/"), Redirect("/index.php?P=12", "/news/a/"),
               Redirect("/index.php?p=13", "/news/b/"),
               Redirect("/?feed=rss2", "/feeds/all.atom.xml"), Redirect("/news/เก่า/", "/news/a/"),
               Redirect("/news/เก่า", "/news/a/"), Redirect("/category/ข่าว/", "/category/news/"),
               Redirect("/?p=1&lang=th", "/news/a/"), Redirect("/wp-content/uploads/a.jpg", "/images/a.jpg"),
               Redirect("/เกี่ยวกับ/", "/about/"), Redirect("/news/เก่า/ภาพ-1/", "/news/a/")]
    book = address_book(entries)
    assert book == {"query": {"feed": {"/?feed=rss2": "/feeds/all.atom.xml"},
                              "p": {"/?p=12": "/news/a/", "/index.php?p=13": "/news/b/"}},
                    "paths": {"/category/ข่าว": "/category/news/", "/news/เก่า": "/news/a/", "/เกี่ยวกับ": "/about/"}}
    files = book_files(book)
    assert sorted(files) == ["paths.json", "query-feed.json", "query-p.json"]
    assert files == book_files(address_book(reversed(entries)))  # the same bytes
    assert as_redirect("https://old.example/?page_id=5", "/about/") == Redirect("/?page_id=5", "/about/")
    assert as_redirect("https://old.example/news/%E0%B9%80%E0%B8%81%E0%B9%88%E0%B8%B2/", "/x/").source == "/news/เก่า/"
    assert as_redirect("", "/x/") is None


def test_a_redirect_file_that_appears_reaches_the_pages_a_later_build_keeps(build_site, tmp_path):
    """A development build renders again only what changed (tools/build_plan.py); the script tag
    for old addresses is on the home page and the page not found, whose content did not change."""
    post = ("Title: ข่าวทดสอบ\nDate: 2567-01-02 09:00\nCategory: ประกาศ\nSlug: plain-news\n\n"
            "เนื้อหาข่าวทดสอบ\n")
    first = build_site({"news/plain-news.md": post})
    assert first.ok and "old-address.js" not in (first.output / "404.html").read_text(encoding="utf-8")
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "wordpress-redirects.conf").write_text(
        render([Redirect("/?p=5", "/news/plain-news/"), Redirect("/?m=202401", "/archives/2567/")]), encoding="utf-8")
    again = build_site({})
    assert again.ok, again.errors
    for name in ("index.html", "404.html"):
        assert 'data-names="m p"' in (again.output / name).read_text(encoding="utf-8"), name
    assert sorted(p.name for p in (again.output / "wordpress-addresses").iterdir()) == [
        "paths.json", "query-m.json", "query-p.json"]
