/**
 * Working-day calendar (工作日历).
 *
 * RULES.md §1: working days exclude weekends and statutory holidays (法定节假日) and include
 * the adjusted working weekend days (调休上班) announced each year by the State Council
 * (国务院办公厅关于部分节假日安排的通知). The schedule comes from a maintained package
 * (`chinese-days`) as the seed; administrators enter later years when the State Council publishes
 * them. A year from 2025 on whose schedule is not entered yet is computed provisionally from the
 * statutory holidays (provisional.ts) and every day of it says so (`DayInfo.provisional`); only a
 * year outside that range fails with {@link CalendarError}.
 *
 * Dates are plain `YYYY-MM-DD` strings throughout. All arithmetic is done on UTC midnights,
 * so no time zone can shift a date.
 */
import { createRequire } from 'node:module';
import { PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR, provisionalSchedule } from './provisional.js';
import type { CalendarDay } from './types.js';

export type { CalendarDay, DayKind } from './types.js';

/** Why a day is or is not a working day. */
export type DayReason = '工作日' | '周末' | '法定节假日' | '调休上班';

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  reason: DayReason;
  /** Holiday name for 法定节假日 / 调休上班 days. */
  name?: string;
  /** The day lies in a year whose official schedule is not entered: computed from the statutory holidays. */
  provisional?: true;
}

export interface WorkCalendarData {
  /** Years whose official schedule is fully known (every year in the list, nothing else). */
  years: number[];
  /** Exceptional days (holidays and adjusted workdays) of those years. */
  days: CalendarDay[];
}

/**
 * Raised when a date falls in a year that has neither an entered schedule nor a provisional one
 * (before 2025 and not entered, or after 2099).
 */
export class CalendarError extends Error {
  readonly code = 'calendar.unknown_year' as const;
  readonly year: number;

  constructor(year: number) {
    super(`${year}年的节假日安排未录入，且超出可按法定节假日推算的范围（${PROVISIONAL_FIRST_YEAR}–${PROVISIONAL_LAST_YEAR} 年），无法计算工作日`);
    this.name = 'CalendarError';
    this.year = year;
  }
}

/** Raised for a malformed date string or an inconsistent calendar definition (programming/input error). */
export class InvalidDateError extends RangeError {
  readonly code = 'calendar.invalid_date' as const;

  constructor(message: string) {
    super(message);
    this.name = 'InvalidDateError';
  }
}

// ---------------------------------------------------------------------------------------------
// Plain-date helpers (UTC arithmetic on `YYYY-MM-DD` strings)
// ---------------------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Chinese weekday names indexed by `Date#getUTCDay()`. */
export const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/**
 * Memo of the two conversions below. Clocks walk day by day (a reply period, a rectification
 * term), so the same few thousand dates are converted again and again on every detail page; the
 * strings and day numbers are immutable and bounded, so a map that is emptied past a size is enough.
 */
const MEMO_LIMIT = 20_000;
const epochDayOf = new Map<string, number>();
const dateOfEpochDay = new Map<number, string>();

/** Parses a `YYYY-MM-DD` string into a UTC epoch-day number; throws on malformed or impossible dates. */
function toEpochDay(date: string): number {
  const known = epochDayOf.get(date);
  if (known !== undefined) return known;
  const m = DATE_RE.exec(date);
  if (!m) throw new InvalidDateError(`日期格式应为 YYYY-MM-DD：${String(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999, and rolls 02-30 over to March: reject both.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new InvalidDateError(`无效日期：${date}`);
  }
  const day = ms / MS_PER_DAY;
  if (epochDayOf.size >= MEMO_LIMIT) epochDayOf.clear();
  epochDayOf.set(date, day);
  return day;
}

function fromEpochDay(day: number): string {
  const known = dateOfEpochDay.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (dateOfEpochDay.size >= MEMO_LIMIT) dateOfEpochDay.clear();
  dateOfEpochDay.set(day, date);
  return date;
}

/** True for a well-formed, existing calendar date `YYYY-MM-DD`. */
export function isValidDate(date: string): boolean {
  try {
    toEpochDay(date);
    return true;
  } catch {
    return false;
  }
}

/** Throws {@link InvalidDateError} unless `date` is a valid `YYYY-MM-DD` date. */
export function assertDate(date: string): void {
  toEpochDay(date);
}

/** `date` shifted by `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  // 1970-01-01 (epoch day 0) was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** Year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  assertDate(date);
  return Number(date.slice(0, 4));
}

/** Chinese weekday name of a date, e.g. 星期五. */
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekdayOf(date)] ?? '';
}

// ---------------------------------------------------------------------------------------------
// WorkCalendar
// ---------------------------------------------------------------------------------------------

/**
 * The working-day calendar: which dates are working days, and why.
 * Immutable once constructed; build a new one when the administrator edits the schedule.
 */
export class WorkCalendar {
  readonly #years: ReadonlySet<number>;
  readonly #days: ReadonlyMap<string, CalendarDay>;
  /** Provisional schedules computed so far, by year. */
  readonly #provisional = new Map<number, ReadonlyMap<string, CalendarDay>>();

