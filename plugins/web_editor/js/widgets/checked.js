// Decap's own widgets (string, text, select, markdown) with the checks of their field shown under
// them as the author types, and their errors stopping the save (`isValid`).

import React from 'react';

import { cleanHtml, htmlToMarkdown, pastedImageCount, placePasted, plainParagraphs, unwrappedText } from '../paste.js';
import { Messages, fieldProblems, fixPasted, h, pasteFixed, validity } from './common.js';

// Typed at the author's cursor when a paste is read, and replaced by what was pasted.
const PASTE_MARK = '\uE000\uE001\uE000';

/**
 * The last words of pasted Markdown as the editor shows them, within one run of formatting (the
 * editor draws a bold word or a link as a text of its own), to find them after a paste.
 */
function lastWords(markdown) {
  let line = (markdown.split('\n').filter(l => l.trim()).pop() || '')
    .replace(/^\s*(?:[-*+]\s+|\d+\\?[.)]\s+|#{1,6}\s+|>\s?)/, '');
  if (line.trim().startsWith('|')) line = line.split('|').filter(cell => cell.trim()).pop() || '';
  const runs = line.split(/\*\*|\[|\]\([^)]*\)|(?<=^|\s)_|_(?=\s|$)/)
    .map(run => run.replace(/\\(.)/g, '$1').trim()).filter(Boolean);
  return (runs.pop() || '').slice(-16);
}

