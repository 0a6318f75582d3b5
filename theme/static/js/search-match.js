// Exact Thai matching for search results: pure functions, no DOM, no network.
//
// Pagefind 1.5.2 folds Thai vowels and tone marks out of queries, so a search for ขาว (white) also
// returns pages that only say ข่าว (news). Every candidate Pagefind returns is checked here against
// the text of the page with its marks intact: a Thai term matches only where the same characters
// occur and the next character is not another vowel or tone mark (ไก matches ไกล, never ไก่).
// Spaces, zero-width spaces (Pagefind puts them between Thai words), soft hyphens and dots are
// ignored, so ดวงตาแรงงาน matches ดวงตา​แรงงาน and ปปท matches ป.ป.ท. Lao, Myanmar and Khmer (notices
// to migrant workers) are matched the same way: their vowels and marks are letters too.

// Thai combining characters: mai han-akat, the upper and lower vowels, phinthu, the tone marks,
// thanthakhat, nikhahit, yamakkan.
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const THAI = /[\u0E01-\u0E5B]/;
const TONE = /[\u0E48-\u0E4B]/;
const UPPER_VOWEL = /[\u0E31\u0E34-\u0E37\u0E47]/;
const IGNORED = /[\s\u00AD\u200B-\u200D\u2060\u2062-\u2064\uFEFF.]/;
const DIGIT = /[0-9\u0E50-\u0E59]/;
const THAI_DIGIT = /[\u0E50-\u0E59]/;
const MARK = /\p{M}/u;
// Lao, Myanmar and Khmer letters and marks, as plugins/thai_text/languages.py (SCRIPTS) has
// them: their vowels and marks are part of the word, as Thai's are, and are compared exactly.
const RUN_SCRIPTS = [
  ["lo", "\\u0E81-\\u0ECE\\u0EDC-\\u0EDF"],
  ["my", "\\u1000-\\u103F\\u1050-\\u108F\\u109A-\\u109D\\uA9E0-\\uA9EF\\uA9FA-\\uA9FE\\uAA60-\\uAA7F"],
  ["km", "\\u1780-\\u17D3\\u17D7\\u17DC\\u17DD"],
];
const UNSPACED = new RegExp(`[${RUN_SCRIPTS.map(([, chars]) => chars).join("")}]`);
// Words copied from a PDF: the glyph variants of Thai marks Windows' and macOS' fonts keep at
// private-use code points, by the letter each draws (plugins/thai_text/typos.py GLYPH_VARIANTS,
// which the site's text is fixed with; tests/thai_search/test_match.py compares the two), and
// marks after a space.
export const GLYPH_VARIANTS = {
  "\u0E0D": "\uF70F\uF89A",
  "\u0E10": "\uF700\uF89E",
  "\u0E31": "\uF710\uF884",
  "\u0E34": "\uF701\uF885",
  "\u0E35": "\uF702\uF886",
  "\u0E36": "\uF703\uF887",
  "\u0E37": "\uF704\uF888",
  "\u0E38": "\uF718\uF89B",
  "\u0E39": "\uF719\uF89C",
  "\u0E3A": "\uF71A\uF89D",
  "\u0E47": "\uF712\uF889",
  "\u0E48": "\uF70A\uF705\uF713\uF88B\uF88C\uF88A",
  "\u0E49": "\uF70B\uF706\uF714\uF88E\uF88F\uF88D",
  "\u0E4A": "\uF70C\uF707\uF715\uF891\uF892\uF890",
  "\u0E4B": "\uF70D\uF708\uF716\uF894\uF895\uF893",
  "\u0E4C": "\uF70E\uF709\uF717\uF897\uF898\uF896",
  "\u0E4D": "\uF711\uF899",
};
const GLYPH_LETTER = new Map(
  Object.entries(GLYPH_VARIANTS).flatMap(([letter, variants]) => [...variants].map((v) => [v, letter])),
);
const LOOSE_MARK = /([\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E])[ \u00A0]+(?=[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])/g;

// A telephone number typed in other groups than the page's (02 232 1428 for 0 2232 1428): a run of
// groups of digits that starts with 0 and holds 9 or 10 digits, as a Thai number does (thai_text's
// phones.py), is one number, asked for as its digits alone (terms.phone_forms indexes them so).
const PHONE_GROUPS = /(?<![0-9\u0E50-\u0E59])[0\u0E50][0-9\u0E50-\u0E59]*(?:[ \u00A0]+[0-9\u0E50-\u0E59]+)+(?![0-9\u0E50-\u0E59])/g;

