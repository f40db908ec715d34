/**
 * Writing a record's statutory clock into the kernel `clocks` table (what the dashboard and the
 * calendar's recompute read): one row per (org, record, kind), upserted; closing keeps the first
 * closing time. Every module writes its clocks through this.
 *
 * With the spec the row stores its snapshot (clock.ts `ClockSnapshot`: due date, first "due soon" day,
 * paused/settled/provisional), so open clocks are filtered, sorted, counted and paged in SQL and the
 * full computation with its explanation runs only for the rows a page shows. A row whose snapshot was
 * not written (inserted by SQL alone) or has gone stale is brought up to date by `refreshClockSnapshots`
 * before it is read; entering a year's schedule rewrites every open clock's (`storeClockSnapshots`).
 */
import { and, isNull, lte, not, or, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { arrayParam, inOrgs, type OrgScope } from '../db/paging.js';
import { clocks } from '../schema.js';
import type { WorkCalendar } from './calendar.js';
import { clockSnapshot, snapshotState, type ClockSnapshot, type ClockSpec, type ClockState } from './clock.js';
import { loadWorkCalendar, todayInChina } from './store.js';

export interface ClockRow {
  orgId: string;
  /** The record the clock belongs to (its timeline and page). */
  entityType: string;
  entityId: string;
  /** The clock kind a module declares in its descriptor (`dueKinds`), e.g. `inspection.notice`. */
  kind: string;
  /** Names the record, not the date (the date is computed and shown beside it). */
  label: string;
  spec: ClockSpec;
  /** The obligation is met or the record closed: off the dashboard. */
  closed: boolean;
  /** Only this user's dashboard (null: everyone who may read the record). */
  assigneeId?: string | null;
}

/** The snapshot as the row's columns. */
export function snapshotColumns(s: ClockSnapshot) {
  return {
    due: s.due,
    dueSoonFrom: s.dueSoonFrom,
    dueProvisional: s.provisional,
    duePaused: s.paused,
    dueSettled: s.settled,
    dueStaleFrom: s.staleFrom,
    dueStored: true,
  };
}

export async function syncClock(ctx: Ctx, c: ClockRow): Promise<void> {
  const now = ctx.now();
  const snap = snapshotColumns(clockSnapshot(await loadWorkCalendar(ctx.db), c.spec, todayInChina(now)));
  await ctx.db
    .insert(clocks)
    .values({
      orgId: c.orgId,
      entityType: c.entityType,
      entityId: c.entityId,
      kind: c.kind,
      label: c.label,
      spec: c.spec,
      assigneeId: c.assigneeId ?? null,
      closedAt: c.closed ? now : null,
      createdAt: now,
      ...snap,
    })
    .onConflictDoUpdate({
      target: [clocks.orgId, clocks.entityType, clocks.entityId, clocks.kind],
      set: {
        label: c.label,
        spec: c.spec,
        ...(c.assigneeId !== undefined ? { assigneeId: c.assigneeId } : {}),
        closedAt: c.closed ? sql`coalesce(${clocks.closedAt}, ${now.toISOString()}::timestamptz)` : null,
        ...snap,
      },
    });
}

/** Writes the snapshots of these clocks under `cal` as of `today`: one statement per 2,000 rows. */
export async function storeClockSnapshots(ctx: Ctx, cal: WorkCalendar, today: string, rows: readonly { id: string; spec: unknown }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({ id: r.id, s: clockSnapshot(cal, r.spec as ClockSpec, today) }));
    await ctx.db.execute(sql`
      UPDATE clocks c SET
        due = v.due, due_soon_from = v.due_soon_from, due_provisional = v.provisional, due_paused = v.paused,
        due_settled = v.settled, due_stale_from = v.stale_from, due_stored = true
      FROM unnest(
        ${arrayParam(chunk.map((x) => x.id))}::uuid[], ${arrayParam(chunk.map((x) => x.s.due))}::date[], ${arrayParam(chunk.map((x) => x.s.dueSoonFrom))}::date[],
        ${arrayParam(chunk.map((x) => x.s.provisional))}::boolean[], ${arrayParam(chunk.map((x) => x.s.paused))}::boolean[],
        ${arrayParam(chunk.map((x) => x.s.settled))}::text[], ${arrayParam(chunk.map((x) => x.s.staleFrom))}::date[]
      ) AS v(id, due, due_soon_from, provisional, paused, settled, stale_from)
      WHERE c.id = v.id`);
  }
}

