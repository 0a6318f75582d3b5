"""Hand-segmented gold text (tests/thai_text/data/*_gold.txt) and how the segmenter is scored.

A gold line marks word boundaries with "|" (required) and "~" (optional); spaces separate words
too (the convention is in the files' headers). The segmenter is scored on where it allows a line
to break (`break_offsets`), at positions between two Thai characters where a break is possible
at all: precision counts a break at a required or optional boundary as right; recall counts the
required boundaries found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GOLD_FILES = ("segmentation_gold.txt", "press_release_gold.txt")


def gold_lines(names=GOLD_FILES):
    """(text, required boundaries, optional boundaries, words) for each line of the gold files."""
    for name in names:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            text, required, optional = [], set(), set()
            for ch in line:
                if ch == "|":
                    required.add(len(text))
                elif ch == "~":
                    optional.add(len(text))
                else:
                    text.append(ch)
            words = [w for w in re.split(r"[|~\s]+", line) if re.search(r"\w", w)]
            yield "".join(text), required, optional, words


def _breakable(text, offsets):
    from thai_text.segment import _LEFT_OK, _RIGHT_OK

    return {
        i for i in offsets
        if 0 < i < len(text) and text[i] in _RIGHT_OK and (text[i - 1] in _LEFT_OK or text[i - 1] == ".")
    }


@dataclass
class Score:
    right: int = 0  # predicted breaks at a required or optional boundary
    wrong: list = field(default_factory=list)  # predicted breaks elsewhere, with context
    found: int = 0  # required boundaries predicted
    missed: list = field(default_factory=list)  # required boundaries not predicted
    words: int = 0

    @property
    def precision(self) -> float:
        return self.right / (self.right + len(self.wrong)) if self.right + len(self.wrong) else 0.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + len(self.missed)) if self.found + len(self.missed) else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(segmenter, names=GOLD_FILES) -> Score:
    result = Score()
    for text, required, optional, words in gold_lines(names):
        predicted = set(segmenter.break_offsets(text, use_cache=False))
        allowed = _breakable(text, required | optional)
        needed = _breakable(text, required)
        result.right += len(predicted & allowed)
        result.wrong += [text[max(0, i - 10) : i] + "|" + text[i : i + 10] for i in sorted(predicted - allowed)]
        result.found += len(predicted & needed)
        result.missed += [text[max(0, i - 10) : i] + "|" + text[i : i + 10] for i in sorted(needed - predicted)]
        result.words += len(words)
    return result
