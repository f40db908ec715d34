/**
 * 检查统计 and 监测预警 over the database: loads the records of the orgs in scope (the actor's org or
 * a readable descendant, optionally with every org below it — 含下级, read-only roll-up) and the unit
 * type asked for, then applies the pure figures of figures.ts. Nothing here writes.
 */
import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { addDays, daysBetween } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import type { FigureRecord as KernelFigureRecord } from '../../../kernel/figures/contracts.js';
import type { FigureSet } from '../../../kernel/figures/registry.js';
import { notFound, validation } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { units } from '../../orgs/index.js';
import { evaluations, inspectionInterviews, inspections } from '../schema.js';
import type { RectificationItem } from '../loop/loop.js';
import type { FigureRecordsQuery, FigureRecordsResult, FiguresQuery, FiguresResult, MonitorsQuery, MonitorsResult } from './contracts.js';
import {
  FIGURES,
  FIGURE_NAMES,
  asOfDay,
  effectiveDate,
  inspectorWorkload,
  overdueRectifications,
  repeatInspections,
  repeatMessage,
  sortRecords,
  type FigureData,
  type FigureDef,
  type FigureEvaluation,
  type FigureInspection,
  type FigureInterview,
  type FigureName,
  type FigureRecord,
  type Period,
} from './figures.js';

type ScopeQuery = { orgId?: string | undefined; includeDescendants: boolean };

/** The orgs a figure covers: the chosen one, and with 含下级 every org below it (by path). */
async function scopeOf(ctx: ActorCtx, q: ScopeQuery) {
  authorize(ctx.actor, 'inspection.read', { orgId: ctx.actor.orgId, orgPath: ctx.actor.orgPath });
  const org = await readableOrg(ctx, q.orgId);
  const list = q.includeDescendants
    ? await ctx.db
        .select({ id: orgs.id, name: orgs.name, path: orgs.path })
        .from(orgs)
        .where(like(orgs.path, `${org.path}%`))
        .orderBy(asc(orgs.path))
    : [org];
  return {
    org,
    orgs: list.map((o) => ({ id: o.id, name: o.name, depth: o.path.split('/').filter(Boolean).length - org.path.split('/').filter(Boolean).length })),
  };
}

function periodOf(ctx: Ctx, q: { from?: string | undefined; to?: string | undefined }): Period {
  const today = todayInChina(ctx.now());
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw validation('起始日期不能晚于截止日期', { from: '起始日期不能晚于截止日期' });
  return { from, to, today };
}

const resultsOfRecord = sql<
  ('compliant' | 'non_compliant' | 'not_applicable' | null)[]
>`coalesce((SELECT jsonb_agg(x->'result') FROM jsonb_array_elements(coalesce(${inspections.record}->'items', '[]'::jsonb)) x), '[]'::jsonb)`;

const presentOfRecord = sql<string[] | null>`${inspections.record}->'inspectorsPresent'`;

async function loadInspections(ctx: Ctx, orgIds: string[], unitType?: string): Promise<FigureInspection[]> {
  const where: SQL[] = [inArray(inspections.orgId, orgIds)];
  if (unitType) where.push(eq(units.type, unitType));
  const rows = await ctx.db
    .select({
      id: inspections.id,
      orgId: inspections.orgId,
      orgName: orgs.name,
      code: inspections.code,
      unitId: inspections.unitId,
      unitName: units.name,
      unitType: units.type,
      unitCreditCode: units.creditCode,
      source: inspections.source,
      parentInspectionId: inspections.parentInspectionId,
      status: inspections.status,
      plannedDate: inspections.plannedDate,
      onSiteDate: inspections.onSiteDate,
      signedOn: inspections.signedOn,
      feedbackOn: inspections.feedbackOn,
      feedbackDocNumber: inspections.feedbackDocNumber,
      rectificationItems: inspections.rectificationItems,
      rectificationDue: inspections.rectificationDue,
      closedOn: inspections.closedOn,
      results: resultsOfRecord,
      present: presentOfRecord,
      team: inspections.team,
    })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .innerJoin(orgs, eq(orgs.id, inspections.orgId))
    .where(and(...where));
  return rows.map((r) => ({
    ...r,
    rectificationItems: (r.rectificationItems as RectificationItem[] | null) ?? [],
    results: r.results ?? [],
    team: ((r.team as FigureInspection['team'] | null) ?? []).map((t) => ({ id: t.id, name: t.name, certificateNo: t.certificateNo })),
  }));
}

