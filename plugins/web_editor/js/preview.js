// The preview pane: the release as the site's article page shows it (theme/templates/article.html
// and partials/gallery.html), in the theme's own style sheets and Sarabun: the category, the title,
// the B.E. date in the site's "full" format, the body, the gallery as thumbnails with captions,
// and the tags. A date in the future gets a notice: the release waits until then.

import React from 'react';

import { heldUntil } from './checks.js';
import { parseDate, thaiDate } from './dates.js';
import { mergePhotos } from './gallery.js';
import { h, plain } from './widgets/common.js';

export function previewTemplates(site) {
  const rules = site.rules;

  function dateLine(value) {
    if (!value) return null;
    try {
      const moment = parseDate(value, rules.dates);
      return h('time', null, thaiDate(moment, 'full', rules.dates));
    } catch (error) {
      return h('span', { className: 'zc-preview-problem' }, `วันที่ "${value}" อ่านไม่ได้`);
    }
  }

  function Gallery({ photos, getAsset, field }) {
    const value = plain(photos) || {};
    const onDisk = (value.gallery && site.galleries[value.gallery]) || [];
    const list = mergePhotos(value.items, onDisk, value.hidden);
    if (!list.length) return null;
    return h(
      'section',
      { className: 'gallery', 'aria-labelledby': 'preview-gallery-title' },
      h('h2', { className: 'gallery-title', id: 'preview-gallery-title' }, 'ภาพกิจกรรม ',
        h('span', { className: 'gallery-count' }, `(${list.length} ภาพ)`)),
      h('ul', { className: 'gallery-grid' },
        ...list.map((photo, index) => {
          const published = onDisk.find(p => p.file === photo.file);
          const asset = getAsset(photo.file, field);
          const src = (published && published.thumb) || (asset ? asset.toString() : '');
          return h('li', { key: photo.file, className: 'gallery-item' },
            h('figure', null,
              h('img', { className: 'gallery-img', src, alt: photo.caption || `ภาพที่ ${index + 1}` }),
              photo.caption ? h('figcaption', { className: 'gallery-caption' }, photo.caption) : null));
        })),
    );
  }

  // The preview frame is Decap's document: give it the page's language and a title.
  function useFrameDocument(document, title) {
    React.useEffect(() => {
      if (!document) return;
      document.documentElement.lang = 'th';
      document.title = `ตัวอย่าง: ${title || 'ข่าวใหม่'}`;
    }, [document, title]);
  }

  // The documents the release lists (plugins/attachments), as the page lists them.
  function Attachments({ value }) {
    const items = ((plain(value) || {}).items || []).filter(item => item && item.path);
    if (!items.length) return null;
    const kind = path => site.attachments.types[path.split('.').pop().toLowerCase()] || '';
    return h('section', { className: 'attachments', 'aria-labelledby': 'preview-attachments-title' },
      h('h2', { className: 'section-label', id: 'preview-attachments-title' }, 'เอกสารแนบ'),
      h('ul', null, ...items.map(item => h('li', { key: item.path },
        h('span', null, item.title || item.path.split('/').pop()), ' ',
        h('span', { className: 'attachment-meta' }, `(${kind(item.path)})`)))));
  }

  function Article({ entry, widgetFor, getAsset, fields, document }) {
    const data = plain(entry.get('data')) || {};
    useFrameDocument(document, data.title);
    const tags = plain(data.tags) || [];
    const held = heldUntil(data, rules, Date.now());
    const photosField = fields && fields.find(f => f.get('name') === 'photos');
    return h(
      'main',
      { className: 'wrap', lang: 'th' },
      held ? h('p', { className: 'zc-preview-held', role: 'note' }, `ข่าวนี้ลงวันที่ล่วงหน้า จะปรากฏบนเว็บไซต์เมื่อ ${held}`) : null,
      h(
        'article',
        { className: 'article' },
        h('header', { className: 'article-header' },
          data.category ? h('p', { className: 'kicker' }, h('span', null, data.category)) : null,
          h('h1', { className: 'article-title' }, data.title || 'ชื่อข่าว'),
          h('p', { className: 'article-meta' },
            h('span', null, dateLine(data.date)),
            data.author ? h('span', null, `โดย ${data.author}`) : null)),
        h('div', { className: 'prose' }, widgetFor('body')),
        h(Gallery, { photos: data.photos, getAsset, field: photosField }),
        h(Attachments, { value: data.attachments }),
        tags.length
          ? h('div', { className: 'tags' },
              h('h2', { className: 'tags-label' }, 'แท็ก'),
              h('ul', null, ...tags.map(tag => h('li', { key: tag }, h('span', null, tag)))))
          : null,
      ),
    );
  }

  function Page({ entry, widgetFor, document }) {
    const data = plain(entry.get('data')) || {};
    useFrameDocument(document, data.title);
    return h('main', { className: 'wrap', lang: 'th' },
      h('article', { className: 'article' },
        h('header', { className: 'article-header' }, h('h1', { className: 'article-title' }, data.title || '')),
        h('div', { className: 'prose' }, widgetFor('body')),
        h(Attachments, { value: data.attachments })));
  }

  return { news: Article, pages: Page };
}
