/**
 * Creating inspections: one per unit of a published draw (its drawn team, the plan's checklist
 * version, the draw's planned date), or ad hoc (专项/临时检查: unit, team by the draw's rules,
 * published inspection checklist, date, reason). A unit inspected within `repeatInspectionDays`
 * is a warning (监测预警), never a refusal.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent, recordEvents, type AuditInput } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { addDays, daysBetween, clockSnapshot } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { arrayParam } from '../../../kernel/db/paging.js';
import { formatRecordCode } from '../../../kernel/documents/index.js';
import { clocks, docSequences } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { AppError, conflict, fieldError } from '../../../kernel/http/errors.js';
import { guardRecord } from '../../../kernel/tenancy/index.js';
import { units } from '../../orgs/index.js';
import { checklistVersions, checklists, inspectionDraws, inspectionPlans, inspections } from '../schema.js';
import type { InspectorSnapshot } from '../plans/contracts.js';
import { repeatWarningsFor } from '../figures/figures.service.js';
import { effectiveDate, repeatMessage } from '../figures/figures.js';
import type { AdHocInspectionInput, AdHocResult, FromDrawResult } from './contracts.js';
import { CLOCK_ENTITY, CLOCK_KIND_NOTICE, checkTeam, insertInspection } from './core.service.js';
import { noticeClockSpec } from './loop.js';
import { getInspection, presentSummary } from './detail.service.js';

/** Rows written per statement (the arrays are single parameters; this only bounds a statement's size). */
const CHUNK = 5000;
/** Events per recordEvents call (its multi-row inserts hold 500; a call locks and moves the chain head once). */
const EVENTS_PER_CALL = 500;

/**
 * One inspection per unit of a published draw: its drawn team, the plan's checklist version, the
 * draw's planned date. Set-based: a constant number of statements whatever the number of units —
 * the drawn units and teams read from the record in SQL, the codes J-2025-001… allocated as one
 * range of the yearly series, the inspections and their notice clocks inserted from arrays, the
 * events appended in multi-row inserts (recordEvents), the repeat warnings from one query.
 */
