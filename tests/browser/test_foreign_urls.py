"""Chromium agrees with the sanitiser about which image URLs stay on the site.

For every URL of a generated set (the tricky forms of tests/content_guard/test_urls.py combined
with each other), the browser resolves `<img src>` as it would load it, entities and all. Every
URL the sanitiser calls local must resolve to the serving host; and a page of every fragment the
sanitiser keeps, loaded for real, requests nothing from another host, while the same page left
unsanitised does (so the test can fail).
"""

from __future__ import annotations

import html
import itertools
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

from content_guard.sanitize import sanitize  # noqa: E402
from content_guard.urls import is_same_site  # noqa: E402

pytestmark = pytest.mark.browser

SITE = ("https://zerocorruption.mol.go.th",)
STARTS = ["", "/", "\\", "//", "\\\\", "/\\", "\\/", "/\t/", "\n//", " ", "&#47;", "&#x5C;", "%2F",
          "https:", "HTTPS:", "ht\ttps:", "http:\\\\", "{static}", "{static}/", "{filename}/",
          "jav&#x61;script:", "data:image/png,", "javascript&colon;"]
MIDDLES = ["", "/", "\\", "//", "@", "evil.example", "127.0.0.1:1"]
ENDS = ["evil.example/x.png", "images/a.png", "/x.png"]
URLS = sorted({s + m + e for s, m, e in itertools.product(STARTS, MIDDLES, ENDS)})

RESOLVE = """(urls) => {
  const doc = document.implementation.createHTMLDocument('');
  const base = doc.createElement('base');
  base.href = location.href;
  doc.head.append(base);
  return urls.map(u => {
    const box = doc.createElement('div');
    box.innerHTML = '<img src="' + u + '">';
    const img = box.querySelector('img');
    try { return new URL(img.src).host; } catch (e) { return ''; }
  });
}"""


def _attribute(url: str) -> str:
    # Written in HTML as an author would paste it: quotes escaped, entities left as written.
    return url.replace('"', "&quot;")


def test_browser_resolves_image_urls_as_the_sanitiser_judges_them(open_page, serve, tmp_path):
    page_dir = tmp_path / "news" / "x"
    page_dir.mkdir(parents=True)
    (page_dir / "index.html").write_text("<!doctype html><title>t</title><p>t</p>", "utf-8")
    base = serve(tmp_path)
    page = open_page(base + "/news/x/")
    host = base.split("//", 1)[1]

    # Entities are decoded by the HTML parser before the URL is judged, in both places.
    decoded = [html.unescape(u) for u in URLS]
    hosts = page.evaluate(RESOLVE, [_attribute(u) for u in URLS])
    wrong = [u for u, d, h in zip(URLS, decoded, hosts) if is_same_site(d, SITE)
             and not d.startswith("{") and h != host]
    assert wrong == [], wrong[:20]
    local = sum(h == host for h in hosts)
    assert local > 100 and len(URLS) - local > 100  # both kinds are well represented

    raw = "\n".join(f'<p><img src="{_attribute(u)}" alt="x"></p>' for u in URLS)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "index.html").write_text(f"<!doctype html><title>raw</title>{raw}", "utf-8")
    raw_page = open_page(base + "/raw/")
    raw_page.wait_for_load_state("load")
    foreign = raw_page.problems.foreign_requests
    assert any("evil.example" in url for url in foreign)
    print(json.dumps({"urls": len(URLS), "local": local, "raw_foreign_requests": len(foreign)}))


def test_built_site_requests_nothing_from_another_site(build_site, open_page, serve):
    """Every URL, as raw HTML, as a Markdown image and in the summary, through a real build."""
    body = "\n\n".join(
        f'<p><img src="{_attribute(u)}" alt="ภาพ"></p>' if i % 2 else f"![ภาพ]({u.strip()})"
        for i, u in enumerate(URLS) if "\n" not in u
    )
    summary = " ".join(f'<img src="{_attribute(u)}" alt="ภาพ">' for u in URLS if "\n" not in u)
    result = build_site({
        "news/images.md": (
            "Title: ข่าวทดสอบที่อยู่ของรูป\nDate: 2567-05-01 09:00\nCategory: ข่าวกิจกรรม\n"
            f"Slug: images\nSummary: สรุปข่าว {summary}\n\n{body}\n"
        ),
        "images/a.png": PNG,
        "evil.example/x.png": PNG,
    }, CONTENT_GUARD_CHECK_LINKS=False)  # local paths that lead nowhere are another rule's matter
    assert result.ok, result.errors
    assert any("รูปจากเว็บไซต์อื่น" in w for w in result.warnings)
    base = serve(result.output)
    for path in ("/news/images/", "/"):
        page = open_page(base + path)
        page.wait_for_load_state("load")
        assert page.problems.foreign_requests == [], (path, page.problems.foreign_requests[:10])
    # Feed readers load the images of the feed's HTML too: each resolves to the site.
    from bs4 import BeautifulSoup

    from content_guard.urls import resolve

    for name in ("all.atom.xml", "all.rss.xml"):
        feed = BeautifulSoup((result.output / "feeds" / name).read_text("utf-8"), "xml")
        sources = [
            img.get("src", "")
            for text in feed.find_all(["content", "summary", "description"])
            for img in BeautifulSoup(text.get_text(), "html.parser").find_all("img")
        ]
        assert len(sources) > 50, name
        hosts = {resolve(src, "http://127.0.0.1:8000/news/images/").host for src in sources}
        assert hosts == {"127.0.0.1:8000"}, (name, hosts)


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
