"""Defaults of thai_date (plugins/thai_date/settings.py)."""

import logging

import pytest

from plugins.thai_date.settings import DEFAULTS, with_defaults


def test_defaults_fill_only_missing_keys_and_leave_the_dict_alone():
    user = {"THAI_DATE_DIGITS": "thai", "TIMEZONE": "Asia/Bangkok"}
    added = with_defaults(user)
    assert user == {"THAI_DATE_DIGITS": "thai", "TIMEZONE": "Asia/Bangkok"}
    assert "THAI_DATE_DIGITS" not in added
    assert added["THAI_DATE_YEAR_ARCHIVE_URL"] == DEFAULTS["THAI_DATE_YEAR_ARCHIVE_URL"] == "archives/{be_year}/"
    assert added["THAI_DATE_HOLD_FUTURE"] is True


def test_missing_timezone_means_bangkok():
    assert with_defaults({})["TIMEZONE"] == "Asia/Bangkok"


def test_bad_digits_warn_and_fall_back(caplog):
    with caplog.at_level(logging.WARNING):
        added = with_defaults({"THAI_DATE_DIGITS": "roman", "TIMEZONE": "Asia/Bangkok"})
    assert added["THAI_DATE_DIGITS"] == "arabic"
    assert "THAI_DATE_DIGITS" in caplog.text and "'roman'" in caplog.text


def test_year_archive_pattern_must_have_the_year():
    with pytest.raises(ValueError, match=r"\{be_year\}"):
        with_defaults({"THAI_DATE_YEAR_ARCHIVE_SAVE_AS": "archives/index.html"})
    assert "THAI_DATE_YEAR_ARCHIVE_SAVE_AS" not in with_defaults({"THAI_DATE_YEAR_ARCHIVE_SAVE_AS": ""})
