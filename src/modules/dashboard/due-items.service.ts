/**
 * 工作台: what is due and overdue for me. Statutory clocks (kernel `clocks` table, computed by the
 * one Clock model) plus inspector certificates that are expiring or expired.
 */
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ActorCtx } from '../../kernel/context.js';
import { hasAction } from '../../kernel/auth/policy.js';
import { clocks, orgs } from '../../kernel/schema.js';
import { addDays, computeClockOrPending, daysBetween, provisionalNote, type ClockSpec, type ClockState } from '../../kernel/calendar/index.js';
import { clockStateSql, refreshClockSnapshots } from '../../kernel/calendar/clocks.js';
import { clockDaysText, daysLeftFrom } from '../../kernel/calendar/clock.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { mayEnterCalendar, nextYearNotice } from '../../kernel/calendar/years.service.js';
import { allDueKinds, awaitingItems, dueKind, type AwaitingItem } from '../../kernel/module.js';
import { limitOffset } from '../../kernel/http/responses.js';
import { arrayParam } from '../../kernel/db/paging.js';
import { getSetting } from '../../kernel/settings.js';
import { inspectors } from '../orgs/index.js';
import type { ApprovalItem, BelowQuery, BelowResponse, CalendarNotice, Dashboard, DashboardQuery, DueItem, OrgLateness } from './contracts.js';
import { notFound } from '../../kernel/http/errors.js';
import type { WorkCalendar } from '../../kernel/calendar/index.js';

/** Certificates are not clocks: the dashboard computes them here (their kind's label). */
const CERTIFICATE_LABEL = '执法证有效期';

export type { CalendarNotice, DueItem } from './contracts.js';

/** The dashboard's order: most urgent state first. */
const STATE_RANK = sql`CASE state WHEN 'overdue' THEN 0 WHEN 'due_soon' THEN 1 WHEN 'running' THEN 2 WHEN 'paused' THEN 3 ELSE 4 END`;

/**
 * Which of the org's open clocks the actor sees, as SQL over `clocks`. Each due item passes the same
 * policy as the record it names: its kind's read action (declared by the module that writes such
 * clocks), or the module's narrower rule for those without it (a unit's archivist and its own
 * inspections); a kind no module declares shows to the record's auditors only.
 */
async function visibleClocks(ctx: ActorCtx): Promise<SQL> {
  const kinds = allDueKinds();
  const readable: string[] = [];
  const narrower: string[] = [];
  for (const [name, k] of kinds) {
    if (hasAction(ctx.actor, k.read)) readable.push(name);
    else if (k.visibleWithout) narrower.push(name);
  }
  const mine = and(eq(clocks.orgId, ctx.actor.orgId), isNull(clocks.closedAt), or(isNull(clocks.assigneeId), eq(clocks.assigneeId, ctx.actor.userId)))!;
  // The narrower rules decide per record: ask each with the records of its kind's open clocks.
  const allowed: string[] = [];
  if (narrower.length) {
    const rows = await ctx.db
      .select({ id: clocks.id, kind: clocks.kind, entityId: clocks.entityId })
      .from(clocks)
      .where(and(mine, sql`${clocks.kind} = ANY(${arrayParam(narrower)}::text[])`));
    for (const kind of narrower) {
      const list = rows.filter((r) => r.kind === kind);
      if (!list.length) continue;
      const ok = await kinds.get(kind)!.visibleWithout!(
        ctx,
        list.map((r) => r.entityId),
      );
      allowed.push(...list.filter((r) => ok.has(r.entityId)).map((r) => r.id));
    }
  }
  return sql`${mine} AND (
    ${clocks.kind} = ANY(${arrayParam(readable)}::text[])
    OR (${hasAction(ctx.actor, 'audit.read')} AND ${clocks.kind} <> ALL(${arrayParam([...kinds.keys()])}::text[]))
    OR ${clocks.id} = ANY(${arrayParam(allowed)}::uuid[]))`;
}

/**
 * 工作台: a page of my open due items, most urgent first, and my counts by state. Clocks are filtered,
 * ordered, counted and paged in SQL from their stored snapshot (kernel calendar/clocks.ts); the full
 * computation with its "为什么是这一天" runs only for the rows of the page.
 */
