/**
 * What has been done about the rectification flags of an inspection (约谈 / 回头看 / 移送立案) and the
 * manual closure (办结): the follow-up part of the inspection detail (loop/detail.service.ts composes
 * it), and the interview-commitment clock that interviews, reviews and closures keep in step. Reads
 * the loop's rows through loop/core.service.ts only; the writes of this area (followup.service.ts)
 * answer with the loop's detail, so they live apart from what the detail reads.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { statement } from '../../../kernel/db/statements.js';
import { addDays, computeClock, daysBetween, type ClockSpec } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { clocks } from '../../../kernel/schema.js';
import { referralsOfSource, type ReferralEntry, type ReferralView } from '../../enforcement/index.js';
import { inspectionInterviews, inspections } from '../schema.js';
import { CLOCK_ENTITY, rectificationItemsOf, unitNameOf, type InspectionRow } from '../loop/core.service.js';
import {
  INSPECTION_STATUS_LABELS,
  RECTIFICATION_ITEM_STATUS_LABELS,
  clockView,
  rectificationFlags,
  type InspectionStatus,
  type RectificationItem,
} from '../loop/loop.js';
import type { AddressedBy, FollowUpPart } from './contracts.js';

type InterviewRow = typeof inspectionInterviews.$inferSelect;
export const CLOCK_KIND_COMMITMENT = 'inspection.commitment';

const statusLabel = (s: string) => INSPECTION_STATUS_LABELS[s as InspectionStatus] ?? s;

/** The records that may address a flagged item: interviews, follow-up inspections and (not declined) referrals. */
export interface Coverage {
  interviews: InterviewRow[];
  followUps: InspectionRow[];
  referrals: ReferralView[];
}

export async function coverageOf(ctx: Ctx, r: InspectionRow): Promise<Coverage> {
  const interviews = await statement(ctx.db, 'inspections.interviews_of', (db, name) =>
    db
      .select()
      .from(inspectionInterviews)
      .where(eq(inspectionInterviews.inspectionId, sql.placeholder('id')))
      .orderBy(asc(inspectionInterviews.heldOn), asc(inspectionInterviews.createdAt))
      .prepare(name),
  ).execute({ id: r.id });
  const followUps = await statement(ctx.db, 'inspections.follow_ups_of', (db, name) =>
    db
      .select()
      .from(inspections)
      .where(eq(inspections.parentInspectionId, sql.placeholder('id')))
      .orderBy(asc(inspections.code))
      .prepare(name),
  ).execute({ id: r.id });
  const referrals = await referralsOfSource(ctx, 'inspection', [r.id]);
  return { interviews, followUps, referrals };
}

/** What addressed rectification item `item`: interviews about it, follow-ups re-checking it, referrals of its checklist entry (not declined). */
export function addressedBy(c: Coverage, item: Pick<RectificationItem, 'id' | 'entryId'>): AddressedBy {
  return {
    interviews: c.interviews.filter((i) => (i.itemIds as string[]).includes(item.id)).map((i) => ({ id: i.id, heldOn: i.heldOn })),
    followUps: c.followUps
      .filter((f) => ((f.followUpItemIds as string[] | null) ?? []).includes(item.id))
      .map((f) => ({ id: f.id, code: f.code, status: f.status as InspectionStatus, statusLabel: statusLabel(f.status), plannedDate: f.plannedDate })),
    referrals: c.referrals
      .filter((x) => x.status !== 'declined' && x.entries.some((e) => e.entryId === item.entryId))
      .map((x) => ({ id: x.id, code: x.code, referredOn: x.referredOn, status: x.status, statusLabel: x.statusLabel })),
  };
}
export const isAddressed = (a: AddressedBy) => a.interviews.length + a.followUps.length + a.referrals.length > 0;

/**
 * The detail's part about flags and what followed: `flags` (each with `addressedBy`), interviews,
 * follow-ups (on the parent), the parent and the items re-checked (on a follow-up), referrals (not
 * for the unit's own view), the manual closure and the interview-commitment clock.
 */
