"""`invoke bench`: our build side by side with vanilla Pelican and Hugo, on one corpus, in one run.

Every figure is a whole process (Python start-up included) run `reps` times; the median is kept.
Ratios are what we compare (absolute seconds drift with the machine and its load). Order of work:

1. corpus (cached) and photos (cached) in the work folder;
2. cold builds, interleaved per repetition so that a load change hits all three alike:
   vanilla Pelican, Hugo, ours (development settings, THAI_SEARCH_ENABLED=False);
3. our production pipeline (publishconf.py) with each step timed, a vanilla Pelican cold build
   before each repetition (its ratio is to those: the machine's speed drifts between steps);
4. our rebuild after editing one post (a vanilla cold build before each repetition, as in 3),
   and the live-preview latency (tools/preview.py);
5. Thai segmentation throughput with the site dictionary (plugins/thai_text);
6. galleries: pelican-photos 1.6.2 vs our photo_gallery at equal work, cold and warm, then our
   full set of sizes and formats;
7. the WordPress import (`wordpress.py`): ours on a generated export (5,000 posts with 20,000
   attachments by default) beside `pelican-import --wpfile` on the same file.

A part whose code has not landed is reported under "missing" (its figures are null) instead of
stopping the run; a command that fails stops the run with its output.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from . import corpus, photos, report, sites, wordpress
from .measure import BenchCommandFailed, Measure, last_json, run

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / ".venv" / "bin" / "python"
if not PY.exists():
    PY = Path(sys.executable)

# pelican-photos' default gallery work: 1024x768 (q80) and 192x144 thumbnails, JPEG only.
EQUAL_WORK = {
    "GALLERY_WIDTHS": [192, 1024],
    "GALLERY_FORMATS": ["jpeg"],
    "GALLERY_JPEG_QUALITY": 80,
    "GALLERY_ZIP": False,
    "GALLERY_OG_SIZE": None,
    "GALLERY_PROCESSES": 2,
}

TARGETS = {
    # key: (limit, meaning) - issue 17's targets (2,000 posts, 2 cores)
    "cold_ratio_vs_pelican": (1.0, "cold build, wall <= 1.0x vanilla Pelican"),
    "cold_cpu_ratio_vs_pelican": (1.3, "cold build, CPU <= 1.3x vanilla Pelican"),
    "publish_ratio_vs_pelican": (2.0, "production pipeline <= 2.0x vanilla Pelican cold"),
    "warm_ratio_vs_pelican": (0.1, "rebuild after one edit <= 0.1x vanilla Pelican cold"),
    "preview_seconds": (0.5, "live preview after saving one post <= 0.5 s"),
    "peak_ratio_vs_pelican": (2.0, "peak memory <= 2x vanilla Pelican"),
}


def judge_targets(result: dict) -> dict:
    """Each target of TARGETS with the run's value and whether it is met (None: not measured)."""
    return {
        key: {"limit": limit, "value": result.get(key),
              "met": None if result.get(key) is None else result[key] <= limit, "meaning": meaning}
        for key, (limit, meaning) in TARGETS.items()
    }


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


_PROGRESS: list[Path] = []


def _done(*measures: Measure) -> None:
    """Log finished measures and append them to <work>/bench-progress.jsonl (kept if a later step fails)."""
    for m in measures:
        _log(f"  {m.name}: {m.wall:.2f} s wall, {m.cpu:.2f} s CPU, {m.peak_rss_mib:.0f} MiB"
             + (f" FAILED {m.extra['failed']}" if "failed" in m.extra else ""))
        if _PROGRESS:
            with _PROGRESS[0].open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"name": m.name, **m.summary()}, ensure_ascii=False) + "\n")


def _fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    return path


def _have(module_file: str) -> bool:
    return (ROOT / module_file).exists()


def _wall(m: Measure):
    return None if "failed" in m.extra else round(m.wall, 3)


def _cpu(m: Measure):
    return None if "failed" in m.extra else round(m.cpu, 3)