export async function myDueItems(ctx: ActorCtx, q: DashboardQuery = { page: 1, pageSize: 20 }): Promise<Dashboard> {
  const today = todayInChina(ctx.now());
  // my org's stale snapshots and those of the orgs below it (下级机构), in one statement
  await refreshClockSnapshots(ctx, { subtreeOf: ctx.actor.orgPath }, today);
  const warnDays = await getSetting(ctx.db, ctx.actor.orgId, 'certificateWarnDays');
  const horizon = addDays(today, warnDays);
  const allCertificates = hasAction(ctx.actor, 'inspector.write');
  const visible = await visibleClocks(ctx);

  // Certificates: an admin who keeps the inspector directory sees all; an inspector sees their own.
  const open = sql`
    SELECT 'clock' AS source, ${clocks.id} AS id, ${clocks.due}::text AS due, ${clockStateSql(today)} AS state
      FROM ${clocks} WHERE ${visible}
    UNION ALL
    SELECT 'certificate', ${inspectors.id}, ${inspectors.certExpiresOn}::text,
           CASE WHEN ${inspectors.certExpiresOn} < ${today}::date THEN 'overdue' ELSE 'due_soon' END
      FROM ${inspectors}
     WHERE ${inspectors.orgId} = ${ctx.actor.orgId} AND ${inspectors.status} = 'active' AND ${inspectors.certExpiresOn} <= ${horizon}::date
       AND (${allCertificates} OR ${inspectors.userId} = ${ctx.actor.userId})`;
  const { limit, offset } = limitOffset(q);
  const [page, byState] = await Promise.all([
    ctx.db.execute<{ source: 'clock' | 'certificate'; id: string; total: string }>(sql`
      WITH open AS (${open})
      SELECT source, id, count(*) OVER () AS total FROM open
       WHERE ${q.state ?? null}::text IS NULL OR state = ${q.state ?? null}
       ORDER BY ${STATE_RANK}, due NULLS LAST, source DESC, id
       LIMIT ${limit} OFFSET ${offset}`),
    ctx.db.execute<{ state: ClockState; n: string }>(sql`WITH open AS (${open}) SELECT state, count(*) AS n FROM open GROUP BY state`),
  ]);
  const rows = page.rows;
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && q.page > 1) {
    // Past the last page: the total still answers.
    const [c] = (
      await ctx.db.execute<{ n: string }>(
        sql`WITH open AS (${open}) SELECT count(*) AS n FROM open WHERE ${q.state ?? null}::text IS NULL OR state = ${q.state ?? null}`,
      )
    ).rows;
    total = Number(c?.n ?? 0);
  }

  const clockIds = rows.filter((r) => r.source === 'clock').map((r) => r.id);
  const certIds = rows.filter((r) => r.source === 'certificate').map((r) => r.id);
  const [clockRows, certRows] = await Promise.all([
    clockIds.length
      ? ctx.db
          .select()
          .from(clocks)
          .where(sql`${clocks.id} = ANY(${arrayParam(clockIds)}::uuid[])`)
      : Promise.resolve([]),
    certIds.length
      ? ctx.db
          .select()
          .from(inspectors)
          .where(sql`${inspectors.id} = ANY(${arrayParam(certIds)}::uuid[])`)
      : Promise.resolve([]),
  ]);
  const cal = clockRows.length ? await loadWorkCalendar(ctx.db) : null;
  const clockById = new Map(clockRows.map((c) => [c.id, c]));
  const certById = new Map(certRows.map((i) => [i.id, i]));
  const items: DueItem[] = [];
  for (const row of rows) {
    if (row.source === 'clock') {
      const c = clockById.get(row.id);
      if (!c) continue;
      items.push(clockItem(c, cal!, today));
      continue;
    }
    const i = certById.get(row.id);
    if (!i) continue;
    const left = daysBetween(today, i.certExpiresOn);
    items.push({
      key: `certificate:${i.id}`,
      kind: 'certificate',
      kindLabel: CERTIFICATE_LABEL,
      label: `${i.name} 的执法证（${i.certificateNo}）${left < 0 ? '已过期' : '即将到期'}`,
      entityType: 'inspector',
      entityId: i.id,
      due: i.certExpiresOn,
      provisional: false,
      provisionalYears: [],
      provisionalNote: null,
      daysLeft: left,
      unit: 'calendar',
      daysText: left < 0 ? `已过期 ${-left} 个自然日` : left === 0 ? '今日到期' : `剩余 ${left} 个自然日`,
      state: left < 0 ? 'overdue' : 'due_soon',
      explanation: [
        `执法证有效期至 ${i.certExpiresOn}（档案法实施条例第四十七条：执法人员应持有效证件）`,
        left < 0 ? `今天 ${today} 已过期 ${-left} 天（自然日），不得参加检查` : `今天 ${today} 距到期还有 ${left} 天（自然日），提醒期 ${warnDays} 天`,
      ],
    });
  }
  const count = (s: ClockState) => Number(byState.rows.find((r) => r.state === s)?.n ?? 0);

  let calendarNotice: CalendarNotice | null = null;
  // Only the admin who may enter the (national) calendar is asked to: the top org's.
  if (mayEnterCalendar(ctx.actor)) {
    const n = await nextYearNotice(ctx, ctx.actor.orgId);
    if (n) {
      calendarNotice = {
        ...n,
        message:
          `国务院办公厅尚未公布（或尚未录入）${n.year}年节假日安排。` +
          (n.openClocks ? `本机关已有 ${n.openClocks} 个未办结的期限延伸到 ${n.year} 年，其届满日暂按法定节假日推算（预计）。` : '') +
          `通知公布后，请在“工作日历”中粘贴通知原文录入，系统将重新计算所有期限。`,
      };
    }
  }
  return {
    calendarNotice,
    below: await orgsBelow(ctx, today),
    ...(await myAwaiting(ctx, today, visible)),
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: { overdue: count('overdue'), dueSoon: count('due_soon'), running: count('running'), paused: count('paused') },
  };
}

