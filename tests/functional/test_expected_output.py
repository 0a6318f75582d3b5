"""The fixture site (tests/functional/site) builds to exactly its committed output: URLs, feeds,
markup and the list of files. An intended change is written on purpose with `invoke fixture-site`
(tools/fixture_site.py); any other change fails here, naming the files."""

from __future__ import annotations

from tools import fixture_site


def test_the_fixture_site_builds_to_its_committed_output(tmp_path):
    result = fixture_site.build_fixture(tmp_path)
    assert result.ok and not result.warnings, result.errors + result.warnings
    found = fixture_site.snapshot(result.output)
    wanted = fixture_site.expected()
    assert len(wanted) > 30 and sum(data is not None for data in wanted.values()) > 25
    changes = fixture_site.differences(found, wanted)
    assert changes == [], (
        "the fixture site's output changed; if that is intended, run `.venv/bin/invoke fixture-site` "
        "and commit tests/functional/site/expected:\n" + "\n".join(changes))


def test_differences_name_every_kind_of_change():
    wanted = {"a.html": b"1", "b.html": b"2", "p.jpg": None}
    found = {"a.html": b"1", "b.html": b"3", "c.xml": b"4"}
    assert fixture_site.differences(found, wanted) == ["missing: p.jpg", "unexpected: c.xml", "changed: b.html"]
