// The site's Markdown format for Decap CMS: a `Key: value` header, a blank line, the body.
//
// The header is read as Pelican reads it (Python-Markdown's `meta` extension): lines until the
// first blank line; a key is letters, digits, `_` and `-` followed by a colon (up to three spaces
// before it); a line indented by four or more spaces continues the previous key; any other line
// ends the header and starts the body. Tabs count as four spaces, as Python-Markdown expands them.
//
// Reading and writing are exact: `toFile(fromFile(text))` is `text` for every file, byte for byte.
// `fromFile` keeps the lines of the header as they were written (`__source`); `toFile` writes a
// line again as it was whenever its value did not change, and writes `Key: value` only for what
// the author edited. Keys the editor has no field for (Lang:, Template:...) are kept as they are.
//
// Fields (the names the generated config.yml uses):
//   title date modified category slug summary author status featured_until: strings
//   tags: a list (split as Pelican splits it: on ";" when there is one, else on ",")
//   photos: { gallery, cover, items: [{ file, caption }], hidden: [file] } for Gallery:, Cover:,
//     Captions: and Hidden_photos: (published photos taken off the site, photo_gallery's
//     hidden_photos.py: one or more names per line, separated by commas)
//   attachments: { folder, items: [{ path, title }] } for Attachments: (plugins/attachments: one
//     document per line, `path: title`; the folder is the one the first document lies in)
//   body: the text after the header

import { keepLines } from './body-lines.js';

export const SOURCE_KEY = '__source';

// Header key (lowercase) -> field; the spelling used when the editor adds a line.
const KEYS = {
  title: 'Title',
  date: 'Date',
  modified: 'Modified',
  category: 'Category',
  tags: 'Tags',
  slug: 'Slug',
  summary: 'Summary',
  author: 'Author',
  status: 'Status',
  featured_until: 'Featured_until',
  gallery: 'Gallery',
  cover: 'Cover',
  captions: 'Captions',
  hidden_photos: 'Hidden_photos',
  attachments: 'Attachments',
};
// The order of the header of a new file.
const NEW_FILE_ORDER = [
  'title', 'date', 'modified', 'category', 'tags', 'slug', 'summary', 'author', 'status', 'featured_until',
  'gallery', 'cover', 'captions', 'hidden_photos', 'attachments',
];
const PHOTO_KEYS = { gallery: 'gallery', cover: 'cover', captions: 'items', hidden_photos: 'hidden' };

const META_RE = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const META_MORE_RE = /^[ ]{4,}(.*)$/;
const BEGIN_RE = /^-{3}(\s.*)?$/;
const END_RE = /^(-{3}|\.{3})(\s.*)?$/;

function pyStrip(text) {
  // Python's str.strip(): Unicode whitespace, but not U+FEFF (which JavaScript's trim() removes).
  return text.replace(/^[^\S\ufeff]+|[^\S\ufeff]+$/gu, '');
}

function expandTabs(line) {
  let out = '';
  for (const ch of line) {
    out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  }
  return out;
}

/** Split a tags value as Pelican does (ensure_metadata_list). */
export function splitList(text) {
  const parts = text.includes(';') ? text.split(';') : text.split(',');
  const seen = [];
  for (const part of parts.map(pyStrip)) {
    if (part && !seen.includes(part)) seen.push(part);
  }
  return seen;
}

function parseAttachments(lines) {
  const items = [];
  for (const line of lines) {
    if (!line) continue;
    const at = line.indexOf(': ');
    const path = at < 0 ? line.replace(/:$/, '') : line.slice(0, at);
    items.push({ path: pyStrip(path).replace(/^\/+/, ''), title: at < 0 ? '' : line.slice(at + 2).split(/\s+/u).filter(Boolean).join(' ') });
  }
  const first = items[0] ? items[0].path.split('/') : [];
  return { folder: first.length > 1 ? first[first.length - 2] : '', items };
}

