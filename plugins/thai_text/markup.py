"""Thai text inside HTML: line breaks only between words, typing errors fixed, summaries, counts.

A browser breaks Thai lines wherever its own dictionary allows (Chromium: กระทรวง|แรงงาน,
เครือ|ข่าย); `<wbr>` only adds break points. So each text node gets:

- `<wbr>` at every break point the segmenter allows (between two Thai words);
- `<span class="w">` (CSS: `white-space: nowrap`) around each piece between two break points that
  has more than one syllable, and around each name as a whole (นายสมชาย ใจซื่อ): the browser
  cannot break inside it. A piece of one syllable needs nothing: no browser breaks a syllable.
  The `<wbr>` stay outside the spans, so the break points hold in every browser (Firefox ignores
  a `<wbr>` inside `white-space: nowrap`; Chromium and Safari do not);
- `<span class="wl">` instead, for a piece of LONG_LETTERS letters or more (an agency's full
  name, a long name with its rank): CSS makes it an inline block as wide as the line at most, so
  it stays whole when it fits on a line and wraps inside only when it is wider than the line
  (a phone in portrait, a large heading), instead of running off the screen. A long name holds
  each of its words in such a span too, so that it wraps at its spaces first;
- `<span class="w">` around each telephone number written in groups (โทร. 0 2232 1262,
  0-2232-1262: phones.py), in any text node: a browser would otherwise end a line at one of its
  spaces or hyphens;
- `<span class="w">` (or `wl`, when long) around each hashtag with Thai letters, without the
  `<wbr>` between its words (#ศปทแรงงาน: hashtags.py): a line that ended inside it showed
  another hashtag (#ศปท) and a word after it;
- `<span class="w">` (or `wl`, when long) around each number with what it belongs to
  (`09.00 น.`, `พ.ศ. ๒๕๖๙`, `27 พฤศจิกายน 2569`, `3,000 บาท`: number_groups.py), widened to the
  break points around it: a line that starts with `น.` or a year parted from its `พ.ศ.` reads as
  a typesetting slip; and, the same way, around each repetition mark with the word before it
  (`จริง ๆ`, `อิสราเอล ฯลฯ`: repeat_marks.py), as a line that starts with `ๆ` is one too, and
  around each part named by a letter with its word (`ภาค ก.`, `ระดับ A`: labels.py) and each
  short aside in brackets (`(ถ้ามี)`: asides.py);
- an opening quote or bracket right before a kept piece (after a space or at the start) and a
  closing one right after it (before a space or at the end), as a character or an entity, go into
  its span: where the CSS makes every piece an inline block (text at twice its size on a phone),
  a line could otherwise end with “ or start with ” (around an inline block a browser may always
  break).

The HTML is scanned once with a tokenizer that keeps every tag, attribute, comment and entity
byte for byte; only text nodes outside pre/code/kbd/samp/script/style/textarea/svg/math are
touched, and `strip_wbr` (which removes the inserted `<wbr>` and spans) gives the input back, with
typing errors fixed. `textContent` is unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from markupsafe import Markup, escape

from .asides import find_short_asides
from .hashtags import find_hashtags
from .labels import find_letter_labels
from .latin_compounds import find_latin_compounds
from .number_groups import find_number_groups
from .phones import find_phone_numbers
from .dashes import find_spaced_dashes
from .repeat_marks import find_repeat_marks
from .segment import _LEFT_OK, _RIGHT_OK, _opaque_spans, letters
from .typos import fix_typos

WBR = "<wbr>"
KEEP = '<span class="w">'  # one piece on one line (white-space: nowrap)
KEEP_LONG = '<span class="wl">'  # a long piece: whole when it fits, wrapped when wider than the line
KEEP_END = "</span>"
# Pieces of at least this many letters get KEEP_LONG: at about 0.6 em a letter, 18 letters are
# 11 em, the width of a phone's line (288 px) in the largest heading (26 px).
LONG_LETTERS = 18
_INSERTED = re.compile('<wbr>|<span class="wl?">([^<]*)</span>')
_SKIP = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea", "svg", "math"})
# Elements whose content is not HTML: everything up to the matching end tag is left alone.
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)
_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)                            # comment
      | <![^>]*>?                                     # doctype, CDATA-ish
      | <\?[^>]*>?                                    # processing instruction
      | <(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>   # start or end tag
    """,
    re.S | re.X,
)
# The start of a tag that is never closed (no ">" follows): a browser may read what follows as
# part of it, so nothing is inserted there.
_OPENER = re.compile(r"<[A-Za-z/!?]")
_THAI = re.compile("[\u0e01-\u0e4e]")
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")  # a piece a browser's dictionary could cut
# A quote or bracket that opens (after a space, a break or the start) or closes (before a space, a
# break or the end) right at a kept piece goes into its span: no line can then end after "“" or
# start with "”" where the piece becomes an inline block (text at twice its size on a phone, CSS),
# as none can at the usual size. `\0` stands for a break in the fast path.
OPENING = "\"“‘(["
CLOSING = "\"”’)]"
_OPENING_MARKS = (*OPENING, "&quot;", "&#34;", "&#x22;", "&ldquo;", "&#8220;", "&lsquo;", "&#8216;")
_CLOSING_MARKS = (*CLOSING, "&quot;", "&#34;", "&#x22;", "&rdquo;", "&#8221;", "&rsquo;", "&#8217;")
_OPENING_ENDS = frozenset(OPENING + ";")  # the last character of a mark in _OPENING_MARKS
_CLOSING_STARTS = frozenset(CLOSING + "&")  # the first character of one in _CLOSING_MARKS
_KEPT_RUN = re.compile('(?:(?<![^\\s\0])[' + re.escape(OPENING) + '])?[\u0e01-\u0e4e]+'
                       '(?:[' + re.escape(CLOSING) + '](?![^\\s\0]))?')
