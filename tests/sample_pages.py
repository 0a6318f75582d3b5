"""Releases of the repository's content chosen by what they hold, not by their names.

The sample releases are fictional: the real archive will replace them, and the tests that need
"a release with a gallery" or "a release without one" must keep passing then. Each takes the
first such release by file name: published and not dated in the future. Read with content_guard's
header reader, thai_date's date reader and thai_text's slug rule, as the build reads them (the
URL is news/<slug>/, the site's ARTICLE_URL).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))


@dataclass(frozen=True)
class Release:
    path: Path
    url: str  # /news/<slug>/
    gallery: str | None  # its gallery folder (content/galleries/<gallery>), if any
    attachments: bool = False  # it lists documents (Attachments:, plugins/attachments)


@lru_cache(maxsize=1)
def site_settings() -> dict:
    """pelicanconf.py's settings with thai_text's defaults, as the build has them for its slugs."""
    from thai_text.settings import with_defaults

    from tools.check import load_settings

    settings = load_settings(ROOT / "pelicanconf.py")
    settings.update(with_defaults(settings))
    return settings


@lru_cache(maxsize=1)
def releases() -> tuple[Release, ...]:
    from content_guard.source import read_header
    from thai_date.parsing import parse_date
    from thai_text.slugs import content_slug

    settings = site_settings()
    found = []
    now = dt.datetime.now(dt.timezone.utc)
    for path in sorted((ROOT / "content" / "news").glob("*.md")):
        header = read_header(path.read_text(encoding="utf-8"))
        date = header.value("date")
        if not date or (header.value("status") or "published").lower() != "published":
            continue
        moment = parse_date(date)
        if (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))) > now:
            continue
        slug = content_slug(settings, header.value("slug") or "", path.relative_to(ROOT).as_posix())
        found.append(Release(path, f"/news/{slug}/", header.value("gallery") or None, bool(header.value("attachments"))))
    return tuple(found)


def with_gallery() -> Release:
    return next(r for r in releases() if r.gallery)


def with_attachments() -> Release:
    return next(r for r in releases() if r.attachments)


def without_gallery() -> Release:
    return next(r for r in releases() if not r.gallery)


def longest() -> Release:
    """The longest release (its source's size): the most lines to measure."""
    return max(releases(), key=lambda r: r.path.stat().st_size)