def _peak(m: Measure):
    return None if "failed" in m.extra else round(m.peak_rss_mib, 1)


def _ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def _our_build_cmd(settings: str, content: Path, output: Path, cache: Path, *extra: str) -> list:
    return [PY, "-m", "tools.bench.worker", "build", "--settings", settings, "--content", content,
            "--output", output, "--cache", cache, *extra]


def _check_ours(m: Measure, label: str) -> None:
    """Record our build's own report (ok, warnings); a failed build's times are not figures."""
    for r in m.runs:
        info = last_json(r.stdout)
        if not info.get("ok"):
            m.extra["failed"] = info.get("first_problems", [])[:3]
            _log(f"{label}: our build FAILED on the benchmark corpus: {m.extra['failed']}")
            return
    info = last_json(m.runs[-1].stdout)
    m.extra["warnings"] = info.get("warnings", 0)
    if info.get("warnings"):
        m.extra["first_warnings"] = info.get("first_problems", [])[:3]


def measure_builds(work: Path, info: corpus.CorpusInfo, reps: int) -> dict:
    content = info.pelican_content
    hugo = sites.hugo_site(info.hugo_site)
    vanilla_conf = sites.vanilla_settings(work, content)
    vanilla = Measure("vanilla Pelican 4.12, cold")
    hugo_m = Measure("Hugo 0.168, cold")
    ours = Measure("ours, cold (THAI_SEARCH_ENABLED=False)")
    for rep in range(reps):
        _log(f"cold builds, repetition {rep + 1}/{reps}")
        out = _fresh(work / "out-vanilla")
        vanilla.runs.append(run([PY, "-m", "pelican", content, "-o", out, "-s", vanilla_conf, "-q"]))
        out = _fresh(work / "out-hugo")
        hugo_m.runs.append(run([sites.hugo_binary(), "--source", hugo, "--destination", out, "--quiet"]))
        out, cache = _fresh(work / "out-ours"), _fresh(work / "cache-ours")
        ours.runs.append(run(_our_build_cmd(
            "pelicanconf.py", content, out, cache, "--set", "THAI_SEARCH_ENABLED=false")))
    _check_ours(ours, "cold build")
    _done(vanilla, hugo_m, ours)
    return {"vanilla": vanilla, "hugo": hugo_m, "ours": ours}


def _vanilla_beside(work: Path, info: corpus.CorpusInfo, into: Measure) -> None:
    """One vanilla Pelican cold build, added to `into`: run before each repetition of a later
    measure, so that its ratio is to vanilla Pelican at the same minutes (this machine's speed
    drifts by a quarter within minutes; the cold builds ran earlier)."""
    out = _fresh(work / "out-vanilla")
    into.runs.append(run([PY, "-m", "pelican", info.pelican_content, "-o", out, "-s",
                          sites.vanilla_settings(work, info.pelican_content), "-q"]))


def measure_publish(work: Path, info: corpus.CorpusInfo, reps: int) -> tuple[Measure, Measure]:
    """Our production pipeline, and vanilla Pelican's cold build run before each repetition."""
    m = Measure("ours, production pipeline (publishconf.py)")
    beside = Measure("vanilla Pelican 4.12, cold, beside the production pipeline")
    shares = []
    for rep in range(reps):
        _log(f"production pipeline, repetition {rep + 1}/{reps}")
        _vanilla_beside(work, info, beside)
        out, cache = _fresh(work / "out-publish"), _fresh(work / "cache-publish")
        extra = ["--production"] if _have("tools/production.py") else []
        r = run(_our_build_cmd("publishconf.py", info.pelican_content, out, cache, "--steps", *extra,
                               "--siteurl", "https://zerocorruption.mol.go.th"))
        m.runs.append(r)
        shares.append(last_json(r.stdout).get("steps", {}))
    _check_ours(m, "production pipeline")
    _done(beside, m)
    steps = sorted({k for s in shares for k in s})
    m.extra["steps_s"] = {k: round(statistics.median(s.get(k, 0.0) for s in shares), 3) for k in steps}
    # Whole process minus the build itself: interpreter start-up, imports, exit.
    inner = [last_json(r.stdout).get("seconds", 0.0) for r in m.runs]
    m.extra["outside_build_s"] = round(statistics.median(r.wall - i for r, i in zip(m.runs, inner)), 3)
    return m, beside


