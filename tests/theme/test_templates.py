"""The built theme's structure: landmarks, navigation aids, machine-readable data, no inline code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

ISO = re.compile(r"^(19|20)\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")
DOMAIN = "https://zerocorruption.mol.go.th"


def soup(site, rel: str) -> BeautifulSoup:
    path = Path(site.output) / rel
    assert path.exists(), f"{rel} was not written"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(site):
    """The pages the theme's templates make, never none: not admin/ (the web editor's application
    shell), nor the pages that only send an old URL on (thai_text's THAI_TEXT_REDIRECTS)."""
    pages = sorted(p for p in Path(site.output).rglob("*.html")
                   if p.relative_to(site.output).parts[0] != "admin"
                   and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))
    names = {p.relative_to(site.output).as_posix() for p in pages}
    assert {"index.html", "404.html", "archives/index.html", "news/ita-2565/index.html",
            "about/index.html"} <= names, f"pages missing from the output: {sorted(names)[:20]}"
    return pages


def json_ld(page: BeautifulSoup) -> list:
    blocks = page.find_all("script", type="application/ld+json")
    assert blocks, "no JSON-LD block"
    return [json.loads(b.string) for b in blocks]


def test_every_page_has_landmarks_and_a_skip_link(theme_site):
    for path in html_files(theme_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = path.relative_to(theme_site.output)
        assert page.html["lang"] == "th", name
        first_link = page.body.find("a")
        assert first_link["href"] == "#main" and "skip-link" in first_link["class"], name
        main = page.find("main")
        assert main is not None and main["id"] == "main" and main["tabindex"] == "-1", name
        assert page.find("header") and page.find("footer"), name
        assert page.find("nav", attrs={"aria-label": "เมนูหลัก"}), name
        assert len(page.find_all("h1")) == 1, f"{name}: one h1 per page"
        assert page.find("a", href="#top", class_="to-top"), f"{name}: back-to-top link"
        assert page.find(id="top"), name


def test_no_inline_script_style_or_handlers(theme_site):
    for path in html_files(theme_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = path.relative_to(theme_site.output)
        assert not page.find_all("style"), f"{name}: <style> element"
        for tag in page.find_all(True):
            assert "style" not in tag.attrs, f"{name}: style= on <{tag.name}>"
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not handlers, f"{name}: {handlers} on <{tag.name}>"
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (
                f"{name}: inline script {str(script)[:80]}"
            )


def test_every_resource_is_served_by_the_site(theme_site):
    for path in html_files(theme_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = path.relative_to(theme_site.output)
        urls = [t["src"] for t in page.find_all(["script", "img", "source", "iframe"]) if t.get("src")]
        urls += [t["href"] for t in page.find_all("link") if not {"alternate", "canonical"} & set(t.get("rel", []))]
        for url in urls:
            assert url.startswith("/") and not url.startswith("//"), f"{name}: {url} leaves the site"
            assert (Path(theme_site.output) / url.lstrip("/").split("?")[0]).exists(), f"{name}: {url} missing"


def test_header_footer_and_navigation(theme_site):
    page = soup(theme_site, "index.html")
    header = page.find("header").get_text()  # thai_text's spans and <wbr> are in it: no separator
    assert "ศูนย์ปฏิบัติการต่อต้านการทุจริต" in header and "กระทรวงแรงงาน" in header
    nav = [a.get_text(strip=True) for a in page.find("nav", attrs={"aria-label": "เมนูหลัก"}).find_all("a")]
    assert nav[0] == "หน้าแรก"
    assert {"ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ประกาศ", "เกี่ยวกับศูนย์"} <= set(nav)
    assert page.find("nav", attrs={"aria-label": "เมนูหลัก"}).find("a", attrs={"aria-current": "page"}).get_text() == "หน้าแรก"
    footer = page.find("footer")
    assert footer.find("a", href="tel:1546").get_text() == "1546"
    assert footer.find("address")
    privacy = next(a for a in footer.find_all("a") if a.get_text() == "นโยบายคุ้มครองข้อมูลส่วนบุคคล")
    assert privacy["href"] == "/privacy/"
    # A page no menu names is linked from the footer once, after the named ones.
    links = [a.get_text(strip=True) for a in footer.find("section", attrs={"aria-labelledby": "footer-site"}).find_all("a")]
    assert links[:2] == ["นโยบายคุ้มครองข้อมูลส่วนบุคคล", "แผนการจัดซื้อจัดจ้างประจำปี"], links
    added = next(a for a in footer.find_all("a") if a.get_text(strip=True) == "แผนการจัดซื้อจัดจ้างประจำปี")
    assert added["href"] == "/procurement-plan/"
    assert [a.get_text(strip=True) for a in footer.find_all("a")].count("เกี่ยวกับศูนย์ฯ") == 0
    # No social accounts are configured: no placeholder links (tests/theme/test_social.py).
    assert footer.find_all("a", rel="noopener") == []


def test_article_page(theme_site):
    page = soup(theme_site, "news/ita-2565/index.html")
    article = page.find("article", class_="article")
    assert article.has_attr("data-pagefind-body")
    assert article.find("h1").get_text() == "ผลการประเมิน ITA ประจำปี 2565"
    times = article.find_all("time")
    assert times[0]["datetime"] == "2022-03-25T09:00:00+07:00"
    assert times[0].get_text() == "วันศุกร์ที่ 25 มีนาคม พ.ศ. 2565"
    meta = " ".join(article.find(class_="article-meta").get_text().split())
    assert "โดย กลุ่มงานประชาสัมพันธ์ ศปท." in meta
    assert re.search(r"อ่าน \d+ นาที", meta)
    assert [a.get_text() for a in article.find(class_="tags").find_all("a")] == ["ITA", "ความโปร่งใส"]
    share = {a.get_text(): a["href"] for a in page.find(class_="share").find_all("a")}
    assert share["Facebook"].startswith("https://www.facebook.com/sharer/sharer.php?u=https%3A//")
    assert share["LINE"].startswith("https://social-plugins.line.me/lineit/share?url=")
    assert share["X"].startswith("https://x.com/intent/post?url=")


def test_breadcrumbs(theme_site):
    page = soup(theme_site, "news/training-2566/index.html")
    crumbs = page.find("nav", class_="breadcrumbs")
    assert crumbs["aria-label"]
    items = crumbs.find("ol").find_all("li")
    assert items[0].a["href"] == "/" and items[1].a.get_text() == "ข่าวกิจกรรม"
    current = items[-1].find(attrs={"aria-current": "page"})
    assert current.get_text() == "อบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน"
    assert soup(theme_site, "about/index.html").find("nav", class_="breadcrumbs").find(attrs={"aria-current": "page"})


def test_previous_next_and_related_stay_in_the_category(theme_site):
    page = soup(theme_site, "news/walk-2567/index.html")
    nav = page.find("nav", class_="prev-next")
    assert nav.find("a", rel="prev")["href"] == "/news/training-2566/"
    assert nav.find("a", rel="next")["href"] == "/news/open-2568/"
    related = [a["href"] for a in page.find("section", class_="related").select(".card-title a")]
    assert set(related) == {"/news/training-2566/", "/news/open-2568/"}
    lonely = soup(theme_site, "news/gift-2567/index.html")
    assert lonely.find("nav", class_="prev-next") is None and lonely.find("section", class_="related") is None


def test_article_json_ld_and_open_graph(theme_site):
    page = soup(theme_site, "news/ita-2565/index.html")
    data, crumbs = json_ld(page)
    assert crumbs["@type"] == "BreadcrumbList"
    assert [i["item"] for i in crumbs["itemListElement"]][::2] == [f"{DOMAIN}/", f"{DOMAIN}/news/ita-2565/"]
    assert page.find("meta", attrs={"name": "robots"}) is None
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "ผลการประเมิน ITA ประจำปี 2565"
    assert data["datePublished"] == "2022-03-25T09:00:00+07:00"
    assert data["dateModified"] == "2022-03-26T10:30:00+07:00"
    assert data["mainEntityOfPage"]["@id"] == f"{DOMAIN}/news/ita-2565/"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["author"][0]["name"] == "กลุ่มงานประชาสัมพันธ์ ศปท."
    assert data["image"][0].startswith(DOMAIN + "/")
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert og["og:type"] == "article" and og["og:title"] == "ผลการประเมิน ITA ประจำปี 2565"
    assert og["og:url"] == f"{DOMAIN}/news/ita-2565/"
    assert og["og:image"] == f"{DOMAIN}/theme/img/og-default.png"
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:description"] == "กระทรวงแรงงานได้ผลการประเมินระดับดีมาก"
    assert ISO.match(og["article:published_time"])
    tw = {m["name"]: m["content"] for m in page.find_all("meta", attrs={"name": re.compile("^twitter:")})}
    assert tw["twitter:card"] == "summary_large_image" and tw["twitter:image"] == og["og:image"]
    assert page.find("link", rel="canonical")["href"] == f"{DOMAIN}/news/ita-2565/"


def test_default_share_image_is_1200_by_630(theme_site):
    from PIL import Image

    with Image.open(Path(theme_site.output) / "theme/img/og-default.png") as im:
        assert im.size == (1200, 630)


def test_home_json_ld_is_a_government_organization(theme_site):
    page = soup(theme_site, "index.html")
    (data,) = json_ld(page)
    types = {node["@type"]: node for node in data["@graph"]}
    org = types["GovernmentOrganization"]
    assert org["name"] == "ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน"
    assert org["telephone"] == "1546" and org["url"] == f"{DOMAIN}/"
    assert org["parentOrganization"]["name"] == "กระทรวงแรงงาน"
    assert types["WebSite"]["inLanguage"] == "th"
    assert page.find("link", rel="canonical")["href"] == f"{DOMAIN}/"


def test_home_highlights_the_newest_item(theme_site):
    page = soup(theme_site, "index.html")
    highlight = page.find(class_="card-highlight")
    assert highlight.select_one(".card-title a")["href"] == "/news/open-2568/"
    assert highlight.find("time")["datetime"] == "2025-08-14T10:00:00+07:00"


def test_feed_autodiscovery(theme_site):
    page = soup(theme_site, "index.html")
    atom = page.find("link", rel="alternate", type="application/atom+xml")
    rss = page.find("link", rel="alternate", type="application/rss+xml")
    assert atom["href"].endswith("/feeds/all.atom.xml") and rss["href"].endswith("/feeds/all.rss.xml")
    cat_pages = [p for p in sorted(Path(theme_site.output, "category").glob("*/index.html"))
                 if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert cat_pages
    for path in cat_pages:
        feeds = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("link", rel="alternate")
        assert any("/feeds/category/" in f["href"] for f in feeds), path


def test_pagination_is_labelled(theme_site):
    out = Path(theme_site.output)
    # ข่าวกิจกรรม has 3 articles; with 2 a page the category has 2 pages.
    first = next(p for p in out.glob("category/*/index.html") if "ข่าวกิจกรรม" in p.read_text(encoding="utf-8").split("<h1")[1][:200])
    page1 = BeautifulSoup(first.read_text(encoding="utf-8"), "html.parser")
    nav = page1.find("nav", class_="pagination")
    assert nav["aria-label"]
    assert nav.find("a", attrs={"aria-label": "หน้าถัดไป"})["rel"] == ["next"]
    assert nav.find("a", attrs={"aria-label": "หน้าก่อนหน้า"}) is None
    assert "หน้า 1 จาก 2" in nav.get_text(" ", strip=True)
    page2_href = nav.find("a", attrs={"aria-label": "หน้าถัดไป"})["href"]
    page2 = BeautifulSoup((out / page2_href.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav2 = page2.find("nav", class_="pagination")
    assert nav2.find("a", attrs={"aria-label": "หน้าก่อนหน้า"})["href"] == first.parent.as_posix().replace(out.as_posix(), "") + "/"
    assert "หน้า 2 จาก 2" in nav2.get_text(" ", strip=True)
    assert page2.find("link", rel="canonical")["href"].endswith(page2_href)


def test_archives_grouped_by_buddhist_year(theme_site):
    page = soup(theme_site, "archives/index.html")
    headings = [h.get_text(" ", strip=True) for h in page.find("main").find_all("h2")]
    assert [h.split(" (")[0] for h in headings] == ["พ.ศ. 2568", "พ.ศ. 2567", "พ.ศ. 2566", "พ.ศ. 2565"]
    year = soup(theme_site, "archives/2566/index.html")
    assert year.find("h1").get_text() == "ข่าวปี พ.ศ. 2566"
    assert year.find("title").get_text().startswith("ข่าวปี พ.ศ. 2566 – ")
    link = page.find("p", class_="year-link").find("a").get_text()
    assert link == "ข่าวปี พ.ศ. 2568 ทั้งหมด", link
    assert len(year.find("ul", class_="archive-list").find_all("li")) == 2


def test_tags_and_categories_indexes(theme_site):
    tags = soup(theme_site, "tag/index.html")
    names = [a.get_text() for a in tags.find("main").select(".term-list a")]
    assert "ความโปร่งใส" in names and "ITA" in names
    cats = soup(theme_site, "category/index.html")
    assert [a.get_text() for a in cats.find("main").select(".term-list a")] == ["ข่าวกิจกรรม", "ข่าวประชาสัมพันธ์", "ประกาศ"]


def test_404_page_at_the_root(theme_site):
    page = soup(theme_site, "404.html")
    assert page.find("h1").get_text() == "ไม่พบหน้าที่ต้องการ"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical") is None
    # Served for any missing address, so every link must be absolute from the root.
    for tag in page.find_all(["a", "link", "script", "img"]):
        url = tag.get("href") or tag.get("src") or ""
        assert url.startswith(("/", "#", "http", "tel:", "mailto:")), url


def test_sitemap_lists_everything_with_lastmod(theme_site):
    tree = ET.parse(Path(theme_site.output) / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {u.find("s:loc", ns).text: u.find("s:lastmod", ns) for u in tree.getroot().findall("s:url", ns)}
    expected = [f"{DOMAIN}/", f"{DOMAIN}/news/ita-2565/", f"{DOMAIN}/about/", f"{DOMAIN}/archives/",
                f"{DOMAIN}/archives/2565/", f"{DOMAIN}/category/", f"{DOMAIN}/tag/"]
    for loc in expected:
        assert loc in urls, loc
    assert any("/category/" in u and u != f"{DOMAIN}/category/" for u in urls)
    assert any("/tag/" in u and u != f"{DOMAIN}/tag/" for u in urls)
    assert not any("404" in u for u in urls)
    for loc, lastmod in urls.items():
        assert lastmod is not None and ISO.match(lastmod.text), loc
    assert urls[f"{DOMAIN}/news/ita-2565/"].text == "2022-03-26T10:30:00+07:00"
    assert urls[f"{DOMAIN}/"].text == "2025-08-14T10:00:00+07:00"


def test_drafts_are_not_indexed(theme_site):
    page = soup(theme_site, "drafts/draft-2569/index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.find("article").has_attr("data-pagefind-body")
    assert "draft-2569" not in (Path(theme_site.output) / "sitemap.xml").read_text(encoding="utf-8")
    assert "draft-2569" not in (Path(theme_site.output) / "index.html").read_text(encoding="utf-8")


def test_robots_txt_points_to_the_sitemap(theme_site):
    text = (Path(theme_site.output) / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text
    assert f"Sitemap: {DOMAIN}/sitemap.xml" in text.splitlines()
    assert (Path(theme_site.output) / "favicon.ico").exists()


def test_stylesheet_is_small_and_self_hosts_sarabun(theme_site):
    css = (Path(theme_site.output) / "theme/css/site.css").read_text(encoding="utf-8")
    assert len(css.encode()) < 20_000
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert len(faces) == 4
    for face in faces:
        assert "font-display:swap" in face and "unicode-range:" in face
        url = re.search(r"url\(([^)]+)\)", face).group(1)
        assert (Path(theme_site.output) / "theme/css" / url).resolve().exists(), url
    assert "line-height:1.7" in css
    assert "prefers-reduced-motion" in css
    assert "http" not in css.replace("http://www.w3.org", "")


@pytest.mark.parametrize("siteurl", ["https://news.example.go.th"])
def test_absolute_urls_follow_siteurl(build_site, siteurl):
    from tests.theme.conftest import FILES

    result = build_site({k: v for k, v in FILES.items() if "ita" in k or "about" in k},
                        SITEURL=siteurl, FEED_DOMAIN=siteurl, THAI_SEARCH_ENABLED=False)
    assert result.ok, result.errors
    page = BeautifulSoup((result.output / "news/ita-2565/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == f"{siteurl}/news/ita-2565/"
    assert page.find("link", rel="stylesheet")["href"] == f"{siteurl}/theme/css/site.css"
    sitemap = (result.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{siteurl}/news/ita-2565/</loc>" in sitemap and DOMAIN not in sitemap
    assert f"Sitemap: {siteurl}/sitemap.xml" in (result.output / "robots.txt").read_text(encoding="utf-8")


def test_article_with_gallery_uses_its_own_share_image_and_cover(build_site):
    """With photo_gallery: og:image is the article's 1200x630 crop; home cards show the cover."""
    import io

    from PIL import Image, ImageDraw

    from tests.theme.conftest import FILES

    photo = Image.new("RGB", (1600, 1000), (40, 90, 150))
    ImageDraw.Draw(photo).rectangle((300, 200, 1300, 800), fill=(220, 180, 60))
    data = io.BytesIO()
    photo.save(data, "JPEG", quality=80)
    files = {k: v for k, v in FILES.items() if "ita" in k or "gift" in k}
    files["news/ita-2565.md"] = files["news/ita-2565.md"].replace("Slug: ita-2565", "Slug: ita-2565\nGallery: ita")
    files["galleries/ita/p01.jpg"] = data.getvalue()
    files["galleries/ita/captions.txt"] = "p01.jpg: ผู้บริหารรับมอบผลการประเมิน\n"
    result = build_site(files, THAI_SEARCH_ENABLED=False)
    assert result.ok, result.errors
    page = BeautifulSoup((result.output / "news/ita-2565/index.html").read_text(encoding="utf-8"), "html.parser")
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert og["og:image"].startswith(DOMAIN + "/") and "og-default" not in og["og:image"]
    local = result.output / og["og:image"][len(DOMAIN) + 1:]
    with Image.open(local) as im:
        assert im.size == (1200, 630) == (int(og["og:image:width"]), int(og["og:image:height"]))
    assert json_ld(page)[0]["image"] == [og["og:image"]]
    link = page.find("link", rel="stylesheet", href=re.compile("gallery.css"))
    assert link and (result.output / link["href"].lstrip("/")).exists()
    home = BeautifulSoup((result.output / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = home.find("a", href="/news/ita-2565/").find_parent("article")
    img = card.find("picture").find("img")
    assert img["width"] and img["height"] and img["alt"] is not None
    assert card.find("picture").find("source")
