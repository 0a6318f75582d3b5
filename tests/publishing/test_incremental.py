"""A build from the cache equals a build from nothing, file for file, after every kind of edit.

The repository's content and theme are copied into a temporary folder and built once; then,
edit after edit, the same output folder is built again with the cache the previous build left
(tools/build_cache.py, tools/build_plan.py) and compared byte for byte with a build of the same
input into an empty folder with an empty cache. Only the photo galleries' own cache is shared
(photo_gallery keys it by the photos; what is tested here is the site's cache).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.build import build

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(a: dict, b: dict) -> list[str]:
    only = sorted(set(a) ^ set(b))
    differ = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    return [f"only in one: {k}" for k in only] + [f"differs: {k}" for k in differ]


class Site:
    """A copy of the project's content and theme, built incrementally and from nothing."""

    def __init__(self, base: Path, search: bool, two_writers: bool = False):
        self.base = base
        self.content = base / "content"
        self.theme = base / "theme"
        shutil.copytree(ROOT / "content", self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        self.gallery_cache = base / "gallery-cache"
        self.settings = {"THAI_SEARCH_ENABLED": search}
        self.colds = 0
        self.two_writers = two_writers  # the incremental builds' writing in two processes

    def _overrides(self, cache: Path) -> dict:
        return {"PATH": str(self.content), "THEME": str(self.theme), "CACHE_PATH": str(cache),
                "GALLERY_CACHE_DIR": str(self.gallery_cache), **self.settings}

    def build(self):
        result = build(ROOT / "pelicanconf.py", self.base / "output", overrides=self._overrides(self.base / "cache"),
                       quiet=True, two_writers=self.two_writers)
        assert result.ok, result.errors
        return result

    def cold(self):
        self.colds += 1
        out, cache = self.base / f"cold-{self.colds}", self.base / f"cold-cache-{self.colds}"
        result = build(ROOT / "pelicanconf.py", out, overrides=self._overrides(cache), quiet=True, two_writers=False)
        assert result.ok, result.errors
        files = _files(out)
        shutil.rmtree(out)
        shutil.rmtree(cache)
        return result, files

    def check(self):
        """Build from the cache and from nothing; the outputs must be identical. Returns the
        incremental build's result."""
        result = self.build()
        assert result.writers == (2 if self.two_writers else 1)
        cold, cold_files = self.cold()
        warm_files = _files(self.base / "output")
        assert warm_files, "the build wrote nothing"
        assert _differences(warm_files, cold_files) == []
        assert sorted(p.key for p in result.problems) == sorted(p.key for p in cold.problems)
        return result


def _article(site: Site, index: int = 0) -> Path:
    return sorted((site.content / "news").glob("*.md"))[index]


def _unlinked_article(site: Site) -> Path:
    """The first article no other source names (deleting it breaks no link)."""
    sources = sorted(site.content.rglob("*.md"))
    texts = {p: p.read_text(encoding="utf-8") for p in sources}
    return next(a for a in sorted((site.content / "news").glob("*.md"))
                if not any(a.name in text for p, text in texts.items() if p != a))


def _replace_header(path: Path, key: str, value: str) -> None:
    """Set `key:` in the header of `path` (added as its first line when the file has none, as
    releases the web editor writes have no Slug:)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.lower().startswith(f"{key.lower()}:"):
            lines[i] = f"{line.split(':', 1)[0]}: {value}"
            break
    else:
        lines.insert(0, f"{key}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("search, two_writers", [(False, False), (True, False), (False, True)],
                         ids=["apply", "with-search-index", "two-writers"])
def test_every_kind_of_edit_gives_the_cold_output(tmp_path, search, two_writers):
    site = Site(tmp_path, search, two_writers)
    first = site.build()
    assert first.read_again > 0 and first.read_from_cache == 0

    again = site.check()  # nothing changed
    assert again.rendered == 0 and again.changed_files == 0 and again.read_again == 0
    pages = again.kept

    body = _article(site, 3)
    body.write_text(body.read_text(encoding="utf-8") + "\nศูนย์ฯ เพิ่มช่องทางรับเรื่องร้องเรียนทางไปรษณีย์อิเล็กทรอนิกส์\n",
                    encoding="utf-8")
    edited = site.check()
    assert edited.read_again == 1
    assert 1 <= edited.changed_files and edited.rendered < pages
    # its page and the feeds that carry its body; no list page (they show no word count: 18
    # pages were rendered while the word count was taken as something lists show)
    assert edited.rendered <= 6, edited.rendered

    title = _article(site, 5)
    _replace_header(title, "Title", "ศูนย์ปฏิบัติการต่อต้านการทุจริตจัดประชุมเครือข่ายประจำไตรมาส")
    retitled = site.check()
    assert retitled.read_again == 1 and retitled.rendered < pages

    new = site.content / "news" / "network-meeting-2569.md"
    shutil.copy(_article(site, 1), new)
    _replace_header(new, "Slug", "network-meeting-2569")
    _replace_header(new, "Title", "ประชุมเครือข่ายเฝ้าระวังการทุจริตระดับจังหวัด")
    site.check()

    _unlinked_article(site).unlink()
    removed = site.check()
    assert removed.removed_files >= 1

    template = site.theme / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        '<div class="prose">', '<div class="prose" data-edited="1">'), encoding="utf-8")
    retemplated = site.check()
    assert retemplated.kept == 0

    site.settings["SITENAME_SHORT"] = "ศปท. รง."
    resettled = site.check()
    assert resettled.kept == 0 and resettled.read_from_cache == 0


def test_a_file_from_the_cache_reports_its_problems_again(tmp_path):
    """A source read from the cache logs what its reading logged (here: HTML the sanitiser removed)."""
    site = Site(tmp_path, search=False)
    post = _article(site, 0)
    post.write_text(post.read_text(encoding="utf-8") + '\n<p onclick="steal()">คลิกที่นี่</p>\n', encoding="utf-8")
    first = site.build()
    second = site.build()
    assert second.read_from_cache > 0 and second.read_again == 0
    found = [p.key for p in first.problems if p.rule == "html"]
    assert found, "the sanitiser reported nothing: the test does not test anything"
    assert sorted(p.key for p in second.problems) == sorted(p.key for p in first.problems)


def test_a_failed_build_leaves_the_output_as_it_was(tmp_path):
    site = Site(tmp_path, search=False)
    site.build()
    before = _files(site.base / "output")
    post = _article(site, 4)
    good = post.read_text(encoding="utf-8")
    _replace_header(post, "Date", "2567-02-30 09:00")  # no such day
    result = build(ROOT / "pelicanconf.py", site.base / "output",
                   overrides=site._overrides(site.base / "cache"), quiet=True)
    assert not result.ok and any(p.rule == "date" for p in result.problems)
    assert _files(site.base / "output") == before
    post.write_text(good, encoding="utf-8")
    again = site.check()
    assert again.changed_files == 0


def test_a_full_disk_while_files_are_moved_in_is_said_and_the_next_build_repairs(tmp_path, monkeypatch, capsys):
    """The disk fills up while the changed files are moved into output/: the build fails with the
    disk-full message (no traceback), and the next build, without the full disk, gives exactly
    the output of a build from nothing."""
    import errno

    import tools.build_plan as build_plan

    site = Site(tmp_path, search=False)
    site.build()
    post = _article(site, 2)
    post.write_text(post.read_text(encoding="utf-8") + "\nศูนย์ฯ แจ้งกำหนดการอบรมรอบใหม่\n", encoding="utf-8")
    real = build_plan.os.replace
    moved = []

    def full_after_one(src, dst, *args, **kwargs):
        if str(dst).startswith(str(site.base / "output")) and moved:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        moved.append(dst)
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(build_plan.os, "replace", full_after_one)
    result = build(ROOT / "pelicanconf.py", site.base / "output", overrides=site._overrides(site.base / "cache"))
    monkeypatch.setattr(build_plan.os, "replace", real)
    assert not result.ok and moved
    assert any("ดิสก์เต็ม" in e and "disk is full" in e for e in result.errors), result.errors
    assert "Traceback" not in capsys.readouterr().err
    again = site.check()  # equal to a build from nothing
    assert again.kept == 0  # the state was forgotten: every page rendered again


def test_what_lists_show_covers_every_attribute_the_plugins_add_and_the_templates_name():
    """The plan renders a list page again only when something it shows of an article changed
    (tools/build_plan.py's SHOWN_ATTRIBUTES). Each attribute our plugins add to a content object
    and a template names must be one of them (or be derived from one: `locale_date` from `date`),
    else an edit could leave a list page showing the old value."""
    import re

    from tools.build_plan import REFERENCE_ATTRIBUTES, SHOWN_ATTRIBUTES

    assigned = re.compile(r"\b(?:instance|article|content|obj|page|item)\.([a-z_]+)\s*=[^=]")
    added = {name for path in (ROOT / "plugins").rglob("*.py") for name in assigned.findall(path.read_text(encoding="utf-8"))}
    named = {name for path in (ROOT / "theme" / "templates").rglob("*.html")
             for name in re.findall(r"\.([a-z_]+)\b", path.read_text(encoding="utf-8"))}
    derived = {"locale_date": "date", "locale_modified": "modified"}
    assert {"reading_time", "cover", "gallery", "word_count"} <= added  # the scan finds them
    unseen = {a for a in (added & named) - set(SHOWN_ATTRIBUTES) - set(REFERENCE_ATTRIBUTES)
              if not a.startswith("_") and derived.get(a, "?") not in SHOWN_ATTRIBUTES}
    assert not unseen


def test_a_build_judges_again_only_the_files_that_changed(tmp_path):
    """What the per-file rules found is kept in CACHE_PATH (content_guard/remembered.py): a build
    in a new process runs them again only on the file that changed."""
    import sys

    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))  # as Pelican imports the plugins
    from content_guard import remembered, verdict

    site = Site(tmp_path, search=False)

    def build_in_a_new_process():
        verdict._FOUND.clear()
        remembered._OPEN.clear()
        site.build()
        (store,) = remembered._OPEN.values()
        return store

    first = build_in_a_new_process()
    assert first.misses > 0 and first.hits == 0
    files = len(list(site.content.rglob("*.md")))
    rules = first.misses // files
    assert rules >= 3 and first.misses == rules * files  # header, category, typo, markup
    again = build_in_a_new_process()
    assert again.misses == 0 and again.hits == rules * files
    post = _article(site, 1)
    post.write_text(post.read_text(encoding="utf-8") + "\nศูนย์ฯ ขอบคุณผู้แจ้งเบาะแสทุกราย\n", encoding="utf-8")
    edited = build_in_a_new_process()
    assert edited.misses == rules and edited.hits == rules * (files - 1)


def test_a_change_to_the_plugins_code_gives_the_cold_output(tmp_path):
    """The build's caches are kept between builds by what made them: after a change to a
    plugin's code (here: thai_text gives a right-aligned table column another class), a build
    with the cache the old code left gives what a build from nothing gives. thai_text's memo of
    marked-up pages, kept by the dictionary alone, gave the old tables until a source changed."""
    import subprocess
    import sys

    plugins = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", plugins, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")  # the web editor's bundle, beside its plugins
    site = Site(tmp_path, search=False)
    script = (
        "import json, sys; from pathlib import Path; from tools.build import build; import thai_text.tables as t;"
        "r = build(Path('pelicanconf.py'), Path(sys.argv[1]), overrides=json.loads(sys.argv[2]), quiet=True);"
        "assert t.__file__.startswith(sys.argv[3]), t.__file__; print(r.errors); sys.exit(0 if r.ok else 1)"
    )

    def build_in_a_new_process(output: Path, cache: Path) -> dict[str, bytes]:
        import json

        overrides = {**site._overrides(cache), "PLUGIN_PATHS": [str(plugins)]}
        env = {**__import__("os").environ, "PYTHONPATH": f"{plugins}:{ROOT}"}
        done = subprocess.run([sys.executable, "-c", script, str(output), json.dumps(overrides), str(plugins)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        return _files(output)

    before = build_in_a_new_process(tmp_path / "output", tmp_path / "cache")
    assert any(b'class="align-right"' in data for data in before.values())
    tables = plugins / "thai_text" / "tables.py"
    code = tables.read_text(encoding="utf-8")
    assert 'RIGHT = "align-right"' in code
    tables.write_text(code.replace('RIGHT = "align-right"', 'RIGHT = "align-end"'), encoding="utf-8")
    warm = build_in_a_new_process(tmp_path / "output", tmp_path / "cache")
    cold = build_in_a_new_process(tmp_path / "cold", tmp_path / "cold-cache")
    assert any(b'class="align-end"' in data for data in cold.values())
    assert _differences(warm, cold) == []
