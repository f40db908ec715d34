/**
 * The statutory clocks of a licence application (行政许可法; RULES.md §5; every period in working days,
 * art. 82), pure — the specs the kernel Clock model takes from the record, the deemed acceptance, and
 * the status that follows from the record:
 * - 受理 (art. 32): acceptance or one complete correction list within 5 working days of receipt; silence
 *   means the application is accepted as of receipt. After the corrected materials arrive the 5 days run
 *   again from that day.
 * - 决定 (art. 42): within the item's statutory period (20 working days by default) of acceptance, +10 with
 *   the head's approval; hearing, testing and expert review time not counted (art. 45).
 * - 颁发证件 (art. 44): within 10 working days of a grant.
 * - 公开 (国办发〔2018〕118号): the decision published within 7 working days.
 */
import { addWorkingDays, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { EXCLUSION_KIND_LABELS, type ApplicationStatus } from '../labels.js';
import type { ApplicationRow, ExclusionRecord } from '../schema.js';

/** 行政许可法第三十二条: accept, or tell every correction at once, within 5 working days. */
export const ACCEPTANCE_DAYS = 5;
/** 行政许可法第四十二条: the default decision period, and the extension the head may approve. */
export const DEFAULT_DECISION_DAYS = 20;
export const EXTENSION_DAYS = 10;
/** 行政许可法第四十四条: certificate within 10 working days of the grant. */
export const CERTIFICATE_DAYS = 10;
/** 国办发〔2018〕118号: licensing decisions published within 7 working days. */
export const PUBLICATION_DAYS = 7;

export const CLOCK_ENTITY = 'licensingApplication';
export const CLOCK_KIND = {
  acceptance: 'licensing.acceptance',
  decision: 'licensing.decision',
  certificate: 'licensing.certificate',
  publication: 'licensing.publication',
} as const;

export const ARTICLE = {
  acceptance: '《中华人民共和国行政许可法》第三十二条',
  decision: '《中华人民共和国行政许可法》第四十二条',
  exclusion: '《中华人民共和国行政许可法》第四十五条',
  certificate: '《中华人民共和国行政许可法》第四十四条',
  publication: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）',
} as const;

type Row = Pick<
  ApplicationRow,
  | 'receivedOn'
  | 'acceptedOn'
  | 'acceptanceDeemed'
  | 'correctionSentOn'
  | 'correctedOn'
  | 'exclusions'
  | 'extensionDays'
  | 'extensionReason'
  | 'extensionApprovedOn'
  | 'decidedOn'
  | 'result'
  | 'certificateIssuedOn'
  | 'publishedOn'
  | 'withdrawnOn'
>;

export function statusOf(r: Pick<Row, 'withdrawnOn' | 'publishedOn' | 'decidedOn' | 'acceptedOn' | 'correctionSentOn' | 'correctedOn'>): ApplicationStatus {
  if (r.withdrawnOn) return 'withdrawn';
  if (r.publishedOn) return 'published';
  if (r.decidedOn) return 'decided';
  if (r.acceptedOn) return 'reviewing';
  if (r.correctionSentOn && !r.correctedOn) return 'correcting';
  return 'submitted';
}

/** The day the acceptance period counts from: receipt, or the corrected materials. */
export const acceptanceBase = (r: Pick<Row, 'receivedOn' | 'correctedOn'>) => r.correctedOn ?? r.receivedOn;

/** A correction notice is out and the corrected materials have not come in. */
export const awaitingCorrection = (r: Pick<Row, 'correctionSentOn' | 'correctedOn'>) => !!r.correctionSentOn && !r.correctedOn;

/** The last day to accept or send the correction list (5 working days from the base day). */
export function acceptanceDue(cal: WorkCalendar, r: Pick<Row, 'receivedOn' | 'correctedOn'>) {
  return addWorkingDays(cal, acceptanceBase(r), ACCEPTANCE_DAYS);
}

/**
 * Silence (art. 32): no acceptance and no correction list within the 5 working days — the application
 * is accepted as of the base day (receipt, or the corrected materials). Null when not (yet) the case.
 */
export function deemedAcceptance(cal: WorkCalendar, r: Row, today: string): { on: string; due: string } | null {
  if (r.acceptedOn || r.withdrawnOn || r.decidedOn || awaitingCorrection(r)) return null;
  const due = acceptanceDue(cal, r).due;
  return today > due ? { on: acceptanceBase(r), due } : null;
}

/** The row as it reads once a due deemed acceptance is recorded (reads never write). */
export function withDeemed<R extends Row & { status: string }>(cal: WorkCalendar, r: R, today: string): R {
  const d = deemedAcceptance(cal, r, today);
  if (!d) return r;
  const next = { ...r, acceptedOn: d.on, acceptanceDeemed: true };
  return { ...next, status: statusOf(next) };
}

/** 受理 clock: 5 working days from receipt (again from the corrected materials), met by acceptance or the correction list. */
export function acceptanceSpec(r: Row): ClockSpec {
  const spec: ClockSpec = { start: r.receivedOn, period: ACCEPTANCE_DAYS, unit: 'working' };
  if (r.correctedOn) spec.restarts = [{ on: r.correctedOn, reason: '收到申请人补正的全部材料，受理期限自收到补正材料之日起重新计算' }];
  const done = r.acceptedOn && !r.acceptanceDeemed ? r.acceptedOn : awaitingCorrection(r) ? r.correctionSentOn : (r.withdrawnOn ?? undefined);
  if (done) spec.completedOn = done;
  return spec;
}

/** An excluded period as the Clock model takes it. */
function exclusionOf(x: ExclusionRecord): NonNullable<ClockSpec['exclusions']>[number] {
  const reason = `${EXCLUSION_KIND_LABELS[x.kind]}${x.note ? `（${x.note}）` : ''}所需时间不计算在期限内（${ARTICLE.exclusion}）`;
  return x.to ? { from: x.from, to: x.to, reason } : { from: x.from, reason };
}

/**
 * 决定 clock: the item's period from acceptance (explicit or deemed; before either, from the day a silent
 * acceptance would date from), excluded periods, the approved extension, met by the decision.
 */
export function decisionSpec(r: Row, period: number, approverName?: string): ClockSpec {
  const spec: ClockSpec = { start: r.acceptedOn ?? acceptanceBase(r), period, unit: 'working' };
  if (r.exclusions.length) spec.exclusions = r.exclusions.map(exclusionOf);
  if (r.extensionDays && r.extensionApprovedOn) {
    spec.extensions = [
      {
        days: r.extensionDays,
        reason: `经本行政机关负责人批准延长 ${r.extensionDays} 个工作日（${ARTICLE.decision}）：${r.extensionReason ?? ''}`,
        approvedOn: r.extensionApprovedOn,
        ...(approverName ? { approvedBy: approverName } : {}),
      },
    ];
  }
  if (r.decidedOn) spec.completedOn = r.decidedOn;
  else if (r.withdrawnOn) spec.completedOn = r.withdrawnOn;
  return spec;
}

/** 颁发证件 clock: 10 working days from a grant, met by the certificate. */
export function certificateSpec(r: Row): ClockSpec {
  return { start: r.decidedOn!, period: CERTIFICATE_DAYS, unit: 'working', ...(r.certificateIssuedOn ? { completedOn: r.certificateIssuedOn } : {}) };
}

/** 公开 clock: 7 working days from the decision, met by the publication. */
export function publicationSpec(r: Row): ClockSpec {
  return { start: r.decidedOn!, period: PUBLICATION_DAYS, unit: 'working', ...(r.publishedOn ? { completedOn: r.publishedOn } : {}) };
}

/** An excluded period still running (the decision clock is paused). */
export const openExclusion = (r: Pick<Row, 'exclusions'>) => r.exclusions.find((x) => !x.to);
