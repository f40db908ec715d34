/**
 * Pure rules of an application beyond its clock: masking and the duplicate key, tracking codes, the
 * letters that exist, what a user may do to it now (`allowedActions`, sent to the page so it offers
 * only what the service accepts), and the outcomes that rest on a fact of the record.
 */
import crypto from 'node:crypto';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { fieldError } from '../../../kernel/http/errors.js';
import { unpaidFeeRule } from '../fees/payment.js';
import type { ApplicationAction, LetterKind, OutcomeCode } from '../labels.js';
import type { ApplicationRow } from '../schema.js';
import { consultationOpen } from './clock.js';

/** 2101**********1234: first 4 and last 4 characters kept (shorter numbers keep less). */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  const n = idNumber.length;
  const keep = n >= 12 ? 4 : n >= 6 ? 2 : 0;
  return idNumber.slice(0, keep) + '*'.repeat(n - 2 * keep) + (keep ? idNumber.slice(n - keep) : '');
}

/** Content for the duplicate comparison: NFKC, lower case, no whitespace, punctuation or symbols. */
export function contentKey(content: string): string {
  return content
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Public tracking code (查询码): GK + 10 random characters without look-alikes. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  let s = 'GK';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s;
}

/** The audit snapshot: the identity number is masked there too. */
export function auditView(r: ApplicationRow) {
  return { ...r, idNumber: maskIdNumber(r.idNumber), contentKey: undefined };
}

/** The letters an application can have now (each needs its event to have happened). */
export function availableLetters(r: ApplicationRow): { kind: LetterKind; consultationId?: string }[] {
  const out: { kind: LetterKind; consultationId?: string }[] = [{ kind: 'receipt' }];
  if (r.correctionSentOn) out.push({ kind: 'correction' });
  for (const c of r.consultations) out.push({ kind: 'consultation', consultationId: c.id });
  if (r.extensionDays && r.extensionApprovedOn) out.push({ kind: 'extension' });
  if (r.feeNoticeOn) out.push({ kind: 'fee' });
  if (r.decidedOn && r.outcome) out.push({ kind: 'reply' });
  return out;
}

/** Who is asking, as far as the actions depend on it. */
export interface ActingUser {
  /** The application belongs to the user's own org (descendants are read-only). */
  own: boolean;
  /** The disclosure desk (`disclosure.handle`). */
  handle: boolean;
  /** May record an extension: approves it (`disclosure.approve`), or handles and can name the approving leader (`user.read`). */
  extend: boolean;
  /** The head of the disclosure office (`disclosure.approve`): decides the desk's requests for extension. */
  approve?: boolean;
}

/**
 * What the user may do to the application as it reads now (lapses applied), in the order the page
 * offers them — the same conditions the services check (a refused action answers 409 or 400 there).
 */
export function allowedActions(r: ApplicationRow, who: ActingUser): ApplicationAction[] {
  if (r.decidedOn || !who.own) return [];
  const out: ApplicationAction[] = [];
  const awaitingCorrection = !!r.correctionSentOn && !r.correctedOn;
  const openConsultation = r.consultations.some(consultationOpen);
  if (who.handle) {
    if (!r.correctionSentOn && !openConsultation) out.push('correction');
    if (awaitingCorrection) out.push('corrected');
    if (!awaitingCorrection && !openConsultation) out.push('consult');
    if (r.consultations.some((c) => !c.to)) out.push('consultEnd');
  }
  if (who.extend && !r.extensionDays) out.push('extension');
  // the desk that cannot name the approving head (no user directory) asks online instead
  if (who.handle && !who.extend && !r.extensionDays && !r.extensionRequestedOn) out.push('extensionRequest');
  if (who.approve && !r.extensionDays && r.extensionRequestedOn) out.push('extensionDecision');
  if (who.handle) {
    out.push('decision');
    if (!r.feeMethod) out.push('fee');
    if (r.feeNoticeOn && !r.feePaidOn) out.push('feeServed', 'feePaid');
  }
  return out;
}

export interface OutcomeGuard {
  outcome: OutcomeCode;
  /** Why the outcome cannot be chosen now at all. */
  refused: string | null;
  /** It can be chosen only for a reply after `date`. */
  onlyAfter: { date: string; message: string } | null;
}

/**
 * The outcomes that rest on a fact of the record, as the decision form checks them before sending
 * (the service refuses the same with `assertOutcomeAllowed` and the fee's rule).
 */
export function outcomeGuards(r: ApplicationRow, cal: WorkCalendar, payDays: number): OutcomeGuard[] {
  const noCorrection: OutcomeGuard = { outcome: 'other.no_correction', refused: null, onlyAfter: null };
  if (!r.correctionSentOn) noCorrection.refused = '“逾期不补正”须先发出补正通知：本申请没有发出补正通知';
  else if (r.correctedOn) noCorrection.refused = `申请人已于 ${r.correctedOn} 提交补正后的申请，不能按“逾期不补正”处理`;
  else {
    const deadline = r.correctionDeadline ?? r.correctionSentOn;
    noCorrection.onlyAfter = { date: deadline, message: `补正期限至 ${deadline} 届满，届满前不能按“逾期不补正”处理` };
  }
  const unclear: OutcomeGuard = {
    outcome: 'unavailable.unclear_after_correction',
    refused: r.correctedOn ? null : '“补正后申请内容仍不明确”须在收到补正后的申请之后',
    onlyAfter: null,
  };
  const fee = unpaidFeeRule(cal, r, payDays);
  const unpaid: OutcomeGuard =
    'refused' in fee
      ? { outcome: 'other.unpaid_fee', refused: fee.refused, onlyAfter: null }
      : {
          outcome: 'other.unpaid_fee',
          refused: null,
          onlyAfter: { date: fee.deadline, message: `缴费期限至 ${fee.deadline} 届满，届满前不能按“逾期不缴费”处理` },
        };
  return [noCorrection, unclear, unpaid];
}

/**
 * Outcomes that rest on a fact of the record (RULES.md §2; issue 9 item 6): 逾期不补正 only after a
 * correction notice whose period has ended without a corrected application; 补正后仍不明确 only after
 * a corrected application; 逾期不缴费 only after the payment period (fees/fee.service.ts).
 */
export function assertOutcomeAllowed(r: ApplicationRow, outcome: OutcomeCode, decidedOn: string): void {
  const refuse = (message: string) => fieldError('outcome', message, 'disclosure.outcome_not_allowed');
  if (outcome === 'other.no_correction') {
    if (!r.correctionSentOn) throw refuse('“逾期不补正”须先发出补正通知：本申请没有发出补正通知（条例第三十条）');
    if (r.correctedOn) throw refuse(`申请人已于 ${r.correctedOn} 提交补正后的申请，不能按“逾期不补正”处理`);
    const deadline = r.correctionDeadline ?? r.correctionSentOn;
    if (decidedOn <= deadline) throw refuse(`补正期限至 ${deadline} 届满，届满前不能按“逾期不补正”处理（答复日期 ${decidedOn}）`);
  }
  if (outcome === 'unavailable.unclear_after_correction' && !r.correctedOn) {
    throw refuse(
      r.correctionSentOn
        ? '“补正后申请内容仍不明确”须在收到补正后的申请之后：本申请尚未登记收到补正申请'
        : '“补正后申请内容仍不明确”须先发出补正通知并收到补正后的申请（条例第三十条）：本申请没有发出补正通知',
    );
  }
}
