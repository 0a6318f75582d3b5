"""A build killed half-way (SIGKILL: no cleanup code runs) leaves the published output/ intact,
and the next build, or `invoke clean`, deals with what it left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import invoke

from tools.build import build

ROOT = Path(__file__).resolve().parents[2]
POST = """Title: ข่าวทดสอบการสร้างเว็บไซต์ลำดับที่ {n}
Date: 2567-03-{day:02d} 09:00
Category: ข่าวประชาสัมพันธ์
Slug: build-test-{n}
Summary: ข่าวสำหรับทดสอบว่าการสร้างเว็บไซต์ที่ถูกหยุดกลางคันไม่ทำให้เว็บไซต์เดิมเสียหาย

ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน เผยแพร่ข่าวลำดับที่ {n} เพื่อทดสอบระบบ
""" + "การปฏิบัติงานด้วยความโปร่งใสและตรวจสอบได้เป็นหน้าที่ของเจ้าหน้าที่ทุกคน " * 40

RUNNER = """
import sys
sys.path.insert(0, {root!r})
from tools.build import build
build({settings!r}, {output!r}, overrides={{"PATH": {content!r}, "CACHE_PATH": {cache!r}, "THAI_SEARCH_ENABLED": False}},
      quiet=True)
"""


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_killed_build_leaves_previous_output_intact(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news/first.md").write_text(POST.format(n=0, day=1), encoding="utf-8")
    output = tmp_path / "output"
    # (No search index: what is tested here is where the pages are written, not Pagefind.)
    first = build(ROOT / "pelicanconf.py", output, quiet=True,
                  overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), "THAI_SEARCH_ENABLED": False})
    assert first.ok, first.errors
    before = _snapshot(output)

    # A bigger site, so that the build is still running when it is killed.
    for n in range(1, 80):
        (content / f"news/post-{n}.md").write_text(POST.format(n=n, day=n % 28 + 1), encoding="utf-8")
    script = RUNNER.format(root=str(ROOT), settings=str(ROOT / "pelicanconf.py"), output=str(output),
                           content=str(content), cache=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A development build into an existing folder stages only the pages it writes, under
    # CACHE_PATH/build (tools/build.py, "apply"); a first build stages the whole site in output.new.
    staging = None
    deadline = time.monotonic() + 60
    try:
        # Wait until Pelican is writing pages into the staging folder, then kill it.
        while time.monotonic() < deadline and process.poll() is None:
            for folder in [tmp_path / "output.new", *(tmp_path / "cache/build").glob("staging-*")]:
                if folder.is_dir() and len(list(folder.rglob("index.html"))) > 3:
                    staging = folder
            if staging is not None:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the build ended before it could be interrupted"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert staging.exists()  # the half-written site was left behind...
    assert _snapshot(output) == before  # ...and the published one is untouched

    # The next build starts from a fresh staging folder and replaces output/ as a whole.
    (staging / "stale.html").write_text("ค้างจากครั้งก่อน", encoding="utf-8")
    second = build(ROOT / "pelicanconf.py", output, quiet=True,
                   overrides={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"), "THAI_SEARCH_ENABLED": False})
    assert second.ok, second.errors
    assert not (tmp_path / "output.new").exists()
    assert not [p for p in staging.rglob("*") if p.is_file()]  # nothing staged is left over
    assert not (output / "stale.html").exists()
    assert (output / "news/build-test-79/index.html").exists()


def test_invoke_clean_removes_leftovers(tmp_path, monkeypatch):
    import tasks

    for name in ("output", "output.new", "output.old", "cache"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x").write_text("x")
    (tmp_path / "content").mkdir()
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    tasks.clean(invoke.Context())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]
