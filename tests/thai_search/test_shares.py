"""The search copies made in two processes (thai_search/shares.py) are those made in one."""

import os
import sys
import threading

import pytest

from tests.conftest import ROOT
from tests.thai_search.site_files import build_search_site

sys.path.insert(0, str(ROOT / "plugins"))

from thai_search import shares  # noqa: E402
from thai_search.copies import index_copies  # noqa: E402
from thai_search.indexer import copy_indexable_pages, indexed_part  # noqa: E402
from thai_search.settings import DEFAULTS  # noqa: E402

EXCLUDE = DEFAULTS["THAI_SEARCH_EXCLUDE_SELECTORS"][0]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_search_site(tmp_path_factory.mktemp("search-site"), THAI_SEARCH_ENABLED=False)
    assert result.ok, result.errors
    return result.output


def _copies(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_processes_write_the_copies_and_words_of_one(site, tmp_path, monkeypatch):
    parent = os.getpid()
    monkeypatch.setattr(shares, "processes_for", lambda items, minimum: 1)
    one = copy_indexable_pages(site, tmp_path / "one", EXCLUDE)
    original = shares.in_shares

    def two(items, *args, **kwargs):
        return original(items, *args, processes=2, **kwargs)

    import thai_search.indexer as indexer

    monkeypatch.setattr(indexer, "in_shares", two)
    real_write = indexer.index_copy_of

    def noting(*args):
        if os.getpid() != parent:
            (tmp_path / "written-by-a-child").touch()
        return real_write(*args)

    monkeypatch.setattr(indexer, "index_copy_of", noting)
    both = copy_indexable_pages(site, tmp_path / "two", EXCLUDE)
    assert one == both and one[0] > 20
    assert _copies(tmp_path / "one") == _copies(tmp_path / "two")
    assert (tmp_path / "written-by-a-child").exists()

    # And both equal the copies made page by page, the whole site's words deciding the extras.
    parts = {p.relative_to(site): indexed_part(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))
             if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    copies, words = index_copies(parts, EXCLUDE)
    assert words == one[1]
    assert {str(k): v.encode() for k, v in copies.items()} == _copies(tmp_path / "one")


def _squares(items, processes, fail=None):
    parent = os.getpid()

    def first(share):
        if fail == "first" and os.getpid() != parent:
            os._exit(3)
        return [x * x for x in share], sum(share)

    def second(share, kept, total):
        if fail == "second" and os.getpid() != parent:
            raise RuntimeError("a child that fails")
        return [k * total for k in kept]

    return shares.in_shares(items, first, sum, second, processes=processes)


@pytest.mark.parametrize("fail", [None, "first", "second"])
def test_a_child_that_fails_or_dies_costs_only_time(fail, capfd):
    items = list(range(50))
    one = _squares(items, 1)
    assert one[0] == sum(items) and one[1] == [[x * x * sum(items) for x in items]]
    merged, results = _squares(items, 3, fail)
    assert merged == one[0]
    assert sorted(x for part in results for x in part) == sorted(one[1][0])
    assert "Traceback" not in capfd.readouterr().err


def test_no_process_to_fork_means_this_one_does_every_share(monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    items = list(range(30))
    assert _squares(items, 3) == (sum(items), [[x * x * sum(items) for x in items[k::3]] for k in range(3)])


def test_how_many_processes_share_the_pages(monkeypatch):
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # (other tests may leave threads)
    monkeypatch.setattr(shares, "cores", lambda: 2)
    assert shares.processes_for(199, 200) == 1 and shares.processes_for(2000, 200) == 2
    monkeypatch.setattr(shares, "cores", lambda: 1)
    assert shares.processes_for(2000, 200) == 1
    monkeypatch.setattr(shares, "cores", lambda: 2)
    # The web editor's server builds in a thread: no fork then.
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert shares.processes_for(2000, 200) == 1
