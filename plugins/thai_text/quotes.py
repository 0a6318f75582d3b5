"""The first words of a Thai text, to quote it in a message: a finding's paragraph in the check's
note on a release (tools/review_note.py), a deleted sentence or a comment left in an attached
document (attachments' hidden_content.py).

`first_words(text, letters=30)`: about `letters` characters, cut between words (pythainlp's
newmm: Thai has no spaces to cut at), with "…" when there is more; runs of white space become
one space. pythainlp's own dictionary, not the site's: a site word such as
ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านการทุจริต is 42 letters, longer than any quote.
"""

from __future__ import annotations

import re


def first_words(text: str, letters: int = 30) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= letters:
        return text
    from pythainlp.tokenize import word_tokenize

    taken = ""
    for word in word_tokenize(text[: letters * 2], engine="newmm", keep_whitespace=True):
        if taken.strip() and len(taken) + len(word) > letters:
            break
        taken += word
    return taken.rstrip() + "…"
