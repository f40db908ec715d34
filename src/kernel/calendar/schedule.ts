/**
 * Entering a year's official schedule (RULES.md §1): reading the State Council notice as pasted
 * (国务院办公厅关于XXXX年部分节假日安排的通知, its "一、元旦：…放假…上班" lines) and checking a
 * schedule against 《全国年节及纪念日放假办法》 before it replaces the provisional one. Pure functions.
 */
import { addDays, type CalendarDay, daysBetween, isValidDate, weekdayOf, WEEKDAY_NAMES } from './calendar.js';
import { PROVISIONAL_FIRST_YEAR, STATUTORY_DAYS_TOTAL, STATUTORY_HOLIDAYS, statutoryDates, type StatutoryHolidayName } from './provisional.js';

// ---------------------------------------------------------------------------------------------
// Holiday names

/** The keyword that identifies each statutory holiday in a name such as 国庆节、中秋节 or 清明. */
const KEYWORDS: Record<StatutoryHolidayName, string> = {
  元旦: '元旦',
  春节: '春节',
  清明节: '清明',
  劳动节: '劳动',
  端午节: '端午',
  中秋节: '中秋',
  国庆节: '国庆',
};

/** The statutory holidays a day's name covers: 国庆节、中秋节 → [国庆节, 中秋节]. */
export function holidaysOfName(name: string): StatutoryHolidayName[] {
  return STATUTORY_HOLIDAYS.map((h) => h.name).filter((h) => name.includes(KEYWORDS[h]));
}

// ---------------------------------------------------------------------------------------------
// Parsing the notice

export interface NoticeLineError {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  message: string;
}

export interface ParsedNotice {
  days: CalendarDay[];
  /** Lines that could not be read; the schedule must not be saved while there are any. */
  errors: NoticeLineError[];
  /** Lines read, with what was found, for the admin to confirm. */
  lines: { line: number; name: string; holidays: string[]; workdays: string[] }[];
}

const CN_NUM = '一二三四五六七八九十';
/** "一、元旦：…" (numbered) or "元旦：…" (a holiday name first). */
const HEADER = new RegExp(`^\\s*(?:([${CN_NUM}]+)\\s*[、.．]\\s*)?([^：:]{1,40}?)\\s*[：:]\\s*(.+)$`, 'u');
/** A date with an optional year and month, and an optional parenthesis after it (weekday, lunar date). */
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*[（(]([^）)]*)[）)])?/gu;
const WEEKDAY_HINT = /(?:周|星期)([日天一二三四五六])/u;
const WEEKDAY_INDEX: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

interface DateToken {
  date: string;
  /** Index of the token's end in the sentence. */
  end: number;
  start: number;
  weekdayHint?: number;
  raw: string;
}

/** Reads the dates of one sentence; the month carries over from the previous date ("2月15日至23日"). */
function datesOf(sentence: string, year: number, problems: string[]): DateToken[] {
  const out: DateToken[] = [];
  let month: number | undefined;
  let yr = year;
  for (const m of sentence.matchAll(DATE)) {
    if (m[1]) yr = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    if (month === undefined) {
      problems.push(`“${m[0]}”缺少月份`);
      continue;
    }
    const date = `${String(yr).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Number(m[3])).padStart(2, '0')}`;
    if (!isValidDate(date)) {
      problems.push(`“${m[0]}”不是有效日期`);
      continue;
    }
    const tok: DateToken = { date, start: m.index, end: m.index + m[0].length, raw: m[0] };
    const hint = m[4] ? WEEKDAY_HINT.exec(m[4]) : null;
    if (hint) tok.weekdayHint = WEEKDAY_INDEX[hint[1]!]!;
    out.push(tok);
  }
  return out;
}

/**
 * Reads a pasted notice. Every line that starts with a holiday heading ("一、元旦：" or "元旦：") must
 * say which days are off (放假 / 连休) and may list the adjusted working days (…上班); other lines
 * (the title, 各省…, the closing) are passed over. Weekdays written in brackets are checked against
 * the dates, and "共N天" against the length of the holiday.
 */