def edit_post(path: Path, rep: int) -> None:
    """Change one post the way an author does: a sentence added at the end."""
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"\nแก้ไขเพิ่มเติมครั้งที่ {rep + 1}: ผู้สนใจสอบถามรายละเอียดได้ที่สายด่วน 1546\n")


def measure_rebuild(work: Path, info: corpus.CorpusInfo, reps: int) -> tuple[Measure, Measure]:
    """Our build after editing one post, with the caches a previous build left (as `invoke build`),
    and vanilla Pelican's cold build run before each repetition."""
    content = _fresh(work / "content-edit")
    shutil.copytree(info.pelican_content, content)
    out, cache = _fresh(work / "out-rebuild"), _fresh(work / "cache-rebuild")
    cmd = _our_build_cmd("pelicanconf.py", content, out, cache, "--set", "THAI_SEARCH_ENABLED=false")
    _log("rebuild: first build (not timed)")
    run(cmd)
    posts = sorted((content / "news").glob("*.md"))
    m = Measure("ours, rebuild after editing one post")
    beside = Measure("vanilla Pelican 4.12, cold, beside the rebuild")
    for rep in range(reps):
        _log(f"rebuild after one edit, repetition {rep + 1}/{reps}")
        _vanilla_beside(work, info, beside)
        edit_post(posts[(rep * 7919) % len(posts)], rep)
        m.runs.append(run(cmd))
    _check_ours(m, "rebuild")
    _done(beside, m)
    return m, beside


def measure_preview(work: Path, info: corpus.CorpusInfo, reps: int) -> dict | None:
    """Live-preview latency after saving one post, measured by tools/preview.py itself."""
    if not _have("tools/preview.py"):
        return None
    content = _fresh(work / "content-preview")
    shutil.copytree(info.pelican_content, content)
    r = run([PY, "-m", "tools.bench.worker", "preview", "--content", content,
             "--output", _fresh(work / "out-preview"), "--cache", _fresh(work / "cache-preview"),
             "--reps", str(reps)], timeout=3600)
    return last_json(r.stdout)


def measure_segment(info: corpus.CorpusInfo, reps: int, megabytes: float) -> dict | None:
    if not _have("plugins/thai_text/segment.py"):
        return None
    r = run([PY, "-m", "tools.bench.worker", "segment", "--content", info.pelican_content,
             "--megabytes", str(megabytes), "--reps", str(reps)])
    return last_json(r.stdout)


def _guarded(broken: dict, key: str, fn, *args):
    """Run a measure of a colleague's part; if its code fails, note why and go on."""
    try:
        return fn(*args)
    except BenchCommandFailed as exc:
        broken[key] = str(exc).splitlines()[-1][:300]
        _log(f"{key}: FAILED: {broken[key]}")
        return None


