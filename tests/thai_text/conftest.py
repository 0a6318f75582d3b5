"""Fixtures of the thai_text tests: the plugin importable as Pelican imports it (`thai_text`)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

DATA = Path(__file__).resolve().parent / "data"
THEME = Path(__file__).resolve().parent / "theme"


@pytest.fixture(scope="session")
def site_dictionary() -> Path:
    """The repository's site dictionary, where its settings put it (THAI_TEXT_DICTIONARY under PATH)."""
    from thai_text.segment import dictionary_path
    from thai_text.settings import with_defaults

    settings = {"PATH": str(ROOT / "content")}
    return dictionary_path({**settings, **with_defaults(settings)})


@pytest.fixture(scope="session")
def segmenter(site_dictionary):
    from thai_text.segment import default_segmenter

    return default_segmenter(str(site_dictionary))


@pytest.fixture(scope="session")
def site_words(site_dictionary):
    from thai_text.segment import read_word_list

    return read_word_list(site_dictionary)
