"""Articles read by two processes (tools/two_readers.py) make the site one process makes.

The sample site is small, so the second reader is forced (`two_readers=True`); a build of the
benchmark's size (2,000 never-read sources) chooses it by itself.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from tools.build import build
from tools.two_readers import MIN_FILES, ReadAhead, worth_forking

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site(base: Path) -> dict:
    """The sample content, with problems found while reading in the first and the last release
    (the child reads from the end of the list, the parent from its start)."""
    shutil.copytree(ROOT / "content", base / "content")
    posts = sorted((base / "content" / "news").glob("*.md"))
    for post in (posts[0], posts[-1]):
        post.write_text(post.read_text(encoding="utf-8") + '\n<p onclick="steal()">คลิกที่นี่</p>\n',
                        encoding="utf-8")
    return {"PATH": str(base / "content"), "GALLERY_CACHE_DIR": str(base / "gallery-cache"),
            "THAI_SEARCH_ENABLED": False}


def _build(base: Path, settings: dict, name: str, two_readers: bool):
    return build(ROOT / "pelicanconf.py", base / name, quiet=True, two_readers=two_readers,
                 overrides={**settings, "CACHE_PATH": str(base / f"cache-{name}")})


def _same(one, two, base: Path, a: str, b: str) -> None:
    assert one.ok and two.ok, (one.errors, two.errors)
    left, right = _files(base / a), _files(base / b)
    assert len(left) > 100
    assert sorted(set(left) ^ set(right)) == [] and sorted(k for k in left if left[k] != right[k]) == []
    assert one.warnings == two.warnings and one.errors == two.errors
    assert sorted(p.key for p in one.problems) == sorted(p.key for p in two.problems)
    assert len([p for p in one.problems if p.rule == "html"]) == 2  # each reported once
    assert (one.read_again, one.read_from_cache) == (two.read_again, two.read_from_cache)


def test_two_readers_make_the_same_site_and_report_the_same_problems(tmp_path):
    settings = _site(tmp_path)
    one = _build(tmp_path, settings, "one", two_readers=False)
    two = _build(tmp_path, settings, "two", two_readers=True)
    _same(one, two, tmp_path, "one", "two")
    articles = len(list((tmp_path / "content" / "news").glob("*.md")))
    assert one.read_ahead == 0 and 0 < two.read_ahead < articles
    # The next build takes every file from the read cache the two processes filled: no fork.
    again = _build(tmp_path, settings, "two", two_readers=True)
    assert again.ok and again.read_ahead == 0 and again.rendered == 0 and again.changed_files == 0


def test_a_second_reader_that_dies_or_fails_leaves_its_files_to_the_first(tmp_path, monkeypatch):
    settings = _site(tmp_path)
    one = _build(tmp_path, settings, "one", two_readers=False)

    monkeypatch.setattr(ReadAhead, "_child", lambda self, *args: os._exit(3))
    died = _build(tmp_path, settings, "died", two_readers=True)
    _same(one, died, tmp_path, "one", "died")
    assert died.read_ahead == 0

    monkeypatch.undo()
    from pelican.readers import Readers

    parent, read_file = os.getpid(), Readers.read_file

    def failing_in_the_child(self, *args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("the second reader fails on every file")
        return read_file(self, *args, **kwargs)

    monkeypatch.setattr(Readers, "read_file", failing_in_the_child)
    failed = _build(tmp_path, settings, "failed", two_readers=True)
    _same(one, failed, tmp_path, "one", "failed")
    assert failed.read_ahead == 0  # what it failed to read is not counted as read ahead


def test_who_reads_in_two_processes():
    assert worth_forking(10, True) and not worth_forking(10_000, False) and not worth_forking(0, True)
    assert not worth_forking(MIN_FILES - 1)
    cores = len(os.sched_getaffinity(0))
    assert worth_forking(MIN_FILES) == (cores >= 2 and threading.active_count() == 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:  # never beside another thread (the web editor's server rebuilds in one)
        assert not worth_forking(MIN_FILES) and worth_forking(10, True)
    finally:
        stop.set()
        other.join()


def test_the_live_previews_first_build_reads_and_writes_on_two_cores_and_makes_the_same_site(tmp_path, monkeypatch):
    """`invoke livereload` builds everything before its server starts (no other thread yet):
    that build reads and writes in two processes too (tools/two_writers.py), and a save
    afterwards still works as before."""
    import tools.two_readers as two_readers
    import tools.two_writers as two_writers
    from tools.preview import PreviewSite

    settings = _site(tmp_path)
    # As at `invoke livereload`'s start, where nothing else runs yet (a test run may have left a
    # thread of its own: asyncio's child watcher).
    monkeypatch.setattr(threading, "active_count", lambda: 1)

    def first_build(name: str):
        site = PreviewSite(ROOT / "pelicanconf.py", tmp_path / name, quiet=True,
                           overrides={**settings, "CACHE_PATH": str(tmp_path / f"cache-{name}")})
        return site, site.full_build()

    taken = []
    join = two_readers.ReadAhead.join

    def noted_join(self):
        join(self)
        taken.append(self.taken)

    split = two_writers.Split.join
    joined = []

    def noted_split_join(self):
        joined.append(self.share)
        split(self)

    monkeypatch.setattr(two_readers.ReadAhead, "join", noted_join)
    monkeypatch.setattr(two_writers.Split, "join", noted_split_join)
    monkeypatch.setattr(two_readers, "MIN_FILES", 10_000)
    monkeypatch.setattr(two_writers, "MIN_ARTICLES", 10_000)
    one_site, one = first_build("one")
    assert not any(taken) and 0 not in joined
    monkeypatch.setattr(two_readers, "MIN_FILES", 1)
    monkeypatch.setattr(two_writers, "MIN_ARTICLES", 1)
    site, two = first_build("two")
    assert any(taken)  # the second process read some of the articles
    assert 0 in joined  # and wrote its share of the pages
    assert two.rendered == one.rendered  # every page counted once, whichever process wrote it
    assert one.ok and two.ok, (one.errors, two.errors)
    left, right = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(left) > 100 and sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k)) == []
    assert one.warnings == two.warnings and sum("onclick" in w for w in two.warnings) == 2
    assert site.article_sources() == one_site.article_sources()

    post = sorted((tmp_path / "content" / "news").glob("*.md"))[-1]  # read by the second process
    post.write_text(post.read_text(encoding="utf-8") + "\nย่อหน้าที่เพิ่มหลังการสร้างครั้งแรก รหัส XJ42Q\n", encoding="utf-8")
    report = site.refresh()
    assert report.ok and report.kind == "incremental" and report.rendered >= 1
    page = tmp_path / "two" / site.output_of(post)
    assert "XJ42Q" in page.read_text(encoding="utf-8")
