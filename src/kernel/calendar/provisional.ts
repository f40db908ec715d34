/**
 * The provisional holiday schedule (暂定日历) of a year whose official schedule has not been
 * entered yet — RULES.md §1. The State Council publishes each year's schedule (国务院办公厅关于
 * 部分节假日安排的通知) in November or December, after many statutory periods already reach into
 * that year. Until then a year gets the statutory holidays of 《全国年节及纪念日放假办法》 (2024
 * revision, in force from 2025-01-01), art. 2:
 *
 *   元旦 1 day (1 January); 春节 4 days (农历除夕 to 正月初三); 清明节 1 day (the solar term's day);
 *   劳动节 2 days (1–2 May); 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五);
 *   国庆节 3 days (1–3 October),
 *
 * plus weekends, and art. 6: a holiday day that falls on a Saturday or Sunday is made up on the
 * next working day (适逢星期六、星期日，应当在工作日补假). Two holidays falling on the same day
 * (e.g. 中秋 on 3 October) are made up the same way. No adjusted working weekend (调休上班) is
 * invented: those exist only in the official notice.
 *
 * Lunar dates and the solar term come from the maintained `chinese-days` package, never a hand table.
 */
import { createRequire } from 'node:module';
import type { CalendarDay } from './types.js';

/** First year the 2024 revision governs; earlier years are all in the seeded official data. */
export const PROVISIONAL_FIRST_YEAR = 2025;
/** chinese-days' lunar tables end with 2100; a provisional 春节 needs the next year's 正月初一 too. */
export const PROVISIONAL_LAST_YEAR = 2099;

/** The seven holidays of the 2024 revision with their statutory number of days (art. 2). */
export const STATUTORY_HOLIDAYS = [
  { name: '元旦', days: 1 },
  { name: '春节', days: 4 },
  { name: '清明节', days: 1 },
  { name: '劳动节', days: 2 },
  { name: '端午节', days: 1 },
  { name: '中秋节', days: 1 },
  { name: '国庆节', days: 3 },
] as const;
export type StatutoryHolidayName = (typeof STATUTORY_HOLIDAYS)[number]['name'];

/** Total statutory days off a year (13 under the 2024 revision). */
export const STATUTORY_DAYS_TOTAL = STATUTORY_HOLIDAYS.reduce((n, h) => n + h.days, 0);

/** Suffix of a made-up day's name (art. 6 补假), e.g. 国庆节（补假）. */
export const MAKE_UP_SUFFIX = '（补假）';

interface LunarDateDetail {
  lunarMon: number;
  lunarDay: number;
  isLeap: boolean;
}
interface ChineseDaysLib {
  getLunarDate(date: string): LunarDateDetail;
  getSolarTermDate(year: number, month: number, term: string): string;
}
const lib = createRequire(import.meta.url)('chinese-days') as ChineseDaysLib;

const MS_PER_DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const plus = (date: string, n: number) => iso(Date.parse(`${date}T00:00:00Z`) + n * MS_PER_DAY);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * The Gregorian date of lunar month `month`, day `day` (not a leap month) within the window
 * [from, to] of year `year`. chinese-days' getLunarDate computes the lunar fields from the UTC day
 * difference, so it is right in every time zone (its solar-from-lunar conversion is not).
 */
function lunarToSolar(year: number, month: number, day: number, from: [number, number], to: [number, number]): string {
  for (let ms = utc(year, ...from); ms <= utc(year, ...to); ms += MS_PER_DAY) {
    const d = iso(ms);
    const l = lib.getLunarDate(d);
    if (!l.isLeap && l.lunarMon === month && l.lunarDay === day) return d;
  }
  throw new RangeError(`${year}年农历${month}月${day}日不在预期的公历范围内`);
}

/**
 * The day of the solar term 清明 (pure_brightness) in `year`. chinese-days computes the day number
 * by formula and then formats a UTC midnight with local-time getters, which gives the day before in
 * a time zone west of UTC; undo that shift so the result does not depend on the server's TZ.
 */
export function qingmingDay(year: number): string {
  const raw = lib.getSolarTermDate(year, 4, 'pure_brightness');
  const westOfUtc = new Date(utc(year, 4, 5)).getTimezoneOffset() > 0;
  return westOfUtc ? plus(raw, 1) : raw;
}

/** 春节 (正月初一) of `year`: between 21 January and 20 February. */
export function springFestivalDay(year: number): string {
  return lunarToSolar(year, 1, 1, [1, 19], [2, 21]);
}

/** The statutory days of each holiday in `year`, before any make-up (art. 2). */
export function statutoryDates(year: number): { name: StatutoryHolidayName; dates: string[] }[] {
  const y = String(year).padStart(4, '0');
  const chunjie = springFestivalDay(year);
  return [
    { name: '元旦', dates: [`${y}-01-01`] },
    { name: '春节', dates: [plus(chunjie, -1), chunjie, plus(chunjie, 1), plus(chunjie, 2)] },
    { name: '清明节', dates: [qingmingDay(year)] },
    { name: '劳动节', dates: [`${y}-05-01`, `${y}-05-02`] },
    { name: '端午节', dates: [lunarToSolar(year, 5, 5, [5, 27], [6, 26])] },
    { name: '中秋节', dates: [lunarToSolar(year, 8, 15, [9, 6], [10, 9])] },
    { name: '国庆节', dates: [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`] },
  ];
}

const cache = new Map<number, CalendarDay[]>();

/**
 * The provisional schedule of `year`: every statutory holiday day, and each day that falls on a
 * weekend (or on another holiday's day) made up on the next weekday that is not already off, after
 * the holiday's own days. Only `holiday` days; sorted by date. 春节's 除夕 may fall in the previous
 * Gregorian year only if 春节 were on 1 January, which does not happen (21 Jan – 20 Feb).
 */
export function provisionalSchedule(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < PROVISIONAL_FIRST_YEAR || year > PROVISIONAL_LAST_YEAR) {
    throw new RangeError(`无法推算${year}年的节假日（支持 ${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR} 年）`);
  }
  const hit = cache.get(year);
  if (hit) return hit.map((d) => ({ ...d }));

  const blocks = statutoryDates(year).sort((a, b) => (a.dates[0]! < b.dates[0]! ? -1 : 1));
  const off = new Map<string, CalendarDay>();
  const owed: { name: string; after: string; count: number }[] = [];
  for (const b of blocks) {
    let count = 0;
    for (const date of b.dates) {
      const wd = weekday(date);
      if (off.has(date) || wd === 0 || wd === 6) count++; // a weekend day, or a day already off for another holiday
      if (!off.has(date)) off.set(date, { date, kind: 'holiday', name: b.name });
    }
    if (count) owed.push({ name: b.name, after: b.dates[b.dates.length - 1]!, count });
  }
  for (const o of owed) {
    let d = o.after;
    for (let left = o.count; left > 0;) {
      d = plus(d, 1);
      const wd = weekday(d);
      if (wd === 0 || wd === 6 || off.has(d)) continue;
      off.set(d, { date: d, kind: 'holiday', name: `${o.name}${MAKE_UP_SUFFIX}` });
      left--;
    }
  }
  const days = [...off.values()].filter((d) => d.date.startsWith(`${String(year).padStart(4, '0')}-`)).sort((a, b) => (a.date < b.date ? -1 : 1));
  cache.set(year, days);
  return days.map((d) => ({ ...d }));
}
