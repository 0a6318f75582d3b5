"""The web_editor plugin without a browser: config.yml made from the settings, site-data.json,
the rule data exported from the rules' owners, the settings' defaults and the cached bundle."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "plugins"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from web_editor import bundle as bundle_module  # noqa: E402
from web_editor.config import editor_config  # noqa: E402
from web_editor.rule_data import display_formats, js_pattern, js_replacement, site_rules  # noqa: E402
from web_editor.settings import DEFAULTS, with_defaults  # noqa: E402


def settings(**overrides) -> dict:
    from tools.check import load_settings

    base = load_settings(ROOT / "pelicanconf.py")
    base.update(with_defaults(base))
    base.update(overrides)
    return base


def fields(config: dict, collection: str) -> dict:
    found = next(c for c in config["collections"] if c["name"] == collection)
    return {f["name"]: f for f in found["fields"]}


def test_config_follows_the_sites_settings():
    config = editor_config(settings())
    assert [c["name"] for c in config["collections"]] == ["news", "pages", "dictionary"]
    news = config["collections"][0]
    dictionary = config["collections"][2]
    assert dictionary["format"] == "site-dictionary" and dictionary["files"][0]["file"] == "content/dictionary.txt"
    assert news["folder"] == "content/news" and config["collections"][1]["folder"] == "content/pages"
    assert news["format"] == "pelican-markdown" and news["slug"] == "{{fields.file_name}}"
    assert news["media_folder"] == "/content/galleries/{{fields.photos.gallery}}"
    assert fields(config, "news")["category"]["options"] == settings()["CATEGORIES"]
    assert config["backend"] == {"name": "github", "branch": "main"}  # no repository set: nothing invented
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "th"


def test_config_changes_with_the_settings():
    config = editor_config(settings(
        CATEGORIES=["ข่าวด่วน", "ประกาศรับสมัคร"], ARTICLE_PATHS=["posts"], PAGE_PATHS=["static-pages"],
        GALLERY_SOURCE_DIR="photos", WEB_EDITOR_PUBLISH_MODE="simple", THAI_TEXT_DICTIONARY="words/names.txt",
        WEB_EDITOR_BACKEND={"name": "forgejo", "repo": "mol/site", "api_root": "https://git.mol.go.th/api/v1",
                            "app_id": "abc", "base_url": ""},
    ))
    news, pages, dictionary = config["collections"]
    assert news["folder"] == "content/posts" and pages["folder"] == "content/static-pages"
    assert dictionary["files"][0]["file"] == "content/words/names.txt"
    assert news["media_folder"] == "/content/photos/{{fields.photos.gallery}}"
    assert fields(config, "news")["category"]["options"] == ["ข่าวด่วน", "ประกาศรับสมัคร"]
    assert config["backend"] == {"name": "forgejo", "repo": "mol/site", "api_root": "https://git.mol.go.th/api/v1",
                                 "app_id": "abc"}
    assert config["publish_mode"] == "simple"


def test_config_yml_follows_a_settings_change_in_the_same_process():
    """config_text keeps the YAML of the last config (the live preview writes it on every save);
    other settings give their own text at once, and the text is the YAML of its config."""
    from web_editor.output import config_text

    first, second = editor_config(settings()), editor_config(settings(WEB_EDITOR_PUBLISH_MODE="simple"))
    for config in (first, second, first):
        text = config_text(config)
        assert text.startswith("# Made by plugins/web_editor") and yaml.safe_load(text) == config
    assert config_text(first) != config_text(second)


def test_the_local_backend_is_the_sites_own_origin():
    config = editor_config(settings(WEB_EDITOR_LOCAL_BACKEND="/api/v1",
                                    WEB_EDITOR_BACKEND={"name": "github", "repo": "x/y", "branch": "review"}))
    assert config["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "review"}


def test_the_built_editor(sample_site):
    admin = sample_site.output / "admin"
    names = sorted(p.name for p in admin.iterdir())
    assert names == ["config.yml", "editor.css", "editor.min.js", "fonts.css", "index.html", "site-data.json"]
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["fields"][0]["label"] == "ชื่อข่าว"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="th">' in page and 'name="robots" content="noindex' in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing from another origin
    assert "url(/theme/vendor/fonts/sarabun-thai-400-normal.woff2)" in (admin / "fonts.css").read_text(encoding="utf-8")
    data = json.loads((admin / "site-data.json").read_text(encoding="utf-8"))
    assert data["folders"] == {"news": "content/news", "pages": "content/pages"}
    from tests.sample_pages import releases

    for release in releases():
        assert data["entries"][release.path.relative_to(ROOT).as_posix()]["url"] == release.url
    sources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").glob("[np]*/*.md"))
    assert sorted(data["entries"]) == sources
    from photo_gallery.sources import scan_gallery

    folders = sorted(p for p in (ROOT / "content" / "galleries").iterdir() if p.is_dir())
    assert sorted(data["galleries"]) == [f.name for f in folders]
    for folder in folders:  # as photo_gallery reads the folder, with the published thumbnails
        photos = data["galleries"][folder.name]
        assert [(p["file"], p["caption"]) for p in photos] == [
            (p.name, p.caption) for p in scan_gallery(folder, folder.name).photos]
        assert all(p["thumb"] == "" or (sample_site.output / p["thumb"].lstrip("/")).is_file() for p in photos)
    assert any(p["thumb"] for photos in data["galleries"].values() for p in photos)
    assert data["photos"]["max_edge"] == 2560 and data["photos"]["max_pixels"] == 100_000_000
    assert data["rules"]["categories"] == settings()["CATEGORIES"]
    # No repository in the development settings: the page explains it in Thai instead of starting.
    assert data["backend"] == {"name": "github", "configured": False}


def test_tags_are_offered_most_used_first(sample_site):
    data = json.loads((sample_site.output / "admin" / "site-data.json").read_text(encoding="utf-8"))
    counts = {}
    for path in (ROOT / "content" / "news").glob("*.md"):
        line = next((l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("Tags:")), "")
        for tag in filter(None, (t.strip() for t in line[5:].split(","))):
            counts[tag] = counts.get(tag, 0) + 1
    assert data["tags"] == sorted(counts, key=lambda t: (-counts[t], t))


def test_rule_data_comes_from_the_owners():
    from thai_date import parsing
    from thai_text.typos import RULES

    rules = site_rules(settings())
    assert [r["pattern"] for r in rules["typos"]] == [js_pattern(r.pattern.pattern) for r in RULES]
    assert rules["dates"]["iso"] == js_pattern(parsing.ISO.pattern)
    assert "(?P" not in rules["dates"]["iso"] and "\\k<isep>" in rules["dates"]["iso"]  # back-reference kept
    assert rules["dates"]["month_numbers"] == parsing.MONTH_NUMBERS
    assert rules["dates"]["utc_offset_minutes"] == 420
    assert rules["statuses"] == ["published", "draft", "hidden"]
    assert rules["check"] == {"oldest_year": 2000, "future_days": 366} and rules["captions_required"] is True
    assert js_replacement("\\2\\1") == "$2$1"


@pytest.mark.parametrize("pattern", ["(?i)x", "\\Ax", "(?<=a)b", "(?x) a"])
def test_a_pattern_javascript_reads_otherwise_is_refused(pattern):
    with pytest.raises(ValueError, match="cannot export"):
        js_pattern(pattern)


def test_display_formats_are_read_off_thai_date_and_verified(monkeypatch):
    from thai_date import formats

    assert display_formats()["full"] == "วัน{weekday}ที่ {day} {month} พ.ศ. {year}"
    odd = dict(formats.FORMATS, odd=(lambda d: f"{d.day:02d}/{d.month}", "25/3"))
    monkeypatch.setattr(formats, "FORMATS", odd)
    with pytest.raises(ValueError, match="'odd' cannot be exported"):
        display_formats()


def test_settings_defaults_and_bad_values(caplog):
    added = with_defaults({})
    assert set(added) == set(DEFAULTS) and added["WEB_EDITOR_OUTPUT_DIR"] == "admin"
    with caplog.at_level(logging.WARNING):
        fixed = with_defaults({"WEB_EDITOR_PHOTO_MAX_EDGE": -5, "WEB_EDITOR_PUBLISH_MODE": "fast",
                               "WEB_EDITOR_PHOTO_QUALITY": 2, "WEB_EDITOR_BACKEND": "github"})
    assert fixed["WEB_EDITOR_PHOTO_MAX_EDGE"] == 2560 and fixed["WEB_EDITOR_PUBLISH_MODE"] == "editorial_workflow"
    assert fixed["WEB_EDITOR_PHOTO_QUALITY"] == 0.85 and fixed["WEB_EDITOR_BACKEND"]["name"] == "github"
    assert len([r for r in caplog.records if "ใช้ไม่ได้" in r.getMessage()]) == 4
    assert "WEB_EDITOR_PHOTO_MAX_EDGE" not in with_defaults({"WEB_EDITOR_PHOTO_MAX_EDGE": 2000})


def test_the_bundle_is_made_once_and_reused(monkeypatch):
    folder = bundle_module.make_bundle(settings())
    assert (folder / "editor.min.js").stat().st_size > 1_000_000

    def no_esbuild(*args, **kwargs):
        raise AssertionError("esbuild ran although the bundle was cached")

    monkeypatch.setattr(bundle_module, "_esbuild", no_esbuild)
    assert bundle_module.make_bundle(settings()) == folder


def test_decaps_palette_is_replaced_and_a_colour_not_found_stops_the_bundle(monkeypatch):
    bundled = (bundle_module.make_bundle(settings()) / "editor.min.js").read_text("utf-8").lower()
    for texts in bundle_module.DECAP_COLOURS.values():
        for old, new in texts.items():
            colour = re.search("#[0-9a-f]{6}", old.lower()).group(0)
            assert colour not in bundled and re.search("#[0-9a-f]{6}", new).group(0) in bundled
    monkeypatch.setattr(bundle_module, "DECAP_COLOURS", {
        "decap-cms-ui-default/dist/esm/styles.js": {"gray: '#000001'": "gray: '#5a6270'"}})
    with pytest.raises(bundle_module.BundleError, match="DECAP_COLOURS") as error:
        bundle_module.make_bundle(settings())
    assert "gray: '#000001'" in str(error.value)


def test_missing_packages_are_named_with_the_fix(tmp_path):
    with pytest.raises(bundle_module.BundleError, match="npm ci") as error:
        bundle_module.make_bundle(settings(WEB_EDITOR_NODE_MODULES=str(tmp_path / "node_modules")))
    assert "decap-cms-app" in str(error.value) and "ไม่พบแพ็กเกจ" in str(error.value)


@pytest.mark.parametrize("overrides, notes", [
    ({}, True),  # GitHub, editorial workflow: Decap keeps notes as issues
    ({"WEB_EDITOR_LOCAL_BACKEND": "/api/v1"}, True),  # invoke editor keeps them (tools/editor_notes.py)
    ({"WEB_EDITOR_BACKEND": {"name": "forgejo", "repo": "mol/site"}}, False),  # Decap's Forgejo keeps none
    ({"WEB_EDITOR_PUBLISH_MODE": "simple"}, False),  # no review, no notes
])
def test_notes_are_on_where_the_backend_keeps_them(overrides, notes):
    config = editor_config(settings(**overrides))
    by_name = {c["name"]: c for c in config["collections"]}
    assert by_name["news"]["editor"] == {"notes": notes}
    assert by_name["pages"]["editor"] == {"notes": notes}
    assert by_name["dictionary"]["editor"] == {"preview": False}  # the check writes it no note