function joinedPhones(text) {
  return text.replace(PHONE_GROUPS, (run) => {
    const digits = run.replace(/[ \u00A0]+/g, "");
    return digits.length === 9 || digits.length === 10 ? digits : run;
  });
}

/**
 * What the visitor typed or pasted, in NFC, with a PDF's glyph variants and loose marks mended and
 * the groups of a telephone number joined (PHONE_GROUPS).
 */
function mended(raw) {
  const text = [...String(raw ?? "").normalize("NFC")].map((ch) => GLYPH_LETTER.get(ch) ?? ch).join("");
  return joinedPhones(text.replace(LOOSE_MARK, "$1"));
}

/**
 * Is the comma at `src[i]` a thousands separator (a digit before it, exactly three after)? Such
 * commas are left out, so 4,500 and 4500 are one number (`number_form` in thai_search/terms.py).
 */
function groupingComma(src, i) {
  return src[i] === "," && i > 0 && DIGIT.test(src[i - 1]) && DIGIT.test(src[i + 1] ?? "") &&
    DIGIT.test(src[i + 2] ?? "") && DIGIT.test(src[i + 3] ?? "") && !DIGIT.test(src[i + 4] ?? "");
}

// A hyphen between two digits (0-4324-6106, 05-02-2569) is left out as a space is: a telephone
// number is one number however its groups are joined (terms.phone_forms indexes its digits). So
// is one between Latin letters or digits (e-GP, Post-test): a reader types egp and posttest
// (terms.compound_forms indexes them so).
const JOINED = /[0-9A-Za-z\u0E50-\u0E59]/;
function joiningHyphen(src, i) {
  return (src[i] === "-" || src[i] === "\u2010" || src[i] === "\u2011") && i > 0
    && JOINED.test(src[i - 1]) && JOINED.test(src[i + 1] ?? "");
}

/**
 * Normalise text for matching and remember where each character came from.
 * Returns {text, from}: from[i] is the index in `raw` of text[i].
 * Fixes what Thai typists commonly do: two sara e for sara ae, nikhahit + sara aa for sara am,
 * a doubled tone mark, a tone mark typed before the upper vowel. Numbers are compared as Arabic
 * digits without thousands separators: ๔,๕๐๐, 4,500 and 4500 are one number (a page may write
 * either, and a phone's keyboard gives Arabic digits); spaces, and hyphens between digits or Latin
 * letters, are left out: 0 2232 1262, 0-2232-1262 and 022321262 are one telephone number, e-GP
 * and egp one term.
 */
export function normalize(raw) {
  const out = [];
  const from = [];
  // glyph variants are one UTF-16 unit each, as their letters: positions in `raw` hold
  const src = [...String(raw ?? "").normalize("NFC")].map((ch) => GLYPH_LETTER.get(ch) ?? ch).join("");
  for (let i = 0; i < src.length; i++) {
    let ch = src[i];
    if (IGNORED.test(ch) || groupingComma(src, i) || joiningHyphen(src, i)) continue;
    if (THAI_DIGIT.test(ch)) ch = String.fromCharCode(ch.charCodeAt(0) - 0x0e50 + 0x30);
    const next = src[i + 1];
    if (ch === "\u0E40" && next === "\u0E40") {
      ch = "\u0E41";
      i++;
    } else if (ch === "\u0E4D" && next === "\u0E32") {
      ch = "\u0E33";
      i++;
    } else if (TONE.test(ch) && out.length && out[out.length - 1] === ch) {
      continue;
    } else if (TONE.test(ch) && next && UPPER_VOWEL.test(next)) {
      out.push(next);
      from.push(i + 1);
      out.push(ch);
      from.push(i);
      i++;
      continue;
    }
    if (!THAI.test(ch) && !UNSPACED.test(ch)) {
      // Other scripts: case and accents do not matter (Pagefind folds them as well).
      if (MARK.test(ch)) continue;
      const base = ch.normalize("NFD")[0].toLowerCase();
      ch = base.length === 1 ? base : ch;
    }
    out.push(ch);
    from.push(i);
  }
  return { text: out.join(""), from };
}

