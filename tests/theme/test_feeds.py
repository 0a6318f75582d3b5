"""The built feeds as a feed reader sees them: language, description, absolute links, stable ids.

Every entry of every feed of the sample site is checked, in the development and the production
build: the ids are the same in both (a reader must not see the archive again as new when the
address changes), and no id is `tag:None`.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tools.build import build

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("feeds-prod") / "output"
    result = build(ROOT / "publishconf.py", out, overrides={"CACHE_PATH": str(out.parent / "cache")},
                   quiet=True)
    assert result.ok, result.errors
    return result


def _feeds(output: Path) -> list[Path]:
    feeds = sorted((output / "feeds").rglob("*.xml"))
    assert len(feeds) >= 4, feeds
    return feeds


def _entries(path: Path) -> dict:
    """link -> id of every entry (Atom) or item (RSS)."""
    root = ET.parse(path).getroot()
    if root.tag == f"{ATOM}feed":
        return {e.find(f"{ATOM}link").get("href"): e.findtext(f"{ATOM}id")
                for e in root.iter(f"{ATOM}entry")}
    return {i.findtext("link"): i.findtext("guid") for i in root.iter("item")}


@pytest.mark.parametrize("which", ["development", "production"])
def test_every_feed_has_language_description_and_absolute_links(which, sample_site, production_site):
    output = (sample_site if which == "development" else production_site).output
    for path in _feeds(output):
        root = ET.parse(path).getroot()
        if root.tag == f"{ATOM}feed":
            assert root.get(XML_LANG) == "th", path
        else:
            channel = root.find("channel")
            assert channel.findtext("language") == "th", path
            assert channel.findtext("description").strip(), path
            for guid in channel.iter("guid"):
                assert guid.get("isPermaLink") == "false", path
        entries = _entries(path)
        assert entries, path
        for link, entry_id in entries.items():
            assert link.startswith(("http://", "https://")), (path, link)
            assert entry_id.startswith("tag:zerocorruption.mol.go.th,"), (path, entry_id)


def test_entry_ids_do_not_change_with_the_address(sample_site, production_site):
    def ids(output):
        found = {}
        for path in _feeds(output):
            for link, entry_id in _entries(path).items():
                found[link.split("/", 3)[3]] = entry_id
        return found

    development, production = ids(sample_site.output), ids(production_site.output)
    assert development and development == production


def test_an_entry_keeps_its_own_guid(build_site):
    result = build_site({"news/old.md": (
        "Title: ข่าวจากเว็บไซต์เดิม\nDate: 2565-03-25 09:00\nCategory: ข่าวกิจกรรม\n"
        "Guid: https://zerocorruption.mol.go.th/?p=1234\n\nเนื้อข่าวจากคลังข่าวเดิม\n"
    )})
    assert result.ok and not result.warnings, (result.errors, result.warnings)
    for path in _feeds(result.output):
        assert set(_entries(path).values()) == {"https://zerocorruption.mol.go.th/?p=1234"}, path