export function checkedWidget(CMS, baseName, site) {
  const base = CMS.getWidget(baseName);
  const Base = base.control;

  class Checked extends React.Component {
    state = { generation: 0, pasteNotes: [] };

    /**
     * Paste into the rich-text body: the clipboard's HTML is cleaned and written as Markdown
     * (paste.js) and put at the cursor (`insertPasted`). Pictures are not pasted: the author is
     * told where photos go. Typing errors thai_text fixes on the site (among them the glyph
     * variants and loose marks of Thai copied from a PDF) are fixed in what is pasted, and the
     * author is told.
     */
    onPasteCapture = event => {
      const data = event.clipboardData;
      const body = event.target.closest && event.target.closest('[data-slate-editor]');
      if (!data || !body) return;
      const html = data.getData('text/html');
      const images = html ? pastedImageCount(html)
        : Array.from(data.files || []).filter(file => file.type.startsWith('image/')).length;
      const notes = images ? [this.imagesNote(images, Boolean(html))] : [];
      const tell = () => {
        if (notes.length || this.state.pasteNotes.length) this.setState({ pasteNotes: notes });
      };
      if (!html) {
        if (images) {
          tell();
          event.preventDefault();
          return;
        }
        const copied = data.getData('text/plain');
        const text = this.fixedPaste(copied, notes);
        // Text from a PDF: its lines joined into paragraphs, and the author told.
        const unwrapped = unwrappedText(text);
        if (unwrapped) {
          const count = unwrapped.split('\n\n').length;
          notes.push(`ข้อความที่วางถูกตัดบรรทัดไว้ (เช่น คัดลอกจาก PDF) ระบบต่อบรรทัดเป็น ${count} ย่อหน้าแล้ว ตรวจการแบ่งย่อหน้าในตัวอย่าง`);
        }
        tell();
        event.preventDefault();
        event.stopPropagation();
        // Text as copied is pasted as the editor pastes it, but not by Slate's own paste: that
        // uses the cursor Slate last heard of, none when the paste follows a click into the
        // body at once, and then the text was dropped (see insertPasted).
        this.insertPasted(body, unwrapped || plainParagraphs(text), !unwrapped && text === copied ? text : undefined);
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      const pasted = this.fixedPaste(htmlToMarkdown(cleanHtml(html)), notes);
      tell();
      if (pasted) this.insertPasted(body, pasted);
    };

    /**
     * Paste into a one-line or plain-text field (a title copied from a letter's subject line):
     * typing errors fixed as in the body, put in as the browser pastes (undo takes it out).
     */
    onTextPasteCapture = event => {
      if (!/^(input|textarea)$/i.test(event.target.nodeName)) return;
      const note = pasteFixed(event, site);
      if (note || this.state.pasteNotes.length) this.setState({ pasteNotes: note ? [note] : [] });
    };

    /** `text` with its typing errors fixed (`fixPasted`); the note of what was fixed goes in `notes`. */
    fixedPaste(text, notes) {
      const fixed = fixPasted(text, site);
      if (fixed.note) notes.push(fixed.note);
      return fixed.text;
    }

    /**
     * `pasted` (Markdown) at the cursor. Plain text that gives the same (`typed`: one line
     * without markup, or text pasted as copied) is typed in by Slate itself (the cursor stays
     * after it, and undo takes it out). Anything else: a mark typed at the cursor, the Markdown
     * put there (`placePasted`), the editor drawn again from the Markdown and the cursor put
     * after the pasted text. Slate may take typed text and drop it, if it has heard of no cursor
     * yet (a paste at once after a click: the page tells it of the click a moment later); then
     * the mark is typed, as the page's cursor has reached Slate by then. Should Slate take
     * neither, the text goes after the body: nothing pasted is lost.
     */
    async insertPasted(body, pasted, typed = pasted.length > 1 && !/[\\*_[\]`|\n]/.test(pasted) ? pasted : null) {
      const before = String(this.latest ?? this.props.value ?? '');
      const letters = text => text.replace(/\s/gu, '').length;
      this.latest = undefined;
      if (typed && this.typeAtCursor(body, typed)
          && await this.changed(value => letters(value) >= letters(before) + letters(typed))) return;
      this.awaitingMark = true;
      const marked = this.typeAtCursor(body, PASTE_MARK) && await this.changed(value => value.includes(PASTE_MARK));
      this.awaitingMark = false;
      this.props.onChange(placePasted(marked || String(this.latest ?? this.props.value ?? before), PASTE_MARK, pasted));
      this.cursorAfter = lastWords(pasted);
      this.setState(state => ({ generation: state.generation + 1 }));
    }

    /** The body once Slate has changed it so that `test` holds (within two seconds), or null. */
    async changed(test) {
      for (let tries = 0; tries < 200; tries += 1) {
        if (this.latest !== undefined && test(String(this.latest))) return String(this.latest);
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      return null;
    }

    /**
     * Plain text put at the cursor by Slate itself, as the browser asks it to paste text only
     * (true if Slate took it). Slate reads the cursor from the page first; a paste event would
     * use where the cursor was up to 0.1 s before.
     */
    typeAtCursor(body, text) {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const input = new InputEvent('beforeinput', {
        inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true,
      });
      return !body.dispatchEvent(input);
    }

    /** After a paste drew the editor again: the cursor after the pasted text, as before it. */
    componentDidUpdate(_props, state) {
      if (state.generation === this.state.generation || this.cursorAfter === undefined) return;
      const words = this.cursorAfter;
      this.cursorAfter = undefined;
      const editable = this.wrapper && this.wrapper.querySelector('[data-slate-editor]');
      if (!editable) return;
      editable.focus();
      const walker = document.createTreeWalker(editable, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && words; node = walker.nextNode()) {
        const at = node.textContent.indexOf(words);
        if (at >= 0) {
          document.getSelection().setBaseAndExtent(node, at + words.length, node, at + words.length);
          return;
        }
      }
    }

    /**
     * Decap's value as Slate writes it; the paste mark never reaches the entry. A value with the
     * mark when no paste waits for it is Slate's late report of a mark the paste gave up waiting
     * for (a slow machine): the pasted text was put after the body instead, and this older value
     * would wipe it out.
     */
    onChange = value => {
      if (typeof value === 'string' && value.includes(PASTE_MARK) && !this.awaitingMark) return;
      this.latest = value;
      this.props.onChange(typeof value === 'string' ? value.split(PASTE_MARK).join('') : value);
    };

    // The field is named as the author sees it (เนื้อข่าว in a release, เนื้อหา in a page); where
    // the collection has a photos field, the note says to add pictures there.
    imagesNote(count, withText) {
      const fields = this.props.collection && this.props.collection.get('fields');
      const photos = fields && fields.find(field => field.get('widget') === 'thai-photos');
      const label = (this.props.field && this.props.field.get('label')) || 'เนื้อข่าว';
      const why = `เพราะ${label}มีได้เฉพาะข้อความ`;
      const fix = photos ? ` ให้เพิ่มภาพในช่อง ${photos.get('label')}` : '';
      return withText
        ? `ภาพ ${count} ภาพในข้อความที่วางไม่ได้นำมาด้วย ${why}${fix}`
        : `วางภาพใน${label}ไม่ได้${photos ? fix : ` ${why}`}`;
    }

    isValid = () => {
      return validity(fieldProblems(this.props, site));
    };

    render() {
      const problems = fieldProblems(this.props, site, { shown: true });
      const id = `${this.props.forID}-checks`;
      return h(
        'div',
        {
          ref: element => { this.wrapper = element; },
          className: 'zc-checked',
          'aria-describedby': problems.length || this.state.pasteNotes.length ? id : undefined,
          onPasteCapture: baseName === 'markdown' ? this.onPasteCapture
            : baseName === 'string' || baseName === 'text' ? this.onTextPasteCapture : undefined,
        },
        h(Base, { ...this.props, onChange: this.onChange, key: this.state.generation }),
        h(Messages, { id, problems, notes: this.state.pasteNotes }),
      );
    }
  }
  return { name: `checked-${baseName}`, control: Checked, preview: base.preview };
}
