"""Unit tests of plugins/site_meta: settings, sitemap, robots.txt, neighbours (no Pelican build)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from xml.etree import ElementTree as ET

from plugins.site_meta.neighbours import link_neighbours
from plugins.site_meta.settings import DEFAULTS, base_url, with_defaults
from plugins.site_meta.sitemap import Entry, absolute, collect_entries, robots_txt, sitemap_xml

BKK = timezone(timedelta(hours=7))


def iso(dt):
    return dt.isoformat()


def art(slug, day, category="ข่าวกิจกรรม", tags=(), modified=None):
    return SimpleNamespace(
        url=f"news/{slug}/", slug=slug, date=datetime(2024, 1, day, 9, 0, tzinfo=BKK),
        modified=modified, category=category, tags=list(tags),
    )


def test_defaults_do_not_touch_the_users_settings():
    user = {"SITEURL": "", "SITE_DOMAIN": "https://zerocorruption.mol.go.th/", "SITE_META_ROBOTS_SAVE_AS": ""}
    before = dict(user)
    added = with_defaults(user)
    assert user == before
    assert "SITE_META_ROBOTS_SAVE_AS" not in added
    assert added["SITE_META_BASE_URL"] == "https://zerocorruption.mol.go.th"
    assert set(DEFAULTS) - {"SITE_META_ROBOTS_SAVE_AS"} <= set(added)


def test_base_url_prefers_siteurl():
    assert base_url({"SITEURL": "https://a.go.th/news/", "SITE_DOMAIN": "https://b.go.th"}) == "https://a.go.th/news"
    assert base_url({"SITEURL": "", "SITE_DOMAIN": "https://b.go.th"}) == "https://b.go.th"


def test_absolute():
    assert absolute("https://a.go.th", "") == "https://a.go.th/"
    assert absolute("https://a.go.th", "/news/x/") == "https://a.go.th/news/x/"
    assert absolute("https://a.go.th", "https://c.go.th/y") == "https://c.go.th/y"


def test_sitemap_xml_is_valid_and_escaped():
    text = sitemap_xml([Entry("https://a.go.th/?q=ก&x=1", datetime(2022, 3, 25, 9, tzinfo=BKK)),
                        Entry("https://a.go.th/about/", None)], iso)
    root = ET.fromstring(text.encode("utf-8"))
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = root.findall(f"{ns}url")
    assert urls[0].find(f"{ns}loc").text == "https://a.go.th/?q=ก&x=1"
    assert urls[0].find(f"{ns}lastmod").text == "2022-03-25T09:00:00+07:00"
    assert urls[1].find(f"{ns}lastmod") is None


def test_collect_entries_uses_the_newest_change_of_each_list():
    a, b = art("a", 1), art("b", 5, modified=datetime(2024, 2, 1, tzinfo=BKK))
    category = SimpleNamespace(url="category/activities/")
    context = {"articles": [b, a], "categories": [(category, [a, b])], "tags": [], "pages": [],
               "period_archives": {"year": [{"url": "archives/2567/", "dates": [a]}]}}
    settings = {"SITE_META_BASE_URL": "https://a.go.th", "DIRECT_TEMPLATES": ["index", "archives"],
                "ARCHIVES_URL": "archives/", "TIMEZONE": "Asia/Bangkok"}
    entries = {e.loc: e.lastmod for e in collect_entries(context, settings)}
    assert entries["https://a.go.th/"] == datetime(2024, 2, 1, tzinfo=BKK)
    assert entries["https://a.go.th/category/activities/"] == datetime(2024, 2, 1, tzinfo=BKK)
    assert entries["https://a.go.th/archives/2567/"] == a.date
    assert entries["https://a.go.th/news/a/"] == a.date
    assert "https://a.go.th/tag/" not in entries


def test_robots_txt():
    text = robots_txt("https://a.go.th", "sitemap.xml", ["/drafts/"])
    assert text.splitlines() == ["User-agent: *", "Disallow: /drafts/", "Allow: /", "",
                                 "Sitemap: https://a.go.th/sitemap.xml"]


def test_robots_txt_as_crawlers_read_it():
    """Python's robotparser takes the first matching rule: drafts must be refused, the rest allowed."""
    from urllib.robotparser import RobotFileParser

    parser = RobotFileParser()
    parser.parse(robots_txt("https://a.go.th", "sitemap.xml", ["/drafts/", "/search/"]).splitlines())
    assert not parser.can_fetch("*", "https://a.go.th/drafts/x/")
    assert not parser.can_fetch("Googlebot", "https://a.go.th/search/?q=1")
    assert parser.can_fetch("*", "https://a.go.th/news/x/")
    assert parser.can_fetch("*", "https://a.go.th/")
    assert parser.site_maps() == ["https://a.go.th/sitemap.xml"]


def test_neighbours_and_related_stay_in_category():
    a = art("a", 1, tags=["x"])
    b = art("b", 2, tags=["y"])
    c = art("c", 3, tags=["x"])
    d = art("d", 4, category="ประกาศ", tags=["x"])
    link_neighbours([d, c, b, a], count=2)
    assert (b.older_in_category, b.newer_in_category) == (a, c)
    assert a.older_in_category is None and c.newer_in_category is None
    assert d.older_in_category is None and d.newer_in_category is None and d.related == []
    # a shares tag x with c, so c comes first although b is closer in time.
    assert a.related == [c, b]
    assert b.related == [a, c] or b.related == [c, a]


def test_related_of_the_next_build_same_inputs_and_changed_tags():
    """The choice is remembered for the next build in the process (the live preview): new objects
    with the same dates and tags get the same choice, pointing at the new objects; a changed tag
    is chosen again."""
    def site(tags_of_b):
        items = [art("a", 1, tags=["x"]), art("b", 2, tags=tags_of_b), art("c", 3, tags=["x"]),
                 art("e", 5, tags=["z"])]
        link_neighbours(list(reversed(items)), count=1)
        return {i.slug: i for i in items}

    first, again = site(["y"]), site(["y"])
    assert again["a"].related == [again["c"]] and again["a"].related[0] is not first["c"]
    assert [r.slug for r in again["b"].related] == [r.slug for r in first["b"].related]
    changed = site(["z"])
    assert changed["b"].related == [changed["e"]] and changed["e"].related == [changed["b"]]
    assert first["e"].related != [first["b"]]


def test_sitemap_xml_is_what_elementtree_writes():
    """The sitemap is written as text; it is the document ElementTree writes for the same
    entries (escaping, indentation, the namespace, an empty site)."""
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"

    def with_elementtree(entries):
        ET.register_namespace("", ns)
        urlset = ET.Element(f"{{{ns}}}urlset")
        for entry in entries:
            url = ET.SubElement(urlset, f"{{{ns}}}url")
            ET.SubElement(url, f"{{{ns}}}loc").text = entry.loc
            if entry.lastmod is not None:
                ET.SubElement(url, f"{{{ns}}}lastmod").text = iso(entry.lastmod)
        ET.indent(urlset)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"

    entries = [Entry("https://a.go.th/", datetime(2024, 1, 1, tzinfo=BKK)),
               Entry("https://a.go.th/tag/ข่าว/?a=1&b=<2>", None),
               Entry("https://a.go.th/news/\"q\"'/", datetime(2024, 2, 1, 8, 30, tzinfo=BKK))]
    for some in (entries, entries[:1], entries[1:2], []):
        assert sitemap_xml(some, iso) == with_elementtree(some)
