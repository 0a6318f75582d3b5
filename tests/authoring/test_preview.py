"""Live preview (tools/preview.py): a saved edit updates its page, and only what it must."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tools.preview import PreviewSite, describe, measure_preview_latency

ROOT = Path(__file__).resolve().parent.parent.parent


def post(slug: str, day: int, category: str = "ข่าวประชาสัมพันธ์", tags: str = "ทดสอบ") -> str:
    return (
        f"Title: ข่าวทดสอบหมายเลข {day}\n"
        f"Date: 2568-03-{day:02d} 09:00\n"
        f"Category: {category}\n"
        f"Tags: {tags}\n"
        f"Slug: {slug}\n\n"
        f"เนื้อข่าวทดสอบของวันที่ {day} เจ้าหน้าที่กระทรวงแรงงานร่วมกิจกรรม\n"
    )


@pytest.fixture
def small_site(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "pages").mkdir()
    for day in range(1, 9):
        category = "ข่าวกิจกรรม" if day % 2 else "ประกาศ"
        (content / "news" / f"post-{day}.md").write_text(
            post(f"post-{day}", day, category, "ทดสอบ" if day < 5 else "อื่น"), encoding="utf-8")
    (content / "pages" / "about.md").write_text("Title: เกี่ยวกับเรา\nSlug: about\n\nข้อมูลตัวอย่าง\n",
                                                encoding="utf-8")
    conf = tmp_path / "pelicanconf.py"  # a copy, so that a test may touch it
    conf.write_bytes((ROOT / "pelicanconf.py").read_bytes())
    overrides = {
        "PATH": str(content),
        "CACHE_PATH": str(tmp_path / "cache"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "THAI_SEARCH_ENABLED": False,
    }
    site = PreviewSite(conf, tmp_path / "output", overrides=overrides, quiet=True)
    report = site.full_build()
    assert report.ok, report.errors
    return site, content


def html(path: Path) -> str:
    """The page's text without the <wbr> and spans that thai_text puts in Thai text."""
    from tests.conftest import without_breaks

    return without_breaks(path.read_text(encoding="utf-8"))


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 2  # a clearly newer mtime even on coarse file systems
    os.utime(path, (later, later))


def test_edit_updates_the_page_and_the_lists_only(small_site):
    site, content = small_site
    out = site.output
    untouched = out / "news" / "post-2" / "index.html"  # another category, another tag
    before = untouched.stat().st_mtime_ns
    assert site.refresh().kind == "none"

    source = content / "news" / "post-7.md"
    _save(source, source.read_text(encoding="utf-8") + "\nย่อหน้าใหม่ MARKERPREVIEW1\n")
    report = site.refresh()
    assert report.kind == "incremental" and report.ok, (describe(report), report.errors)
    assert report.changed == ["news/post-7.md"]
    assert "MARKERPREVIEW1" in html(out / "news" / "post-7" / "index.html")
    assert report.kept > 0 and report.rendered < report.kept + report.rendered
    assert untouched.stat().st_mtime_ns == before  # not rewritten

    # A new title shows on the home page and on its category page at once.
    _save(source, source.read_text(encoding="utf-8").replace("ข่าวทดสอบหมายเลข 7", "หัวข้อใหม่ทดสอบเจ็ด"))
    assert site.refresh().ok
    assert "หัวข้อใหม่ทดสอบเจ็ด" in html(out / "index.html")
    category_pages = list((out / "category").glob("*/index.html"))
    assert any("หัวข้อใหม่ทดสอบเจ็ด" in html(p) for p in category_pages)


def test_new_and_removed_posts(small_site):
    site, content = small_site
    new = content / "news" / "post-new.md"
    _save(new, post("post-new", 20))
    assert site.refresh().ok
    page = site.output / "news" / "post-new" / "index.html"
    assert page.is_file()
    assert "post-new" in html(site.output / "index.html")
    new.unlink()
    assert site.refresh().ok
    assert not page.exists()
    assert "post-new" not in html(site.output / "index.html")


def test_settings_change_rebuilds_everything(small_site):
    site, content = small_site
    _save(site.settings_file, site.settings_file.read_text(encoding="utf-8") + "\nDEFAULT_PAGINATION = 5\n")
    report = site.refresh()
    assert report.kind == "full" and report.ok, report.errors


def test_a_broken_file_keeps_the_preview_running(small_site):
    site, content = small_site
    source = content / "news" / "post-3.md"
    _save(source, post("post-3", 3).replace("2568-03-03 09:00", "2568-02-30 09:00"))
    report = site.refresh()
    assert not report.ok or report.warnings  # reported, no exception
    _save(source, post("post-3", 3) + "\nแก้แล้ว MARKERFIXED\n")
    assert site.refresh().ok
    assert "MARKERFIXED" in html(site.output / "news" / "post-3" / "index.html")


