/**
 * 检查统计 (issue 3 deliverable 7) and 监测预警 (deliverable 6) as pure functions over records.
 * "Figures are functions": every figure is a named function that returns the records it counts;
 * its value is the number of those records (for a distribution, per bucket), so the number shown
 * and the list behind it can never disagree. The service (figures.service.ts) loads the records of
 * the orgs and unit type asked for; these functions apply the period. Periods are inclusive
 * `YYYY-MM-DD` days; "today" is Beijing time.
 */
import { daysBetween, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { overdueDays, overdueText } from '../../../kernel/calendar/clock.js';
import { GRADE_LABELS, type Grade } from '../labels.js';
import { INSPECTION_SOURCE_LABELS, RECTIFICATION_ITEM_STATUS_LABELS } from '../loop/labels.js';
import type { RectificationItem } from '../loop/loop.js';
import type { FigureName, FigureRecord, InspectionBrief, InspectorLoad, OverdueRectification, RepeatWarning } from './contracts.js';

export { FIGURE_NAMES, type FigureName } from './contracts.js';
export type { FigureRecord, InspectionBrief, InspectorLoad, OverdueRectification, RepeatWarning } from './contracts.js';

/** An inspection as the figures read it (one row of `inspections` with its unit and org). */
export interface FigureInspection {
  id: string;
  orgId: string;
  orgName: string;
  code: string;
  unitId: string;
  unitName: string;
  /** units.type (现在的单位类型). */
  unitType: string;
  /** units.credit_code: the same unit in two orgs' directories (多头检查). */
  unitCreditCode: string | null;
  source: string;
  parentInspectionId: string | null;
  status: string;
  plannedDate: string;
  onSiteDate: string | null;
  signedOn: string | null;
  feedbackOn: string | null;
  feedbackDocNumber: string | null;
  rectificationItems: RectificationItem[];
  rectificationDue: string | null;
  closedOn: string | null;
  /** On-site results of the record (现场检查记录), entry by entry. */
  results: ('compliant' | 'non_compliant' | 'not_applicable' | null)[];
  team: { id: string; name: string; certificateNo: string }[];
  /** Inspectors present on the on-site record (ids, `record.inspectorsPresent`); who signed it once it is signed. */
  present?: string[] | null;
}

export interface FigureInterview {
  id: string;
  orgId: string;
  orgName: string;
  inspectionId: string;
  inspectionCode: string;
  unitId: string;
  unitName: string;
  unitType: string;
  heldOn: string;
  place: string;
}

export interface FigureEvaluation {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  unitId: string | null;
  unitName: string | null;
  unitType: string | null;
  evaluatedOn: string;
  grade: string;
  score: number | null;
  maxScore: number | null;
}

export interface FigureData {
  inspections: FigureInspection[];
  interviews: FigureInterview[];
  evaluations: FigureEvaluation[];
  /** The working-day calendar, for "逾期 N 个工作日" in a drill-down's notes (without it the notes give no count). */
  calendar?: WorkCalendar;
}

/** The rectification deadline counts in working days (loop.ts `rectificationClockSpec`): so does its lateness. */
const RECTIFICATION_UNIT = 'working' as const;

/** The period [from, to] and the day an as-of figure is taken on: min(to, today). */
export interface Period {
  from: string;
  to: string;
  today: string;
}
export const asOfDay = (p: Period) => (p.to < p.today ? p.to : p.today);
const within = (d: string | null | undefined, p: Period): d is string => !!d && d >= p.from && d <= p.to;

function inspectionRecord(i: FigureInspection, date: string, dateLabel: string, extra: Partial<FigureRecord> = {}): FigureRecord {
  return {
    key: i.id,
    orgId: i.orgId,
    orgName: i.orgName,
    inspectionId: i.id,
    inspectionCode: i.code,
    evaluationId: null,
    unitId: i.unitId,
    unitName: i.unitName,
    unitType: i.unitType,
    source: i.source,
    sourceLabel: INSPECTION_SOURCE_LABELS[i.source as keyof typeof INSPECTION_SOURCE_LABELS] ?? i.source,
    date,
    dateLabel,
    dates: { plannedDate: i.plannedDate, onSiteDate: i.onSiteDate, signedOn: i.signedOn, feedbackOn: i.feedbackOn, rectificationDue: i.rectificationDue },
    itemCode: null,
    itemTitle: null,
    itemStatusLabel: null,
    bucket: null,
    bucketLabel: null,
    note: null,
    ...extra,
  };
}

const itemsOf = (i: FigureInspection) => i.rectificationItems ?? [];
/** The day an item was accepted: its first review with decision `accepted`. */
export const acceptedOn = (x: RectificationItem): string | null => (x.reviews ?? []).find((r) => r.decision === 'accepted')?.on ?? null;

function itemRecord(i: FigureInspection, x: RectificationItem, date: string, dateLabel: string, note: string | null = null): FigureRecord {
  return inspectionRecord(i, date, dateLabel, {
    key: `${i.id}:${x.id}`,
    itemCode: x.code,
    itemTitle: x.title,
    itemStatusLabel: RECTIFICATION_ITEM_STATUS_LABELS[x.status ?? 'open'],
    note,
  });
}

// ---------------------------------------------------------------------------------------------
// The figures

/**
 * 检查次数 — inspections whose on-site record (现场检查记录) was signed in the period
 * (`signed_on` ∈ [from, to]), whatever their source (双随机, 专项, and 回头看, which is also
 * counted on its own by `followUps`).
 */
export function inspectionsDone(d: FigureData, p: Period): FigureRecord[] {
  return d.inspections.filter((i) => within(i.signedOn, p)).map((i) => inspectionRecord(i, i.signedOn!, '签字日期'));
}

/**
 * 检查单位数 — distinct units among `inspectionsDone` (one record per unit, linking to its latest
 * inspection of the period; the note lists every inspection code).
 */
export function unitsInspected(d: FigureData, p: Period): FigureRecord[] {
  const byUnit = new Map<string, FigureInspection[]>();
  for (const i of d.inspections.filter((x) => within(x.signedOn, p))) byUnit.set(i.unitId, [...(byUnit.get(i.unitId) ?? []), i]);
  return [...byUnit.values()].map((list) => {
    const sorted = [...list].sort((a, b) => (a.signedOn! < b.signedOn! ? -1 : a.signedOn! > b.signedOn! ? 1 : a.code.localeCompare(b.code)));
    const last = sorted[sorted.length - 1]!;
    return inspectionRecord(last, last.signedOn!, '最近一次签字日期', {
      key: last.unitId,
      note: `本期检查 ${list.length} 次：${sorted.map((x) => x.code).join('、')}`,
    });
  });
}

/** 反馈意见书 — feedback letters issued in the period (`feedback_on` ∈ [from, to]). */
export function feedbackLetters(d: FigureData, p: Period): FigureRecord[] {
  return d.inspections
    .filter((i) => within(i.feedbackOn, p))
    .map((i) => inspectionRecord(i, i.feedbackOn!, '反馈日期', { note: `${i.feedbackDocNumber ?? ''}，整改事项 ${itemsOf(i).length} 项` }));
}

/** 回头看 — follow-up inspections (source `follow_up`) whose on-site record was signed in the period. */
export function followUps(d: FigureData, p: Period): FigureRecord[] {
  const byId = new Map(d.inspections.map((i) => [i.id, i]));
  return d.inspections
    .filter((i) => i.source === 'follow_up' && within(i.signedOn, p))
    .map((i) => {
      const parent = i.parentInspectionId ? byId.get(i.parentInspectionId) : undefined;
      return inspectionRecord(i, i.signedOn!, '签字日期', { note: parent ? `回头看 ${parent.code}` : null });
    });
}

/** 约谈 — interviews (约谈记录) held in the period (`held_on` ∈ [from, to]); the unit is the interviewed unit. */
export function interviews(d: FigureData, p: Period): FigureRecord[] {
  return d.interviews
    .filter((v) => within(v.heldOn, p))
    .map((v) => ({
      key: v.id,
      orgId: v.orgId,
      orgName: v.orgName,
      inspectionId: v.inspectionId,
      inspectionCode: v.inspectionCode,
      evaluationId: null,
      unitId: v.unitId,
      unitName: v.unitName,
      unitType: v.unitType,
      source: null,
      sourceLabel: null,
      date: v.heldOn,
      dateLabel: '约谈日期',
      dates: { heldOn: v.heldOn },
      itemCode: null,
      itemTitle: null,
      itemStatusLabel: null,
      bucket: null,
      bucketLabel: null,
      note: v.place,
    }));
}

/** 整改事项（提出）— rectification items of the feedback letters issued in the period (`feedback_on` ∈ [from, to]). */
export function rectificationRaised(d: FigureData, p: Period): FigureRecord[] {
  return d.inspections.filter((i) => within(i.feedbackOn, p)).flatMap((i) => itemsOf(i).map((x) => itemRecord(i, x, i.feedbackOn!, '反馈日期')));
}

/** 整改事项（通过）— rectification items accepted in the period: the day of the accepting review ∈ [from, to]. */
export function rectificationClosed(d: FigureData, p: Period): FigureRecord[] {
  return d.inspections.flatMap((i) =>
    itemsOf(i)
      .filter((x) => within(acceptedOn(x), p))
      .map((x) => itemRecord(i, x, acceptedOn(x)!, '审核通过日期')),
  );
}

/**
 * 整改逾期 — rectification items overdue on the as-of day A = min(to, today): the letter was
 * issued by A, its deadline (`rectification_due`) is before A, the item had no accepting review on
 * or before A, and the inspection was not closed by hand (办结) on or before A. A stock on day A,
 * not a flow: `from` does not apply.
 */
export function rectificationOverdue(d: FigureData, p: Period): FigureRecord[] {
  const a = asOfDay(p);
  return d.inspections
    .filter((i) => i.feedbackOn && i.feedbackOn <= a && i.rectificationDue && i.rectificationDue < a && !(i.closedOn && i.closedOn <= a))
    .flatMap((i) =>
      itemsOf(i)
        .filter((x) => {
          const on = acceptedOn(x);
          return !on || on > a;
        })
        .map((x) =>
          itemRecord(
            i,
            x,
            i.rectificationDue!,
            '整改期限',
            d.calendar
              ? `截至 ${a} ${overdueText(overdueDays(d.calendar, RECTIFICATION_UNIT, i.rectificationDue!, a), RECTIFICATION_UNIT)}`
              : `截至 ${a} 已逾期`,
          ),
        ),
    );
}

export const RESULT_BUCKETS = { non_compliant: '有不符合项', compliant: '全部符合' } as const;

/**
 * 检查结果分布 — the inspections of `inspectionsDone`, by the on-site record: with at least one
 * item 不符合 (`non_compliant`), or none (`compliant`: every item 符合 or 不适用).
 */
export function resultDistribution(d: FigureData, p: Period): FigureRecord[] {
  return d.inspections
    .filter((i) => within(i.signedOn, p))
    .map((i) => {
      const n = i.results.filter((r) => r === 'non_compliant').length;
      const bucket = n > 0 ? 'non_compliant' : 'compliant';
      return inspectionRecord(i, i.signedOn!, '签字日期', { bucket, bucketLabel: RESULT_BUCKETS[bucket], note: n ? `不符合 ${n} 项` : null });
    });
}

export const GRADE_BUCKETS = GRADE_LABELS;

/**
 * 考评等级分布 — scored evaluations (考评) made in the period (`evaluated_on` ∈ [from, to]), by grade
 * 优秀 / 良好 / 合格 / 不合格. With a unit-type filter, evaluations without a unit are left out.
 */
export function gradeDistribution(d: FigureData, p: Period): FigureRecord[] {
  return d.evaluations
    .filter((e) => within(e.evaluatedOn, p))
    .map((e) => ({
      key: e.id,
      orgId: e.orgId,
      orgName: e.orgName,
      inspectionId: null,
      inspectionCode: null,
      evaluationId: e.id,
      unitId: e.unitId,
      unitName: e.unitName,
      unitType: e.unitType,
      source: null,
      sourceLabel: null,
      date: e.evaluatedOn,
      dateLabel: '考评日期',
      dates: { evaluatedOn: e.evaluatedOn },
      itemCode: null,
      itemTitle: e.title,
      itemStatusLabel: null,
      bucket: e.grade,
      bucketLabel: GRADE_LABELS[e.grade as Grade] ?? e.grade,
      note: e.score !== null && e.maxScore !== null ? `得分 ${e.score}/${e.maxScore}` : null,
    }));
}

export interface FigureDef {
  label: string;
  /** The precise definition (shown as the tooltip of the figure). */
  definition: string;
  unit: string;
  fn: (d: FigureData, p: Period) => FigureRecord[];
  /** A distribution: its buckets in order. */
  buckets?: Record<string, string>;
}

/** Every figure of the 检查统计 page (FIGURE_NAMES, contracts.ts, gives the display order). The definitions repeat the doc comments above. */
export const FIGURES = {
  inspectionsDone: { label: '检查次数', unit: '次', fn: inspectionsDone, definition: '现场检查记录签字日期在统计期间内的检查（含双随机、专项和回头看）。' },
  unitsInspected: {
    label: '检查单位数',
    unit: '家',
    fn: unitsInspected,
    definition: '“检查次数”所计检查涉及的不同检查对象数，同一检查对象多次检查只计一家（含下级时按各机构的检查对象名录分别计）。',
  },
  feedbackLetters: { label: '反馈意见书', unit: '份', fn: feedbackLetters, definition: '出具日期在统计期间内的反馈意见书（含未提出整改事项的）。' },
  followUps: { label: '回头看', unit: '次', fn: followUps, definition: '来源为“回头看”、现场检查记录签字日期在统计期间内的检查（也计入“检查次数”）。' },
  interviews: { label: '约谈', unit: '次', fn: interviews, definition: '约谈日期在统计期间内的约谈记录。' },
  rectificationRaised: { label: '整改事项', unit: '项', fn: rectificationRaised, definition: '统计期间内出具的反馈意见书中提出的整改事项。' },
  rectificationClosed: {
    label: '整改通过',
    unit: '项',
    fn: rectificationClosed,
    definition: '审核通过日期（首次“通过”审核之日）在统计期间内的整改事项；未经审核通过而办结的事项不计。',
  },
  rectificationOverdue: {
    label: '整改逾期',
    unit: '项',
    fn: rectificationOverdue,
    definition:
      '截至统计截止日与今天中较早的一天（A 日）：反馈意见书在 A 日或之前出具、整改期限早于 A 日、到 A 日仍未审核通过、所属检查未在 A 日或之前办结的整改事项（时点数，不受起始日期限制）。',
  },
  resultDistribution: {
    label: '检查结果',
    unit: '次',
    fn: resultDistribution,
    buckets: RESULT_BUCKETS,
    definition: '“检查次数”所计检查按现场检查记录分为：有不符合项；全部符合（各项均为符合或不适用）。',
  },
  gradeDistribution: {
    label: '考评等级',
    unit: '次',
    fn: gradeDistribution,
    buckets: GRADE_BUCKETS,
    definition: '考评日期在统计期间内的考评，按评定等级（优秀、良好、合格、不合格）分布；按单位类型筛选时不含未关联单位的考评。',
  },
} as const satisfies Record<FigureName, FigureDef>;

/** Records in a stable order: the counting day (latest first), then inspection code, then item code. */
export function sortRecords(rs: FigureRecord[]): FigureRecord[] {
  return [...rs].sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      (a.inspectionCode ?? '').localeCompare(b.inspectionCode ?? '') ||
      (a.itemCode ?? '').localeCompare(b.itemCode ?? '') ||
      a.key.localeCompare(b.key),
  );
}

