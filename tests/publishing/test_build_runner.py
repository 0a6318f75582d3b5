"""tools/build.py: each build connects its plugins to Pelican's signals and disconnects exactly
those afterwards (blinker's public API), so builds in one process never run a plugin twice."""

from __future__ import annotations

from pelican.plugins import signals

from tools.build import plugin_receivers


def _receivers(signal) -> set:
    return set(signal.receivers_for(signal.ANY))


def test_only_the_receivers_of_the_block_are_disconnected():
    def mine(sender):
        return "mine"

    def theirs(sender):
        return "theirs"

    signals.initialized.connect(theirs)
    try:
        before = {name: _receivers(getattr(signals, name)) for name in ("initialized", "finalized")}
        with plugin_receivers():
            signals.initialized.connect(mine)
            signals.finalized.connect(mine)
            assert mine in _receivers(signals.initialized)
        assert {name: _receivers(getattr(signals, name)) for name in before} == before
        assert theirs in _receivers(signals.initialized)
    finally:
        signals.initialized.disconnect(theirs)


def test_two_builds_in_one_process_run_each_plugin_once(build_site):
    counts = []

    def count(sender):
        counts.append(len(_receivers(signals.initialized)))

    files = {"news/a.md": "Title: ข่าว\nDate: 2568-01-05 09:00\nCategory: ข่าวกิจกรรม\nSlug: a\n\nเนื้อข่าวทดสอบ\n"}
    before = _receivers(signals.initialized)
    signals.finalized.connect(count)
    try:
        results = [build_site(files, THAI_SEARCH_ENABLED=False) for _ in range(3)]
    finally:
        signals.finalized.disconnect(count)
    assert all(r.ok for r in results), [r.errors for r in results]
    # The plugins' receivers of `initialized` are there once in each build, not once more each time.
    assert len(counts) == 3 and counts[0] > len(before) and counts == [counts[0]] * 3
    assert _receivers(signals.initialized) == before  # nothing left behind
