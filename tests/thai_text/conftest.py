"""Fixtures of the thai_text tests: the plugin importable as Pelican imports it (`thai_text`)."""

import sys
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

DATA = Path(__file__).resolve().parent / "data"
THEME = Path(__file__).resolve().parent / "theme"


@pytest.fixture(scope="session")
def segmenter():
    from thai_text.segment import default_segmenter

    return default_segmenter()


@pytest.fixture(scope="session")
def site_words():
    from thai_text.segment import DEFAULT_SITE_DICTIONARY, read_word_list

    return read_word_list(DEFAULT_SITE_DICTIONARY)
