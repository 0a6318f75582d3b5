// What a document a writer attaches keeps that its pages do not show: Word's tracked changes (the
// deleted words too) and comments, Excel's notes and comments, PowerPoint's comments, the same in
// LibreOffice's files. Whoever downloads the document sees them. The build refuses such a
// document (plugins/attachments/hidden_content.py reads it, the rule "attachments" reports it);
// here the attachments widget refuses it as it is chosen, with the same words (site-data's
// attachments.left_in, from the rule), instead of minutes later in the check's note.
// The same parts and elements as hidden_content.py, matched by their local names;
// tests/editor/test_editor_attachments.py compares both sides over documents as programs write them.

import { unpack, zipMembers } from './embedded.js';

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

/** [{ kind, count, sample, where }] of `file` (a File or Blob), as hidden_content.left_in gives them. */
export async function leftIn(file) {
  return found(new Uint8Array(await file.arrayBuffer()), '', 1);
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
      if (data && zipMembers(data)) inner.push([`${prefix}${name}/`, data]);
    }
  }
  const where = prefix.replace(/\/$/, '');
  const out = KINDS.filter(kind => tally[kind].count).map(kind => ({ kind, ...tally[kind], where }));
  for (const [innerPrefix, data] of inner) out.push(...await found(data, innerPrefix, depth + 1));
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
