"""Segmentation quality on hand-segmented press-release Thai (tests/thai_text/data, see gold.py)."""

from gold import GOLD_FILES, gold_lines, score


def test_gold_set_is_big_enough():
    assert sum(len(words) for *_rest, words in gold_lines()) >= 2000
    assert sum(len(words) for *_rest, words in gold_lines(GOLD_FILES[:1])) >= 2000


def test_boundary_f1(segmenter):
    result = score(segmenter)
    print(f"words {result.words} precision {result.precision:.3f} recall {result.recall:.3f} "
          f"F1 {result.f1:.3f}\nwrong breaks: {result.wrong}\nmissed: {result.missed}")
    assert result.f1 >= 0.97
    assert result.precision >= 0.97


def test_site_dictionary_words_are_never_split(segmenter, site_words):
    text = "".join(t for t, *_rest in gold_lines())
    for word in site_words:
        for context in (word, f"ข่าว{word}จัดงาน", f"โดย {word} ร่วมกับ", text + word):
            start = context.rfind(word)
            inside = [i for i in segmenter.break_offsets(context) if start < i < start + len(word)]
            assert not inside, (word, context[:40])


def test_names_in_the_gold_set_are_never_split(segmenter):
    """Every titled name of the gold text (no boundary inside, by its convention) stays whole."""
    from thai_text.names import find_names

    names = 0
    for text, required, optional, _words in gold_lines():
        for start, end in find_names(text, set(segmenter.boundaries(text)).__contains__):
            names += 1
            assert not any(start < i < end for i in required | optional), text[start:end]
            assert not any(start < i < end for i in segmenter.break_offsets(text)), text[start:end]
    assert names >= 12


def test_names_from_the_brief_stay_whole(segmenter):
    text = "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงานร่วมกับสำนักงานป.ป.ช.และป.ป.ท.เปิดโครงการดวงตาแรงงาน"
    tokens = segmenter.segment(text)
    for name in ("ศูนย์ปฏิบัติการต่อต้านการทุจริต", "กระทรวงแรงงาน", "ป.ป.ช.", "ป.ป.ท.", "ดวงตาแรงงาน"):
        assert name in tokens
