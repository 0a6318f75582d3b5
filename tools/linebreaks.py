"""Where Chromium ends lines in our pages, character by character, and whether it cut a word.

A reader sees a word cut when a line ends between two letters of it. This module finds every
line end the way the eye does: it walks the text nodes of a page (header, menu and footer
included) in a real browser, takes
each character's line from `Range.getClientRects()` and reports, for each block of text, the
offsets where a new line starts, with the offsets of our `<wbr>` break points. `classify` then
sorts each line end: at a space or punctuation, at one of our breaks, or inside a word (a line
end between two letters or digits with no `<wbr>` there), and whether it fell inside a
site-dictionary word, a person's name, a telephone number, a hashtag, a number with what it
belongs to (พ.ศ. 2569, 09.00 น.) or a word and the repetition mark after it (จริง ๆ).

Used by tests/thai_text/test_line_breaks.py (every article and page at widths from 320 to 1280
px) and as a script that prints the figures of plugins/thai_text/README.md:

    .venv/bin/python -m tools.linebreaks [--step 8] [--output output]

The script builds nothing: it serves an existing output folder (`invoke build` first).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# For each block (the nearest ancestor whose display is not inline), the text of its visible text
# nodes in order, where a new line starts (offsets into that text), and where our <wbr> are.
# Lines come from the rects of one-character ranges; within a text node a binary search finds
# each change of line (characters are laid out in order, so the line of a character never goes
# back up within one block), which gives the same answer as looking at every character.
MEASURE_JS = r"""
(selector) => {
  const doc = document;
  const root = doc.querySelector(selector);
  if (!root) return null;
  const INLINE = new Set(['inline', 'inline-block', 'contents', 'inline-flex', 'ruby']);
  const blockOf = new Map();
  const view = doc.defaultView;
  const nearestBlock = (el) => {
    const chain = [];
    while (el && el !== root) {
      if (blockOf.has(el)) { const b = blockOf.get(el); chain.forEach(c => blockOf.set(c, b)); return b; }
      chain.push(el);
      if (!INLINE.has(view.getComputedStyle(el).display)) break;
      el = el.parentElement;
    }
    const b = el || root;
    chain.forEach(c => blockOf.set(c, b));
    return b;
  };
  const range = doc.createRange();
  const box = (node, i) => {
    range.setStart(node, i); range.setEnd(node, i + 1);
    for (const r of range.getClientRects()) if (r.height > 0) return r;
    return null;
  };
  const blocks = new Map();
  const record = (b) => {
    let rec = blocks.get(b);
    if (!rec) { rec = {text: '', breaks: [], wbr: [], last: null}; blocks.set(b, rec); }
    return rec;
  };
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && SKIP.has(n.nodeName)) ? NodeFilter.FILTER_REJECT
                                                                    : NodeFilter.FILTER_ACCEPT,
  });
  const newLine = (prev, r) => r.top >= prev.top + prev.height * 0.5;
  let node;
  while ((node = walker.nextNode())) {
    if (node.nodeType === 1) {
      if (node.nodeName === 'WBR') {
        const rec = record(nearestBlock(node.parentElement));
        rec.wbr.push(rec.text.length);
      }
      continue;
    }
    const data = node.data;
    if (!data.length || !node.parentElement) continue;
    const rec = record(nearestBlock(node.parentElement));
    const base = rec.text.length;
    rec.text += data;
    // first character with a box at or after i, before `end` (null if none)
    const firstBox = (i, end) => {
      for (; i < end; i++) { const r = box(node, i); if (r) return [i, r]; }
      return null;
    };
    let at = firstBox(0, data.length);
    if (!at) continue;  // collapsed or hidden
    if (rec.last && newLine(rec.last, at[1])) rec.breaks.push(base + at[0]);
    let [i, r] = at;
    // the last character with a box, to know whether the node spans more than one line
    let endBox = null;
    for (let k = data.length - 1; k > i && !endBox; k--) endBox = box(node, k);
    if (!endBox) { rec.last = r; continue; }
    while (newLine(r, endBox)) {
      // smallest j > i whose box starts a new line relative to r
      let lo = i + 1, hi = data.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = firstBox(mid, hi + 1);
        if (!m || newLine(r, m[1])) hi = mid; else lo = m[0] + 1;
      }
      const found = firstBox(lo, data.length);
      if (!found) break;
      rec.breaks.push(base + found[0]);
      [i, r] = found;
    }
    rec.last = endBox;
  }
  return [...blocks.values()].filter(b => b.text.trim()).map(b => [b.text, b.breaks, b.wbr]);
}
"""

# The same page at many widths in one call: the page is loaded in a same-origin iframe whose
# width is the viewport width its media queries see; MEASURE_JS runs inside it at each width.
# Returns [blocks at widths[0], blocks at widths[1], ...] and the widths at which the page
# scrolls sideways.
MEASURE_WIDTHS_JS = r"""
async ([url, selector, widths, height]) => {
  const frame = document.createElement('iframe');
  frame.style.cssText = `border:0;height:${height}px;width:${widths[0]}px`;
  const loaded = new Promise((ok) => frame.addEventListener('load', ok, {once: true}));
  frame.src = url;
  document.body.appendChild(frame);
  await loaded;
  const win = frame.contentWindow;
  await win.document.fonts.ready;
  const measure = win.eval('(' + window.MEASURE_SOURCE + ')');
  const results = [], wide = [];
  for (const w of widths) {
    frame.style.width = w + 'px';
    const html = win.document.documentElement;
    if (html.scrollWidth > html.clientWidth) wide.push(w);
    results.push(measure(selector));
  }
  frame.remove();
  return [results, wide];
}
"""

_WORD_CHAR = re.compile(r"[\w\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@dataclass
class LineEnd:
    """One line end: the block text, the offset of the first character of the new line."""

    text: str
    offset: int
    kind: str  # "space", "punctuation", "ours" (at a <wbr>), "inside" (inside a word)
    protected: str = ""  # the site-dictionary word or name it cuts, if any
    where: str = ""  # page and width, filled in by the caller

    def context(self, width: int = 12) -> str:
        a = max(0, self.offset - width)
        return self.text[a : self.offset] + "|" + self.text[self.offset : self.offset + width]


@dataclass
class Counts:
    """Line ends of one width (or one page at one width), by kind."""

    total: int = 0
    inside: list = field(default_factory=list)  # LineEnd inside a word
    protected: list = field(default_factory=list)  # LineEnd inside a protected span (a name...)
    ours: int = 0
    wider: int = 0  # at a space of a long name wider than its line (see classify)

    def add(self, other: "Counts") -> None:
        self.total += other.total
        self.inside += other.inside
        self.protected += other.protected
        self.ours += other.ours
        self.wider += other.wider

    @property
    def inside_share(self) -> float:
        return len(self.inside) / self.total if self.total else 0.0


def classify(blocks, protected_spans) -> Counts:
    """Sort the line ends of `blocks` (as MEASURE_JS returns them).

    `protected_spans(text)` gives the (start, end) of every site-dictionary word and name in a
    block's text; a line end strictly inside one is counted in `protected` whatever its kind,
    but for a space of a long one (a name of LONG_LETTERS letters or more, which thai_text keeps
    whole on a line where it fits and wraps at its spaces only where it is wider than the line:
    a caption beside a photo on a phone), counted in `wider`. Such a piece is an inline block:
    wider than its line, it starts a line of its own, so a line end at its space where it does
    not start a line (วันที่ in the text, the date in a link after it, each on a line) is counted
    in `protected`.
    """
    from thai_text.markup import LONG_LETTERS
    from thai_text.segment import letters

    counts = Counts()
    for text, breaks, wbr in blocks:
        if not breaks:
            continue
        spans = protected_spans(text)
        ours = set(wbr)
        starts = set(breaks)
        for k in breaks:
            counts.total += 1
            left, right = text[k - 1] if k else " ", text[k]
            if left.isspace() or right.isspace():
                kind = "space"
            elif k in ours:
                kind = "ours"
            elif _WORD_CHAR.match(left) and _WORD_CHAR.match(right):
                kind = "inside"
            else:
                kind = "punctuation"
            end = LineEnd(text, k, kind)
            for start, stop in spans:
                if start < k < stop:
                    if (kind == "space" and letters(text[start:stop]) >= LONG_LETTERS
                            and _starts_line(text, start, starts)):
                        counts.wider += 1
                        break
                    end.protected = text[start:stop]
                    counts.protected.append(end)
                    break
            if kind == "inside":
                counts.inside.append(end)
            elif kind == "ours":
                counts.ours += 1
    return counts


def _starts_line(text: str, start: int, starts: set) -> bool:
    """Whether the piece that begins at `start` (or its quote, or the word it was widened to: up
    to the space before it) begins a line: the start of the block or one of its line `starts`."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    return left == 0 or any(k in starts for k in range(left, start + 1))


