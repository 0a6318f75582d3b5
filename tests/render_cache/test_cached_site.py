"""Whole builds: the site with render_cache is byte for byte the site without it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))  # `render_cache`, as Pelican imports it

from tests.theme.conftest import FILES  # noqa: E402  (a small Thai site with tags and categories)
from tools.build import build  # noqa: E402

OFF = {"RENDER_CACHE_FRAGMENTS": False, "RENDER_CACHE_URLS": False}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    base = tmp_path_factory.mktemp("render_cache")
    for rel, text in FILES.items():
        path = base / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return base


def _build(base: Path, name: str, **overrides):
    result = build(
        ROOT / "pelicanconf.py",
        base / name,
        overrides={"PATH": str(base / "content"), "CACHE_PATH": str(base / f"cache-{name}"),
                   "DEFAULT_PAGINATION": 2, "THAI_SEARCH_ENABLED": False, **overrides},
        quiet=True,
    )
    assert result.ok, result.errors
    return result


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_same_tree(a: Path, b: Path) -> None:
    fa, fb = _files(a), _files(b)
    assert sorted(fa) == sorted(fb)
    different = [name for name in fa if fa[name] != fb[name]]
    assert different == []


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative-urls"])
def test_output_is_identical_with_and_without_the_cache(content, relative):
    import render_cache.pelican_hooks as hooks

    on = _build(content, f"on-{relative}", RELATIVE_URLS=relative)
    figures = dict(hooks.LAST_BUILD)
    off = _build(content, f"off-{relative}", RELATIVE_URLS=relative, **OFF)
    _assert_same_tree(on.output, off.output)
    # cards are really reused: home, category, tag and archive pages and related news (with
    # relative URLs only among pages at the same depth, since SITEURL is part of the key)
    assert figures["fragments_reused"] > 0 and figures["fragments_drawn"] > 0
    if not relative:
        assert figures["fragments_reused"] > figures["fragments_drawn"]
    html = (on.output / "index.html").read_text(encoding="utf-8")
    assert html.count('class="card') >= 2


def test_urls_are_kept_only_for_articles_and_pages():
    import datetime
    from types import SimpleNamespace

    import render_cache.pelican_hooks as hooks
    from pelican.contents import Article, Page, Static
    from pelican.settings import DEFAULT_CONFIG

    settings = dict(DEFAULT_CONFIG, ARTICLE_URL="news/{slug}/", PAGE_URL="{slug}/")
    date = datetime.datetime(2024, 3, 25, 9, 0)
    article = Article("ข่าว", metadata={"title": "ข่าว", "slug": "ita", "date": date}, settings=settings)
    own = Article("ข่าว", metadata={"title": "ข่าว", "slug": "own", "date": date, "url": "special/"},
                  settings=settings)
    page = Page("หน้า", metadata={"title": "หน้า", "slug": "about"}, settings=settings)
    static = Static("", metadata={"title": "x"}, settings=settings, source_path="images/x.png")
    hooks.start_build(SimpleNamespace(settings=dict(settings)))
    try:
        hooks.freeze_urls([SimpleNamespace(articles=[article, own], pages=[page], staticfiles=[static])])
    finally:
        hooks.end_build(None)
    assert article.__dict__["override_url"] == article.url == "news/ita/"
    assert page.__dict__["override_url"] == page.url == "about/"
    assert own.url == "special/"
    assert "override_url" not in static.__dict__
    assert "override_save_as" not in article.__dict__  # "may overwrite" would hide duplicate paths
    article.slug = "changed"  # a URL is kept only after every slug is final
    assert article.url == "news/ita/"


def test_a_bad_setting_warns_and_falls_back(content):
    result = _build(content, "bad", RENDER_CACHE_MAX_FRAGMENTS="many")
    assert any("RENDER_CACHE_MAX_FRAGMENTS" in w and "render_cache/README.md" in w for w in result.warnings)
    _assert_same_tree(result.output, content / "on-False")


def test_the_theme_without_the_plugin_gives_the_same_site(content):
    """The card macro falls back to drawing every card every time when render_once is absent."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_conf", ROOT / "pelicanconf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    plugins = [name for name in conf.PLUGINS if name != "render_cache"]
    assert len(plugins) == len(conf.PLUGINS) - 1
    without = _build(content, "without", PLUGINS=plugins)
    with_it = _build(content, "with")
    _assert_same_tree(without.output, with_it.output)
