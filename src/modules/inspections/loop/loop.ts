/**
 * The inspection loop as data (one place): statuses, the actions that move them, who may take
 * each action, and the notice rule (RULES.md §3, local practice: notice N working days ahead).
 * Services check every change against INSPECTION_FLOW; the detail exposes `allowedActions`.
 */
import { addDays, provisionalNote, workingDaysBetween, type ClockResult, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { ClockView } from '../contracts.js';
import type { ItemResult } from '../labels.js';
import { INSPECTION_STATUS_LABELS, type FlowActionName, type InspectionStatus, type RectificationItemStatus } from './labels.js';

export type { ClockView } from '../contracts.js';

export { INSPECTION_STATUSES, INSPECTION_STATUS_LABELS, RECTIFICATION_ITEM_STATUS_LABELS, type FlowActionName, type InspectionStatus } from './labels.js';

/** Who takes an action: the bureau (`inspection.manage`) or the inspected unit (`ownUnit.inspect`). */
export type ActionParty = 'bureau' | 'unit';

export interface FlowAction {
  label: string;
  party: ActionParty;
  /** Statuses the action may be taken in. */
  from: readonly InspectionStatus[];
  /** The status afterwards; null = unchanged (editing). */
  to: InspectionStatus | null;
}

export const INSPECTION_FLOW = {
  notify: { label: '送达检查通知书', party: 'bureau', from: ['planned'], to: 'notified' },
  /**
   * 变更检查通知: a new 检查通知书 (own 发文字号, own announced date, own lead time) replacing the one in
   * force; the old one is kept. Until the on-site record is signed.
   */
  amendNotice: { label: '变更检查通知', party: 'bureau', from: ['notified', 'self_inspected'], to: null },
  saveSelfInspection: { label: '填写自查表', party: 'unit', from: ['notified'], to: null },
  submitSelfInspection: { label: '提交自查表', party: 'unit', from: ['notified'], to: 'self_inspected' },
  editRecord: { label: '填写现场检查记录', party: 'bureau', from: ['notified', 'self_inspected'], to: null },
  sign: { label: '现场签字', party: 'bureau', from: ['notified', 'self_inspected'], to: 'on_site_signed' },
  issueFeedback: { label: '出具反馈意见书', party: 'bureau', from: ['on_site_signed'], to: 'feedback_issued' },
  reportRectification: { label: '报送整改情况', party: 'unit', from: ['feedback_issued', 'rectifying'], to: 'rectifying' },
  reviewRectification: { label: '审核整改情况', party: 'bureau', from: ['rectifying'], to: null },
  /** 约谈: about flagged rectification items (returned twice / overdue). */
  interview: { label: '约谈', party: 'bureau', from: ['feedback_issued', 'rectifying'], to: null },
  /** 回头看: a new inspection of the same unit re-checking rectification items; may follow a closed one. */
  followUp: { label: '组织回头看', party: 'bureau', from: ['feedback_issued', 'rectifying', 'closed'], to: null },
  /** 移送立案: a serious finding handed to the enforcement module as a case referral (案件线索). */
  refer: { label: '移送立案', party: 'bureau', from: ['on_site_signed', 'feedback_issued', 'rectifying', 'closed'], to: null },
  /** 办结 by hand, with a note (e.g. after an interview or a follow-up settled the flagged items). */
  close: { label: '办结', party: 'bureau', from: ['feedback_issued', 'rectifying'], to: 'closed' },
  /** 一公开: publish the result on the portal (within 20 working days of the feedback letter). */
  publish: { label: '公开检查结果', party: 'bureau', from: ['feedback_issued', 'rectifying', 'closed'], to: null },
  /** 典型: mark (or unmark) the unit as an exemplary case shown on the portal; needs a published result. */
  markExemplary: { label: '标记典型', party: 'bureau', from: ['feedback_issued', 'rectifying', 'closed'], to: null },
} as const satisfies Record<FlowActionName, FlowAction>;

/** The actions a party may take in `status`, in the order of INSPECTION_FLOW. */
export function allowedActions(status: string, party: ActionParty): FlowActionName[] {
  return (Object.keys(INSPECTION_FLOW) as FlowActionName[]).filter((a) => {
    const f: FlowAction = INSPECTION_FLOW[a];
    return f.party === party && (f.from as readonly string[]).includes(status);
  });
}

/** What the detail knows beyond the status, for the actions that depend on it (约谈, 回头看, 移送立案, 办结, 公开, 典型). */
export interface ActionContext {
  /** Rectification items of the feedback letter. */
  items: number;
  /** Flagged items (returned twice / overdue), and those of them not yet addressed by an interview, a follow-up or a referral. */
  flags: number;
  unaddressedFlags: number;
  /** Items neither accepted nor flagged (still within the deadline). */
  inProgress: number;
  /** Non-compliant entries of the signed record not yet referred (or whose referral was declined). */
  referable: number;
  published: boolean;
}

/**
 * The status-level actions of `allowedActions`, narrowed by the record's state so the page offers
 * only what the service would accept: 约谈 needs a flag; 回头看 a flag, or a closed inspection that
 * had items; 移送立案 a non-compliant entry not yet referred; 办结 by hand every item accepted or
 * flagged-and-addressed (with at least one flag: all accepted closes by itself); 公开 once; 典型 after it.
 */
export function actionsInContext(status: string, party: ActionParty, c: ActionContext): FlowActionName[] {
  return allowedActions(status, party).filter((a) => {
    switch (a) {
      case 'interview':
        return c.flags > 0;
      case 'followUp':
        return status === 'closed' ? c.items > 0 : c.flags > 0;
      case 'refer':
        return c.referable > 0;
      case 'close':
        return c.flags > 0 && c.unaddressedFlags === 0 && c.inProgress === 0;
      case 'publish':
        return !c.published;
      case 'markExemplary':
        return c.published;
      default:
        return true;
    }
  });
}

/** Whether `action` may be taken in `status`; the Chinese reason when not. */
export function transitionProblem(status: string, action: FlowActionName): string | null {
  const f: FlowAction = INSPECTION_FLOW[action];
  if ((f.from as readonly string[]).includes(status)) return null;
  const now = INSPECTION_STATUS_LABELS[status as InspectionStatus] ?? status;
  return `检查当前状态为“${now}”，不能${f.label}（仅在${f.from.map((s) => `“${INSPECTION_STATUS_LABELS[s]}”`).join('、')}状态下可以）`;
}

/**
 * The latest day a notice may be sent so that at least `n` working days lie after it up to and
 * including the planned date (counting from the day after the notice, RULES.md §1) — always a
 * working day (a notice is sent on a working day; issue 9 item 7).
 * E.g. planned Monday 2025-03-17, n = 5: 03-11…03-14 and 03-17 → latest 2025-03-10; planned Friday
 * 2025-03-21: 03-17…03-21 → the day before is Sunday 03-16 → latest Friday 2025-03-14.
 */
export function latestNoticeDate(cal: WorkCalendar, plannedDate: string, n: number): string {
  return latestNotice(cal, plannedDate, n).date;
}

/**
 * {@link latestNoticeDate} with whether it is provisional (预计): some day it passed over lies in a
 * year whose holiday schedule is not entered (RULES.md §1), e.g. a planned date early in January.
 */
export function latestNotice(cal: WorkCalendar, plannedDate: string, n: number): { date: string; provisional: boolean; provisionalYears: number[] } {
  const years = new Set<number>();
  const look = (day: string) => {
    const info = cal.dayInfo(day);
    if (info.provisional) years.add(Number(day.slice(0, 4)));
    return info.working;
  };
  let d = plannedDate;
  let count = 0;
  while (count < n) {
    if (look(d)) count++;
    d = addDays(d, -1);
  }
  while (!look(d)) d = addDays(d, -1);
  const provisionalYears = [...years].sort();
  return { date: d, provisional: provisionalYears.length > 0, provisionalYears };
}

/** The last working day on or before `date`. */
export function lastWorkingDayOnOrBefore(cal: WorkCalendar, date: string): string {
  let d = date;
  while (!cal.isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * The notice clock ("send the notice by <date>"): due on the last working day on which a notice still
 * leaves `n` working days before the planned date (the date the notice in force announced), counted
 * from the day the inspection was created; met on the day the notice was sent.
 */
export function noticeClockSpec(
  cal: WorkCalendar,
  r: { plannedDate: string; noticeOn: string | null },
  createdOn: string,
  n: number,
): { spec: ClockSpec; latest: string; latestProvisional: boolean; latestProvisionalYears: number[] } {
  const { date: latest, provisional: latestProvisional, provisionalYears: latestProvisionalYears } = latestNotice(cal, r.plannedDate, n);
  const p = latest > createdOn ? workingDaysBetween(cal, createdOn, latest) : 0;
  const spec: ClockSpec = p >= 1 ? { start: createdOn, period: p, unit: 'working' } : { start: addDays(latest, -1), period: 1, unit: 'working' };
  spec.dueSoonDays = 2;
  if (r.noticeOn) spec.completedOn = r.noticeOn;
  return { spec, latest, latestProvisional, latestProvisionalYears };
}

/**
 * The self-inspection clock (自查表): the notice asks the unit to submit its 自查表 before the on-site
 * inspection, so it is due the last working day before the announced date, counted from the notice;
 * met on the day the unit submits it. E.g. notice 2025-09-15, inspection Monday 2025-09-29 → due
 * Friday 2025-09-26 (9 working days). A notice sent too late for a working day in between is due that
 * last working day all the same (already late).
 */
export function selfInspectionClockSpec(cal: WorkCalendar, r: { plannedDate: string; noticeOn: string }, submittedOn: string | null): ClockSpec {
  const { date: latest } = latestNotice(cal, r.plannedDate, 1);
  const p = latest > r.noticeOn ? workingDaysBetween(cal, r.noticeOn, latest) : 0;
  const spec: ClockSpec = p >= 1 ? { start: r.noticeOn, period: p, unit: 'working' } : { start: addDays(latest, -1), period: 1, unit: 'working' };
  spec.dueSoonDays = 2;
  if (submittedOn) spec.completedOn = submittedOn;
  return spec;
}

/** Why an inspector may not take part in an inspection on `date` (the draw's rules), or null. */
export function certificateProblem(
  i: { name: string; status: string; certificateNo: string; certIssuedOn: string; certExpiresOn: string },
  date: string,
): string | null {
  if (i.status !== 'active') return `${i.name}（已停用）`;
  if (i.certExpiresOn < date) return `${i.name}（执法证 ${i.certificateNo} 于 ${i.certExpiresOn} 到期）`;
  if (i.certIssuedOn > date) return `${i.name}（执法证 ${i.certificateNo} 自 ${i.certIssuedOn} 起有效）`;
  return null;
}

/** 现场检查记录 as stored on the inspection. */
export interface OnSiteRecord {
  onSiteDate: string;
  items: { entryId: string; result: ItemResult | null; note: string | null }[];
  inspectorsPresent: string[];
  representative: { name: string; title: string } | null;
  findings: string | null;
}

/** 自查表 as stored on the inspection: one result per checklist entry answered so far. */
export interface SelfResult {
  entryId: string;
  result: ItemResult;
  note?: string | null;
}

/** The record clock: signed and filed within `days` working days of the on-site date (local practice: 3). */
export function recordClockSpec(onSiteDate: string, days: number, signedOn: string | null): ClockSpec {
  return { start: onSiteDate, period: days, unit: 'working', dueSoonDays: 1, ...(signedOn ? { completedOn: signedOn } : {}) };
}

/** One rectification item of the feedback letter. */
export interface RectificationItem {
  id: string;
  entryId: string;
  code: string;
  title: string;
  text: string;
  /** open → reported → accepted, or returned (→ reported again …). Missing on a fresh item: open. */
  status?: RectificationItemStatus;
  reports?: { on: string; text: string; evidence: string[]; by: string }[];
  reviews?: { on: string; decision: 'accepted' | 'returned'; comment: string | null; by: string }[];
  returnCount?: number;
}

/**
 * Items that call for an interview (约谈) or a follow-up inspection (回头看), RULES.md §3: returned
 * twice, or not accepted by the deadline. An item accepted in the end (even after two returns) is
 * rectified and calls for nothing more.
 */
export function rectificationFlags(items: RectificationItem[], due: string | null, today: string): { itemId: string; code: string; reason: string }[] {
  const flags: { itemId: string; code: string; reason: string }[] = [];
  for (const x of items) {
    if (x.status === 'accepted') continue;
    if ((x.returnCount ?? 0) >= 2) flags.push({ itemId: x.id, code: x.code, reason: `整改情况已被退回 ${x.returnCount} 次，应约谈或组织回头看` });
    else if (due && today > due) flags.push({ itemId: x.id, code: x.code, reason: `整改期限 ${due} 已过仍未通过审核，应约谈或组织回头看` });
  }
  return flags;
}

/** The rectification clock: `days` working days from the on-site date (local practice: 30). */
export function rectificationClockSpec(onSiteDate: string, days: number): ClockSpec {
  return { start: onSiteDate, period: days, unit: 'working', dueSoonDays: 5 };
}

/** A due date as shown: the date and whether it is provisional (预计), with the years. */
export interface DueView {
  due: string | null;
  provisional: boolean;
  provisionalYears: number[];
}

/**
 * A clock as every page of the module shows it: the due date, state, days left, the calculation and
 * whether the due date is provisional (预计: it depends on a year whose holiday schedule is not entered,
 * RULES.md §1) with the years and the one sentence why.
 */
export function clockView(c: ClockResult): ClockView {
  return {
    due: c.due,
    state: c.state,
    daysLeft: c.daysLeft,
    explanation: c.explanation,
    provisional: c.provisional,
    provisionalYears: c.provisionalYears,
    provisionalNote: c.provisional ? provisionalNote(c.provisionalYears) : null,
  };
}
