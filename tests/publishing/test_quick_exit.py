"""tools/build.py `exit_without_final_collections`: a process that built the site freezes its
heap at exit, so the interpreter's last collections skip it (0.45-0.7 s of a rebuild's 3 s on
2,000 posts), and what the build left is complete without them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.build import build

ROOT = Path(__file__).resolve().parents[2]
POST = """Title: ข่าวทดสอบการปิดโปรแกรมหลังสร้างเว็บไซต์ลำดับที่ {n}
Date: 2568-02-{day:02d} 10:00
Category: ข่าวกิจกรรม
Slug: quick-exit-{n}

ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงแรงงาน ทดสอบว่าแคชและหน้าเว็บครบหลังโปรแกรมปิด ลำดับที่ {n}
"""

# The checker is registered before the build, so it runs after the build's own exit handler
# (atexit runs the last registered first) and sees the heap as the final collections will.
RUNNER = """
import atexit, gc, sys
sys.path.insert(0, {root!r})
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count(), flush=True))
from tools.build import build
result = build({settings!r}, {output!r}, quiet=True,
               overrides={{"PATH": {content!r}, "CACHE_PATH": {cache!r}, "THAI_SEARCH_ENABLED": False}})
print("ok:", result.ok, flush=True)
"""


def test_a_build_process_exits_with_its_heap_frozen_and_nothing_lost(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    (content / "news").mkdir(parents=True)
    for n in range(3):
        (content / f"news/post-{n}.md").write_text(POST.format(n=n, day=n + 1), encoding="utf-8")
    script = RUNNER.format(root=str(ROOT), settings=str(ROOT / "pelicanconf.py"), output=str(output),
                           content=str(content), cache=str(cache))
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "ok: True" in lines, done.stdout + done.stderr
    frozen = [int(line.split(":")[1]) for line in lines if line.startswith("frozen at exit:")]
    assert frozen and frozen[0] > 10_000, done.stdout  # every object the build left, not a few

    # What the process left is complete: the pages are there, and the next build (here, in this
    # process) takes every source from the read cache and renders nothing again.
    assert all((output / f"news/quick-exit-{n}/index.html").is_file() for n in range(3))
    again = build(ROOT / "pelicanconf.py", output, quiet=True,
                  overrides={"PATH": str(content), "CACHE_PATH": str(cache), "THAI_SEARCH_ENABLED": False})
    assert again.ok, again.errors
    assert (again.read_from_cache, again.read_again) == (3, 0)
    assert again.rendered == 0 and again.changed_files == 0
