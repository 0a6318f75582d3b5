"""Segmentation quality on hand-segmented press-release Thai (tests/thai_text/data)."""

from conftest import DATA


def _gold():
    """(text, required boundaries, optional boundaries) for each line of the gold file."""
    for line in (DATA / "press_release_gold.txt").read_text(encoding="utf-8").splitlines():
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
        yield "".join(text), required, optional


def _breakable(text, offsets):
    from thai_text.segment import _LEFT_OK, _RIGHT_OK

    return {
        i for i in offsets
        if text[i] in _RIGHT_OK and (text[i - 1] in _LEFT_OK or text[i - 1] == ".")
    }


def score(segmenter):
    tp = fp = found_required = required_total = words = 0
    errors = []
    for text, required, optional in _gold():
        predicted = set(segmenter.break_offsets(text))
        allowed = _breakable(text, required | optional)
        needed = _breakable(text, required)
        tp += len(predicted & allowed)
        fp += len(predicted - allowed)
        errors += [text[max(0, i - 8) : i] + "|" + text[i : i + 8] for i in predicted - allowed]
        found_required += len(predicted & needed)
        required_total += len(needed)
        words += len(segmenter.words(text))
    return tp / (tp + fp), found_required / required_total, words, errors


def test_gold_set_is_big_enough(segmenter):
    assert score(segmenter)[2] >= 300


def test_boundary_precision_and_recall(segmenter):
    precision, recall, _words, errors = score(segmenter)
    print(f"precision {precision:.3f} recall {recall:.3f} wrong breaks: {errors}")
    assert precision >= 0.97, errors
    assert recall >= 0.95


def test_site_dictionary_words_are_never_split(segmenter, site_words):
    text = "".join(t for t, _r, _o in _gold())
    for word in site_words:
        for context in (word, f"ข่าว{word}จัดงาน", f"โดย {word} ร่วมกับ", text + word):
            start = context.rfind(word)
            inside = [i for i in segmenter.break_offsets(context) if start < i < start + len(word)]
            assert not inside, (word, context[:40])


def test_names_from_the_brief_stay_whole(segmenter):
    text = "ศูนย์ปฏิบัติการต่อต้านการทุจริตกระทรวงแรงงานร่วมกับสำนักงานป.ป.ช.และป.ป.ท.เปิดโครงการดวงตาแรงงาน"
    tokens = segmenter.segment(text)
    for name in ("ศูนย์ปฏิบัติการต่อต้านการทุจริต", "กระทรวงแรงงาน", "ป.ป.ช.", "ป.ป.ท.", "ดวงตาแรงงาน"):
        assert name in tokens
