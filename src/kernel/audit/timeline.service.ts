/**
 * One record's timeline (全过程记录): its events in chain order, a page at a time. Who may read it is
 * the route's business (the record kind's read action, or audit.read); this only reads. Each event comes
 * with its sentence and changed fields in people's words (present.ts) beside the raw snapshots.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { limitOffset } from '../http/responses.js';
import { notFound } from '../http/errors.js';
import { auditEvents } from '../schema.js';
import type { TimelinePage, TimelineQuery } from '../contracts.js';
import { presentEvents } from './present.js';

/**
 * A page of the events of one record of one org, oldest first (`asc`) or newest first (`desc`), by
 * sequence (id breaks ties). A record without any event is not found (404), a page past the end is empty.
 */
export async function timelinePage(db: DbOrTx, orgId: string, q: TimelineQuery): Promise<TimelinePage> {
  const e = auditEvents;
  const cond = and(eq(e.orgId, orgId), eq(e.entityType, q.entityType), eq(e.entityId, q.entityId));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(e).where(cond);
  // An org's settings always exist (their defaults): never changed is an empty record, not a missing one.
  if (total === 0 && !(q.entityType === 'settings' && q.entityId === orgId)) throw notFound();
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select()
    .from(e)
    .where(cond)
    .orderBy(...(q.order === 'desc' ? [desc(e.seq), desc(e.id)] : [asc(e.seq), asc(e.id)]))
    .limit(limit)
    .offset(offset);
  const presented = await presentEvents(db, orgId, rows);
  return {
    items: rows.map((r, i) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actorName: r.actorName,
      action: r.action,
      before: r.before,
      after: r.after,
      hash: r.hash,
      prevHash: r.prevHash,
      ...presented[i]!,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
