"""`invoke bench --quick` end to end, so the benchmark never rots.

Benchmarks are not timed tests: this checks that every figure is there and sane, not that we
are fast. The quick mode builds 30 posts and 6 small photos, once each.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SECONDS = [
    "vanilla_cold_s", "hugo_cold_s", "ours_cold_s", "ours_publish_s", "ours_rebuild_s",
    "vanilla_cpu_s", "hugo_cpu_s", "ours_cpu_s", "pelican_photos_cold_s", "pelican_photos_warm_s",
]
RATIOS = [
    "cold_ratio_vs_pelican", "publish_ratio_vs_pelican", "warm_ratio_vs_pelican",
    "peak_ratio_vs_pelican", "cold_ratio_vs_hugo", "publish_ratio_vs_hugo", "warm_ratio_vs_hugo",
    "pelican_ratio_vs_hugo",
]
MIB = ["peak_rss_mib", "vanilla_peak_rss_mib", "hugo_peak_rss_mib"]
# Figures of parts that colleagues deliver; None only while that part is listed under "missing".
LANDING = {
    "preview_seconds": "preview_seconds",
    "segment_mb_s": "segment_mb_s",
    "gallery_cold_s": "gallery", "gallery_warm_s": "gallery", "gallery_cold_ratio_vs_photos": "gallery",
    "gallery_warm_ratio_vs_photos": "gallery", "gallery_full_s": "gallery",
    "gallery_full_photos_per_s": "gallery",
}


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench-work")
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--quick", "--work", str(work)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    seconds = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    return {"json": json.loads(lines[-1]), "stdout": proc.stdout, "seconds": seconds, "work": work}


def test_quick_mode_is_quick(quick):
    # How long it takes is measured by `invoke bench`, never asserted in a test.
    result = quick["json"]
    assert (result["posts"], result["photos"], result["reps"], result["quick"]) == (30, 6, 1, True)


def test_every_figure_is_there_and_sane(quick):
    result = quick["json"]
    assert result["failed"] == {}, result["failed"]
    for key in SECONDS:
        assert 0 < result[key] < 300, (key, result[key])
    for key in RATIOS:
        assert 0.01 < result[key] < 100, (key, result[key])
    for key in MIB:
        assert 5 < result[key] < 8000, (key, result[key])
    for key, part in LANDING.items():
        assert key in result
        if result[key] is None:
            assert part in result["missing"], f"{key} is null but not listed as missing"
        else:
            assert result[key] > 0
    if result["segment_mb_s"] is not None:
        assert result["segment_mb_s"] < 1000
    if result["preview_seconds"] is not None:
        assert result["preview_seconds"] < 120
    steps = result["publish_steps_s"]
    assert steps["pelican"] > 0 and all(v >= 0 for v in steps.values())
    assert set(result["targets"]) == {
        "cold_ratio_vs_pelican", "publish_ratio_vs_pelican", "warm_ratio_vs_pelican",
        "preview_seconds", "peak_ratio_vs_pelican"}


def test_output_is_a_table_then_json(quick):
    assert "| measure (whole process) | wall s | CPU s | peak MiB |" in quick["stdout"]
    assert "| cold build |" in quick["stdout"]


def test_the_corpus_never_lands_in_content(quick):
    assert not list((ROOT / "content").rglob("*-00000.md"))
    assert (quick["work"] / "corpus-30-2026" / "pelican" / "news").is_dir()
