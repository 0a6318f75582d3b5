"""Sources read ahead in forked processes (tools/read_ahead.py) give the build of one process.

The sample site is small, so reading ahead is forced here; a build of the benchmark's size
chooses it by itself (tools.two_writers.worth_splitting with read_ahead.MIN_FILES).
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import nlpo3
import pytest

from tools import read_ahead
from tools.build import build

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def site(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    posts = sorted((tmp_path / "content" / "news").glob("*.md"))
    # Problems found while reading (the sanitiser removes an event handler, then a style) must be
    # reported once each, in the order of the files.
    for post, html in ((posts[1], '<p onclick="steal()">คลิกที่นี่</p>'), (posts[-2], '<p style="color:red">ด่วน</p>')):
        post.write_text(post.read_text(encoding="utf-8") + f"\n{html}\n", encoding="utf-8")
    return {"PATH": str(tmp_path / "content"), "GALLERY_CACHE_DIR": str(tmp_path / "gallery-cache"),
            "THAI_SEARCH_ENABLED": False}


def _build(tmp_path, name, settings, **kwargs):
    return build(ROOT / "pelicanconf.py", tmp_path / name, quiet=True, two_writers=False,
                 overrides={**settings, "CACHE_PATH": str(tmp_path / f"cache-{name}")}, **kwargs)


def _segmented_here(monkeypatch) -> list:
    """Characters nlpo3 segments in this process (not in forked ones), call by call."""
    here, calls, original = os.getpid(), [], nlpo3.segment

    def counted(text, *args, **kwargs):
        if os.getpid() == here:
            calls.append(len(text))
        return original(text, *args, **kwargs)

    monkeypatch.setattr(nlpo3, "segment", counted)
    return calls


def test_reading_ahead_gives_the_same_site_messages_and_caches(tmp_path, site, monkeypatch):
    calls = _segmented_here(monkeypatch)
    one = _build(tmp_path, "one", site)
    in_one = sum(calls)
    calls.clear()
    monkeypatch.setattr(read_ahead, "worth_splitting", lambda *args, **kwargs: True)
    ahead = _build(tmp_path, "ahead", site)
    in_ahead = sum(calls)
    assert one.ok and ahead.ok, (one.errors, ahead.errors)
    assert one.read_ahead == 0 and ahead.read_ahead == ahead.read_again == one.read_again > 20

    a, b = _files(tmp_path / "one"), _files(tmp_path / "ahead")
    assert len(a) > 100 and sorted(set(a) ^ set(b)) == [] and sorted(k for k in a if a[k] != b[k]) == []
    # Every message once, in the same order, though the files were read in other processes.
    assert ahead.warnings == one.warnings and [p.rule for p in ahead.problems].count("html") == 2
    assert [p.key for p in ahead.problems] == [p.key for p in one.problems]
    # thai_text took the segmentations the children made: the articles were not segmented again.
    # (On the sample site 6,128 of 79,074 characters; 40,301 when they are not taken.)
    assert in_ahead < in_one / 4, (in_ahead, in_one)

    def cached(name):
        with open(tmp_path / f"cache-{name}" / "build" / "reads.pickle", "rb") as handle:
            return {k[0] + k[2]: v[0] for k, v in pickle.load(handle)["entries"].items()}

    assert cached("one") == cached("ahead")
    again = _build(tmp_path, "ahead", site)
    assert again.ok and again.read_again == 0 and _files(tmp_path / "ahead") == a


def test_a_child_that_dies_loses_nothing(tmp_path, site, monkeypatch):
    from tools import pelican_adapter

    one = _build(tmp_path, "one", site)
    parent, original = os.getpid(), pelican_adapter.read_like_the_loop
    seen = []

    def dies_on_the_third(generator, name):
        if os.getpid() != parent:
            seen.append(name)
            if len(seen) == 3:
                os._exit(9)
        return original(generator, name)

    monkeypatch.setattr(pelican_adapter, "read_like_the_loop", dies_on_the_third)
    monkeypatch.setattr(read_ahead, "worth_splitting", lambda *args, **kwargs: True)
    ahead = _build(tmp_path, "ahead", site)
    assert ahead.ok, ahead.errors
    assert ahead.read_ahead == 0 and ahead.read_again == one.read_again  # read by the loop
    assert _files(tmp_path / "ahead") == _files(tmp_path / "one") and ahead.warnings == one.warnings


def test_no_process_to_fork_reads_in_the_loop(tmp_path, site, monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    one = _build(tmp_path, "one", site)
    monkeypatch.setattr(read_ahead, "worth_splitting", lambda *args, **kwargs: True)
    monkeypatch.setattr(os, "fork", no_fork)
    ahead = _build(tmp_path, "ahead", site)
    assert ahead.ok and ahead.read_ahead == 0 and ahead.read_again == one.read_again
    assert _files(tmp_path / "ahead") == _files(tmp_path / "one")


def test_when_sources_are_read_ahead(monkeypatch):
    import threading

    from tools import two_writers

    monkeypatch.setattr(threading, "active_count", lambda: 1)  # (other tests may leave threads)
    monkeypatch.setattr(two_writers, "cores", lambda: 2)
    assert read_ahead.worth_splitting(read_ahead.MIN_FILES, None, minimum=read_ahead.MIN_FILES)
    assert not read_ahead.worth_splitting(read_ahead.MIN_FILES - 1, None, minimum=read_ahead.MIN_FILES)
    monkeypatch.setattr(two_writers, "cores", lambda: 1)
    assert not read_ahead.worth_splitting(10_000, None, minimum=read_ahead.MIN_FILES)
    monkeypatch.setattr(two_writers, "cores", lambda: 2)
    # The web editor's server builds in a thread: no fork then.
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not read_ahead.worth_splitting(10_000, None, minimum=read_ahead.MIN_FILES)
