/**
 * The statutory Clock (法定期限计时) — RULES.md §1: one clock per case that has a statutory
 * period. Every deadline figure in the app (due date, days left, state) comes from
 * {@link computeClock}; nothing else should do date arithmetic on deadlines.
 *
 * A clock is: the event date X (e.g. 收到申请之日), a period and its unit (工作日 / 自然日),
 * restarts (重新起算, e.g. 补正后重新计算 under 政府信息公开条例 art. 30), excluded intervals
 * (不计入期限 / 中止, e.g. 征求第三方意见 under arts. 32 and 34), approved extensions (延长期限,
 * art. 33) and completion (办结).
 */
import { addDays, CalendarError, daysBetween, type DayReason, isValidDate, type WorkCalendar, weekdayName } from './calendar.js';
import { countPeriod, type PeriodUnit, type Provisionality, type SkippedDay, workingDaysBetween } from './periods.js';

export interface ClockRestart {
  /** The period restarts from this date (counting from the next day), e.g. corrected application received. */
  on: string;
  reason: string;
}

export interface ClockExclusion {
  /** First paused day (inclusive). */
  from: string;
  /** Last paused day (inclusive); missing = still paused. */
  to?: string;
  reason: string;
}

export interface ClockExtension {
  /** Extra days in the clock's unit. */
  days: number;
  reason: string;
  approvedBy?: string;
  approvedOn?: string;
}

export interface ClockSpec {
  /** The event date X; the period counts from the day after. */
  start: string;
  period: number;
  unit: PeriodUnit;
  /** Period restarts from each `on` date; the latest one wins. */
  restarts?: ClockRestart[];
  /** Paused intervals; their days do not count. */
  exclusions?: ClockExclusion[];
  /** Approved extensions, in the same unit. */
  extensions?: ClockExtension[];
  /** Date the obligation was met (e.g. reply sent). */
  completedOn?: string;
  /** "Due soon" threshold in the clock's unit; default 3. */
  dueSoonDays?: number;
}

export type ClockState = 'running' | 'paused' | 'due_soon' | 'overdue' | 'met' | 'missed';

export interface ClockResult extends Provisionality {
  /** Last day of the period (期限届满日); null while paused. */
  due: string | null;
  state: ClockState;
  /**
   * Days left in the clock's unit, from `today` (or, once completed, from `completedOn`) to
   * `due`: for working clocks the working days in (today, due]; for calendar clocks due − today.
   * Negative when late: for working clocks minus the working days in (due, today], and at least
   * −1 on any day after `due` (a weekend right after the due date is already 1 day late).
   * Null while paused.
   */
  daysLeft: number | null;
  /** Chinese explanation, one line per step. */
  explanation: string[];
  /** Days that counted towards the period, in order. */
  countedDays: string[];
  /** Days passed over (weekends, holidays, excluded days, rolled-over days), in order. */
  skippedDays: SkippedDay[];
  unit: PeriodUnit;
  /** Date the period counts from (the day after it is the first counted day). */
  effectiveStart: string;
  /** Period plus all extensions. */
  totalDays: number;
}

/**
 * Raised for an inconsistent clock specification (e.g. a restart before the start). Its code is in
 * the `calendar.` namespace so the HTTP layer treats it like other calendar errors (422).
 */
export class ClockSpecError extends Error {
  readonly code = 'calendar.invalid_clock' as const;

  constructor(message: string) {
    super(message);
    this.name = 'ClockSpecError';
  }
}

const DEFAULT_DUE_SOON_DAYS = 3;

/**
 * The one sentence that says why a date is provisional (预计), for pages and letters alike:
 * 2027年节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的法定节假日推算，为预计日期；…
 */
export function provisionalNote(years: readonly number[]): string {
  const ys = years.length ? `${years.join('、')}年` : '相关年度';
  return `${ys}节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的法定节假日推算，为预计日期；国务院公布${ys}节假日安排后，以据此重新计算的日期为准。`;
}

function unitLabel(unit: PeriodUnit): string {
  return unit === 'working' ? '个工作日' : '日';
}

function checkDate(date: string, what: string): void {
  if (typeof date !== 'string' || !isValidDate(date)) {
    throw new ClockSpecError(`${what}日期无效，应为 YYYY-MM-DD：${String(date)}`);
  }
}

