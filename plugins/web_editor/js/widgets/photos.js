// ภาพกิจกรรม: photos chosen many at once (or dropped), cleaned in the browser (photos.js), shown as
// thumbnails with a caption field under each, a choice of cover, and an order; a published photo
// can be taken off the site. The value is { gallery, cover, items: [{ file, caption }], hidden }:
// js/format.js writes it as the header's Gallery:, Cover:, Captions: and Hidden_photos: lines, and
// the photos go into content/galleries/<gallery>/ with the same save, so one release is one change.

import React from 'react';

import { originalOf } from '../copy.js';
import { coverOf, mergePhotos } from '../gallery.js';
import { photoName } from '../names.js';
import { PhotoProblem, preparePhoto } from '../photos.js';
import { entryFolderBase, withRandomLetters } from './address.js';
import { Failures, Messages, fieldProblems, h, pasteFixed, plain } from './common.js';

const EXTENSIONS = { 'image/jpeg': '.jpg', 'image/png': '.png' };

export const photoTimings = [];

export function photosWidget(site) {
  class ThaiPhotos extends React.Component {
    state = { busy: '', failures: [], notes: [] };

    objectUrls = {};

    input = React.createRef();

    componentWillUnmount() {
      Object.values(this.objectUrls).forEach(url => URL.revokeObjectURL(url));
    }

    componentDidMount() {
      this.dropCopiedPhotos();
    }

    componentDidUpdate() {
      this.dropCopiedPhotos();
    }

    // A copy of a release (ทำซ้ำ) has none of the original's photos, and never adds any to its folder.
    dropCopiedPhotos() {
      const entry = typeof this.props.getEntry === 'function' ? this.props.getEntry() : this.props.entry;
      const original = originalOf(entry);
      const copied = original && original.photos && original.photos.gallery;
      if (copied && this.value().gallery === copied) this.change({ gallery: '', cover: '', items: [], hidden: [] });
    }

    shouldComponentUpdate() {
      return true; // thumbnails load while the value stays the same
    }

    value() {
      const value = plain(this.props.value) || {};
      return { gallery: value.gallery || '', cover: value.cover || '', items: plain(value.items) || [], hidden: plain(value.hidden) || [] };
    }

    onDisk(gallery) {
      return (gallery && site.galleries[gallery]) || [];
    }

    /**
     * The gallery folder of this release: the one it has, else its file name (an existing release)
     * or its title's file name (a new one) with four random letters, so that two new releases
     * with the same title never share a folder (the file of the second gets "-1" only on save).
     */
    galleryName() {
      const value = this.value();
      if (value.gallery) return value.gallery;
      const { base, saved } = entryFolderBase(site, this.props);
      if (!base) return '';
      return saved && !site.galleries[base] ? base : withRandomLetters(base);
    }

    /** Every photo of the gallery, listed in the header (so the header decides order and captions). */
    listed(value) {
      return mergePhotos(value.items, this.onDisk(value.gallery), value.hidden).map(({ file, caption }) => ({ file, caption }));
    }

    change(value) {
      this.props.onChange({ gallery: value.gallery, cover: value.cover, items: value.items, hidden: value.hidden || [] });
    }

    isValid = () => {
      return this.state.busy ? { error: { message: 'รอให้เตรียมภาพเสร็จก่อน แล้วจึงบันทึก' } } : true;
    };

    addFiles = async files => {
      files = Array.from(files || []);
      if (!files.length) return;
      const gallery = this.galleryName();
      if (!gallery) {
        this.setState({ failures: ['พิมพ์ชื่อข่าวก่อน แล้วจึงเพิ่มภาพ (ระบบตั้งชื่อโฟลเดอร์ภาพจากชื่อข่าว)'] });
        return;
      }
      let value = this.value();
      value = { ...value, gallery, items: this.listed({ ...value, gallery }) };
      this.change(value);
      const taken = new Set(value.items.map(item => item.file.toLowerCase()));
      const failures = [];
      const notes = [];
      for (const [index, file] of files.entries()) {
        this.setState({ busy: `กำลังเตรียมภาพ ${index + 1} จาก ${files.length}: ${file.name}` });
        try {
          const photo = await preparePhoto(file, site.photos);
          photoTimings.push({ name: file.name, ms: photo.ms, bytes: photo.blob.size, original: photo.original });
          const name = photoName(file.name, EXTENSIONS[photo.type], taken);
          const cleaned = new File([photo.blob], name, { type: photo.type });
          await this.props.onPersistMedia(cleaned, { field: this.props.field });
          this.objectUrls[name] = URL.createObjectURL(photo.blob);
          value = { ...value, items: [...value.items, { file: name, caption: '' }] };
          this.change(value);
          if (photo.note) notes.push(`${file.name}: ${photo.note}`);
        } catch (error) {
          if (!(error instanceof PhotoProblem)) throw error;
          failures.push(`${error.file}: ${error.thai}`);
        }
      }
      this.setState({ busy: '', failures, notes });
      if (this.input.current) this.input.current.value = '';
    };

    /** A caption pasted: typing errors fixed (a PDF's glyph variants...), the author told. */
    pasted(event) {
      const note = pasteFixed(event, site);
      if (note) this.setState(state => ({ notes: [...state.notes, note] }));
    }

    setCaption(file, caption) {
      const value = this.value();
      const items = this.listed(value).map(item => (item.file === file ? { ...item, caption } : item));
      this.change({ ...value, items });
    }

    move(file, step) {
      const value = this.value();
      const items = this.listed(value);
      const at = items.findIndex(item => item.file === file);
      const to = at + step;
      if (at < 0 || to < 0 || to >= items.length) return;
      [items[at], items[to]] = [items[to], items[at]];
      this.change({ ...value, items });
    }

    // A photo not yet published leaves the list; the save then neither commits its file nor keeps
    // it on the release's branch (assets.js).
    remove(file) {
      const value = this.value();
      const items = this.listed(value).filter(item => item.file !== file);
      if (this.objectUrls[file]) URL.revokeObjectURL(this.objectUrls[file]);
      delete this.objectUrls[file];
      this.change({ ...value, items, cover: value.cover === file ? '' : value.cover });
    }

    // A published photo cannot be deleted through the review (Decap deletes a file with a commit
    // of its own on the site's branch): it is taken off the site by the header's Hidden_photos:
    // (photo_gallery's hidden_photos.py), and the file stays. Shown again by taking it off the list.
    hide(file) {
      const value = this.value();
      const items = value.items.filter(item => item && item.file !== file);
      this.change({ ...value, items, cover: value.cover === file ? '' : value.cover, hidden: [...value.hidden, file] });
    }

    show(file) {
      const value = this.value();
      this.change({ ...value, hidden: value.hidden.filter(name => name.toLowerCase() !== file.toLowerCase()) });
    }

    thumb(gallery, photo) {
      if (this.objectUrls[photo.file]) return this.objectUrls[photo.file];
      const published = this.onDisk(gallery).find(p => p.file === photo.file);
      if (published && published.thumb) return published.thumb;
      const asset = this.props.getAsset(photo.file, this.props.field);
      return asset ? asset.toString() : '';
    }

    render() {
      const { forID } = this.props;
      const value = this.value();
      const photos = mergePhotos(value.items, this.onDisk(value.gallery), value.hidden);
      const problems = fieldProblems(this.props, site);
      const cover = coverOf(value.cover, photos);
      const onDisk = new Set(this.onDisk(value.gallery).map(p => p.file));
      const summaryId = `${forID}-checks`;
      return h(
        'div',
        { className: 'zc-photos', id: forID, role: 'group', 'aria-describedby': summaryId },
        h(
          'div',
          {
            className: 'zc-drop',
            onDragOver: event => event.preventDefault(),
            onDrop: event => {
              event.preventDefault();
              this.addFiles(event.dataTransfer.files);
            },
          },
          h('label', { className: 'zc-button zc-button-primary', htmlFor: `${forID}-files` }, 'เลือกภาพ (เลือกได้หลายภาพพร้อมกัน)'),
          h('input', {
            id: `${forID}-files`,
            ref: this.input,
            className: 'zc-file-input',
            type: 'file',
            multiple: true,
            accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic',
            onChange: event => this.addFiles(event.target.files),
          }),
          h('p', { className: 'zc-drop-hint' }, 'หรือลากภาพมาวางที่นี่ ระบบจะหมุนภาพให้ตั้งตรง ลบข้อมูลตำแหน่ง GPS และย่อภาพให้พอดีก่อนบันทึก'),
        ),
        this.state.busy ? h('p', { className: 'zc-busy', role: 'status' }, this.state.busy) : null,
        h(Failures, { items: this.state.failures }),
        photos.length
          ? h(
              'fieldset',
              { className: 'zc-photo-list' },
              h('legend', null, `ภาพทั้งหมด ${photos.length} ภาพ: พิมพ์คำบรรยายใต้ภาพ และเลือกภาพปก`),
              h('ol', { className: 'zc-photo-grid' },
                ...photos.map((photo, index) => {
                  const captionId = `${forID}-caption-${index}`;
                  const missing = problems.find(p => p.photo === photo.file);
                  return h(
                    'li',
                    { key: photo.file, className: 'zc-photo' },
                    h('img', { src: this.thumb(value.gallery, photo), alt: `ภาพที่ ${index + 1} (${photo.file})`, loading: 'lazy' }),
                    h('label', { htmlFor: captionId }, `คำบรรยายภาพที่ ${index + 1}`),
                    h('input', {
                      id: captionId,
                      type: 'text',
                      className: 'zc-caption',
                      value: photo.caption,
                      'aria-invalid': missing ? 'true' : undefined,
                      'aria-describedby': missing ? `${captionId}-hint` : undefined,
                      onChange: event => this.setCaption(photo.file, event.target.value),
                      onPaste: event => this.pasted(event),
                    }),
                    missing ? h('p', { id: `${captionId}-hint`, className: 'zc-warning' }, 'ยังไม่มีคำบรรยาย') : null,
                    h('label', { className: 'zc-cover' },
                      h('input', {
                        type: 'radio',
                        name: `${forID}-cover`,
                        checked: photo.file === cover,
                        onChange: () => this.change({ ...value, items: this.listed(value), cover: photo.file }),
                      }),
                      ' ใช้เป็นภาพปก'),
                    h('div', { className: 'zc-photo-actions' },
                      h('button', { type: 'button', className: 'zc-button', disabled: index === 0, onClick: () => this.move(photo.file, -1), 'aria-label': `เลื่อนภาพที่ ${index + 1} ขึ้น` }, '↑'),
                      h('button', { type: 'button', className: 'zc-button', disabled: index === photos.length - 1, onClick: () => this.move(photo.file, 1), 'aria-label': `เลื่อนภาพที่ ${index + 1} ลง` }, '↓'),
                      onDisk.has(photo.file)
                        ? h('button', { type: 'button', className: 'zc-button', onClick: () => this.hide(photo.file), 'aria-label': `ถอนภาพที่ ${index + 1} ออกจากเว็บไซต์` }, 'ถอนออกจากเว็บไซต์')
                        : h('button', { type: 'button', className: 'zc-button', onClick: () => this.remove(photo.file), 'aria-label': `ลบภาพที่ ${index + 1}` }, 'ลบ')),
                  );
                })),
            )
          : null,
        value.hidden.length
          ? h(
              'fieldset',
              { className: 'zc-photo-list zc-hidden-photos' },
              h('legend', null, `ภาพที่ถอนออกจากเว็บไซต์ ${value.hidden.length} ภาพ (ไฟล์ยังเก็บไว้ เมื่อหัวหน้าอนุมัติ ภาพจะไม่ปรากฏบนเว็บไซต์)`),
              h('ul', null,
                ...value.hidden.map(file => h(
                  'li',
                  { key: file },
                  `${file} `,
                  h('button', { type: 'button', className: 'zc-button', onClick: () => this.show(file), 'aria-label': `แสดงภาพ ${file} อีกครั้ง` }, 'แสดงอีกครั้ง'),
                ))),
            )
          : null,
        h(Messages, { id: summaryId, problems: [], notes: this.state.notes }),
      );
    }
  }

  const Preview = () => null;
  return { name: 'thai-photos', control: ThaiPhotos, preview: Preview };
}