_MAYBE_OPAQUE = re.compile("[&:@]|www\\.")  # an entity, URL or e-mail address may be there
# Elements inside a line: a text node after one of these continues the text before it, so a word
# boundary at the edge (ได้ที่<a>ประกาศ</a>) needs its <wbr> too.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "i", "ins", "mark", "q",
     "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
)
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_NBSP_ENTITY = re.compile("&(?:nbsp|#160|#[xX]0*[aA]0);")
_HOLE = "\x02"  # stands for a number group in the fast path of _mark_up (never in HTML text)


def _scan(html: str):
    """Yield (kind, text, tag, skipping) for each piece of `html`, in order.

    kind is "text", "markup" or "raw" (content of script, style, textarea...); tag is the
    lower-case name of a start tag, "/" + name for an end tag, or "";
    skipping is True for text inside an element whose text must not be touched.
    """
    depth = {}
    pos = 0
    n = len(html)
    while pos < n:
        m = _TOKEN.search(html, pos)
        end = n if m is None else m.start()
        if end > pos:
            text = html[pos:end]
            opener = _OPENER.search(text)
            if opener is None:
                yield "text", text, "", bool(depth)
            else:  # a tag left open ("<b" and no ">"): what follows it is never touched
                if opener.start():
                    yield "text", text[: opener.start()], "", bool(depth)
                yield "raw", text[opener.start():], "", True
        if m is None:
            return
        pos = m.end()
        name = (m.group(2) or "").lower()
        closing = m.group(1) == "/"
        yield "markup", m.group(0), ("/" + name if closing else name), bool(depth)
        if not name:
            continue
        self_closing = (m.group(3) or "").rstrip().endswith("/")
        if not closing and name in _RAW and not self_closing:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(html, pos)
            stop = end.start() if end else n
            if stop > pos:
                yield "raw", html[pos:stop], "", True
            pos = stop
            continue
        if name in _SKIP:
            if closing:
                if depth.get(name):
                    depth[name] -= 1
                    if not depth[name]:
                        del depth[name]
            elif not self_closing:
                depth[name] = depth.get(name, 0) + 1


def _with_breaks(text: str, segmenter) -> str:
    if not _THAI.search(text):
        return _numbers_kept(text)
    return _mark_up(text, segmenter)[0]


