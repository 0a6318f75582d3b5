// The preview pane: the release as the site's article page shows it (theme/templates/article.html
// and partials/gallery.html), in the theme's own style sheets and Sarabun: the category, the title,
// the B.E. date in the site's "full" format, the body, the gallery as thumbnails with captions,
// and the tags. A date in the future gets a notice: the release waits until then; so does a pin
// (ข่าวเด่นจนถึง): until when it leads the home page. A release the site has published shows what
// differs from its page on the site (for the supervisor's review), its pin included.

import React from 'react';

import { checkNoteOf, onCheckNotes } from './check-note.js';
import { featuredNote, heldUntil } from './checks.js';
import { parseDate, thaiDate } from './dates.js';
import { coverOf, mergePhotos } from './gallery.js';
import { matchingPairs } from './sequence.js';
import { h, plain } from './widgets/common.js';

// What the supervisor reviews: where the release differs from its page on the site now (text,
// title, category, date, photos, documents, tags). The page is fetched once per address, from the
// editor's own origin.
const publishedPages = new Map();
export const CHECKING = 'บันทึกแล้ว ระบบกำลังตรวจฉบับนี้ ผลการตรวจจะขึ้นที่นี่และในความเห็นภายในไม่กี่นาที';
export const IN_THE_NOTES = 'ผลการตรวจนี้อยู่ในช่อง ความเห็น ด้วย (ปุ่มใต้รูปตา ทางขวาบน) ผู้เขียนและหัวหน้าพิมพ์คุยกันที่นั่นได้';
export const SAME_AS_PUBLISHED = 'เหมือนที่เผยแพร่อยู่บนเว็บไซต์ทุกส่วน ทั้งข้อความ หมวด วันที่ ภาพ เอกสารแนบ แท็ก และข่าวเด่น';

