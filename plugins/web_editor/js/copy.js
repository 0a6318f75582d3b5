// ทำซ้ำ (Decap's "duplicate"): a new entry that starts with an existing release's data, the header
// lines it was read from (format.js's __source) included. The copy is a new release: it keeps
// the text, category, tags, summary and author, but nothing that belongs to the original alone:
// - its photos: the copy's photos would go into the original's gallery folder (widgets/photos.js);
// - its date: a copy starts at the current time, as a new release does, and without the
//   original's ข่าวเด่นจนถึง (Featured_until:, widgets/date.js);
// - its Slug: and Modified:, and the lines the editor has no field for (Old_url:, Guid:...): two
//   releases at one address, or at one old WordPress address (asNewFile, on save in admin.js).

import { SOURCE_KEY } from './format.js';
import { plain } from './widgets/common.js';

/** The original's values as read from its file ({ title, date, photos, ... }) if `entry` is a copy. */
export function originalOf(entry) {
  if (!entry || !entry.get('newRecord')) return null;
  const source = plain(entry.getIn(['data', SOURCE_KEY]));
  return source ? source.values : null;
}

/** A copy's data as it is saved: a new file, written from its fields alone. */
export function asNewFile(data) {
  return data.delete(SOURCE_KEY).delete('slug').delete('modified');
}
