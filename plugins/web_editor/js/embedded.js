// Photos inside a document a writer attaches, and whether they carry the place they were taken or
// the camera that took them.
// A phone photo put into a Word file keeps its EXIF GPS inside the .docx (a ZIP: word/media/); a
// PDF from a scan app often holds each JPEG whole. The attachments widget refuses such a document
// as the build does (plugins/attachments/embedded_photos.py finds the photos there, and
// photo_gallery/metadata.py reads them: a GPS block with any tag but its version is a location;
// a make or model tag is camera data; so is an XMP packet or IPTC data in a JPEG's header, or an
// XMP packet in a TIFF's first directory).
// Here, for the writer at once: the JPEG and TIFF photos of a ZIP-based document (stored or
// deflated members, unpacked with the browser's DecompressionStream) and of the documents inside
// it (a Word file or a PDF in a ZIP, down to three archives deep, named by their path), and the
// JPEG EXIF blocks of any other document, in its bytes or in a JPEG stream a PDF tool deflated
// again. tests/editor/test_editor_attachments.py compares both sides.

const PHOTO = /\.(jpe?g|jpe|tiff?)$/i;
const DOCUMENT = /\.(docx|xlsx|pptx|odt|ods|odp|zip|pdf)$/i;
const MAX_DEPTH = 3;
const GPS_TAG = 0x8825;
const CAMERA_TAGS = [0x010f, 0x0110]; // make, model
const XMP_TAG = 700;

/** Where the photos that carry a location or camera data are in `file` (a File or Blob): member
 *  names of a ZIP ("forms.docx/word/media/image1.jpeg" inside another), or "ภาพที่ N" for the
 *  N-th EXIF block of any other file. */
export async function photosWithMetadata(file) {
  return found(new Uint8Array(await file.arrayBuffer()), '', 1);
}

async function found(bytes, prefix, depth) {
  const members = zipMembers(bytes);
  if (!members) return (await pdfExifBlocks(bytes)).map(({ data, block }, index) => (
    tiffHasMetadata(data, block) ? `${prefix}ภาพที่ ${index + 1}` : null)).filter(Boolean);
  const names = [];
  for (const member of members) {
    const photo = PHOTO.test(member.name);
    if (!photo && !(DOCUMENT.test(member.name) && depth < MAX_DEPTH)) continue;
    const data = await unpack(bytes, member);
    if (!data) continue;
    if (photo) {
      if (photoHasMetadata(data)) names.push(prefix + member.name);
    } else {
      names.push(...await found(data, `${prefix}${member.name}/`, depth + 1));
    }
  }
  return names;
}

function u16(bytes, at, little = true) {
  return little ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
}

function u32(bytes, at, little = true) {
  return little
    ? (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000
    : bytes[at] * 0x1000000 + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);
}

/** A member's name: UTF-8 when the archive's flag says so or the bytes are UTF-8 (macOS writes
 *  no flag), else Thai Windows' code page (embedded_photos.py `member_name`). */
function memberName(raw, flags) {
  if (flags & 0x800) return new TextDecoder().decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('windows-874').decode(raw);
  }
}

/** The members of a ZIP archive from its central directory, or null when `bytes` is not one. */
export function zipMembers(bytes) {
  const last = bytes.length - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at -= 1) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    let entry = u32(bytes, at + 16);
    const members = [];
    for (let i = 0; i < count; i += 1) {
      if (entry + 46 > bytes.length || u32(bytes, entry) !== 0x02014b50) return null;
      const nameLength = u16(bytes, entry + 28);
      const raw = bytes.subarray(entry + 46, entry + 46 + nameLength);
      members.push({
        method: u16(bytes, entry + 10),
        packed: u32(bytes, entry + 20),
        size: u32(bytes, entry + 24),
        header: u32(bytes, entry + 42),
        name: memberName(raw, u16(bytes, entry + 8)),
      });
      entry += 46 + nameLength + u16(bytes, entry + 30) + u16(bytes, entry + 32);
    }
    return members;
  }
  return null;
}