def test_measure_preview_latency(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    for day in range(1, 6):
        (content / "news" / f"p{day}.md").write_text(post(f"p{day}", day), encoding="utf-8")
    result = measure_preview_latency(content, tmp_path / "out", tmp_path / "cache", reps=2,
                                     overrides={"THAI_SEARCH_ENABLED": False}, poll_seconds=0.2)
    assert len(result["runs_s"]) == 2 and result["median_s"] > 0
    assert result["posts"] == 5 and result["rebuild_s"]


def test_a_save_is_seen_from_the_file_systems_events(tmp_path):
    # Looking every 60 s only: each page must be updated within 20 s all the same.
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    for day in range(1, 6):
        (content / "news" / f"p{day}.md").write_text(post(f"p{day}", day), encoding="utf-8")
    result = measure_preview_latency(content, tmp_path / "out", tmp_path / "cache", reps=2, timeout=20,
                                     overrides={"THAI_SEARCH_ENABLED": False}, poll_seconds=60)
    assert len(result["runs_s"]) == 2 and result["file_events"] >= 2


def test_live_server_watcher_rebuilds_and_names_the_file(small_site):
    from tools.preview import SiteWatcher
    import io

    site, content = small_site
    watcher = SiteWatcher(site, stream=io.StringIO())
    assert watcher.examine() == (None, None)
    source = content / "news" / "post-5.md"
    _save(source, source.read_text(encoding="utf-8") + "\nMARKERWATCH\n")
    assert watcher.examine() == ("news/post-5.md", None)  # livereload then reloads the browser
    assert "MARKERWATCH" in html(site.output / "news" / "post-5" / "index.html")


def test_embargo_future_posts_are_held_and_drafts_are_previewed(small_site):
    site, content = small_site
    future = post("embargoed", 1).replace("2568-03-01 09:00", "2575-01-01 09:00")
    _save(content / "news" / "embargoed.md", future)
    _save(content / "news" / "embargoed-draft.md",
          future.replace("Slug: embargoed", "Slug: embargoed-draft\nStatus: draft"))
    assert site.refresh().ok
    assert not (site.output / "news" / "embargoed").exists()  # held until its date
    assert "embargoed" not in html(site.output / "index.html")
    assert (site.output / "drafts" / "embargoed-draft" / "index.html").is_file()  # previewable


def test_a_source_with_an_error_keeps_its_last_good_version(small_site):
    site, content = small_site
    source = content / "news" / "post-3.md"
    good_page = (site.output / "news" / "post-3" / "index.html").read_text(encoding="utf-8")
    categories = sorted(p.name for p in (site.output / "category").iterdir())
    # An unknown category (a typo of ข่าวกิจกรรม): an ERROR, and no new category page.
    _save(source, post("post-3", 3, category="ข่าวกิจกรม") + "\nย่อหน้าใหม่ MARKERBROKEN\n")
    report = site.refresh()
    assert report.kept_last_good == ["content/news/post-3.md"]
    assert (site.output / "news" / "post-3" / "index.html").read_text(encoding="utf-8") == good_page
    assert sorted(p.name for p in (site.output / "category").iterdir()) == categories
    assert "ข่าวทดสอบหมายเลข 3" in html(site.output / "index.html")  # still listed
    [problem] = site.problems()
    assert (problem["where"], problem["rule"], problem["severity"]) == ("content/news/post-3.md:3", "category", "error")
    assert problem["page"] == "/news/post-3/" and "ข่าวกิจกรรม" in problem["fix"]
    assert {p.key for p in report.problems} == {("content/news/post-3.md", 3, "category")}  # the build agrees

    _save(source, post("post-3", 3) + "\nแก้แล้ว MARKERGOOD\n")
    report = site.refresh()
    assert report.ok and report.kept_last_good == [] and site.problems() == []
    assert "MARKERGOOD" in html(site.output / "news" / "post-3" / "index.html")


def test_a_save_judges_again_only_the_saved_file(small_site):
    """After the full build, each save judges again only the saved file: the rules that depend on
    the file and some settings remember the others (the build once changed the MARKDOWN settings
    they compare, so the first save read every file again: 8 s on 2,000 posts)."""
    from content_guard import verdict

    site, content = small_site
    for n in (3, 5):
        source = content / "news" / f"post-{n}.md"
        _save(source, source.read_text(encoding="utf-8") + f"\nย่อหน้าเพิ่ม {n}\n")
        before = set(verdict._FOUND)
        assert site.refresh().ok
        judged = {key[1] for key in set(verdict._FOUND) - before}
        assert judged == {f"content/news/post-{n}.md"}


def test_the_next_start_takes_what_the_rules_found_from_the_cache(small_site, monkeypatch):
    """A new preview process does not run the per-file rules again on files that did not change
    (the rule "html" reads every file with Markdown: 8 s on 2,000 posts); an edited file is
    judged again; a change of the plugins' code judges everything again."""
    from content_guard import remembered, verdict

    site, content = small_site

    def start_again():
        verdict._FOUND.clear()  # as in a new process
        remembered._OPEN.clear()
        again = PreviewSite(site.settings_file, tmp_output, overrides=site.overrides, quiet=True)
        assert again.full_build().ok
        return again.verdict.site.found

    tmp_output = site.output.parent / "output-again"
    sources = len(list(content.rglob("*.md")))
    found = start_again()
    assert found.misses == 0 and found.hits >= 2 * sources  # header, category, html... of each file
    # the spelling rule keeps what each line gave there too
    assert (Path(site.settings["CACHE_PATH"]) / "thai_text" / "spelling.pickle").is_file()

    source = content / "news" / "post-4.md"
    _save(source, source.read_text(encoding="utf-8") + "\nย่อหน้าใหม่\n")
    found = start_again()
    rules_per_file = found.hits // (sources - 1)
    assert found.misses == rules_per_file and found.hits == rules_per_file * (sources - 1)

    monkeypatch.setattr(remembered, "FORMAT", remembered.FORMAT + 1)  # as if the code changed
    found = start_again()
    assert found.hits == 0 and found.misses == rules_per_file * sources


def test_a_start_after_a_build_takes_what_the_build_read(small_site):
    """The preview's full build takes every unchanged file from the build's read cache (same
    settings, same readers), and writes the same site as the build."""
    from tools.build import build

    site, content = small_site
    built = site.output.parent / "output-built"
    result = build(site.settings_file, built, overrides=site.overrides, quiet=True)
    assert result.ok
    source = content / "news" / "post-6.md"
    _save(source, source.read_text(encoding="utf-8") + "\nย่อหน้าใหม่หลังสร้าง\n")
    assert build(site.settings_file, built, overrides=site.overrides, quiet=True).read_again == 1

    again = PreviewSite(site.settings_file, site.output.parent / "output-again", overrides=site.overrides, quiet=True)
    report = again.full_build()
    assert report.ok and report.read_from_cache == len(list(content.rglob("*.md")))
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert pages == sorted(p.relative_to(again.output) for p in again.output.rglob("*.html"))
    for page in pages:
        assert (again.output / page).read_bytes() == (built / page).read_bytes(), page


def test_a_save_reads_again_only_the_saved_source_and_judges_what_a_walk_would_find(small_site, monkeypatch):
    """After a save that adds or removes no file, the verdict keeps the other sources of the last
    one and reads the saved file again; what it judges equals a fresh walk of the folder."""
    from content_guard import sources as content_sources
    from content_guard import verdict

    walks = []
    real_walk = verdict.find_sources
    monkeypatch.setattr(verdict, "find_sources", lambda settings: walks.append(1) or real_walk(settings))
    site, content = small_site
    before = {s.path: s for s in site.verdict.site.sources}
    source = content / "news" / "post-5.md"
    _save(source, source.read_text(encoding="utf-8") + "\nย่อหน้าใหม่ MARKERSOURCES\n")
    assert site.refresh().ok
    assert not walks
    after = site.verdict.site.sources
    content_sources._READ.clear()
    walked = content_sources.find_sources(site.verdict.site.settings)
    assert [(s.path, s.kind, s.text, s.refused) for s in after] == [(s.path, s.kind, s.text, s.refused) for s in walked]
    again = [s for s in after if before.get(s.path) is not s]
    assert [s.path for s in again] == [source.resolve()] and "MARKERSOURCES" in again[0].text

    new = content / "news" / "post-new.md"
    _save(new, post("post-new", 21))
    assert site.refresh().ok and walks  # a file added: the folder is walked
    assert new.resolve() in {s.path for s in site.verdict.site.sources}


def test_invoke_livereload_puts_the_themes_fonts_and_scripts_in_place_first(monkeypatch):
    """A fresh clone that was never built has no fonts or gallery script under
    theme/static/vendor/: `invoke livereload` copies them before it serves (as `invoke build`)."""
    import invoke

    import tasks
    import tools.assets
    import tools.preview

    calls = []
    monkeypatch.setattr(tools.assets, "vendor_assets", lambda *a, **k: calls.append("vendor") or [])
    monkeypatch.setattr(tools.preview, "serve_with_livereload", lambda *a, **k: calls.append("serve"))
    tasks.livereload(invoke.Context())
    assert calls == ["vendor", "serve"]
