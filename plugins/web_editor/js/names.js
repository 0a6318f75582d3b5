// File names the editor gives: a new release's file (and gallery folder) from its title, and each
// uploaded photo. Only characters that are safe in a file name and a URL are kept; nothing is
// romanised here: the URL slug is made from the file name by the site's build (thai_text), the
// only romaniser.

const UNSAFE = /[^\p{L}\p{M}\p{Nd}]+/gu;

/** A file name (no extension) from `title`: Thai kept, at most `length` characters, cut between words. */
export function fileNameFrom(title, length, taken = new Set()) {
  const clean = String(title ?? '').normalize('NFC').replace(UNSAFE, '-').replace(/^-+|-+$/g, '').toLowerCase();
  if (!clean) return '';
  let name = clean;
  if ([...name].length > length) {
    // Cut at the last word boundary that fits (Thai has no spaces between words).
    const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
    let cut = '';
    for (const { segment } of segmenter.segment(clean)) {
      if ([...(cut + segment)].length > length) break;
      cut += segment;
    }
    name = (cut || [...clean].slice(0, length).join('')).replace(/-+$/g, '');
  }
  let unique = name;
  for (let n = 2; taken.has(unique); n += 1) unique = `${name}-${n}`;
  return unique;
}

/** A photo's file name: its own name in lowercase ASCII, or `photo`, with the new extension. */
export function photoName(original, extension, taken) {
  const stem = String(original ?? '').replace(/\.[^.]*$/, '').normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'photo';
  let name = `${stem}${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${stem}-${n}${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A document's file name: its own name (Thai kept, as a release's file name) and extension in lowercase. */
export function documentName(original, taken) {
  const text = String(original ?? '').normalize('NFC');
  const dot = text.lastIndexOf('.');
  const extension = dot > 0 ? text.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  const stem = (dot > 0 ? text.slice(0, dot) : text).replace(UNSAFE, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'document';
  let name = `${stem}.${extension}`;
  for (let n = 2; taken.has(name); n += 1) name = `${stem}-${n}.${extension}`;
  taken.add(name);
  return name;
}