// ---------------------------------------------------------------------------------------------
// 监测预警

/**
 * The day an inspection counts for the monitors: the day the unit was inspected — the on-site date
 * of the record (现场检查日期; the record may be signed days later), else the planned date.
 */
export const effectiveDate = (i: Pick<FigureInspection, 'signedOn' | 'onSiteDate' | 'plannedDate'>) => i.onSiteDate ?? i.signedOn ?? i.plannedDate;
export const isDone = (i: Pick<FigureInspection, 'signedOn'>) => !!i.signedOn;

const brief = (i: FigureInspection): InspectionBrief => ({
  id: i.id,
  code: i.code,
  orgName: i.orgName,
  date: effectiveDate(i),
  done: isDone(i),
  sourceLabel: INSPECTION_SOURCE_LABELS[i.source as keyof typeof INSPECTION_SOURCE_LABELS] ?? i.source,
});

/** "该单位已于 2025-03-17 接受检查（J-2025-001），30 日内重复检查" — or 已安排于 for one not yet done. */
export function repeatMessage(other: Pick<FigureInspection, 'signedOn' | 'onSiteDate' | 'plannedDate' | 'code'>, gap: number): string {
  const done = isDone(other) || !!other.onSiteDate;
  return `该单位已${done ? '于' : '安排于'} ${effectiveDate(other)} ${done ? '接受检查' : '检查'}（${other.code}），${gap === 0 ? '同日' : `${gap} 日内`}重复检查`;
}

