/**
 * An application's clocks in the kernel `clocks` table (what the dashboard and the calendar's
 * recompute read): the reply clock and each consultation's, kept in step by every write; a silent
 * consultation's lapse put on the timeline once; and the calendar hook that rewrites the reply clocks
 * whose consultation pause depends on a year just entered.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { CONSULTATION_KIND_LABELS } from '../labels.js';
import { disclosureApplications, type ApplicationRow } from '../schema.js';
import {
  CLOCK_ENTITY,
  CLOCK_KIND_CONSULTATION,
  CLOCK_KIND_REPLY,
  CONSULT_ARTICLE,
  CONSULTATION_PERIOD,
  consultationSpec,
  pendingLapses,
  replyClockSpec,
  statusOf,
} from './clock.js';
import { approverName } from './present.js';

/** The record the label names: its tracking code, applicant and the start of its content. */
const clockName = (r: ApplicationRow) => `${r.applicantName}：${r.content.length > 20 ? `${r.content.slice(0, 20)}…` : r.content}`;

/** The reply clock's label (also written by the bulk import). */
export const replyClockLabel = (r: ApplicationRow, name = clockName(r)) => `政府信息公开申请答复期限（${r.trackingCode}，${name}）`;

export async function syncClocks(ctx: Ctx, r: ApplicationRow, cal: WorkCalendar): Promise<void> {
  const approver = await approverName(ctx, r.extensionApprovedBy);
  await syncClock(ctx, {
    orgId: r.orgId,
    entityType: CLOCK_ENTITY,
    entityId: r.id,
    kind: CLOCK_KIND_REPLY,
    label: replyClockLabel(r),
    spec: replyClockSpec(r, cal, approver),
    closed: !!r.decidedOn,
  });
  for (const c of r.consultations) {
    await syncClock(ctx, {
      orgId: r.orgId,
      entityType: 'disclosureConsultation',
      entityId: c.id,
      kind: CLOCK_KIND_CONSULTATION,
      label: `征求${CONSULTATION_KIND_LABELS[c.kind]}意见答复期限（${c.party}，申请 ${r.trackingCode}）`,
      spec: consultationSpec(c),
      closed: !!c.to || !!c.lapsedOn || !!r.decidedOn,
    });
  }
}

/**
 * Records on the application's timeline that a consultation's 15 working days passed without an
 * answer and the reply period runs again (条例第三十二、三十四条): marks the consultation `lapsedOn`,
 * updates the status and the clocks, one event per consultation. Idempotent (a lapse is recorded
 * once); the caller holds the row lock. Returns the row as it is afterwards.
 */
export async function recordLapses(ctx: Ctx, r: ApplicationRow, cal: WorkCalendar): Promise<ApplicationRow> {
  const lapses = pendingLapses(r, cal, todayInChina(ctx.now()));
  if (!lapses.length) return r;
  const byId = new Map(lapses.map((l) => [l.consultation.id, l]));
  const consultations = r.consultations.map((c) => (byId.has(c.id) ? { ...c, lapsedOn: byId.get(c.id)!.resumedOn } : c));
  const status = statusOf({ ...r, consultations });
  const [after] = await ctx.db
    .update(disclosureApplications)
    .set({ consultations, status, updatedAt: ctx.now() })
    .where(eq(disclosureApplications.id, r.id))
    .returning();
  for (const l of lapses) {
    const c = l.consultation;
    await recordEvent(ctx, {
      orgId: r.orgId,
      action: 'disclosure.application.consultation_lapsed',
      entityType: 'disclosureApplication',
      entityId: r.id,
      after: {
        note: `征求${CONSULTATION_KIND_LABELS[c.kind]}（${c.party}）意见的期限（${CONSULTATION_PERIOD}个工作日）已于 ${l.due} 届满，未收到答复；答复期限自 ${l.resumedOn} 起恢复计算（${CONSULT_ARTICLE[c.kind]}）`,
        consultationId: c.id,
      },
    });
  }
  await syncClocks(ctx, after!, cal);
  return after!;
}

/**
 * When an admin enters a year's official schedule (kernel CalendarChangeHook): the stored reply clocks
 * of open applications with a consultation end that pause at the consultation's due date, counted
 * under the calendar of the day they were written; rewrite them under the new calendar, in the
 * kernel's transaction, before it compares the open clocks and reports the dates that moved.
 */
export async function resyncConsultationClocks(ctx: Ctx, cal: WorkCalendar): Promise<void> {
  const t = disclosureApplications;
  const rows = await ctx.db
    .select()
    .from(t)
    .where(and(sql`${t.decidedOn} IS NULL`, sql`jsonb_array_length(${t.consultations}) > 0`));
  for (const r of rows) await syncClocks(ctx, r, cal);
}
