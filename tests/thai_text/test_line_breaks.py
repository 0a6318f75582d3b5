"""Line ends in Chromium, as a reader sees them: every article and page of the sample content,
every listing of their cards (home, categories, tags, B.E. years), the search page and the page
not found, each with its header, menu and footer, at widths from 320 to 1280 px
(every 8 px up to 480, where lines are short and long words matter, then every 80 px;
`python -m tools.linebreaks --step 8` measures every 8 px for the README).
Each character's line comes from Range.getClientRects() (tools/linebreaks.py).

Targets (issue 13): no line end inside a site-dictionary word, a person's name, a telephone
number written in groups (โทร. 0 2232 1262, 0-4324-6106: a reader would dial half of it), a
hashtag (#ศปทแรงงาน: "#ศปท" alone is another one), a number with what it belongs to (พ.ศ. 2569)
or a word and its repetition mark (จริง ๆ: no line starts with ๆ), at
most 1% of line ends inside any word (between two letters where thai_text put no <wbr>), and
nothing wider than the screen at 320 px.
"""

from __future__ import annotations

import pytest

from tests.sample_pages import longest, releases
from tools.linebreaks import Counts, classify, measure_widths, measured_pages, protected_spans_for

pytestmark = pytest.mark.browser

# Every 8 px up to 480 and every 80 px above: at every 16 px, lines that began with ๆ
# (ขั้นตอนจริง |ๆ at 376 px, ใบเสร็จใด |ๆ at 472) fell between the widths measured.
WIDTHS = list(range(320, 480, 8)) + list(range(480, 1281, 80))
# People named in the sample releases, written here by hand: the name finder must find each of
# them, so that "no line end inside a name" is about these names too.
NAMES = [
    "นายธนพล วงศ์สวัสดิ์", "พล.ต.ต.วิชัย ศรีสมบูรณ์", "ผศ.ดร.รัตนา แสงทอง",
    "นางสาวพิมพ์ชนก ศรีสวัสดิ์", "ว่าที่ร้อยตรีปกรณ์ ทองดี", "นางปราณี ทองประเสริฐ",
    "นางสาวกมลชนก วัฒนากุล", "พ.ต.อ.ธีระ จันทร์หอม", "นางสาวมยุรี ทาคำ", "นายพะโด่ ศรีวนาไพร",
    "นายธนกฤต อินทร์แก้ว",  # (the segmenter read นา|ยธ|นก|ฤต: no name was found, test_title_cuts.py)
    "นายจักรพันธ์ ณ ระนอง",  # (a surname of royal descent: no name was found, test_na_surnames.py)
    "นางวรรณวิไล ชัยชนะสงคราม", "รศ.ดร.ปิยะพงษ์ เหล่าเจริญสุข", "จ.ส.อ.ประเสริฐ บุญญาศิริ",
    "นายสุรเชษฐ์ วงศ์ประเสริฐกุล", "พ.ต.อ.ธีรวัฒน์ แก้วมณีโชติ", "ร.ต.ท.หญิง กนกพร ศรีสุวรรณ",
    "นายมิน ตู อ่อง",  # (a Burmese name not spelled out in Latin letters: "นายมิน ตู| อ่อง" before)
    "คุณอรวรรณ",  # (a contact person in brackets after a number: "(คุณอร|วรรณ)" before)
    "พ.จ.อ.สมพงษ์ แก้วประดิษฐ์",  # (a navy petty officer: no title known before)
    "นางเอ เอ มยินต์",  # (a Burmese name after its Latin spelling: "นางเอ เอ |มยินต์" before)
    "คุณเอ เอ มยินต์",  # (the same, by คุณ in an interview: "คุณเอ เอ |มยินต์" before)
]
# Telephone numbers written in the sample content with spaces, in a sentence and in a table's cell.
NUMBERS = ["0 2232 1262", "0 2232 1000", "0 5368 9104", "08 9617 2043", "043 246 105", "0-4324-6106",
           "0 5556 3112", "0 4241 2276"]
