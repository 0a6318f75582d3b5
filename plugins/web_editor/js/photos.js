// Photos are cleaned in the browser before they enter the repository:
// - only JPEG, PNG and WebP are taken (recognised by their first bytes, not their name);
// - a photo with more pixels than photo_gallery accepts (GALLERY_MAX_PIXELS, a decompression bomb
//   to the build) is refused before it is decoded (its size is read from its header);
// - it is decoded upright (EXIF orientation applied), drawn at most `max_edge` pixels on its long
//   edge and encoded again: JPEG for photos, PNG for PNG images (diagrams, screenshots). A new
//   encode carries no EXIF, GPS, XMP or camera data at all.
// preparePhoto(file, limits) -> { blob, type, width, height, original, ms, note } or throws
// PhotoProblem with a Thai message that names the file.

export class PhotoProblem extends Error {
  constructor(file, thai) {
    super(`${file}: ${thai}`);
    this.file = file;
    this.thai = thai;
  }
}

const number = n => n.toLocaleString('th-TH');

/** "image/jpeg", "image/png", "image/webp", "heic", or null: from the file's first bytes. */
export function sniffType(bytes) {
  const ascii = (start, end) => String.fromCharCode(...bytes.slice(start, end));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|mif1|msf1|avif)$/.test(ascii(8, 12))) return 'heic';
  return null;
}

/** Width and height from the header (JPEG SOF, PNG IHDR, WebP VP8/VP8L/VP8X), or null. */
export function headerSize(bytes, type) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === 'image/png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (type === 'image/webp') {
      const chunk = String.fromCharCode(...bytes.slice(12, 16));
      if (chunk === 'VP8X') {
        const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
        const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
        return { width: w, height: h };
      }
      if (chunk === 'VP8L') {
        const b = bytes.slice(21, 25);
        return { width: 1 + (((b[1] & 0x3f) << 8) | b[0]), height: 1 + (((b[3] & 0x0f) << 10) | (b[2] << 2) | ((b[1] & 0xc0) >> 6)) };
      }
      if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
      return null;
    }
    if (type === 'image/jpeg') {
      let at = 2;
      while (at + 9 < bytes.length) {
        if (bytes[at] !== 0xff) return null;
        const marker = bytes[at + 1];
        if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
          at += 2;
          continue;
        }
        const length = view.getUint16(at + 2);
        // Start-of-frame markers (not DHT c4, JPG c8, DAC cc) hold height then width.
        if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
          return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
        }
        at += 2 + length;
      }
    }
  } catch (error) {
    return null;
  }
  return null;
}

/** EXIF orientation (1-8) of a JPEG from its APP1 segment; 1 when it has none. */
export function jpegOrientation(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  try {
    while (at + 4 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1];
      const length = view.getUint16(at + 2);
      if (marker === 0xe1 && String.fromCharCode(...bytes.slice(at + 4, at + 8)) === 'Exif') {
        const tiff = at + 10;
        const little = view.getUint16(tiff) === 0x4949;
        const ifd = tiff + view.getUint32(tiff + 4, little);
        const count = view.getUint16(ifd, little);
        for (let i = 0; i < count; i += 1) {
          const entry = ifd + 2 + i * 12;
          if (view.getUint16(entry, little) === 0x0112) {
            const value = view.getUint16(entry + 8, little);
            return value >= 1 && value <= 8 ? value : 1;
          }
        }
        return 1;
      }
      if (marker === 0xda) return 1; // image data starts: no EXIF before it
      at += 2 + length;
    }
  } catch (error) {
    return 1;
  }
  return 1;
}

/**
 * The encoded image with only what draws it: the browser's encoder adds a colour profile (JPEG
 * APP2, PNG iCCP) and may add other segments; APP1-APP15 and comments of a JPEG and every
 * ancillary PNG chunk but transparency are dropped.
 */
export function stripEncoded(bytes, type) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept = [];
  if (type === 'image/jpeg') {
    kept.push(bytes.slice(0, 2)); // SOI
    let at = 2;
    while (at + 4 <= bytes.length) {
      const marker = bytes[at + 1];
      if (marker === 0xda) {
        kept.push(bytes.slice(at)); // start of scan: the image data to the end
        break;
      }
      const length = view.getUint16(at + 2);
      const drop = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
      if (!drop) kept.push(bytes.slice(at, at + 2 + length));
      at += 2 + length;
    }
  } else if (type === 'image/png') {
    const keep = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
    kept.push(bytes.slice(0, 8));
    let at = 8;
    while (at + 12 <= bytes.length) {
      const length = view.getUint32(at);
      const name = String.fromCharCode(...bytes.slice(at + 4, at + 8));
      if (keep.has(name)) kept.push(bytes.slice(at, at + 12 + length));
      at += 12 + length;
    }
  } else {
    return bytes;
  }
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const HEAD_BYTES = 512 * 1024;