def measure_galleries(work: Path, photo_dir: Path, reps: int, full_reps: int, broken: dict) -> dict:
    result: dict = {}
    settings, content = sites.photos_site(work, photo_dir)
    cold, warm = Measure("pelican-photos 1.6.2, cold"), Measure("pelican-photos 1.6.2, warm")
    out = work / "out-photos"
    cmd = [PY, "-m", "pelican", content, "-o", out, "-s", settings, "-q"]
    for rep in range(reps):
        _log(f"pelican-photos, repetition {rep + 1}/{reps}")
        _fresh(out)
        cold.runs.append(run(cmd))
        warm.runs.append(run(cmd))
    result["photos_cold"], result["photos_warm"] = cold, warm
    _done(cold, warm)
    if not _have("plugins/photo_gallery/processing.py"):
        return result

    def ours(label: str, settings: dict, n: int, warm_too: bool):
        c, w = Measure(f"ours, {label}, cold"), Measure(f"ours, {label}, warm")
        for rep in range(n):
            _log(f"photo_gallery {label}, repetition {rep + 1}/{n}")
            out, cache = _fresh(work / "out-gallery"), _fresh(work / "cache-gallery")
            g = [PY, "-m", "tools.bench.worker", "gallery", "--photos", photo_dir, "--output", out,
                 "--cache", cache, "--settings-json", json.dumps(settings)]
            c.runs.append(run(g))
            if warm_too:
                w.runs.append(run(g))
        c.extra.update({k: v for k, v in last_json(c.runs[-1].stdout).items() if k in ("files", "bytes")})
        _done(c, *([w] if w.runs else []))
        return c, w

    try:
        result["ours_cold"], result["ours_warm"] = ours("pelican-photos sizes", EQUAL_WORK, reps, True)
        result["ours_full"], _ = ours("all sizes and formats", {}, full_reps, False)
    except BenchCommandFailed as exc:
        broken["gallery"] = str(exc).splitlines()[-1][:300]
        _log(f"gallery: FAILED: {broken['gallery']}")
        result.pop("ours_cold", None)
    return result


WORDPRESS_FULL = (5000, 20000)  # posts, attachments
WORDPRESS_QUICK = (12, 48)


def measure_wordpress(work: Path, posts: int, attachments: int, reps: int, missing: dict) -> dict:
    """Our import and pelican-import --wpfile on one generated export; median of `reps` each."""
    _log(f"WordPress export of {posts} posts and {attachments} attachments")
    made = time.perf_counter()
    data = wordpress.generate(work, posts, attachments)
    result = {"wp_posts": posts, "wp_attachments": attachments, "wp_export_mb": round(data.export_mb, 1),
              "wp_generation_s": round(time.perf_counter() - made, 1)}
    ours = Measure(f"ours, import-wordpress ({posts} posts, {attachments} photos, from a folder)")
    theirs = Measure(f"pelican-import --wpfile -m markdown ({posts} posts, text only)")
    why_not = wordpress.pelican_import_missing(PY)
    if why_not:
        missing["pelican_import"] = why_not
    for rep in range(reps):
        _log(f"WordPress import, repetition {rep + 1}/{reps}")
        root = _fresh(work / "wp-ours")
        r = run(wordpress.ours_command(PY, data.export, data.media_dir, root), cwd=ROOT, timeout=7200)
        ours.runs.append(r)
        if not why_not:
            out = _fresh(work / "wp-pelican-import")
            theirs.runs.append(run(wordpress.pelican_import_command(PY, data.export, out), timeout=7200))
    written = sum(1 for _ in (work / "wp-ours" / "content").rglob("*") if _.is_file())
    ours.extra["files_written"] = written
    _done(ours, *([theirs] if theirs.runs else []))
    result.update({
        "wp_import_s": _wall(ours), "wp_import_cpu_s": _cpu(ours), "wp_import_peak_mib": _peak(ours),
        "wp_import_files": written,
        "pelican_import_s": _wall(theirs) if theirs.runs else None,
        "pelican_import_cpu_s": _cpu(theirs) if theirs.runs else None,
        "pelican_import_peak_mib": _peak(theirs) if theirs.runs else None,
        "wp_measures": [m for m in (ours, theirs) if m.runs],
    })
    return result


