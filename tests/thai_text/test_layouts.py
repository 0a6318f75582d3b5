"""The segmentation of every paragraph of our texts is what was recorded (layouts.py says how).

A faster segmenter must give exactly the same boundaries, breaks and spans: any difference fails
here, with the paragraph (content, gold) or the group of paragraphs (corpus, pieces) that differs.
"""

import json

import pytest

import layouts

RECORDED = json.loads(layouts.RECORD.read_text(encoding="utf-8"))
SOURCES = layouts.sources()
SEGMENTERS = {}


def _segmenter(which):
    if not SEGMENTERS:
        SEGMENTERS.update(layouts.segmenters())
    segmenter = SEGMENTERS[which]
    assert segmenter.dictionary_hash == RECORDED["dictionary"][which], (
        "the dictionary changed since data/layouts.json was recorded: if the new segmentation is "
        "intended, record again with .venv/bin/python tests/thai_text/layouts.py"
    )
    return segmenter


@pytest.mark.parametrize("name", [n for n, (_w, how, _p) in SOURCES.items() if how == "keyed"])
def test_each_paragraph_is_segmented_as_recorded(name):
    which, _how, paragraphs = SOURCES[name]
    segmenter = _segmenter(which)
    recorded = RECORDED[name]
    checked = 0
    for paragraph in paragraphs:
        expected = recorded.get(layouts.digest(paragraph))
        if expected is None:
            continue  # written after the record: nothing to compare with
        checked += 1
        assert layouts.layout_digest(segmenter, paragraph) == expected, paragraph
    # edits of the content since the record leave most paragraphs as they were
    assert checked >= 0.8 * len(recorded) and checked > 20, (name, checked, len(recorded))


@pytest.mark.parametrize("name", [n for n, (_w, how, _p) in SOURCES.items() if how == "grouped"])
def test_each_group_of_paragraphs_is_segmented_as_recorded(name):
    which, _how, paragraphs = SOURCES[name]
    segmenter = _segmenter(which)
    recorded = RECORDED[name]
    groups = [paragraphs[i : i + layouts.GROUP] for i in range(0, len(paragraphs), layouts.GROUP)]
    assert len(groups) == len(recorded) > 5
    for k, (group, expected) in enumerate(zip(groups, recorded)):
        assert layouts.digest("\n".join(group)) == expected["text"], (
            f"{name}: the text changed since the record (group {k}): record again"
        )
        found = layouts.digest("".join(layouts.layout_digest(segmenter, p) for p in group))
        assert found == expected["layout"], (name, k, group[:3])
