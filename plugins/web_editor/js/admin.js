// The web editor: Decap CMS with the site's format, widgets, checks and preview.
// Loads site-data.json (made by the build: rules, tags, galleries, addresses), registers
// everything, then starts Decap, which reads config.yml from the same folder.

import CMS from 'decap-cms-app';

import * as assets from './assets.js';
import { boardText } from './board-text.js';
import * as bodyLines from './body-lines.js';
import * as checkNote from './check-note.js';
import * as checks from './checks.js';
import * as copy from './copy.js';
import * as dates from './dates.js';
import * as decapA11y from './decap-a11y.js';
import * as embedded from './embedded.js';
import { siteDictionary } from './dictionary.js';
import * as format from './format.js';
import * as gallery from './gallery.js';
import * as hiddenContent from './hidden-content.js';
import * as names from './names.js';
import * as paste from './paste.js';
import * as photos from './photos.js';
import * as preview from './preview.js';
import { addressWidget, newFileName } from './widgets/address.js';
import { attachmentsWidget } from './widgets/attachments.js';
import { checkedWidget } from './widgets/checked.js';
import { dateWidget } from './widgets/date.js';
import { photoTimings, photosWidget } from './widgets/photos.js';
import { tagsWidget } from './widgets/tags.js';

function merge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra || {})) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? merge(base && base[key], value) : value;
  }
  return out;
}

function showProblem(thai, english) {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.className = 'zc-start-problem';
  box.textContent = `${thai} / ${english}`;
  document.body.prepend(box);
}

async function start() {
  let site;
  try {
    const response = await fetch('site-data.json', { cache: 'no-cache' });
    site = await response.json();
  } catch (error) {
    showProblem('เปิดระบบเขียนข่าวไม่ได้ เพราะโหลดข้อมูลของเว็บไซต์ไม่สำเร็จ ให้ลองโหลดหน้านี้ใหม่',
      `the editor could not load site-data.json (${error})`);
    return;
  }
  if (!site.backend.configured) {
    showProblem(
      'ระบบเขียนข่าวยังไม่ได้ตั้งค่าที่เก็บข่าว ให้เจ้าหน้าที่ไอทีตั้งค่าตาม docs/developers/editor-production.md',
      `the editor has no repository: set WEB_EDITOR_BACKEND["repo"] (backend "${site.backend.name}")`,
    );
    return;
  }
  // For tests and for anyone debugging in the browser's console.
  window.ZeroCorruptionEditor = { site, assets, boardText, bodyLines, checkNote, checks, copy, dates, decapA11y, embedded, format, gallery, hiddenContent, names, paste, photos, photoTimings, preview, CMS };

  assets.commitListedAssetsOnly(CMS, site.backend.name);
  checkNote.watchCheckNotes(CMS, site.backend.name, site.folders, site.check_note_author);
  CMS.registerLocale('th', merge(CMS.getLocale('th'), site.locale));
  CMS.registerCustomFormat('pelican-markdown', 'md', format.pelicanMarkdown);
  CMS.registerCustomFormat('site-dictionary', 'txt', siteDictionary);
  for (const base of ['string', 'text', 'select', 'markdown']) {
    const widget = checkedWidget(CMS, base, site);
    CMS.registerWidget(widget.name, widget.control, widget.preview);
  }
  for (const widget of [dateWidget(site), tagsWidget(site), addressWidget(site), photosWidget(site), attachmentsWidget(site)]) {
    CMS.registerWidget(widget.name, widget.control, widget.preview);
  }
  for (const style of site.preview.styles) CMS.registerPreviewStyle(style);
  CMS.registerPreviewStyle(preview.PREVIEW_STYLE, { raw: true });
  const templates = preview.previewTemplates(site);
  for (const [collection, template] of Object.entries(templates)) CMS.registerPreviewTemplate(collection, template);
  const image = CMS.getEditorComponents().get('image');
  if (image) CMS.registerEditorComponent(preview.withSiteImages(image, site)); // the archive's photos
  // A new entry's file name comes from its title (the address widget shows it as it is typed);
  // set it once more when saving, from the final title, so the file is always named. A copy of a
  // release (ทำซ้ำ) is saved as a new file (copy.js).
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      if (!entry.get('newRecord')) return entry.get('data');
      const folder = site.folders[entry.get('collection')];
      const name = newFileName(site, { get: () => folder }, entry.getIn(['data', 'title']));
      const data = copy.originalOf(entry) ? copy.asNewFile(entry.get('data')) : entry.get('data');
      return data.set('file_name', name);
    },
  });
  // With notes on (ความเห็น), Decap puts a saved entry's notes where its preview was, unless the
  // person has chosen a pane: the preview, the review of what changed, stays what opens first.
  if (!localStorage.getItem(RIGHT_PANE_KEY)) localStorage.setItem(RIGHT_PANE_KEY, 'preview');
  CMS.init();
  decapA11y.keepMended(document);
}

// Decap's own key for the pane right of the fields (decap-cms-core's EditorInterface).
const RIGHT_PANE_KEY = 'cms.right-pane';

// Decap's review board calls it for each card (bundle.py, DECAP_BOARD_TEXT).
globalThis.ZeroCorruptionBoardText = boardText;

start();
