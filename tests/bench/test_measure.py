"""Whole-process measurement: wall and CPU time, peak memory, failures, both methods."""

import sys

import pytest

from tools.bench import measure

ALLOCATE = "import time; b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('{\"n\": 1}')"


@pytest.mark.parametrize("gnu_time", [True, False])
def test_run_reports_time_and_peak_memory(monkeypatch, gnu_time):
    if gnu_time and not measure._has_gnu_time():
        pytest.skip("/usr/bin/time is not installed")
    monkeypatch.setattr(measure, "_has_gnu_time", lambda: gnu_time)
    result = measure.run([sys.executable, "-c", ALLOCATE])
    assert result.wall > 0 and result.cpu > 0
    assert result.peak_rss_mib >= 80
    assert measure.last_json(result.stdout) == {"n": 1}


def test_failed_command_raises_with_its_output():
    with pytest.raises(measure.BenchCommandFailed, match="boom"):
        measure.run([sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"])


def test_measure_takes_the_median():
    m = measure.Measure("x", [measure.Run(3, 1, 10), measure.Run(1, 2, 30), measure.Run(2, 3, 20)])
    assert (m.wall, m.cpu, m.peak_rss_mib) == (2, 2, 20)
