/**
 * An application as the API shows it: the list item (identity number masked) and the detail with its
 * reply clock, the consultations' clocks, the fee, the letters that exist, what the user may do now
 * and the outcomes that rest on the record. Reads only (a consultation lapsed but not yet recorded
 * reads as recorded: `withLapses`).
 */
import { eq } from 'drizzle-orm';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { addWorkingDays, computeClock, type ClockResult } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { users } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import type { ClockView, DueView } from '../contracts.js';
import type { FeeBand } from '../fees/contracts.js';
import { feeDeadlineOf, feeServedOn } from '../fees/payment.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_STATUS_LABELS,
  CHANNEL_DEFS,
  CONSULTATION_KIND_LABELS,
  OUTCOME_BY_CODE,
  type AccessMode,
  type ApplicantType,
  type ApplicationSource,
  type ApplicationStatus,
  type Channel,
  type OutcomeCode,
} from '../labels.js';
import type { ApplicationRow } from '../schema.js';
import { consultationDue, consultationSpec, CORRECTION_NOTICE_DAYS, replyClockSpec, withLapses } from './clock.js';
import type { ApplicationDetail, ApplicationListItem } from './contracts.js';
import { allowedActions, availableLetters, maskIdNumber, outcomeGuards } from './rules.js';

export function presentListItem(r: ApplicationRow): ApplicationListItem {
  const channel = r.channel as Channel;
  const applicantType = r.applicantType as ApplicantType;
  const status = r.status as ApplicationStatus;
  const outcome = (r.outcome as OutcomeCode | null) ?? null;
  return {
    id: r.id,
    orgId: r.orgId,
    trackingCode: r.trackingCode,
    channel,
    channelLabel: CHANNEL_DEFS[channel]?.label ?? r.channel,
    source: r.source as ApplicationSource,
    receivedOn: r.receivedOn,
    applicantType,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[applicantType] ?? r.applicantType,
    applicantName: r.applicantName,
    idType: r.idType,
    idNumberMasked: maskIdNumber(r.idNumber),
    content: r.content,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status] ?? r.status,
    decidedOn: r.decidedOn,
    outcome,
    outcomeLabel: outcome ? (OUTCOME_BY_CODE[outcome]?.shortLabel ?? outcome) : null,
    correctionLate: r.correctionLate,
  };
}

export const clockView = (c: ClockResult): ClockView => ({
  due: c.due,
  provisional: c.provisional,
  provisionalYears: c.provisionalYears,
  state: c.state,
  daysLeft: c.daysLeft,
  totalDays: c.totalDays,
  effectiveStart: c.effectiveStart,
  explanation: c.explanation,
});

/** A single date with its provisionality (预计), e.g. a fee's pay-by day. */
export const dueView = (r: { due: string; provisional: boolean; provisionalYears: number[] }): DueView => ({
  due: r.due,
  provisional: r.provisional,
  provisionalYears: r.provisionalYears,
});

/** The display name of the leader who approved the extension. */
export async function approverName(ctx: Ctx, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const [u] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return u?.displayName;
}

export async function detailOf(ctx: ActorCtx, stored: ApplicationRow): Promise<ApplicationDetail> {
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  const r = withLapses(stored, cal, today);
  const approver = await approverName(ctx, r.extensionApprovedBy);
  const requester = r.extensionRequestedOn ? await approverName(ctx, r.extensionRequestedBy) : undefined;
  const clock = computeClock(cal, replyClockSpec(r, cal, approver), today);
  const own = r.orgId === ctx.actor.orgId;
  const handle = hasAction(ctx.actor, 'disclosure.handle');
  const showId = own && handle;
  const payDays = await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays');
  const servedOn = feeServedOn(r);
  return {
    ...presentListItem(r),
    idNumber: showId ? r.idNumber : maskIdNumber(r.idNumber),
    contact: r.contact,
    formRequested: r.formRequested,
    receiptRule: `${CHANNEL_DEFS[r.channel as Channel]?.receipt.article ?? ''}：${CHANNEL_DEFS[r.channel as Channel]?.receipt.rule ?? ''}`,
    /** 补正通知 at the latest on the 7th working day after receipt (art. 30): always a working day. */
    correctionNoticeBy: dueView(addWorkingDays(cal, r.receivedOn, CORRECTION_NOTICE_DAYS)),
    correction: r.correctionSentOn
      ? { sentOn: r.correctionSentOn, deadline: r.correctionDeadline, items: r.correctionItems, late: r.correctionLate, correctedOn: r.correctedOn }
      : null,
    consultations: r.consultations.map((c) => {
      const due = consultationDue(cal, c).due;
      const lapsed = !c.to || c.to > due ? (today > due ? addWorkingDays(cal, due, 1).due : null) : null;
      return {
        ...c,
        kindLabel: CONSULTATION_KIND_LABELS[c.kind],
        clock: clockView(computeClock(cal, consultationSpec(c), today)),
        /** No answer within the 15 working days: the reply period runs again from this day (recorded or not). */
        resumedOn: lapsed,
      };
    }),
    extension: r.extensionDays
      ? {
          days: r.extensionDays,
          reason: r.extensionReason,
          approvedBy: r.extensionApprovedBy,
          approvedByName: approver ?? null,
          approvedOn: r.extensionApprovedOn,
          noticeOn: r.extensionNoticeOn,
        }
      : null,
    extensionRequest:
      r.extensionRequestedOn && r.extensionRequestDays && r.extensionRequestedBy
        ? {
            days: r.extensionRequestDays,
            reason: r.extensionRequestReason ?? '',
            requestedBy: r.extensionRequestedBy,
            requestedByName: requester ?? null,
            requestedOn: r.extensionRequestedOn,
          }
        : null,
    extensionRefusal: r.extensionRefusedOn ? { refusedOn: r.extensionRefusedOn, reason: r.extensionRefusalReason ?? '' } : null,
    fee: r.feeMethod
      ? {
          method: r.feeMethod,
          units: r.feeUnits,
          amount: r.feeAmount,
          explanation: r.feeExplanation,
          bands: (r.feeBands as FeeBand[] | null) ?? [],
          noticeOn: r.feeNoticeOn,
          /** 送达日期: the payment period counts from the next day. */
          servedOn,
          payBy: servedOn ? dueView(feeDeadlineOf(cal, servedOn, payDays)) : null,
          payDays,
          paidOn: r.feePaidOn,
        }
      : null,
    decisionReason: r.decisionReason,
    accessMode: (r.accessMode as AccessMode | null) ?? null,
    accessNote: r.accessNote,
    holderAgency: r.holderAgency,
    holderContact: r.holderContact,
    /** Letters whose event has happened: GET …/letters/:kind.docx (consultation with ?consultationId=). */
    lettersAvailable: availableLetters(r),
    allowedActions: allowedActions(r, {
      own,
      handle,
      extend: hasAction(ctx.actor, 'disclosure.approve') || (handle && hasAction(ctx.actor, 'user.read')),
      approve: hasAction(ctx.actor, 'disclosure.approve'),
    }),
    outcomeGuards: outcomeGuards(r, cal, payDays),
    clock: clockView(clock),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
