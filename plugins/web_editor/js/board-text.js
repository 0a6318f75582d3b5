// The text a card of the review board shows under the title. Decap puts the start of the entry's
// body there as it is, Markdown and all ("## สาระสำคัญ * การระบุ..."); the bundle (bundle.py,
// DECAP_BOARD_TEXT) makes it call this instead, which gives the words a reader sees: no heading,
// list, quote or emphasis marks, links and addresses in <> as their text, tables as their cells,
// no pictures or HTML, no line break's backslash.

import { BACKSLASH_BREAK } from './body-lines.js';

const LINE_MARKS = /^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+/;
const AUTOLINK = /<(https?:\/\/[^\s<>]+|[^\s<>@]+@[^\s<>]+)>/g;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The plain text of the Markdown `body`, on one line. */
export function boardText(body) {
  if (typeof body !== 'string') return body;
  const lines = [];
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line) || TABLE_RULE.test(line)) continue;
    // (a backslash that ends a line is a line break, not text)
    lines.push(line.replace(LINE_MARKS, '').replace(BACKSLASH_BREAK, '$1').replace(/\|/g, ' '));
  }
  return lines.join(' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // an address in <> (an autolink) is shown, as the page shows it; other tags are not
    .replace(AUTOLINK, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(\*\*|__|~~|\*|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
