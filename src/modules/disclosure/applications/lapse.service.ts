/**
 * A consultation of a third party (条例第三十二条) or another agency (第三十四条) that stays silent past
 * its 15 working days: the reply period runs again from the next working day by itself. The clock
 * needs no write for that — `replyClockSpec` ends the pause at the consultation's due date — but the
 * application's timeline must say so. Two writers, both idempotent (a consultation's `lapsedOn` is set
 * once, under the row lock): the next write of the application (`act` records due lapses first), and
 * this sweep, run when the app is ready and then every `LAPSE_SWEEP_MS`. Reads never write; they show
 * the status as if the lapse were recorded (`withLapses`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { inTx, type Ctx } from '../../../kernel/context.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { disclosureApplications } from '../schema.js';
import { pendingLapses } from './clock.js';
import { recordLapses } from './clocks.service.js';
import { schedulePeriodic } from '../../../kernel/http/periodic.js';

export const LAPSE_SWEEP_MS = 10 * 60_000;

/** Records every due lapse of every org; returns how many applications it wrote. */
export async function sweepConsultationLapses(ctx: Ctx): Promise<number> {
  const t = disclosureApplications;
  const candidates = await ctx.db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.status, 'consulting'), isNull(t.decidedOn)));
  if (!candidates.length) return 0;
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  let written = 0;
  for (const { id } of candidates) {
    const done = await inTx(ctx, async (tx) => {
      // one application at a time, skipping a row another writer holds (it records the lapse itself)
      const [r] = await tx.db.select().from(t).where(eq(t.id, id)).for('update', { skipLocked: true });
      if (!r || r.decidedOn || !pendingLapses(r, cal, today).length) return false;
      await recordLapses(tx, r, cal);
      return true;
    });
    if (done) written += 1;
  }
  return written;
}

/** Runs the sweep when the app is ready and then periodically; stops with the app. */
export function scheduleLapseSweep(app: FastifyInstance, everyMs = LAPSE_SWEEP_MS): void {
  schedulePeriodic(app, {
    name: 'disclosure: consultation lapse sweep',
    what: 'application(s) with lapsed consultations recorded',
    everyMs,
    run: () => sweepConsultationLapses({ db: app.db, actor: null, now: app.now }),
  });
}