def _numbers_kept(text: str) -> str:
    """Text without Thai on a page with Thai (a number in bold, in a table's cell, a term in
    bold): its telephone numbers and its Latin terms with a piece of one or two characters
    (e-GP) in a span."""
    numbers = find_phone_numbers(text)
    terms = [(a, b) for a, b in find_latin_compounds(text) if not any(c < b and a < d for c, d in numbers)]
    kept = sorted(numbers + terms)
    return _render(text, [], kept) if kept else text


def _mark_up(text: str, segmenter) -> tuple[str, int]:
    """(`text` with its breaks and spans, number of breaks): what `_render` makes of
    `segmenter.line_layout(text)`, made faster in the usual case (no name, URL or entity in the
    text) by one regular-expression pass over the pieces between breaks."""
    offsets, names = segmenter.breaks_and_names(text)
    numbers = find_phone_numbers(text)
    hashtags = find_hashtags(text)
    groups = _groups(text)
    if names or numbers or hashtags or _MAYBE_OPAQUE.search(text) or (groups and _HOLE in text):
        offsets, keep = segmenter.line_layout(text)
        if hashtags:  # one piece each, without the breaks between its words or the pieces inside
            offsets = [k for k in offsets if not any(a < k < b for a, b in hashtags)]
            keep = [(c, d) for c, d in keep if not any(c < b and a < d for a, b in hashtags)] + hashtags
        if numbers:  # digits and spaces, kept unless a name or dictionary word holds them, and
            # kept on their own, not in a number group (โทร. 0 2232 1262: the word may part)
            keep = keep + [(a, b) for a, b in numbers if not any(c < b and a < d for c, d in keep)]
            groups = [(a, b) for a, b in groups if not any(c < b and a < d for c, d in numbers)]
        if groups:
            offsets, keep = _with_groups(text, offsets, sorted(keep), groups)
        return _render(text, offsets, sorted(keep)), len(offsets)
    several = segmenter.several_syllables

    def wrap(m):
        piece = m.group()
        core = piece[piece[0] in OPENING:len(piece) - (piece[-1] in CLOSING)]
        if len(core) < 2 or not several(core):
            return piece
        if len(piece) >= LONG_LETTERS and letters(piece) >= LONG_LETTERS:
            return KEEP_LONG + piece + KEEP_END
        return KEEP + piece + KEEP_END

    if groups:
        return _fast_with_groups(text, offsets, groups, wrap)
    if not offsets:
        return _KEPT_RUN.sub(wrap, text), 0
    pieces = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])]
    return _KEPT_RUN.sub(wrap, "\0".join(pieces)).replace("\0", WBR), len(offsets)


def _groups(text: str) -> list[tuple[int, int]]:
    """What is kept on one line as a number group is, in order: each number with what it belongs
    to (number_groups.py), each repetition mark with the word before it (repeat_marks.py), each
    Latin term with a piece of one or two characters (latin_compounds.py: e-GP), each dash
    written between spaces with the word before it (dashes.py: 1 มีนาคม – 30 มิถุนายน), each
    part named by a letter with its word (labels.py: ภาค ก., ระดับ A) and each short aside in
    brackets (asides.py: (ถ้ามี)). A
    no-break space written as an entity counts as the space it is (Markdown writes a typed one as
    `&nbsp;`: `15&nbsp;ธันวาคม 2569`, where a line ended before the year)."""
    if "&" in text:
        text = _NBSP_ENTITY.sub(_as_spaces, text)
    groups = find_number_groups(text, telephone_leads=False)
    more = (find_repeat_marks(text) + find_latin_compounds(text) + find_spaced_dashes(text)
            + find_letter_labels(text) + find_short_asides(text))
    return sorted(groups + more) if more else groups


def _as_spaces(match) -> str:
    return " " * len(match.group())