function parseCaptions(lines) {
  const items = [];
  for (const line of lines) {
    if (!line) continue;
    const at = line.indexOf(':');
    if (at < 0) {
      items.push({ file: line, caption: '', invalid: true });
      continue;
    }
    items.push({ file: pyStrip(line.slice(0, at)), caption: line.slice(at + 1).split(/\s+/u).filter(Boolean).join(' ') });
  }
  return items;
}

/** The header's lines as Python-Markdown reads them, and the text after them. */
export function splitHeader(text) {
  const lines = text.split('\n');
  const entries = []; // { key, lines: [raw lines], values: [stripped values] }
  let index = 0;
  let begin = null;
  if (lines.length > 1 && BEGIN_RE.test(expandTabs(lines[0]))) {
    begin = lines[0];
    index = 1;
  }
  let current = null;
  for (; index < lines.length; index += 1) {
    const line = expandTabs(lines[index]);
    if (pyStrip(line) === '' || END_RE.test(line)) break; // a blank line or --- ends the header
    const meta = META_RE.exec(line);
    if (meta) {
      current = { key: meta[1].toLowerCase(), lines: [lines[index]], values: [pyStrip(meta[2])] };
      entries.push(current);
      continue;
    }
    const more = META_MORE_RE.exec(line);
    if (more && current) {
      current.lines.push(lines[index]);
      current.values.push(pyStrip(more[1]));
      continue;
    }
    break; // not metadata: this line is the first of the body
  }
  if (!entries.length) begin = null;
  const headerCount = entries.length ? index : 0;
  const prefix = lines.slice(0, headerCount).join('\n');
  const tail = text.slice(prefix.length); // the line break after the header, the blank line, the body
  let bodyStart = headerCount;
  if (bodyStart < lines.length && (pyStrip(expandTabs(lines[bodyStart])) === '' || END_RE.test(expandTabs(lines[bodyStart])))) {
    bodyStart += 1;
  }
  return { begin, entries, tail, body: headerCount ? lines.slice(bodyStart).join('\n') : text };
}

function fieldValues(entries) {
  // key -> list of values, joined over repeated keys as Python-Markdown does.
  const byKey = {};
  for (const entry of entries) {
    (byKey[entry.key] = byKey[entry.key] || []).push(...entry.values);
  }
  const data = {};
  for (const [key, values] of Object.entries(byKey)) {
    if (!(key in KEYS)) continue;
    if (key === 'summary') data.summary = values.join('\n');
    else if (key === 'tags') data.tags = splitList(values.join(','));
    else if (key === 'captions') data.captions = parseCaptions(values);
    else if (key === 'attachments') data.attachments = parseAttachments(values);
    else if (key === 'hidden_photos') data.hidden_photos = values.flatMap(v => v.split(',')).map(pyStrip).filter(Boolean);
    else data[key] = values.join(' ').trim();
  }
  const photos = { gallery: data.gallery || '', cover: data.cover || '', items: data.captions || [], hidden: data.hidden_photos || [] };
  delete data.gallery;
  delete data.cover;
  delete data.captions;
  delete data.hidden_photos;
  data.photos = photos;
  return data;
}

/** Entry data (Decap's `fromFile`). */
export function fromFile(content) {
  let text = String(content);
  const bom = text.startsWith('\ufeff');
  if (bom) text = text.slice(1);
  const crlf = /\r\n/.test(text);
  if (crlf) text = text.replace(/\r\n/g, '\n');
  const { begin, entries, tail, body } = splitHeader(text);
  const data = fieldValues(entries);
  data.body = body;
  data[SOURCE_KEY] = {
    bom,
    crlf,
    begin,
    tail,
    entries: entries.map(e => ({ key: e.key, lines: e.lines })),
    values: JSON.parse(JSON.stringify({ ...data, body: undefined })),
    body,
  };
  return data;
}