/**
 * 重复检查（多头检查）— for every inspection X whose day (on site, else planned) is in
 * [from, to]: the nearest earlier inspection Y of the same unit (the same credit code across the
 * orgs in scope, so two bureaus inspecting one unit show) with day(X) − day(Y) ≤ `days`, where X is
 * not a 回头看 of Y. Y's day may be before `from`.
 */
export function repeatInspections(list: FigureInspection[], days: number, p: Pick<Period, 'from' | 'to'>): RepeatWarning[] {
  const groups = new Map<string, FigureInspection[]>();
  for (const i of list) {
    const k = i.unitCreditCode ? `c:${i.unitCreditCode}` : `u:${i.unitId}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const out: RepeatWarning[] = [];
  for (const g of groups.values()) {
    const sorted = [...g].sort((a, b) => effectiveDate(a).localeCompare(effectiveDate(b)) || a.code.localeCompare(b.code));
    sorted.forEach((x, idx) => {
      const dx = effectiveDate(x);
      if (dx < p.from || dx > p.to) return;
      for (let j = idx - 1; j >= 0; j--) {
        const y = sorted[j]!;
        if (x.source === 'follow_up' && x.parentInspectionId === y.id) continue;
        const gap = daysBetween(effectiveDate(y), dx);
        if (gap <= days)
          out.push({ unitName: x.unitName, unitId: x.unitId, earlier: brief(y), later: brief(x), days: gap, message: `${x.code}：${repeatMessage(y, gap)}` });
        break;
      }
    });
  }
  return out.sort((a, b) => b.later.date.localeCompare(a.later.date) || a.later.code.localeCompare(b.later.code));
}

/**
 * 整改逾期: the deadline is before today, the inspection is not closed, and some item is not accepted;
 * how late in the clock's working days (kernel `overdueDays`, the same number as the 工作台's).
 */
export function overdueRectifications(list: FigureInspection[], today: string, cal: WorkCalendar): OverdueRectification[] {
  return list
    .filter((i) => i.status !== 'closed' && i.rectificationDue && i.rectificationDue < today)
    .map((i) => ({ i, open: itemsOf(i).filter((x) => x.status !== 'accepted') }))
    .filter(({ open }) => open.length > 0)
    .map(({ i, open }) => ({
      inspectionId: i.id,
      code: i.code,
      orgName: i.orgName,
      unitId: i.unitId,
      unitName: i.unitName,
      feedbackOn: i.feedbackOn,
      rectificationDue: i.rectificationDue!,
      daysOverdue: overdueDays(cal, RECTIFICATION_UNIT, i.rectificationDue!, today),
      overdueText: overdueText(overdueDays(cal, RECTIFICATION_UNIT, i.rectificationDue!, today), RECTIFICATION_UNIT),
      items: open.map((x) => ({
        id: x.id,
        code: x.code,
        title: x.title,
        status: x.status ?? 'open',
        statusLabel: RECTIFICATION_ITEM_STATUS_LABELS[x.status ?? 'open'],
        returnCount: x.returnCount ?? 0,
      })),
    }))
    .sort((a, b) => a.rectificationDue.localeCompare(b.rectificationDue) || a.code.localeCompare(b.code));
}

/**
 * 执法人员工作量: per inspector, the inspections whose day (on site, else planned) is in [from, to]
 * that the inspector took part in — for a signed record the inspectors present (who signed it), else
 * the assigned team: done (signed), upcoming (unsigned, not closed, planned ≥ today), and per
 * calendar month; a month with more than `monthlyMax` inspections is a warning.
 */
export function inspectorWorkload(list: FigureInspection[], monthlyMax: number, p: Period): InspectorLoad[] {
  const by = new Map<string, { name: string; certificateNo: string; rows: FigureInspection[] }>();
  for (const i of list) {
    const d = effectiveDate(i);
    if (d < p.from || d > p.to) continue;
    const present = isDone(i) && i.present ? new Set(i.present) : null;
    for (const t of (i.team ?? []).filter((x) => !present || present.has(x.id))) {
      const e = by.get(t.id) ?? { name: t.name, certificateNo: t.certificateNo, rows: [] };
      e.rows.push(i);
      by.set(t.id, e);
    }
  }
  return [...by.entries()]
    .map(([inspectorId, e]) => {
      const months = new Map<string, string[]>();
      for (const i of e.rows) {
        const m = effectiveDate(i).slice(0, 7);
        months.set(m, [...(months.get(m) ?? []), i.code]);
      }
      const monthList = [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, codes]) => ({ month, count: codes.length, codes: codes.sort() }));
      const overloaded = monthList.filter((m) => m.count > monthlyMax).map(({ month, count }) => ({ month, count }));
      return {
        inspectorId,
        name: e.name,
        certificateNo: e.certificateNo,
        done: e.rows.filter(isDone).length,
        upcoming: e.rows.filter((i) => !isDone(i) && i.status !== 'closed' && i.plannedDate >= p.today).length,
        months: monthList,
        overloaded,
        warning: overloaded.length ? `${overloaded.map((m) => `${m.month} 检查 ${m.count} 次`).join('、')}，超过每月 ${monthlyMax} 次` : null,
      };
    })
    .sort((a, b) => Number(!!b.warning) - Number(!!a.warning) || b.done + b.upcoming - (a.done + a.upcoming) || a.name.localeCompare(b.name));
}
