"""Builds that overlap, leftovers of earlier builds, and a full disk never break output/.

- Two builds of one folder at once (two processes): the second waits for the first (it says so),
  both succeed, and output/ holds the whole site, file for file as a single build writes it.
- A build that cannot get the lock in time refuses with a Thai and English message.
- `output.new` left as a file and `output.old` left as a symlink are cleared without a traceback,
  and the symlink's target is not touched.
- A full disk stops the build with a Thai and English message; output/ keeps the previous site.
"""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tools.build import build
from tools.buildlock import output_lock

ROOT = Path(__file__).resolve().parents[2]
POSTS = {
    f"news/post-{n}.md": (
        f"Title: ข่าวกิจกรรมครั้งที่ {n}\nDate: 2567-05-{n:02d} 09:00\nCategory: ข่าวกิจกรรม\n"
        f"Slug: post-{n}\n\nศูนย์ปฏิบัติการต่อต้านการทุจริตจัดกิจกรรมครั้งที่ {n} ให้บุคลากรในสังกัด\n"
    )
    for n in range(1, 13)
}


def _content(base: Path) -> Path:
    content = base / "content"
    for rel, text in POSTS.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def _files(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _site_files(folder: Path) -> dict:
    """Every file and its size; Pagefind's index (whose file names carry a hash of bytes that
    differ between two development builds) by name without the hash, and no size."""
    import re

    files = {}
    for name, size in _files(folder).items():
        if name.startswith("pagefind/"):
            key = re.sub(r"_[0-9a-f]{10}\.", ".", name)
            files[key] = files.get(key, 0) + 1
        else:
            files[name] = size
    assert len(files) > 40
    return files


def _overrides(base: Path) -> dict:
    return {"PATH": str(base / "content"), "CACHE_PATH": str(base / "cache")}


def test_two_builds_at_once_leave_a_whole_site(tmp_path):
    _content(tmp_path)
    reference = build(ROOT / "pelicanconf.py", tmp_path / "reference", overrides=_overrides(tmp_path),
                      quiet=True)
    assert reference.ok, reference.errors
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from tools.build import build
        result = build({str(ROOT / "pelicanconf.py")!r}, {str(tmp_path / "output")!r},
                       overrides={_overrides(tmp_path)!r}, quiet=True)
        sys.exit(0 if result.ok else 1)
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    said = "".join(err for _out, err in outputs)
    assert "Traceback" not in said
    assert "another build is writing output/" in said  # the second one waited, and said so
    assert _site_files(tmp_path / "output") == _site_files(reference.output)
    assert not (tmp_path / "output.new").exists()


def test_a_build_that_cannot_get_the_lock_refuses_clearly(tmp_path, capsys):
    _content(tmp_path)
    with output_lock(tmp_path / "output"):
        result = build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=_overrides(tmp_path),
                       lock_timeout=0.5)
    assert not result.ok
    [message] = result.errors
    assert "รอการสร้างเว็บไซต์" in message and "did not finish" in message
    assert not (tmp_path / "output").exists()


def test_leftover_file_and_symlink_from_earlier_builds(tmp_path):
    _content(tmp_path)
    (tmp_path / "output.new").write_text("not a folder", encoding="utf-8")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("ห้ามลบ", encoding="utf-8")
    (tmp_path / "output.old").symlink_to(precious)
    for _ in range(2):  # the second build also moves a real output/ aside
        result = build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=_overrides(tmp_path),
                       quiet=True)
        assert result.ok, result.errors
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "ห้ามลบ"
    assert (tmp_path / "output/news/post-1/index.html").is_file()
    assert not (tmp_path / "output.old").exists() and not (tmp_path / "output.new").exists()


def test_a_full_disk_keeps_the_previous_site(tmp_path, monkeypatch, capsys):
    _content(tmp_path)
    first = build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=_overrides(tmp_path), quiet=True)
    assert first.ok, first.errors
    before = _files(tmp_path / "output")

    from pelican.writers import Writer

    def full(self, filename, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", filename)

    monkeypatch.setattr(Writer, "_open_w", full)
    post = next((tmp_path / "content" / "news").glob("*.md"))  # a page to write again
    post.write_text(post.read_text(encoding="utf-8") + "\nแก้ไขเพิ่มเติม\n", encoding="utf-8")
    result = build(ROOT / "pelicanconf.py", tmp_path / "output", overrides=_overrides(tmp_path))
    assert not result.ok
    assert any("ดิสก์เต็ม" in e and "disk is full" in e and str(tmp_path) in e for e in result.errors), result.errors
    assert "Traceback" not in capsys.readouterr().err
    assert _files(tmp_path / "output") == before


def test_preview_and_build_at_once_leave_a_whole_site(tmp_path):
    """The live preview writes into output/ itself: it takes the same lock as a build."""
    from tools.preview import PreviewSite

    _content(tmp_path)
    reference = build(ROOT / "pelicanconf.py", tmp_path / "reference", overrides=_overrides(tmp_path),
                      quiet=True)
    assert reference.ok, reference.errors
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from tools.build import build
        result = build({str(ROOT / "pelicanconf.py")!r}, {str(tmp_path / "output")!r},
                       overrides={_overrides(tmp_path)!r}, quiet=True)
        sys.exit(0 if result.ok else 1)
    """)
    site = PreviewSite(ROOT / "pelicanconf.py", tmp_path / "output", overrides=_overrides(tmp_path),
                       quiet=True)
    run = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    report = site.full_build()
    _out, err = run.communicate(timeout=300)
    assert run.returncode == 0 and "Traceback" not in err, err
    assert report.ok, report
    expected = {name for name in _site_files(reference.output) if not name.startswith("pagefind/")}
    found = {name for name in _site_files(tmp_path / "output") if not name.startswith("pagefind/")}
    assert expected <= found, sorted(expected - found)
    assert not (tmp_path / "output.new").exists()
