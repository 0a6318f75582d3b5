"""The benchmark's pieces on tiny inputs, so the benchmark never rots and the suite stays quick.

`invoke bench --quick` itself (vanilla Pelican, Hugo, pelican-photos, our build, publish, rebuild,
preview, segmentation, galleries: about a minute) is not run here. Instead: every worker mode
(what each measured process runs) on a few posts or photos, and `run_bench`'s assembly of the
figures (ratios, targets, missing and failed parts, table then JSON) with the measured commands
replaced by recorded runs. Benchmarks are not timed tests: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json

import pytest
from PIL import Image

from tools.bench import corpus, run, worker
from tools.bench.measure import Measure, Run


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    return corpus.generate(tmp_path_factory.mktemp("tiny-corpus"), 4)


def test_worker_build_reports_the_build_and_its_steps(tiny_corpus, tmp_path):
    args = argparse.Namespace(
        settings="pelicanconf.py", content=str(tiny_corpus.pelican_content), output=str(tmp_path / "out"),
        cache=str(tmp_path / "cache"), set=["THAI_SEARCH_ENABLED=false"], siteurl=None, steps=True,
        production=False)
    result = worker.cmd_build(args)
    assert result["ok"] and result["errors"] == 0 and result["warnings"] == 0, result["first_problems"]
    assert result["steps"]["pelican"] > 0
    assert len(list((tmp_path / "out" / "news").glob("*/index.html"))) == 4


def test_worker_segment_measures_throughput(tiny_corpus):
    args = argparse.Namespace(content=str(tiny_corpus.pelican_content),
                                                         megabytes=0.005, reps=1)
    result = worker.cmd_segment(args)
    assert result["mb_s"] > 0 and result["megabytes"] > 0.001 and len(result["rates"]) == 1
    assert result["nlpo3_alone_mb_s"] > 0 and result["times_nlpo3"] > 0


def test_worker_gallery_processes_and_publishes(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    for n in range(2):
        Image.new("RGB", (320, 240), (40 * n, 90, 150)).save(photos / f"p0{n}.jpg")
    args = argparse.Namespace(
        photos=str(photos), output=str(tmp_path / "out"), cache=str(tmp_path / "cache"),
        settings_json=json.dumps(run.EQUAL_WORK))
    result = worker.cmd_gallery(args)
    assert (result["photos"], result["processed"], result["cached"]) == (2, 2, 0)
    assert result["files"] == 4 and result["bytes"] > 0  # two widths of two photos, JPEG only
    again = worker.cmd_gallery(args)
    assert (again["processed"], again["cached"]) == (0, 2)


def test_worker_preview_measures_save_to_page(tiny_corpus, tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(tiny_corpus.pelican_content, content)
    args = argparse.Namespace(content=str(content), output=str(tmp_path / "out"),
                                                         cache=str(tmp_path / "cache"), reps=1)
    result = worker.cmd_preview(args)
    assert result["posts"] == 4 and len(result["runs_s"]) == 1 and result["median_s"] > 0


def _recorded(name: str, wall: float, stdout: dict | None = None) -> Measure:
    return Measure(name, [Run(wall, wall, 100.0, json.dumps(stdout or {"ok": True, "warnings": 0}))])


def test_run_bench_assembles_every_figure(monkeypatch, tmp_path, capsys):
    """The figures, ratios and targets of one run, with recorded measures instead of commands."""
    photo_dir = tmp_path / "photos"
    monkeypatch.setattr(run.corpus, "generate", lambda work, posts: corpus.CorpusInfo(
        posts=posts, mean_kb=4.5, min_kb=2.0, max_kb=6.0, pelican_content=tmp_path, hugo_site=tmp_path))
    monkeypatch.setattr(run.photos, "generate", lambda work, count, size: photo_dir)
    monkeypatch.setattr(run.photos, "select", lambda library, count, dest: photo_dir)
    monkeypatch.setattr(run, "measure_builds", lambda work, info, reps: {
        "vanilla": _recorded("vanilla", 10.0), "hugo": _recorded("hugo", 2.0), "ours": _recorded("ours", 15.0)})
    publish = _recorded("publish", 30.0)
    publish.extra["steps_s"] = {"pelican": 20.0, "search": 6.0, "minify+compress": 4.0}
    # vanilla Pelican beside the later measures ran at other minutes than in the cold rounds:
    # their ratios are to those runs
    monkeypatch.setattr(run, "measure_publish", lambda work, info, reps: (publish, _recorded("vanilla p", 12.0)))
    monkeypatch.setattr(run, "measure_rebuild", lambda work, info, reps: (
        _recorded("rebuild", 5.0), _recorded("vanilla r", 8.0)))
    monkeypatch.setattr(run, "measure_preview", lambda work, info, reps: {"median_s": 0.4, "runs_s": [0.4]})
    monkeypatch.setattr(run, "measure_segment", lambda info, reps, mb: {"mb_s": 6.0, "rates": [6.0]})
    monkeypatch.setattr(run, "measure_galleries", lambda work, photo_dir, reps, full, broken: {
        "photos_cold": _recorded("photos cold", 20.0), "photos_warm": _recorded("photos warm", 1.0),
        "ours_cold": _recorded("ours cold", 8.0), "ours_warm": _recorded("ours warm", 0.5),
        "ours_full": _recorded("ours full", 3.0)})
    result = run.run_bench(posts=30, quick=True, work=tmp_path / "work")
    assert (result["posts"], result["photos"], result["reps"], result["quick"]) == (30, 6, 1, True)
    assert result["cold_ratio_vs_pelican"] == 1.5 and result["publish_ratio_vs_pelican"] == 2.5
    assert result["warm_ratio_vs_pelican"] == 0.625 and result["cold_ratio_vs_hugo"] == 7.5
    assert (result["vanilla_beside_publish_s"], result["vanilla_beside_rebuild_s"]) == (12.0, 8.0)
    assert result["publish_cpu_ratio_vs_pelican"] == 2.5 and result["warm_cpu_ratio_vs_pelican"] == 0.625
    assert result["gallery_cold_ratio_vs_photos"] == 0.4 and result["gallery_full_photos_per_s"] == 2.0
    assert result["preview_seconds"] == 0.4 and result["segment_mb_s"] == 6.0
    assert result["failed"] == {} and result["missing"] == {}
    assert set(result["targets"]) == set(run.TARGETS)
    assert result["targets"]["preview_seconds"]["met"] is True
    assert result["targets"]["cold_ratio_vs_pelican"]["met"] is False
    assert result["publish_steps_s"]["pelican"] == 20.0

    monkeypatch.setattr(run, "run_bench", lambda *a, **k: result)
    assert run.main(["--quick", "--work", str(tmp_path / "work")]) == 0
    out = capsys.readouterr().out
    assert "| measure (whole process) | wall s | CPU s | peak MiB |" in out and "| cold build |" in out
    assert json.loads(out.strip().splitlines()[-1])["cold_ratio_vs_pelican"] == 1.5  # table, then JSON


def test_a_failed_part_is_reported_not_fatal(monkeypatch, tmp_path):
    from tools.bench.measure import BenchCommandFailed

    broken = {}

    def fails(*args):
        raise BenchCommandFailed("python -m tools.bench.worker segment exited 1:\nno pythainlp")

    assert run._guarded(broken, "segment_mb_s", fails) is None
    assert broken == {"segment_mb_s": "no pythainlp"}


def test_the_corpus_never_lands_in_content(tiny_corpus):
    from pathlib import Path

    root = Path(run.ROOT)
    assert not list((root / "content").rglob("*-00000.md"))
    assert tiny_corpus.pelican_content.is_dir() and root not in tiny_corpus.pelican_content.parents
