// Dates in the editor: the same reading as plugins/thai_date/parsing.py (`parse_date`), driven by
// the rule data the build exports from that module into site-data.json (`rules.dates`): its
// regular expressions, month and weekday names, year ranges and the B.E. offset. The steps below
// follow parse_date's, in the same order; tests/editor/test_rules_agree.py runs both on every
// date of the content and on a fixture of bad dates and requires the same verdicts.
//
// A moment is { year, month, day, hour, minute, second, offset } in the C.E. calendar; `offset`
// is minutes east of UTC, or null when the text has none (the site's time zone applies).

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export class DateProblem extends Error {
  constructor(value, code, thai) {
    super(thai);
    this.value = value;
    this.code = code; // a short name of the problem, for tests
    this.thai = thai;
  }
}

function compiled(rules) {
  if (!rules._compiled) {
    const full = source => new RegExp(`^(?:${source})$`, 'u');
    rules._compiled = {
      iso: full(rules.iso),
      dayFirst: full(rules.day_first),
      thai: full(rules.thai),
      english: full(rules.english),
      twoDigitIso: full(rules.two_digit_iso),
    };
  }
  return rules._compiled;
}

export function toArabicDigits(text) {
  return String(text).replace(/[๐-๙]/g, d => String(THAI_DIGITS.indexOf(d)));
}

function normalise(text) {
  return toArabicDigits(text).replace(/\u200b/g, '').replace(/\u00a0/g, ' ').replace(/\s+/gu, ' ').trim();
}

const monthKey = word => word.replace(/[.\s]/gu, '').toLowerCase();

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ceYear(value, year, era, rawYear, rules) {
  era = era ? monthKey(era) : null;
  const [beLow, beHigh] = rules.be_range;
  const [ceLow, ceHigh] = rules.ce_range;
  if (rawYear.length === 2) {
    if (era === 'พศ' || (era === null && year >= rules.two_digit_be_from)) return 2500 + year - rules.be_offset;
    if (era === 'คศ') return 2000 + year;
    throw new DateProblem(value, 'two-digit-year',
      `ใช้ปีสองหลัก (${rawYear}) ซึ่งอาจเป็น พ.ศ. ${2500 + year} หรือ ค.ศ. ${2000 + year} ก็ได้ ให้เขียนปีให้ครบสี่หลัก`);
  }
  if (era === 'พศ' && !(beLow <= year && year <= beHigh)) {
    throw new DateProblem(value, 'be-range', `ปี พ.ศ. ${year} ใช้ไม่ได้ ปี พ.ศ. ต้องอยู่ระหว่าง ${beLow} ถึง ${beHigh}`);
  }
  if (era === 'คศ' && !(ceLow <= year && year <= ceHigh)) {
    throw new DateProblem(value, 'ce-range', `ปี ค.ศ. ${year} ใช้ไม่ได้ ปี ค.ศ. ต้องอยู่ระหว่าง ${ceLow} ถึง ${ceHigh}`);
  }
  if (beLow <= year && year <= beHigh) return year - rules.be_offset;
  if (ceLow <= year && year <= ceHigh) return year;
  throw new DateProblem(value, 'year',
    `ปี ${year} ไม่ใช่ทั้งปี พ.ศ. (${beLow}-${beHigh}) และปี ค.ศ. (${ceLow}-${ceHigh}) ให้ตรวจตัวเลขปี`);
}

function monthNumber(value, word, rules) {
  const number = rules.month_numbers[monthKey(word)];
  if (number) return number;
  throw new DateProblem(value, 'month-name', `ไม่รู้จักชื่อเดือน "${word}" ให้เขียนเช่น มีนาคม หรือ มี.ค.`);
}

