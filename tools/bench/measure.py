"""Run a command as a whole process and measure wall time, CPU time and peak memory.

`/usr/bin/time -v` (GNU time) is used where it exists; otherwise the figures come from
`resource.getrusage(RUSAGE_CHILDREN)` taken around the subprocess. Peak memory is the largest
resident set of the process or of any child it waited for (what both methods report).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = "/usr/bin/time"


class BenchCommandFailed(RuntimeError):
    """A measured command exited non-zero; the message carries the end of its output."""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_rss_mib: float
    stdout: str = ""


@dataclass
class Measure:
    """Median of several runs of one command."""

    name: str
    runs: list[Run] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_rss_mib(self) -> float:
        return statistics.median(r.peak_rss_mib for r in self.runs)

    def summary(self) -> dict:
        return {
            "wall_s": round(self.wall, 3),
            "cpu_s": round(self.cpu, 3),
            "peak_rss_mib": round(self.peak_rss_mib, 1),
            "runs": len(self.runs),
            **self.extra,
        }


def _has_gnu_time() -> bool:
    return os.access(GNU_TIME, os.X_OK)


def _parse_gnu_time(text: str) -> tuple[float, float]:
    """(CPU seconds, peak MiB) from the report of `time -v`."""
    user = system = rss_kib = 0.0
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key == "User time (seconds)":
            user = float(value)
        elif key == "System time (seconds)":
            system = float(value)
        elif key == "Maximum resident set size (kbytes)":
            rss_kib = float(value)
    return user + system, rss_kib / 1024


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None, timeout: float = 3600) -> Run:
    """Run `cmd` once; raise BenchCommandFailed if it fails."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    if _has_gnu_time():
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            started = time.perf_counter()
            proc = subprocess.run(
                [GNU_TIME, "-v", "-o", report.name, *map(str, cmd)],
                cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
            )
            wall = time.perf_counter() - started
            cpu, rss = _parse_gnu_time(Path(report.name).read_text())
    else:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(
            list(map(str, cmd)), cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # ru_maxrss of children is the largest ever seen: right for the first (largest) command,
        # an upper bound for later ones.
        rss = after.ru_maxrss / 1024
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-15:])
        raise BenchCommandFailed(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{tail}")
    return Run(wall=wall, cpu=cpu, peak_rss_mib=rss, stdout=proc.stdout)


def last_json(stdout: str) -> dict:
    """The JSON object printed on the last non-empty line of a worker's output."""
    for line in reversed(stdout.splitlines()):
        if line.strip():
            return json.loads(line)
    return {}