export function parseNotice(year: number, text: string): ParsedNotice {
  const days = new Map<string, CalendarDay>();
  const errors: NoticeLineError[] = [];
  const lines: ParsedNotice['lines'] = [];
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  rows.forEach((raw, i) => {
    const lineNo = i + 1;
    const text = raw.trim().replace(/\s+/gu, ' ');
    if (!text) return;
    const h = HEADER.exec(text);
    if (!h) return;
    const numbered = !!h[1];
    const name = h[2]!.trim().replace(/\s+/gu, '');
    const body = h[3]!;
    const known = holidaysOfName(name).length > 0;
    // An unnumbered "xxx：" line that names no holiday is prose (e.g. "各地区、各部门："), not a heading.
    if (!numbered && !known) return;
    if (!/\d\s*月|\d\s*日/u.test(body)) {
      if (numbered && !known) return; // a numbered paragraph of prose without dates
      errors.push({ line: lineNo, text, message: `第${lineNo}行没有日期，无法读出“${name}”的放假安排` });
      return;
    }
    const fail = (message: string) => errors.push({ line: lineNo, text, message: `第${lineNo}行：${message}` });
    const problems: string[] = [];
    const holidays: string[] = [];
    const workdays: string[] = [];
    let statedTotal: number | undefined;
    for (const sentence of body.split(/[。；;]/u)) {
      const s = sentence.trim();
      if (!s) continue;
      const total = /共\s*(\d{1,2})\s*天/u.exec(s);
      if (total) statedTotal = Number(total[1]);
      const toks = datesOf(s, year, problems);
      for (const t of toks) {
        if (t.weekdayHint !== undefined && weekdayOf(t.date) !== t.weekdayHint) {
          problems.push(`${t.raw}标注为${WEEKDAY_NAMES[t.weekdayHint]}，但 ${t.date} 是${WEEKDAY_NAMES[weekdayOf(t.date)]}`);
        }
      }
      if (/上班/u.test(s)) {
        workdays.push(...toks.map((t) => t.date));
      } else if (/放假|连休/u.test(s)) {
        if (!toks.length) continue;
        const first = toks[0]!;
        const between = toks[1] ? s.slice(first.end, toks[1].start) : '';
        if (toks[1] && /至|到|—|-|~|～/u.test(between)) {
          const last = toks[1];
          if (last.date < first.date) {
            problems.push(`${first.raw}至${last.raw}：结束日早于开始日`);
            continue;
          }
          if (daysBetween(first.date, last.date) > 20) {
            problems.push(`${first.raw}至${last.raw}：放假超过 20 天，请核对`);
            continue;
          }
          for (let d = first.date; d <= last.date; d = addDays(d, 1)) holidays.push(d);
        } else {
          holidays.push(...toks.map((t) => t.date)); // "1月1日放假" or several single days
        }
      }
    }
    if (statedTotal !== undefined && holidays.length && holidays.length !== statedTotal) {
      problems.push(`放假日期共 ${holidays.length} 天，但通知写明“共${statedTotal}天”`);
    }
    if (!holidays.length && !problems.length) problems.push(`没有读出放假日期（应写明“…放假”或“…与周末连休”）`);
    for (const d of [...holidays, ...workdays]) {
      if (!d.startsWith(`${String(year).padStart(4, '0')}-`)) problems.push(`${d} 不在 ${year} 年内，请在 ${d.slice(0, 4)} 年的安排中录入`);
    }
    if (problems.length) {
      fail(problems.join('；'));
      return;
    }
    for (const d of holidays) {
      const prev = days.get(d);
      if (prev?.kind === 'workday') fail(`${d} 既写为放假又写为上班`);
      else days.set(d, { date: d, kind: 'holiday', name });
    }
    for (const d of workdays) {
      const prev = days.get(d);
      if (prev?.kind === 'holiday') fail(`${d} 既写为放假又写为上班`);
      else days.set(d, { date: d, kind: 'workday', name });
    }
    lines.push({ line: lineNo, name, holidays, workdays });
  });
  if (!lines.length && !errors.length) {
    errors.push({ line: 0, text: '', message: '没有读出任何节日安排：请粘贴通知中“一、元旦：……放假……”这样的各行' });
  }
  return { days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)), errors, lines };
}

// ---------------------------------------------------------------------------------------------
// Checking a schedule

export interface ScheduleCheck {
  /** Refusals: the schedule cannot be saved. */
  errors: string[];
  /** Unusual things the admin confirms by saving. */
  warnings: string[];
}