def measure(page, selector: str = "body"):
    """Blocks of `selector` on `page` as laid out now: [(text, line starts, <wbr> offsets)]. The
    whole page by default: the header, the menu and the footer are on every page a reader opens."""
    return in_code_points(page.evaluate(MEASURE_JS, selector) or [])


def measure_widths(page, url: str, widths, selector: str = "body", height: int = 800):
    """Blocks of `selector` at each width ([blocks per width]) and the widths that scroll sideways.

    `page` is any page of the same origin as `url` (a small one: robots.txt); `url` is loaded in
    an iframe resized to each width in turn, all in one call to the browser.
    """
    page.evaluate(f"window.MEASURE_SOURCE = {json.dumps(MEASURE_JS)}")
    results, wide = page.evaluate(MEASURE_WIDTHS_JS, [url, selector, list(widths), height])
    return [in_code_points(blocks) for blocks in results], wide


def in_code_points(blocks):
    """`blocks` with their offsets counted in characters, as Python counts them. The browser counts
    UTF-16 units, two for a character beyond U+FFFF (an emoji such as 📢 at the start of a
    release), which moved every offset after it by one."""
    converted = []
    for text, breaks, wbr in blocks:
        if any(ord(ch) > 0xFFFF for ch in text):
            index = []  # UTF-16 offset -> character offset
            for at, ch in enumerate(text):
                index.extend([at] * (2 if ord(ch) > 0xFFFF else 1))
            index.append(len(text))
            breaks, wbr = [index[o] for o in breaks], [index[o] for o in wbr]
        converted.append([text, breaks, wbr])
    return converted