function checkCount(n: number, what: string, min: number): void {
  if (!Number.isInteger(n) || n < min) {
    throw new ClockSpecError(`${what}应为${min > 0 ? '正' : '非负'}整数：${String(n)}`);
  }
}

function validate(spec: ClockSpec, today: string): void {
  checkDate(spec.start, '起算');
  checkDate(today, '当前');
  if (spec.unit !== 'working' && spec.unit !== 'calendar') {
    throw new ClockSpecError(`期限单位应为 working 或 calendar：${String(spec.unit)}`);
  }
  checkCount(spec.period, '期限天数', 1);
  for (const r of spec.restarts ?? []) {
    checkDate(r.on, '重新起算');
    if (r.on < spec.start) throw new ClockSpecError(`重新起算日 ${r.on} 早于起算日 ${spec.start}`);
  }
  for (const x of spec.exclusions ?? []) {
    checkDate(x.from, '中止开始');
    if (x.to !== undefined) {
      checkDate(x.to, '中止结束');
      if (x.to < x.from) throw new ClockSpecError(`中止期间结束日 ${x.to} 早于开始日 ${x.from}`);
    }
  }
  for (const e of spec.extensions ?? []) {
    checkCount(e.days, '延长天数', 1);
    if (e.approvedOn !== undefined) checkDate(e.approvedOn, '延期批准');
  }
  if (spec.completedOn !== undefined) {
    checkDate(spec.completedOn, '办结');
    if (spec.completedOn < spec.start) {
      throw new ClockSpecError(`办结日 ${spec.completedOn} 早于起算日 ${spec.start}`);
    }
  }
  if (spec.dueSoonDays !== undefined) checkCount(spec.dueSoonDays, '临期提醒天数', 0);
}

/**
 * Days from `ref` to `due` in the clock's unit (see {@link ClockResult.daysLeft}).
 */
export function daysLeftFrom(cal: WorkCalendar, unit: PeriodUnit, ref: string, due: string): number {
  if (unit === 'calendar') return daysBetween(ref, due);
  if (ref <= due) return workingDaysBetween(cal, ref, due);
  // Late: working days in (due, ref]; a non-working `ref` already belongs to the next working day.
  return workingDaysBetween(cal, ref, due) - (cal.isWorkingDay(ref) ? 0 : 1);
}

/** "2025-01-28 至 2025-02-04" or a single date. */
function span(a: string, b: string): string {
  return a === b ? a : `${a} 至 ${b}`;
}

function label(reason: DayReason | SkippedDay['reason'], name?: string, provisional?: boolean): string {
  return (name ? `${reason}·${name}` : reason) + (provisional ? '，推算' : '');
}

interface Run {
  kind: 'counted' | 'skipped';
  key: string;
  from: string;
  to: string;
  /** 1-based index of the first/last counted day in the run. */
  first: number;
  last: number;
}

