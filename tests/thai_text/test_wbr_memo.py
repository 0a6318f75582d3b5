"""The `thai_wbr` filter is memoised per build: same output as without the memo, str vs Markup kept apart."""

from __future__ import annotations

from markupsafe import Markup


def _build_state(tmp_path):
    from thai_text.pelican_hooks import ThaiText
    from thai_text.settings import with_defaults

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


def test_each_build_starts_with_an_empty_memo(tmp_path):
    assert _build_state(tmp_path).wbr_memo == {}
