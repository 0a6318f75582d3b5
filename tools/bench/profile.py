"""Where our build spends its time: one build of the benchmark corpus under cProfile.

    python -m tools.bench.profile [--posts 2000] [--settings pelicanconf.py] [--top 25]

Prints the time spent in each package's own code (self time summed by package: our plugins one by
one, Pelican, Markdown, Jinja2, pythainlp, ...), then the functions with the largest self and
cumulative times.
The build runs in this process (cProfile cannot see into subprocesses such as Pagefind).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def package_of(filename: str) -> str:
    """A short name for the package that owns `filename`."""
    m = re.search(r"/plugins/([A-Za-z_]+)/", filename)
    if m and "site-packages" not in filename:
        return f"plugins/{m.group(1)}"
    m = re.search(r"site-packages/([A-Za-z0-9_]+)", filename)
    if m:
        return m.group(1)
    if filename.startswith(str(ROOT)):
        return Path(filename).relative_to(ROOT).parts[0]
    if filename.startswith("<") or filename == "~":
        return "builtins"
    return "stdlib"


def by_package(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        totals[package_of(filename)] += tottime
    return sorted(totals.items(), key=lambda kv: -kv[1])


def profile_build(content: Path, output: Path, cache: Path, settings: str, overrides: dict) -> pstats.Stats:
    sys.path.insert(0, str(ROOT))
    from tools.build import build

    for path in (output, cache):
        shutil.rmtree(path, ignore_errors=True)
    profiler = cProfile.Profile()
    profiler.enable()
    result = build(ROOT / settings, output, two_writers=False, overrides={"PATH": str(content), "CACHE_PATH": str(cache),
                                                      **overrides}, quiet=True)
    profiler.disable()
    if not result.ok:
        raise SystemExit(f"the build failed: {result.errors[:3]}")
    return pstats.Stats(profiler)


def main(argv=None) -> int:
    from . import corpus

    parser = argparse.ArgumentParser(prog="python -m tools.bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--search", action="store_true", help="keep the search index (off by default)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--work", default=str(ROOT / "bench-work"))
    parser.add_argument("--save", help="also write the raw profile here (for pstats or snakeviz)")
    args = parser.parse_args(argv)
    work = Path(args.work).resolve()
    info = corpus.generate(work, args.posts)
    overrides = {} if args.search else {"THAI_SEARCH_ENABLED": False}
    stats = profile_build(info.pelican_content, work / "out-profile", work / "cache-profile",
                          args.settings, overrides)
    if args.save:
        stats.dump_stats(args.save)
    total = sum(t for _, t in by_package(stats))
    print(f"Self time by package ({args.posts} posts, {total:.1f} s under cProfile):")
    for name, seconds in by_package(stats)[: args.top]:
        print(f"  {name:32s} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    buf = io.StringIO()
    stats.stream = buf
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    print(buf.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
