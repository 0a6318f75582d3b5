"""Myanmar text typed in the Zawgyi font instead of Unicode.

Until 2019 most Burmese was typed with Zawgyi, a font that puts Myanmar letters on Unicode's code
points in its own way (the vowel sign ေ before the consonant, medials on other code points);
translators and migrant workers' groups still send text in it. On a phone or computer with a
Unicode font (every new one) such text shows garbled, and a screen reader cannot read it. Nothing
in the text says which encoding it is, so Google's detector (the `myanmartools` package: a Markov
model of both encodings, trained on real text) judges each line: text that is the same in both
encodings (short words such as မ) scores about one half and is never reported.

`zawgyi_lines(text)` -> [(line number, the line's Myanmar text)] of the lines judged Zawgyi.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .languages import SCRIPTS

# The Myanmar text of a line: its runs of the block, with the spaces between them.
_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")
_RUN = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]+(?:[ 0-9]+[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]+)*")
# Letters and marks (languages.py's class), not digits, punctuation or symbols (၊ ။ ၌ ၍ ၎ ၏): a
# line with fewer is not judged (၏ alone scores 0.98).
_LETTER = re.compile(f"[{SCRIPTS['my']}]")
MIN_LETTERS = 3
# The detector's probability of Zawgyi from which a line is reported. Over the sample site's
# Myanmar text in Unicode, every run and run of runs scores below 0.02; the same converted to
# Zawgyi scores 0.95 or more in 111 of 113 (the two below are a single short word).
THRESHOLD = 0.95


@lru_cache(maxsize=1)
def _detector():
    import warnings

    from myanmartools import ZawgyiDetector

    with warnings.catch_warnings():  # it reads its model with importlib.resources' old API
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


def zawgyi_lines(text: str) -> list[tuple[int, str]]:
    """The lines of `text` whose Myanmar text is in Zawgyi, 1-based, with that text."""
    if not _MYANMAR.search(text):
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not _MYANMAR.search(line):
            continue
        myanmar = " ".join(_RUN.findall(line))
        if len(_LETTER.findall(myanmar)) < MIN_LETTERS:
            continue
        if _detector().get_zawgyi_probability(myanmar) >= THRESHOLD:
            found.append((number, myanmar))
    return found
