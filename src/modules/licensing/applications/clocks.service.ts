/**
 * An application's clocks in the kernel `clocks` table (what the dashboard and the calendar's recompute
 * read), kept in step by every write: 受理, 决定, 颁发证件 (a grant), 公开 (a decision). And the deemed
 * acceptance (行政许可法第三十二条: silence for 5 working days = accepted as of receipt) put on the
 * timeline once — by the next write of the application (`act`), or by the sweep at start and every
 * 10 minutes; reads show it as recorded (`withDeemed`) and never write.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { inTx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { users } from '../../../kernel/schema.js';
import { licensingApplications, licensingItems, type ApplicationRow } from '../schema.js';
import {
  ACCEPTANCE_DAYS,
  acceptanceSpec,
  ARTICLE,
  awaitingCorrection,
  certificateSpec,
  CLOCK_ENTITY,
  CLOCK_KIND,
  deemedAcceptance,
  decisionSpec,
  publicationSpec,
  statusOf,
} from './clock.js';
import { schedulePeriodic } from '../../../kernel/http/periodic.js';
import { deemedAcceptanceLetter } from './letters.js';

/** The record a clock's label names. */
export const clockName = (r: Pick<ApplicationRow, 'code' | 'applicantName'>, itemName: string) => `${r.code}，${r.applicantName}：${itemName}`;

export const CLOCK_LABELS = {
  acceptance: (name: string) => `行政许可受理期限（${name}）`,
  decision: (name: string) => `行政许可决定期限（${name}）`,
  certificate: (name: string) => `颁发行政许可证件期限（${name}）`,
  publication: (name: string) => `行政许可决定公开期限（${name}）`,
};

/** The display name of a user (the approving head, the requester). */
export async function userName(ctx: Ctx, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const [u] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return u?.displayName;
}

/** Writes the application's clocks as the record stands (an imported record's history has none). */
export async function syncClocks(ctx: Ctx, r: ApplicationRow, item: { name: string; statutoryDays: number }): Promise<void> {
  if (r.source === 'import' && (r.decidedOn || r.withdrawnOn)) return;
  const name = clockName(r, item.name);
  const base = { orgId: r.orgId, entityType: CLOCK_ENTITY, entityId: r.id };
  const ended = !!r.withdrawnOn || !!r.decidedOn;
  await syncClock(ctx, {
    ...base,
    kind: CLOCK_KIND.acceptance,
    label: CLOCK_LABELS.acceptance(name),
    spec: acceptanceSpec(r),
    closed: ended || !!r.acceptedOn || awaitingCorrection(r),
  });
  await syncClock(ctx, {
    ...base,
    kind: CLOCK_KIND.decision,
    label: CLOCK_LABELS.decision(name),
    spec: decisionSpec(r, item.statutoryDays, await userName(ctx, r.extensionApprovedBy)),
    closed: ended || awaitingCorrection(r),
  });
  if (r.decidedOn && !r.withdrawnOn && r.source !== 'import') {
    if (r.result === 'granted') {
      await syncClock(ctx, {
        ...base,
        kind: CLOCK_KIND.certificate,
        label: CLOCK_LABELS.certificate(name),
        spec: certificateSpec(r),
        closed: !!r.certificateIssuedOn,
      });
    }
    await syncClock(ctx, { ...base, kind: CLOCK_KIND.publication, label: CLOCK_LABELS.publication(name), spec: publicationSpec(r), closed: !!r.publishedOn });
  }
}

/**
 * Records a due deemed acceptance (idempotent; the caller holds the row lock): the application is
 * accepted as of receipt (or of the corrected materials), its 受理通知书 issued (letters.ts), one event,
 * the clocks in step. Returns the row as it is afterwards.
 */
export async function recordDeemed(
  ctx: Ctx,
  r: ApplicationRow,
  cal: WorkCalendar,
  item: { name: string; statutoryDays: number; department?: string | null },
): Promise<ApplicationRow> {
  const today = todayInChina(ctx.now());
  const d = deemedAcceptance(cal, r, today);
  if (!d) return r;
  const next = { ...r, acceptedOn: d.on, acceptanceDeemed: true };
  const letter = await deemedAcceptanceLetter(ctx, r, item, cal, d.on, today);
  const letters = { ...r.letters, acceptance: letter };
  const [after] = await ctx.db
    .update(licensingApplications)
    .set({ acceptedOn: d.on, acceptanceDeemed: true, letters, status: statusOf(next), updatedAt: ctx.now() })
    .where(eq(licensingApplications.id, r.id))
    .returning();
  await recordEvent(ctx, {
    orgId: r.orgId,
    action: 'licensing.application.deemed_accepted',
    entityType: CLOCK_ENTITY,
    entityId: r.id,
    after: {
      acceptedOn: d.on,
      acceptanceDeemed: true,
      note: `自${r.correctedOn ? '收到补正材料' : '收到申请材料'}之日起 ${ACCEPTANCE_DAYS} 个工作日内（至 ${d.due}）未受理也未一次性告知补正，自 ${d.on} 起即为受理（${ARTICLE.acceptance}）`,
      letters,
    },
  });
  await syncClocks(ctx, after!, item);
  return after!;
}

/**
 * The row with a due deemed acceptance recorded now, in its own transaction (what the sweep would do
 * within 10 minutes): so the 受理通知书 of a silent acceptance can be had the day it takes effect.
 */
export async function recordDeemedNow(
  ctx: Ctx,
  r: ApplicationRow,
  item: { name: string; statutoryDays: number; department?: string | null },
): Promise<ApplicationRow> {
  const cal = await loadWorkCalendar(ctx.db);
  if (!deemedAcceptance(cal, r, todayInChina(ctx.now()))) return r;
  return inTx(ctx, async (tx) => {
    const [locked] = await tx.db.select().from(licensingApplications).where(eq(licensingApplications.id, r.id)).for('update');
    return recordDeemed(tx, locked!, cal, item);
  });
}

export const DEEMED_SWEEP_MS = 10 * 60_000;

/** Records every due deemed acceptance of every org; returns how many applications it wrote. */
export async function sweepDeemedAcceptances(ctx: Ctx): Promise<number> {
  const t = licensingApplications;
  const candidates = await ctx.db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.status, 'submitted'), isNull(t.acceptedOn)));
  if (!candidates.length) return 0;
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  let written = 0;
  for (const { id } of candidates) {
    const done = await inTx(ctx, async (tx) => {
      const [r] = await tx.db.select().from(t).where(eq(t.id, id)).for('update', { skipLocked: true });
      if (!r || !deemedAcceptance(cal, r, today)) return false;
      const [item] = await tx.db
        .select({ name: licensingItems.name, statutoryDays: licensingItems.statutoryDays, department: licensingItems.department })
        .from(licensingItems)
        .where(eq(licensingItems.id, r.itemId));
      await recordDeemed(tx, r, cal, item!);
      return true;
    });
    if (done) written += 1;
  }
  return written;
}

/** Runs the sweep when the app is ready and then periodically; stops with the app. */
export function scheduleDeemedSweep(app: FastifyInstance, everyMs = DEEMED_SWEEP_MS): void {
  schedulePeriodic(app, {
    name: 'licensing: deemed acceptance sweep',
    what: 'application(s) recorded as accepted by silence',
    everyMs,
    run: () => sweepDeemedAcceptances({ db: app.db, actor: null, now: app.now }),
  });
}
