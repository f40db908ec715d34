/**
 * The one transaction template of an application's writes: lock the row, authorise, put a due deemed
 * acceptance on the timeline first, apply the use case's change, record it, keep the clocks in step,
 * answer the detail. Each use case is a short closure over the locked row and its item. The desk's
 * writes go through `act` (a signed-in user); the applicant's own steps on the portal (holding the
 * tracking code) through `applyStep` with the same rules.
 */
import { eq, sql } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { conflict } from '../../../kernel/http/errors.js';
import { guardRecord } from '../../../kernel/tenancy/index.js';
import { RESULT_LABELS, type Result } from '../labels.js';
import { licensingApplications, licensingItems, type ApplicationRow, type ItemRow } from '../schema.js';
import { CLOCK_ENTITY, statusOf } from './clock.js';
import { recordDeemed, syncClocks } from './clocks.service.js';
import type { ApplicationDetail } from './contracts.js';
import { detailOf } from './present.js';
import { auditView } from './rules.js';
import { statement } from '../../../kernel/db/statements.js';

type AppAction = 'licensing.read' | 'licensing.handle' | 'licensing.approve';

/** The application the actor may `action` on (404 outside the org tree, 403 when only readable), with its item. */
export async function loadApplication(ctx: ActorCtx, id: string, action: AppAction, lock = false): Promise<{ a: ApplicationRow; item: ItemRow }> {
  if (lock) {
    const [row] = await ctx.db.select().from(licensingApplications).where(eq(licensingApplications.id, id)).for('update');
    const { orgPath: _p, ...a } = await guardRecord(ctx, row, action, '行政许可申请');
    const [item] = await ctx.db.select().from(licensingItems).where(eq(licensingItems.id, a.itemId));
    return { a, item: item! };
  }
  // a read: the application with its item in one statement
  const [found] = await statement(ctx.db, 'licensing.application_with_item', (db, name) =>
    db
      .select({ a: licensingApplications, item: licensingItems })
      .from(licensingApplications)
      .innerJoin(licensingItems, eq(licensingItems.id, licensingApplications.itemId))
      .where(eq(licensingApplications.id, sql.placeholder('id')))
      .prepare(name),
  ).execute({ id });
  const { orgPath: _p, ...a } = await guardRecord(ctx, found?.a, action, '行政许可申请');
  return { a, item: found!.item };
}

/** When the change may happen: before the decision (default), or after it (certificate, publication). */
export type Phase = 'open' | 'decided';

/** A use case's change: what to set on the locked row (after a due deemed acceptance is recorded). */
export type Change<C extends Ctx> = (r: ApplicationRow, item: ItemRow, tx: C, cal: WorkCalendar) => Promise<Partial<ApplicationRow>> | Partial<ApplicationRow>;

/** Who the record names when no user is signed in: the applicant on the portal. */
export const APPLICANT_ACTOR = '申请人';

/**
 * Within the caller's transaction, on a row it holds locked: checks the application is in `phase`,
 * records a due deemed acceptance, applies `change` and records `auditAction` (as `actorName` when no
 * user acts; `extra` joins the event's after-snapshot, e.g. the files handed in), and keeps the clocks
 * in step. Returns the row as written.
 */
export async function applyStep<C extends Ctx>(
  tx: C,
  locked: ApplicationRow,
  item: ItemRow,
  auditAction: string,
  change: Change<C>,
  opts: { phase?: Phase; actorName?: string; extra?: Record<string, unknown> } = {},
): Promise<ApplicationRow> {
  const { phase = 'open' } = opts;
  if (locked.withdrawnOn) throw conflict(`该申请已于 ${locked.withdrawnOn} 撤回，不能再办理`, { withdrawnOn: '已撤回' });
  if (phase === 'open' && locked.decidedOn) {
    throw conflict(`该申请已于 ${locked.decidedOn} 作出决定（${RESULT_LABELS[locked.result as Result] ?? locked.result}），不能再办理`, {
      decidedOn: '已决定',
    });
  }
  if (phase === 'decided' && !locked.decidedOn) throw conflict('该申请尚未作出决定', { decidedOn: '尚未决定' });
  const cal = await loadWorkCalendar(tx.db);
  const current = await recordDeemed(tx, locked, cal, item);
  const set = await change(current, item, tx, cal);
  const merged = { ...current, ...set } as ApplicationRow;
  const [after] = await tx.db
    .update(licensingApplications)
    .set({ ...set, status: statusOf(merged), updatedAt: tx.now() })
    .where(eq(licensingApplications.id, locked.id))
    .returning();
  await recordEvent(tx, {
    orgId: locked.orgId,
    action: auditAction,
    entityType: CLOCK_ENTITY,
    entityId: locked.id,
    before: auditView(current),
    after: { ...auditView(after!), ...opts.extra },
    ...(opts.actorName ? { actorName: opts.actorName } : {}),
  });
  await syncClocks(tx, after!, item);
  return after!;
}

/**
 * Loads the application for update, checks the actor may `action` on it and that it is in `phase`,
 * records a due deemed acceptance, applies `change` and records `auditAction` — all in one transaction.
 */
export async function act(
  ctx: ActorCtx,
  id: string,
  auditAction: string,
  change: Change<ActorCtx>,
  opts: { action?: AppAction; phase?: Phase } = {},
): Promise<ApplicationDetail> {
  const { action = 'licensing.handle', phase = 'open' } = opts;
  return inTx(ctx, async (tx) => {
    const { a: locked, item } = await loadApplication(tx, id, action, true);
    const after = await applyStep(tx, locked, item, auditAction, change, { phase });
    return detailOf(tx, after, item);
  });
}
