/**
 * The pure rules of a penalty case (行政处罚法, RULES.md §3): which penalty is the heaviest, when a
 * hearing may be asked for and when 法制审核 and 集体讨论 are required, the statutory clocks, the 7
 * working days' hearing notice, the fine ranges of the 裁量基准, and the actions each status allows.
 */
import { addWorkingDays, daysBetween, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { CIRCUMSTANCE_LABELS, PENALTY_TYPES, type CaseAction, type CaseStatus, type Circumstance, type PenaltyType } from '../labels.js';

export interface Penalty {
  type: PenaltyType;
  amount?: number | null;
  note?: string | null;
}

/** The heaviest of a case's penalties (a case counts once, under it): confiscation > fine > warning > other. */
export function heaviestPenalty(penalties: readonly Pick<Penalty, 'type'>[]): PenaltyType | null {
  let best: PenaltyType | null = null;
  for (const p of penalties) if (best === null || PENALTY_TYPES.indexOf(p.type) < PENALTY_TYPES.indexOf(best)) best = p.type;
  return best;
}

export const fineOf = (penalties: readonly Penalty[]): number => penalties.filter((p) => p.type === 'fine').reduce((s, p) => s + (p.amount ?? 0), 0);

export interface Thresholds {
  unit: number;
  individual: number;
}

/** 听证: a fine of at least the threshold (行政处罚法第六十三条; the amount is a setting), or confiscation of a large value. */
export function hearingEligible(partyKind: 'unit' | 'individual', penalties: readonly Penalty[], t: Thresholds): boolean {
  return fineOf(penalties) >= (partyKind === 'unit' ? t.unit : t.individual);
}

/** Why 法制审核 is required (行政处罚法第五十八条), or an empty list when it is not. */
export function reviewReasons(
  c: { partyKind: 'unit' | 'individual'; penalties: readonly Penalty[]; hearingHeldOn: string | null; major: boolean },
  t: Thresholds,
): string[] {
  const out: string[] = [];
  if (c.hearingHeldOn) out.push('经过听证程序');
  if (c.penalties.length && hearingEligible(c.partyKind, c.penalties, t)) out.push(`罚款数额达到${c.partyKind === 'unit' ? '单位' : '个人'}较大数额标准`);
  if (c.major) out.push('执法人员认定为重大、复杂案件');
  return out;
}

/** 集体讨论 (行政处罚法第五十七条第二款): for 较重 and 严重 circumstances. */
export const discussionRequired = (circumstance: Circumstance | null) => circumstance === 'serious' || circumstance === 'grave';

/** Fine checks against a benchmark: the statutory range refuses, the recommended range asks for a reason. */
export interface BenchmarkRange {
  statutoryMin: number;
  statutoryMax: number;
  confiscation: boolean;
  levels: { circumstance: Circumstance; min: number; max: number }[];
}

export function penaltyProblems(
  b: BenchmarkRange,
  circumstance: Circumstance,
  penalties: readonly Penalty[],
  discretionReason: string | null | undefined,
  field = 'penalties',
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  penalties.forEach((p, i) => {
    if (p.type === 'fine') {
      if (p.amount == null) out.push({ field: `${field}.${i}.amount`, message: '罚款须写明金额' });
      else if (p.amount < b.statutoryMin || p.amount > b.statutoryMax)
        out.push({ field: `${field}.${i}.amount`, message: `罚款 ${p.amount} 元超出法定幅度（${b.statutoryMin}—${b.statutoryMax} 元，档案法第四十九条）` });
    } else if (p.type === 'confiscation' && !b.confiscation) {
      out.push({ field: `${field}.${i}.type`, message: '该违法行为的处罚依据不含没收违法所得' });
    }
  });
  const fines = penalties.filter((p) => p.type === 'fine');
  if (fines.length > 1) out.push({ field: `${field}.1.type`, message: '罚款只能填写一项' });
  if (out.length) return out;
  const level = b.levels.find((l) => l.circumstance === circumstance);
  const fine = fineOf(penalties);
  if (level && fines.length && (fine < level.min || fine > level.max) && !discretionReason?.trim()) {
    out.push({
      field: 'discretionReason',
      message: `罚款 ${fine} 元不在“${CIRCUMSTANCE_LABELS[circumstance]}”情节的裁量基准（${level.min}—${level.max} 元）内，须书面说明理由`,
    });
  }
  return out;
}

export function outsideRecommended(b: BenchmarkRange, circumstance: Circumstance, penalties: readonly Penalty[]): boolean {
  const level = b.levels.find((l) => l.circumstance === circumstance);
  if (!level || !penalties.some((p) => p.type === 'fine')) return false;
  const fine = fineOf(penalties);
  return fine < level.min || fine > level.max;
}

/** 行政处罚法第六十条: decision within 90 calendar days of filing, plus approved extensions. */
export function decisionClock(
  filedOn: string,
  extensions: readonly { days: number; reason: string; approvedOn: string; approverName?: string }[],
  decidedOn: string | null,
): ClockSpec {
  return {
    start: filedOn,
    period: 90,
    unit: 'calendar',
    extensions: extensions.map((e) => ({
      days: e.days,
      reason: e.reason,
      approvedOn: e.approvedOn,
      ...(e.approverName ? { approvedBy: e.approverName } : {}),
    })),
    ...(decidedOn ? { completedOn: decidedOn } : {}),
    dueSoonDays: 10,
  };
}

/** 第六十四条第（一）项: the party asks for a hearing within 5 working days of the notice's service. */
export function hearingRequestClock(servedOn: string, answeredOn: string | null): ClockSpec {
  return { start: servedOn, period: 5, unit: 'working', ...(answeredOn ? { completedOn: answeredOn } : {}), dueSoonDays: 2 };
}

/** 国办发〔2018〕118号: a decision is published within 7 working days. */
export function publicationClock(decidedOn: string, publishedOn: string | null): ClockSpec {
  return { start: decidedOn, period: 7, unit: 'working', ...(publishedOn ? { completedOn: publishedOn } : {}) };
}

/** A published decision that is revoked is withdrawn within 3 working days. */
export function withdrawalClock(revokedOn: string, withdrawnOn: string | null): ClockSpec {
  return { start: revokedOn, period: 3, unit: 'working', ...(withdrawnOn ? { completedOn: withdrawnOn } : {}), dueSoonDays: 1 };
}

export interface Payment {
  paidOn: string;
  amount: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * 缴纳罚款 (行政处罚法第六十七条第三款): within 15 days of the decision's service. With 暂缓或者分期缴纳
 * approved (第六十六条第二款) the clock runs from the approval to the first date of the schedule that the
 * payments so far do not cover (payments count towards the earliest parts; what was paid before the
 * approval is outside the schedule). Met the day the whole fine is paid, or closed by an application to
 * the court (第七十二条).
 */
export function paymentClock(
  servedOn: string,
  fine: number,
  payments: readonly Payment[],
  plan: { approvedOn: string; schedule: readonly { dueOn: string; amount: number }[] } | null,
  courtAppliedOn: string | null,
): ClockSpec {
  let paid = 0;
  let paidOffOn: string | null = null;
  for (const p of [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn))) {
    paid = cents(paid + p.amount);
    if (paid >= fine) {
      paidOffOn = p.paidOn;
      break;
    }
  }
  const completedOn = paidOffOn ?? courtAppliedOn;
  const done = completedOn ? { completedOn } : {};
  if (!plan?.schedule.length) return { start: servedOn, period: 15, unit: 'calendar', ...done, dueSoonDays: 3 };
  const total = cents(payments.reduce((sum, p) => sum + p.amount, 0));
  let target = cents(fine - plan.schedule.reduce((sum, p) => sum + p.amount, 0));
  let due = plan.schedule[plan.schedule.length - 1]!.dueOn;
  for (const part of plan.schedule) {
    target = cents(target + part.amount);
    if (total < target) {
      due = part.dueOn;
      break;
    }
  }
  return { start: plan.approvedOn, period: daysBetween(plan.approvedOn, due), unit: 'calendar', ...done, dueSoonDays: 3 };
}

/** 第六十四条第（二）项: the hearing is noticed 7 days before; the first day it may be held is the 7th working day after the notice. */
export function earliestHearingDay(cal: WorkCalendar, noticeOn: string): string {
  return addWorkingDays(cal, noticeOn, 7).due;
}

/** The last day to ask for a hearing: the 5th working day after the notice was served. */
export function hearingRequestDue(cal: WorkCalendar, servedOn: string): string {
  return addWorkingDays(cal, servedOn, 5).due;
}

export interface CaseState {
  status: CaseStatus;
  imported: boolean;
  pendingWithdrawal: boolean;
  result: string | null;
  hearingEligible: boolean;
  hearingRequestOpen: boolean;
  hearingRequestedOn: string | null;
  hearingOn: string | null;
  hearingHeldOn: string | null;
  reviewRequired: boolean;
  reviewPassed: boolean;
  discussionRequired: boolean;
  discussed: boolean;
  fine: number;
  fineCollected: number;
  courtApplied: boolean;
  /** 暂缓或者分期缴纳 approved already (once per case). */
  instalments: boolean;
  publishedOn: string | null;
  revokedOn: string | null;
  withdrawnOn: string | null;
}

/** The actions a case allows now: the one table the service checks and the pages show. */
export function allowedCaseActions(s: CaseState): CaseAction[] {
  if (s.imported || s.status === 'not_filed') return [];
  if (s.status === 'filing') return ['approveFiling'];
  const open = s.status === 'investigating' || s.status === 'notified' || s.status === 'hearing';
  const out: CaseAction[] = [];
  if (open && s.pendingWithdrawal) return ['decideWithdrawal']; // 回避 is decided before anything else
  const waitingHearing = s.status === 'hearing' && !s.hearingHeldOn;
  if (open) out.push('addEvidence', 'addInquiry', 'requestWithdrawal', 'extend');
  if (s.status === 'investigating') out.push('notify');
  if (s.status === 'notified' && s.hearingEligible && s.hearingRequestOpen && !s.hearingRequestedOn) out.push('requestHearing');
  if (s.status === 'hearing' && !s.hearingOn) out.push('scheduleHearing');
  if (s.status === 'hearing' && s.hearingOn && !s.hearingHeldOn) out.push('holdHearing');
  const readyToDecide = s.status === 'investigating' || (s.status === 'notified' && !s.hearingRequestOpen) || (s.status === 'hearing' && !!s.hearingHeldOn);
  if (open && !waitingHearing && !s.reviewPassed) out.push('review');
  if (open && !waitingHearing && s.discussionRequired && !s.discussed) out.push('discuss');
  if (open && readyToDecide && (!s.reviewRequired || s.reviewPassed) && (!s.discussionRequired || s.discussed)) out.push('decide');
  if (s.status === 'decided') out.push('serve');
  if (s.status === 'served' && s.fine > s.fineCollected && !s.courtApplied) out.push('pay', ...(s.instalments ? [] : ['instalments' as const]), 'applyCourt');
  if (s.status === 'served' && (s.fine <= s.fineCollected || s.courtApplied)) out.push('close');
  const decided = s.status === 'decided' || s.status === 'served' || s.status === 'closed';
  if (decided && s.result === 'penalty' && !s.publishedOn && !s.revokedOn) out.push('publish');
  if (decided && !s.revokedOn) out.push('revoke');
  if (s.revokedOn && s.publishedOn && !s.withdrawnOn) out.push('withdrawPublication');
  return out;
}
