// Checks while writing: the rules of `invoke check` that can run in the browser, with the rule data
// the build exports from their owners (site-data.json, `rules`):
//   title, body              - content_guard's header rule (a title; some text after the header);
//   status, category         - content_guard's metadata rule (its statuses, the site's CATEGORIES);
//   date                     - thai_date's rule: its reading (dates.js) and plausibility limits;
//   captions                 - photo_gallery's: every photo has a caption (GALLERY_CAPTION_REQUIRED);
//   typo                     - thai_text's typing-error table (typos.py RULES);
//   text-date                - thai_date's weekdays before dates in the text (text_dates.py);
//   featured                 - site_meta's ข่าวเด่น: Featured_until a date, not before the release's.
// Spelling, links, slugs and photo files run in CI on the pull request (`invoke check`).
//
// checkEntry(data, kind, context) -> [{ field, rule, level, message }]; level is "error" (the
// release cannot be sent for review) or "warning". tests/editor/test_rules_agree.py compares the
// verdicts with `invoke check` on every content file and on a fixture of bad inputs.

import { DateProblem, epoch, local, parseDate, readDate, thaiDate, toArabicDigits, weekdayOf } from './dates.js';
import { SOURCE_KEY, fromFile } from './format.js';
import { mergePhotos } from './gallery.js';

export const ERROR = 'error';
export const WARNING = 'warning';

function typoRules(rules) {
  if (!rules._typos) {
    rules._typos = rules.typos.map(rule => ({ ...rule, re: new RegExp(rule.pattern, 'gu') }));
  }
  return rules._typos;
}

// thai_date's text-date pattern and the code-fence pattern, compiled once (checks run on every key).
function textDateRules(rules) {
  if (!rules._textDates && rules.text_dates) {
    const data = rules.text_dates;
    rules._textDates = { weekdays: data.weekdays, re: new RegExp(data.pattern, 'gu'), fence: new RegExp(data.fence, 'u') };
  }
  return rules._textDates;
}

// thai_text's rule "phone" (phones.py): its patterns, compiled once.
function phoneRules(rules) {
  if (!rules._phones && rules.phones) {
    const data = rules.phones;
    rules._phones = {
      ...data, re: new RegExp(data.pattern, 'gu'), grouped: new RegExp(`^(?:${data.grouped})$`, 'u'),
      fence: new RegExp(data.fence, 'u'),
    };
  }
  return rules._phones;
}

/** The digits of a number as dialled in Thailand (phones.py national_digits). */
function nationalDigits(written) {
  const digits = toArabicDigits(written).replace(/\D/g, '');
  return written.startsWith('+66') ? `0${digits.slice(2)}` : digits;
}

/** What is wrong with a telephone number as written (phones.py wrong_number), or null. */
function wrongNumber(written, afterWord, data) {
  let digits = nationalDigits(written);
  if (!afterWord && !written.startsWith('+66') && !data.grouped.test(toArabicDigits(written))) return null;
  const range = toArabicDigits(written).match(/-(\d{1,2})$/);
  if (range && [9, 10].includes(digits.length - range[1].length)) digits = digits.slice(0, -range[1].length);
  if (digits.startsWith('0')) {
    if (digits.length < 6 || '01'.includes(digits[1])) return null;
    if (digits.length === 9) return data.fixed.includes(digits[1]) ? null : 'short-mobile';
    if (digits.length === 10) return data.mobile.includes(digits[1]) ? null : 'long-fixed';
    return 'count';
  }
  if (digits.startsWith('1') && afterWord && ((digits.length >= 5 && digits.length <= 9) || digits.length > 10)) {
    return 'hotline';
  }
  return null;
}