async function loadInterviews(ctx: Ctx, orgIds: string[], unitType?: string): Promise<FigureInterview[]> {
  const v = inspectionInterviews;
  const where: SQL[] = [inArray(v.orgId, orgIds)];
  if (unitType) where.push(eq(units.type, unitType));
  return ctx.db
    .select({
      id: v.id,
      orgId: v.orgId,
      orgName: orgs.name,
      inspectionId: v.inspectionId,
      inspectionCode: inspections.code,
      unitId: v.unitId,
      unitName: units.name,
      unitType: units.type,
      heldOn: v.heldOn,
      place: v.place,
    })
    .from(v)
    .innerJoin(inspections, eq(inspections.id, v.inspectionId))
    .innerJoin(units, eq(units.id, v.unitId))
    .innerJoin(orgs, eq(orgs.id, v.orgId))
    .where(and(...where));
}

async function loadEvaluations(ctx: Ctx, orgIds: string[], unitType?: string): Promise<FigureEvaluation[]> {
  const e = evaluations;
  const where: SQL[] = [inArray(e.orgId, orgIds)];
  if (unitType) where.push(eq(units.type, unitType));
  return ctx.db
    .select({
      id: e.id,
      orgId: e.orgId,
      orgName: orgs.name,
      title: e.title,
      unitId: e.unitId,
      unitName: units.name,
      unitType: units.type,
      evaluatedOn: e.evaluatedOn,
      grade: e.grade,
      score: e.score,
      maxScore: e.maxScore,
    })
    .from(e)
    .leftJoin(units, eq(units.id, e.unitId))
    .innerJoin(orgs, eq(orgs.id, e.orgId))
    .where(and(...where));
}

async function loadData(ctx: ActorCtx, q: FiguresQuery) {
  const scope = await scopeOf(ctx, q);
  const period = periodOf(ctx, q);
  const ids = scope.orgs.map((o) => o.id);
  const data: FigureData = {
    inspections: await loadInspections(ctx, ids, q.unitType),
    interviews: await loadInterviews(ctx, ids, q.unitType),
    evaluations: await loadEvaluations(ctx, ids, q.unitType),
    calendar: await loadWorkCalendar(ctx.db),
  };
  return { scope, period, data };
}

const countBy = (rs: FigureRecord[], orgIds: { id: string; name: string }[]) =>
  orgIds.map((o) => ({ orgId: o.id, orgName: o.name, value: rs.filter((r) => r.orgId === o.id).length }));

/** Every figure's value, by org (含下级) and, for a distribution, by bucket. */
export async function figures(ctx: ActorCtx, q: FiguresQuery): Promise<FiguresResult> {
  return (await figuresWithRecords(ctx, q)).result;
}

/**
 * The figures and, from the same load, every record each one counts, in the drill-down's order (the
 * .xlsx export: export.service.ts).
 */
export async function figuresWithRecords(ctx: ActorCtx, q: FiguresQuery): Promise<{ result: FiguresResult; records: Record<FigureName, FigureRecord[]> }> {
  const { scope, period, data } = await loadData(ctx, q);
  const records = {} as Record<FigureName, FigureRecord[]>;
  const result: FiguresResult = {
    period: { from: period.from, to: period.to, asOf: asOfDay(period), today: period.today },
    org: { id: scope.org.id, name: scope.org.name },
    includeDescendants: q.includeDescendants,
    unitType: q.unitType ?? null,
    orgs: scope.orgs,
    figures: FIGURE_NAMES.map((name) => {
      const def: FigureDef = FIGURES[name];
      const rs = def.fn(data, period);
      records[name] = sortRecords(rs);
      return {
        name,
        label: def.label,
        unit: def.unit,
        definition: def.definition,
        value: rs.length,
        byOrg: countBy(rs, scope.orgs),
        buckets: def.buckets
          ? Object.entries(def.buckets).map(([key, label]) => {
              const inBucket = rs.filter((r) => r.bucket === key);
              return { key, label, value: inBucket.length, byOrg: countBy(inBucket, scope.orgs) };
            })
          : null,
      };
    }),
  };
  return { result, records };
}

