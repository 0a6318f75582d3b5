// The photos of a release as photo_gallery publishes them (header_captions.py): the photos named
// in the header's `Captions:` first, in that order, each with its header caption or else its
// captions.txt caption; then the other photos of the folder in captions.txt order, then by name.
// `onDisk` is the folder as the build saw it (site-data.json `galleries`, from scan_gallery).

function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

/**
 * [{ file, caption, listed }] : `listed` is true for the photos named in the header. The photos
 * `hidden` names (the header's Hidden_photos:, in any case) are left out, as the build leaves
 * them out (hidden_photos.py).
 */
export function mergePhotos(items, onDisk, hidden = []) {
  const gone = new Set((plain(hidden) || []).map(name => String(name).toLowerCase()));
  items = (plain(items) || []).filter(item => item && item.file && !gone.has(item.file.toLowerCase()));
  onDisk = (plain(onDisk) || []).filter(photo => !gone.has(photo.file.toLowerCase()));
  const byName = new Map(onDisk.map(photo => [photo.file, photo]));
  const folded = new Map(onDisk.map(photo => [photo.file.toLowerCase(), photo]));
  const taken = new Set();
  const merged = [];
  for (const item of items) {
    const photo = byName.get(item.file) || folded.get(item.file.toLowerCase());
    const key = photo ? photo.file : item.file;
    if (taken.has(key.toLowerCase())) continue;
    taken.add(key.toLowerCase());
    const caption = String(item.caption || '').split(/\s+/u).filter(Boolean).join(' ');
    merged.push({ file: key, caption: caption || (photo ? photo.caption : ''), listed: true });
  }
  for (const photo of onDisk) {
    if (!taken.has(photo.file.toLowerCase())) merged.push({ file: photo.file, caption: photo.caption, listed: false });
  }
  return merged;
}

/**
 * The file of the photo a release's cover is (the home page's card, the picture shared with the
 * link), among `photos` as mergePhotos gives them: the one `cover` names, exactly and then in
 * any case, else the first; '' when there is no photo. The build's rule is photo_gallery's
 * `cover_index` (cover.py), which the review's property test holds this to.
 */
export function coverOf(cover, photos) {
  const wanted = String(cover || '').trim();
  const exact = photos.find(photo => photo.file === wanted);
  const folded = exact || photos.find(photo => photo.file.toLowerCase() === wanted.toLowerCase());
  return (folded || photos[0] || { file: '' }).file;
}