/** A cleaned copy of `file` (see the top of this file). */
export async function preparePhoto(file, limits) {
  const started = performance.now();
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const type = sniffType(head);
  if (type === 'heic') {
    throw new PhotoProblem(file.name,
      'เป็นภาพ HEIC ซึ่งเบราว์เซอร์นี้เปิดไม่ได้ ให้ส่งภาพจากโทรศัพท์เป็น JPEG (iPhone: การตั้งค่า > กล้อง > รูปแบบ > ที่เข้ากันได้มากที่สุด) แล้วเลือกใหม่');
  }
  if (!type) {
    throw new PhotoProblem(file.name, 'ไม่ใช่ไฟล์ภาพ (ใช้ได้เฉพาะ JPEG, PNG และ WebP) จึงไม่ได้เพิ่มในข่าว');
  }
  const size = headerSize(head, type);
  if (size && size.width * size.height > limits.max_pixels) {
    throw new PhotoProblem(file.name,
      `ภาพใหญ่ ${number(size.width)} × ${number(size.height)} พิกเซล (${number(Math.round(size.width * size.height / 1e6))} ล้านพิกเซล) ` +
      `เกินกว่าที่เว็บไซต์รับได้ (${number(limits.max_pixels / 1e6)} ล้านพิกเซล) ให้ย่อภาพหรือสแกนใหม่ที่ความละเอียดต่ำลงแล้วเลือกใหม่`);
  }
  // The upright size: orientations 5-8 turn the stored image by a quarter.
  const turned = type === 'image/jpeg' && jpegOrientation(head) >= 5;
  const original = size && (turned ? { width: size.height, height: size.width } : size);
  const options = { imageOrientation: 'from-image' };
  let width;
  let height;
  if (original) {
    const scale = Math.min(1, limits.max_edge / Math.max(original.width, original.height));
    width = Math.max(1, Math.round(original.width * scale));
    height = Math.max(1, Math.round(original.height * scale));
    // Decoded straight at the final size: no full-size copy to scale down afterwards.
    if (scale < 1) Object.assign(options, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  }
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, options);
  } catch (error) {
    throw new PhotoProblem(file.name, 'เปิดภาพไม่ได้ ไฟล์อาจเสียหรือไม่ครบ ให้ส่งออกภาพใหม่แล้วเลือกอีกครั้ง');
  }
  try {
    if (!original || Math.abs(bitmap.width / bitmap.height - width / height) > 0.02) {
      // No size in the header (or the decoder turned the photo otherwise): scaled when drawn.
      const scale = Math.min(1, limits.max_edge / Math.max(bitmap.width, bitmap.height));
      width = Math.max(1, Math.round(bitmap.width * scale));
      height = Math.max(1, Math.round(bitmap.height * scale));
    }
    const source = original || { width: bitmap.width, height: bitmap.height };
    if (source.width * source.height > limits.max_pixels) {
      throw new PhotoProblem(file.name,
        `ภาพใหญ่ ${number(source.width)} × ${number(source.height)} พิกเซล เกินกว่าที่เว็บไซต์รับได้ (${number(limits.max_pixels / 1e6)} ล้านพิกเซล) ให้ย่อภาพแล้วเลือกใหม่`);
    }
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    const outType = type === 'image/png' ? 'image/png' : 'image/jpeg';
    if (outType === 'image/jpeg') {
      context.fillStyle = '#fff'; // a transparent WebP has no black background in JPEG
      context.fillRect(0, 0, width, height);
    }
    context.drawImage(bitmap, 0, 0, width, height);
    const encoded = await canvas.convertToBlob({ type: outType, quality: limits.quality });
    const blob = new Blob([stripEncoded(new Uint8Array(await encoded.arrayBuffer()), outType)], { type: outType });
    let note = '';
    if (source.width * source.height > 4 * width * height) {
      note = `ภาพนี้ใหญ่ ${number(Math.round(source.width * source.height / 1e6))} ล้านพิกเซล ย่อเหลือ ` +
        `${number(width)} × ${number(height)} พิกเซลแล้ว ถ้าเป็นเอกสารสแกน ให้ตรวจในตัวอย่างว่ายังอ่านตัวหนังสือได้`;
    }
    return { blob, type: outType, width, height, original: source, ms: performance.now() - started, note };
  } finally {
    bitmap.close();
  }
}