function build(value, year, month, day, groups, rules) {
  if (!(month >= 1 && month <= 12)) {
    throw new DateProblem(value, 'month', `ไม่มีเดือนที่ ${month} (เดือนมี 1 ถึง 12)`);
  }
  const days = daysIn(year, month);
  if (!(day >= 1 && day <= days)) {
    const name = rules.months[month - 1];
    throw new DateProblem(value, 'day',
      `ไม่มีวันที่ ${day} ${name} ${year + rules.be_offset} ในปฏิทิน: ${name} ${year + rules.be_offset} มี ${days} วัน`);
  }
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (groups.hour !== undefined) {
    hour = Number(groups.hour);
    minute = Number(groups.minute);
    second = Number(groups.second || 0);
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateProblem(value, 'time', `ไม่มีเวลา ${groups.hour}.${groups.minute} น. (ใช้ได้ 00.00 ถึง 23.59 น.)`);
    }
    if (groups.end_hour !== undefined) {
      const endHour = Number(groups.end_hour);
      const endMinute = Number(groups.end_minute);
      if (endHour > 23 || endMinute > 59 || endHour < hour || (endHour === hour && endMinute <= minute)) {
        throw new DateProblem(value, 'time-range',
          `ช่วงเวลาจบที่ ${groups.end_hour}.${groups.end_minute} น. ซึ่งไม่มีจริงหรือไม่ได้อยู่หลังเวลาเริ่ม เขียนเวลาเริ่มอย่างเดียวก็ได้ เช่น 09.00`);
      }
    }
  }
  let offset = null;
  if (groups.offset) {
    if (groups.offset === 'Z') {
      offset = 0;
    } else {
      const sign = groups.offset[0] === '+' ? 1 : -1;
      const digits = groups.offset.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      if (minutes >= 24 * 60) throw new DateProblem(value, 'offset', `ไม่มีเขตเวลา ${groups.offset}`);
      offset = sign * minutes;
    }
  }
  return { year, month, day, hour, minute, second, offset };
}

export function weekdayOf(moment) {
  // Monday first, as Python's datetime.weekday() counts.
  return (new Date(Date.UTC(moment.year, moment.month - 1, moment.day)).getUTCDay() + 6) % 7;
}

function namedMonth(value, groups, rules) {
  const month = monthNumber(value, groups.month, rules);
  const rawYear = groups.year;
  if (rawYear.length !== 2 && rawYear.length !== 4) {
    throw new DateProblem(value, 'year-digits', `ปี "${rawYear}" ไม่ใช่ปีสี่หลัก เช่น 2569`);
  }
  const year = ceYear(value, Number(rawYear), groups.era, rawYear, rules);
  const moment = build(value, year, month, Number(groups.day), groups, rules);
  if (groups.weekday !== undefined) {
    const actual = rules.weekdays[weekdayOf(moment)];
    const number = rules.weekdays.indexOf(groups.weekday);
    if (number < 0) {
      throw new DateProblem(value, 'weekday-name', `ไม่รู้จักชื่อวัน "วัน${groups.weekday}" (วันนั้นคือวัน${actual})`);
    }
    if (number !== weekdayOf(moment)) {
      throw new DateProblem(value, 'weekday', `ระบุวัน${groups.weekday} แต่วันนั้นคือวัน${actual} ให้ตรวจวันที่`);
    }
  }
  return moment;
}

function dayFirst(value, groups, rules) {
  const first = Number(groups.day);
  const second = Number(groups.month);
  const rawYear = groups.year;
  const year = ceYear(value, Number(rawYear), null, rawYear, rules);
  const writtenYear = rawYear.length === 4 ? Number(rawYear) : 2500 + Number(rawYear);
  if (second > 12 && first >= 1 && first <= 12) {
    throw new DateProblem(value, 'month-first',
      `อ่านแบบ วัน/เดือน/ปี แล้วมีเดือนที่ ${second} ซึ่งไม่มีจริง ถ้าหมายถึงเดือน${rules.months[first - 1]} วันที่ ${second} ให้เขียน ${writtenYear}-${String(first).padStart(2, '0')}-${String(second).padStart(2, '0')}`);
  }
  const moment = build(value, year, second, first, groups, rules);
  const [beLow, beHigh] = rules.be_range;
  let caution = null;
  if (rawYear.length === 4 && !(beLow <= writtenYear && writtenYear <= beHigh) && first <= 12 && first !== second) {
    caution = `อ่านเป็นวันที่ ${first} ${rules.months[second - 1]} ค.ศ. ${writtenYear} (วัน/เดือน/ปี) ` +
      `ถ้าหมายถึงวันที่ ${second} ${rules.months[first - 1]} ให้เขียน ${writtenYear}-${String(first).padStart(2, '0')}-${String(second).padStart(2, '0')} ` +
      'ถ้าถูกแล้ว ใช้ปี พ.ศ. เพื่อไม่ให้สงสัย';
  }
  return { moment, caution };
}