# Hashtags written in the sample content (Chromium ended lines at "#ฝึกอาชีพ|โปร่งใส" at 320-368 px).
HASHTAGS = ["#ดวงตาแรงงาน", "#ศปทแรงงาน", "#ฝึกอาชีพโปร่งใส"]
# Numbers with what they belong to, written in the sample content (Chromium ended lines at
# "พ.ศ. |2562" and "08.30-16.30 |น." before markup.py kept them: number_groups.py).
GROUPS = ["08.30-16.30 น.", "พ.ศ. 2562", "ทั้งสิ้น 418,800 บาท", "เวลา 05.30 น.",
          "กว่า 27 นิ้ว", "เขต 8", "ภาค 11",  # (these three: no group before their unit or lead word was known)
          "เวลา 09.30 – 12.00 น.",  # (a range with spaces around its dash: "09.30 |– 12.00" before)
          "e-GP", "e-Payment",  # (a Latin term with a short piece: "(e-|GP)" at every width from 748 px)
          "กด 5", "e-WorkPermit",  # (the key to press after a hotline: "1546 กด |5" before)
          "มาตรา 85 (1)",  # (a section's clause: "มาตรา 85| (1)" before)
          "แมนพาวเวอร์", "สตาร์ไลท์",  # (words of companies' names: "แมน|พาวเวอร์" before)
          "ชั้น 3", "2 มื้อ", "5 MB",  # ("301 ชั้น| 3", "2 |มื้อ", "5 |MB" before)
          "08.00 - 12.00 น.",  # (a range with a hyphen between spaces: "08.00 - |12.00 น." before)
          "ศปท.รง.", "บก.ปปท.",  # (abbreviations of two parts: "(ศปท.|รง.)", "(บ|ก.ปปท.)" before)
          "หน้า 7", "10 หลัก",  # ("แก้ไขหน้า |7", "10 |หลัก" before)
          "ภาค ก.", "ข้อ O36",  # (parts named by a letter: "(ภาค |ก.)", "ข้อ |O36" before)
          "ที่ รง ๐๒๐๑.๖/ว ๓๘๗๔"]  # (an official letter's number: "ที่ รง |๐๒๐๑.๖/|ว ๓๘๗๔" before)
# Words with the repetition mark after them, written in the sample content (Chromium began lines
# with "ๆ" after "ใบเสร็จใด |" and "ขั้นตอนจริง |", and with "ฯลฯ" after "อิสราเอล |", before
# markup.py kept them: repeat_marks.py). The rule's group starts at the word's last letter.
REPEATS = ["ใด ๆ", "จริง ๆ", "ก่อน ๆ", "อิสราเอล ฯลฯ"]


@pytest.fixture(scope="module")
def names(segmenter):
    from thai_text.names import find_names

    def names(text):
        return find_names(text, set(segmenter.boundaries(text)).__contains__)

    return names


@pytest.fixture(scope="module")
def spans(site_words, names):
    return protected_spans_for(site_words, names)


@pytest.fixture(scope="module")
def measured(browser, sample_site, sample_url):
    """{path: ([blocks per width], widths that scroll sideways)} for every article, page and listing,
    the search page and the page not found, each whole: header, menu and footer included."""
    pages = measured_pages(sample_site.output)
    assert {r.url for r in releases()} <= set(pages) and "/report/" in pages  # every release is measured
    assert "/" in pages and any(p.startswith("/tag/") for p in pages)  # and the listings
    assert {"/search/", "/404.html"} <= set(pages)
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(sample_url + "/robots.txt")
    try:
        return {path: measure_widths(page, sample_url + path, WIDTHS) for path in pages}
    finally:
        page.close()


def test_no_line_end_inside_a_dictionary_word_or_a_name(measured, spans):
    per_width = {w: Counts() for w in WIDTHS}
    for path, (results, _wide) in measured.items():
        for width, blocks in zip(WIDTHS, results):
            counts = classify(blocks, spans)
            for end in counts.protected + counts.inside:
                end.where = f"{path} @{width}px"
            per_width[width].add(counts)
    total = Counts()
    for counts in per_width.values():
        total.add(counts)
    print(f"{total.total} line ends at {len(WIDTHS)} widths, {total.ours} at our <wbr>, "
          f"{len(total.inside)} inside a word, {len(total.protected)} inside a dictionary word, name, "
          f"telephone number, hashtag or number group, "
          f"{total.wider} at a space of a long name wider than its line")
    assert total.total > 10_000  # the measure saw the pages
    assert not total.protected, [(e.where, e.protected, e.context()) for e in total.protected[:10]]
    for width, counts in per_width.items():
        assert counts.inside_share <= 0.01, (width, [(e.where, e.context()) for e in counts.inside[:10]])


def test_names_numbers_and_hashtags_of_the_sample_releases_are_found(measured, spans):
    # Names, telephone numbers, hashtags and number groups written into the sample content, as an
    # oracle the code did not make. The samples will be replaced by the real archive: one no longer
    # on the site is not asked for, and the test says so when none is left (the property test
    # above still measures every name and number).
    texts = {text for results, _wide in measured.values() for text, _b, _w in results[0]}
    present = [name for name in NAMES + NUMBERS + HASHTAGS + GROUPS if any(name in t for t in texts)]
    if not present and not any(words in t for words in REPEATS for t in texts):
        pytest.skip("none of the sample releases' names or numbers is on the site any more")
    for name in present:
        holding = [t for t in texts if name in t]
        for text in holding:
            start = text.index(name)
            assert (start, start + len(name)) in spans(text), (name, text[:60])
    for words in REPEATS:
        for text in (t for t in texts if words in t):
            end = text.index(words) + len(words)
            assert any(b == end and a < end - len(words.split()[-1]) - 1 for a, b in spans(text)), (words, text[:60])


