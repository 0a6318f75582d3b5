"""THAI_SEARCH_* defaults: applied once, never into the user's dict, with a warning for a value of
the wrong type; the old SEARCH_* names are still read, with a warning."""

import logging
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from thai_search.settings import DEFAULTS, with_defaults  # noqa: E402


def test_defaults_are_added_and_the_users_dict_is_left_alone():
    user = {"SITENAME": "x", "SEARCH_URL": "ค้นหา/", "THAI_SEARCH_BUNDLE_DIR": "/index/"}
    added = with_defaults(user)
    assert user == {"SITENAME": "x", "SEARCH_URL": "ค้นหา/", "THAI_SEARCH_BUNDLE_DIR": "/index/"}
    assert added["THAI_SEARCH_ENABLED"] is True
    assert added["THAI_SEARCH_BUNDLE_DIR"] == "index"
    assert "SEARCH_URL" not in added  # Pelican's and the theme's name for the search page, not ours
    assert set(DEFAULTS) <= set({**user, **added})


def test_default_lists_are_copies():
    added = with_defaults({})
    added["THAI_SEARCH_EXCLUDE_SELECTORS"].append(".x")
    assert ".x" not in with_defaults({})["THAI_SEARCH_EXCLUDE_SELECTORS"]


def test_wrong_type_warns_and_falls_back(caplog):
    with caplog.at_level(logging.WARNING):
        added = with_defaults({"THAI_SEARCH_ENABLED": "no", "THAI_SEARCH_EXCLUDE_SELECTORS": ("nav",)})
    assert added["THAI_SEARCH_ENABLED"] is True
    assert "THAI_SEARCH_EXCLUDE_SELECTORS" not in added  # a tuple is a fine list
    assert "THAI_SEARCH_ENABLED" in caplog.text and "pelicanconf.py" in caplog.text


def test_old_names_are_read_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        added = with_defaults({"SEARCH_ENABLED": False, "SEARCH_BUNDLE_DIR": "idx"})
    assert added["THAI_SEARCH_ENABLED"] is False and added["THAI_SEARCH_BUNDLE_DIR"] == "idx"
    assert "SEARCH_ENABLED is now called THAI_SEARCH_ENABLED" in caplog.text


@pytest.mark.parametrize("name", ["THAI_SEARCH_LANGUAGE", "SEARCH_LANGUAGE"])
def test_a_retired_setting_is_named_with_what_to_do(caplog, name):
    with caplog.at_level(logging.WARNING):
        added = with_defaults({name: "th"})
    assert f"{name} is no longer used" in caplog.text and "remove it from pelicanconf.py" in caplog.text
    assert added["THAI_SEARCH_ENABLED"] is True and "THAI_SEARCH_LANGUAGE" not in added


def test_readme_documents_every_setting():
    readme = (ROOT / "plugins" / "thai_search" / "README.md").read_text(encoding="utf-8")
    for name in DEFAULTS:
        assert f"`{name}`" in readme, name
