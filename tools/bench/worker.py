"""The benchmark's own subprocesses: each mode does one measured job and prints one JSON line.

    python -m tools.bench.worker build --settings pelicanconf.py --content DIR --output DIR
        [--set KEY=JSON ...] [--steps]
    python -m tools.bench.worker segment --content DIR [--megabytes 1]
    python -m tools.bench.worker gallery --photos DIR --output DIR --cache DIR [--settings-json J]
    python -m tools.bench.worker preview --content COPY --output DIR --cache DIR [--reps 3]

`build` runs the project's build runner (tools/build.py, what `invoke build`/`invoke publish`
run) on the benchmark corpus. With `--steps` every receiver of Pelican's `finalized` signal (the
search index) is timed on its own; with `--production` the production postprocess of
tools/production.py (minify, hashed asset names, .gz/.br) runs as in `invoke publish`, each step
timed; so the report can give each step's share.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _time_finalized(times: dict) -> None:
    """Make Pelican's `finalized` signal time each receiver under its module's name."""
    from pelican import signals

    signal = signals.finalized

    def timed_send(sender, **kwargs):
        results = []
        for receiver in signal.receivers_for(sender):
            started = time.perf_counter()
            results.append((receiver, receiver(sender, **kwargs)))
            name = f"{getattr(receiver, '__module__', '?')}.{getattr(receiver, '__qualname__', '?')}"
            times[name] += time.perf_counter() - started
        return results

    signal.send = timed_send


def step_of(receiver_name: str) -> str:
    """Which production step a `finalized` receiver belongs to, from its module and name."""
    name = receiver_name.lower()
    if "search" in name or "pagefind" in name:
        return "search"
    if "minif" in name:
        return "minify"
    if "compress" in name or "gzip" in name or "brotli" in name or "precompress" in name:
        return "compress"
    return "other"


def _timed_postprocess(times: dict):
    """tools/production.py's postprocess (what `invoke publish` runs) with each step timed.

    Its steps are module functions (minify_text, hash_assets, process_site: minify, rewrite and
    compress each page in two processes); each is wrapped so that its time is filed under its
    step. Anything not wrapped is "postprocess". (Pagefind's index, put in a fixed order by
    thai_search, is timed with the search step of the build.)
    """
    from tools import production

    def timed(step, fn):
        def wrapper(*a, **kw):
            started = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                times[step] += time.perf_counter() - started
        return wrapper

    wrapped = {"minify_text": "minify", "hash_assets": "hash_assets", "process_site": "minify+compress"}
    for name, step in wrapped.items():
        if hasattr(production, name):
            setattr(production, name, timed(step, getattr(production, name)))
    steps = set(wrapped.values())

    def postprocess(staging, settings=None):
        started = time.perf_counter()
        before = sum(times[k] for k in steps)
        production.postprocess(staging, settings)
        inner = sum(times[k] for k in steps) - before
        times["postprocess"] += time.perf_counter() - started - inner

    return postprocess


def cmd_build(args) -> dict:
    from tools.build import build

    overrides = {"PATH": str(Path(args.content).resolve())}
    if args.cache:
        overrides["CACHE_PATH"] = str(Path(args.cache).resolve())
    for item in args.set or []:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)
    if args.siteurl is not None:
        os.environ["SITEURL"] = args.siteurl
    finalized: dict = defaultdict(float)
    if args.steps:
        _time_finalized(finalized)
    post: dict = defaultdict(float)
    extra = {}
    if args.production:
        extra["postprocess"] = _timed_postprocess(post)
    started = time.perf_counter()
    if getattr(args, "writers", None):
        extra["two_writers"] = args.writers == 2
    result = build(ROOT / args.settings, Path(args.output), overrides=overrides, quiet=True, **extra)
    total = time.perf_counter() - started
    steps: dict = defaultdict(float)
    for name, seconds in finalized.items():
        steps[step_of(name)] += seconds
    for name, seconds in post.items():
        steps[name] += seconds
    steps["pelican"] = total - sum(finalized.values()) - sum(post.values())
    return {
        "ok": result.ok,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "first_problems": (result.errors + result.warnings)[:5],
        "seconds": total,
        "writers": result.writers,
        "rendered": result.rendered,
        "changed_files": result.changed_files,
        "steps": {k: round(v, 3) for k, v in steps.items()},
        "receivers": {k: round(v, 3) for k, v in finalized.items()},
    }


def corpus_text(content: Path, megabytes: float) -> str:
    """About `megabytes` MB of the corpus's plain Thai text (metadata and Markdown marks removed)."""
    limit = int(megabytes * 1e6)
    paragraphs: list[str] = []
    size = 0
    for path in sorted(Path(content).rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        for line in body.splitlines():
            line = line.lstrip("#- ").replace("**", "").strip()
            if line:
                paragraphs.append(line)
                size += len(line.encode("utf-8")) + 1
        if size >= limit:
            break
    return "\n".join(paragraphs)


def cmd_segment(args) -> dict:
    """Thai segmentation throughput with the site dictionary (plugins/thai_text; the project's
    content/dictionary.txt), median MB/s, beside nlpo3 alone timed in the same rounds (the
    machine's speed varies from minute to minute; the ratio much less)."""
    import statistics

    import nlpo3

    sys.path.insert(0, str(ROOT / "plugins"))
    from thai_text.segment import default_segmenter, segment_throughput

    text = corpus_text(Path(args.content), args.megabytes)
    started = time.perf_counter()
    segmenter = default_segmenter(str(ROOT / "content" / "dictionary.txt"))
    load = time.perf_counter() - started
    segment_throughput(text, segmenter, repeat=1)  # warm-up: every token's code is remembered
    paragraphs = [p for p in text.split("\n") if p]
    size = len(text.encode()) / 1e6
    rates, alone = [], []
    for _ in range(args.reps):
        rates.append(segment_throughput(text, segmenter, repeat=1))
        started = time.perf_counter()
        for paragraph in paragraphs:
            nlpo3.segment(paragraph, segmenter.dict_name)
        alone.append(size / (time.perf_counter() - started))
    return {"mb_s": statistics.median(rates), "rates": rates, "megabytes": size,
            "nlpo3_alone_mb_s": statistics.median(alone),
            "times_nlpo3": statistics.median(a / r for a, r in zip(alone, rates)),
            "dictionary_load_s": load}


def cmd_gallery(args) -> dict:
    """Process one folder of photos with our photo_gallery plugin (plugins/photo_gallery)."""
    from tools.bench.gallery import process_gallery

    settings = json.loads(args.settings_json) if args.settings_json else {}
    settings = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
    stats = process_gallery(Path(args.photos), Path(args.output), Path(args.cache), settings)
    if stats.failed or stats.errors:
        raise SystemExit(f"photo_gallery failed on {stats.failed} photo(s): {stats.errors[:3]}")
    return {"photos": stats.photos, "processed": stats.processed, "cached": stats.cached,
            "files": stats.files, "bytes": stats.bytes, "seconds": stats.seconds}


def cmd_preview(args) -> dict:
    """Live-preview latency after saving one post, measured by tools/preview.py itself."""
    from tools.preview import measure_preview_latency

    return measure_preview_latency(Path(args.content), Path(args.output), Path(args.cache), reps=args.reps,
                                   overrides={"THAI_SEARCH_ENABLED": False})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.worker")
    sub = parser.add_subparsers(dest="mode", required=True)
    b = sub.add_parser("build")
    b.add_argument("--settings", default="pelicanconf.py")
    b.add_argument("--content", required=True)
    b.add_argument("--output", required=True)
    b.add_argument("--cache")
    b.add_argument("--set", action="append", help="KEY=JSON setting override")
    b.add_argument("--siteurl")
    b.add_argument("--steps", action="store_true", help="time each finalized receiver")
    b.add_argument("--writers", type=int, choices=(1, 2),
                   help="processes that write the pages (default: the build decides)")
    b.add_argument("--production", action="store_true",
                   help="run tools/production.py's postprocess as `invoke publish` does")
    s = sub.add_parser("segment")
    s.add_argument("--content", required=True)
    s.add_argument("--megabytes", type=float, default=1.0)
    s.add_argument("--reps", type=int, default=3)
    g = sub.add_parser("gallery")
    g.add_argument("--photos", required=True)
    g.add_argument("--output", required=True)
    g.add_argument("--cache", required=True)
    g.add_argument("--settings-json", help="GALLERY_* overrides as JSON")
    v = sub.add_parser("preview")
    v.add_argument("--content", required=True, help="a copy of the corpus (it is edited)")
    v.add_argument("--output", required=True)
    v.add_argument("--cache", required=True)
    v.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    modes = {"build": cmd_build, "segment": cmd_segment, "gallery": cmd_gallery, "preview": cmd_preview}
    result = modes[args.mode](args)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