  constructor(data: WorkCalendarData) {
    for (const y of data.years) {
      if (!Number.isInteger(y) || y < 1000 || y > 9999) {
        throw new InvalidDateError(`无效年份：${String(y)}`);
      }
    }
    const days = new Map<string, CalendarDay>();
    for (const day of data.days) {
      assertDate(day.date);
      if (day.kind !== 'holiday' && day.kind !== 'workday') {
        throw new InvalidDateError(`无效的日期类型：${day.date} ${String(day.kind)}`);
      }
      const wd = weekdayOf(day.date);
      // An adjusted working day (调休上班) only makes sense on a weekend.
      if (day.kind === 'workday' && wd !== 0 && wd !== 6) {
        throw new InvalidDateError(`调休上班日应为周六或周日：${day.date}`);
      }
      const prev = days.get(day.date);
      if (prev && prev.kind !== day.kind) {
        throw new InvalidDateError(`同一日期重复录入且类型冲突：${day.date}`);
      }
      days.set(day.date, { date: day.date, kind: day.kind, name: day.name });
    }
    this.#years = new Set(data.years);
    this.#days = days;
  }

  /** Years whose schedule is known, ascending. */
  get years(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  /** The exceptional days, ascending by date (for export / persistence). */
  get days(): CalendarDay[] {
    return [...this.#days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Whether the official schedule of year `y` has been entered. */
  isKnownYear(y: number): boolean {
    return this.#years.has(y);
  }

  /** Whether year `y` is not entered but can be computed provisionally (RULES.md §1). */
  isProvisionalYear(y: number): boolean {
    return !this.#years.has(y) && y >= PROVISIONAL_FIRST_YEAR && y <= PROVISIONAL_LAST_YEAR;
  }

  /** The provisional schedule of a year that is not entered (holidays only; no 调休上班). */
  provisionalDays(y: number): CalendarDay[] {
    if (!this.isProvisionalYear(y)) return [];
    return [...this.#provisionalMap(y).values()];
  }

  #provisionalMap(y: number): ReadonlyMap<string, CalendarDay> {
    let m = this.#provisional.get(y);
    if (!m) {
      m = new Map(provisionalSchedule(y).map((d) => [d.date, d]));
      this.#provisional.set(y, m);
    }
    return m;
  }

  /**
   * Throws {@link CalendarError} if `date` lies in a year that is neither entered nor computable
   * provisionally. A legal act is never refused because its period reaches an unannounced year.
   */
  assertKnown(date: string): void {
    const y = yearOf(date);
    if (!this.#years.has(y) && !this.isProvisionalYear(y)) throw new CalendarError(y);
  }

  /** Weekday and not a statutory holiday, or an adjusted working weekend day (调休上班). */
  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).working;
  }

  /**
   * Full description of a date; `provisional` for a day of a year computed provisionally.
   * Throws {@link CalendarError} for a year that is neither entered nor computable.
   */
  dayInfo(date: string): DayInfo {
    const y = yearOf(date);
    const entered = this.#years.has(y);
    if (!entered && !this.isProvisionalYear(y)) throw new CalendarError(y);
    const weekday = weekdayOf(date);
    const special = entered ? this.#days.get(date) : this.#provisionalMap(y).get(date);
    const info: DayInfo =
      special?.kind === 'holiday'
        ? { date, weekday, working: false, reason: '法定节假日', name: special.name }
        : special?.kind === 'workday'
          ? { date, weekday, working: true, reason: '调休上班', name: special.name }
          : weekday === 0 || weekday === 6
            ? { date, weekday, working: false, reason: '周末' }
            : { date, weekday, working: true, reason: '工作日' };
    if (!entered) info.provisional = true;
    return info;
  }
}

// ---------------------------------------------------------------------------------------------
// Seed from the `chinese-days` package
// ---------------------------------------------------------------------------------------------

interface ChineseDaysJson {
  /** date → "English name,中文名,days" */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const requireCjs = createRequire(import.meta.url);

/** The Chinese name from a chinese-days entry such as `"Spring Festival,春节,4"`. */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

/**
 * The official schedule as published in the `chinese-days` package: every year from the
 * earliest to the latest year present in its data (2004–2026 for chinese-days 1.5.x).
 * Returns fresh arrays on every call.
 */
export function chineseDaysSeed(): WorkCalendarData {
  const data = requireCjs('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const days: CalendarDay[] = [];
  for (const [date, entry] of Object.entries(data.holidays)) {
    days.push({ date, kind: 'holiday', name: chineseName(entry) });
  }
  for (const [date, entry] of Object.entries(data.workdays)) {
    days.push({ date, kind: 'workday', name: chineseName(entry) });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (days.length === 0) return { years: [], days };
  const first = Number(days[0]!.date.slice(0, 4));
  const last = Number(days[days.length - 1]!.date.slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return { years, days };
}
