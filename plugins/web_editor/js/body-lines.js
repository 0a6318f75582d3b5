// The lines of an edited body that the author did not change, written back as they were.
//
// Decap's rich-text editor gives the body back as Markdown it writes afresh: `*` for every bullet,
// tables padded to their columns and without their alignment (`|---:|` becomes `| --- |`),
// escapes (`\#ดวงตาแรงงาน`), a blank line between a line of text and the list under it. Saved
// as such, one word changed in a release rewrote each of its tables and lists: the supervisor's
// review showed lines nobody edited, and a table's right-aligned numbers lost their alignment.
// `keepLines` keeps, for every line the author did not change, the line as it was written; only
// the lines the author changed are Decap's.
//
// Two lines are the same when the site reads them alike (Python-Markdown with content_guard's
// writers_markdown, which reads lists and headings as the editor does):
// - a table row: the same cells, each trimmed of its padding; a table's delimiter row: the same
//   number of columns (the editor cannot set an alignment, so the original's stays);
// - a list item: the same depth (how many items it is inside, however far they are indented:
//   the WordPress import indents a list in a list by four spaces, the editor by its marker's
//   width), the same number for a numbered one, and the same text, whichever of `-`, `*`, `+`
//   marks a bullet and however many spaces follow its marker; a line that goes on an item's
//   text, at its depth;
// - a line that ends in a line break, with two spaces (as the WordPress import writes it) or a
//   backslash (as the editor does);
// - a thematic break however it is written (`---`, `***`, the editor's `- - -`), `__bold__` and
//   `**bold**`, and a mail address in `<>` and as the editor's `[address](mailto:address)` (in a
//   list item too: a trial notice's list of channels lost its `<address>` to the first edit);
// - any line: the same text once backslash escapes of ASCII punctuation are taken out, except
//   in its first word, where an escape can stop a list, heading or quote (but `\#ดวงตา` is
//   `#ดวงตา`: a heading needs a space after its `#`).
// Lines are matched in order (the longest common subsequence). A blank line Decap puts between
// two lines that were next to each other, above a list, is left out (the site reads a list under
// a line of text the same with or without it). A bullet the author added to a list takes the
// list's own marker and, inside an item kept as it was, that item's indentation; a line break the
// author typed is written as the file's others are.

import { matchingPairs } from './sequence.js';

const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const BULLET = /^(\s*)([-*+])([ \t]+)(.*)$/;
const NUMBERED = /^(\s*)(\d{1,9}[.)])([ \t]+)(.*)$/;
// A line break at the end of a line: a backslash that is not escaped (CommonMark's, the editor's;
// group 1: the escaped backslashes before it), or two spaces or more (the WordPress import's).
export const BACKSLASH_BREAK = /(?<!\\)((?:\\\\)*)\\$/;
const SPACES_BREAK = / {2,}$/;
const LINE_BREAK = new RegExp(`${SPACES_BREAK.source}|${BACKSLASH_BREAK.source}`);
const ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const DELIMITER_CELL = /^:?-+:?$/;

function unescaped(text) {
  return text.replace(ESCAPE, '$1');
}

/** The cells of a table row (`| a | b |`), or null for a line that is no table row. */
function tableCells(line) {
  const text = line.trim();
  if (!text.startsWith('|')) return null;
  const cells = [];
  let cell = '';
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\' && i + 1 < text.length) {
      cell += text[i] + text[i + 1];
      i += 1;
    } else if (text[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += text[i];
    }
  }
  if (cell.trim()) cells.push(cell.trim());
  return cells;
}

// `__bold__` is `**bold**`, `<name@mol.go.th>` is `[name@mol.go.th](mailto:name@mol.go.th)`.
const UNDERSCORE_BOLD = /(^|[\s(])__(?=\S)(.*?\S)__(?=$|[\s).,:;!?])/g;
const MAIL_AUTOLINK = /<([^\s<>@]+@[^\s<>]+)>/g;
// A thematic break (`---`, `***`, `- - -`), read before a list item.
const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

/** Text as the editor writes the same inline marks: `**bold**`, `[address](mailto:address)`. */
function inlineMarks(text) {
  return text.replace(UNDERSCORE_BOLD, '$1**$2**').replace(MAIL_AUTOLINK, '[$1](mailto:$1)');
}

/** The text of a line: its escapes of ASCII punctuation taken out, but in its first word. */
function lineText(line) {
  const start = /^\\#(?=[^\s#])/.test(line) ? line.slice(1) : line;
  // The first word keeps its escapes (`\-`, `1\.`, `\>` stop a list or a quote).
  const head = /^\S*/.exec(start)[0];
  return inlineMarks(`${head}${unescaped(start.slice(head.length))}`);
}

const width = spaces => spaces.replace(/\t/g, '    ').length;

/**
 * A reader of a body's lines, one after the other: `read(line)` is what the line says to the
 * site, `{ key, depth }` (lines with the same key are read alike; `depth`: how many list items a
 * list item or a line going on an item's text is inside, null for other lines), and
 * `read.columns()` the columns at which the text of the items the next line may be inside
 * starts, outermost first. An item is inside the nearest item above it whose text starts at or
 * before its own marker.
 */
