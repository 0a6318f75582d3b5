"""Pages that send an old URL to its new one, for slugs that changed (THAI_TEXT_REDIRECTS).

A static site cannot answer 301, so each old address gets a tiny page: a `<meta http-equiv=
"refresh">` to the new address, a canonical link to it (search engines move their index), and a
link a reader can follow. A path that is a real page of the site is never overwritten (a redirect
page written by an earlier build into the same folder is written again).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

logger = logging.getLogger(__name__)

PAGE = """<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>ย้ายไปที่อยู่ใหม่ / moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>หน้านี้ย้ายไปที่ <a href="{url}">{url}</a> / this page has moved.</p>
</body>
</html>
"""


def redirect_page(url: str) -> str:
    """The HTML of a page that sends the reader to `url`."""
    return PAGE.format(url=html.escape(url, quote=True))


def _is_redirect_page(path: Path) -> bool:
    """Whether the file at `path` is a page this module wrote (a build that writes into the same
    folder again, as the live preview does on every save, finds its own redirects there)."""
    head = PAGE[: PAGE.index("{url}")].encode("utf-8")
    try:
        with open(path, "rb") as page:
            return page.read(len(head)) == head
    except OSError:
        return False


def write_redirects(output: str | Path, siteurl: str, redirects: dict[str, str]) -> int:
    """Write `old/index.html` for each {old path: new path} (site-relative, as in *_URL
    settings); returns how many were written."""
    root = Path(output)
    written = 0
    for old, new in sorted(redirects.items()):
        target = root / old.strip("/") / "index.html" if not old.endswith(".html") else root / old.strip("/")
        if target.exists() and not _is_redirect_page(target):
            logger.warning(
                "THAI_TEXT_REDIRECTS: %s เป็นหน้าจริงของเว็บไซต์ จึงไม่เขียนหน้าย้ายทับ / %s is a real "
                "page of the site, so no redirect is written over it; remove it from the setting",
                old, old)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(f"{siteurl.rstrip('/')}/{new.lstrip('/')}"), encoding="utf-8")
        written += 1
    return written
