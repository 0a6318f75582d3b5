"""Settings of the thai_text plugin: defaults, applied once on `initialized`.

Every setting is documented in README.md (name, default, one sentence).
"""

from __future__ import annotations

import copy
import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Site dictionary, relative to PATH (the content folder); words in it are never split.
    "THAI_TEXT_DICTIONARY": "dictionary.txt",
    # Insert <wbr> between Thai words in article and page content and in summaries.
    "THAI_TEXT_WBR": True,
    # Mark text in Myanmar, Khmer, Lao or English script with `lang` (WCAG 2.1 "language of
    # parts"): a block in that language, a run of another script inside a block.
    "THAI_TEXT_LANGUAGES": True,
    # Telephone numbers and e-mail addresses in article and page content become `tel:` and
    # `mailto:` links (contact_links.py).
    "THAI_TEXT_CONTACT_LINKS": True,
    # Fix common Thai typing errors (เเ, doubled or misordered marks) in displayed text.
    "THAI_TEXT_FIX_TYPOS": True,
    # Words in a summary made when the author gave none (about 3 lines of a news card).
    "THAI_TEXT_SUMMARY_WORDS": 30,
    # Added after a summary that was cut.
    "THAI_TEXT_SUMMARY_SUFFIX": "…",
    # Reading speed used for article.reading_time.
    "THAI_TEXT_WORDS_PER_MINUTE": 200,
    # Romanised ASCII slugs for articles, pages, tags and categories.
    "THAI_TEXT_SLUGS": True,
    # Longest slug, in characters.
    "THAI_TEXT_SLUG_MAX_LENGTH": 60,
    # Extra romanisations {Thai word: ascii} that override pythainlp's royin rules.
    "THAI_TEXT_ROMANIZATION": {},
    # Keep segmentations and romanisations in CACHE_PATH/thai_text between builds.
    "THAI_TEXT_CACHE": True,
    # {old path: new path} of URLs whose slug changed; each old path gets a page that sends the
    # reader on (site-relative paths, as in ARTICLE_URL: "category/khao-kitkam/").
    "THAI_TEXT_REDIRECTS": {},
    # The rule "spelling" warns about Thai words no dictionary knows.
    "THAI_TEXT_SPELLING": True,
}
# Old name -> new name: still read, with a warning.
RENAMED = {"CHECK_SPELLING": "THAI_TEXT_SPELLING"}

_CHECKS = {
    "THAI_TEXT_DICTIONARY": lambda v: isinstance(v, str) and v,
    "THAI_TEXT_WBR": lambda v: isinstance(v, bool),
    "THAI_TEXT_LANGUAGES": lambda v: isinstance(v, bool),
    "THAI_TEXT_CONTACT_LINKS": lambda v: isinstance(v, bool),
    "THAI_TEXT_FIX_TYPOS": lambda v: isinstance(v, bool),
    "THAI_TEXT_SUMMARY_WORDS": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
    "THAI_TEXT_SUMMARY_SUFFIX": lambda v: isinstance(v, str),
    "THAI_TEXT_WORDS_PER_MINUTE": lambda v: isinstance(v, (int, float)) and v > 0,
    "THAI_TEXT_SLUGS": lambda v: isinstance(v, bool),
    "THAI_TEXT_SLUG_MAX_LENGTH": lambda v: isinstance(v, int) and 10 <= v <= 200,
    "THAI_TEXT_ROMANIZATION": lambda v: isinstance(v, dict)
    and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
    "THAI_TEXT_CACHE": lambda v: isinstance(v, bool),
    "THAI_TEXT_REDIRECTS": lambda v: isinstance(v, dict)
    and all(isinstance(k, str) and isinstance(x, str) and k and x for k, x in v.items()),
    "THAI_TEXT_SPELLING": lambda v: isinstance(v, bool),
}


def with_defaults(settings: dict) -> dict:
    """The THAI_TEXT_* values to add to (or replace in) `settings`: renamed settings, missing
    defaults (fresh copies) and, for a bad value, its default with a warning. `settings` itself is
    not changed."""
    from content_guard.settings import renamed_values

    added = renamed_values(settings, RENAMED, "thai_text")
    view = {**settings, **added}
    for name, default in DEFAULTS.items():
        if name not in view:
            added[name] = copy.deepcopy(default)
        elif not _CHECKS[name](view[name]):
            logger.warning(
                "pelicanconf.py: ค่า %s=%r ใช้ไม่ได้ ใช้ค่าเริ่มต้น %r แทน / "
                "setting %s=%r is not valid, using the default %r (see plugins/thai_text/README.md)",
                name, view[name], default, name, view[name], default,
            )
            added[name] = copy.deepcopy(default)
    return added


def apply_defaults(pelican) -> None:
    """`initialized`: fill in the defaults on Pelican's own copy of the settings."""
    pelican.settings.update(with_defaults(pelican.settings))