def test_no_line_ends_after_phu_before_the_word_it_makes_a_person_of(measured):
    """ผู้ makes a person of the word after it (ผู้แจ้ง, ผู้สมัคร, ผู้มีสิทธิ): a trial announcement
    left it alone at the end of a line, "คุ้มครองผู้|แจ้งเบาะแส" at 137 of 241 widths, and
    "ระบุตัวผู้|แจ้ง" (newmm read ตัวผู้, a male animal) at 23 (segment.NO_LINE_END)."""
    seen, ended = 0, []
    for path, (results, _wide) in measured.items():
        for width, blocks in zip(WIDTHS, results):
            for text, breaks, _wbr in blocks:
                seen += text.count("ผู้")
                ended += [(path, width, text[max(0, k - 12):k] + "|" + text[k:k + 12]) for k in breaks
                          if text[max(0, k - 3):k] == "ผู้" and k < len(text) and "ก" <= text[k] <= "ไ"]
    assert seen > 1000  # the pages hold it
    assert ended == [], ended[:10]


def test_nothing_scrolls_sideways(measured):
    wide = {path: w for path, (_results, w) in measured.items() if w}
    assert not wide, wide


def test_the_header_keeps_the_centers_name_on_one_line_at_every_width(browser, sample_url, spans):
    """The header is on every page: every 8 px from 320 to 1280, no line end inside a word of it.
    Between 568 and 600 px the search box stood beside the name and left it 200-216 px of its
    219: "ศูนย์ปฏิบัติการต่อต้านการ|ทุจริต" (the box now goes under the name instead)."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(sample_url + "/robots.txt")
    widths = list(range(320, 1281, 8))
    try:
        results, wide = measure_widths(page, sample_url + "/", widths, selector="header.site-header")
    finally:
        page.close()
    cut = [(width, end.context()) for width, blocks in zip(widths, results)
           for end in (lambda c: c.inside + c.protected)(classify(blocks, spans))]
    assert all(any("ศูนย์ปฏิบัติการต่อต้านการทุจริต" in text for text, _b, _w in blocks) for blocks in results)
    assert cut == [] and wide == []


def test_the_measure_sees_browser_breaks_without_the_spans(browser, sample_url, spans):
    """Without thai_text's spans Chromium breaks inside words again: the measure can fail."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(sample_url + "/robots.txt")
    try:
        results, _wide = measure_widths(page, sample_url + longest().url, [320, 360])
        kept = sum(len(classify(blocks, spans).inside) for blocks in results)
        frame_css = ".w,.wl{white-space:normal!important;display:inline!important}"
        unprotected = page.evaluate(
            """async ([url, css]) => {
                 const f = document.createElement('iframe');
                 f.style.cssText = 'width:320px;height:800px';
                 const loaded = new Promise(ok => f.addEventListener('load', ok, {once: true}));
                 f.src = url; document.body.appendChild(f); await loaded;
                 await f.contentWindow.document.fonts.ready;
                 const style = f.contentDocument.createElement('style');
                 style.textContent = css; f.contentDocument.head.appendChild(style);
                 const m = f.contentWindow.eval('(' + window.MEASURE_SOURCE + ')');
                 const r = m('main'); f.remove(); return r;
               }""",
            [sample_url + longest().url, frame_css],
        )
        assert kept == 0
        assert len(classify(unprotected, spans).inside) > 5
    finally:
        page.close()


def test_a_person_named_in_full_is_a_name_when_named_again(measured, spans, names):
    """Thai news names a person in full once, then by title and first name straight before the
    next word (นางสาวพิมพ์ชนกกล่าว): on every page, each such later mention of someone named in
    full there is a name too, so the property above keeps it on one line."""
    mentions = 0
    for path, (results, _wide) in measured.items():
        texts = [text for text, _b, _w in results[0]]
        full = {text[a:b] for text in texts for a, b in names(text) if text[a:b].count(" ") == 1}
        shorts = {name.split(" ")[0] for name in full if not name.split(" ")[0].endswith(".")}
        for text in texts:
            kept = spans(text)
            for short in shorts:
                for at in (i for i in range(len(text)) if text.startswith(short, i)):
                    after = text[at + len(short) : at + len(short) + 1]
                    if not ("\u0e01" <= after <= "\u0e4e"):
                        continue  # the full name again, or the name at the end of a sentence
                    mentions += 1
                    assert any(a <= at and at + len(short) <= b for a, b in kept), (path, text[at : at + 40])
    if not mentions:
        pytest.skip("no release of the sample content names someone again by the first name")
    print(f"{mentions} later mentions by title and first name")