/** A member's bytes (stored or deflated), or null when it cannot be read. */
export async function unpack(bytes, member) {
  const at = member.header;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const packed = bytes.subarray(start, start + member.packed);
  if (member.method === 0) return packed;
  if (member.method !== 8) return null;
  try {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

function photoHasMetadata(data) {
  if (data[0] === 0xff && data[1] === 0xd8) {
    return exifBlocks(data, 2).some(block => tiffHasMetadata(data, block)) || hasXmpOrIptc(data);
  }
  const tiff = (data[0] === 0x49 && data[1] === 0x49) || (data[0] === 0x4d && data[1] === 0x4d);
  const whole = { start: 0, end: data.length };
  return tiff && (tiffHasMetadata(data, whole) || tiffHasXmp(data, whole));
}

const XMP = 'http://ns.adobe.com/xap/1.0/\0';
const IPTC = 'Photoshop 3.0\0';

/** Whether a JPEG's header segments (up to its image data) hold an XMP packet or IPTC data. */
function hasXmpOrIptc(data) {
  const text = (at, word) => at + word.length <= data.length
    && [...word].every((ch, i) => data[at + i] === ch.charCodeAt(0));
  for (let at = 2; at + 4 <= data.length && data[at] === 0xff;) {
    const marker = data[at + 1];
    if (marker === 0xda || marker === 0xd9) return false; // image data: no header after it
    if ((marker === 0xe1 && text(at + 4, XMP)) || (marker === 0xed && text(at + 4, IPTC))) return true;
    at += 2 + u16(data, at + 2, false);
  }
  return false;
}

/** Where the TIFF data of each APP1 "Exif\0\0" segment in `bytes` starts and ends. */
function exifBlocks(bytes, from) {
  const blocks = [];
  for (let at = from; at + 10 < bytes.length; at += 1) {
    if (bytes[at] !== 0xff || bytes[at + 1] !== 0xe1) continue;
    if (bytes[at + 4] !== 0x45 || bytes[at + 5] !== 0x78 || bytes[at + 6] !== 0x69 || bytes[at + 7] !== 0x66
        || bytes[at + 8] !== 0 || bytes[at + 9] !== 0) continue;
    blocks.push({ start: at + 10, end: Math.min(bytes.length, at + 2 + u16(bytes, at + 2, false)), at });
  }
  return blocks;
}

/** The EXIF blocks of a PDF (or any file that is not a ZIP) in file order, each with the bytes
 *  it is in: the file's own, or a JPEG stream's whose dictionary names /FlateDecode and
 *  /DCTDecode, unpacked (as embedded_photos.py `_deflated_jpegs`). */
async function pdfExifBlocks(bytes) {
  const blocks = exifBlocks(bytes, 0).map(block => ({ data: bytes, block, at: block.at }));
  for (const { at, data } of await deflatedStreams(bytes, dictionary => dictionary.includes('/DCTDecode'))) {
    blocks.push(...exifBlocks(data, 0).map(block => ({ data, block, at })));
  }
  return blocks.sort((a, b) => a.at - b.at);
}

/** The bytes as text, one letter a byte (ISO-8859-1: a letter's code is its byte, offsets are the
 *  bytes'; a one-byte string, half the memory of a decoder's windows-1252 text). */
export function binary(bytes) {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return text;
}

/** [{ at, data }]: each deflated PDF stream (its dictionary names /FlateDecode) whose dictionary
 *  (text, one letter a byte) `wanted` accepts, unpacked, in file order (embedded_photos.py
 *  `deflated_streams`): a JPEG deflated again here, an object stream in hidden-content.js.
 *  `text`: the bytes as `binary` gives them, when the caller has them already. */
export async function deflatedStreams(bytes, wanted, text = binary(bytes)) {
  const stream = /stream\r?\n/g;
  const found = [];
  for (let match = stream.exec(text); match; match = stream.exec(text)) {
    if (text.slice(Math.max(0, match.index - 3), match.index) === 'end') continue;
    const from = Math.max(0, match.index - 4096);
    const objectAt = text.lastIndexOf('obj', match.index);
    const dictionary = text.slice(objectAt >= from ? objectAt : from, match.index);
    if (!dictionary.includes('/FlateDecode') || !wanted(dictionary)) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const data = await inflate(bytes.subarray(start, end >= 0 ? end : bytes.length));
    if (data) found.push({ at: match.index, data });
  }
  return found;
}

/** The bytes a zlib stream unpacks to (trailing bytes after its end are left), or null. */
async function inflate(packed) {
  const reader = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const parts = [];
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(part.value);
  } catch {
    // a stream cut short or with bytes after its end: what came out before is kept
  }
  if (!parts.length) return null;
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

/** The tags and values of the TIFF directory at `ifd` (an offset from `start`). */
function ifdEntries(bytes, { start, end }, little, ifd) {
  const at = start + ifd;
  if (at + 2 > end) return [];
  const count = u16(bytes, at, little);
  const found = [];
  for (let i = 0; i < count; i += 1) {
    const entry = at + 2 + i * 12;
    if (entry + 12 > end) break;
    found.push({ tag: u16(bytes, entry, little), value: u32(bytes, entry + 8, little) });
  }
  return found;
}

/** The first directory of the TIFF structure in bytes[start, end), or null when it is not one. */
function firstDirectory(bytes, block) {
  const little = bytes[block.start] === 0x49;
  if (u16(bytes, block.start + 2, little) !== 42) return null;
  return { little, entries: ifdEntries(bytes, block, little, u32(bytes, block.start + 4, little)) };
}

/** Whether the TIFF structure in bytes[start, end) names a camera (make or model) or has a GPS
 *  block with a tag other than 0. */
function tiffHasMetadata(bytes, block) {
  const first = firstDirectory(bytes, block);
  if (!first) return false;
  if (first.entries.some(entry => CAMERA_TAGS.includes(entry.tag))) return true;
  const gps = first.entries.find(entry => entry.tag === GPS_TAG);
  return Boolean(gps) && ifdEntries(bytes, block, first.little, gps.value).some(entry => entry.tag !== 0);
}

/** Whether a TIFF photo holds an XMP packet (tag 700), as Pillow reads it for the build. */
function tiffHasXmp(bytes, block) {
  const first = firstDirectory(bytes, block);
  return Boolean(first) && first.entries.some(entry => entry.tag === XMP_TAG);
}