export async function createFromDraw(ctx: ActorCtx, drawUuid: string): Promise<FromDrawResult> {
  const made = await inTx(ctx, async (tx) => {
    const [d] = await tx.db
      .select({
        id: inspectionDraws.id,
        orgId: inspectionDraws.orgId,
        planId: inspectionDraws.planId,
        drawId: inspectionDraws.drawId,
        status: inspectionDraws.status,
        plannedDate: inspectionDraws.plannedDate,
        inspectorPool: inspectionDraws.inspectorPool,
        // The drawn units in draw order and each one's team, without the record's candidate lists.
        selected: sql<unknown>`${inspectionDraws.result} -> 'selected'`,
        teams: sql<Record<string, string[]> | null>`(SELECT jsonb_object_agg(t ->> 'unitId', t -> 'selected')
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${inspectionDraws.result} -> 'teams') = 'array' THEN ${inspectionDraws.result} -> 'teams' ELSE '[]' END) AS t
          WHERE t ->> 'unitId' IS NOT NULL)`,
      })
      .from(inspectionDraws)
      .where(eq(inspectionDraws.id, drawUuid))
      .for('update');
    const draw = await guardRecord(tx, d, 'inspection.manage', '抽取批次');
    if (draw.status !== 'published') throw conflict(`批次 ${draw.drawId} 尚未公布，不能据此生成检查`);
    const [later] = await tx.db.select({ drawId: inspectionDraws.drawId }).from(inspectionDraws).where(eq(inspectionDraws.supersedesId, draw.id));
    if (later) throw conflict(`批次 ${draw.drawId} 已被 ${later.drawId} 取代，请按新批次生成检查`);
    const [existing] = await tx.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(inspections)
      .where(eq(inspections.drawId, draw.id));
    if (existing!.n) throw conflict(`批次 ${draw.drawId} 的检查已经生成（${existing!.n} 项），不能重复生成`);
    const [plan] = await tx.db
      .select({ title: inspectionPlans.title, checklistVersionId: inspectionPlans.checklistVersionId })
      .from(inspectionPlans)
      .where(eq(inspectionPlans.id, draw.planId));
    if (!plan?.checklistVersionId)
      throw new AppError('unprocessable', `计划“${plan?.title ?? ''}”未指定检查表，不能生成检查`, { fields: { checklistVersionId: '计划未指定检查表' } });
    const selected = Array.isArray(draw.selected) ? draw.selected.map(String) : [];
    if (selected.length === 0) return { ids: [], orgId: draw.orgId, plannedDate: draw.plannedDate };
    const pool = new Map((draw.inspectorPool as InspectorSnapshot[]).map((i) => [i.id, i]));
    const names = new Map(
      (
        await tx.db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(sql`${units.id} = ANY(${arrayParam(selected)}::uuid[])`)
      ).map((u) => [u.id, u.name]),
    );

    // J-2025-001 …: one range of the yearly series for the whole draw (all share the planned date's year), in draw order.
    const year = Number(draw.plannedDate.slice(0, 4));
    const [seq] = await tx.db
      .insert(docSequences)
      .values({ orgId: draw.orgId, series: 'inspection.code', year, lastSeq: selected.length })
      .onConflictDoUpdate({
        target: [docSequences.orgId, docSequences.series, docSequences.year],
        set: { lastSeq: sql`${docSequences.lastSeq} + ${selected.length}` },
      })
      .returning({ last: docSequences.lastSeq });
    const first = seq!.last - selected.length + 1;
    const planned = selected.map((unitId, i) => ({
      unitId,
      unitName: names.get(unitId) ?? unitId,
      code: formatRecordCode('J', year, first + i),
      team: (draw.teams?.[unitId] ?? []).map((id) => pool.get(id)!),
    }));

    const now = tx.now();
    const idOf = new Map<string, string>();
    for (let i = 0; i < planned.length; i += CHUNK) {
      const part = planned.slice(i, i + CHUNK);
      const rows = await tx.db.execute<{ id: string; unit_id: string }>(sql`
        INSERT INTO ${inspections} (org_id, code, unit_id, source, draw_id, reason, checklist_version_id, planned_date, team, status, created_by, created_at, updated_at)
        SELECT ${draw.orgId}, x.code, x.unit_id, 'draw', ${draw.id}, NULL, ${plan.checklistVersionId}, ${draw.plannedDate}, x.team, 'planned',
          ${tx.actor.userId}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM ROWS FROM (
          unnest(${arrayParam(part.map((p) => p.code))}::text[]),
          unnest(${arrayParam(part.map((p) => p.unitId))}::uuid[]),
          jsonb_array_elements(${JSON.stringify(part.map((p) => p.team))}::jsonb)
        ) WITH ORDINALITY AS x(code, unit_id, team, n)
        ORDER BY x.n
        RETURNING id, unit_id`);
      for (const r of rows.rows) idOf.set(r.unit_id, r.id);
    }

    // Each notice clock (送达检查通知书): the same spec for every one (same planned date, made today), its own label.
    const n = await getSetting(tx.db, draw.orgId, 'inspectionNoticeDays');
    const cal = await loadWorkCalendar(tx.db);
    const { spec } = noticeClockSpec(cal, { plannedDate: draw.plannedDate, noticeOn: null }, todayInChina(now), n);
    // …and the same stored snapshot (kernel calendar/clocks.ts), so the dashboard need not compute them on its first read.
    const snap = clockSnapshot(cal, spec, todayInChina(now));
    for (let i = 0; i < planned.length; i += CHUNK) {
      const part = planned.slice(i, i + CHUNK);
      await tx.db.execute(sql`
        INSERT INTO ${clocks} (org_id, entity_type, entity_id, kind, label, spec, assignee_id, closed_at, created_at,
                               due, due_soon_from, due_provisional, due_paused, due_settled, due_stale_from, due_stored)
        SELECT ${draw.orgId}, ${CLOCK_ENTITY}, x.entity_id, ${CLOCK_KIND_NOTICE}, x.label, ${JSON.stringify(spec)}::jsonb, NULL, NULL, ${now.toISOString()}::timestamptz,
               ${snap.due}::date, ${snap.dueSoonFrom}::date, ${snap.provisional}, ${snap.paused}, ${snap.settled}::text, ${snap.staleFrom}::date, true
        FROM unnest(${arrayParam(part.map((p) => idOf.get(p.unitId)!))}::text[], ${arrayParam(part.map((p) => `送达检查通知书（${p.code}，${p.unitName}，检查日 ${draw.plannedDate}）`))}::text[])
          AS x(entity_id, label)
        ON CONFLICT (org_id, entity_type, entity_id, kind) DO UPDATE SET label = excluded.label, spec = excluded.spec, closed_at = NULL,
          due = excluded.due, due_soon_from = excluded.due_soon_from, due_provisional = excluded.due_provisional, due_paused = excluded.due_paused,
          due_settled = excluded.due_settled, due_stale_from = excluded.due_stale_from, due_stored = true`);
    }

    // The whole-process record: one event per inspection, in draw order, as insertInspection's plus the draw's code;
    // appended EVENTS_PER_CALL at a time (each call hashes its events in one go: the event loop gets a turn between).
    const events = planned.map((p): AuditInput => ({
      orgId: draw.orgId,
      action: 'inspection.create',
      entityType: 'inspection',
      entityId: idOf.get(p.unitId)!,
      after: {
        code: p.code,
        unitId: p.unitId,
        unitName: p.unitName,
        source: 'draw',
        drawId: draw.id,
        reason: null,
        checklistVersionId: plan.checklistVersionId,
        plannedDate: draw.plannedDate,
        team: p.team,
        status: 'planned',
        drawCode: draw.drawId,
      },
    }));
    for (let i = 0; i < events.length; i += EVENTS_PER_CALL) await recordEvents(tx, events.slice(i, i + EVENTS_PER_CALL));
    return { ids: planned.map((p) => idOf.get(p.unitId)!), orgId: draw.orgId, plannedDate: draw.plannedDate };
  });
  if (made.ids.length === 0) return { items: [], warnings: [] };
  const rows = await ctx.db
    .select({ i: inspections, unitName: units.name })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(sql`${inspections.id} = ANY(${arrayParam(made.ids)}::uuid[])`)
    .orderBy(asc(inspections.code));
  // 监测预警: a unit inspected within `repeatInspectionDays` is a warning, not a refusal.
  const byUnit = await repeatWarningsForUnits(
    ctx,
    made.orgId,
    rows.map((r) => r.i.unitId),
    made.plannedDate,
    made.ids,
  );
  const warnings = rows.flatMap((r) => (byUnit.get(r.i.unitId) ?? []).map((w) => `${r.unitName}（${r.i.code}）：${w}`));
  return { items: rows.map((r) => presentSummary(r.i, r.unitName)), warnings };
}

