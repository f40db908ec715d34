/**
 * The 自查表 clock (`inspection.self`, issue 13 §1) is written with the notice; inspections notified
 * before it existed have none, so their unit's 工作台 would stay empty. When the app is ready, every
 * notified inspection without one gets it (idempotent: only the missing rows, one statement to find them).
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../../kernel/context.js';
import { clocks } from '../../../kernel/schema.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { units } from '../../orgs/index.js';
import { inspections } from '../schema.js';
import { CLOCK_ENTITY, CLOCK_KIND_SELF, syncSelfInspectionClock } from './core.service.js';

/** Writes the missing self-inspection clocks of notified inspections; returns how many. */
export async function backfillSelfInspectionClocks(ctx: Ctx): Promise<number> {
  const rows = await ctx.db
    .select({ i: inspections, unitName: units.name })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(
      and(
        eq(inspections.status, 'notified'),
        isNotNull(inspections.noticeOn),
        sql`NOT EXISTS (SELECT 1 FROM ${clocks} WHERE ${clocks.orgId} = ${inspections.orgId} AND ${clocks.entityType} = ${CLOCK_ENTITY}
              AND ${clocks.entityId} = ${inspections.id}::text AND ${clocks.kind} = ${CLOCK_KIND_SELF})`,
      ),
    );
  if (!rows.length) return 0;
  const cal = await loadWorkCalendar(ctx.db);
  for (const { i, unitName } of rows) await syncSelfInspectionClock(ctx, i, unitName, cal);
  return rows.length;
}

/** Runs the backfill once when the app is ready (a failure is logged, never fatal). */
export function scheduleSelfClockBackfill(app: FastifyInstance): void {
  app.addHook('onReady', async () => {
    try {
      const n = await backfillSelfInspectionClocks({ db: app.db, actor: null, now: app.now });
      if (n) app.log.info(`inspections: wrote the 自查表 clock of ${n} notified inspection(s)`);
    } catch (err) {
      app.log.error({ err }, 'inspections: 自查表 clock backfill failed');
    }
  });
}
