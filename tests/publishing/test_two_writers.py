"""Pages written by two processes (tools/two_writers.py) are the pages one process writes.

The sample site is small, so the two writers are forced (`two_writers=True`); a build of the
benchmark's size chooses them by itself.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from tools.build import build
from tools.two_writers import MIN_ARTICLES, worth_splitting

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site(base: Path) -> dict:
    shutil.copytree(ROOT / "content", base / "content")
    post = sorted((base / "content" / "news").glob("*.md"))[0]
    # A problem found while reading (the sanitiser removes an event handler) must be reported once.
    post.write_text(post.read_text(encoding="utf-8") + '\n<p onclick="steal()">คลิกที่นี่</p>\n', encoding="utf-8")
    return {"PATH": str(base / "content"), "GALLERY_CACHE_DIR": str(base / "gallery-cache"),
            "THAI_SEARCH_ENABLED": False}


def test_two_writers_write_the_same_bytes_and_report_the_same_problems(tmp_path):
    settings = _site(tmp_path)
    one = build(ROOT / "pelicanconf.py", tmp_path / "one", quiet=True, two_writers=False,
                overrides={**settings, "CACHE_PATH": str(tmp_path / "cache-one")})
    two = build(ROOT / "pelicanconf.py", tmp_path / "two", quiet=True, two_writers=True,
                overrides={**settings, "CACHE_PATH": str(tmp_path / "cache-two")})
    assert one.ok and two.ok, (one.errors, two.errors)
    assert (one.writers, two.writers) == (1, 2)
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(a) > 100
    assert sorted(set(a) ^ set(b)) == [] and sorted(k for k in a if a[k] != b[k]) == []
    assert sorted(p.key for p in two.problems) == sorted(p.key for p in one.problems)
    assert one.warnings == two.warnings and [p for p in one.problems if p.rule == "html"]
    assert one.rendered == two.rendered  # every page counted once, whichever process wrote it


def test_a_failure_in_the_second_writer_fails_the_build_and_keeps_the_site(tmp_path, monkeypatch, capsys):
    settings = _site(tmp_path)
    output = tmp_path / "output"
    first = build(ROOT / "pelicanconf.py", output, quiet=True, two_writers=False,
                  overrides={**settings, "CACHE_PATH": str(tmp_path / "cache")})
    assert first.ok, first.errors
    before = _files(output)

    from pelican.writers import Writer

    parent = os.getpid()
    original = Writer._open_w

    def full_in_the_child(self, filename, *args, **kwargs):
        if os.getpid() != parent:
            raise OSError(errno.ENOSPC, "No space left on device", filename)
        return original(self, filename, *args, **kwargs)

    monkeypatch.setattr(Writer, "_open_w", full_in_the_child)
    # Another cache: nothing is kept from the first build, every page is written again.
    result = build(ROOT / "pelicanconf.py", output, two_writers=True,
                   overrides={**settings, "CACHE_PATH": str(tmp_path / "other-cache")})
    assert not result.ok
    assert any("ดิสก์เต็ม" in e and "disk is full" in e for e in result.errors), result.errors
    assert "Traceback" not in capsys.readouterr().err
    assert _files(output) == before


def test_who_writes_in_two_processes():
    import threading

    assert worth_splitting(10, True) and not worth_splitting(10_000, False)
    assert not worth_splitting(MIN_ARTICLES - 1, None)
    cores = len(os.sched_getaffinity(0))
    alone = threading.active_count() == 1
    assert worth_splitting(MIN_ARTICLES, None) == (cores >= 2 and alone)
    # Never beside another thread (the web editor's server rebuilds in one).
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not worth_splitting(MIN_ARTICLES, None)
    finally:
        stop.set()
        other.join()


def test_each_file_is_written_once_by_whichever_process_came_to_it_first(tmp_path, monkeypatch):
    """The two processes share the pages as they come (`Split.mine`): every file is written by
    one process only, both write, and the later pages of a paginated list go with its first."""
    from pelican.writers import Writer

    settings = _site(tmp_path)
    log = tmp_path / "writes.log"
    original = Writer._open_w

    def noted(self, filename, encoding, override=False):
        with open(log, "a", encoding="utf-8") as fh:  # one short line per write: appended whole
            fh.write(f"{os.getpid()} {Path(filename).relative_to(tmp_path / 'output.new').as_posix()}\n")
        return original(self, filename, encoding, override)

    monkeypatch.setattr(Writer, "_open_w", noted)
    result = build(ROOT / "pelicanconf.py", tmp_path / "output", quiet=True, two_writers=True,
                   overrides={**settings, "CACHE_PATH": str(tmp_path / "cache")})
    assert result.ok and result.writers == 2, result.errors
    writes = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    by_file: dict[str, set] = {}
    for pid, name in writes:
        by_file.setdefault(name, set()).add(pid)
    assert len(writes) == len(by_file) > 100  # no file written twice
    assert len({pid for pid, _ in writes}) == 2, "both processes write"
    lists = [name for name in by_file if "/page/" in f"/{name}"]
    assert lists
    for name in lists:  # e.g. category/x/page/2/index.html goes with category/x/index.html
        first = name.split("page/", 1)[0] + "index.html"
        assert by_file[name] == by_file[first], name
