// The files a save commits beside the entry: only those the entry lists (the photos its gallery
// shows, the documents it attaches). Decap commits every file added to an entry while it is
// edited (its draft media), also one the author has removed from the form again, and widgets
// have no way to take a draft file back. A save of an entry under review also deletes from its
// branch every file it does not send (decap-server and the GitHub backend alike), so with this a
// photo or document removed before the supervisor publishes is neither committed nor left on the
// branch, where the gallery would have published it with the others in its folder.

import { fromFile } from './format.js';

/** Repository-relative endings of the files `raw` (one of our Markdown files) lists. */
export function listedNames(raw) {
  const data = fromFile(raw);
  const photos = data.photos || {};
  const names = photos.gallery
    ? [...(photos.items || []).map(item => item.file), photos.cover].filter(Boolean).map(file => `${photos.gallery}/${file}`)
    : [];
  for (const item of (data.attachments || {}).items || []) names.push(item.path);
  return names.map(name => name.toLowerCase());
}

/** The assets of a save that one of its files lists (all of them if a file cannot be read). */
export function listedAssets(dataFiles, assets) {
  if (!assets || !assets.length) return assets;
  let names;
  try {
    names = dataFiles.flatMap(file => listedNames(file.raw));
  } catch (error) {
    console.warn('assets.js: a saved file could not be read, every added file is committed', error);
    return assets;
  }
  return assets.filter(asset => {
    const path = String(asset.path).toLowerCase();
    return names.some(name => path === name || path.endsWith(`/${name}`));
  });
}

/** The backend `name` (as Decap registered it) commits only the listed assets of an entry. */
export function commitListedAssetsOnly(CMS, name) {
  const backend = CMS.getBackend(name);
  if (!backend || backend.listedAssetsOnly) return;
  const init = backend.init;
  backend.init = (...args) => {
    const implementation = init(...args);
    const persistEntry = implementation.persistEntry.bind(implementation);
    implementation.persistEntry = (entry, options) =>
      persistEntry({ ...entry, assets: listedAssets(entry.dataFiles || [], entry.assets) }, options);
    return implementation;
  };
  backend.listedAssetsOnly = true;
}