/** The records behind one figure (optionally one bucket, one org of the scope), paged. */
export async function figureRecords(ctx: ActorCtx, name: FigureName, q: FigureRecordsQuery): Promise<FigureRecordsResult> {
  const def: FigureDef | undefined = FIGURES[name as FigureName];
  if (!def) throw notFound('统计项');
  if (q.key && !def.buckets?.[q.key])
    throw validation(`“${def.label}”没有分组“${q.key}”`, { key: def.buckets ? `应为 ${Object.keys(def.buckets).join('、')} 之一` : '该统计项不分组' });
  const { scope, period, data } = await loadData(ctx, q);
  if (q.recordOrgId && !scope.orgs.some((o) => o.id === q.recordOrgId)) throw notFound('机构');
  let rs = def.fn(data, period);
  if (q.key) rs = rs.filter((r) => r.bucket === q.key);
  if (q.recordOrgId) rs = rs.filter((r) => r.orgId === q.recordOrgId);
  const sorted = sortRecords(rs);
  return {
    name,
    label: def.label,
    unit: def.unit,
    definition: def.definition,
    key: q.key ?? null,
    keyLabel: q.key ? def.buckets![q.key]! : null,
    period: { from: period.from, to: period.to, asOf: asOfDay(period) },
    total: sorted.length,
    items: sorted.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// 监测预警

/** Repeat inspections, overdue rectifications and inspector workload for the orgs in scope. */
export async function monitors(ctx: ActorCtx, q: MonitorsQuery): Promise<MonitorsResult> {
  const scope = await scopeOf(ctx, q);
  const today = todayInChina(ctx.now());
  const year = today.slice(0, 4);
  const period: Period = { from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31`, today };
  const list = await loadInspections(
    ctx,
    scope.orgs.map((o) => o.id),
  );
  const repeatDays = await getSetting(ctx.db, scope.org.id, 'repeatInspectionDays');
  const monthlyMax = await getSetting(ctx.db, scope.org.id, 'inspectorMonthlyMax');
  return {
    today,
    period: { from: period.from, to: period.to },
    org: { id: scope.org.id, name: scope.org.name },
    includeDescendants: q.includeDescendants,
    settings: { repeatInspectionDays: repeatDays, inspectorMonthlyMax: monthlyMax },
    repeats: repeatInspections(list, repeatDays, period),
    overdue: overdueRectifications(list, today, await loadWorkCalendar(ctx.db)),
    workload: inspectorWorkload(list, monthlyMax, period),
  };
}

/**
 * Warnings for a new inspection of `unitId` on `plannedDate` (创建检查时的重复检查提醒): every other
 * inspection of the unit whose day (on site, else planned) lies within
 * `repeatInspectionDays` of it, before or after. A warning, never a refusal.
 */
export async function repeatWarningsFor(ctx: Ctx, orgId: string, unitId: string, plannedDate: string, excludeIds: string[] = []): Promise<string[]> {
  const days = await getSetting(ctx.db, orgId, 'repeatInspectionDays');
  const lo = addDays(plannedDate, -days);
  const hi = addDays(plannedDate, days);
  const rows = await ctx.db
    .select({
      id: inspections.id,
      code: inspections.code,
      plannedDate: inspections.plannedDate,
      onSiteDate: inspections.onSiteDate,
      signedOn: inspections.signedOn,
    })
    .from(inspections)
    .where(and(eq(inspections.orgId, orgId), eq(inspections.unitId, unitId)));
  return rows
    .filter((r) => !excludeIds.includes(r.id))
    .map((r) => ({ r, d: effectiveDate(r) }))
    .filter(({ d }) => d >= lo && d <= hi)
    .sort((a, b) => a.d.localeCompare(b.d) || a.r.code.localeCompare(b.r.code))
    .map(({ r, d }) => repeatMessage(r, Math.abs(daysBetween(d, plannedDate))));
}

// ---------------------------------------------------------------------------------------------
// The kernel's figure registry (GET /api/figures, …/figures/inspections.<name>/records)

/** An inspection figure's record in the kernel's shape: titled by the inspection code and the unit (or the evaluation), linked to it. */
export function kernelRecord(r: FigureRecord): KernelFigureRecord {
  const unit = r.unitName ?? '';
  const title = r.evaluationId
    ? [r.itemTitle, unit].filter(Boolean).join(' ')
    : [r.inspectionCode, unit, r.itemCode ? `${r.itemCode} ${r.itemTitle ?? ''}`.trim() : null].filter(Boolean).join(' ');
  return {
    key: r.key,
    orgId: r.orgId,
    orgName: r.orgName,
    title,
    date: r.date,
    dateLabel: r.dateLabel,
    entityType: r.evaluationId ? 'evaluation' : r.inspectionId ? 'inspection' : null,
    entityId: r.evaluationId ?? r.inspectionId,
    note: [r.bucketLabel, r.note].filter(Boolean).join('；') || null,
  };
}

/**
 * 检查统计 in the kernel's registry: the same figures over the kernel's scope (the org, or with
 * `includeChildren` its subtree, loaded in SQL by org id) and period — so `inspections.<name>` has the
 * value /api/inspections/figures shows for the same period and org.
 */
export const inspectionFigureSet: FigureSet<FigureData> = {
  module: 'inspections',
  action: 'inspection.read',
  figures: FIGURE_NAMES.map((name) => ({ name, label: FIGURES[name].label, unit: FIGURES[name].unit })),
  load: async (ctx, scope) => ({
    inspections: await loadInspections(ctx, scope.orgIds),
    interviews: await loadInterviews(ctx, scope.orgIds),
    evaluations: await loadEvaluations(ctx, scope.orgIds),
    calendar: await loadWorkCalendar(ctx.db),
  }),
  records: (name, data, scope) => {
    const def: FigureDef | undefined = FIGURES[name as FigureName];
    return def ? sortRecords(def.fn(data, { from: scope.from, to: scope.to, today: scope.today })).map(kernelRecord) : [];
  },
};
