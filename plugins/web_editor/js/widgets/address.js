// ที่อยู่ของข่าว, read-only. A new release gets its file name from its title (names.js) until it is
// first saved; then the name never changes, so neither does its address. The address itself (the
// URL slug) is made from the file name by the site's build with thai_text's romanisation: the
// editor shows it once the build knows it (site-data.json `entries`), or the `Slug:` an older
// release was written with.

import React from 'react';

import { originalOf } from '../copy.js';
import { fileNameFrom } from '../names.js';
import { entryData, h } from './common.js';

export function takenNames(site, folder) {
  const names = new Set();
  for (const path of Object.keys(site.entries)) {
    if (path.startsWith(`${folder}/`)) names.add(path.slice(folder.length + 1).replace(/\.md$/, ''));
  }
  for (const name of Object.keys(site.galleries)) names.add(name);
  return names;
}

/** The file name a new entry gets from its title. */
export function newFileName(site, collection, title) {
  return fileNameFrom(title, site.file_name_length, takenNames(site, collection.get('folder')));
}

/**
 * The name a folder of an entry's own files (its photos, its documents) starts from: the entry's
 * file name once it is saved, else the one its title gives; and whether it is saved.
 */
export function entryFolderBase(site, props) {
  const entry = typeof props.getEntry === 'function' ? props.getEntry() : props.entry;
  const saved = Boolean(entry && !entry.get('newRecord') && entry.get('path'));
  const base = saved
    ? entry.get('path').split('/').pop().replace(/\.md$/, '')
    : newFileName(site, props.collection, entryData(props).title);
  return { base, saved };
}

/** `base` and four random letters: two new entries with one title never share a folder. */
export function withRandomLetters(base) {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(4)), n => 'abcdefghjkmnpqrstuvwxyz23456789'[n % 31]);
  return `${base}-${letters.join('')}`;
}

export function addressWidget(site) {
  class Address extends React.Component {
    entry() {
      return typeof this.props.getEntry === 'function' ? this.props.getEntry() : this.props.entry;
    }

    isNew() {
      const entry = this.entry();
      return Boolean(entry && entry.get('newRecord'));
    }

    wanted() {
      return newFileName(site, this.props.collection, entryData(this.props).title);
    }

    sync() {
      if (!this.isNew()) return;
      const wanted = this.wanted();
      if (wanted !== (this.props.value || '')) this.props.onChange(wanted);
    }

    // Decap re-renders a widget only when its own value changes; this one follows the title, so it
    // also listens to what the author types anywhere in the form (the store is updated by then).
    refresh = () => {
      this.forceUpdate();
      this.sync();
    };

    componentDidMount() {
      document.addEventListener('input', this.refresh);
      document.addEventListener('change', this.refresh);
      this.sync();
    }

    componentWillUnmount() {
      document.removeEventListener('input', this.refresh);
      document.removeEventListener('change', this.refresh);
    }

    shouldComponentUpdate() {
      return true;
    }

    render() {
      const { forID } = this.props;
      const entry = this.entry();
      const folder = this.props.collection.get('folder');
      const lines = [];
      if (this.isNew()) {
        const name = this.props.value;
        lines.push(name ? `ชื่อไฟล์: ${folder}/${name}.md` : 'พิมพ์ชื่อข่าวก่อน ระบบจะตั้งชื่อไฟล์จากชื่อข่าว');
        lines.push('ที่อยู่ภาษาอังกฤษของข่าวจะสร้างจากชื่อไฟล์นี้ด้วยระบบถอดอักษรของเว็บไซต์เมื่อเผยแพร่ และจะไม่เปลี่ยนอีก');
        if (originalOf(entry)) {
          lines.push('ข่าวนี้คัดลอกมาจากข่าวเดิม: ได้ชื่อไฟล์ ที่อยู่ และวันที่ใหม่ ไม่มีภาพของข่าวเดิม '
            + 'แก้ชื่อข่าวและเนื้อข่าวให้เป็นของข่าวใหม่ก่อนบันทึก');
        }
      } else {
        const path = entry ? entry.get('path') : '';
        const known = site.entries[path];
        const slug = entryData(this.props).slug;
        lines.push(`ไฟล์: ${path}`);
        if (known) lines.push(`ที่อยู่บนเว็บไซต์: ${known.url}`);
        else if (slug) lines.push(`ที่อยู่บนเว็บไซต์: …/${slug}/`);
        else lines.push('ที่อยู่ภาษาอังกฤษจะสร้างจากชื่อไฟล์เมื่อเผยแพร่');
      }
      return h('div', { className: 'zc-address', id: forID, role: 'status' },
        ...lines.map((line, i) => h('p', { key: i }, line)));
    }
  }

  return { name: 'thai-address', control: Address, preview: () => null };
}
