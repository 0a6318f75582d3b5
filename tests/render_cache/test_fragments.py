"""FragmentMemo: one render per key and variant, objects by identity, bounded, can be switched off."""

from __future__ import annotations

import sys
from pathlib import Path

# the plugin importable as Pelican imports it (`render_cache`); no conftest.py here, since a
# second module named `conftest` would shadow the one tests/thai_text imports from
PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

from render_cache.fragments import FragmentMemo  # noqa: E402


class Item:
    def __init__(self, title):
        self.title = title


def _counting(calls, text):
    def render():
        calls.append(text)
        return text

    return render


def test_same_parts_render_once():
    memo, calls, item = FragmentMemo(), [], Item("ก")
    for _ in range(3):
        assert memo.once(("card", "", item, "h2"), _counting(calls, "A")) == "A"
    assert calls == ["A"]
    assert (memo.misses, memo.hits) == (1, 2)


def test_each_variant_and_each_object_has_its_own_fragment():
    memo, calls = FragmentMemo(), []
    a, b = Item("ก"), Item("ก")  # equal titles, different objects
    memo.once(("card", "", a, "h2"), _counting(calls, "a2"))
    memo.once(("card", "", a, "h3"), _counting(calls, "a3"))
    memo.once(("card", "/sub", a, "h2"), _counting(calls, "a2 sub"))
    memo.once(("card", "", b, "h2"), _counting(calls, "b2"))
    assert calls == ["a2", "a3", "a2 sub", "b2"]
    assert memo.once(("card", "", b, "h2"), _counting(calls, "x")) == "b2"


def test_str_and_int_parts_of_equal_value_are_different_keys():
    memo, calls = FragmentMemo(), []
    memo.once(("x", 1), _counting(calls, "int"))
    memo.once(("x", "1"), _counting(calls, "str"))
    memo.once(("x", True), _counting(calls, "bool"))
    assert calls == ["int", "str", "bool"]


def test_a_new_object_at_a_reused_address_is_not_served_an_old_fragment():
    memo, calls = FragmentMemo(), []
    memo.once(("card", Item("เก่า")), _counting(calls, "old"))
    # The first Item is gone; the memo keeps it alive, so a new Item never has its id.
    for _ in range(50):
        memo.once(("card", Item("ใหม่")), _counting(calls, "new"))
    assert calls.count("old") == 1 and calls.count("new") == 50


def test_memo_is_bounded():
    memo = FragmentMemo(max_entries=5)
    items = [Item(str(n)) for n in range(20)]
    for item in items:
        memo.once(("card", item), lambda: "x")
        assert len(memo) <= 5


def test_switched_off_renders_every_time():
    memo, calls, item = FragmentMemo(enabled=False), [], Item("ก")
    memo.once(("card", item), _counting(calls, "A"))
    memo.once(("card", item), _counting(calls, "A"))
    assert calls == ["A", "A"] and len(memo) == 0


def test_subclasses_of_str_count_by_identity():
    from markupsafe import Markup

    memo, calls = FragmentMemo(), []
    a, b = Markup("<b>ข่าว</b>"), Markup("<b>ข่าว</b>")
    memo.once(("x", a), _counting(calls, "a"))
    memo.once(("x", a), _counting(calls, "a again"))
    memo.once(("x", b), _counting(calls, "b"))
    memo.once(("x", "<b>ข่าว</b>"), _counting(calls, "str"))
    assert calls == ["a", "b", "str"]
