// Text pasted into the body from Word, Google Docs, LibreOffice or a web page keeps only what a
// release uses: headings, paragraphs (and line breaks in them), bold, italic, links, lists,
// quotes and tables (a Markdown table: the first row is its header, a merged cell is its text and
// empty cells, each cell one line). Word's HTML (o:p elements, Mso classes, styles, conditional
// comments, lists written as paragraphs with mso-list) is reduced to that plain HTML
// (`cleanHtml`), then written as Markdown (`htmlToMarkdown`), which the body field stores and
// Decap's editor shows. Decap 3.16's own HTML paste fails on Word's HTML ("Cannot read properties
// of undefined") and on a pasted text that ends with a list ("Unknown error"). Plain text copied
// from a PDF is joined into paragraphs (`unwrappedText`).

import { toArabicDigits } from './dates.js';

const KEEP = {
  H1: 'h2', H2: 'h2', H3: 'h3', H4: 'h3', H5: 'h3', H6: 'h3',
  P: 'p', BR: 'br', STRONG: 'strong', B: 'strong', EM: 'em', I: 'em',
  A: 'a', UL: 'ul', OL: 'ol', LI: 'li', BLOCKQUOTE: 'blockquote',
  TABLE: 'table', TR: 'tr', TD: 'td', TH: 'td',
};
const BLOCKS = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'table', 'tr', 'td']);
const DROP = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'XML', 'O:P', 'IMG', 'TABLE-OF-CONTENTS']);
const SAFE_LINK = /^(https?:|mailto:|tel:|\/|#)/i;

function isWordListItem(node) {
  const style = node.getAttribute ? node.getAttribute('style') || '' : '';
  const cls = node.getAttribute ? node.getAttribute('class') || '' : '';
  return node.nodeName === 'P' && (/mso-list:/i.test(style) || /MsoListParagraph/i.test(cls));
}

/**
 * What a Word list paragraph is, by its number or bullet (`wordListMarker`): "ol" for a number in
 * Arabic digits (1. or 1)), "label" for a number or letter Markdown cannot number a list with
 * (๑. (๒) ก. (ก) ข้อ ๓ (a): an official document's clauses, which its text refers to, ตามข้อ ๔
 * (๒)), "ul" for a bullet.
 */
function wordListKind(marker) {
  if (/^[0-9]+[.)]$/.test(marker)) return 'ol';
  return /[0-9๐-๙]|^\(?[\u0E01-\u0E2EA-Za-z]{1,3}[.)]$/.test(marker) ? 'label' : 'ul';
}

/** A Word list paragraph's number or bullet, which Word writes as text in a span marked mso-list:Ignore. */
function wordListMarker(node) {
  const marker = node.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]');
  return marker ? marker.textContent.replace(/\s+/g, ' ').trim() : '';
}