/** Does the string contain Thai letters (and so need an exact check)? */
export function isThai(term) {
  return THAI.test(term);
}

// ไม้ยมก (ๆ) repeats the word before it, and is written after a space (ต่าง ๆ, as the Royal
// Institute writes it and the center's releases do) or straight after the word (ต่างๆ, as most
// people type): one word either way. A term holds the word with its mark (normalize() leaves
// the space out, so a page may write either); Pagefind is asked for the word alone, since its
// index holds ต่างๆ as one word where a page glued them and ต่าง and ๆ as two where it did not,
// and only the word starts both (thai_text's repeat_marks.py: the same mark on the page).
// The longest piece left between two words of the site that planQuery does not ask for.
const LEFTOVER_LETTERS = 3;
const SPACE_BEFORE_REPEAT = /\s+(?=\u0E46)/g;
const REPEATED = /([^\u0E46])\u0E46+/g;

/**
 * Split what the visitor typed into terms. Returns {terms, text}: `terms` are normalised, with
 * duplicates removed (a word and its ๆ are one term); `text` is the query as typed, spaces
 * collapsed, for planQuery and for the page to show.
 */
export function parseQuery(raw) {
  const text = mended(raw).replace(/\s+/g, " ").trim();
  const seen = new Set();
  const terms = [];
  for (const word of text.replace(SPACE_BEFORE_REPEAT, "").split(" ")) {
    // A hashtag copied from the center's posts (#ดวงตาแรงงาน) asks for its word.
    const term = normalize(word.replace(/^#+/, "")).text;
    if (term && !seen.has(term)) {
      seen.add(term);
      terms.push(term);
    }
  }
  return { terms, text };
}

/**
 * Where `term` (normalised) occurs in `norm` (from normalize), as [start, end) ranges of the
 * original text. A Thai occurrence followed by a vowel or tone mark is not a match, nor a Lao,
 * Myanmar or Khmer one followed by a mark of its script.
 */
export function findTerm(norm, term) {
  const ranges = [];
  if (!term) return ranges;
  let at = norm.text.indexOf(term);
  while (at !== -1) {
    const after = norm.text[at + term.length];
    const cutsLetter = after && (isThai(term) ? THAI_MARK.test(after)
      : UNSPACED.test(term) && UNSPACED.test(after) && MARK.test(after));
    if (!cutsLetter) {
      const origin = norm.from.slice(at, at + term.length);
      ranges.push([Math.min(...origin), Math.max(...origin) + 1]);
    }
    at = norm.text.indexOf(term, at + 1);
  }
  return ranges;
}

// The thanthakhat over a last i or u (สิทธิ์, พันธุ์) is written by some and not by others
// (สิทธิ, the Royal Institute's spelling, beside the commoner สิทธิ์): one word either way, as a
// reader who types ผู้มีสิทธิ์สอบ for a page that writes ผู้มีสิทธิสอบ means (we know of no two
// words that differ by it alone).
const SILENT_MARK = /[\u0E34\u0E38]\u0E4C/;

/** `norm` (from normalize) without the thanthakhat after ิ or ุ, its `from` kept in step. */
function withoutSilentMark(norm) {
  if (!SILENT_MARK.test(norm.text)) return norm;
  const text = [];
  const from = [];
  for (let i = 0; i < norm.text.length; i++) {
    if (norm.text[i] === "\u0E4C" && i > 0 && (norm.text[i - 1] === "\u0E34" || norm.text[i - 1] === "\u0E38")) continue;
    text.push(norm.text[i]);
    from.push(norm.from[i]);
  }
  return { text: text.join(""), from };
}

/**
 * Check a Pagefind result against the query. `page` is what result.data() returns
 * ({content, meta: {title}}). Every term must occur in the title or the text: Thai terms with
 * their vowels and tone marks exactly (but a thanthakhat after ิ or ุ: SILENT_MARK), other terms
 * ignoring case and accents (the site is indexed as Thai, so Pagefind does no stemming that this
 * would undo).
 * Returns {ok, title: ranges in the title, content: ranges in the content}.
 */
export function verify(page, terms) {
  const title = page?.meta?.title ?? "";
  const content = page?.content ?? "";
  const normTitle = withoutSilentMark(normalize(title));
  const normContent = withoutSilentMark(normalize(content));
  const found = { ok: true, title: [], content: [] };
  for (const term of terms.map((t) => withoutSilentMark({ text: t, from: [] }).text)) {
    const inTitle = findTerm(normTitle, term);
    const inContent = findTerm(normContent, term);
    if (!inTitle.length && !inContent.length) {
      found.ok = false;
    }
    found.title.push(...inTitle);
    found.content.push(...inContent);
  }
  found.title = merge(found.title);
  found.content = merge(found.content);
  return found;
}

// Runs of Lao, Myanmar and Khmer in a result's text (a notice to migrant workers), with the
// spaces, digits and punctuation between their words: the result list puts each in a span with
// its language, as the page itself does (plugins/thai_text/languages.py), so that a screen
// reader does not read it with the page's Thai voice.
const JOIN = "[0-9 \\t\\n\\r\\f\\u00A0\\u200B-\\u200D\\u2060\\u0E50-\\u0E59\\u0ED0-\\u0ED9\\u1040-\\u1049\\u17E0-\\u17E9\\u104A\\u104B\\u17D4\\u17D5.,:!?\\-\\u2013\\u2014/]*";
const RUNS = new RegExp(RUN_SCRIPTS.map(([, chars]) => `([${chars}]+(?:${JOIN}[${chars}]+)*)`).join("|"), "g");

/** `text` cut into [{text, lang}]: runs of Lao, Myanmar and Khmer with their language, the rest with null. */
export function languageRuns(text) {
  const out = [];
  let at = 0;
  for (const match of String(text ?? "").matchAll(RUNS)) {
    if (match.index > at) out.push({ text: text.slice(at, match.index), lang: null });
    const group = match.slice(1).findIndex((found) => found !== undefined);
    out.push({ text: match[0], lang: RUN_SCRIPTS[group][0] });
    at = match.index + match[0].length;
  }
  if (at < String(text ?? "").length) out.push({ text: text.slice(at), lang: null });
  return out;
}

/** Sort ranges and join the ones that overlap or touch. */
export function merge(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * Cut `text` into [{text, mark}] pieces, marking `ranges`. The caller makes DOM nodes of them
 * (text nodes and <mark>), so nothing from the index is ever parsed as HTML.
 */
export function highlight(text, ranges) {
  const pieces = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    pieces.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/**
 * An excerpt of about `length` characters around the first match (the start of the text when
 * nothing matched), cut at a space or word boundary, as highlight() pieces with "…" at cut ends.
 * The first `skip` characters (the title, which the result already shows) are left out.
 */
export function excerpt(content, ranges, length = 180, skip = 0) {
  const text = String(content ?? "");
  const later = ranges.filter(([s]) => s >= skip);
  const first = later.length ? later[0][0] : skip;
  let start = Math.max(skip, first - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  start = Math.max(skip, Math.min(start, end - length));
  if (start > skip) start = boundary(text, start, -1);
  if (end < text.length) end = boundary(text, end, +1);
  const slice = text.slice(start, end);
  const inside = later
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start]);
  const pieces = highlight(slice.trim(), shiftForTrim(slice, inside));
  if (start > skip) pieces.unshift({ text: "… ", mark: false });
  if (end < text.length) pieces.push({ text: " …", mark: false });
  return pieces;
}

// Move `at` to the nearest space or zero-width space (never more than 20 characters away), so
// an excerpt does not start or end in the middle of a Thai word.
function boundary(text, at, direction) {
  if (at <= 0 || at >= text.length) return at;
  for (let step = 0; step < 20; step++) {
    const i = at + step * direction;
    if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
    if (/[\s\u200B]/.test(text[i])) return direction > 0 ? i : i + 1;
  }
  return at;
}

function shiftForTrim(slice, ranges) {
  const lead = slice.length - slice.trimStart().length;
  const kept = slice.trim().length;
  return ranges
    .map(([s, e]) => [Math.max(0, s - lead), Math.min(kept, e - lead)])
    .filter(([s, e]) => e > s);
}

// --- What Pagefind holds, and what to ask it (plugins/thai_search/terms.py writes the index) ---
//
// The index holds thai_text's words (a WORD_MARK between spaces stands for each <wbr>) and, after
// EXTRA_MARK, every inner part of a word that starts where a word can start (ข่าย of เครือข่าย).
// Pagefind splits every query with Intl.Segmenter before it looks words up, so planQuery()
// decides what to hand it: the query split into the site's words (longest first), and of the
// pieces the browser will cut from each, only those the index is sure to hold.

const WORD_MARK = "\u2063";
const EXTRA_MARK = "\u2064";
const KEEP_MARK = / ?\u2062 ?/g; // a space of a piece the page keeps on one line (terms.KEEP_MARK)
const EXTRA_MIN = 2; // the shortest inner part the index holds, in letters (terms.EXTRA_MIN)
export const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/; // a Thai letter or mark (search.js too)
const WORD_START = /[\u0E01-\u0E2E\u0E40-\u0E44]/;
const LEAD_VOWEL = /[\u0E40-\u0E44]/;
const ALNUM = /[\p{L}\p{N}]/u;
// Lao, Myanmar and Khmer letters and marks (terms.UNSPACED): a syllable starts at a consonant or
// independent vowel (Lo), not after Myanmar's virama, Khmer's coeng or a Lao lead vowel.
const STACKED_AFTER = /[\u1039\u17D2\u0EC0-\u0EC4]/;
const SYLLABLE_START = /\p{Lo}/u;

/** A page's stored text (or title) as shown: extra words cut off, word marks as zero-width spaces,
 * keep marks as no-break spaces (search.js keeps a run whole across one). */
export function unmark(text) {
  let out = String(text ?? "");
  const cut = out.indexOf(EXTRA_MARK);
  if (cut >= 0) out = out.slice(0, cut).replace(/[ \u200B]+$/, "");
  return out.replace(/ ?\u2063 ?/g, "\u200B").replace(KEEP_MARK, "\u00A0");
}

function kind(ch) {
  if (THAI_LETTER.test(ch)) return "thai";
  if (UNSPACED.test(ch)) return "unspaced";
  return ALNUM.test(ch) ? "alnum" : "other";
}

/** May an indexed word (or inner part) start at text[i]? The same rule as terms.word_start. */
export function wordStart(text, i) {
  if (i <= 0 || i >= text.length) return i === 0;
  const ch = text[i];
  const before = text[i - 1];
  const here = kind(ch);
  if (here === "thai") {
    if (!WORD_START.test(ch)) return false;
    return kind(before) !== "thai" || !LEAD_VOWEL.test(before);
  }
  if (here === "unspaced") return SYLLABLE_START.test(ch) && !STACKED_AFTER.test(before);
  return here === "alnum" && kind(before) !== "alnum";
}

function letters(text) {
  let n = 0;
  for (const ch of text) if (ALNUM.test(ch) || THAI_LETTER.test(ch) || UNSPACED.test(ch)) n++;
  return n;
}

/** The site's words (words.txt: one a line, most pages first) ready for lookups. */
export function parseVocabulary(text) {
  const words = String(text ?? "").split("\n").map((w) => w.trim()).filter(Boolean);
  const rank = new Map();
  words.forEach((word, i) => {
    if (!rank.has(word)) rank.set(word, i);
  });
  let longest = 0;
  for (const word of rank.keys()) longest = Math.max(longest, word.length);
  return { words: [...rank.keys()], rank, longest };
}

/**
 * Split normalised text without spaces into the site's words: at each place a word can start,
 * the longest word of the vocabulary; what no word covers stays together as one unknown piece.
 */
export function splitWords(text, vocabulary) {
  if (!vocabulary || !vocabulary.rank.size) return text ? [text] : [];
  const out = [];
  let unknown = "";
  let i = 0;
  while (i < text.length) {
    let found = 0;
    if (wordStart(text, i)) {
      for (let end = Math.min(text.length, i + vocabulary.longest); end > i; end--) {
        if (vocabulary.rank.has(text.slice(i, end)) && (end === text.length || wordStart(text, end))) {
          found = end - i;
          break;
        }
      }
    }
    if (found) {
      if (unknown) out.push(unknown);
      unknown = "";
      out.push(text.slice(i, i + found));
      i += found;
    } else {
      unknown += text[i];
      i++;
    }
  }
  if (unknown) out.push(unknown);
  return out;
}

/**
 * The pieces of `term` to hand Pagefind, given `segment` (how this browser's Intl.Segmenter cuts
 * text, as Pagefind will): the first piece, and each later piece that starts where the index
 * holds an inner part (wordStart, EXTRA_MIN letters, a word of the site starts there). Every
 * piece is one the browser leaves whole.
 */
export function termPieces(term, segment, vocabulary = null) {
  const cut = segment(term).filter((s) => letters(s.segment) > 0);
  if (cut.length === 1 && cut[0].segment === term) return [term];
  const out = [];
  for (const { segment: piece, index } of cut) {
    const held =
      index === 0 ||
      (wordStart(term, index) && letters(piece) >= EXTRA_MIN && startsSiteWord(term.slice(index), vocabulary));
    if (held) out.push(...(piece === term ? [piece] : termPieces(piece, segment, vocabulary)));
  }
  return out;
}

/**
 * Does `text` start with a word of the site (2+ letters), or with something other than Thai?
 * The index holds an inner part of a word only there (terms.starts_site_word). Without the
 * word list no Thai piece counts as held, and only the first piece of each word is asked for.
 */
export function startsSiteWord(text, vocabulary) {
  if (!THAI_LETTER.test(text[0])) return true;
  if (!vocabulary || !vocabulary.rank.size) return false;
  for (let end = 2; end <= Math.min(text.length, vocabulary.longest); end++) {
    if (vocabulary.rank.has(text.slice(0, end))) return true;
  }
  return false;
}

/**
 * What to hand Pagefind for what the visitor typed: each part between spaces normalised, without
 * the ๆ after a word (see SPACE_BEFORE_REPEAT), split into the site's words, and cut into the
 * pieces the index is sure to hold. Returns {text, complete}: `complete` is false when a word had
 * to be cut into pieces or a piece (or a ๆ) left out, so Pagefind's candidates are not ranked by
 * the whole query and more of them must be checked.
 */
export function planQuery(raw, vocabulary, segment) {
  const pieces = [];
  let complete = true;
  for (const part of mended(raw).replace(SPACE_BEFORE_REPEAT, "").split(/\s+/)) {
    const typed = normalize(part).text;
    const text = typed.replace(REPEATED, "$1"); // ต่างๆ: Pagefind is asked for ต่าง
    if (text !== typed) complete = false;
    if (!text) continue;
    const terms = isThai(text) ? splitWords(text, vocabulary) : [text];
    for (const term of terms) {
      // A short piece of a longer part that is no word of the site (ก่อ, left between คนงาน
      // and สร้าง in ...คนงานก่อสร้าง, where the page holds คน|งานก่อสร้าง) may be a word of no
      // page: Pagefind is not asked for it (every page must hold every piece it is asked for),
      // and the check of each candidate against what was typed does the rest. (A longer one is
      // more likely a word typed wrong, ทุจริด: asked for, it finds nothing, and the page offers
      // the word meant.)
      if (terms.length > 1 && vocabulary?.rank.size && !vocabulary.rank.has(term) && isThai(term)
          && letters(term) <= LEFTOVER_LETTERS) {
        complete = false;
        continue;
      }
      const held = termPieces(term, segment, vocabulary);
      // Pagefind ranks by the pieces it was given, not by the whole word: when a word had to be
      // cut (ต่อให้ -> ต่อ ให้), pages that hold both pieces apart may come first.
      if (held.length !== 1 || held[0] !== term) complete = false;
      pieces.push(...held);
    }
  }
  return { text: [...new Set(pieces)].join(" "), complete };
}

/** `segment` for planQuery with this browser's Intl.Segmenter (what Pagefind uses), if any. */
export function browserSegmenter(locale = "th") {
  if (typeof Intl === "undefined" || typeof Intl.Segmenter === "undefined") return (t) => [{ segment: t, index: 0 }];
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return (text) => [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));
}

// Letters of one sound, which a reader who types a name or word heard rather than read takes one
// for the other (คนิน for คณิน), and the letters that end a word with one sound (ประมาน for
// ประมาณ): a copy of thai_text's letter_slips.py (SOUND_ALIKE, FINAL_SOUNDS), which the spelling
// check reads the same way; tests/thai_search/test_match.py compares the two.
export const SOUND_ALIKE = ["รล", "ซศษส", "ทธฑฒ", "นณญ", "ยญ", "ตฏ", "ดฎ", "ชฉฌ", "คฆ", "พภ", "ไใ"];
export const FINAL_SOUNDS = ["กขคฆ", "ดจชซฎฏฐฑฒตถทธศษส", "บปพฟภ", "นญณรลฬ"];
const pairsOf = (groups) => new Set(groups.flatMap((group) => [...group].flatMap((x) => [...group].map((y) => x + y))));
const SOUND_PAIRS = pairsOf(SOUND_ALIKE);
const FINAL_PAIRS = pairsOf(FINAL_SOUNDS);

/**
 * Edit distance (insert, delete, replace, swap two neighbours) between a and b, or max + 1 once
 * it is certain to be more than `max`. Thai vowels and tone marks count as letters. With
 * `soundsAlike`, replacing a letter by one of the same sound (SOUND_ALIKE), or the last letter by
 * one of the same final sound (FINAL_SOUNDS), costs nothing.
 */
export function editDistance(a, b, max = 2, soundsAlike = false) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const same = (i, j) => a[i - 1] === b[j - 1] || (soundsAlike && (SOUND_PAIRS.has(a[i - 1] + b[j - 1])
    || (i === a.length && j === b.length && FINAL_PAIRS.has(a[i - 1] + b[j - 1]))));
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = same(i, j) ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/**
 * The words of the site nearest `text` (up to `count`), as {words, distance}: fewest edits; of as
 * many, fewest that are not a letter for one of the same sound (คนิน is คณิน before คนใน, though
 * คนใน is on more pages); of equals, the one on most pages (the vocabulary's order).
 */
function nearestWords(text, vocabulary, count = 1) {
  const max = letters(text) >= 6 ? 2 : 1;
  let distance = max;
  let near = []; // [word, edits not of one sound], in the vocabulary's order, at `distance`
  let alike = 0; // how many of them differ by letters of one sound only
  for (const word of vocabulary.words) {
    if (word.length < 2 || Math.abs(word.length - text.length) > max) continue;
    const edits = editDistance(text, word, distance);
    if (edits > distance) continue;
    if (edits < distance || !near.length) {
      distance = edits;
      near = [];
      alike = 0;
    }
    const unlike = editDistance(text, word, edits, true);
    near.push([word, unlike]);
    if (unlike === 0) alike += 1;
    // the vocabulary is most frequent first: once `count` words one edit away by letters of one
    // sound are found, no later word comes before them
    if (distance === 1 && letters(text) < 6 && alike >= count) break;
  }
  if (!near.length) return null;
  const words = near.map(([word, unlike], rank) => ({ word, unlike, rank }))
    .sort((x, y) => x.unlike - y.unlike || x.rank - y.rank).slice(0, count).map(({ word }) => word);
  return { words, distance };
}

// The Thai keyboard (Kedmanee, on every Thai computer and phone): the character each key types,
// without and with Shift, beside the one the same key types in the US layout. A reader who
// forgot to switch the keyboard to Thai typed ทุจริต as "m60ib9".
const US_KEYS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./" + '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?';
const THAI_KEYS = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ" + '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ';
const ON_THAI_KEYS = new Map([...US_KEYS].map((key, i) => [key, THAI_KEYS[i]]));

/** What `typed` (Latin letters, digits and signs only) would be with the keyboard set to Thai. */
export function onThaiKeys(typed) {
  const out = [];
  for (const ch of typed) {
    if (!ON_THAI_KEYS.has(ch)) return null;
    out.push(ON_THAI_KEYS.get(ch));
  }
  return out.join("");
}

/** Is `text` (normalised Thai) made of the site's words only? */
function allSiteWords(text, vocabulary) {
  return vocabulary.rank.has(text) || splitWords(text, vocabulary).every((word) => vocabulary.rank.has(word));
}

// The stretches of terms around an unknown one that suggest() compares with the site's words,
// as offsets [from, to) from it: the piece alone first, then with one, then two terms beside it.
const WINDOWS = [[0, 1], [-1, 1], [0, 2], [-1, 2], [-2, 1], [0, 3], [-2, 2], [-1, 3], [-2, 3]];

/**
 * The nearest query that uses only words of the site, for a query that found nothing: each Thai
 * part that is not a word of the site is replaced by the nearest word (one edit for short words,
 * two for words of 6 letters or more; of equals, the one on most pages), or, failing that, its
 * unknown piece alone or together with up to two terms before or after it (of equal edits, the
 * longest stretch of what was typed). A part that is words of the site typed together, which no
 * page writes together, is offered as those words apart (วันหยุดปีใหม่: วันหยุด ปีใหม่). A part
 * typed with the keyboard in English that is the site's words on the Thai keys (m60ib9: ทุจริต)
 * is replaced by those words. Null when there is nothing to offer.
 */
export function suggest(raw, vocabulary) {
  return suggestions(raw, vocabulary, 1)[0] ?? null;
}

/**
 * Up to `count` queries suggest() could offer, the likeliest first: where words of the site are
 * as near as the nearest (แบร is one edit from แบบ and from แบน), the others follow, on fewer
 * pages, so that the page can offer the first that finds a page (กระทุ่มแบร: กระทุ่มแบบ finds
 * none, กระทุ่มแบน does). Empty when there is nothing to offer.
 */
export function suggestions(raw, vocabulary, count = 3) {
  if (!vocabulary || !vocabulary.rank.size) return [];
  let changed = false;
  const parts = mended(raw).trim().split(/\s+/).map((part) => {
    const text = normalize(part).text;
    const keyed = text && !isThai(text) ? onThaiKeys(part) : null;
    if (keyed && isThai(keyed) && allSiteWords(normalize(keyed).text, vocabulary)) {
      changed = true;
      return [normalize(keyed).text];
    }
    if (!text || !isThai(text) || vocabulary.rank.has(text)) return [part];
    // As typed too: normalize() reorders a tone mark typed before a vowel, which can move a typo
    // further from the word that was meant (ได้ับ for ได้รับ).
    const typed = [...part].filter((ch) => !IGNORED.test(ch)).join("");
    const whole = [nearestWords(typed, vocabulary, count), nearestWords(text, vocabulary, count)]
      .filter(Boolean)
      .sort((a, b) => a.distance - b.distance)[0];
    const terms = splitWords(text, vocabulary);
    // Words of the site typed together that no page writes together (วันหยุดปีใหม่, where the
    // page writes วันหยุดช่วงเทศกาลปีใหม่): the same words apart, which a page holds each of.
    // They come before a word two edits away (ถูกย้าย is ถูก ย้าย, not โยกย้าย), after one a
    // single edit away (กลั่นแกลง is กลั่นแกล้ง, not กลั่น แก ลง).
    const apart = terms.length > 1 && terms.every((term) => vocabulary.rank.has(term)) ? terms.join(" ") : null;
    if (apart && (!whole || whole.distance > 1)) {
      changed = true;
      return whole ? [apart, ...whole.words] : [apart];
    }
    if (whole) {
      changed = true;
      return apart ? [...whole.words, apart] : whole.words;
    }
    let best = null;
    terms.forEach((term, i) => {
      if (vocabulary.rank.has(term)) return;
      // The unknown piece with up to two terms on either side: a typo may leave a short word of
      // the site inside the word meant (การทุจริด splits การ|ทุจ|ริ|ด where a surname of the
      // site, บุญญาศิริ, made ริ a word; ทุจริด is three terms).
      for (const [from, to] of WINDOWS.map(([a, b]) => [i + a, i + b])) {
        if (from < 0 || to > terms.length) continue;
        const piece = terms.slice(from, to).join("");
        const found = nearestWords(piece, vocabulary, count);
        // Fewer edits first; of equals, the one that explains more of what was typed (ทุจริด is
        // ทุจริต, one edit, before its piece จริด as จริง, one edit too).
        if (found && (!best || found.distance < best.distance ||
                      (found.distance === best.distance && piece.length > best.span))) {
          best = { ...found, from, to, span: piece.length };
        }
      }
    });
    if (!best) return [part];
    changed = true;
    return best.words.map((word) => [...terms.slice(0, best.from), word, ...terms.slice(best.to)].join(""));
  });
  if (!changed) return [];
  // The likeliest first; then each other choice for one part at a time, the others as first.
  const first = parts.map((choices) => choices[0]);
  const out = [first.join(" ")];
  parts.forEach((choices, i) => {
    for (const choice of choices.slice(1)) {
      if (out.length < count) out.push([...first.slice(0, i), choice, ...first.slice(i + 1)].join(" "));
    }
  });
  return out;
}