function lineReader() {
  let open = []; // the items the line may be inside: the column their text starts at
  let blank = false;
  const read = raw => {
    const cells = tableCells(raw);
    if (cells && cells.length) {
      open = [];
      if (cells.every(cell => DELIMITER_CELL.test(cell))) return { key: `delimiter ${cells.length}`, depth: null };
      return { key: `row ${JSON.stringify(cells.map(unescaped))}`, depth: null };
    }
    if (!raw.trim()) {
      blank = true;
      return { key: 'line ', depth: null };
    }
    if (THEMATIC_BREAK.test(raw)) {
      open = [];
      blank = false;
      return { key: 'thematic break', depth: null };
    }
    const broken = LINE_BREAK.exec(raw);
    const line = broken ? raw.slice(0, broken.index) + (broken[1] || '') : raw;
    const end = broken ? ' (line break)' : '';
    const item = BULLET.exec(line) || NUMBERED.exec(line);
    const indent = width(/^\s*/.exec(line)[0]);
    if (item) {
      open = open.filter(column => column <= indent);
      const depth = open.length;
      open.push(indent + item[2].length + width(item[3]));
      blank = false;
      const marker = BULLET.test(line) ? 'bullet' : `number ${item[2]}`;
      return { key: `${marker} ${depth} ${inlineMarks(unescaped(item[4]))}${end}`, depth };
    }
    const inside = open.filter(column => column <= indent).length;
    if (!inside && (blank || !open.length)) open = []; // a paragraph after the list
    blank = false;
    if (inside) return { key: `item line ${inside} ${lineText(line.trim())}${end}`, depth: inside };
    return { key: `line ${line.slice(0, indent)}${lineText(line.slice(indent))}${end}`, depth: null };
  };
  read.columns = () => [...open];
  return read;
}

/** What each line of `lines` (a body) says to the site: lines with the same key are read alike. */
export function lineKeys(lines) {
  const read = lineReader();
  return lines.map(line => read(line).key);
}

/** What a line says to the site when it stands alone (not in a list). */
export function lineKey(line) {
  return lineKeys([line])[0];
}

/** `edited` (Decap's Markdown) with every line the author did not change as `original` has it. */
export function keepLines(original, edited) {
  const a = original.split('\n');
  const b = edited.split('\n');
  const from = new Array(b.length).fill(-1); // the original line each edited line is, if any
  const readB = lineReader();
  const edits = b.map(line => readB(line));
  for (const [i, j] of matchingPairs(lineKeys(a), edits.map(edit => edit.key))) from[j] = i;
  const out = []; // { text, added, depth }
  let previous = -1; // the original line last written, if the last line written was one
  for (let j = 0; j < b.length; j += 1) {
    if (from[j] >= 0) {
      out.push({ text: a[from[j]], added: false });
      previous = from[j];
      continue;
    }
    const aboveList = j + 1 < b.length && previous >= 0 && from[j + 1] === previous + 1 && ITEM.test(b[j + 1]);
    if (b[j].trim() === '' && aboveList) continue;
    out.push({ text: b[j], added: true, depth: edits[j].depth });
    previous = -1;
  }
  // A list item (or a line of one) the author wrote inside an item kept as it was is indented to
  // that item's text, as the file indents it (the WordPress import by four spaces, the editor by
  // its marker's width): indented as Decap wrote it, it could stand outside the item.
  const readOut = lineReader();
  for (const entry of out) {
    const columns = readOut.columns();
    if (entry.added && entry.depth > 0 && columns.length >= entry.depth) {
      entry.text = ' '.repeat(columns[entry.depth - 1]) + entry.text.trimStart();
    }
    readOut(entry.text);
  }
  // A line break in a line the author wrote is written as the file writes its others: two
  // spaces in a file that has no backslash break (the WordPress import's).
  const backslashed = line => BACKSLASH_BREAK.test(line);
  if (a.some(line => SPACES_BREAK.test(line)) && !a.some(backslashed)) {
    for (const entry of out) if (entry.added && backslashed(entry.text)) entry.text = `${entry.text.slice(0, -1)}  `;
  }
  // A bullet the author added takes the marker of the item above it (or else below it).
  const sameList = (entry, other) => {
    const mine = entry.added && BULLET.exec(entry.text);
    const theirs = other && BULLET.exec(other.text);
    return mine && theirs && mine[1] === theirs[1] ? [mine, theirs] : null;
  };
  for (let k = 1; k < out.length; k += 1) {
    const pair = sameList(out[k], out[k - 1]);
    if (pair) out[k].text = `${pair[0][1]}${pair[1][2]}${pair[0][3]}${pair[0][4]}`;
  }
  for (let k = out.length - 2; k >= 0; k -= 1) {
    const pair = sameList(out[k], out[k + 1]);
    if (pair && !sameList(out[k], out[k - 1])) out[k].text = `${pair[0][1]}${pair[1][2]}${pair[0][3]}${pair[0][4]}`;
  }
  return out.map(entry => entry.text).join('\n');
}
