"""Two WCAG 2.1 AA criteria that axe-core does not test, over every page of the sample site
(every article and page, and every listing: tools/linebreaks.site_pages):

- **2.1.1, 2.1.2, 2.4.3, 2.4.7 Keyboard:** pressing Tab from the top of a page reaches every link,
  button and field a reader can see, in the page's order, each drawn with a visible focus ring
  (3:1 against what is around it, 1.4.11) and scrolled onto the screen; the next Tab after the
  last one leaves the page (no trap).
- **1.4.12 Text spacing:** with the spacing a reader may set (line height 1.5, paragraphs 2 em
  apart, letters 0.12 em and words 0.16 em apart), no text is cut off or spills over what is
  below it, and nothing scrolls sideways, at 320 px (1.4.10's width).
- **1.4.4 Resize text**, with the browser's own font size setting (Chromium's preference, as a
  reader sets it, not a style we inject): text at 200% on a desktop screen, on a tablet and on a
  360 px phone (where it lays out as a 180 px screen would), at 150% on the phone, and at 100% on
  a 280 px screen (a folding phone's outer screen; 1.4.10 asks 320): nothing cut off, nothing
  spilling, nothing scrolling sideways. A table keeps its own sideways scrolling (1.4.10's
  exception for data tables). And thai_text's pieces kept whole (a word, a name) are split
  across lines only where one is wider than its line (on the phone at 200%, กระทรวงแรงงาน in a
  heading is): never one that fits, and an opening quote never ends a line nor a closing one
  starts it.

Checked with reduced motion, so that a focused element has scrolled into view when it is
measured (the site scrolls smoothly otherwise).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tools.linebreaks import site_pages

pytestmark = pytest.mark.browser

# The bookmarklet spacing of WCAG's understanding document for 1.4.12.
SPACING_CSS = (
    "*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}"
    "p{margin-bottom:2em!important}"
)

# Text that is cut off or spills: an element that hides its overflow and holds more than it shows,
# or a box kept lower than its own content (its height set), whose text then runs over what is
# below it. Not: what is hidden on purpose for screen readers (1 px boxes), and the last
# breadcrumb, kept to one line when the page's heading right below it holds the same title whole.
CUT_OFF_JS = """() => {
  const found = [];
  const letters = t => t.replace(/[^\\p{L}\\p{M}\\p{N}]/gu, '');
  const h1 = document.querySelector('h1');
  const whole = h1 ? letters(h1.textContent) : null;
  for (const e of document.querySelectorAll('body *')) {
    if (e.clientWidth <= 1 && e.clientHeight <= 1) continue;
    if (e.closest('.visually-hidden, .search-visually-hidden, [hidden]')) continue;
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const text = e.textContent.replace(/\\s+/g, ' ').trim();
    if (e.matches('.breadcrumbs [aria-current]') && whole && whole.includes(letters(text))) continue;
    const hides = v => v === 'hidden' || v === 'clip';
    const cut = (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1)
             || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
    let spills = false;
    if (!cut && text && !hides(s.overflowY) && e.scrollHeight > e.clientHeight + 2) {
      const kept = e.clientHeight, inline = e.getAttribute('style');
      e.style.setProperty('height', 'auto', 'important');
      e.style.setProperty('max-height', 'none', 'important');
      spills = e.clientHeight > kept + 2;
      if (inline === null) e.removeAttribute('style'); else e.setAttribute('style', inline);
    }
    if (cut || spills) {
      found.push(`${cut ? 'cut off' : 'spills'}: <${e.tagName.toLowerCase()} class="${e.className}">`
                 + ` ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}: ${text.slice(0, 40)}`);
    }
  }
  const d = document.documentElement;
  if (d.scrollWidth > d.clientWidth) found.push(`the page scrolls sideways: ${d.scrollWidth} px`);
  return found;
}"""

# A piece thai_text keeps whole (.w, .wl) laid out on more than one line though it would fit on
# one line of the box it is in (its width on one line, against that box's width inside its padding).
SPLIT_JS = """() => {
  const found = [];
  for (const e of document.querySelectorAll('.w, .wl')) {
    if (e.closest('.visually-hidden, .search-visually-hidden, [hidden]')) continue;
    const style = getComputedStyle(e);
    if (style.display === 'none' || !(e.getBoundingClientRect().height > parseFloat(style.lineHeight) * 1.5)) continue;
    let box = e.parentElement;
    while (getComputedStyle(box).display === 'inline') box = box.parentElement;
    const b = getComputedStyle(box);
    const line = box.clientWidth - parseFloat(b.paddingLeft) - parseFloat(b.paddingRight);
    const inline = e.getAttribute('style');
    e.style.cssText = 'white-space:nowrap!important;max-width:none!important;display:inline-block!important';
    const one = e.getBoundingClientRect().width;
    if (inline === null) e.removeAttribute('style'); else e.setAttribute('style', inline);
    if (one <= line - 1) {
      found.push(`split though it fits: "${e.textContent.trim()}" ${Math.round(one)} px in a line of ${Math.round(line)} px`);
    }
  }
  return found;
}"""

# A quote or bracket that opens, left at the end of a line, or one that closes, at the start of
# the next (thai_text keeps them in the span of the piece they hold; an inline block around a bare
# piece would leave them a line of their own to end or start).
QUOTES_JS = """() => {
  const opening = '"“‘([', closing = '"”’)]';
  const chars = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('script, style, .visually-hidden, .search-visually-hidden, [hidden]')) continue;
    for (let i = 0; i < node.data.length; i += 1) chars.push([node, i, node.data[i]]);
  }
  const range = document.createRange();
  const line = ([node, i]) => {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    return rects.length ? Math.round(rects[0].bottom) : null;
  };
  const space = k => k < 0 || k >= chars.length || /\\s/.test(chars[k][2]);
  const found = [];
  chars.forEach(([node, i, c], k) => {
    let other = null;
    if (opening.includes(c) && space(k - 1) && !space(k + 1)) other = k + 1;
    else if (closing.includes(c) && space(k + 1) && !space(k - 1)) other = k - 1;
    if (other === null) return;
    const a = line(chars[k]), b = line(chars[other]);
    if (a !== null && b !== null && Math.abs(a - b) > 4) {
      found.push(`"${c}" on a line apart from "${chars[other][2]}": ${node.data.slice(Math.max(0, i - 10), i + 10)}`);
    }
  });
  return found;
}"""

# What a reader can reach with Tab, in document order, and the element focused now, measured.
REACHABLE_JS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
               && getComputedStyle(e).visibility === 'visible')
  .map(e => e.outerHTML.slice(0, 80))"""

FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // The colour the ring is drawn on: the first ancestor with an opaque background.
  let around = [255, 255, 255];
  for (let p = e.parentElement; p; p = p.parentElement) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) { around = c.slice(0, 3); break; }
  }
  const s = getComputedStyle(e);
  const rings = [];
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) rings.push(rgb(s.outlineColor).slice(0, 3));
  for (const shadow of s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\\))/)) {
    const colour = shadow.match(/rgba?\\([^)]*\\)/);
    const sizes = shadow.replace(/rgba?\\([^)]*\\)/, '').match(/-?[\\d.]+px/g) || [];
    if (colour && sizes.length >= 4 && parseFloat(sizes[3]) >= 2) rings.push(rgb(colour[0]).slice(0, 3));
  }
  const r = e.getBoundingClientRect();
  return {
    html: e.outerHTML.slice(0, 80),
    ring: rings.length ? Math.max(...rings.map(c => contrast(c, around))) : 0,
    onScreen: r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.top < innerHeight
              && r.right > 0 && r.left < innerWidth,
  };
}"""


def tab_through(page) -> tuple[list, list[str]]:
    """Press Tab from the top of the page until focus leaves it or comes round to the first stop
    again; the stops and their problems."""
    reachable = page.evaluate(REACHABLE_JS)
    stops, problems = [], []
    for _ in range(len(reachable) + 3):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or (stops and focused["html"] == stops[0]["html"]):
            break  # out of the page, or (headless Chromium, at times) round to its first stop
        stops.append(focused)
        if focused["ring"] < 3:
            problems.append(f"no visible focus ring (contrast {focused['ring']:.1f}): {focused['html']}")
        if not focused["onScreen"]:
            problems.append(f"focused off the screen: {focused['html']}")
    else:
        problems.append(f"Tab never leaves the page after {len(stops)} stops (a keyboard trap)")
    order = [stop["html"] for stop in stops]
    if order != reachable:
        missing = [h for h in reachable if h not in order]
        problems.append(f"Tab order is not the page's order; not reached: {missing[:3]}"
                        if missing else f"Tab order is not the page's order: {order[:5]}")
    return stops, problems


SEARCHED = "/search/?q=แรงงาน"  # the search page with its results, filters and pages of results


@pytest.fixture(scope="module")
def pages(sample_site):
    found = site_pages(sample_site.output)
    assert "/" in found and any(p.startswith("/news/") for p in found)
    return found + ["/search/", SEARCHED, "/404.html"]


@pytest.fixture(scope="module")
def tab_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def spaced_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 740}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def _open(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    if SEARCHED in url:
        page.wait_for_selector("#search-results li a")


def test_every_page_works_from_the_keyboard(tab_page, sample_url, pages):
    found, rings = {}, []
    for path in pages:
        _open(tab_page, sample_url + path)
        stops, problems = tab_through(tab_page)
        rings += [stop["ring"] for stop in stops]
        if problems:
            found[path] = problems[:5]
    print(f"{len(pages)} pages, {len(rings)} focus stops at 360 px, focus ring contrast at least {min(rings):.1f}")
    assert len(rings) > 20 * len(pages)  # the pages were tabbed through
    assert not found, found


def test_text_spacing_cuts_off_nothing(spaced_page, sample_url, pages):
    found = {}
    for path in pages:
        _open(spaced_page, sample_url + path)
        spaced_page.add_style_tag(content=SPACING_CSS)
        problems = spaced_page.evaluate(CUT_OFF_JS)
        if problems:
            found[path] = problems[:5]
    assert not found, found


# (the reader's font size in px, where 16 is the browser's default; the screen's width in px)
LARGE_TEXT = [(32, 1280), (32, 768), (32, 360), (24, 360), (16, 280)]


@pytest.mark.parametrize(("font_px", "width"), LARGE_TEXT, ids=[f"{f * 100 // 16}%-{w}px" for f, w in LARGE_TEXT])
def test_large_text_cuts_off_nothing(browser, tmp_path, sample_url, pages, font_px, width):
    (tmp_path / "Default").mkdir()
    (tmp_path / "Default" / "Preferences").write_text(
        json.dumps({"webkit": {"webprefs": {"default_font_size": font_px}}}), encoding="utf-8")
    context = browser.browser_type.launch_persistent_context(
        tmp_path, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": width, "height": 740}, reduced_motion="reduce")
    try:
        page = context.new_page()
        found = {}
        for path in pages:
            _open(page, sample_url + path)
            if path == "/":
                assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == f"{font_px}px"
            problems = page.evaluate(CUT_OFF_JS) + page.evaluate(SPLIT_JS) + page.evaluate(QUOTES_JS)
            if problems:
                found[path] = problems[:5]
    finally:
        context.close()
    assert not found, found


def test_the_checks_can_fail(spaced_page, tab_page, sample_url):
    """A card title of fixed height, a word split across lines though it fits, a quote apart from
    its word, a focus ring taken away, a link hidden off the screen and a field that keeps the focus: each is reported."""
    _open(spaced_page, sample_url + "/")
    spaced_page.add_style_tag(content=SPACING_CSS + ".card-title{height:1.2em;overflow:hidden}")
    assert any(p.startswith("cut off: <h") for p in spaced_page.evaluate(CUT_OFF_JS))
    spaced_page.add_style_tag(content=".card-title{overflow:visible}")
    assert any(p.startswith("spills: <h") for p in spaced_page.evaluate(CUT_OFF_JS))

    spaced_page.add_style_tag(content=".w{display:inline-block;white-space:normal;max-width:2em}")
    assert any(p.startswith("split though it fits") for p in spaced_page.evaluate(SPLIT_JS))

    spaced_page.set_content('<p style="width:8em;font-size:16px">ผู้เข้าอบรม "<span style="display:inline-block">'
                            'ข้าราชการแรงงาน</span>" รุ่นที่ 1</p>')
    assert any(p.startswith('"\"" on a line apart') for p in spaced_page.evaluate(QUOTES_JS))

    _open(tab_page, sample_url + "/")
    tab_page.add_style_tag(content=".site-footer a:focus-visible{outline:none;box-shadow:none}")
    tab_page.evaluate("document.querySelector('.site-nav a').style.cssText = 'position:fixed;left:-999px'")
    _stops, problems = tab_through(tab_page)
    assert any(p.startswith("no visible focus ring") for p in problems)
    assert any(p.startswith("focused off the screen") for p in problems)

    _open(tab_page, sample_url + "/")
    tab_page.evaluate("""() => {
      const links = document.querySelectorAll('main a[href]');
      links[1].addEventListener('focus', () => links[0].focus());
    }""")
    _stops, problems = tab_through(tab_page)
    assert any("keyboard trap" in p or "not the page's order" in p for p in problems), problems