/** thai_text's rule "phone" on `value` (a field, or the body outside code fences). */
function phoneProblems(field, value, rules, label) {
  const data = phoneRules(rules);
  if (!data || !/[0-9\u0e50-\u0e59]/u.test(value)) return [];
  const problems = [];
  let fenced = false;
  for (const line of value.split('\n')) {
    if (data.fence.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    for (const m of line.matchAll(data.re)) {
      const written = m.groups.number.replace(/[ \u00a0-]+$/u, '');
      const kind = wrongNumber(written, m.groups.word !== undefined, data);
      if (!kind) continue;
      const message = data.messages[kind].replace('{number}', written).replace('{digits}', String(nationalDigits(written).length));
      problems.push({ field, rule: 'phone', level: WARNING, message: `${label}${message}` });
    }
  }
  return problems;
}

const THAI = /[\u0e01-\u0e4e]/u;
// A Thai letter or mark, or the glyph variant of one a PDF's font gives (typos.py GLYPH_VARIANTS).
const THAI_LETTER = /[\u0e01-\u0e4e\uf700-\uf71a\uf884-\uf89e]/u;

function wordAround(line, at, found) {
  let start = at;
  let end = at + found.length;
  while (start > 0 && THAI_LETTER.test(line[start - 1]) && at - start < 12) start -= 1;
  while (end < line.length && THAI_LETTER.test(line[end]) && end - at < 12 + found.length) end += 1;
  return line.slice(start, end);
}

/** Typing errors in `text`: [{ found, suggestion, word, fixed, what }] in reading order. */
export function findTypos(text, rules) {
  const hits = [];
  for (const line of String(text ?? '').split('\n')) {
    if (!THAI.test(line) && !line.includes('\u200b')) continue;
    const found = [];
    for (const rule of typoRules(rules)) {
      rule.re.lastIndex = 0;
      for (const match of line.matchAll(rule.re)) {
        const suggestion = match[0].replace(new RegExp(rule.pattern, 'u'), rule.replacement);
        found.push({ at: match.index, found: match[0], suggestion, what: rule.what });
      }
    }
    found.sort((a, b) => a.at - b.at);
    for (const hit of found) {
      const word = wordAround(line, line.indexOf(hit.found), hit.found);
      hits.push({ ...hit, word, fixed: word.replace(hit.found, hit.suggestion) });
    }
  }
  return hits;
}

/** Replace every typing error (thai_text's fix_typos, in rule order). */
export function fixTypos(text, rules) {
  let out = String(text ?? '');
  for (const rule of typoRules(rules)) out = out.replace(new RegExp(rule.pattern, 'gu'), rule.replacement);
  return out;
}

function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

function text(value) {
  value = plain(value);
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function typoProblems(field, value, rules, label) {
  return findTypos(value, rules).map(hit => ({
    field,
    rule: 'typo',
    level: WARNING,
    message: `${label}พิมพ์ผิด: ${hit.what.split(' / ')[0]} ใน "${hit.word}" ควรเป็น "${hit.fixed}"`,
  }));
}

/**
 * thai_date's rule "text-date" on `value` (a field, or the body outside code fences): a weekday
 * written before a date that is not that day's, or a day that does not exist.
 */
export function textDateProblems(field, value, rules, label) {
  const data = textDateRules(rules);
  if (!data || !value.includes('วัน')) return [];
  // The lines of a paragraph are one text, joined by spaces (text_dates.mistakes_by_line).
  const paragraphs = [];
  let fenced = false;
  let current = [];
  for (const line of [...value.split('\n'), '']) {
    const isFence = data.fence.test(line);
    if (isFence) fenced = !fenced;
    if (isFence || fenced || !line.trim()) {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  const problems = [];
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(data.re)) {
      const { weekday, date } = m.groups;
      let moment;
      try {
        moment = parseDate(date, rules.dates);
      } catch (error) {
        if (!(error instanceof DateProblem)) throw error;
        problems.push({ field, rule: 'text-date', level: WARNING, message: `${label}"${m[0]}": วันที่ "${date}" ${error.thai}` });
        continue;
      }
      const actual = rules.dates.weekdays[weekdayOf(moment)];
      if (data.weekdays[weekday] !== weekdayOf(moment)) {
        problems.push({
          field, rule: 'text-date', level: WARNING,
          message: `${label}"${m[0]}" ระบุวัน${weekday} แต่วันที่ ${date} คือวัน${actual} ให้แก้ชื่อวันหรือวันที่ให้ตรงกัน`,
        });
      }
    }
  }
  return problems;
}

/** Problems of the date fields (`date`, `modified`). */
export function checkDates(data, kind, rules, now) {
  const problems = [];
  const oldest = rules.check.oldest_year;
  const horizon = now + rules.check.future_days * 86400000;
  const moments = {};
  const dateText = text(data.date).trim();
  if (kind === 'article' && !dateText) {
    problems.push({ field: 'date', rule: 'date', level: ERROR, message: 'ยังไม่มีวันที่ ให้ใส่วันที่ เช่น 2569-12-01 09:30 (ปี พ.ศ.)' });
  }
  for (const field of ['date', 'modified']) {
    const value = text(data[field]).trim();
    if (!value) continue;
    let moment;
    try {
      const read = readDate(value, rules.dates);
      moment = read.moment;
      if (read.caution) problems.push({ field, rule: 'date', level: WARNING, message: read.caution });
    } catch (error) {
      if (!(error instanceof DateProblem)) throw error;
      problems.push({ field, rule: 'date', level: ERROR, message: error.thai });
      continue;
    }
    moments[field] = moment;
    const at = epoch(moment, rules.dates);
    if (moment.year < oldest) {
      problems.push({
        field, rule: 'date', level: WARNING,
        message: `ปี ค.ศ. ${moment.year} (พ.ศ. ${moment.year + rules.dates.be_offset}) เก่าผิดปกติ ให้ตรวจว่าพิมพ์ปีถูกต้อง`,
      });
    } else if (at > horizon) {
      problems.push({
        field, rule: 'date', level: WARNING,
        message: `วันที่อยู่ในอนาคตมากกว่าหนึ่งปี (พ.ศ. ${moment.year + rules.dates.be_offset}) ให้ตรวจว่าพิมพ์ปีถูกต้อง`,
      });
    }
    if (THAI.test(value) && !value.includes('ค.ศ')) {
      const year = /(\d{4})/.exec(value);
      if (year && Number(year[1]) < 2400) {
        problems.push({
          field, rule: 'date', level: WARNING,
          message: `ใช้ชื่อเดือนภาษาไทยกับปี ค.ศ. ${year[1]} ถ้าหมายถึงปี พ.ศ. ให้เขียน ${Number(year[1]) + 543}`,
        });
      }
    }
  }
  if (moments.date && moments.modified && epoch(moments.modified, rules.dates) < epoch(moments.date, rules.dates)) {
    problems.push({ field: 'modified', rule: 'date', level: WARNING, message: 'วันที่แก้ไขอยู่ก่อนวันที่เผยแพร่ ให้ตรวจว่าพิมพ์ถูกต้อง' });
  }
  return problems;
}

/**
 * When a pin `Featured_until: value` ends (site_meta's featured.featured_end): the end of that day
 * in the site's time when no time is given (00:00 counts as none), else that moment. Throws
 * DateProblem.
 */
export function featuredEnd(value, rules) {
  const moment = local(parseDate(value, rules.dates), rules.dates);
  if (moment.hour || moment.minute || moment.second) return moment;
  return { ...moment, hour: 23, minute: 59, second: 59, offset: rules.dates.utc_offset_minutes };
}

/**
 * What the writer and the supervisor should know of a pin `Featured_until: value` (not a
 * problem): until when the release is one of the home page's ข่าวเด่น, or that the day has passed.
 * null for an empty field or one that is not a date (checkFeatured says so).
 */
export function featuredNote(value, rules, now) {
  const written = text(value).trim();
  if (!written) return null;
  let end;
  try {
    end = featuredEnd(written, rules);
  } catch (error) {
    if (!(error instanceof DateProblem)) throw error;
    return null;
  }
  const when = `${thaiDate(end, 'full', rules.dates)} เวลา ${thaiDate(end, 'clock', rules.dates)}`;
  return epoch(end, rules.dates) < now
    ? `ข่าวเด่นสิ้นสุดไปแล้วเมื่อ${when} ข่าวนี้จึงไม่อยู่ในข่าวเด่นบนหน้าแรก`
    : `ข่าวนี้จะอยู่ในข่าวเด่นบนหน้าแรกตั้งแต่เผยแพร่จนถึง${when}`;
}

/** site_meta's rule "featured" (rules.py check_featured) on `Featured_until:`. */
export function checkFeatured(data, kind, rules) {
  const field = 'featured_until';
  const value = text(data[field]).trim();
  if (!value) return [];
  const warn = message => [{ field, rule: 'featured', level: WARNING, message }];
  if (kind === 'page') return warn('ข่าวเด่นใช้ได้กับข่าวเท่านั้น หน้าเว็บไซต์ไม่แสดงเป็นข่าวเด่น ให้ลบบรรทัด Featured_until: ออก');
  let end;
  try {
    end = featuredEnd(value, rules);
  } catch (error) {
    if (!(error instanceof DateProblem)) throw error;
    return warn(`${error.thai} ข่าวนี้จึงไม่เป็นข่าวเด่น`);
  }
  let date = null;
  try {
    date = parseDate(text(data.date).trim(), rules.dates);
  } catch (error) {
    if (!(error instanceof DateProblem)) throw error;
  }
  if (date && epoch(end, rules.dates) < epoch(date, rules.dates)) {
    return warn(`ข่าวเด่นสิ้นสุด (${thaiDate(end, 'long', rules.dates)}) ก่อนวันที่ของข่าว `
      + `(${thaiDate(date, 'long', rules.dates)}) ข่าวนี้จึงไม่เป็นข่าวเด่นเลย ให้ตรวจว่าพิมพ์ทั้งสองวันถูกต้อง`);
  }
  return [];
}

/**
 * What the author should know about a date that holds the release back (not a problem): the
 * release is published by the first build after that moment (THAI_DATE_HOLD_FUTURE).
 */
export function heldUntil(data, rules, now) {
  if (!rules.hold_future) return null;
  try {
    const moment = parseDate(text(data.date), rules.dates);
    return epoch(moment, rules.dates) > now ? thaiDate(moment, 'time', rules.dates) : null;
  } catch (error) {
    return null;
  }
}

/** Every problem of an entry (`kind`: "article" or "page"). */
export function checkEntry(data, kind, context) {
  const { rules } = context;
  const now = context.now ?? Date.now();
  data = plain(data) || {};
  const problems = [];
  if (!text(data.title).trim()) {
    problems.push({ field: 'title', rule: 'title', level: ERROR, message: 'ยังไม่มีชื่อข่าว' });
  }
  if (!text(data.body).trim()) {
    problems.push({ field: 'body', rule: 'body', level: WARNING, message: 'ยังไม่มีเนื้อข่าว' });
  }
  const status = (text(data.status).trim() || 'published').toLowerCase();
  if (!rules.statuses.includes(status)) {
    problems.push({ field: 'status', rule: 'status', level: ERROR, message: `ไม่รู้จักสถานะ "${text(data.status)}"` });
  }
  if (kind === 'article') {
    const category = text(data.category).trim();
    if (!category) {
      problems.push({ field: 'category', rule: 'category', level: ERROR, message: `ยังไม่ได้เลือกหมวด ให้เลือกจาก ${rules.categories.join(', ')}` });
    } else if (rules.categories.length && !rules.categories.includes(category)) {
      problems.push({ field: 'category', rule: 'category', level: ERROR, message: `ไม่มีหมวด "${category}" ในเว็บไซต์ ให้เลือกจาก ${rules.categories.join(', ')}` });
    }
  }
  problems.push(...checkDates(data, kind, rules, now));
  problems.push(...checkFeatured(data, kind, rules));

  const photos = plain(data.photos) || {};
  const onDisk = photos.gallery ? (context.galleries || {})[photos.gallery] || [] : [];
  for (const photo of rules.captions_required ? mergePhotos(photos.items, onDisk, photos.hidden) : []) {
    if (!photo.caption) {
      problems.push({
        field: 'photos', rule: 'captions', level: WARNING, photo: photo.file,
        message: `ภาพ ${photo.file} ยังไม่มีคำบรรยาย (ผู้ใช้โปรแกรมอ่านหน้าจอต้องใช้คำบรรยาย)`,
      });
    }
  }

  const labels = { title: 'ชื่อข่าว: ', summary: 'ข้อความย่อ: ', tags: 'ป้ายกำกับ: ', author: 'ผู้เขียน: ', body: '' };
  for (const field of ['title', 'date', 'modified', 'category', 'tags', 'slug', 'summary', 'author', 'status']) {
    problems.push(...typoProblems(field, text(data[field]), rules, labels[field] || ''));
  }
  problems.push(...typoProblems('photos', [photos.gallery, photos.cover].filter(Boolean).join('\n'), rules, ''));
  for (const item of plain(photos.items) || []) {
    if (item) problems.push(...typoProblems('photos', `${item.file}: ${item.caption || ''}`, rules, 'คำบรรยายภาพ: '));
  }
  for (const extra of context.otherHeaderLines || []) {
    problems.push(...typoProblems('header', extra, rules, ''));
  }
  problems.push(...typoProblems('body', text(data.body), rules, ''));
  problems.push(...textDateProblems('title', text(data.title), rules, labels.title));
  problems.push(...textDateProblems('summary', text(data.summary), rules, labels.summary));
  problems.push(...textDateProblems('body', text(data.body), rules, ''));
  problems.push(...phoneProblems('title', text(data.title), rules, labels.title));
  problems.push(...phoneProblems('summary', text(data.summary), rules, labels.summary));
  problems.push(...phoneProblems('body', text(data.body), rules, ''));
  return problems;
}

/**
 * Every problem of a whole file as the editor sees it (`kind`: "article" or "page"): its entry,
 * and typing errors in header lines the editor has no field for.
 */
export function checkFile(text, kind, context) {
  const data = fromFile(text);
  const known = ['title', 'date', 'modified', 'category', 'tags', 'slug', 'summary', 'author', 'status',
    'gallery', 'cover', 'captions'];
  const otherHeaderLines = data[SOURCE_KEY].entries.filter(e => !known.includes(e.key)).flatMap(e => e.lines);
  return checkEntry(data, kind, { ...context, otherHeaderLines });
}
