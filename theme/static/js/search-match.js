// Exact Thai matching for search results: pure functions, no DOM, no network.
//
// Pagefind 1.5.2 folds Thai vowels and tone marks out of queries, so a search for ขาว (white) also
// returns pages that only say ข่าว (news). Every candidate Pagefind returns is checked here against
// the text of the page with its marks intact: a Thai term matches only where the same characters
// occur and the next character is not another vowel or tone mark (ไก matches ไกล, never ไก่).
// Spaces, zero-width spaces (Pagefind puts them between Thai words), soft hyphens and dots are
// ignored, so ดวงตาแรงงาน matches ดวงตา​แรงงาน and ปปท matches ป.ป.ท.

// Thai combining characters: mai han-akat, the upper and lower vowels, phinthu, the tone marks,
// thanthakhat, nikhahit, yamakkan.
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const THAI = /[\u0E01-\u0E5B]/;
const TONE = /[\u0E48-\u0E4B]/;
const UPPER_VOWEL = /[\u0E31\u0E34-\u0E37\u0E47]/;
const IGNORED = /[\s\u00AD\u200B-\u200D\u2060\uFEFF.]/;

/**
 * Normalise text for matching and remember where each character came from.
 * Returns {text, from}: from[i] is the index in `raw` of text[i].
 * Fixes what Thai typists commonly do: two sara e for sara ae, nikhahit + sara aa for sara am,
 * a doubled tone mark, a tone mark typed before the upper vowel.
 */
export function normalize(raw) {
  const out = [];
  const from = [];
  const src = String(raw ?? "").normalize("NFC");
  for (let i = 0; i < src.length; i++) {
    let ch = src[i];
    if (IGNORED.test(ch)) continue;
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
    if (!THAI.test(ch)) {
      // Other scripts: case and accents do not matter (Pagefind folds them as well).
      if (/\p{M}/u.test(ch)) continue;
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

/**
 * Split what the visitor typed into terms. Returns {terms, text}: `terms` are normalised, with
 * duplicates removed; `text` is what to hand to Pagefind.
 */
export function parseQuery(raw) {
  const text = String(raw ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  const seen = new Set();
  const terms = [];
  for (const word of text.split(" ")) {
    const term = normalize(word).text;
    if (term && !seen.has(term)) {
      seen.add(term);
      terms.push(term);
    }
  }
  return { terms, text };
}

/**
 * Where `term` (normalised) occurs in `norm` (from normalize), as [start, end) ranges of the
 * original text. A Thai occurrence followed by a vowel or tone mark is not a match.
 */
export function findTerm(norm, term) {
  const ranges = [];
  if (!term) return ranges;
  let at = norm.text.indexOf(term);
  while (at !== -1) {
    const after = norm.text[at + term.length];
    if (!(isThai(term) && after && THAI_MARK.test(after))) {
      const origin = norm.from.slice(at, at + term.length);
      ranges.push([Math.min(...origin), Math.max(...origin) + 1]);
    }
    at = norm.text.indexOf(term, at + 1);
  }
  return ranges;
}

/**
 * Check a Pagefind result against the query. `page` is what result.data() returns
 * ({content, meta: {title}}). Every term must occur in the title or the text: Thai terms with
 * their vowels and tone marks exactly, other terms ignoring case and accents (the site is indexed
 * as Thai, so Pagefind does no stemming that this would undo).
 * Returns {ok, title: ranges in the title, content: ranges in the content}.
 */
export function verify(page, terms) {
  const title = page?.meta?.title ?? "";
  const content = page?.content ?? "";
  const normTitle = normalize(title);
  const normContent = normalize(content);
  const found = { ok: true, title: [], content: [] };
  for (const term of terms) {
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