const fmt = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * Checks a year's schedule (days of that year only) against 《全国年节及纪念日放假办法》 (2024):
 * refused — a holiday of the seven missing or shorter than its statutory days, a 调休上班 day on a
 * weekday, a day both off and working, a date outside the year; warned — a statutory day that is
 * not off, weekday days off minus 调休上班 days ≠ the 13 statutory days, a 调休上班 day far from
 * any holiday, a name that is not one of the seven, a holiday far from its statutory date.
 * Years before 2025 (older versions of the 办法) get only the structural checks.
 */
export function checkSchedule(year: number, days: CalendarDay[]): ScheduleCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, CalendarDay>();
  for (const d of days) {
    if (!isValidDate(d.date) || !d.date.startsWith(`${year}-`)) {
      errors.push(`${d.date} 不在 ${year} 年内`);
      continue;
    }
    const prev = seen.get(d.date);
    if (prev && prev.kind !== d.kind) errors.push(`${fmt(d.date)}既是放假日又是调休上班日`);
    else if (prev) errors.push(`${fmt(d.date)}重复录入`);
    seen.set(d.date, d);
    const wd = weekdayOf(d.date);
    if (d.kind === 'workday' && wd !== 0 && wd !== 6) errors.push(`调休上班日应为周六或周日：${fmt(d.date)}是${WEEKDAY_NAMES[wd]}`);
  }
  if (year < PROVISIONAL_FIRST_YEAR) return { errors, warnings };

  const holidays = days.filter((d) => d.kind === 'holiday');
  const workdays = days.filter((d) => d.kind === 'workday');
  const statutory = statutoryDates(year);
  const required = new Map<StatutoryHolidayName, number>(STATUTORY_HOLIDAYS.map((h) => [h.name, h.days]));

  // Each name (e.g. 国庆节、中秋节) must have at least the statutory days of the holidays it covers.
  const byName = new Map<string, CalendarDay[]>();
  for (const d of holidays) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const covered = new Set<StatutoryHolidayName>();
  for (const [name, list] of byName) {
    const hs = holidaysOfName(name);
    if (!hs.length) {
      warnings.push(`“${name}”不是《全国年节及纪念日放假办法》规定的全体公民放假的节日（${list.map((d) => fmt(d.date)).join('、')}），请核对`);
      continue;
    }
    hs.forEach((h) => covered.add(h));
    const need = hs.reduce((n, h) => n + required.get(h)!, 0);
    if (list.length < need) errors.push(`${name}放假 ${list.length} 天，少于法定的 ${need} 天`);
  }
  for (const h of STATUTORY_HOLIDAYS) {
    if (!covered.has(h.name)) errors.push(`缺少${h.name}的放假安排（法定 ${h.days} 天）`);
  }

  const off = new Set(holidays.map((d) => d.date));
  for (const s of statutory) {
    for (const d of s.dates) {
      if (!off.has(d)) warnings.push(`${fmt(d)}是法定的${s.name}假日，但没有安排放假`);
    }
    // A holiday's days far from its statutory dates are probably a typo.
    const anchor = s.dates[0]!;
    for (const d of holidays.filter((x) => holidaysOfName(x.name).includes(s.name) && holidaysOfName(x.name).length === 1)) {
      if (Math.abs(daysBetween(anchor, d.date)) > 12) warnings.push(`${fmt(d.date)}标为${d.name}，距法定日期${fmt(anchor)}超过 12 天，请核对`);
    }
  }

  const weekdayOff = holidays.filter((d) => weekdayOf(d.date) !== 0 && weekdayOf(d.date) !== 6).length;
  if (weekdayOff - workdays.length !== STATUTORY_DAYS_TOTAL) {
    warnings.push(
      `工作日放假 ${weekdayOff} 天、调休上班 ${workdays.length} 天，相抵后为 ${weekdayOff - workdays.length} 天，与法定节假日合计 ${STATUTORY_DAYS_TOTAL} 天不一致，请核对`,
    );
  }
  for (const w of workdays) {
    const near = holidays.some((h) => Math.abs(daysBetween(w.date, h.date)) <= 14);
    if (!near) warnings.push(`调休上班日${fmt(w.date)}前后两周内没有放假日，请核对`);
  }
  return { errors, warnings };
}
