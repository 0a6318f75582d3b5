"""The `thai_wbr` filter is memoised: same output as without the memo, str vs Markup kept apart,
kept for the next build in the same process while the site dictionary is the same."""

from __future__ import annotations

from markupsafe import Markup


def _build_state(tmp_path, fresh: bool = True):
    from thai_text import pelican_hooks
    from thai_text.pelican_hooks import ThaiText
    from thai_text.settings import with_defaults

    if fresh:  # as in a new process
        pelican_hooks._WBR_MEMO.update(dictionary=None, memo={})
    settings = {"PATH": str(tmp_path), "CACHE_PATH": str(tmp_path / "cache"), "THAI_TEXT_CACHE": False}
    settings.update(with_defaults(settings))
    return ThaiText(settings)


def test_memo_gives_the_filters_own_output(tmp_path):
    from thai_text.markup import wbr_text

    state = _build_state(tmp_path)
    title = "ผลการประเมินคุณธรรมและความโปร่งใส <ITA> ประจำปี 2565"
    first = state.wbr(title)
    again = state.wbr(title)
    assert first == again == wbr_text(title, state.segmenter)
    assert "<wbr>" in first and "&lt;ITA&gt;" in first
    assert len(state.wbr_memo) == 1


def test_str_and_markup_of_the_same_text_differ(tmp_path):
    state = _build_state(tmp_path)
    text = "<b>ความโปร่งใส</b>"
    escaped = state.wbr(text)
    kept = state.wbr(Markup(text))
    assert "&lt;b&gt;" in escaped
    assert kept.startswith("<b>") and "&lt;" not in kept
    # asked again in the other order, each still gets its own result
    assert state.wbr(Markup(text)) == kept
    assert state.wbr(text) == escaped
    assert len(state.wbr_memo) == 2


def test_none_and_objects_are_not_memoised(tmp_path):
    state = _build_state(tmp_path)

    class Name:
        def __str__(self):
            return "ข่าวกิจกรรม"

    assert state.wbr(None) == Markup("")
    assert "ข่าว" in state.wbr(Name())
    assert state.wbr_memo == {}


def test_memo_is_bounded(tmp_path, monkeypatch):
    import thai_text.pelican_hooks as hooks

    monkeypatch.setattr(hooks, "WBR_MEMO_ENTRIES", 3)
    state = _build_state(tmp_path)
    for n in range(10):
        state.wbr(f"ข่าวที่ {n}")
        assert len(state.wbr_memo) <= 3
    assert state.wbr("ข่าวที่ 9") == hooks.wbr_text("ข่าวที่ 9", state.segmenter)


def test_a_new_process_starts_with_an_empty_memo(tmp_path):
    assert _build_state(tmp_path).wbr_memo == {}


def test_the_next_build_reuses_the_memo_until_the_dictionary_changes(tmp_path):
    title = "ศูนย์ปฏิบัติการต่อต้านการทุจริตจัดอบรมเจ้าหน้าที่"
    first = _build_state(tmp_path)
    made = first.wbr(title)
    second = _build_state(tmp_path, fresh=False)  # the live preview's next build
    assert second.wbr_memo == {(title, False): made}
    (tmp_path / "dictionary.txt").write_text("อบรมเจ้าหน้าที่\n", encoding="utf-8")
    third = _build_state(tmp_path, fresh=False)
    assert third.wbr_memo == {}
    from thai_text.markup import wbr_text
    from tests.conftest import without_breaks

    remade = third.wbr(title)
    assert remade == wbr_text(title, third.segmenter) and without_breaks(remade) == title
    assert remade.count("<wbr>") < made.count("<wbr>")  # the new site word is kept whole


def test_a_forked_writer_hands_back_what_it_marked_up(tmp_path, monkeypatch):
    """tools/two_writers.py and two_readers.py: a forked process's new `thai_wbr` results (and
    segmentations) come back with the handoff, so the live preview's first save after a build in
    two processes finds every title marked up (it took 0.29-0.43 s instead of 0.16 s without)."""
    import os
    import pickle

    from thai_text import pelican_hooks

    state = _build_state(tmp_path)
    monkeypatch.setattr(pelican_hooks, "_build", state)
    state.wbr("ข่าวที่กระบวนการแรกเขียน")
    mark = pelican_hooks.handoff_mark()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the forked writer marks up titles of its own pages
        try:
            state.wbr("ผู้ตรวจราชการลงพื้นที่จังหวัดน่าน")
            state.wbr(Markup("<b>ศูนย์ปฏิบัติการต่อต้านการทุจริต</b>"))
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(pelican_hooks.handoff_changes(mark), pipe)
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        changes = pickle.loads(pipe.read())
    os.waitpid(pid, 0)
    assert len(state.wbr_memo) == 1
    pelican_hooks.handoff_take(changes)
    assert ("ผู้ตรวจราชการลงพื้นที่จังหวัดน่าน", False) in state.wbr_memo
    assert ("<b>ศูนย์ปฏิบัติการต่อต้านการทุจริต</b>", True) in state.wbr_memo
    assert len(state.wbr_memo) == 3
    before = state.segmenter.segmented_chars  # the child's segmentation came back too
    state.segmenter.boundaries("ผู้ตรวจราชการลงพื้นที่จังหวัดน่าน")
    assert state.segmenter.segmented_chars == before