/**
 * Brings the snapshots of the open clocks of `orgId` (an org, or an org's subtree) up to date where they were never written or have gone
 * stale by `today`. A no-op (one indexed query) when every row is current.
 */
export async function refreshClockSnapshots(ctx: Ctx, orgId: OrgScope, today: string): Promise<number> {
  const rows = await ctx.db
    .select({ id: clocks.id, spec: clocks.spec })
    .from(clocks)
    .where(and(inOrgs(clocks.orgId, orgId), isNull(clocks.closedAt), or(not(clocks.dueStored), lte(clocks.dueStaleFrom, today))));
  if (rows.length) await storeClockSnapshots(ctx, await loadWorkCalendar(ctx.db), today, rows);
  return rows.length;
}

/** The SQL of an open clock's state on `today` from its stored snapshot (clock.ts `snapshotState`). */
export function clockStateSql(today: string) {
  return sql<ClockState>`CASE
    WHEN ${clocks.dueSettled} IS NOT NULL THEN ${clocks.dueSettled}
    WHEN ${clocks.due} IS NULL THEN CASE WHEN ${clocks.duePaused} THEN 'paused' ELSE 'running' END
    WHEN ${today}::date > ${clocks.due} THEN 'overdue'
    WHEN ${today}::date >= ${clocks.dueSoonFrom} THEN 'due_soon'
    ELSE 'running' END`;
}

/** A clock row's stored snapshot, to select beside the record it belongs to (a left join: all null without a row). */
export const storedSnapshotColumns = {
  due: clocks.due,
  dueSoonFrom: clocks.dueSoonFrom,
  provisional: clocks.dueProvisional,
  paused: clocks.duePaused,
  settled: clocks.dueSettled,
  staleFrom: clocks.dueStaleFrom,
  stored: clocks.dueStored,
  closedAt: clocks.closedAt,
};

export interface StoredSnapshot {
  due: string | null;
  dueSoonFrom: string | null;
  provisional: boolean | null;
  paused: boolean | null;
  settled: string | null;
  staleFrom: string | null;
  stored: boolean | null;
  closedAt: Date | null;
}

export interface StoredDue {
  due: string | null;
  provisional: boolean;
  provisionalYears: number[];
  clockState: ClockState;
}

/**
 * A list row's due date and state on `today` read from its clock's stored snapshot, or null where it
 * must be computed: no row or never written, stale by `today`, or closed on a provisional year (entering
 * a year rewrites open clocks only). `fromYear` is the first year the period can reach (its start's);
 * the provisional years are those from it to the due date that are not entered.
 */
export function storedDue(s: StoredSnapshot | null, cal: WorkCalendar, today: string, fromYear: number): StoredDue | null {
  if (!s?.stored) return null;
  if (s.closedAt ? s.provisional : s.staleFrom !== null && s.staleFrom <= today) return null;
  const snap: ClockSnapshot = {
    due: s.due,
    dueSoonFrom: s.dueSoonFrom,
    provisional: !!s.provisional,
    paused: !!s.paused,
    settled: s.settled === 'met' || s.settled === 'missed' ? s.settled : null,
    staleFrom: s.staleFrom,
  };
  const provisionalYears: number[] = [];
  if (snap.provisional && snap.due) for (let y = fromYear; y <= Number(snap.due.slice(0, 4)); y++) if (cal.isProvisionalYear(y)) provisionalYears.push(y);
  return { due: snap.due, provisional: snap.provisional, provisionalYears, clockState: snapshotState(snap, today) };
}
