"""Releases of the repository's content chosen by what they hold, not by their names.

The sample releases are fictional: the real archive will replace them, and the tests that need
"a release with a gallery" or "a release without one" must keep passing then. Each takes the
first such release by file name: published, not dated in the future, with a `Slug:` (its URL is
news/<slug>/, the site's ARTICLE_URL). Read with content_guard's header reader and thai_date's
date reader, as the build reads them.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))


@dataclass(frozen=True)
class Release:
    path: Path
    url: str  # /news/<slug>/
    gallery: str | None  # its gallery folder (content/galleries/<gallery>), if any


def releases() -> list[Release]:
    from content_guard.source import read_header
    from thai_date.parsing import parse_date

    found = []
    now = dt.datetime.now(dt.timezone.utc)
    for path in sorted((ROOT / "content" / "news").glob("*.md")):
        header = read_header(path.read_text(encoding="utf-8"))
        slug, date = header.value("slug"), header.value("date")
        if not slug or not date or (header.value("status") or "published").lower() != "published":
            continue
        moment = parse_date(date)
        if (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))) > now:
            continue
        found.append(Release(path, f"/news/{slug}/", header.value("gallery") or None))
    return found


def with_gallery() -> Release:
    return next(r for r in releases() if r.gallery)


def without_gallery() -> Release:
    return next(r for r in releases() if not r.gallery)


def longest() -> Release:
    """The longest release (its source's size): the most lines to measure."""
    return max(releases(), key=lambda r: r.path.stat().st_size)