/** The value of the CSS property `name` in a style attribute (not of a longer name ending so). */
function cssValue(style, name) {
  const found = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;!]+)`, 'i').exec(style);
  return found ? found[1].trim() : '';
}

const isBold = weight => /^(bold|bolder)$/i.test(weight) || Number(weight) >= 600;
const isItalic = slant => /^(italic|oblique)/i.test(slant);
const HOLDS_BLOCKS = 'p, div, li, ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote';

/**
 * What an element means for bold and italic: its tag, unless its style says otherwise. Google
 * Docs wraps the whole copy in <b style="font-weight:normal"> and marks bold and italic on spans
 * (font-weight:700, font-style:italic); web pages do both too. Word's mso-bidi-font-weight is a
 * property of its own and is not read.
 */
function inlineTags(node, name) {
  const style = node.getAttribute('style') || '';
  const weight = cssValue(style, 'font-weight');
  const slant = cssValue(style, 'font-style');
  if (name === 'strong') return weight && !isBold(weight) ? [] : ['strong'];
  if (name === 'em') return slant && !isItalic(slant) ? [] : ['em'];
  if (name || node.querySelector(HOLDS_BLOCKS)) return name ? [name] : [];
  return [...(weight && isBold(weight) ? ['strong'] : []), ...(slant && isItalic(slant) ? ['em'] : [])];
}

function copy(node, doc) {
  if (node.nodeType === 3) return doc.createTextNode(node.textContent.replace(/\u00a0/g, ' '));
  if (node.nodeType !== 1 || DROP.has(node.nodeName.toUpperCase())) return null;
  if (/mso-list:\s*ignore/i.test(node.getAttribute('style') || '')) return null; // Word's bullet text
  if (node.nodeName === 'BR' && /page-break/i.test(node.getAttribute('style') || '')) return null; // Word's page break
  const tags = inlineTags(node, KEEP[node.nodeName.toUpperCase()]);
  const name = tags[0];
  const out = name ? doc.createElement(name) : doc.createDocumentFragment();
  if (tags[1]) { // bold and italic: <strong><em>...</em></strong>
    copyChildren(node, doc, out.appendChild(doc.createElement(tags[1])));
    return out;
  }
  if (name === 'a') {
    const href = siteHref(node.getAttribute('href') || '');
    if (!SAFE_LINK.test(href) || linkedBySite(href, node.textContent)) {
      return copyChildren(node, doc, doc.createDocumentFragment());
    }
    out.setAttribute('href', href);
  }
  const span = Number(node.getAttribute('colspan'));
  if (name === 'td' && span > 1) out.setAttribute('colspan', String(Math.min(span, 50)));
  return copyChildren(node, doc, out);
}

/**
 * A telephone number or an e-mail address that the site itself made a link (thai_text's
 * contact_links.py: `<a href="tel:+6622321262">0 2232 1262</a>`,
 * `<a href="mailto:x@y.go.th">x@y.go.th</a>`), copied from a release on the site: it goes back as
 * text, as the writer wrote it, and the build links it again. A link a writer made (other text,
 * another number) stays a link. A range of lines (0 2232 1262-5) dials its first line.
 */
function linkedBySite(href, text) {
  const shown = text.trim();
  if (/^mailto:/i.test(href)) return href.slice(7) === shown;
  if (!/^tel:/i.test(href)) return false;
  const written = toArabicDigits(shown);
  let digits = written.replace(/\D/g, '');
  if (written.startsWith('+66')) digits = '0' + digits.slice(2);
  const dialled = href.slice(4).startsWith('+66') ? '0' + href.slice(7) : href.slice(4);
  return /^\d+$/.test(dialled) && digits.startsWith(dialled) && digits.length - dialled.length <= 2;
}

/**
 * A link to a page of this site, copied from the site itself (a writer starting from an earlier
 * release; the editor is served at the site's own address), is kept as the page's path, Thai
 * letters readable: the build's link check then checks that the page exists, and the link works
 * wherever the site is served. Other links are kept as they are.
 */
function siteHref(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return href; // not an absolute address
  }
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return href;
  const path = url.pathname + url.search + url.hash;
  try {
    const readable = decodeURI(path);
    return /[\s()<>]/.test(readable) ? path : readable; // a space or bracket would end the Markdown link
  } catch {
    return path;
  }
}

/** The level of a Word list paragraph (`mso-list:l0 level2 lfo1`): 1 for the outermost. */
function wordListLevel(node) {
  const found = /mso-list:\s*\S+\s+level(\d+)/i.exec(node.getAttribute('style') || '');
  return found ? Math.min(Math.max(Number(found[1]), 1), 9) : 1;
}

function copyChildren(node, doc, out) {
  let lists = []; // Word's list paragraphs: the list open at each level, the outermost first
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 1 && isWordListItem(child)) {
      const marker = wordListMarker(child);
      const kind = wordListKind(marker);
      if (kind === 'label') {
        // a paragraph that starts with its label as written: (๒) stays (๒), not 2. nor a bullet
        lists = [];
        const paragraph = doc.createElement('p');
        paragraph.append(`${marker} `);
        out.appendChild(copyChildren(child, doc, paragraph));
        continue;
      }
      const level = Math.min(wordListLevel(child), lists.length + 1); // no level skipped
      lists = lists.slice(0, level);
      let list = lists[level - 1];
      if (!list || list.nodeName.toLowerCase() !== kind) {
        list = doc.createElement(kind);
        (level > 1 ? lists[level - 2].lastElementChild : out).appendChild(list);
        lists[level - 1] = list;
      }
      const item = doc.createElement('li');
      copyChildren(child, doc, item);
      list.appendChild(item);
      continue;
    }
    if (child.nodeType === 3 && !child.textContent.trim() && lists.length) continue; // space between items
    lists = [];
    const copied = copy(child, doc);
    if (copied) out.appendChild(copied);
  }
  return out;
}

/** The pasted HTML reduced to headings, paragraphs, bold, italic, links, lists and quotes. */
export function cleanHtml(html) {
  const source = new DOMParser().parseFromString(String(html), 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  const body = copyChildren(source.body, doc, doc.createElement('div'));
  // Inline text left directly in the body (no paragraph) gets one.
  return body.innerHTML.replace(/<(p|li|h2|h3)>\s*<\/\1>/g, '').trim();
}

const MARKDOWN_SPECIAL = /([\\`*_[\]])/g;
// A line break inside a paragraph (Shift+Enter in Word, Google Docs or the editor; a <br> of a
// page: a signature block, an address) is CommonMark's hard break, a backslash at the end of the
// line, as the editor saves one typed with Shift+Enter (soft line breaks are read as spaces).
const HARD_BREAK = '\\\n';
const BREAKS = /[ \t]*(?:\\\n[ \t]*)+/g;

