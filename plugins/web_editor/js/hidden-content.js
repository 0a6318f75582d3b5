// What a document a writer attaches keeps that its pages do not show: Word's tracked changes (the
// deleted words too) and comments, Excel's notes and comments, PowerPoint's comments, the same in
// LibreOffice's files, a reviewer's comments in a PDF. Whoever downloads the document sees them.
// The build refuses such a document (plugins/attachments/hidden_content.py reads it, the rule
// "attachments" reports it); here the attachments widget refuses it as it is chosen, with the
// same words (site-data's attachments.left_in, from the rule), instead of minutes later in the
// check's note. The same parts and elements as hidden_content.py, matched by their local names;
// tests/editor/test_editor_attachments.py compares both sides over documents as programs write them.

import { binary, deflatedStreams, unpack, zipMembers } from './embedded.js';

const KINDS = ['changes', 'comments'];
const REVISIONS = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange',
  'tblGridChange', 'trPrChange', 'tcPrChange', 'cellIns', 'cellDel', 'cellMerge', 'numberingChange']);
const WORD_TEXT_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const EXCEL_COMMENTS = /^xl\/comments[^/]*\.xml$/;
const EXCEL_THREADS = /^xl\/threadedComments\/[^/]+\.xml$/;
const SLIDE_COMMENTS = /^ppt\/comments\/[^/]+\.xml$/;
const DOCUMENT = /\.(docx|xlsx|pptx|odt|ods|odp|zip|pdf)$/i;
const THREAD_STAND_IN = '[Threaded comment]';
const MAX_DEPTH = 3;
const PDF_MARKUP = /\/Subtype[ \t\n\r\f\v]*\/(Text|Highlight|Underline|StrikeOut|Squiggly|Caret)(?![A-Za-z0-9#_.-])/g;
const PDF_SEARCH_BYTES = 65536;

/** [{ kind, count, sample, where }] of `file` (a File or Blob), as hidden_content.left_in gives them. */
export async function leftIn(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return zipMembers(bytes) ? found(bytes, '', 1) : pdfComments(bytes, '');
}

async function found(bytes, prefix, depth) {
  const members = zipMembers(bytes);
  if (!members) return [];
  const names = new Set(members.map(m => m.name));
  const tally = Object.fromEntries(KINDS.map(kind => [kind, { count: 0, sample: '' }]));
  const inner = [];
  for (const member of members) {
    const { name } = member;
    if (name.endsWith('.xml')) {
      const read = reader(name, names);
      if (!read) continue;
      const data = await unpack(bytes, member);
      const root = data && parse(data);
      if (root) read(root, tally);
    } else if (DOCUMENT.test(name) && depth < MAX_DEPTH) {
      const data = await unpack(bytes, member);
      if (data) inner.push([`${prefix}${name}/`, data]);
    }
  }
  const where = prefix.replace(/\/$/, '');
  const out = KINDS.filter(kind => tally[kind].count).map(kind => ({ kind, ...tally[kind], where }));
  for (const [innerPrefix, data] of inner) {
    out.push(...await (zipMembers(data) ? found(data, innerPrefix, depth + 1) : pdfComments(data, innerPrefix)));
  }
  return out;
}

function reader(name, names) {
  if (WORD_TEXT_PARTS.test(name)) return wordChanges;
  if (name === 'word/comments.xml') return each('comment');
  if (EXCEL_COMMENTS.test(name)) return excelComments;
  if (EXCEL_THREADS.test(name) && ![...names].some(n => EXCEL_COMMENTS.test(n))) return excelThreads;
  if (SLIDE_COMMENTS.test(name)) return each('cm');
  if (name === 'content.xml' && names.has('mimetype')) return openDocument;
  return null;
}

function parse(data) {
  const xml = new DOMParser().parseFromString(new TextDecoder().decode(data), 'application/xml');
  return xml.getElementsByTagName('parsererror').length ? null : xml.documentElement;
}

function add(tally, kind, count, sample = '') {
  tally[kind].count += count;
  if (count && !tally[kind].sample && sample.trim()) tally[kind].sample = sample.split(/\s+/).filter(Boolean).join(' ');
}

function all(root) {
  return [root, ...root.getElementsByTagName('*')];
}

/** An element's words: its paragraphs' (local name p), each whole, a space between them; an
 *  element with none its text, when `loose` (hidden_content._text). */
function text(element, loose = true) {
  const paragraphs = all(element).filter(e => e.localName === 'p').map(p => p.textContent);
  if (paragraphs.length) return paragraphs.join(' ');
  return loose ? element.textContent : '';
}

function wordChanges(root, tally) {
  let count = 0;
  let deleted = '';
  let added = '';
  for (const element of all(root)) {
    const name = element.localName;
    if (!REVISIONS.has(name)) continue;
    count += 1;
    if ((name === 'del' || name === 'moveFrom') && !deleted.trim()) deleted = text(element);
    else if ((name === 'ins' || name === 'moveTo') && !added.trim()) added = text(element);
  }
  add(tally, 'changes', count, deleted.trim() ? deleted : added);
}

function each(localName) {
  return (root, tally) => {
    for (const element of all(root)) if (element.localName === localName) add(tally, 'comments', 1, text(element));
  };
}

function excelComments(root, tally) {
  const authors = all(root).filter(e => e.localName === 'author').map(e => text(e));
  for (const element of all(root)) {
    if (element.localName !== 'comment') continue;
    let words = text(element).trimStart();
    const author = element.getAttribute('authorId');
    if (/^\d+$/.test(author || '') && Number(author) < authors.length && words.startsWith(`${authors[Number(author)]}:`)) {
      words = words.slice(authors[Number(author)].length + 1);
    }
    if (words.includes(THREAD_STAND_IN)) words = words.includes('Comment:') ? words.split('Comment:').slice(1).join('Comment:') : '';
    add(tally, 'comments', 1, words);
  }
}

function excelThreads(root, tally) {
  for (const element of all(root)) {
    if (element.localName === 'threadedComment' && !element.hasAttribute('parentId')) add(tally, 'comments', 1, text(element));
  }
}

function openDocument(root, tally) {
  for (const element of all(root)) {
    if (element.localName === 'changed-region') add(tally, 'changes', 1, text(element, false));
    else if (element.localName === 'annotation') add(tally, 'comments', 1, text(element, false));
  }
}

/** A PDF's comments (hidden_content.py `_pdf`): sticky notes, and markup with words typed in it,
 *  in the file's bytes and its deflated object streams; of an encrypted PDF not their words. */
async function pdfComments(bytes, prefix) {
  const text = binary(bytes);
  if (!text.slice(0, 1024).includes('%PDF-')) return [];
  const sealed = text.includes('/Encrypt');
  const tally = { comments: { count: 0, sample: '' } };
  const streams = await deflatedStreams(bytes, dictionary => dictionary.includes('/ObjStm'), text);
  for (const part of [text, ...streams.map(({ data }) => binary(data))]) {
    for (const match of part.matchAll(PDF_MARKUP)) {
      const words = pdfString(value(dictionaryAround(part, match.index), '/Contents'));
      if (match[1] === 'Text' || words.trim()) add(tally, 'comments', 1, sealed ? '' : words);
    }
  }
  return tally.comments.count ? [{ kind: 'comments', ...tally.comments, where: prefix.replace(/\/$/, '') }] : [];
}

/** Where `sub` last starts wholly inside text[floor, end), or -1. */
function lastInside(text, sub, floor, end) {
  if (end - sub.length < floor) return -1;
  const at = text.lastIndexOf(sub, end - sub.length);
  return at >= floor ? at : -1;
}

function dictionaryAround(text, at) {
  const floor = Math.max(0, at - PDF_SEARCH_BYTES);
  let depth = 0;
  let i = at;
  for (;;) {
    i = Math.max(lastInside(text, '<<', floor, i), lastInside(text, '>>', floor, i));
    if (i < 0) return '';
    if (text.startsWith('>>', i)) depth += 1;
    else if (depth === 0) break;
    else depth -= 1;
  }
  const start = i;
  const end = Math.min(text.length, i + 2 * PDF_SEARCH_BYTES);
  depth = 0;
  for (let j = i; j < end;) {
    if (text[j] === '(') j = literalEnd(text, j);
    else if (text.startsWith('<<', j)) { depth += 1; j += 2; }
    else if (text.startsWith('>>', j)) {
      depth -= 1;
      j += 2;
      if (depth === 0) return text.slice(start, j);
    } else if (text[j] === '<') {
      const close = text.indexOf('>', j);
      j = close > 0 ? close + 1 : end;
    } else j += 1;
  }
  return '';
}

function literalEnd(text, at) {
  let depth = 0;
  let j = at;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') { j += 2; continue; }
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return j + 1;
    }
    j += 1;
  }
  return j;
}

