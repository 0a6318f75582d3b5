"""Readable ASCII slugs for Thai titles, file names, tags and categories.

Thai words are found as a segmenter without the site dictionary finds them
(`Segmenter.plain_words`: writers add words to the dictionary every week, and a word added must
never change a published address) and romanised with pythainlp's Royal Institute system (RTGS,
engine "royin"), one hyphen between words: ดวงตาแรงงาน -> duangta-raengngan, ข่าวกิจกรรม ->
khao-kitchakam, ป.ป.ช. -> ppch. Slugs are lowercase [a-z0-9-], at most 60 characters, cut between
words. Romanisations are remembered (pythainlp's first call costs about a second), in
memory and, during a build, in the cache folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from pathlib import Path

from .abbreviations import ABBREVIATION
from .patterns import THAI_DIGITS
from .romanization import WORDS, official, respell

logger = logging.getLogger(__name__)

DEFAULT_MAX_LENGTH = 60

# Words pythainlp's royin rules get wrong that press releases of the center use often (and the
# provinces): romanization.py.
ROMANIZATION_FIXES = dict(WORDS)

_THAI_RUN = re.compile("[\u0e01-\u0e4e.]*[\u0e01-\u0e4e]+[\u0e01-\u0e4e.]*")
_NOT_SLUG = re.compile("[^a-z0-9]+")
_SLUG = re.compile("[a-z0-9]+(?:-[a-z0-9]+)*")


def is_slug(text: str, max_length: int = DEFAULT_MAX_LENGTH) -> bool:
    """True when `text` is already a valid slug (lowercase ASCII words joined by hyphens)."""
    return bool(_SLUG.fullmatch(text)) and len(text) <= max_length


class SlugMaker:
    """Turns text into slugs; remembers romanisations (optionally in `cache_file`)."""

    def __init__(self, segmenter=None, *, max_length: int = DEFAULT_MAX_LENGTH,
                 fixes: dict | None = None, cache_file: str | os.PathLike | None = None):
        self._segmenter = segmenter
        self.max_length = max_length
        self.fixes = dict(ROMANIZATION_FIXES)
        self.fixes.update(fixes or {})
        self.cache_file = Path(cache_file) if cache_file else None
        self._romanized: dict[str, str] = {}
        self._dirty = False
        if self.cache_file and self.cache_file.exists():
            try:
                self._romanized = json.loads(self.cache_file.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                self._romanized = {}

    @property
    def segmenter(self):
        if self._segmenter is None:
            from .segment import default_segmenter

            self._segmenter = default_segmenter()
        return self._segmenter

    def romanize_word(self, word: str) -> str:
        """RTGS romanisation of one Thai word, lowercase ASCII (dots dropped: ป.ป.ช. -> ppch)."""
        if word in self.fixes:
            return self.fixes[word]
        name = official(word)
        if name is not None:
            return name
        found = self._romanized.get(word)
        if found is None:
            found = _NOT_SLUG.sub("", _ascii(_royin(word)).lower())
            self._romanized[word] = found
            self._dirty = True
        return found

    def make_slug(self, text: str) -> str:
        """A slug for `text`: RTGS for Thai words, other words lowercased, hyphens between words."""
        from .typos import fix_typos

        text = unicodedata.normalize("NFC", fix_typos(str(text))).translate(THAI_DIGITS)
        parts: list[str] = []
        pos = 0
        for m in _THAI_RUN.finditer(text):
            parts.extend(_latin_words(text[pos : m.start()]))
            for word in self._words(m.group(0)):
                if re.search("[\u0e01-\u0e4e]", word):
                    roman = self.romanize_word(word)
                    if roman:
                        parts.append(roman)
                else:
                    parts.extend(_latin_words(word))
            pos = m.end()
        parts.extend(_latin_words(text[pos:]))
        return _join_limited(parts, self.max_length)

    def _words(self, thai: str) -> list[str]:
        # The words a segmenter without the site dictionary finds (Segmenter.plain_words): a
        # word added to the dictionary, as writers do every week, never changes an address.
        # Dotted abbreviations stay whole: ป.ป.ช. -> ppch, ศปท. -> sapath.
        words: list[str] = []
        pos = 0
        for m in ABBREVIATION.finditer(thai):
            words += self.segmenter.plain_words(thai[pos : m.start()])
            words.append(m.group(0))
            pos = m.end()
        words += self.segmenter.plain_words(thai[pos:])
        return words

    def save(self) -> None:
        """Write remembered romanisations to the cache file (if one was given)."""
        if self.cache_file and self._dirty:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self._romanized, ensure_ascii=False, sort_keys=True),
                           encoding="utf-8")
            os.replace(tmp, self.cache_file)
            self._dirty = False


def _royin(word: str) -> str:
    """pythainlp's RTGS ("royin") romanisation of one word, syllable by syllable.

    pythainlp's public `romanize()` re-segments its input with newmm, whose dictionary trie takes
    about a second to build, and its rules misread a vowel carrier or final cluster inside a long
    word (อบรม -> brom, สากล -> sakn). Our words are already segmented; splitting them into
    syllables (pythainlp's syllable list, loaded into nlpo3) and applying the royin rules to each
    gives อบรม -> oprom, สากล -> sakon. pythainlp is pinned in requirements.txt.
    """
    try:
        from pythainlp.transliterate.royin import _romanize
    except ImportError:  # a newer pythainlp without the private helper
        from pythainlp.transliterate import romanize

        return romanize(word, engine="royin")
    whole = _romanize(word)
    if "." in word:  # abbreviations: letter by letter, as royin does (ป.ป.ช. -> p.p.ch.)
        return whole
    joined = "".join(_romanize(respell(syllable)) for syllable in _syllables(word))
    return joined if joined.isascii() or not whole.isascii() else whole


def _syllables(word: str) -> list[str]:
    from .segment import syllables

    return syllables(word)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _latin_words(text: str) -> list[str]:
    return [w for w in _NOT_SLUG.split(_ascii(text).lower()) if w]


def _join_limited(parts: list[str], max_length: int) -> str:
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_length:
            if not slug:  # one very long word: cut it
                slug = part[:max_length]
            break
        slug = candidate
    return slug


def short_hash(text: str, length: int = 4) -> str:
    """A few hex digits that depend only on `text` (for a deterministic collision suffix)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def with_suffix(slug: str, key: str, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """`slug` with a suffix derived from `key`, still within `max_length` characters."""
    suffix = "-" + short_hash(key)
    base = slug[: max_length - len(suffix)].rstrip("-")
    return (base + suffix) if base else suffix[1:]


def unique_slugs(names, make, max_length: int = DEFAULT_MAX_LENGTH) -> dict[str, str]:
    """A distinct slug for each distinct name: {name: slug}.

    Names whose slugs collide are sorted (code-point order); the first keeps the plain slug, each
    other one gets `-` and 4 hex digits of a hash of its own name, so the result does not depend
    on the order names were met in.
    """
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(make(name) or short_hash(name), []).append(name)
    result = {}
    for slug, group in by_slug.items():
        result[group[0]] = slug
        for name in group[1:]:
            result[name] = with_suffix(slug, name, max_length)
    return result


_DEFAULT: SlugMaker | None = None


def make_slug(text: str, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """A readable ASCII slug for `text` with pythainlp's words only (no site dictionary, no
    THAI_TEXT_ROMANIZATION): the slug a site gives is `slug_for(settings, text)`. The result is at
    most `max_length` characters, lowercase [a-z0-9] words joined by hyphens, or "" for text with
    no letter or digit.
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SlugMaker()
    if max_length == _DEFAULT.max_length:
        return _DEFAULT.make_slug(text)
    return SlugMaker(_DEFAULT.segmenter, max_length=max_length).make_slug(text)


# -- the slugs of a site, from its settings (the content check, the build and the editor agree) --


def source_slug(explicit: str, path: str, make, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """The slug of a content file: its `Slug:` (romanised by `make` when it is not a slug
    already), else its file name, never its title; "" when neither gives a letter or digit."""
    explicit = (explicit or "").strip()
    if explicit:
        return explicit if is_slug(explicit, max_length) else make(explicit)
    if path:
        return make(os.path.splitext(os.path.basename(path))[0])
    return ""


_MAKERS: dict = {}


def romanized_file(settings: dict) -> Path | None:
    """Where a build keeps the romanisations it made (CACHE_PATH/thai_text/romanized.json), or
    None without THAI_TEXT_CACHE."""
    if not settings.get("THAI_TEXT_CACHE", True):
        return None
    return Path(settings.get("CACHE_PATH") or "cache") / "thai_text" / "romanized.json"


def _maker(settings: dict) -> SlugMaker:
    """The slug maker of the content check; it starts from what the last build romanised (a new
    process would otherwise import pythainlp and romanise every category and tag again)."""
    from .segment import site_segmenter

    segmenter = site_segmenter(settings)
    cache_file = romanized_file(settings)
    key = (id(segmenter), settings["THAI_TEXT_SLUG_MAX_LENGTH"],
           tuple(sorted(settings["THAI_TEXT_ROMANIZATION"].items())), cache_file)
    if key not in _MAKERS:
        if len(_MAKERS) > 8:
            _MAKERS.clear()
        _MAKERS[key] = SlugMaker(segmenter, max_length=key[1], fixes=settings["THAI_TEXT_ROMANIZATION"],
                                 cache_file=cache_file)
    return _MAKERS[key]


def slug_for(settings: dict, text: str) -> str:
    """The slug the build gives `text` (a file name, a `Slug:`, a tag, a category) on the site of
    `settings` (THAI_TEXT_* applied): THAI_TEXT_ROMANIZATION and THAI_TEXT_SLUG_MAX_LENGTH are
    honoured; the site dictionary is not (a word added to it never changes an address)."""
    return _maker(settings).make_slug(str(text))


def content_slug(settings: dict, explicit: str, name: str) -> str:
    """The slug of the content file `name` (relative to the project: content/news/x.md) whose
    `Slug:` is `explicit` (may be empty), as the build gives it (before any suffix for a clash,
    which the content check refuses)."""
    max_length = settings["THAI_TEXT_SLUG_MAX_LENGTH"]
    slug = source_slug(explicit, name, lambda text: slug_for(settings, text), max_length)
    return slug or with_suffix("", name, max_length)


def taxonomy_slugs(settings: dict, names) -> dict[str, str]:
    """{category or tag name: slug} for all of `names` at once, as the build gives them."""
    return unique_slugs(names, lambda text: slug_for(settings, text), settings["THAI_TEXT_SLUG_MAX_LENGTH"])