/**
 * The paragraphs of `text` (from `inline`), each as its lines: a hard break at the start or the
 * end is left out, and two or more in a row (a blank line typed with Shift+Enter) end a
 * paragraph. Each line is a `block`, so that a line after a break that starts like a list item
 * or a heading stays text.
 */
function paragraphLines(text) {
  const paragraphs = text.replace(BREAKS, run => (run.split('\n').length > 2 ? '\n\n' : HARD_BREAK)).split('\n\n');
  return paragraphs.map(paragraph => paragraph.split(HARD_BREAK).map(block).filter(Boolean))
    .filter(lines => lines.length);
}

/** `inline`'s text on one line (a heading, a table cell): its line breaks are spaces. */
const oneLine = text => paragraphLines(text).flat().join(' ');

function inline(node) {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out += child.textContent.replace(/\s+/g, ' ').replace(MARKDOWN_SPECIAL, '\\$1');
      continue;
    }
    const name = child.nodeName.toLowerCase();
    const text = inline(child);
    // Spaces at the ends of a bold or italic run stay outside its marks (Markdown needs the marks
    // against the text) and in the text: in Thai a space parts two phrases.
    const [, before, core, after] = /^((?:\s|\\\n)*)([\s\S]*?)((?:\s|\\\n)*)$/.exec(text);
    if (name === 'strong' && core) out += `${before}**${core}**${after}`;
    else if (name === 'em' && core) out += `${before}_${core}_${after}`;
    else if (name === 'a') out += `[${text.trim()}](${child.getAttribute('href')})`;
    else if (name === 'br') out += HARD_BREAK;
    else out += text;
  }
  return out;
}

/**
 * A table cell's text on one line: its paragraphs joined by a space. A `|` becomes `｜` (U+FF5C,
 * which looks the same): Decap's editor and preview split a cell at an escaped `\|`, and save the
 * row with a cell more.
 */
function cellText(cell) {
  const parts = [];
  let run = [];
  const flush = () => {
    if (run.length) parts.push(oneLine(inline({ childNodes: run })));
    run = [];
  };
  for (const child of Array.from(cell.childNodes)) {
    if (child.nodeType === 1 && BLOCKS.has(child.nodeName.toLowerCase())) {
      flush();
      parts.push(cellText(child));
    } else {
      run.push(child);
    }
  }
  flush();
  return parts.join(' ').replace(/\s+/g, ' ').trim().replace(/\|/g, '\uff5c');
}