/** Groups consecutive days of the same kind and reason into runs for the explanation. */
function runsOf(cal: WorkCalendar, unit: PeriodUnit, counted: string[], skipped: SkippedDay[]): Run[] {
  type Item = { date: string; kind: Run['kind']; key: string; index: number };
  const items: Item[] = [
    ...counted.map((date, i): Item => {
      let key = '';
      if (unit === 'working') {
        const info = cal.dayInfo(date);
        key = info.reason === '调休上班' ? label(info.reason, info.name) : '';
      }
      return { date, kind: 'counted', key, index: i + 1 };
    }),
    ...skipped.map((s): Item => ({ date: s.date, kind: 'skipped', key: label(s.reason, s.name, s.provisional), index: 0 })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const runs: Run[] = [];
  for (const it of items) {
    const prev = runs[runs.length - 1];
    if (prev && prev.kind === it.kind && prev.key === it.key && addDays(prev.to, 1) === it.date) {
      prev.to = it.date;
      if (it.kind === 'counted') prev.last = it.index;
    } else {
      runs.push({ kind: it.kind, key: it.key, from: it.date, to: it.date, first: it.index, last: it.index });
    }
  }
  return runs;
}

/**
 * Computes a statutory clock as of `today`.
 *
 * - Effective start = the latest restart date, or `start`. Counting begins the day after it.
 * - Counts `period + Σ extensions` units, passing over excluded days and, for working-day
 *   clocks, non-working days. Calendar-day clocks roll a non-working last day forward to the
 *   next working day.
 * - An exclusion without `to` that has begun (from ≤ today) pauses the clock: if the count has
 *   not finished before it begins, `due` is null and the state is `paused`. An open exclusion
 *   that begins after today is not yet in effect and is ignored. An open exclusion that begins
 *   after the period already ended does not revive it.
 * - met: completedOn ≤ due (or completed while paused); missed: completedOn > due;
 *   overdue: today > due; due_soon: 0 ≤ daysLeft ≤ dueSoonDays; otherwise running.
 *
 * Throws {@link CalendarError} when any date involved lies in a year whose schedule is unknown,
 * and {@link ClockSpecError} for an inconsistent spec.
 */
export function computeClock(cal: WorkCalendar, spec: ClockSpec, today: string): ClockResult {
  validate(spec, today);
  const { unit } = spec;
  const u = unitLabel(unit);
  const explanation: string[] = [];

  // 起算日
  explanation.push(
    `起算：${spec.start}（${weekdayName(spec.start)}）为起算事件日，期间自次日 ${addDays(spec.start, 1)} 起计算，` +
      `期限 ${spec.period} ${u}${unit === 'calendar' ? '（自然日）' : ''}。`,
  );

  // 重新起算 — latest restart wins.
  const restarts = [...(spec.restarts ?? [])].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let effectiveStart = spec.start;
  for (const r of restarts) {
    explanation.push(`重新起算：${r.on}，${r.reason}。`);
    effectiveStart = r.on;
  }
  if (restarts.length > 0) {
    explanation.push(`以最后一次重新起算日 ${effectiveStart} 为准，期间自次日 ${addDays(effectiveStart, 1)} 起重新计算。`);
  }

  // 延期
  let totalDays = spec.period;
  for (const e of spec.extensions ?? []) {
    totalDays += e.days;
    const approval = [e.approvedBy !== undefined ? `批准人：${e.approvedBy}` : '', e.approvedOn !== undefined ? `批准日期：${e.approvedOn}` : ''].filter(
      Boolean,
    );
    explanation.push(`延期：延长 ${e.days} ${u}，${e.reason}${approval.length ? `（${approval.join('；')}）` : ''}。`);
  }
  if ((spec.extensions ?? []).length > 0) explanation.push(`延期后期限合计 ${totalDays} ${u}。`);

  // 中止期间
  const closed: ClockExclusion[] = [];
  let haltAt: string | undefined;
  let haltReason = '';
  for (const x of spec.exclusions ?? []) {
    if (x.to !== undefined) {
      closed.push(x);
      explanation.push(`中止：${span(x.from, x.to)}，${x.reason}，该期间不计入期限。`);
    } else if (x.from <= today) {
      explanation.push(`中止：自 ${x.from} 起，${x.reason}，尚未恢复计算。`);
      if (haltAt === undefined || x.from < haltAt) {
        haltAt = x.from;
        haltReason = x.reason;
      }
    } else {
      explanation.push(`中止：拟自 ${x.from} 起，${x.reason}；尚未开始，暂不影响期限。`);
    }
  }
  const excluded = (d: string): string | undefined => closed.find((x) => x.from <= d && d <= (x.to as string))?.reason;

  const count = countPeriod(cal, effectiveStart, totalDays, {
    unit,
    excluded,
    ...(haltAt !== undefined ? { haltAt } : {}),
  });

  // 计入 / 跳过 — the roll-forward days of a calendar clock are explained on their own line.
  const nominal = count.rolledFrom;
  const inPeriodSkipped = nominal === undefined ? count.skipped : count.skipped.filter((s) => s.date < nominal);
  for (const run of runsOf(cal, unit, count.counted, inPeriodSkipped)) {
    if (run.kind === 'counted') {
      const ord = run.first === run.last ? `第${run.first}` : `第${run.first}–${run.last}`;
      const ordUnit = unit === 'working' ? '个工作日' : '日';
      explanation.push(`计入：${span(run.from, run.to)}（${ord}${ordUnit}${run.key ? `，${run.key}` : ''}）。`);
    } else {
      explanation.push(`跳过：${span(run.from, run.to)}（${run.key}），不计入期限。`);
    }
  }
  if (nominal !== undefined) {
    const rolled = count.skipped.filter((s) => s.date >= nominal);
    const first = rolled[0];
    const lastRolled = rolled[rolled.length - 1];
    explanation.push(
      `顺延：期间最后一日 ${nominal}（${first ? label(first.reason, first.name, first.provisional) : '非工作日'}）不是工作日，` +
        (count.due !== null ? `顺延至其后第一个工作日 ${count.due}（跳过 ${span(nominal, lastRolled?.date ?? nominal)}）。` : `顺延期间遇中止。`),
    );
  }

  const base = {
    unit,
    effectiveStart,
    totalDays,
    countedDays: count.counted,
    skippedDays: count.skipped,
    explanation,
    provisional: count.provisional,
    provisionalYears: count.provisionalYears,
  };

  // Paused: the count reached an open exclusion before finishing.
  if (count.due === null) {
    const remaining = totalDays - count.counted.length;
    explanation.push(
      `中止中：自 ${count.haltedAt ?? haltAt} 起暂停计算（${haltReason}），已计入 ${count.counted.length} ${u}，` +
        `尚余 ${remaining} ${u}，恢复计算后确定届满日。`,
    );
    if (spec.completedOn !== undefined) {
      explanation.push(`结果：已于 ${spec.completedOn} 办结，期限尚未届满，按期办结。`);
      return { ...base, due: null, state: 'met', daysLeft: null };
    }
    explanation.push('结果：期限中止，暂停计时。');
    return { ...base, due: null, state: 'paused', daysLeft: null };
  }

  const due = count.due;
  explanation.push(`届满日：${due}（${weekdayName(due)}）${count.provisional ? '，预计' : ''}。`);
  if (count.provisional) {
    explanation.push(`暂定：${provisionalNote(count.provisionalYears)}推算只含法定节假日和周末，不含调休。`);
  }

  if (spec.completedOn !== undefined) {
    const margin = daysLeftFrom(cal, unit, spec.completedOn, due);
    if (spec.completedOn <= due) {
      explanation.push(`结果：已于 ${spec.completedOn} 办结，在期限内` + (margin > 0 ? `（距届满日尚余 ${margin} ${u}）。` : '（届满日当日）。'));
      return { ...base, due, state: 'met', daysLeft: margin };
    }
    explanation.push(`结果：已于 ${spec.completedOn} 办结，超过期限 ${-margin} ${u}。`);
    return { ...base, due, state: 'missed', daysLeft: margin };
  }

  const daysLeft = daysLeftFrom(cal, unit, today, due);
  const dueSoonDays = spec.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  let state: ClockState;
  if (today > due) {
    state = 'overdue';
    explanation.push(`结果：截至 ${today} 已逾期 ${-daysLeft} ${u}，尚未办结。`);
  } else if (daysLeft <= dueSoonDays) {
    state = 'due_soon';
    explanation.push(daysLeft === 0 ? `结果：今日（${today}）为届满日，即将到期。` : `结果：截至 ${today} 距届满日尚余 ${daysLeft} ${u}，即将到期。`);
  } else {
    state = 'running';
    explanation.push(`结果：截至 ${today} 距届满日尚余 ${daysLeft} ${u}，正常计时。`);
  }
  return { ...base, due, state, daysLeft };
}

/**
 * For display paths (lists, dashboards, the portal): the clock, or — when its period reaches a year
 * that is neither entered nor computable provisionally (after 2099) — a running clock without a due
 * date whose explanation says so. A year not yet announced is computed provisionally by
 * `computeClock` itself, so for every real case this is `computeClock`.
 */
export function computeClockOrPending(cal: WorkCalendar, spec: ClockSpec, today: string): ClockResult & { pendingYear?: number } {
  try {
    return computeClock(cal, spec, today);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    return {
      due: null,
      state: 'running',
      daysLeft: null,
      explanation: [`届满日暂无法计算：${e.message}`],
      countedDays: [],
      skippedDays: [],
      unit: spec.unit,
      effectiveStart: spec.restarts?.length
        ? spec.restarts
            .map((r) => r.on)
            .sort()
            .at(-1)!
        : spec.start,
      totalDays: spec.period + (spec.extensions ?? []).reduce((n, x) => n + x.days, 0),
      provisional: false,
      provisionalYears: [],
      pendingYear: e.year,
    };
  }
}

/**
 * What the `clocks` table stores beside a clock's spec so lists and the dashboard can filter, sort,
 * count and page open clocks in SQL: the due date and the first day the clock is "due soon" (so its
 * state on any day is a comparison with that day), whether it is paused, settled (met/missed) or
 * provisional, and the first day the stored values stop being true (an exclusion or restart dated after
 * `today` takes effect then), or null.
 */
export interface ClockSnapshot {
  due: string | null;
  dueSoonFrom: string | null;
  provisional: boolean;
  paused: boolean;
  settled: 'met' | 'missed' | null;
  staleFrom: string | null;
}

/** The stored snapshot of `spec` as of `today` (see ClockSnapshot); the state on day d is `snapshotState(s, d)`. */
export function clockSnapshot(cal: WorkCalendar, spec: ClockSpec, today: string): ClockSnapshot {
  const r = computeClockOrPending(cal, spec, today);
  const settled = r.state === 'met' || r.state === 'missed' ? r.state : null;
  let dueSoonFrom: string | null = null;
  if (r.due && !settled) {
    const n = spec.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
    // daysLeft only grows going back in time: step back while the day before is still within n.
    let d = r.due;
    for (let i = 0; i < 1000 && daysLeftFrom(cal, spec.unit, addDays(d, -1), r.due) <= n; i++) d = addDays(d, -1);
    dueSoonFrom = d;
  }
  const later = [...(spec.exclusions ?? []).map((x) => x.from), ...(spec.restarts ?? []).map((x) => x.on)].filter((d) => d > today).sort();
  return { due: r.due, dueSoonFrom, provisional: r.provisional, paused: r.state === 'paused', settled, staleFrom: later[0] ?? null };
}

/** A stored snapshot's state on `today`: what `computeClock(…, today).state` says while the snapshot holds. */
export function snapshotState(s: ClockSnapshot, today: string): ClockState {
  if (s.settled) return s.settled;
  if (!s.due) return s.paused ? 'paused' : 'running';
  if (today > s.due) return 'overdue';
  if (s.dueSoonFrom && today >= s.dueSoonFrom) return 'due_soon';
  return 'running';
}

/**
 * 逾期 N 天 — the one definition every page uses (the 工作台, 监测预警, a record's page): how late a
 * clock due `due`, counted in its `unit`, is on `today`. For a working-day clock the working days in
 * (due, today], where a `today` that is not a working day already counts the next working day (so a
 * weekend right after the due date is a day late); for a calendar clock today − due. 0 when not late. The same number as `computeClock`'s
 * −daysLeft, so a due date read from a stored column agrees with the clock it came from.
 * E.g. due Friday 2025-03-14: Saturday 03-15 → 1 (working) or 1 (calendar); Monday 03-17 → 1 or 3.
 */
export function overdueDays(cal: WorkCalendar, unit: PeriodUnit, due: string, today: string): number {
  if (today <= due) return 0;
  return Math.max(1, -daysLeftFrom(cal, unit, today, due));
}

/** "逾期 3 个工作日" / "逾期 3 个自然日": a number of days late, labelled by the clock's unit. */
export function overdueText(days: number, unit: PeriodUnit): string {
  return `逾期 ${days} ${unit === 'working' ? '个工作日' : '个自然日'}`;
}

/**
 * A clock's days as one line, for lists and cards: 逾期 N 个工作日 / 剩余 N 个自然日 / 今日到期 /
 * 计时暂停, and once the obligation is met 已按期完成 (or 逾期 N 个工作日完成) instead of a count.
 */
export function clockDaysText(c: Pick<ClockResult, 'state' | 'daysLeft' | 'unit'>): string {
  if (c.state === 'met') return '已按期完成';
  if (c.state === 'paused') return '计时暂停';
  if (c.daysLeft === null) return '—';
  const n = c.daysLeft;
  if (c.state === 'missed') return `${overdueText(Math.max(1, -n), c.unit)}完成`;
  if (n < 0) return overdueText(-n, c.unit);
  if (n === 0) return '今日到期';
  return `剩余 ${n} ${c.unit === 'working' ? '个工作日' : '个自然日'}`;
}
