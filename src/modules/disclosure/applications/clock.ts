/**
 * The reply clock of an application (条例第三十、三十二、三十三、三十四条; RULES.md §2), pure: the spec the
 * kernel Clock model takes from the record — correction restart, consultation pauses (at most to the
 * consultation's 15th working day), the fee pause, the one extension — the consultations' own clocks,
 * when a silent consultation lapsed, and the status that follows from the record.
 */
import { addWorkingDays, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { CONSULTATION_KIND_LABELS, type ApplicationStatus } from '../labels.js';
import type { ApplicationRow, ConsultationRecord } from '../schema.js';

/** 条例第三十三条: reply within 20 working days; one extension of at most 20. */
export const REPLY_PERIOD = 20;
export const MAX_EXTENSION = 20;
/** 条例第三十条: correction notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_DAYS = 7;
/** 条例第三十二条: a third party has 15 working days to answer. */
export const CONSULTATION_PERIOD = 15;

export const CLOCK_ENTITY = 'disclosureApplication';
export const CLOCK_KIND_REPLY = 'disclosure.reply';
export const CLOCK_KIND_CONSULTATION = 'disclosure.consultation';

export const CONSULT_ARTICLE = { third_party: '条例第三十二条', agency: '条例第三十四条' } as const;

/** A consultation still waiting for its answer: none recorded and its 15 working days not yet recorded as lapsed. */
export const consultationOpen = (c: ConsultationRecord): boolean => !c.to && !c.lapsedOn;

export function statusOf(r: Pick<ApplicationRow, 'decidedOn' | 'correctionSentOn' | 'correctedOn' | 'consultations'>): ApplicationStatus {
  if (r.decidedOn) return 'decided';
  if (r.correctionSentOn && !r.correctedOn) return 'awaiting_correction';
  if (r.consultations.some(consultationOpen)) return 'consulting';
  return 'processing';
}

/** Last day of a consultation's 15 working days (arts. 32, 34), counted from the day after the letter. */
export function consultationDue(cal: WorkCalendar, c: Pick<ConsultationRecord, 'from'>) {
  return addWorkingDays(cal, c.from, CONSULTATION_PERIOD);
}

/**
 * The reply clock of an application, as the kernel Clock model takes it. A consultation pauses it
 * from the letter to the answer, and at most to the consultation's due date (15 working days): a
 * party that stays silent does not stop the clock longer, whether or not anyone records it — the
 * period runs again from the next working day by itself (条例第三十二、三十四条).
 */
export function replyClockSpec(r: ApplicationRow, cal: WorkCalendar, approverName?: string): ClockSpec {
  const spec: ClockSpec = { start: r.receivedOn, period: REPLY_PERIOD, unit: 'working' };
  if (r.correctedOn) spec.restarts = [{ on: r.correctedOn, reason: '收到申请人补正后的申请（条例第三十条），答复期限自收到补正申请之日起重新计算' }];
  const exclusions: NonNullable<ClockSpec['exclusions']> = [];
  if (r.correctionSentOn && !r.correctedOn) {
    exclusions.push({ from: r.correctionSentOn, reason: `已于 ${r.correctionSentOn} 发出补正通知，等待申请人补正（补正后重新起算）` });
  }
  if (r.feeNoticeOn) {
    const reason = `已于 ${r.feeNoticeOn} 发出收费通知，自发出收费通知之日至申请人缴纳费用之日不计入答复期限（《政府信息公开信息处理费管理办法》）`;
    const to = r.feePaidOn ?? r.decidedOn;
    exclusions.push(to ? { from: r.feeNoticeOn, to, reason } : { from: r.feeNoticeOn, reason });
  }
  for (const c of r.consultations) {
    const due = consultationDue(cal, c).due;
    const who = `征求${CONSULTATION_KIND_LABELS[c.kind]}（${c.party}）意见`;
    const law = CONSULT_ARTICLE[c.kind];
    if (c.to && c.to <= due) {
      exclusions.push({ from: c.from, to: c.to, reason: `${who}，自发函之日至收到答复之日不计入答复期限（${law}）` });
    } else {
      const answer = c.to ? `${c.to} 才收到答复，超过征求意见期限` : '未收到答复的';
      exclusions.push({
        from: c.from,
        to: due,
        reason: `${who}，自发函之日起不计入答复期限；${answer}，不计入的期间至征求意见期限（${CONSULTATION_PERIOD}个工作日）届满之日 ${due} 止，次日起答复期限恢复计算（${law}）`,
      });
    }
  }
  if (exclusions.length) spec.exclusions = exclusions;
  if (r.extensionDays) {
    spec.extensions = [
      {
        days: r.extensionDays,
        reason: `经政府信息公开工作机构负责人同意延长答复期限（条例第三十三条）：${r.extensionReason ?? ''}`,
        ...(approverName ? { approvedBy: approverName } : {}),
        ...(r.extensionApprovedOn ? { approvedOn: r.extensionApprovedOn } : {}),
      },
    ];
  }
  if (r.decidedOn) spec.completedOn = r.decidedOn;
  return spec;
}

/** A consultation's own clock: 15 working days from the letter, met by the answer. */
export function consultationSpec(c: ConsultationRecord): ClockSpec {
  return { start: c.from, period: CONSULTATION_PERIOD, unit: 'working', ...(c.to ? { completedOn: c.to } : {}) };
}

/** The consultations whose 15 working days ended before `today` without an answer and not yet recorded as lapsed. */
export function pendingLapses(r: ApplicationRow, cal: WorkCalendar, today: string): { consultation: ConsultationRecord; due: string; resumedOn: string }[] {
  if (r.decidedOn) return [];
  const out: { consultation: ConsultationRecord; due: string; resumedOn: string }[] = [];
  for (const c of r.consultations) {
    if (!consultationOpen(c)) continue;
    const due = consultationDue(cal, c).due;
    if (today > due) out.push({ consultation: c, due, resumedOn: addWorkingDays(cal, due, 1).due });
  }
  return out;
}

/**
 * The row as it reads once every due lapse is recorded — for reads, which never write: the status
 * is right at any time; the timeline event follows with the next write or the sweep (lapse.service.ts).
 */
export function withLapses(r: ApplicationRow, cal: WorkCalendar, today: string): ApplicationRow {
  const lapses = pendingLapses(r, cal, today);
  if (!lapses.length) return r;
  const byId = new Map(lapses.map((l) => [l.consultation.id, l.resumedOn]));
  const consultations = r.consultations.map((c) => (byId.has(c.id) ? { ...c, lapsedOn: byId.get(c.id)! } : c));
  return { ...r, consultations, status: statusOf({ ...r, consultations }) };
}
