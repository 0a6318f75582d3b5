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
// - a bullet item: the same indentation and text, whichever of `-`, `*`, `+` marks it;
// - any line: the same text once backslash escapes of ASCII punctuation are taken out, except
//   in its first word, where an escape can stop a list, heading or quote (but `\#ดวงตา` is
//   `#ดวงตา`: a heading needs a space after its `#`).
// Lines are matched in order (the longest common subsequence). A blank line Decap puts between
// two lines that were next to each other, above a list, is left out (the site reads a list under
// a line of text the same with or without it). A bullet the author added to a list takes the
// list's own marker.

import { matchingPairs } from './sequence.js';

const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const BULLET = /^(\s*)([-*+])([ \t]+)(.*)$/;
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

/** What a line says to the site: lines with the same key are read alike. */
export function lineKey(line) {
  const cells = tableCells(line);
  if (cells && cells.length) {
    if (cells.every(cell => DELIMITER_CELL.test(cell))) return `delimiter ${cells.length}`;
    return `row ${JSON.stringify(cells.map(unescaped))}`;
  }
  const bullet = BULLET.exec(line);
  if (bullet) return `bullet ${bullet[1]}${unescaped(bullet[4])}`;
  const start = /^\\#(?=[^\s#])/.test(line) ? line.slice(1) : line;
  const indent = /^\s*/.exec(start)[0];
  const rest = start.slice(indent.length);
  // The first word keeps its escapes (`\-`, `1\.`, `\>` stop a list or a quote).
  const head = /^\S*/.exec(rest)[0];
  return `line ${indent}${head}${unescaped(rest.slice(head.length))}`;
}

/** `edited` (Decap's Markdown) with every line the author did not change as `original` has it. */
export function keepLines(original, edited) {
  const a = original.split('\n');
  const b = edited.split('\n');
  const from = new Array(b.length).fill(-1); // the original line each edited line is, if any
  for (const [i, j] of matchingPairs(a.map(lineKey), b.map(lineKey))) from[j] = i;
  const out = []; // { text, added }
  let previous = -1; // the original line last written, if the last line written was one
  for (let j = 0; j < b.length; j += 1) {
    if (from[j] >= 0) {
      out.push({ text: a[from[j]], added: false });
      previous = from[j];
      continue;
    }
    const aboveList = j + 1 < b.length && previous >= 0 && from[j + 1] === previous + 1 && ITEM.test(b[j + 1]);
    if (b[j].trim() === '' && aboveList) continue;
    out.push({ text: b[j], added: true });
    previous = -1;
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