def run_wordpress_only(posts: int, attachments: int, reps: int, work: Path | None = None) -> dict:
    """Only the WordPress import comparison (`invoke bench --wordpress`)."""
    work = Path(work or ROOT / "bench-work").resolve()
    work.mkdir(parents=True, exist_ok=True)
    _PROGRESS[:] = [work / "bench-progress.jsonl"]
    missing: dict = {}
    started = time.perf_counter()
    load_before = os.getloadavg()
    wp = measure_wordpress(work, posts, attachments, reps, missing)
    measures = wp.pop("wp_measures")
    return {"wordpress_only": True, "reps": reps, "cpus": os.cpu_count(),
            "load_before": [round(x, 2) for x in load_before],
            "load_after": [round(x, 2) for x in os.getloadavg()], **wp, "missing": missing,
            "measures": [{"name": m.name, **m.summary()} for m in measures],
            "total_s": round(time.perf_counter() - started, 1)}


def run_bench(posts: int = 2000, quick: bool = False, reps: int | None = None,
              photo_count: int | None = None, work: Path | None = None,
              wp_size: tuple[int, int] | None = None) -> dict:
    work = Path(work or ROOT / "bench-work").resolve()
    work.mkdir(parents=True, exist_ok=True)
    reps = reps or (1 if quick else 3)
    started_utc = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    photo_count = photo_count or (6 if quick else 100)
    photo_size = (1600, 1200) if quick else photos.SIZE
    _PROGRESS[:] = [work / "bench-progress.jsonl"]
    _PROGRESS[0].write_text("")
    load_before = os.getloadavg()
    started = time.perf_counter()

    _log(f"corpus of {posts} posts")
    info = corpus.generate(work, posts)
    _log(f"{photo_count} photos of {photo_size[0]}x{photo_size[1]}")
    made = time.perf_counter()
    library = photos.generate(work, photo_count, photo_size)
    photo_dir = photos.select(library, photo_count, work / "gallery-src" / "bench")
    photo_seconds = time.perf_counter() - made

    missing = {}
    builds = measure_builds(work, info, reps)
    publish, vanilla_publish = measure_publish(work, info, reps)
    if not _have("tools/production.py"):
        missing["publish_postprocess"] = "tools/production.py has not landed (no minify/compress)"
    rebuild, vanilla_rebuild = measure_rebuild(work, info, reps)
    broken: dict = {}
    preview = _guarded(broken, "preview_seconds", measure_preview, work, info, reps)
    if preview is None and "preview_seconds" not in broken:
        missing["preview_seconds"] = "tools/preview.py has not landed"
    elif preview is not None:
        _log(f"  live preview: {preview.get('median_s')} s (runs {preview.get('runs_s')})")
    segment = _guarded(broken, "segment_mb_s", measure_segment, info, reps, 0.2 if quick else 1.0)
    if segment is None and "segment_mb_s" not in broken:
        missing["segment_mb_s"] = "plugins/thai_text/segment.py has not landed"
    elif segment is not None:
        _log(f"  segmentation: {segment.get('mb_s'):.2f} MB/s, {segment.get('times_nlpo3', 0):.2f}x nlpo3 alone")
    gallery = measure_galleries(work, photo_dir, reps, 1 if quick else min(reps, 2), broken)
    if "ours_cold" not in gallery and "gallery" not in broken:
        missing["gallery"] = "plugins/photo_gallery/processing.py has not landed"
    # The WordPress import is part of a full run; the quick run (what the tests time) leaves it to
    # `--wordpress --quick` and tests/bench/test_wordpress.py.
    wp: dict = {}
    if not quick or wp_size:
        wp_posts, wp_attachments = wp_size or WORDPRESS_FULL
        wp = _guarded(broken, "wordpress", measure_wordpress, work, wp_posts, wp_attachments,
                      min(reps, 2), missing) or {}
    wp_measures = wp.pop("wp_measures", [])

    vanilla, hugo, ours = builds["vanilla"], builds["hugo"], builds["ours"]
    out = {
        "started_utc": started_utc,
        "posts": posts,
        "quick": quick,
        "reps": reps,
        "corpus_mean_kb": round(info.mean_kb, 2),
        "photos": photo_count,
        "photo_megapixels": round(photo_size[0] * photo_size[1] / 1e6, 1),
        "photo_generation_s": round(photo_seconds, 2),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        # Absolute figures (seconds, MiB).
        "vanilla_cold_s": round(vanilla.wall, 3),
        # vanilla Pelican's cold build again, before each repetition of the production pipeline
        # and of the rebuild: their ratios are to these
        "vanilla_beside_publish_s": round(vanilla_publish.wall, 3),
        "vanilla_beside_rebuild_s": round(vanilla_rebuild.wall, 3),
        "hugo_cold_s": round(hugo.wall, 3),
        "ours_cold_s": _wall(ours),
        "ours_publish_s": _wall(publish),
        "ours_rebuild_s": _wall(rebuild),
        "vanilla_cpu_s": round(vanilla.cpu, 3),
        "hugo_cpu_s": round(hugo.cpu, 3),
        "ours_cpu_s": _cpu(ours),
        "ours_publish_cpu_s": _cpu(publish),
        "peak_rss_mib": _peak(ours),
        "publish_peak_rss_mib": _peak(publish),
        "vanilla_peak_rss_mib": round(vanilla.peak_rss_mib, 1),
        "hugo_peak_rss_mib": round(hugo.peak_rss_mib, 1),
        # Ratios: what we compare.
        "cold_ratio_vs_pelican": _ratio(_wall(ours), vanilla.wall),
        "publish_ratio_vs_pelican": _ratio(_wall(publish), vanilla_publish.wall),
        "warm_ratio_vs_pelican": _ratio(_wall(rebuild), vanilla_rebuild.wall),
        "peak_ratio_vs_pelican": _ratio(_peak(ours), vanilla.peak_rss_mib),
        "cold_ratio_vs_hugo": _ratio(_wall(ours), hugo.wall),
        "publish_ratio_vs_hugo": _ratio(_wall(publish), hugo.wall),
        "warm_ratio_vs_hugo": _ratio(_wall(rebuild), hugo.wall),
        "pelican_ratio_vs_hugo": _ratio(vanilla.wall, hugo.wall),
        # CPU-time ratios: steadier than wall time on a shared, loaded machine.
        "cold_cpu_ratio_vs_pelican": _ratio(_cpu(ours), vanilla.cpu),
        "publish_cpu_ratio_vs_pelican": _ratio(_cpu(publish), vanilla_publish.cpu),
        "warm_cpu_ratio_vs_pelican": _ratio(_cpu(rebuild), vanilla_rebuild.cpu),
        "publish_steps_s": publish.extra.get("steps_s", {}),
        "our_build_warnings": ours.extra.get("warnings", 0),
        "preview_seconds": round(preview["median_s"], 3) if preview else None,
        "segment_mb_s": round(segment["mb_s"], 2) if segment else None,
        "pelican_photos_cold_s": round(gallery["photos_cold"].wall, 3),
        "pelican_photos_warm_s": round(gallery["photos_warm"].wall, 3),
        "gallery_cold_s": None,
        "gallery_warm_s": None,
        "gallery_cold_ratio_vs_photos": None,
        "gallery_warm_ratio_vs_photos": None,
        "gallery_full_s": None,
        "gallery_full_photos_per_s": None,
        "gallery_peak_rss_mib": None,
        "missing": missing,
        "failed": {**{m.name: m.extra["failed"] for m in (ours, publish, rebuild) if "failed" in m.extra},
                   **{k: [v] for k, v in broken.items()}},
    }
    if "ours_cold" in gallery:
        gc, gw, gf = gallery["ours_cold"], gallery["ours_warm"], gallery["ours_full"]
        out.update({
            "gallery_cold_s": round(gc.wall, 3),
            "gallery_warm_s": round(gw.wall, 3),
            "gallery_cold_ratio_vs_photos": _ratio(gc.wall, gallery["photos_cold"].wall),
            "gallery_warm_ratio_vs_photos": _ratio(gw.wall, gallery["photos_warm"].wall),
            "gallery_full_s": round(gf.wall, 3),
            "gallery_full_photos_per_s": round(photo_count / gf.wall, 3),
            "gallery_full_files": gf.extra.get("files"),
            "gallery_peak_rss_mib": round(gf.peak_rss_mib, 1),
        })
    out["targets"] = judge_targets(out)
    out["total_s"] = round(time.perf_counter() - started, 1)
    out.update(wp)
    out["measures"] = [
        {"name": m.name, **m.summary()}
        for m in [vanilla, hugo, ours, vanilla_publish, publish, vanilla_rebuild, rebuild,
                  *gallery.values(), *wp_measures]
    ]
    if preview:
        out["preview"] = preview
    if segment:
        out["segment"] = {k: v for k, v in segment.items() if k != "rates"}
    return out


