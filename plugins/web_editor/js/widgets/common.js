// What every widget of ours shares: React's createElement, plain values, the messages under a field.

import React from 'react';

import { checkEntry, findTypos, fixTypos } from '../checks.js';

export const h = React.createElement;

export function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

export function kindOf(props) {
  const name = props.collection && props.collection.get('name');
  return name === 'pages' ? 'page' : 'article';
}

export function entryData(props) {
  const entry = typeof props.getEntry === 'function' ? props.getEntry() : props.entry;
  return (entry && plain(entry.get('data'))) || {};
}

function isEmpty(value) {
  value = plain(value);
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
}

/**
 * The problems of this widget's field, with the current value of the field. `shown` leaves out
 * "nothing written yet" while the field is still empty and untouched (Decap says it on save).
 */
export function fieldProblems(props, site, { shown = false } = {}) {
  const field = props.field.get('name');
  const data = { ...entryData(props), [field]: plain(props.value) };
  const kind = kindOf(props);
  const problems = checkEntry(data, kind, { rules: site.rules, galleries: site.galleries }).filter(p => p.field === field);
  return shown && isEmpty(props.value) ? [] : problems;
}

/**
 * Pasted `text` with the typing errors thai_text fixes on the site (checks.js; among them the
 * glyph variants and loose marks of Thai copied from a PDF) fixed, and the note that tells the
 * author what was fixed (null when nothing was).
 */
export function fixPasted(text, site) {
  const found = site.rules ? findTypos(text, site.rules) : [];
  if (!found.length) return { text, note: null };
  const kinds = [...new Set(found.map(hit => hit.what.split(' / ')[0]))];
  return {
    text: fixTypos(text, site.rules),
    note: `แก้ตัวอักษรที่ผิดในข้อความที่วางแล้ว ${found.length} แห่ง: ${kinds.join(' และ')} ตรวจคำในตัวอย่าง`,
  };
}

/**
 * A paste into one of our text inputs (a title, a caption): its text fixed (`fixPasted`) and put
 * in as the browser pastes (undo takes it out). The note to show, or null when nothing was fixed.
 */
export function pasteFixed(event, site) {
  const data = event.clipboardData;
  if (!data) return null;
  const { text, note } = fixPasted(data.getData('text/plain'), site);
  if (note) {
    event.preventDefault();
    document.execCommand('insertText', false, text);
  }
  return note;
}

/** `isValid` for Decap: the errors of the field stop the save, with their Thai message. */
export function validity(problems) {
  const errors = problems.filter(p => p.level === 'error');
  return errors.length ? { error: { message: errors.map(p => p.message).join(' / ') } } : true;
}

/** The messages under a field: errors first, live (a screen reader hears them as they change). */
export function Messages({ id, problems, notes = [] }) {
  const ordered = [...problems].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return h(
    'div',
    { className: 'zc-messages', id, 'aria-live': 'polite' },
    ordered.length || notes.length
      ? h(
          'ul',
          null,
          ...ordered.map((p, i) => h('li', { key: `p${i}`, className: `zc-${p.level}` },
            h('span', { className: 'zc-level' }, p.level === 'error' ? 'ต้องแก้: ' : 'ควรตรวจ: '), p.message)),
          ...notes.map((note, i) => h('li', { key: `n${i}`, className: 'zc-note' }, note)),
        )
      : null,
  );
}

/** Files refused, each with why and the fix, announced at once (the alert is around the list, so
 * that the list stays a list for a screen reader). */
export function Failures({ items }) {
  if (!items.length) return null;
  return h('div', { role: 'alert' },
    h('ul', { className: 'zc-failures' }, ...items.map((text, i) => h('li', { key: i, className: 'zc-error' }, text))));
}
