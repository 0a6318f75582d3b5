"""Language of parts (WCAG 2.1, success criterion 3.1.2): text in another language than the page's
carries `lang`, so that a screen reader reads it with a voice that knows the language (a Thai
voice reads Myanmar script as nothing at all, an English one skips Thai) and a browser picks its
fonts for it.

The center's notices to migrant workers carry the same text in Myanmar, Khmer and Lao, and some
releases add English. The language is told by the script of the letters: each of these scripts is
one language on this site, and Latin letters are English, the only Latin-script language it
publishes.

- A block (paragraph, heading, list item, table cell, caption: any element that is not inside a
  line) whose own letters are at least two thirds in one script other than its parent's language
  gets that language as `lang` on its start tag.
- Inside it, a run of Thai, Myanmar, Khmer or Lao letters in another script than the block's
  language (with the spaces, digits and punctuation between its words) goes into
  `<span lang="...">`. A run of Latin letters in a Thai block does not: names, terms and
  abbreviations such as ITA or Facebook are part of Thai text (WCAG's exception for them), and a
  Thai voice reads them.
- An element that has `lang` already (raw HTML in a release) keeps it; its text is judged against
  it. Letters of web and e-mail addresses and of entities are not counted; text in pre, code,
  script and the like is left alone.

`mark_languages(html, "th")` gives `html` back byte for byte apart from the added attributes and
spans, so its text content is unchanged; marking marked HTML again changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from .markup import _INLINE, _VOID, _scan
from .typos import GLYPH_VARIANTS

# Script -> the language its letters are written in on this site (BCP 47): letters, vowels and
# marks of each, not its digits, punctuation or symbols. thai_search's terms.py (UNSPACED) and
# theme/static/js/search-match.js (RUN_SCRIPTS) use the same Lao, Myanmar and Khmer classes.
SCRIPTS = {
    # Thai, with ฯ and ๆ, and the glyph variants of Thai marks text copied from a PDF may hold
    # (typos.py fixes them after marking: they are Thai until then)
    "th": "\u0e01-\u0e4e" + "".join(GLYPH_VARIANTS.values()),
    "lo": "\u0e81-\u0ece\u0edc-\u0edf",
    "my": "\u1000-\u103f\u1050-\u108f\u109a-\u109d\ua9e0-\ua9ef\ua9fa-\ua9fe\uaa60-\uaa7f",
    "km": "\u1780-\u17d3\u17d7\u17dc\u17dd",
    "en": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f",  # Latin letters
}
# The scripts written without spaces between words besides Thai (thai_search indexes their words
# as it does Thai's).
UNSPACED = SCRIPTS["lo"] + SCRIPTS["my"] + SCRIPTS["km"]
# Languages whose runs get a span where the block is in another language (Latin does not, above).
SPANNED = ("th", "lo", "my", "km")
# A block switches language when at least this share of its own letters is in the other script.
SHARE = 2 / 3

_LETTER = re.compile("|".join(f"(?P<{lang}>[{chars}]+)" for lang, chars in SCRIPTS.items()))
# Letters of every script but the key's: a block with none of them stays in the key's language,
# and a text node with none of the SPANNED ones needs no span (the quick answer for most text).
_OTHER_LETTERS = {
    lang: re.compile("[" + "".join(chars for other, chars in SCRIPTS.items() if other != lang) + "]")
    for lang in SCRIPTS
}
_ANY_LETTER = re.compile("[" + "".join(SCRIPTS.values()) + "]")
# Between two words of one run: spaces, digits (of any script) and punctuation (Myanmar's and
# Khmer's sentence ends too); not quotes or brackets (a span never holds one side of a pair), nor `&` or `<`.
# The same characters as JOIN in theme/static/js/search-match.js (no \s or \d: they differ there).
_BETWEEN = r"[0-9 \t\n\r\f\u00a0\u200b-\u200d\u2060\u0e50-\u0e59\u0ed0-\u0ed9\u1040-\u1049\u17e0-\u17e9\u104a\u104b\u17d4\u17d5.,:!?\-\u2013\u2014/]*"
# For a text node in the key's language: the runs of the other spanned scripts, each named by
# its language.
_OTHER_RUNS = {
    lang: re.compile("|".join(
        f"(?P<{other}>[{SCRIPTS[other]}]+(?:{_BETWEEN}[{SCRIPTS[other]}]+)*)"
        for other in SPANNED if other != lang
    ))
    for lang in SCRIPTS
}
_OTHER_SPANNED = {
    lang: re.compile("[" + "".join(SCRIPTS[other] for other in SPANNED if other != lang) + "]")
    for lang in SCRIPTS
}
# What is not language: entities, web and e-mail addresses.
_NOT_WORDS = re.compile(r"&#?[A-Za-z0-9]+;|\b(?:https?://|www\.)\S+|\S+@\S+\.\S+", re.I)
_LANG_ATTR = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
# HTML's implied end tags: a start tag of the key closes the open elements named (innermost
# first), as `<td>a<td>b` or `<li>a<li>b` in a writer's raw HTML.
_CELLS = {"td", "th"}
_CLOSES = {
    "li": {"li", "p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"},
    "td": _CELLS, "th": _CELLS, "tr": {"tr"} | _CELLS,
    **{name: {"p", "tr", "tbody", "thead", "tfoot"} | _CELLS for name in ("tbody", "thead", "tfoot")},
    **{name: {"p"} for name in (
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "main", "nav", "ol", "p", "pre", "section", "table", "ul")},
}


def _close_implied(stack: list, tag: str) -> None:
    closes = _CLOSES.get(tag, ())
    while stack and stack[-1][0] in closes:
        stack.pop()


def letter_counts(text: str) -> Counter:
    """How many letters of `text` are in each script of SCRIPTS, keyed by language (addresses
    and entities left out)."""
    if "&" in text or "@" in text or "/" in text or "www." in text:
        text = _NOT_WORDS.sub(" ", text)
    counts: Counter = Counter()
    for match in _LETTER.finditer(text):
        counts[match.lastgroup] += match.end() - match.start()
    return counts


def _majority(counts: Counter, around: str) -> str:
    total = sum(counts.values())
    if not total:
        return around
    lang, letters = counts.most_common(1)[0]
    return lang if letters >= SHARE * total else around


def language_of(counts: Counter, around: str) -> str:
    """The language of a block with these letter counts inside one in language `around`: the
    script of at least two thirds of its letters, else `around`. A block that stays in `around`
    has its runs of other scripts put in spans, and what is left is its `around` letters and its
    Latin ones: if those are then English by the same share (an English sentence quoting a
    longer Burmese one), the block is English. So marked HTML, judged again, is judged the same."""
    lang = _majority(counts, around)
    if lang != around or around == "en":
        return lang
    return _majority(Counter({around: counts[around], "en": counts["en"]}), around)


def _block_language(texts, around: str) -> str:
    """`language_of` a block whose own text nodes are `texts`; a block with no letter of another
    script than `around`'s (most of them) is not counted."""
    others = _OTHER_LETTERS.get(around, _ANY_LETTER)
    if not any(others.search(text) for text in texts):
        return around
    counts: Counter = Counter()
    for text in texts:
        counts.update(letter_counts(text))
    return language_of(counts, around)