function blockText(element) {
  return element.textContent.replace(/[\u200b\u00ad]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The blocks of a page's text (paragraphs, headings, list items, table rows), in order. A row is
 * its cells' texts (the published page is minified: no space is left between two cells).
 */
export function textBlocks(root) {
  if (!root) return [];
  return Array.from(root.querySelectorAll('p, h2, h3, h4, h5, h6, li, tr, pre'))
    .filter(element => !(element.matches('li') && element.querySelector('p, li')))
    .filter(element => !element.parentElement.closest('pre'))
    .map(element => ({
      element,
      text: element.matches('tr') ? Array.from(element.children, blockText).join(' | ') : blockText(element),
    }))
    .filter(block => block.text.replace(/[ |]/g, ''));
}

/** The page at `url` as the site has it: its title and body blocks (null if there is none). */
function publishedPage(url) {
  if (!publishedPages.has(url)) {
    const path = new URL(url, window.location.href).pathname;
    publishedPages.set(url, fetch(path, { cache: 'no-cache' })
      .then(response => (response.ok ? response.text() : null))
      .then(html => {
        if (!html) return null;
        const page = new DOMParser().parseFromString(html, 'text/html');
        const title = page.querySelector('.article-title');
        return {
          title: title ? blockText(title) : '',
          blocks: textBlocks(page.querySelector('.prose')).map(b => b.text),
          facts: pageFacts(page, new URL(path, window.location.href).href),
        };
      })
      .catch(() => null));
  }
  return publishedPages.get(url);
}

/**
 * What a release's page shows besides its title and body, read the same way from the page on the
 * site and from the preview (their markup is the same: theme/templates/article.html and
 * partials/gallery.html, attachments.html): the category, the release date as written, each
 * photo (the path of its smallest JPEG, which site.galleries gives the preview as a published
 * photo's thumbnail, and its caption, '' for none) in order, the documents' titles and the tags.
 * `base`: the address relative image addresses are read against.
 */
export function pageFacts(root, base = window.location.href) {
  const one = selector => {
    const element = root.querySelector(selector);
    return element ? blockText(element) : '';
  };
  const all = selector => Array.from(root.querySelectorAll(selector), blockText);
  return {
    category: one('.article-header .kicker'),
    date: one('.article-header .article-meta > span'),
    photos: Array.from(root.querySelectorAll('.gallery-item'), item => {
      const caption = item.querySelector('.gallery-caption');
      return { image: photoPath(item.querySelector('img'), base), caption: caption ? blockText(caption) : '' };
    }),
    attachments: all('.attachments li > :first-child'),
    tags: all('.tags li'),
  };
}

/** The path of an image's smallest candidate (its srcset's narrowest, or its src). */
function photoPath(img, base) {
  if (!img) return '';
  const candidates = (img.getAttribute('srcset') || '').split(',').map(part => part.trim().split(/\s+/))
    .filter(([url, width]) => url && /^\d+w$/.test(width || ''))
    .sort((a, b) => parseInt(a[1], 10) - parseInt(b[1], 10));
  const url = candidates.length ? candidates[0][0] : img.getAttribute('src') || '';
  try {
    return url ? decodeURI(new URL(url, base).pathname) : '';
  } catch {
    return url;
  }
}

const sameList = (a, b) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * What differs between two `pageFacts`: [{what, selector}] in the order the page shows them, each
 * with the preview's elements to mark. A photo is the same photo when its image is (a new photo,
 * one taken off or put back, one replaced by another: added or removed, even with the same
 * caption); then its caption and its place are compared. Tags as a set.
 */
export function factChanges(now, published) {
  const changes = [];
  if (now.category !== published.category) changes.push({ what: 'หมวด', selector: '.article-header .kicker' });
  if (now.date !== published.date) changes.push({ what: 'วันที่', selector: '.article-header .article-meta > span:first-child' });
  const item = index => `.gallery-item:nth-child(${index + 1})`;
  const key = (photo, index) => photo.image || `#${index}`;
  const before = new Map(published.photos.map((photo, index) => [key(photo, index), photo]));
  const nowKeys = new Set(now.photos.map(key));
  const added = now.photos.map((photo, index) => (before.has(key(photo, index)) ? -1 : index)).filter(i => i >= 0);
  const removed = published.photos.filter((photo, index) => !nowKeys.has(key(photo, index))).length;
  if (added.length || removed) {
    const parts = [added.length ? `เพิ่ม ${added.length} ภาพ` : '', removed ? `ถอนออก ${removed} ภาพ` : ''].filter(Boolean);
    changes.push({ what: `ภาพกิจกรรม (${parts.join(' ')})`, selector: added.length ? added.map(item).join(', ') : '.gallery-title' });
  }
  const keptNow = now.photos.map(key).filter(k => before.has(k));
  const keptBefore = published.photos.map(key).filter(k => nowKeys.has(k));
  if (!sameList(keptNow, keptBefore)) changes.push({ what: 'ลำดับภาพ', selector: '.gallery-grid' });
  const captions = now.photos.map((photo, index) => {
    const old = before.get(key(photo, index));
    return old && old.caption !== photo.caption ? index : -1;
  }).filter(i => i >= 0);
  if (captions.length) changes.push({ what: `คำบรรยายภาพ ${captions.length} ภาพ`, selector: captions.map(item).join(', ') });
  if (!sameList(now.attachments, published.attachments)) changes.push({ what: 'เอกสารแนบ', selector: '.attachments' });
  if (!sameList([...now.tags].sort(), [...published.tags].sort())) changes.push({ what: 'แท็ก', selector: '.tags' });
  return changes;
}

/** "ก", "ก และ ข", "ก ข และ ค": the parts of a change note. */
function listed(parts) {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(' ')} และ ${parts[parts.length - 1]}`;
}

/**
 * The blocks of `blocks` that are not in the published page's text (`publishedTexts`, matched in
 * order), and the published texts that are gone: a published block in the place of a changed
 * one is its old text, not a removal.
 */
export function changedBlocks(blocks, publishedTexts) {
  const pairs = matchingPairs(blocks.map(block => block.text), publishedTexts);
  const changed = [];
  const removed = [];
  let i = 0;
  let j = 0;
  for (const [a, b] of [...pairs, [blocks.length, publishedTexts.length]]) {
    const edited = blocks.slice(i, a);
    changed.push(...edited);
    removed.push(...publishedTexts.slice(j + Math.min(edited.length, b - j), b));
    i = a + 1;
    j = b + 1;
  }
  return { changed, removed };
}

/**
 * The preview's own style: the notices above the page, and the mark of a changed block. Decap's
 * preview and scroll-sync buttons float over the preview's top right corner: the header and the
 * notices above it keep clear of them.
 */
export const PREVIEW_STYLE = `
.article-header { padding-right: 3rem; }
.wrap > .zc-preview-changes, .wrap > .zc-preview-held, .wrap > .zc-preview-featured { margin-right: 3rem; }
.zc-preview-changes, .zc-preview-held, .zc-preview-featured { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #b26b00; background: #fff8e6; color: #1c2430; }
.zc-preview-changes p { margin: .25rem 0; }
.wrap > .zc-preview-check { margin: 1rem 3rem 1rem 0; padding: .5rem 1rem; border-left: 4px solid #0b57a4; background: #eef4fb; color: #1c2430; }
.zc-preview-check.zc-check-found { border-left-color: #b3261e; background: #fdecea; }
.zc-preview-check.zc-check-passed { border-left-color: #1b7a2e; background: #edf7ee; }
.zc-preview-check p { margin: .25rem 0; }
.zc-check-text { white-space: pre-wrap; }
.gallery-item.zc-cover figure { position: relative; }
.zc-cover-label { position: absolute; top: .5rem; left: .5rem; padding: 0 .5rem; border-radius: 4px; background: #1c2430; color: #fff; font-size: .875rem; }
.zc-changed { box-shadow: inset 4px 0 0 #b26b00; background: #fff8e6; padding-left: .75rem; }
tr.zc-changed > * { background: #fff8e6; }
tr.zc-changed > :first-child { box-shadow: inset 4px 0 0 #b26b00; }
`;

// Pelican's links into the site, `{static}/images/a.jpg` and `{filename}/news/a.md` (also as
// `|static|`, and with the braces escaped), as a body of the WordPress import writes them.
const INTRASITE = /(?:\{|%7B|\|)(static|filename)(?:\}|%7D|\|)([^\s"'<>()]*)/gi;

/**
 * The address on the editor's own origin that the link `link` into the site leads to, as the
 * site resolves it (`{static}/images/a.jpg` is `<origin>/images/a.jpg`, `{filename}/news/a.md`
 * the release's address), or null for a link Pelican would not resolve. A whole address: Decap
 * takes a path for one in its media folder. `entryPath`: the entry's file in the repository
 * (a link without a leading `/` is relative to its folder), `site`: site-data.json.
 */
export function resolvedLink(link, entryPath, site) {
  const { content_dir: contentDir, static_paths: staticPaths, static_url: staticUrl } = site.preview || {};
  const found = new RegExp(`^${INTRASITE.source}$`, 'i').exec(String(link || ''));
  if (!found || !contentDir) return null;
  const [, kind, target] = found;
  const folder = String(entryPath || '').split('/').slice(0, -1).join('/');
  const inFolder = folder.startsWith(`${contentDir}/`) ? folder.slice(contentDir.length + 1) : '';
  const [, path, rest] = /^([^?#]*)(.*)$/.exec(target);
  const parts = [];
  for (const part of (path.startsWith('/') ? path : `${inFolder}/${path}`).split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  const name = parts.join('/');
  let url = null;
  if (kind.toLowerCase() === 'filename') {
    const entry = site.entries[`${contentDir}/${name}`];
    url = entry ? entry.url : null;
  } else if ((staticPaths || []).some(top => name === top || name.startsWith(`${top}/`))) {
    url = `${site.site_url || ''}/${String(staticUrl || '{path}').replace('{path}', name)}`;
  }
  try {
    return url === null ? null : window.location.origin + new URL(url, window.location.href).pathname + rest;
  } catch {
    return null;
  }
}

/**
 * `body` with its links into the site resolved (`resolvedLink`), so that the preview shows the
 * photos a body holds; the body saved is never changed.
 */
export function resolvedBody(body, entryPath, site) {
  if (!body || body.search(INTRASITE) < 0) return body;
  return body.replace(INTRASITE, whole => resolvedLink(whole, entryPath, site) || whole);
}

const ROOTED_STATIC = /^(?:\{|%7B|\|)static(?:\}|%7D|\|)\//i;

/**
 * Decap's image component (`component`: a photo of the body, `![alt](address)`, shown in the
 * editor as a photo field) for a photo given by a `{static}/...` link (the WordPress import's):
 * Decap took the address for a file of the entry's photo folder, asked the repository for one
 * that is not there and showed a broken photo. The field holds the photo's address on the site
 * while the body is edited, and the link is written back as it was.
 */
export function withSiteImages(component, site) {
  const shown = new Map(); // the address shown -> the link it was read from
  const show = link => {
    const url = ROOTED_STATIC.test(String(link || '')) ? resolvedLink(link, '', site) : null;
    if (!url) return link;
    shown.set(url, link);
    return url;
  };
  return {
    ...component,
    fromBlock: match => {
      const data = component.fromBlock(match);
      return data && { ...data, image: show(data.image) };
    },
    toBlock: data => component.toBlock({ ...data, image: shown.get(data.image) || data.image }),
  };
}

export function previewTemplates(site) {
  const rules = site.rules;

  /** The body field's preview, its links into the site resolved (`resolvedBody`). */
  function bodyPreview(entry, widgetFor) {
    const data = entry.get('data');
    const body = data && data.get('body');
    const resolved = resolvedBody(body, entry.get('path'), site);
    return resolved === body ? widgetFor('body') : widgetFor('body', undefined, data.set('body', resolved));
  }

  /**
   * For an entry the site has published: marks the changed blocks of the preview (class
   * zc-changed) and says what changed, above the preview. Nothing for a new entry.
   */
  function PublishedChanges({ entry, document }) {
    const known = site.entries[entry.get('path')];
    const url = known && known.status !== 'draft' && !entry.get('newRecord') ? known.url : null;
    const [page, setPage] = React.useState(undefined);
    const [summary, setSummary] = React.useState(null);
    React.useEffect(() => {
      if (url) publishedPage(url).then(setPage);
    }, [url]);
    React.useEffect(() => {
      if (!page || !document) return;
      const blocks = textBlocks(document.querySelector('.prose'));
      const { changed, removed } = changedBlocks(blocks, page.blocks);
      for (const block of blocks) block.element.classList.toggle('zc-changed', changed.includes(block));
      const title = document.querySelector('.article-title');
      const titleChanged = Boolean(title && page.title && blockText(title) !== page.title);
      if (title) title.classList.toggle('zc-changed', titleChanged);
      const facts = factChanges(pageFacts(document), page.facts);
      const { list, cover } = releasePhotos((plain(entry.get('data')) || {}).photos);
      if (known.cover && list.length && page.facts.photos.length && cover !== known.cover) {
        facts.push({ what: 'ภาพปก', selector: '.gallery-item.zc-cover' });
      }
      // ข่าวเด่นจนถึง: not on the release's page, so compared with what the site was built from
      if (String((plain(entry.get('data')) || {}).featured_until || '').trim() !== (known.featured_until || '')) {
        facts.push({ what: 'ข่าวเด่น', selector: '.zc-preview-featured' });
      }
      const main = document.querySelector('main');
      for (const element of main ? main.querySelectorAll('.zc-changed-fact') : []) {
        element.classList.remove('zc-changed', 'zc-changed-fact');
      }
      for (const { selector } of facts) {
        for (const element of document.querySelectorAll(selector)) element.classList.add('zc-changed', 'zc-changed-fact');
      }
      const next = `${changed.length}|${removed.join('\n')}|${titleChanged}|${facts.map(f => f.what).join('|')}`;
      if (!summary || summary.key !== next) {
        setSummary({ key: next, changed: changed.length, removed, titleChanged, facts: facts.map(f => f.what) });
      }
    });
    if (!url || !page || !summary) return null;
    const { changed, removed, titleChanged, facts } = summary;
    if (!changed && !removed.length && !titleChanged && !facts.length) {
      return h('p', { className: 'zc-preview-changes', role: 'note' }, SAME_AS_PUBLISHED);
    }
    const parts = [];
    if (titleChanged) parts.push('ชื่อข่าว');
    parts.push(...facts.filter(what => what === 'หมวด' || what === 'วันที่'));
    if (changed) parts.push(`${changed} ย่อหน้า`);
    parts.push(...facts.filter(what => what !== 'หมวด' && what !== 'วันที่'));
    return h('div', { className: 'zc-preview-changes', role: 'note' },
      h('p', null, parts.length ? `แก้ไขจากที่เผยแพร่อยู่: ${listed(parts)} (มีแถบสีด้านซ้าย)` : 'แก้ไขจากที่เผยแพร่อยู่'),
      removed.length
        ? h('div', null, h('p', null, `ลบออก ${removed.length} ย่อหน้า:`),
            h('ul', null, ...removed.map((text, i) => h('li', { key: i }, h('del', null, text.length > 120 ? `${text.slice(0, 120)}…` : text)))))
        : null);
  }

  /** The content check's note on this entry (js/check-note.js): what it found, that nothing is
   * left, or that it is checking what was just saved. Nothing for a new or a published entry. */
  function CheckNote({ entry }) {
    const [, redraw] = React.useState(0);
    React.useEffect(() => onCheckNotes(() => redraw(n => n + 1)), []);
    if (entry.get('newRecord')) return null;
    const { note, checking } = checkNoteOf(entry.get('collection'), entry.get('slug'));
    if (checking) return h('p', { className: 'zc-preview-check', role: 'status' }, CHECKING);
    // A release with no change waiting for review (its status is the workflow's): the note is of
    // a change published since, and stays in the notes pane.
    if (!note || !entry.get('status')) return null;
    return h('div', { className: `zc-preview-check ${note.resolved ? 'zc-check-passed' : 'zc-check-found'}`, role: 'note' },
      h('p', { className: 'zc-check-text' }, note.content),
      note.resolved ? null : h('p', null, IN_THE_NOTES));
  }

  function dateLine(value, format = 'full') {
    if (!value) return null;
    try {
      const moment = parseDate(value, rules.dates);
      return h('time', null, thaiDate(moment, format, rules.dates));
    } catch (error) {
      return h('span', { className: 'zc-preview-problem' }, `วันที่ "${value}" อ่านไม่ได้`);
    }
  }

  /** The photos of the entry's `photos` value as the page will show them, and its cover's file. */
  function releasePhotos(photos) {
    const value = plain(photos) || {};
    const onDisk = (value.gallery && site.galleries[value.gallery]) || [];
    const list = mergePhotos(value.items, onDisk, value.hidden);
    return { onDisk, list, cover: coverOf(value.cover, list) };
  }

  // The page does not show which photo is the cover (it is the home page's card and the picture
  // shared with the link): the preview names it, for the writer and for the supervisor's review.
  function Gallery({ photos, getAsset, field }) {
    const { onDisk, list, cover } = releasePhotos(photos);
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
          const isCover = photo.file === cover;
          return h('li', { key: photo.file, className: isCover ? 'gallery-item zc-cover' : 'gallery-item' },
            h('figure', null,
              isCover ? h('span', { className: 'zc-cover-label' }, 'ภาพปก') : null,
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
    const featured = featuredNote(data.featured_until, rules, Date.now());
    const photosField = fields && fields.find(f => f.get('name') === 'photos');
    return h(
      'main',
      { className: 'wrap', lang: 'th' },
      h(CheckNote, { entry }),
      held ? h('p', { className: 'zc-preview-held', role: 'note' }, `ข่าวนี้ลงวันที่ล่วงหน้า จะปรากฏบนเว็บไซต์เมื่อ ${held}`) : null,
      featured ? h('p', { className: 'zc-preview-featured', role: 'note' }, featured) : null,
      h(PublishedChanges, { entry, document }),
      h(
        'article',
        { className: 'article' },
        h('header', { className: 'article-header' },
          data.category ? h('p', { className: 'kicker' }, h('span', null, data.category)) : null,
          h('h1', { className: 'article-title' }, data.title || 'ชื่อข่าว'),
          h('p', { className: 'article-meta' },
            h('span', null, dateLine(data.date)),
            data.modified && data.modified !== data.date ? h('span', null, 'ปรับปรุง ', dateLine(data.modified, 'long')) : null,
            data.author ? h('span', null, `โดย ${data.author}`) : null)),
        h('div', { className: 'prose' }, bodyPreview(entry, widgetFor)),
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
      h(CheckNote, { entry }),
      h(PublishedChanges, { entry, document }),
      h('article', { className: 'article' },
        h('header', { className: 'article-header' }, h('h1', { className: 'article-title' }, data.title || '')),
        h('div', { className: 'prose' }, bodyPreview(entry, widgetFor)),
        h(Attachments, { value: data.attachments })));
  }

  return { news: Article, pages: Page };
}