const NAME_CHAR = /[\p{L}\p{N}#_.-]/u;

function value(dictionary, key) {
  let depth = 0;
  let j = 0;
  while (j < dictionary.length) {
    if (dictionary[j] === '(') j = literalEnd(dictionary, j);
    else if (dictionary.startsWith('<<', j)) { depth += 1; j += 2; }
    else if (dictionary.startsWith('>>', j)) { depth -= 1; j += 2; }
    else if (dictionary[j] === '<') {
      const close = dictionary.indexOf('>', j);
      j = close > 0 ? close + 1 : dictionary.length;
    } else if (depth === 1 && dictionary.startsWith(key, j) && !NAME_CHAR.test(dictionary[j + key.length] ?? ' ')) {
      let k = j + key.length;
      while (k < dictionary.length && ' \t\r\n\f\0'.includes(dictionary[k])) k += 1;
      if (dictionary[k] === '(') return dictionary.slice(k, literalEnd(dictionary, k));
      if (dictionary[k] === '<' && dictionary[k + 1] !== '<') {
        const close = dictionary.indexOf('>', k);
        return close > 0 ? dictionary.slice(k, close + 1) : '';
      }
      return '';
    } else j += 1;
  }
  return '';
}

const ESCAPES = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** A PDF string as written (one letter a byte) as text (hidden_content.py `pdf_string`). */
function pdfString(written) {
  let raw = [];
  if (written.startsWith('(') && written.endsWith(')')) {
    const body = written.slice(1, -1);
    for (let j = 0; j < body.length;) {
      if (body[j] !== '\\' || j + 1 >= body.length) { raw.push(body.charCodeAt(j)); j += 1; continue; }
      const after = body[j + 1];
      const octal = /^[0-7]{1,3}/.exec(body.slice(j + 1, j + 4));
      if (octal) { raw.push(parseInt(octal[0], 8) & 0xff); j += 1 + octal[0].length; }
      else if (after === '\r' || after === '\n') j += body.slice(j + 1, j + 3) === '\r\n' ? 3 : 2;
      else { raw.push(ESCAPES[after] ?? after.charCodeAt(0)); j += 2; }
    }
  } else if (written.startsWith('<') && written.endsWith('>')) {
    let digits = written.slice(1, -1).replace(/[^0-9A-Fa-f]/g, '');
    if (digits.length % 2) digits += '0';
    for (let j = 0; j < digits.length; j += 2) raw.push(parseInt(digits.slice(j, j + 2), 16));
  } else return '';
  raw = Uint8Array.from(raw);
  if (raw[0] === 0xfe && raw[1] === 0xff) return new TextDecoder('utf-16be').decode(raw.subarray(2));
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return new TextDecoder('utf-8').decode(raw.subarray(3));
  return String.fromCharCode(...raw);
}

/** About `length` letters of `text`, cut between words (the browser's Thai word breaks), "…" when cut. */
export function firstWords(text, length = 30) {
  if ([...text].length <= length) return text;
  let cut = '';
  for (const { segment } of new Intl.Segmenter('th', { granularity: 'word' }).segment(text)) {
    if (cut.trim() && [...(cut + segment)].length > length) break;
    cut += segment;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * The widget's message for one finding of `leftIn` in the document `fileName`: the rule's own words
 * (site-data's attachments: left_in, left_in_fix, programs) with the count, the first words and
 * the fix in the words of the program that made the file.
 */
export function leftInMessage({ kind, count, sample, where }, fileName, rules) {
  const named = where || fileName;
  const extension = named.includes('.') ? `.${named.split('.').pop().toLowerCase()}` : '';
  const program = rules.programs[extension] || 'LibreOffice';
  const fix = rules.left_in_fix[`${kind}/${program}`] || rules.left_in_fix[`${kind}/Word`];
  const quote = sample ? ` เช่น «${firstWords(sample)}»` : '';
  const inside = where ? ` (ไฟล์ "${where}" ข้างใน)` : '';
  return `${fileName}${inside}: ${rules.left_in[kind].replace('{n}', count).replace('{sample}', quote)} วิธีแก้: ${fix}`;
}