def _given_lang(tag_markup: str) -> str | None:
    match = _LANG_ATTR.search(tag_markup)
    if match is None:
        return None
    return next(group for group in match.groups() if group is not None).strip()


def _with_lang(tag_markup: str, lang: str) -> str:
    """The start tag `<p ...>` with ` lang="lang"` added after its name."""
    name_end = re.match(r"<[A-Za-z][^\s/>]*", tag_markup).end()
    return f'{tag_markup[:name_end]} lang="{lang}"{tag_markup[name_end:]}'


def _spanned(text: str, lang: str) -> str:
    """`text` (a text node inside language `lang`) with each run of another spanned script in a
    span of its language."""
    others = _OTHER_SPANNED.get(lang, _OTHER_SPANNED["en"])
    if not others.search(text):
        return text
    runs = _OTHER_RUNS.get(lang, _OTHER_RUNS["en"])
    return runs.sub(lambda m: f'<span lang="{m.lastgroup}">{m.group(0)}</span>', text)


def mark_phrase(html: str, page_lang: str) -> str:
    """A title, caption or tag (text inside a line, no blocks) as `mark_languages` marks a block:
    in another language by the same rule, it is wrapped in a span of that language (an English
    title on a Thai page); runs of other scripts in it get their spans. Unchanged when it has no
    letter of a script other than the page's."""
    page_lang = _base(page_lang or "th")
    if not _OTHER_LETTERS.get(page_lang, _ANY_LETTER).search(html):
        return html
    marked = mark_languages(f"<div>{html}</div>", page_lang)
    opening = marked[: marked.index(">") + 1]
    inner = marked[len(opening): -len("</div>")]
    lang = _given_lang(opening)
    return f'<span lang="{lang}">{inner}</span>' if lang else inner


def _base(lang: str) -> str:
    """"th" of "th-TH", "en" of "en-GB": the part that names the language."""
    return lang.split("-", 1)[0].lower()


def _owners(tokens) -> tuple[dict, dict]:
    """The element each piece of text belongs to: the nearest element around it that is not
    inside a line, or that has its own lang. Returns ({start tag's token index: the index of the
    owner around it, or None}, {text token's index: its owner's index, or None})."""
    parents: dict[int, int | None] = {}
    owner_of: dict[int, int | None] = {}
    stack: list[tuple[str, int | None]] = []  # (name, the owner inside it)
    for index, (kind, text, tag, _skipping) in enumerate(tokens):
        if kind == "text":
            owner_of[index] = stack[-1][1] if stack else None
            continue
        if kind != "markup" or not tag:
            continue
        if tag.startswith("/"):
            name = tag[1:]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
            continue
        if tag in _VOID or text.rstrip(">").rstrip().endswith("/"):
            continue
        _close_implied(stack, tag)
        around = stack[-1][1] if stack else None
        if tag not in _INLINE or _given_lang(text) is not None:
            parents[index] = around
            stack.append((tag, index))
        else:
            stack.append((tag, around))
    return parents, owner_of


def mark_languages(html: str, page_lang: str) -> str:
    """`html` (a page's content) with `lang` on each block in another language than the one
    around it and a span on each run of another script inside a block (see the module's
    docstring). `page_lang`: the page's own language (its `<html lang>`)."""
    if not html:
        return html
    page_lang = _base(page_lang or "th")
    tokens = list(_scan(html))
    parents, owner_of = _owners(tokens)
    texts: dict[int, list[str]] = {}  # each owner's own text
    for index, owner in owner_of.items():
        if owner is not None and not tokens[index][3]:
            texts.setdefault(owner, []).append(tokens[index][1])
    langs: dict[int | None, str] = {None: page_lang}
    out: list[str] = []
    for index, (kind, text, _tag, skipping) in enumerate(tokens):
        if kind == "text":
            out.append(text if skipping else _spanned(text, langs[owner_of[index]]))
            continue
        if index in parents:
            around = langs[parents[index]]
            given = _given_lang(text)
            if given is not None:
                langs[index] = _base(given) or around
            elif skipping:
                langs[index] = around
            else:
                langs[index] = _block_language(texts.get(index, ()), around)
                if langs[index] != around:
                    text = _with_lang(text, langs[index])
        out.append(text)
    return "".join(out)