/**
 * `repeatWarningsFor` (figures.service.ts) for many units planned on one day, in one query: each
 * unit's other inspections within `repeatInspectionDays` of `plannedDate`, nearest day first.
 */
async function repeatWarningsForUnits(ctx: Ctx, orgId: string, unitIds: string[], plannedDate: string, excludeIds: string[]): Promise<Map<string, string[]>> {
  const days = await getSetting(ctx.db, orgId, 'repeatInspectionDays');
  const lo = addDays(plannedDate, -days);
  const hi = addDays(plannedDate, days);
  const excluded = new Set(excludeIds);
  const rows = await ctx.db
    .select({
      id: inspections.id,
      unitId: inspections.unitId,
      code: inspections.code,
      plannedDate: inspections.plannedDate,
      onSiteDate: inspections.onSiteDate,
      signedOn: inspections.signedOn,
    })
    .from(inspections)
    .where(and(eq(inspections.orgId, orgId), sql`${inspections.unitId} = ANY(${arrayParam(unitIds)}::uuid[])`));
  const near = new Map<string, { r: (typeof rows)[number]; d: string }[]>();
  for (const r of rows) {
    if (excluded.has(r.id)) continue;
    const d = effectiveDate(r);
    if (d >= lo && d <= hi) near.set(r.unitId, [...(near.get(r.unitId) ?? []), { r, d }]);
  }
  const out = new Map<string, string[]>();
  for (const [unitId, list] of near) {
    list.sort((a, b) => a.d.localeCompare(b.d) || a.r.code.localeCompare(b.r.code));
    out.set(
      unitId,
      list.map(({ r, d }) => repeatMessage(r, Math.abs(daysBetween(d, plannedDate)))),
    );
  }
  return out;
}

/**
 * The team for a unit on a date, by the rules the draw uses: at least two distinct inspectors of
 * the org, active, certificate valid on the date (档案法实施条例第四十七条), no conflict (回避) with the unit.

/** An ad-hoc inspection (专项/临时检查): unit, team, published inspection checklist version, date, reason. */
export async function createAdHoc(ctx: ActorCtx, input: AdHocInspectionInput): Promise<AdHocResult> {
  const { id, warnings } = await inTx(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    authorize(tx.actor, 'inspection.manage', { orgId, orgPath: tx.actor.orgPath });
    const [unit] = await tx.db
      .select()
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.orgId, orgId)));
    if (!unit) throw fieldError('unitId', '检查对象不存在或不属于本机关');
    if (unit.status !== 'active') throw fieldError('unitId', `检查对象“${unit.name}”已注销，不能检查`);
    const [version] = await tx.db
      .select({ v: checklistVersions, kind: checklists.kind, name: checklists.name })
      .from(checklistVersions)
      .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
      .where(and(eq(checklistVersions.id, input.checklistVersionId), eq(checklistVersions.orgId, orgId)));
    if (!version) throw fieldError('checklistVersionId', '检查表版本不存在或不属于本机关');
    if (version.v.status !== 'published') throw fieldError('checklistVersionId', `检查表“${version.name}”第 ${version.v.version} 版尚未发布，不能用于检查`);
    if (version.kind !== 'inspection') throw fieldError('checklistVersionId', `“${version.name}”不是检查表（现场检查须使用检查表）`);
    const today = todayInChina(tx.now());
    if (input.plannedDate < today) throw fieldError('plannedDate', `计划检查日期 ${input.plannedDate} 早于今天（${today}）`);
    const team = await checkTeam(tx, orgId, unit.id, input.inspectorIds, input.plannedDate);
    const { row, event } = await insertInspection(
      tx,
      { orgId, unitId: unit.id, source: 'ad_hoc', drawId: null, reason: input.reason, checklistVersionId: version.v.id, plannedDate: input.plannedDate, team },
      unit.name,
    );
    await recordEvent(tx, event);
    return { id: row.id, warnings: await repeatWarningsFor(tx, orgId, unit.id, input.plannedDate, [row.id]) };
  });
  return { ...(await getInspection(ctx, id)), warnings };
}
