"""A Latin term with a piece of one or two characters stays on one line (latin_compounds.py).

A trial release about a price review ended its desktop line at "ภาครัฐ (e-|GP)", at every width
from 748 px up (the column's widest): a browser may end a line after a hyphen between letters.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thai_text.latin_compounds import LONGEST, find_latin_compounds
from thai_text.markup import WBR, process_html, strip_wbr


@pytest.mark.parametrize(("text", "found"), [
    ("ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP) และ", ["e-GP"]),
    ("ชำระผ่าน e-Payment ได้ทุกวัน", ["e-Payment"]),
    ("การระบาดของ COVID-19.", ["COVID-19"]),
    ("ภาครัฐe-GPและ", ["e-GP"]),
    ("ตรวจ X-ray ที่", ["X-ray"]),
    # compounds of longer pieces wrap at their hyphen, as English does
    ("สอบ EPS-TOPIK และ Anti-Corruption แบบ role-play", []),
    # addresses, e-mail addresses, file names and numbers are not such terms
    ("ที่ www.e-gp.go.th หรือ a-b@example.org", []),
    ("ไฟล์ report-2569.pdf และ 3-4 วัน", []),
    ("ระบบ e-Government-Procurement-Portal", []),  # longer than LONGEST
])
def test_terms_are_found(text, found):
    assert [text[a:b] for a, b in find_latin_compounds(text)] == found


@pytest.mark.parametrize("src", [
    "<p>และระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)\nและให้ ศปท. ติดตามผล</p>",
    "<p>ชำระค่าธรรมเนียมผ่าน <strong>e-Payment</strong> ได้</p>",
    # a telephone number's span wins where a term would overlap it (the "0" was written twice)
    "<p>โทร <b>call-0 2232 1262</b> หรือ e-GP ได้</p>",
])
def test_the_page_keeps_the_term_in_a_span(segmenter, src):
    out = process_html(src, segmenter)
    term = find_latin_compounds(strip_wbr(out))[-1]
    word = strip_wbr(out)[term[0]:term[1]]
    assert f'<span class="w">{word}' in out or f'<span class="w">({word})' in out, out
    assert strip_wbr(out) == src


_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@settings(max_examples=150, deadline=None)
@given(head=st.text(alphabet=_LATIN, min_size=1, max_size=2), tail=st.text(alphabet=_LATIN, min_size=1, max_size=6), before=st.sampled_from(["ระบบ", "ผ่าน ", "(", "ภาครัฐ "]),
       after=st.sampled_from([")", " และ", "ได้", ""]))
def test_every_such_term_in_thai_text_is_in_one_span(segmenter, head, tail, before, after):
    term = f"{head}-{tail}"
    if not any(c.isalpha() for c in term):
        return  # a number range is number_groups.py's
    src = f"<p>ศูนย์ฯ แจ้งว่า{before}{term}{after}</p>"
    out = process_html(src, segmenter)
    assert strip_wbr(out) == src
    assert len(term) <= LONGEST and find_latin_compounds(strip_wbr(out)[3:-4])
    at = out.index(term)
    opened = out.rfind('<span class="w">', 0, at)
    assert opened >= 0 and "</span>" not in out[opened:at] and WBR not in out[opened:at + len(term)], out
    assert out.find("</span>", at) >= at + len(term), out
