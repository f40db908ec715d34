/**
 * The one transaction template of an application's writes (used by the applications and fees areas):
 * lock the row, authorise, refuse a decided application, put due consultation lapses on the timeline
 * first, apply the use case's change, record it, keep the clocks in step, answer the detail. Each use
 * case is a short closure over the locked row.
 */
import { eq, sql } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import type { Action } from '../../kernel/auth/roles.js';
import type { WorkCalendar } from '../../kernel/calendar/index.js';
import { loadWorkCalendar } from '../../kernel/calendar/store.js';
import { statement } from '../../kernel/db/statements.js';
import { conflict } from '../../kernel/http/errors.js';
import { guardRecord } from '../../kernel/tenancy/index.js';
import { statusOf } from './applications/clock.js';
import { recordLapses, syncClocks } from './applications/clocks.service.js';
import type { ApplicationDetail } from './applications/contracts.js';
import { detailOf } from './applications/present.js';
import { auditView } from './applications/rules.js';
import { OUTCOME_BY_CODE, type OutcomeCode } from './labels.js';
import { disclosureApplications, type ApplicationRow } from './schema.js';

/**
 * The application the actor may `action` on: 404 outside the org tree (existence not leaked), 403
 * when only readable; locked `FOR UPDATE` on request.
 */
export async function loadApplication(ctx: ActorCtx, id: string, action: Action, lock = false): Promise<{ a: ApplicationRow; orgPath: string }> {
  const [row] = lock
    ? await ctx.db.select().from(disclosureApplications).where(eq(disclosureApplications.id, id)).for('update')
    : await statement(ctx.db, 'disclosure.application_by_id', (db, name) =>
        db
          .select()
          .from(disclosureApplications)
          .where(eq(disclosureApplications.id, sql.placeholder('id')))
          .prepare(name),
      ).execute({ id });
  const { orgPath, ...a } = await guardRecord(ctx, row, action, '政府信息公开申请');
  return { a, orgPath };
}

/**
 * Loads the application for update, checks the actor may `action` on it and that it is not
 * decided, applies `change` and records `auditAction` — all in one transaction.
 */
export async function act(
  ctx: ActorCtx,
  id: string,
  auditAction: string,
  change: (r: ApplicationRow, tx: ActorCtx, cal: WorkCalendar) => Promise<Partial<ApplicationRow>> | Partial<ApplicationRow>,
  action: 'disclosure.handle' | 'disclosure.approve' = 'disclosure.handle',
): Promise<ApplicationDetail> {
  return inTx(ctx, async (tx) => {
    const { a: before } = await loadApplication(tx, id, action, true);
    if (before.decidedOn) {
      throw conflict(`该申请已于 ${before.decidedOn} 答复（${OUTCOME_BY_CODE[before.outcome as OutcomeCode]?.shortLabel ?? before.outcome}），不能再办理`, {
        decidedOn: '已答复',
      });
    }
    const cal = await loadWorkCalendar(tx.db);
    // a consultation whose 15 working days passed unanswered is put on the timeline first (once)
    const current = await recordLapses(tx, before, cal);
    const set = await change(current, tx, cal);
    const merged = { ...current, ...set } as ApplicationRow;
    const status = statusOf(merged);
    const [after] = await tx.db
      .update(disclosureApplications)
      .set({ ...set, status, updatedAt: tx.now() })
      .where(eq(disclosureApplications.id, id))
      .returning();
    await recordEvent(tx, {
      orgId: before.orgId,
      action: auditAction,
      entityType: 'disclosureApplication',
      entityId: id,
      before: auditView(current),
      after: auditView(after!),
    });
    await syncClocks(tx, after!, cal);
    return detailOf(tx, after!);
  });
}