def page_weight(path: Path) -> tuple[int, int]:
    """(bytes, gzip bytes at level 6) of one output file."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6, mtime=0))


LISTINGS = ("page", "category", "tag", "archives")


def site_pages(output: Path) -> list[str]:
    """Site paths of every article and static page of a built site (news/*/, top-level pages; not
    admin/, the web editor's application shell), then of every listing: the home page, its
    further pages, categories, tags and B.E. years (their cards hold titles and summaries). Not
    the pages that only send an old address on (a redirect has no text to measure)."""
    paths = sorted(f"/news/{p.parent.name}/" for p in (output / "news").glob("*/index.html"))
    skip = {"admin", "news", "search", "theme", "galleries", "feeds", "pagefind", "drafts", *LISTINGS}
    for index in sorted(output.glob("*/index.html")):
        if index.parent.name not in skip:
            paths.append(f"/{index.parent.name}/")
    listings = [output / "index.html"] + sorted(p for name in LISTINGS for p in (output / name).rglob("index.html"))
    for index in listings:
        if 'http-equiv="refresh"' not in index.read_text(encoding="utf-8")[:2000]:
            relative = index.parent.relative_to(output).as_posix()
            paths.append("/" if relative == "." else f"/{relative}/")
    return paths


def measured_pages(output: Path) -> list[str]:
    """`site_pages`, then the search page and the page not found where the site has them: their
    text is the theme's own, but a reader reads it too."""
    extra = [path for path, file in (("/search/", "search/index.html"), ("/404.html", "404.html"))
             if (output / file).is_file()]
    return site_pages(output) + extra


def protected_spans_for(site_words, find_names):
    """A `protected_spans(text)` for `classify`: site-dictionary words, names, telephone
    numbers written in groups (0 2232 1262), hashtags (#ศปทแรงงาน), numbers with what they belong
    to (09.00 น., พ.ศ. 2569), repetition marks with the character before them (ใด ๆ,
    อิสราเอล ฯลฯ), Latin terms with a piece of one or two characters (e-GP), the words of a
    company's name (แมนพาวเวอร์), dotted abbreviations (ศปท.รง.), a dash between spaces with what
    comes before it (1 มีนาคม –) and a part named by a letter with its word (ภาค ก.), in `text`."""
    from thai_text.abbreviations import find_abbreviations
    from thai_text.companies import find_company_words
    from thai_text.dashes import find_spaced_dashes
    from thai_text.hashtags import find_hashtags
    from thai_text.labels import find_letter_labels
    from thai_text.latin_compounds import find_latin_compounds
    from thai_text.number_groups import find_number_groups
    from thai_text.phones import find_phone_numbers
    from thai_text.repeat_marks import find_repeat_marks

    words = sorted({w for w in site_words if len(w) > 1}, key=len, reverse=True)

    def spans(text: str):
        text = unicodedata.normalize("NFC", text)
        found = list(find_names(text)) + find_phone_numbers(text) + find_hashtags(text)
        found += find_number_groups(text, telephone_leads=False) + find_repeat_marks(text)
        found += find_latin_compounds(text) + find_company_words(text) + find_abbreviations(text)
        found += find_spaced_dashes(text) + find_letter_labels(text)
        for word in words:
            i = text.find(word)
            while i >= 0:
                found.append((i, i + len(word)))
                i = text.find(word, i + 1)
        return found

    return spans


def site_protected_spans():
    """`protected_spans_for` the site's dictionary (content/dictionary.txt) and names as its
    segmenter finds them: what the script and the browser tests of text the browser writes
    (search results, photo captions) classify line ends with."""
    from thai_text.names import find_names
    from thai_text.segment import default_segmenter, read_word_list

    dictionary = ROOT / "content" / "dictionary.txt"
    segmenter = default_segmenter(str(dictionary))

    def names(text):
        return find_names(text, set(segmenter.boundaries(text)).__contains__)

    return protected_spans_for(read_word_list(dictionary), names)


def _main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(ROOT / "output"), help="built site (default output/)")
    parser.add_argument("--step", type=int, default=8, help="px between widths (default 8)")
    parser.add_argument("--first", type=int, default=320)
    parser.add_argument("--last", type=int, default=1280)
    parser.add_argument("--show", type=int, default=10, help="line ends inside words to print")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "plugins"))
    sys.path.insert(0, str(ROOT))
    import threading

    from playwright.sync_api import sync_playwright

    from tools.serve import make_server

    output = Path(args.output)
    pages = measured_pages(output)
    spans = site_protected_spans()
    server = make_server(output, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    widths = list(range(args.first, args.last + 1, args.step))
    per_width = {w: Counts() for w in widths}
    overflow = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.goto(base + "/robots.txt")
            for path in pages:
                results, wide = measure_widths(page, base + path, widths)
                for w, blocks in zip(widths, results):
                    counts = classify(blocks, spans)
                    for end in counts.inside + counts.protected:
                        end.where = f"{path} @{w}"
                    per_width[w].add(counts)
                if wide:
                    overflow[path] = wide
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    total = Counts()
    for w in widths:
        total.add(per_width[w])
    worst = max(widths, key=lambda w: per_width[w].inside_share)
    print(f"{len(pages)} pages x {len(widths)} widths ({args.first}-{args.last} px, step {args.step})")
    print(f"line ends: {total.total}, at our <wbr>: {total.ours}, inside a word: {len(total.inside)} "
          f"({total.inside_share:.2%}), inside a dictionary word, name, telephone number, hashtag "
          f"or number group: {len(total.protected)}")
    print(f"worst width {worst} px: {len(per_width[worst].inside)} of {per_width[worst].total} "
          f"({per_width[worst].inside_share:.2%})")
    for end in (total.protected + total.inside)[: args.show]:
        print("  ", end.where, end.kind, end.protected or "", end.context())
    print("sideways scrolling:", overflow or "none")
    raw = gz = 0
    for path in pages:
        file = output / path.strip("/")
        r, g = page_weight(file if file.suffix == ".html" else file / "index.html")
        raw, gz = raw + r, gz + g
    print(f"bytes per page (mean of {len(pages)}): {raw / len(pages):,.0f} raw, "
          f"{gz / len(pages):,.0f} gzip")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
