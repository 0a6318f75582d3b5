"""The production site under the Content-Security-Policy of deploy/security-headers.conf.

The site is built with publishconf.py and the production post-processing (minified, hashed
assets), with SITEURL pointing at a local server that sends the same security headers as nginx
(the policy is read from deploy/security-headers.conf: one source of truth). Home, an article, a
gallery article with its lightbox open, and a search with results must raise no CSP violation,
no console error and no request to another origin.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image

from tools import production
from tools.build import build
from tools.serve import SiteHandler

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
HEADERS = ROOT / "deploy/security-headers.conf"
VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
"""


def security_headers() -> dict:
    text = HEADERS.read_text("utf-8")
    return dict(re.findall(r'^add_header\s+(\S+)\s+"([^"]+)"\s+always;', text, re.M))


class StrictHandler(SiteHandler):
    """The project's static server, plus nginx's security headers on every response."""

    headers_to_send: dict = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            if name != "Strict-Transport-Security":  # plain http on 127.0.0.1
                self.send_header(name, value)
        super().end_headers()


def _sample_subset(base: Path) -> Path:
    """The real pages, the gallery articles with their photos and two more articles (fast)."""
    content = base / "content"
    shutil.copytree(ROOT / "content/pages", content / "pages")
    news = sorted((ROOT / "content/news").glob("*.md"))
    with_gallery = [p for p in news if re.search(r"^Gallery:", p.read_text("utf-8"), re.M)][:1]
    (content / "news").mkdir(parents=True)
    for path in with_gallery + [p for p in news if p not in with_gallery][:2]:
        shutil.copy(path, content / "news" / path.name)
        name = re.search(r"^Gallery:\s*(\S+)", path.read_text("utf-8"), re.M)
        if name:  # the same gallery with small generated photos (the real ones are slow to resize)
            source = ROOT / "content/galleries" / name.group(1)
            target = content / "galleries" / name.group(1)
            target.mkdir(parents=True)
            for n, photo in enumerate(sorted(source.iterdir())):
                if photo.suffix.lower() in {".jpg", ".jpeg", ".png"}:
                    Image.new("RGB", (900, 600), (40 + 30 * n, 90, 150)).save(target / photo.name)
                elif photo.name == "captions.txt":
                    shutil.copy(photo, target / photo.name)
    for extra in ("images", "extra"):
        if (ROOT / "content" / extra).is_dir():
            shutil.copytree(ROOT / "content" / extra, content / extra)
    return content


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("csp")
    output = base / "output"
    content = _sample_subset(base)
    handler = functools.partial(StrictHandler, directory=str(output))
    StrictHandler.headers_to_send = security_headers()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    result = build(
        ROOT / "publishconf.py", output,
        # A subset of the sample site: its links into the posts left out lead nowhere here.
        overrides={"SITEURL": url, "FEED_DOMAIN": url, "CACHE_PATH": str(base / "cache"),
                   "PATH": str(content), "CONTENT_GUARD_CHECK_LINKS": False},
        quiet=True, postprocess=production.postprocess,
    )
    assert result.ok, result.errors
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url, output
    server.shutdown()
    server.server_close()


def _open(open_page, url):
    page = open_page(None)
    page.add_init_script(VIOLATIONS)
    page.goto(url)
    return page


def _assert_clean(page):
    page.wait_for_timeout(200)  # let late reports arrive
    violations = page.evaluate("window.__csp")
    assert violations == []
    assert page.problems.all() == []


def test_the_policy_is_sent(strict_site, open_page):
    url, _ = strict_site
    page = open_page(None)
    response = page.goto(url + "/")
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_home_and_article_respect_the_policy(strict_site, open_page):
    url, output = strict_site
    page = _open(open_page, url + "/")
    assert page.locator("main").count() == 1
    _assert_clean(page)
    article = sorted(p.parent.name for p in output.glob("news/*/index.html"))[0]
    page = _open(open_page, f"{url}/news/{article}/")
    assert page.locator("article").count() >= 1
    _assert_clean(page)


def test_gallery_lightbox_respects_the_policy(strict_site, open_page):
    url, output = strict_site
    galleries = [p.parent.name for p in output.glob("news/*/index.html")
                 if "data-gallery" in p.read_text("utf-8")]
    assert galleries, "the sample site has no gallery article"
    page = _open(open_page, f"{url}/news/{galleries[0]}/")
    page.locator("[data-gallery] a").first.click()
    page.wait_for_selector(".pswp--open", timeout=10000)
    page.wait_for_timeout(300)
    _assert_clean(page)


def test_search_respects_the_policy_and_finds(strict_site, open_page):
    url, _ = strict_site
    page = _open(open_page, f"{url}/search/?q={quote('แรงงาน')}")
    page.wait_for_function(
        "() => { const s = document.getElementById('search-status');"
        " return s && /^(พบ|ไม่พบ)/.test(s.textContent); }", timeout=20000)
    assert page.locator("#search-results li").count() > 0
    _assert_clean(page)


def test_no_inline_script_or_style_in_any_page(strict_site):
    _, output = strict_site
    pages = sorted(output.rglob("*.html"))
    assert len(pages) >= 10 and (output / "index.html") in pages  # never passes on an empty output
    for path in pages:
        html = path.read_text("utf-8")
        rel = path.relative_to(output)
        assert not re.search(r"<style\b", html, re.I), rel
        assert not re.search(r"\sstyle=", html, re.I), rel
        assert not re.search(r"\son[a-z]+=", html, re.I), rel
        for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I):
            if "ld+json" in attrs:
                continue
            assert "src=" in attrs and not body.strip(), (rel, attrs, body[:80])