export async function followUpView(ctx: Ctx, r: InspectionRow, party: 'bureau' | 'unit' | null, today: string): Promise<FollowUpPart> {
  const all = await coverageOf(ctx, r);
  // The unit's own view: never the referrals (案件线索), nor a follow-up it has not been notified of yet.
  const c: Coverage = party === 'unit' ? { interviews: all.interviews, followUps: all.followUps.filter((f) => f.status !== 'planned'), referrals: [] } : all;
  const items = rectificationItemsOf(r);
  const byId = new Map(items.map((x) => [x.id, x]));
  const codes = (ids: string[], from = byId) => ids.map((id) => from.get(id)?.code ?? id);
  const flags =
    r.status === 'closed' || !r.feedbackOn
      ? []
      : rectificationFlags(items, r.rectificationDue, today).map((f) => ({ ...f, addressedBy: addressedBy(c, byId.get(f.itemId)!) }));

  let parent: FollowUpPart['parent'] = null;
  if (r.parentInspectionId) {
    const [p] = await ctx.db.select().from(inspections).where(eq(inspections.id, r.parentInspectionId));
    if (p) {
      const re = new Set((r.followUpItemIds as string[] | null) ?? []);
      parent = {
        id: p.id,
        code: p.code,
        status: p.status as InspectionStatus,
        statusLabel: statusLabel(p.status),
        feedbackDocNumber: p.feedbackDocNumber,
        items: rectificationItemsOf(p)
          .filter((x) => re.has(x.id))
          .map((x) => ({
            id: x.id,
            entryId: x.entryId,
            code: x.code,
            title: x.title,
            text: x.text,
            status: x.status ?? 'open',
            statusLabel: RECTIFICATION_ITEM_STATUS_LABELS[x.status ?? 'open'],
            returnCount: x.returnCount ?? 0,
          })),
      };
    }
  }

  const [clockRow] = await statement(ctx.db, 'inspections.commitment_clock', (db, name) =>
    db
      .select()
      .from(clocks)
      .where(
        and(
          eq(clocks.orgId, sql.placeholder('orgId')),
          eq(clocks.entityType, CLOCK_ENTITY),
          eq(clocks.entityId, sql.placeholder('id')),
          eq(clocks.kind, CLOCK_KIND_COMMITMENT),
        ),
      )
      .prepare(name),
  ).execute({ orgId: r.orgId, id: r.id });
  let commitment: FollowUpPart['commitment'] = null;
  if (clockRow) {
    const k = computeClock(await loadWorkCalendar(ctx.db), clockRow.spec as ClockSpec, today);
    commitment = { label: clockRow.label, closed: !!clockRow.closedAt, ...clockView(k) };
  }

  return {
    flags,
    interviews: c.interviews.map((i) => ({
      id: i.id,
      heldOn: i.heldOn,
      place: i.place,
      interviewers: i.interviewers as { id: string; name: string; certificateNo: string }[],
      attendees: i.attendees as { name: string; title: string }[],
      itemIds: i.itemIds as string[],
      itemCodes: codes(i.itemIds as string[]),
      content: i.content,
      commitments: i.commitments,
      commitmentDue: i.commitmentDue,
      createdAt: i.createdAt.toISOString(),
    })),
    followUps: c.followUps.map((f) => ({
      id: f.id,
      code: f.code,
      status: f.status as InspectionStatus,
      statusLabel: statusLabel(f.status),
      plannedDate: f.plannedDate,
      itemIds: (f.followUpItemIds as string[] | null) ?? [],
      itemCodes: codes((f.followUpItemIds as string[] | null) ?? []),
    })),
    parent,
    referrals: c.referrals.map((x) => ({
      id: x.id,
      code: x.code,
      referredOn: x.referredOn,
      status: x.status,
      statusLabel: x.statusLabel,
      facts: x.facts,
      suspectedBasis: x.suspectedBasis,
      entries: x.entries as ReferralEntry[],
      decisionNote: x.decisionNote,
    })),
    closedOn: r.closedOn,
    closeNote: r.closeNote,
    commitment,
    /** Checklist entries already referred (referrals not declined); not for the unit's own view. */
    referralEntryIds: c.referrals.filter((x) => x.status !== 'declined').flatMap((x) => x.entries.map((e) => e.entryId)),
  };
}

/** Open interview commitments of an inspection (for the clock): those whose items are not all accepted yet. */
export function pendingCommitments(interviews: InterviewRow[], items: RectificationItem[]): InterviewRow[] {
  const accepted = new Set(items.filter((x) => x.status === 'accepted').map((x) => x.id));
  return interviews.filter((i) => i.commitmentDue && !(i.itemIds as string[]).every((id) => accepted.has(id)));
}

// ---------------------------------------------------------------------------------------------
// The interview-commitment clock (dashboard)

/**
 * Keep the `inspection.commitment` clock in step: due on the earliest commitment date among the
 * interviews whose items are not all accepted yet; closed (met on the day) once none is left or
 * the inspection is closed. Called after an interview, a review and a closure.
 */
export async function syncCommitmentClock(ctx: Ctx, inspectionId: string): Promise<void> {
  const [r] = await ctx.db.select().from(inspections).where(eq(inspections.id, inspectionId));
  if (!r) return;
  const interviews = await ctx.db
    .select()
    .from(inspectionInterviews)
    .where(eq(inspectionInterviews.inspectionId, r.id))
    .orderBy(asc(inspectionInterviews.heldOn));
  if (!interviews.some((i) => i.commitmentDue)) return;
  const today = todayInChina(ctx.now());
  const items = rectificationItemsOf(r);
  const pending = pendingCommitments(interviews, items).sort((a, b) => a.commitmentDue!.localeCompare(b.commitmentDue!));
  const key = and(eq(clocks.orgId, r.orgId), eq(clocks.entityType, CLOCK_ENTITY), eq(clocks.entityId, r.id), eq(clocks.kind, CLOCK_KIND_COMMITMENT));
  if (r.status === 'closed' || pending.length === 0) {
    const [open] = await ctx.db.select().from(clocks).where(key);
    if (open && !open.closedAt) {
      await ctx.db
        .update(clocks)
        .set({ spec: { ...(open.spec as ClockSpec), completedOn: r.closedOn ?? today }, closedAt: ctx.now() })
        .where(eq(clocks.id, open.id));
    }
    return;
  }
  const first = pending[0]!;
  const byId = new Map(items.map((x) => [x.id, x]));
  // Calendar days from the interview to the committed date; a commitment for the day of the interview itself counts as 1 day from the day before.
  const days = daysBetween(first.heldOn, first.commitmentDue!);
  const spec: ClockSpec =
    days >= 1
      ? { start: first.heldOn, period: days, unit: 'calendar', dueSoonDays: 3 }
      : { start: addDays(first.commitmentDue!, -1), period: 1, unit: 'calendar', dueSoonDays: 3 };
  const label = `约谈整改承诺（${r.code}，${await unitNameOf(ctx, r.unitId)}，${(first.itemIds as string[]).map((id) => byId.get(id)?.code ?? id).join('、')}）：承诺 ${first.commitmentDue} 前完成整改`;
  await syncClock(ctx, { orgId: r.orgId, entityType: CLOCK_ENTITY, entityId: r.id, kind: CLOCK_KIND_COMMITMENT, label, spec, closed: false, assigneeId: null });
}