function same(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isEmpty(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

// One line: no line break may end the header or start a continuation the author did not mean.
function oneLine(value) {
  return String(value ?? '').split(/\s+/u).filter(Boolean).join(' ');
}

function keyName(line) {
  return /^\s*([A-Za-z0-9_-]+):/.exec(line)[1];
}

/** The header lines of `key` for `value` (new or edited values only). */
function headerLines(name, key, value) {
  if (key === 'tags') return [`${name}: ${value.join(', ')}`];
  if (key === 'captions' || key === 'hidden_photos' || key === 'attachments') {
    const lines = key === 'captions' ? value.map(item => `${item.file}: ${oneLine(item.caption)}`.trimEnd())
      : key === 'attachments' ? value.map(item => `${item.path}: ${oneLine(item.title)}`.trimEnd()) : value;
    return [`${name}: ${lines[0]}`, ...lines.slice(1).map(line => `    ${line}`)];
  }
  return [`${name}: ${oneLine(value)}`];
}

function currentValue(data, key) {
  if (key in PHOTO_KEYS) {
    const photos = plain(data.photos) || {};
    const value = plain(photos[PHOTO_KEYS[key]]);
    if (key === 'captions') {
      return (value || []).filter(item => item && item.file).map(item => ({ file: item.file, caption: item.caption || '' }));
    }
    if (key === 'hidden_photos') return (value || []).map(String).filter(Boolean);
    return value;
  }
  if (key === 'attachments') {
    const value = plain(data.attachments) || {};
    return (plain(value.items) || []).filter(item => item && item.path).map(item => ({ path: item.path, title: item.title || '' }));
  }
  const value = plain(data[key]);
  return key === 'tags' && value ? value.map(String).map(pyStrip).filter(Boolean) : value;
}

function originalValue(source, key) {
  if (key === 'attachments') return ((source.values.attachments || {}).items || []).map(item => ({ path: item.path, title: item.title || '' }));
  if (key in PHOTO_KEYS) {
    const value = (source.values.photos || {})[PHOTO_KEYS[key]];
    if (key === 'captions') return (value || []).map(item => ({ file: item.file, caption: item.caption || '' }));
    return key === 'hidden_photos' ? value || [] : value;
  }
  return source.values[key];
}

/** The file (Decap's `toFile`). */
export function toFile(data) {
  data = plain(data) || {};
  const source = plain(data[SOURCE_KEY]) || null;
  const blocks = []; // { key, lines } in file order
  const written = new Set();
  for (const entry of source ? source.entries : []) {
    const key = entry.key;
    if (!(key in KEYS)) {
      blocks.push({ key, lines: entry.lines }); // a key the editor has no field for: kept as written
      continue;
    }
    const value = currentValue(data, key);
    const unchanged = same(value, originalValue(source, key));
    if (written.has(key)) {
      // A repeated key is part of the first one's value: kept while that value is unchanged.
      if (unchanged) blocks.push({ key, lines: entry.lines });
      continue;
    }
    written.add(key);
    if (unchanged) blocks.push({ key, lines: entry.lines });
    else if (!isEmpty(value)) blocks.push({ key, lines: headerLines(keyName(entry.lines[0]), key, value) });
  }
  for (const key of NEW_FILE_ORDER) {
    const value = currentValue(data, key);
    if (written.has(key) || isEmpty(value)) continue;
    // After the last line of a key that comes before it in a new file's order.
    const before = NEW_FILE_ORDER.slice(0, NEW_FILE_ORDER.indexOf(key));
    let at = 0;
    blocks.forEach((block, i) => {
      if (before.includes(block.key)) at = i + 1;
    });
    blocks.splice(at, 0, { key, lines: headerLines(KEYS[key], key, value) });
  }
  const header = blocks.flatMap(block => block.lines);
  if (source && source.begin !== null && header.length) header.unshift(source.begin);
  let body = data.body === undefined || data.body === null ? '' : String(data.body);
  let text;
  if (source && body === source.body && (source.entries.length || !header.length)) {
    text = header.join('\n') + source.tail; // the body and what separates it, exactly as they were
  } else {
    body = body.replace(/\s+$/u, '');
    if (source) body = keepLines(source.body.replace(/\s+$/u, ''), body); // body-lines.js
    text = `${header.join('\n')}\n\n${body}\n`;
  }
  if (source && source.crlf) text = text.replace(/\n/g, '\r\n');
  if (source && source.bom) text = `\ufeff${text}`;
  return text;
}

export const pelicanMarkdown = { fromFile, toFile };
