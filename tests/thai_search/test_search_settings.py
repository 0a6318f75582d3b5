"""SEARCH_* defaults: applied once, into a new dict, with a warning for a value of the wrong type."""

import logging
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from thai_search.settings import DEFAULTS, apply_defaults  # noqa: E402


def test_defaults_fill_a_new_dict_and_leave_the_users_alone():
    user = {"SITENAME": "x", "SEARCH_URL": "/ค้นหา/"}
    merged = apply_defaults(user)
    assert user == {"SITENAME": "x", "SEARCH_URL": "/ค้นหา/"}
    assert merged is not user
    assert merged["SEARCH_ENABLED"] is True
    assert merged["SEARCH_BUNDLE_DIR"] == "pagefind"
    assert merged["SEARCH_LANGUAGE"] == "th"
    assert merged["SEARCH_URL"] == "ค้นหา/"
    assert set(DEFAULTS) <= set(merged)


def test_default_lists_are_copies():
    merged = apply_defaults({})
    merged["SEARCH_EXCLUDE_SELECTORS"].append(".x")
    assert ".x" not in apply_defaults({})["SEARCH_EXCLUDE_SELECTORS"]


def test_wrong_type_warns_and_falls_back(caplog):
    with caplog.at_level(logging.WARNING):
        merged = apply_defaults({"SEARCH_ENABLED": "no", "SEARCH_EXCLUDE_SELECTORS": ("nav",)})
    assert merged["SEARCH_ENABLED"] is True
    assert merged["SEARCH_EXCLUDE_SELECTORS"] == ("nav",)
    assert "SEARCH_ENABLED" in caplog.text and "pelicanconf.py" in caplog.text


def test_readme_documents_every_setting():
    readme = (ROOT / "plugins" / "thai_search" / "README.md").read_text(encoding="utf-8")
    for name in DEFAULTS:
        assert f"`{name}`" in readme, name