def _fast_with_groups(text: str, offsets: list[int], groups, wrap) -> tuple[str, int]:
    """The fast path of `_mark_up` for text with number groups: each group (widened, with the
    quotes around it) stands in the regular expression's pass as one character, `_HOLE`, which
    no piece takes in, and is written in its span afterwards. (Its widened edges are break points,
    spaces or the edges of Thai runs, so no piece between two breaks reaches into it.)"""
    spans = _group_spans(text, offsets, (), groups)
    offsets = _outside(offsets, spans)
    at_break = set(offsets)
    spans = [_with_quotes(text, a, b, at_break) for a, b in spans]
    marked = []
    pos = o = 0
    for a, b in spans:
        while o < len(offsets) and offsets[o] <= a:
            marked += (text[pos:offsets[o]], "\0")
            pos = offsets[o]
            o += 1
        marked += (text[pos:a], _HOLE)
        pos = b
    for k in offsets[o:]:
        marked += (text[pos:k], "\0")
        pos = k
    marked.append(text[pos:])
    parts = _KEPT_RUN.sub(wrap, "".join(marked)).replace("\0", WBR).split(_HOLE)
    out = [parts[0]]
    for (a, b), after in zip(spans, parts[1:]):
        out += (_kept(text[a:b]), after)
    return "".join(out), len(offsets)


def _with_groups(text: str, offsets: list[int], keep: list[tuple[int, int]], groups):
    """(offsets, keep) of line_layout with each number group kept whole, as one piece."""
    spans = _group_spans(text, offsets, keep, groups)
    keep = [(c, d) for c, d in keep if not any(a <= c and d <= b for a, b in spans)]
    return _outside(offsets, spans), keep + spans


