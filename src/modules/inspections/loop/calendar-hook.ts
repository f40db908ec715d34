/**
 * The inspections module's part in entering a year's official holiday schedule (kernel
 * `CalendarChangeHook`, RULES.md §1): rebuild, under the new calendar and in the same transaction,
 * what was derived from the old one before the kernel compares the open clocks —
 * - each open notice clock (its spec counts backwards from the announced date, so it is recounted), and
 *   each open self-inspection clock (due the working day before the announced date);
 * - the stored rectification deadline `inspections.rectification_due` (read by figures, monitors, the
 *   interview letter) from its open clock.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import { computeClock, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { clocks } from '../../../kernel/schema.js';
import { units } from '../../orgs/index.js';
import { inspections } from '../schema.js';
import { CLOCK_ENTITY, CLOCK_KIND_NOTICE, CLOCK_KIND_RECTIFICATION, CLOCK_KIND_SELF, syncNoticeClock, syncSelfInspectionClock } from './core.service.js';

export async function inspectionCalendarHook(tx: ActorCtx, cal: WorkCalendar, today: string): Promise<void> {
  const open = await tx.db
    .select({ kind: clocks.kind, entityId: clocks.entityId, spec: clocks.spec })
    .from(clocks)
    .where(
      and(eq(clocks.entityType, CLOCK_ENTITY), isNull(clocks.closedAt), inArray(clocks.kind, [CLOCK_KIND_NOTICE, CLOCK_KIND_SELF, CLOCK_KIND_RECTIFICATION])),
    );
  /** Rewrites the clocks of these inspections with `sync` (one read of the inspections and their units). */
  const resync = async (ids: string[], sync: typeof syncNoticeClock) => {
    if (!ids.length) return;
    const rows = await tx.db
      .select({ i: inspections, unitName: units.name })
      .from(inspections)
      .innerJoin(units, eq(units.id, inspections.unitId))
      .where(inArray(inspections.id, ids));
    for (const { i, unitName } of rows) await sync(tx, i, unitName, cal);
  };
  const noticeIds = open.filter((c) => c.kind === CLOCK_KIND_NOTICE).map((c) => c.entityId);
  await resync(noticeIds, syncNoticeClock);
  // The self-inspection clock counts to the working day before the announced date: recounted too.
  await resync(
    open.filter((c) => c.kind === CLOCK_KIND_SELF && !noticeIds.includes(c.entityId)).map((c) => c.entityId),
    syncSelfInspectionClock,
  );
  for (const c of open.filter((x) => x.kind === CLOCK_KIND_RECTIFICATION)) {
    const due = computeClock(cal, c.spec as ClockSpec, today).due;
    if (due) await tx.db.update(inspections).set({ rectificationDue: due }).where(eq(inspections.id, c.entityId));
  }
}