def add_derived(result: dict) -> dict:
    """Fill in figures that later versions compute, for a result saved by an earlier version."""
    failed = result.get("failed", {})
    cpu = {m["name"]: m["cpu_s"] for m in result.get("measures", []) if m["name"] not in failed}
    for key, prefix in (("cold_cpu_ratio_vs_pelican", "ours, cold"),
                        ("publish_cpu_ratio_vs_pelican", "ours, production"),
                        ("warm_cpu_ratio_vs_pelican", "ours, rebuild")):
        if key not in result:
            ours = next((v for k, v in cpu.items() if k.startswith(prefix)), None)
            result[key] = _ratio(ours, result.get("vanilla_cpu_s"))
    result["targets"] = judge_targets(result)  # the targets of this version
    return result


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=None, help="posts in the corpus (default 2000)")
    parser.add_argument("--quick", action="store_true", help="30 posts, 6 small photos, one repetition")
    parser.add_argument("--reps", type=int, default=None, help="repetitions of each measure (median)")
    parser.add_argument("--photos", type=int, default=None, help="photos in the gallery (default 100)")
    parser.add_argument("--work", default=None, help="work folder (default bench-work/)")
    parser.add_argument("--write-docs", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--from-json", help="no run: show (and with --write-docs write) a saved result")
    parser.add_argument("--wordpress", action="store_true",
                        help="only the WordPress import: ours beside pelican-import --wpfile")
    parser.add_argument("--wp-posts", type=int, default=None, help="posts in the WordPress export (5000)")
    parser.add_argument("--wp-attachments", type=int, default=None, help="attachments in it (20000)")
    args = parser.parse_args(argv)
    posts = args.posts or (30 if args.quick else 2000)
    default_wp = WORDPRESS_QUICK if args.quick else WORDPRESS_FULL
    wp_size = (args.wp_posts or default_wp[0], args.wp_attachments or default_wp[1])
    asked = bool(args.wp_posts or args.wp_attachments)
    if args.wordpress:
        result = run_wordpress_only(*wp_size, args.reps or 1, args.work)
        saved = Path(args.work or ROOT / "bench-work") / "last-wordpress-run.json"
        saved.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        print(report.wordpress_table(result))
        if args.write_docs:
            path = report.write_wordpress_docs(result, ROOT / "docs" / "benchmarks.md")
            print(f"เขียนผลลงใน {path.relative_to(ROOT)} แล้ว / wrote {path.relative_to(ROOT)}")
        print(json.dumps(result, ensure_ascii=False))
        return 0
    if args.from_json:
        result = add_derived(json.loads(Path(args.from_json).read_text(encoding="utf-8")))
    else:
        result = run_bench(posts, args.quick, args.reps, args.photos, args.work,
                           wp_size if (asked or not args.quick) else None)
        saved = Path(args.work or ROOT / "bench-work") / "last-run.json"
        saved.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(report.table(result))
    if args.write_docs:
        path = report.write_docs(result, ROOT / "docs" / "benchmarks.md")
        print(f"เขียนผลลงใน {path.relative_to(ROOT)} แล้ว / wrote {path.relative_to(ROOT)}")
    print(json.dumps(result, ensure_ascii=False))
    return 0
