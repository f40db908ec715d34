/**
 * Statutory period arithmetic (期间计算), pure functions over a {@link WorkCalendar}.
 *
 * RULES.md §1 "Counting":
 * - "within N days of X" (自X之日起N日内) starts counting on the day after X (期间开始的当日不计入);
 * - a calendar-day period whose last day is a non-working day ends on the next working day
 *   (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期);
 * - a working-day period counts only working days (weekdays that are not 法定节假日, plus 调休上班).
 *
 * A result that depended on whether a day of a provisionally computed year (not entered yet, see
 * provisional.ts) is a working day says so: `provisional` and the years concerned. Any date of the
 * span in a year that is neither entered nor computable throws {@link CalendarError}.
 */
import { addDays, type DayReason, InvalidDateError, type WorkCalendar } from './calendar.js';

/** Unit of a statutory period: working days (工作日) or calendar days (自然日). */
export type PeriodUnit = 'working' | 'calendar';

/** Why a day did not count (or, for calendar periods, why the last day was rolled over). */
export type SkipReason = Exclude<DayReason, '工作日' | '调休上班'> | '中止期间';

export interface SkippedDay {
  date: string;
  reason: SkipReason;
  /** Holiday name (春节 …) or, for 中止期间, the reason of the exclusion. */
  name?: string;
  /** A weekend or holiday of a year computed provisionally (推算). */
  provisional?: true;
}

/** Whether a result depended on a provisionally computed year, and which years. */
export interface Provisionality {
  /** True when the result depends on a day of a year whose official schedule is not entered. */
  provisional: boolean;
  /** Those years, ascending (empty when not provisional). */
  provisionalYears: number[];
}

export interface WorkingDaysResult extends Provisionality {
  /** Last day of the period (期间届满日). */
  due: string;
  /** The counted working days, in order; `counted.length === n`. */
  counted: string[];
  /** Non-working days passed over between the start and `due`. */
  skipped: SkippedDay[];
}

export interface CalendarDaysResult extends Provisionality {
  /** Last day of the period after any roll-forward. */
  due: string;
  /** Set when the nominal last day was a non-working day: that nominal last day. */
  rolledFrom?: string;
  /** The counted calendar days, in order (non-working days count too). */
  counted: string[];
  /** Days passed over: excluded days, and the non-working days the last day rolled over. */
  skipped: SkippedDay[];
}

/** Options of the general counter {@link countPeriod}. */
export interface CountOptions {
  unit: PeriodUnit;
  /** Returns a reason when a date is excluded from counting (中止/扣除期间), else undefined. */
  excluded?: (date: string) => string | undefined;
  /**
   * Counting stops on reaching this date if the period is not complete yet (an open-ended
   * pause starts there). The result then has `due: null` and `haltedAt` set.
   */
  haltAt?: string;
}

export interface PeriodCount extends Provisionality {
  /** Last day of the period, or null when counting halted at `haltAt`. */
  due: string | null;
  rolledFrom?: string;
  haltedAt?: string;
  counted: string[];
  skipped: SkippedDay[];
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidDateError(`期间天数应为非负整数：${String(n)}`);
  }
}

/**
 * General period counter used by the helpers below and by the Clock model.
 * Counts `n` days of `opts.unit` forward from the day after `from`, passing over excluded days
 * (and, for working days, non-working days); a calendar-day period whose last day is not a
 * working day (or is excluded) rolls forward to the next working, non-excluded day.
 * `n = 0` means "on the day of X itself": `due = from`, nothing counted, no roll-forward.
 */
export function countPeriod(cal: WorkCalendar, from: string, n: number, opts: CountOptions): PeriodCount {
  assertCount(n);
  cal.assertKnown(from);
  const counted: string[] = [];
  const skipped: SkippedDay[] = [];
  const years = new Set<number>();
  const prov = (): Provisionality => ({ provisional: years.size > 0, provisionalYears: [...years].sort((a, b) => a - b) });
  if (n === 0) return { due: from, counted, skipped, ...prov() };

  const halted = (d: string): PeriodCount | undefined =>
    opts.haltAt !== undefined && d >= opts.haltAt ? { due: null, haltedAt: opts.haltAt, counted, skipped, ...prov() } : undefined;

  // Classifies a day: undefined if it counts, otherwise the skip record. Whether a day is a
  // working day matters only when `needWorking`; then a provisional day makes the result provisional.
  const skipOf = (d: string, needWorking: boolean): SkippedDay | undefined => {
    const info = cal.dayInfo(d); // throws CalendarError for a year neither entered nor computable
    const why = opts.excluded?.(d);
    if (why !== undefined) return { date: d, reason: '中止期间', name: why };
    if (!needWorking) return undefined;
    if (info.provisional) years.add(Number(d.slice(0, 4)));
    if (!info.working) {
      const reason = info.reason as Exclude<DayReason, '工作日' | '调休上班'>;
      const s: SkippedDay = info.name !== undefined ? { date: d, reason, name: info.name } : { date: d, reason };
      if (info.provisional) s.provisional = true;
      return s;
    }
    return undefined;
  };

  let d = from;
  while (counted.length < n) {
    d = addDays(d, 1);
    const stop = halted(d);
    if (stop) return stop;
    const skip = skipOf(d, opts.unit === 'working');
    if (skip) skipped.push(skip);
    else counted.push(d);
  }

  if (opts.unit === 'working') return { due: d, counted, skipped, ...prov() };

  // Calendar days: roll a non-working (or excluded) last day forward to the next working day.
  const nominal = d;
  for (let skip = skipOf(d, true); skip; skip = skipOf(d, true)) {
    skipped.push(skip);
    d = addDays(d, 1);
    const stop = halted(d);
    if (stop) return { ...stop, ...prov(), rolledFrom: nominal };
  }
  return d === nominal ? { due: d, counted, skipped, ...prov() } : { due: d, rolledFrom: nominal, counted, skipped, ...prov() };
}

/**
 * `from` + `n` working days (N个工作日内): counting starts the day after `from`.
 * E.g. 2025-01-20 + 20 = 2025-02-21 (passing over 春节 2025-01-28…02-04, with 调休上班 on
 * 2025-01-26 and 2025-02-08 counted).
 */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): WorkingDaysResult {
  const r = countPeriod(cal, from, n, { unit: 'working' });
  return { due: r.due!, counted: r.counted, skipped: r.skipped, provisional: r.provisional, provisionalYears: r.provisionalYears };
}

/**
 * `from` + `n` calendar days (N日内, 自然日), rolled forward to the next working day when the last
 * day is not a working day. E.g. 2024-12-01 + 60 = 2025-01-30 (春节) → 2025-02-05.
 */
export function addCalendarDays(cal: WorkCalendar, from: string, n: number): CalendarDaysResult {
  const r = countPeriod(cal, from, n, { unit: 'calendar' });
  const out: CalendarDaysResult = { due: r.due!, counted: r.counted, skipped: r.skipped, provisional: r.provisional, provisionalYears: r.provisionalYears };
  if (r.rolledFrom !== undefined) out.rolledFrom = r.rolledFrom;
  return out;
}

/**
 * Number of working days in (a, b] — "working days left" from today `a` to due date `b`.
 * Negative when b < a: minus the number of working days in (b, a]. Zero when a = b.
 */
export function workingDaysBetween(cal: WorkCalendar, a: string, b: string): number {
  cal.assertKnown(a);
  cal.assertKnown(b);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) {
    if (cal.isWorkingDay(d)) count++;
  }
  return sign * count;
}