/** A Markdown table for a pasted table: its first row is the header. */
function table(node) {
  const rows = Array.from(node.querySelectorAll('tr'))
    .filter(row => row.closest('table') === node)
    .map(row => Array.from(row.children).filter(cell => cell.nodeName.toLowerCase() === 'td')
      .flatMap(cell => [cellText(cell), ...new Array(Number(cell.getAttribute('colspan') || 1) - 1).fill('')]))
    .filter(cells => cells.some(Boolean));
  const width = Math.max(0, ...rows.map(cells => cells.length));
  if (!width) return '';
  const line = cells => `| ${[...cells, ...new Array(width - cells.length).fill('')].join(' | ')} |`;
  return [line(rows[0]), line(new Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n');
}

function block(text) {
  // A paragraph that would read as Markdown syntax at the start of a line keeps its meaning:
  // "- " and "# " get a backslash, "2569. " its dot (a backslash before a digit is shown as it is).
  return text.trim().replace(/^([#>+-])(\s)/, '\\$1$2').replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

const isList = node => /^(ul|ol)$/i.test(node.nodeName);

/**
 * The lines of a list: an item's own text after its number or dash, and a list inside it on the
 * lines after, indented to the item's text (two spaces under "- ", three under "1. "), as the
 * editor writes one. (Its text was run into the item's own, word against word.)
 */
function listLines(list, indent = '') {
  const numbered = list.nodeName.toLowerCase() === 'ol';
  const lines = [];
  let number = 0;
  let inner = indent; // where a list inside the last item goes
  for (const child of Array.from(list.children)) {
    if (isList(child)) { // Google Docs writes a deeper level as a list right inside the list
      lines.push(...listLines(child, inner));
    } else if (child.nodeName.toLowerCase() === 'li') {
      const marker = numbered ? `${++number}.` : '-';
      const own = child.cloneNode(true);
      Array.from(own.children).filter(isList).forEach(list => list.remove());
      inner = indent + ' '.repeat(marker.length + 1);
      lines.push(`${indent}${marker} ${paragraphLines(inline(own)).flat().join(HARD_BREAK + inner)}`.trimEnd());
      Array.from(child.children).filter(isList).forEach(list => lines.push(...listLines(list, inner)));
    }
  }
  return lines;
}

function blocks(node, prefix = '') {
  const out = [];
  for (const child of Array.from(node.childNodes)) {
    const name = child.nodeType === 1 ? child.nodeName.toLowerCase() : '#text';
    if (name === 'h2' || name === 'h3') {
      const text = oneLine(inline(child));
      if (text) out.push(`${name === 'h2' ? '##' : '###'} ${text}`);
    } else if (name === 'ul' || name === 'ol') {
      const lines = listLines(child);
      if (lines.length) out.push(lines.join('\n'));
    } else if (name === 'table') {
      const text = table(child);
      if (text) out.push(text);
    } else if (name === 'blockquote') {
      const inner = blocks(child);
      if (inner.length) out.push(inner.map(b => b.split('\n').map(l => `> ${l}`).join('\n')).join('\n>\n'));
    } else if (name === 'p' || name === '#text' || name === 'strong' || name === 'em' || name === 'a') {
      const text = child.nodeType === 3 ? block(child.textContent.replace(/\s+/g, ' '))
        : paragraphLines(inline(child)).map(lines => lines.join(HARD_BREAK)).join('\n\n');
      if (text) out.push(text);
    }
  }
  return out;
}

// Text copied from a PDF (Chrome's and Firefox's viewers give plain text only) has a line break
// at the end of every line of the page, mostly inside a sentence (ตรวจติดตามการ|ดำเนินงาน): each
// line would become a paragraph. Such text is recognised by its lines: at least two "full" ones
// (within 80% of the page's width, the second longest line, counted in letters that take room:
// Thai marks above and below do not), the width between 40 and 110 of them (a page's line; a
// paragraph written on one line is longer, a list of names shorter). A paragraph ends at a blank
// line or a line shorter than full, and before a list item's number or bullet; page numbers go.
const WRAPPED = { shortest: 40, longest: 110, full: 0.8 };
const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g;
// A Thai letter or mark, not ฯ or ๆ (a space follows them): two lines joined between Thai
// letters get no space, as Thai words run on; anything else gets one.
const THAI_RUN_ON = /[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]/;

// (An item's number has one or two digits: a line that starts "1428) " goes on a sentence, the
// end of a telephone number the page's width cut: "(โทร. 0 2232|1428) รับเรื่อง...".)
const LIST_ITEM = /^([0-9\u0e50-\u0e59]{1,2}[.)]|[-\u2022\u2013*])\s/;
// A page number between two pages of a letter ("- ๒ -", the official Thai letter's, or
// "หน้า 2/5"): left out, and the paragraph goes on across it.
const PAGE_NUMBER = /^([-\u2013\u2014]\s*[0-9\u0e50-\u0e59]+\s*[-\u2013\u2014]|หน้า\s*[0-9\u0e50-\u0e59]+(\s*(\/|จาก)\s*[0-9\u0e50-\u0e59]+)?)$/;

const width = line => line.replace(COMBINING, '').length;

function joined(first, second) {
  return THAI_RUN_ON.test(first.slice(-1)) && THAI_RUN_ON.test(second[0]) ? first + second : `${first} ${second}`;
}

/**
 * Markdown paragraphs for plain `text` wrapped at a page's width, its lines joined; null when the
 * text does not look wrapped (it is then pasted as it is, a paragraph a line).
 */
export function unwrappedText(text) {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n').map(line => line.trim())
    .filter(line => !PAGE_NUMBER.test(line));
  const widths = lines.map(width);
  // A page's width: the second longest line (one address longer than the line does not count).
  const page = [...widths].sort((a, b) => b - a)[Math.min(1, widths.length - 1)];
  const full = widths.filter(w => w >= WRAPPED.full * page).length;
  if (page < WRAPPED.shortest || page > WRAPPED.longest || full < 2) return null;
  const paragraphs = [];
  let current = '';
  lines.forEach((line, i) => {
    if (current && LIST_ITEM.test(line)) { // "1. ", "๒) ", "• ": an item starts a paragraph
      paragraphs.push(current);
      current = '';
    }
    if (line) current = current ? joined(current, line) : line;
    if (current && (!line || widths[i] < WRAPPED.full * page)) {
      paragraphs.push(current);
      current = '';
    }
  });
  if (current) paragraphs.push(current);
  if (paragraphs.length === lines.filter(Boolean).length) return null; // no line joined
  return paragraphs.map(plainParagraph).join('\n\n');
}

/** One paragraph of plain text as Markdown: on one line, written as it is. */
function plainParagraph(text) {
  return block(text.replace(/\s+/g, ' ').replace(MARKDOWN_SPECIAL, '\\$1'));
}

/**
 * Markdown for plain `text` that is not wrapped, as the editor pastes it itself: each line a
 * paragraph, written as it is.
 */
export function plainParagraphs(text) {
  return String(text ?? '').replace(/\r\n?/g, '\n').split('\n').filter(line => line.trim())
    .map(plainParagraph).join('\n\n');
}

/** Markdown for the HTML `cleanHtml` gives. */
export function htmlToMarkdown(html) {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  return blocks(doc.body.firstChild).join('\n\n');
}

/** How many pictures the pasted HTML holds (Word's, a web page's): they are not pasted. */
export function pastedImageCount(html) {
  const source = new DOMParser().parseFromString(String(html), 'text/html');
  return source.querySelectorAll('img[src]').length;
}

// A line that starts a list, a heading, a quote or a table: pasted blocks do not split it.
const STRUCTURED_LINE = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\|)/;
const BLANK_LINE = /\n[ \t]*\n/g;
// Nothing but a block's own syntax before the cursor: the cursor is at the start of its text.
const BLOCK_SYNTAX = /^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?|\|\s*)?$/;

/**
 * The body with `pasted` (Markdown) put where `mark` is (the author's cursor, typed into the
 * editor before the paste was read); without the mark, after the body. One paragraph goes into
 * the line at the cursor. Blocks (several paragraphs, a list, a table) split the paragraph at the
 * cursor, or go before the block when the cursor is at its start, or after a list, a table, a
 * heading or a quote the cursor is in.
 */
export function placePasted(markdown, mark, pasted) {
  const at = markdown.indexOf(mark);
  if (at < 0) {
    const current = markdown.replace(/\s+$/u, '');
    return current ? `${current}\n\n${pasted}` : pasted;
  }
  const before = markdown.slice(0, at);
  const after = markdown.slice(at + mark.length);
  const blanks = [...before.matchAll(BLANK_LINE)];
  const blockStart = blanks.length ? blanks[blanks.length - 1].index + blanks[blanks.length - 1][0].length : 0;
  if (!pasted.includes('\n') && !STRUCTURED_LINE.test(pasted)) {
    const inLine = before.slice(before.lastIndexOf('\n') + 1);
    return before + (inLine.trimStart().startsWith('|') ? pasted.replace(/\|/g, '\uff5c') : pasted) + after;
  }
  const join = (head, tail) => {
    head = head.replace(/\s+$/u, '');
    tail = tail.replace(/^\s+/u, '');
    return [head, pasted, tail].filter(Boolean).join('\n\n');
  };
  const opening = before.slice(blockStart);
  if (BLOCK_SYNTAX.test(opening)) return join(before.slice(0, blockStart), opening + after);
  if (!STRUCTURED_LINE.test((opening + after).split('\n')[0])) return join(before, after);
  const end = after.search(BLANK_LINE);
  return end < 0 ? join(before + after, '') : join(before + after.slice(0, end), after.slice(end));
}