/**
 * The moment an author's date text means and, when a writer of another habit could have meant
 * another day (03/04/2022), a caution (Thai); throws DateProblem when it cannot be read.
 * The same steps as thai_date's `read_date`.
 */
export function readDate(text, rules) {
  const value = String(text ?? '').trim();
  const clean = normalise(text ?? '');
  const re = compiled(rules);
  if (!clean) throw new DateProblem(value, 'empty', 'ยังไม่มีวันที่ ให้ใส่วันที่ เช่น 2569-12-01 09:30');

  let match = re.iso.exec(clean);
  if (match) {
    const g = match.groups;
    const year = ceYear(value, Number(g.year), null, g.year, rules);
    return { moment: build(value, year, Number(g.month), Number(g.day), g, rules), caution: null };
  }
  match = re.dayFirst.exec(clean);
  if (match && !(match.groups.sep === '-' && Number(match.groups.day) > 31 && re.twoDigitIso.test(clean))) {
    return dayFirst(value, match.groups, rules);
  }
  for (const pattern of [re.thai, re.english]) {
    match = pattern.exec(clean);
    if (match) return { moment: namedMonth(value, match.groups, rules), caution: null };
  }
  if (re.twoDigitIso.test(clean)) {
    const year = Number(clean.slice(0, 2));
    throw new DateProblem(value, 'two-digit-year',
      `ใช้ปีสองหลัก (${clean.slice(0, 2)}) ซึ่งอาจหมายถึงหลายปี ให้เขียนปีให้ครบสี่หลัก เช่น ${2500 + year}-${clean.slice(3)}`);
  }
  throw new DateProblem(value, 'form', 'อ่านวันที่ไม่ได้ ให้เขียนเป็น ปี พ.ศ.-เดือน-วัน เวลา เช่น 2569-12-01 09:30');
}

/** The moment an author's date text means; throws DateProblem (Thai message) otherwise. */
export function parseDate(text, rules) {
  return readDate(text, rules).moment;
}

/** Milliseconds since the epoch; a moment without offset is in the site's zone. */
export function epoch(moment, rules) {
  const offset = moment.offset === null ? rules.utc_offset_minutes : moment.offset;
  return Date.UTC(moment.year, moment.month - 1, moment.day, moment.hour, moment.minute, moment.second) - offset * 60000;
}

/** The moment in the site's zone (what the site shows). */
export function local(moment, rules) {
  if (moment.offset === null || moment.offset === rules.utc_offset_minutes) return moment;
  const shifted = new Date(epoch(moment, rules) + rules.utc_offset_minutes * 60000);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
    offset: rules.utc_offset_minutes,
  };
}

const pad = n => String(n).padStart(2, '0');

/** `2569-12-01 09:30`: the form the editor writes (B.E. year, site time). */
export function editorText(moment, rules) {
  const m = local(moment, rules);
  return `${m.year + rules.be_offset}-${pad(m.month)}-${pad(m.day)} ${pad(m.hour)}:${pad(m.minute)}`;
}

/** The moment `date` (a JavaScript Date) is, in the site's zone. */
export function fromDate(date, rules) {
  const shifted = new Date(date.getTime() + rules.utc_offset_minutes * 60000);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: 0, offset: null,
  };
}

/**
 * The date as the site shows it, from thai_date's FORMATS examples exported by the build
 * (`rules.formats`: name -> a pattern with {day} {month} {month_short} {year} {year2} {weekday}
 * {hour} {minute}).
 */
export function thaiDate(moment, fmt, rules) {
  const m = local(moment, rules);
  const pattern = rules.formats[fmt];
  const be = m.year + rules.be_offset;
  const text = pattern
    .replace('{weekday}', rules.weekdays[weekdayOf(m)])
    .replace('{day}', String(m.day))
    .replace('{month}', rules.months[m.month - 1])
    .replace('{month_short}', rules.months_short[m.month - 1])
    .replace('{year}', String(be))
    .replace('{year2}', pad(be % 100))
    .replace('{hour}', pad(m.hour))
    .replace('{minute}', pad(m.minute));
  return rules.digits === 'thai' ? text.replace(/[0-9]/g, d => THAI_DIGITS[Number(d)]) : text;
}
