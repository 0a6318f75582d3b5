"""Regular expressions that match any of many words, fast.

Python's `re` tries the alternatives of `a|b|c` one by one at each position of the text; with a
hundred titles or site-dictionary words that costs more than the segmentation itself. Factoring
the words into a trie (นาย|นาง|นางสาว -> นา(?:ย|ง(?:สาว)?)) lets a failed match stop at the first
letter that differs. `alternation` writes that pattern; the longest word wins where one word
starts another, as with a plain alternation sorted longest first.
"""

from __future__ import annotations

import re

# Thai letters, vowels and marks, for a character class: consonants to phinthu (ฯ among them) and
# the lead vowels to the last mark (ๆ among them); no digits, ฿ or ๏. names.py, places.py and
# spelling.py read a word's letters with it.
THAI_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e"
# Thai digits (๐-๙) read as ASCII ones: str.translate(THAI_DIGITS).
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def alternation(words) -> str:
    """A regex (no groups) that matches any of `words`, preferring the longest."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie) or "(?!)"


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word ends here: the longer words are optional
        return "(?:" + body + ")?" if len(branches) == 1 and len(body) > 1 else body + "?"
    return body