def _outside(offsets: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The offsets (in order) not strictly inside one of `spans` (in order, not overlapping)."""
    for a, b in reversed(spans):
        i, j = bisect_right(offsets, a), bisect_left(offsets, b)
        if i < j:
            offsets = offsets[:i] + offsets[j:]
    return offsets


def _group_spans(text: str, offsets: list[int], keep, groups) -> list[tuple[int, int]]:
    """The spans that keep each number group of `groups` whole, in order, without overlaps.

    A group's edges move out to where a line may break (a break offset, a space, the edge of a run
    of Thai letters: a unit that starts a longer word, `5 คนหางาน`, takes the whole word), and
    the kept pieces of `keep` it touches (a name, a dictionary word with a space) become part of
    it; the caller drops the breaks inside it. A group that reaches into a URL, an e-mail address
    or an entity is left as it is (line_layout keeps nothing there)."""
    at_break = set(offsets)
    opaque = _opaque_spans(text) if _MAYBE_OPAQUE.search(text) else ()
    if opaque and "&" in text:  # a no-break space may be in a group (see _groups)
        opaque = [(c, d) for c, d in opaque if not _NBSP_ENTITY.fullmatch(text, c, d)]

    def edge(k: int) -> bool:
        return (k in at_break or k <= 0 or k >= len(text) or text[k - 1].isspace() or text[k].isspace()
                or not (_THAI.match(text[k - 1]) and _THAI.match(text[k])))

    merged: list[list[int]] = []
    for a, b in groups:
        while not edge(a):
            a -= 1
        while not edge(b):
            b += 1
        grown = True
        while grown:
            grown = False
            for c, d in keep:
                if c < b and a < d and (c < a or d > b):
                    a, b, grown = min(a, c), max(b, d), True
        if any(c < b and a < d for c, d in opaque):
            continue
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _kept(piece: str) -> str:
    """`piece` in its span. A long piece with spaces (a name: นางสาวณัฏฐ์ชุดา กิตติวรรณโณ) holds
    each of its words in a long span of its own too: where the whole is wider than the line (a
    photo's caption on a phone), it wraps at a space, between first name and surname, and inside a
    word only when that word alone is wider than the line."""
    if letters(piece) < LONG_LETTERS or not _THAI.search(piece):  # a telephone number is short
        return KEEP + piece + KEEP_END
    if " " not in piece:
        return KEEP_LONG + piece + KEEP_END
    words = (KEEP_LONG + word + KEEP_END if len(word) > 1 else word for word in piece.split(" "))
    return KEEP_LONG + " ".join(words) + KEEP_END


def _render(text: str, offsets, keep) -> str:
    """`text` with `<wbr>` at `offsets` and the spans of `keep` wrapped (see the docstring)."""
    if not offsets and not keep:
        return text
    out = []
    pos = 0
    b = 0  # next break offset
    n = len(offsets)
    at_break = set(offsets)
    for start, end in keep:
        start, end = _with_quotes(text, start, end, at_break)
        while b < n and offsets[b] <= start:
            out.append(text[pos : offsets[b]])
            out.append(WBR)
            pos = offsets[b]
            b += 1
        out.append(text[pos:start])
        out.append(_kept(text[start:end]))
        pos = end
    while b < n:
        out.append(text[pos : offsets[b]])
        out.append(WBR)
        pos = offsets[b]
        b += 1
    out.append(text[pos:])
    return "".join(out)


def _with_quotes(text: str, start: int, end: int, at_break) -> tuple[int, int]:
    """The kept piece text[start:end] with an opening quote or bracket right before it and a
    closing one right after it (as `_KEPT_RUN` takes them in the fast path), written as a
    character or as an entity (Jinja escapes a title's quotes as &#34;)."""
    if start and text[start - 1] in _OPENING_ENDS and start not in at_break:
        for mark in _OPENING_MARKS:
            before = start - len(mark)
            if before >= 0 and text.startswith(mark, before) and (
                    before == 0 or text[before - 1].isspace() or before in at_break):
                start = before
                break
    if end < len(text) and text[end] in _CLOSING_STARTS and end not in at_break:
        for mark in _CLOSING_MARKS:
            after = end + len(mark)
            if text.startswith(mark, end) and (after == len(text) or text[after].isspace() or after in at_break):
                end = after
                break
    return start, end


def process_html(html: str, segmenter, *, wbr: bool = True, fix: bool = True,
                 stats: dict | None = None) -> str:
    """`html` with `<wbr>` between Thai words and typing errors fixed in its text nodes.

    With `stats`, stats["words"] is increased by the number of words of the text (code included,
    script and style not), counted in the same pass: the breaks between Thai words plus the
    space-separated chunks, which needs no second look at the segmentation.
    """
    if not html or (stats is None and not _THAI.search(html)):
        return html
    out = []
    words = 0
    last = ""  # last character of the text before, when only inline tags came since
    run: list[_Node] = []  # the text nodes since the last tag that is not inline (see _join_groups)
    for kind, piece, tag, skipping in _scan(html):
        if kind == "markup":
            if tag and tag.lstrip("/") not in _INLINE:  # comments ("") are not seen
                last, run = "", []
        elif kind == "raw":
            last, run = "", []
        elif kind == "text":
            if skipping:
                last, run = "", []
                if stats is not None:
                    words += len(piece.split())
            else:
                if fix:
                    piece = fix_typos(piece)
                if wbr:
                    if stats is not None:
                        words += len(piece.split())
                    node = _Node(piece, len(out))
                    if _THAI.search(piece):
                        if _joins(last, piece[0]):
                            node.lead = WBR
                        last = piece[-1:]
                        piece, breaks = _mark_up(piece, segmenter)
                        words += breaks
                        piece = node.lead + piece
                    else:
                        last = piece[-1:]
                        piece = _numbers_kept(piece)
                    if run and _join_groups(run, node, segmenter):
                        for earlier in run:
                            if earlier.changed:
                                out[earlier.at] = earlier.render(segmenter)
                                earlier.changed = False
                        if node.changed:
                            piece = node.render(segmenter)
                            node.changed = False
                    run.append(node)
                    while sum(len(n.text) for n in run[1:]) >= _SEAM_REACH:
                        del run[0]
                elif stats is not None:
                    words += segmenter.word_count(piece)
        out.append(piece)
    if stats is not None:
        stats["words"] = stats.get("words", 0) + words
    return "".join(out)


def _joins(left: str, right: str) -> bool:
    """Whether a <wbr> goes between `left` and `right`, a word boundary inside a run of Thai."""
    return left in _LEFT_OK and right in _RIGHT_OK


# How far back from a text node a group that runs into it from the nodes before is looked for.
_SEAM_REACH = 60
_SEAM_HINT = re.compile("[0-9\u0e50-\u0e59]|ๆ|ฯลฯ")


class _Node:
    """A text node of `process_html` and, where a number group or a repetition mark runs into it
    from the nodes before or on into the next (`_join_groups`), the parts of it the group holds:
    `head`, the end of the part at its start, and `tail`, the start of the part at its end."""

    __slots__ = ("text", "at", "lead", "head", "tail", "changed")

    def __init__(self, text: str, at: int):
        self.text, self.at, self.lead = text, at, ""
        self.head, self.tail, self.changed = 0, len(text), False

    def render(self, segmenter) -> str:
        """The node marked up with its held parts in spans of their own (no <wbr> inside)."""
        text, head, tail = self.text, self.head, self.tail
        if head >= tail:
            return self.lead + _kept(text)
        out = [self.lead]
        if head:
            out.append(_kept(text[:head]))
            if _joins(text[head - 1], text[head]):
                out.append(WBR)
        out.append(_with_breaks(text[head:tail], segmenter))
        if tail < len(text):
            if _joins(text[tail - 1], text[tail]):
                out.append(WBR)
            out.append(_kept(text[tail:]))
        return "".join(out)


def _join_groups(run: list, node: _Node, segmenter) -> bool:
    """Mark the parts of the nodes of `run` (the text nodes before `node` since the last tag that
    is not inline) and of `node` that a number group or a repetition mark (`_groups`) holds when
    it runs from them into `node`: `<strong>85,000</strong> บาท`, `ทั้งสิ้น <b>418,800 บาท</b>`,
    `<em>จริง</em> ๆ`. Each node is marked up on its own, so a space or a break point between the
    group's parts was free; each part goes into a span of its own instead (a browser breaks at a
    space by the space's own `white-space`), moved out to where a line may break. True when a
    node changed."""
    before = "".join(n.text for n in run)[-_SEAM_REACH:]  # (a group is shorter than this)
    head = node.text[:_SEAM_REACH]
    if not node.text or not _SEAM_HINT.search(before + head):
        return False
    n = len(before)
    found = False
    for a, b in _groups(before + head):
        if not a < n < b:
            continue
        found = True
        node.head = max(node.head, _widened(node.text, b - n, 1, segmenter))
        node.lead, node.changed = "", True
        start = n
        for earlier in reversed(run):
            start -= len(earlier.text)
            if start + len(earlier.text) <= a:
                break
            cut = 0 if a <= start else _widened(earlier.text, a - start, -1, segmenter)
            if a < start:
                earlier.lead = ""
            if cut < earlier.tail:
                earlier.tail = cut
            earlier.changed = True
    return found


def _widened(text: str, k: int, step: int, segmenter) -> int:
    """`k` moved by `step` until a line may break there: the edge of `text`, a space, the edge
    of a run of Thai letters or a break point of the segmenter; never inside an entity (`&lt;`
    before a ๆ: the group's edge fell before its `;`, and the page read `&lt` and `;`)."""
    breaks = None
    while 0 < k < len(text) and _THAI.match(text[k - 1]) and _THAI.match(text[k]):
        if breaks is None:
            breaks = set(segmenter.break_offsets(text))
        if k in breaks:
            break
        k += step
    amp = text.rfind("&", max(0, k - 10), k)
    if amp >= 0 and (entity := _ENTITY.match(text, amp)) and k < entity.end():
        k = amp if step < 0 else entity.end()
    return k


def wbr_text(text, segmenter) -> Markup:
    """The `thai_wbr` filter: `text` escaped (unless already Markup) with `<wbr>` between words."""
    if text is None:
        return Markup("")
    if isinstance(text, Markup):
        return Markup(process_html(str(text), segmenter, fix=False))
    return Markup(_with_breaks(str(escape(text)), segmenter))


def strip_wbr(html: str) -> str:
    """`html` without the `<wbr>` and the spans this module inserts (a long piece's spans are two
    deep: the inner ones go first; its first word may have none, `ๆ  ฯลฯ ฯลฯ`)."""
    nested = KEEP_LONG in html
    html = _INSERTED.sub(_inside, html)
    return _INSERTED.sub(_inside, html) if nested else html


def _inside(match) -> str:
    # (A function, not the template r"\1": Python 3.11 expands a template in Python code at every
    # match, and a summary holds hundreds of them.)
    return match.group(1) or ""


def count_words(html: str, segmenter) -> int:
    """Words in the text of `html` (Thai words as segmented, other words as written)."""
    total = 0
    for kind, piece, _tag, _skipping in _scan(strip_wbr(html)):
        if kind == "text":
            total += len(segmenter.word_spans(piece))
    return total