/** A clock as a due item: computed in full, with its "为什么是这一天". */
function clockItem(c: typeof clocks.$inferSelect, cal: WorkCalendar, today: string): DueItem {
  const r = computeClockOrPending(cal, c.spec as ClockSpec, today);
  return {
    key: `clock:${c.id}`,
    kind: c.kind,
    kindLabel: dueKind(c.kind)?.label ?? '法定期限',
    label: c.label,
    entityType: c.entityType,
    entityId: c.entityId,
    due: r.due,
    provisional: r.provisional,
    provisionalYears: r.provisionalYears,
    provisionalNote: r.provisional ? provisionalNote(r.provisionalYears) : null,
    daysLeft: r.daysLeft,
    unit: r.unit,
    daysText: clockDaysText(r),
    state: r.state,
    explanation: r.explanation,
  };
}

/**
 * 下级机构 → one org: its open due items of the kinds the actor may read, most urgent first, paged in
 * SQL from the stored snapshots (refreshed for the subtree by the dashboard; here for this org). 404
 * for an org that is not below the actor's.
 */
export async function dueItemsBelow(ctx: ActorCtx, orgId: string, q: BelowQuery): Promise<BelowResponse> {
  const [org] = await ctx.db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), sql`${orgs.path} LIKE ${`${ctx.actor.orgPath}%`}`, sql`${orgs.id} <> ${ctx.actor.orgId}`));
  if (!org) throw notFound('下级机构');
  const today = todayInChina(ctx.now());
  await refreshClockSnapshots(ctx, { subtreeOf: org.path }, today);
  const readable = [...allDueKinds()].filter(([, k]) => hasAction(ctx.actor, k.read)).map(([name]) => name);
  const state = clockStateSql(today);
  const where = and(
    eq(clocks.orgId, org.id),
    isNull(clocks.closedAt),
    sql`${clocks.kind} = ANY(${arrayParam(readable)}::text[])`,
    q.state ? sql`${state} = ${q.state}` : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const rows = await ctx.db
    .select({ c: clocks, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(clocks)
    .where(where)
    .orderBy(
      sql`CASE ${state} WHEN 'overdue' THEN 0 WHEN 'due_soon' THEN 1 WHEN 'running' THEN 2 WHEN 'paused' THEN 3 ELSE 4 END`,
      sql`${clocks.due} NULLS LAST`,
      clocks.id,
    )
    .limit(limit)
    .offset(offset);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && q.page > 1)
    total =
      (
        await ctx.db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(clocks)
          .where(where)
      )[0]?.n ?? 0;
  const cal = rows.length ? await loadWorkCalendar(ctx.db) : null;
  return { org: { id: org.id, name: org.name }, items: rows.map((r) => clockItem(r.c, cal!, today)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * 下级机构: how late each org below the actor's is — its open due items overdue and due soon, of the
 * kinds the actor may read — counted in SQL over the subtree (snapshots refreshed by the caller), the
 * latest first.
 */
async function orgsBelow(ctx: ActorCtx, today: string): Promise<OrgLateness[]> {
  const below = sql`${orgs.path} LIKE ${`${ctx.actor.orgPath}%`} AND ${orgs.id} <> ${ctx.actor.orgId}`;
  const readable = [...allDueKinds()].filter(([, k]) => hasAction(ctx.actor, k.read)).map(([name]) => name);
  const state = clockStateSql(today);
  const rows = await ctx.db
    .select({
      orgId: orgs.id,
      orgName: orgs.name,
      path: orgs.path,
      overdue: sql<number>`count(${clocks.id}) FILTER (WHERE ${state} = 'overdue')`.mapWith(Number),
      dueSoon: sql<number>`count(${clocks.id}) FILTER (WHERE ${state} = 'due_soon')`.mapWith(Number),
      open: sql<number>`count(${clocks.id})`.mapWith(Number),
    })
    .from(orgs)
    .leftJoin(clocks, and(eq(clocks.orgId, orgs.id), isNull(clocks.closedAt), sql`${clocks.kind} = ANY(${arrayParam(readable)}::text[])`))
    .where(below)
    .groupBy(orgs.id, orgs.name, orgs.path)
    .orderBy(sql`4 DESC`, sql`5 DESC`, orgs.path);
  const depthOf = (path: string) => path.split('/').filter(Boolean).length - ctx.actor.orgPath.split('/').filter(Boolean).length;
  return rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, depth: depthOf(r.path), overdue: r.overdue, dueSoon: r.dueSoon, open: r.open }));
}

/** Days before its day an approval or publication counts as due soon (in its unit). */
const AWAITING_SOON_DAYS = 5;

/** The most publication deadlines listed in 待我公开 (the rest are on the work list). */
const PUBLICATIONS_SHOWN = 50;

/**
 * 待我审批 and 待我公开: what awaits the actor's approval or publication in the modules' records
 * (kernel/module.ts `awaiting`), and for 待我公开 also the open publication deadlines (clock kinds
 * declared `publication`) the actor may read; most urgent first.
 */
async function myAwaiting(ctx: ActorCtx, today: string, visible: SQL): Promise<{ approvals: ApprovalItem[]; publications: ApprovalItem[] }> {
  const awaiting = await awaitingItems(ctx);
  const publicationKinds = [...allDueKinds()].filter(([, k]) => k.publication).map(([name]) => name);
  const clockRows = publicationKinds.length
    ? await ctx.db
        .select()
        .from(clocks)
        .where(sql`${visible} AND ${clocks.kind} = ANY(${arrayParam(publicationKinds)}::text[])`)
        .orderBy(sql`${clocks.due} NULLS LAST`, clocks.id)
        .limit(PUBLICATIONS_SHOWN)
    : [];
  if (!awaiting.length && !clockRows.length) return { approvals: [], publications: [] };
  const cal = await loadWorkCalendar(ctx.db);
  const fromRecords = awaiting.map((a): ApprovalItem & { list: AwaitingItem['list'] } => {
    const left = daysLeftFrom(cal, a.unit, today, a.due);
    const state: ClockState = left < 0 ? 'overdue' : left <= AWAITING_SOON_DAYS ? 'due_soon' : 'running';
    return {
      list: a.list,
      key: `${a.entityType}:${a.entityId}`,
      kindLabel: a.kindLabel,
      label: a.label,
      entityType: a.entityType,
      entityId: a.entityId,
      due: a.due,
      state,
      daysText: clockDaysText({ state, daysLeft: left, unit: a.unit }),
      basis: a.basis,
    };
  });
  const fromClocks = clockRows.map((c): ApprovalItem => {
    const r = computeClockOrPending(cal, c.spec as ClockSpec, today);
    return {
      key: `clock:${c.id}`,
      kindLabel: dueKind(c.kind)?.label ?? '公开',
      label: c.label,
      entityType: c.entityType,
      entityId: c.entityId,
      due: r.due ?? today,
      state: r.state,
      daysText: clockDaysText(r),
      basis: r.explanation[0] ?? '',
    };
  });
  const byDue = (a: ApprovalItem, b: ApprovalItem) => a.due.localeCompare(b.due);
  const strip = ({ list: _, ...a }: ApprovalItem & { list: AwaitingItem['list'] }): ApprovalItem => a;
  return {
    approvals: fromRecords
      .filter((a) => a.list === 'approval')
      .map(strip)
      .sort(byDue),
    publications: [...fromRecords.filter((a) => a.list === 'publication').map(strip), ...fromClocks].sort(byDue),
  };
}
