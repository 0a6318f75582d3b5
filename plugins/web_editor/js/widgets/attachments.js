// เอกสารแนบ: documents (PDF, Word, Excel...) readers download under the release, chosen one or many
// at once, each with a title (the link readers see). The value is { folder, items: [{ path, title }] }:
// js/format.js writes it as the header's Attachments: lines (plugins/attachments), and the files go
// into content/<ATTACHMENTS_DIR>/<folder>/ with the same save, so one release is one change. The
// plugin publishes only the documents a release lists: one taken off the list leaves the site
// once the change is approved, and its file stays in the repository. A document the build would
// refuse is refused as it is chosen: a type not published, an empty file, a photo inside with a
// location or camera data (embedded.js), tracked changes or comments (hidden-content.js).

import React from 'react';

import { originalOf } from '../copy.js';
import { photosWithMetadata } from '../embedded.js';
import { leftIn, leftInMessage } from '../hidden-content.js';
import { documentName } from '../names.js';
import { entryFolderBase, withRandomLetters } from './address.js';
import { Failures, h, pasteFixed, plain } from './common.js';

export function attachmentsWidget(site) {
  const rules = site.attachments;

  class ThaiAttachments extends React.Component {
    state = { failures: [], notes: [] };

    added = new Set(); // documents added since the entry was opened (not in the repository yet)

    input = React.createRef();

    entry() {
      return typeof this.props.getEntry === 'function' ? this.props.getEntry() : this.props.entry;
    }

    value() {
      const value = plain(this.props.value) || {};
      return { folder: value.folder || '', items: (plain(value.items) || []).filter(item => item && item.path) };
    }

    change(value) {
      this.props.onChange({ folder: value.folder, items: value.items });
    }

    componentDidMount() {
      this.dropCopied();
    }

    componentDidUpdate() {
      this.dropCopied();
    }

    // A copy of a release (ทำซ้ำ) lists none of the original's documents, and adds none to its folder.
    dropCopied() {
      const original = originalOf(this.entry());
      const copied = original && original.attachments && original.attachments.folder;
      if (copied && this.value().folder === copied) this.change({ folder: '', items: [] });
    }

    /** The folder of this release's documents: the one it has, else its file name and four random letters. */
    folderName() {
      const value = this.value();
      if (value.folder) return value.folder;
      const { base } = entryFolderBase(site, this.props);
      return base ? withRandomLetters(base) : '';
    }

    addFiles = async files => {
      files = Array.from(files || []);
      if (!files.length) return;
      const folder = this.folderName();
      if (!folder) {
        this.setState({ failures: ['พิมพ์ชื่อข่าวก่อน แล้วจึงแนบเอกสาร (ระบบตั้งชื่อโฟลเดอร์จากชื่อข่าว)'], notes: [] });
        return;
      }
      let value = { ...this.value(), folder };
      this.change(value); // the field's media folder names it: set before the first file goes there
      const taken = new Set(value.items.map(item => item.path.split('/').pop().toLowerCase()));
      const failures = [];
      const notes = [];
      for (const file of files) {
        const extension = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
        if (!rules.types[extension]) {
          failures.push(`${file.name}: แนบไฟล์ชนิดนี้ไม่ได้ ให้บันทึกเป็น PDF แล้วแนบใหม่ (ชนิดที่แนบได้: ${Object.keys(rules.types).join(', ')})`);
          continue;
        }
        if (!file.size) {
          failures.push(`${file.name}: ไฟล์ว่าง (0 ไบต์) ผู้อ่านเปิดไม่ได้ ให้แนบไฟล์ใหม่จากต้นฉบับ`);
          continue;
        }
        const carrying = await photosWithMetadata(file).catch(() => []);
        if (carrying.length) {
          const where = carrying.slice(0, 3).join(', ') + (carrying.length > 3 ? ` และอีก ${carrying.length - 3} ภาพ` : '');
          failures.push(`${file.name}: มีภาพที่บันทึกตำแหน่งที่ถ่าย (GPS) หรือข้อมูลกล้องอยู่ข้างใน (${where}) ผู้อ่านที่ดาวน์โหลดเอกสารจะได้ข้อมูลนั้นไปด้วย `
            + 'ให้ใส่ภาพที่ไม่มีข้อมูลแฝงแทนในเอกสาร (ภาพจากแกลเลอรีของเว็บไซต์ไม่มีตำแหน่งและข้อมูลกล้อง) หรือบันทึกเอกสารเป็น PDF ใหม่ แล้วแนบอีกครั้ง');
          continue;
        }
        const kept = await leftIn(file).catch(() => []);
        if (kept.length) {
          failures.push(...kept.map(found => leftInMessage(found, file.name, rules)));
          continue;
        }
        if (rules.unread.includes(`.${extension}`)) {
          notes.push(`${file.name}: เป็นไฟล์แบบเก่า ระบบตรวจการแก้ไขที่ติดตามไว้และความคิดเห็นในไฟล์นี้ไม่ได้ `
            + `ให้ตรวจในโปรแกรมที่สร้างไฟล์ก่อนส่งให้หัวหน้า หรือบันทึกเป็น .${extension}x หรือ PDF แล้วแนบใหม่`);
        }
        if (file.size > rules.warn_mb * 1_000_000) {
          notes.push(`${file.name}: ไฟล์ใหญ่ ${Math.round(file.size / 1_000_000)} MB ผู้อ่านบนโทรศัพท์จะโหลดช้า ควรบีบอัดหรือแยกไฟล์`);
        }
        const name = documentName(file.name, taken);
        await this.props.onPersistMedia(new File([file], name, { type: file.type }), { field: this.props.field });
        this.added.add(name);
        const title = file.name.replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' ').trim();
        value = { ...value, items: [...value.items, { path: `${rules.dir}/${folder}/${name}`, title }] };
        this.change(value);
      }
      this.setState({ failures, notes });
      if (this.input.current) this.input.current.value = '';
    };

    /** A title pasted: typing errors fixed (a PDF's glyph variants...), the author told. */
    pasted(event) {
      const note = pasteFixed(event, site);
      if (note) this.setState(state => ({ notes: [...state.notes, note] }));
    }

    setTitle(path, title) {
      const value = this.value();
      this.change({ ...value, items: value.items.map(item => (item.path === path ? { ...item, title } : item)) });
    }

    // The document leaves the list; a file added since the entry was opened is then not committed
    // (assets.js), one in the repository stays there and is no longer published.
    remove(path) {
      const value = this.value();
      this.added.delete(path.split('/').pop());
      this.change({ ...value, items: value.items.filter(item => item.path !== path) });
    }

    render() {
      const { forID } = this.props;
      const value = this.value();
      const accept = Object.keys(rules.types).map(extension => `.${extension}`).join(',');
      return h(
        'div',
        { className: 'zc-attachments', id: forID, role: 'group' },
        h('label', { className: 'zc-button zc-button-primary', htmlFor: `${forID}-files` }, 'เลือกเอกสาร (PDF, Word, Excel)'),
        h('input', {
          id: `${forID}-files`, ref: this.input, className: 'zc-file-input', type: 'file', multiple: true, accept,
          onChange: event => this.addFiles(event.target.files),
        }),
        h(Failures, { items: this.state.failures }),
        value.items.length
          ? h('ol', { className: 'zc-attachment-list' },
              ...value.items.map((item, index) => {
                const titleId = `${forID}-title-${index}`;
                const name = item.path.split('/').pop();
                return h(
                  'li',
                  { key: item.path },
                  h('p', { className: 'zc-attachment-file' }, name),
                  h('label', { htmlFor: titleId }, `ชื่อเอกสารที่ ${index + 1} (ข้อความของลิงก์ที่ผู้อ่านเห็น)`),
                  h('input', {
                    id: titleId, type: 'text', className: 'zc-caption', value: item.title || '',
                    onChange: event => this.setTitle(item.path, event.target.value),
                    onPaste: event => this.pasted(event),
                  }),
                  h('button', {
                    type: 'button', className: 'zc-button', onClick: () => this.remove(item.path),
                    'aria-label': this.added.has(name) ? `ลบเอกสารที่ ${index + 1}` : `ถอนเอกสารที่ ${index + 1} ออกจากข่าว`,
                  }, this.added.has(name) ? 'ลบ' : 'ถอนออกจากข่าว'),
                );
              }))
          : null,
        this.state.notes.length
          ? h('ul', { className: 'zc-messages' }, ...this.state.notes.map((text, i) => h('li', { key: i, className: 'zc-note' }, text)))
          : null,
      );
    }
  }

  const Preview = () => null;
  return { name: 'thai-attachments', control: ThaiAttachments, preview: Preview };
}
