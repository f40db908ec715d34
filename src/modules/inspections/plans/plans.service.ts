/**
 * 年度检查计划 — annual inspection plan: scope (unit types, risk tiers), target coverage, schedule,
 * the checklist version it inspects against. Edited while a draft; published in advance (事前公开)
 * with the item list and the certified inspectors (name, certificate number) as of that day.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { fieldError, conflict } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { orgs } from '../../../kernel/schema.js';
import { can } from '../../../kernel/auth/policy.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { inspectors } from '../../orgs/index.js';
import { RISK_TIERS, RISK_TIER_LABELS, UNIT_TYPE_LABELS, type RiskTier, type UnitType } from '../../orgs/contracts.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionDraws, inspectionPlans } from '../schema.js';
import { AREA_LABELS, DRAW_STATUS_LABELS, PLAN_STATUS_LABELS, type Area, type DrawStatus, type PlanStatus } from '../labels.js';
import type {
  InspectorSnapshot,
  PlanDetail,
  PlanInput,
  PlanList,
  PlanListQuery,
  PlanPatch,
  PlanView,
  PublicPlanList,
  PublicPlanQuery,
  TargetCoverage,
} from './contracts.js';
import { planActions } from './rules.js';

type PlanRow = typeof inspectionPlans.$inferSelect;

function presentPlan(p: PlanRow): PlanView {
  return {
    id: p.id,
    orgId: p.orgId,
    year: p.year,
    title: p.title,
    scope: p.scope,
    unitTypes: p.unitTypes as UnitType[],
    unitTypeLabels: p.unitTypes.map((t) => UNIT_TYPE_LABELS[t as UnitType] ?? t),
    riskTiers: p.riskTiers as RiskTier[],
    riskTierLabels: p.riskTiers.map((t) => RISK_TIER_LABELS[t as RiskTier] ?? t),
    stratifyByRisk: p.stratifyByRisk,
    targetCoverage: p.targetCoverage as TargetCoverage,
    schedule: p.schedule,
    checklistVersionId: p.checklistVersionId,
    inspectors: (p.inspectorsSnapshot as InspectorSnapshot[] | null) ?? null,
    status: p.status as PlanStatus,
    statusLabel: PLAN_STATUS_LABELS[p.status as PlanStatus] ?? p.status,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function loadPlan(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false): Promise<PlanRow> {
  const q = ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  const [row] = lock ? await q.for('update') : await q;
  await guardRecord(ctx, row, action, '检查计划');
  return row!;
}

/** The plan's checklist version must be an inspection checklist of the same org, already published. */
async function checkVersion(ctx: ActorCtx, orgId: string, versionId: string | null | undefined) {
  if (!versionId) return;
  const [v] = await ctx.db
    .select({ status: checklistVersions.status, kind: checklists.kind, name: checklists.name, version: checklistVersions.version })
    .from(checklistVersions)
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .where(and(eq(checklistVersions.id, versionId), eq(checklistVersions.orgId, orgId)));
  const field = (m: string) => fieldError('checklistVersionId', m);
  if (!v) throw field('检查表版本不存在或不属于本机构');
  if (v.kind !== 'inspection') throw field(`“${v.name}”不是检查表（计划应使用检查表，自查表和考评表不能作为计划的检查事项清单）`);
  if (v.status !== 'published') throw field(`“${v.name}”第 ${v.version} 版尚未发布，计划只能使用已发布的版本`);
}

function checkCoverage(input: { stratifyByRisk?: boolean; riskTiers?: string[] }) {
  if (input.stratifyByRisk && input.riskTiers && input.riskTiers.length === 1) {
    const m = '按风险等级分层抽取时，范围应包含至少两个风险等级（或不限风险等级）';
    throw fieldError('stratifyByRisk', m);
  }
}

/** A page of the org's plans, newest year first, then by title (id breaks ties). */
export async function listPlans(ctx: ActorCtx, q: PlanListQuery): Promise<PlanList> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(inspectionPlans.orgId, org.id)];
  if (q.year) where.push(eq(inspectionPlans.year, q.year));
  if (q.status) where.push(eq(inspectionPlans.status, q.status));
  const cond = and(...where);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(inspectionPlans).where(cond);
  const rows = await ctx.db
    .select()
    .from(inspectionPlans)
    .where(cond)
    .orderBy(desc(inspectionPlans.year), asc(inspectionPlans.title), asc(inspectionPlans.id))
    .limit(limit)
    .offset(offset);
  return { items: rows.map(presentPlan), total, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(ctx: ActorCtx, id: string): Promise<PlanDetail> {
  const p = await loadPlan(ctx, id, 'inspection.read');
  let checklist = null;
  if (p.checklistVersionId) {
    const [v] = await ctx.db
      .select({
        id: checklistVersions.id,
        version: checklistVersions.version,
        status: checklistVersions.status,
        name: checklists.name,
        checklistId: checklists.id,
      })
      .from(checklistVersions)
      .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
      .where(eq(checklistVersions.id, p.checklistVersionId));
    checklist = v ?? null;
  }
  // the light columns only: a draw's frozen pool and record can be megabytes
  const draws = await ctx.db
    .select({
      id: inspectionDraws.id,
      drawId: inspectionDraws.drawId,
      plannedDate: inspectionDraws.plannedDate,
      status: inspectionDraws.status,
      k: inspectionDraws.k,
      supersedesId: inspectionDraws.supersedesId,
      redrawReason: inspectionDraws.redrawReason,
    })
    .from(inspectionDraws)
    .where(eq(inspectionDraws.planId, id))
    .orderBy(asc(inspectionDraws.createdAt));
  return {
    ...presentPlan(p),
    checklist,
    draws: draws.map((d) => ({
      id: d.id,
      drawId: d.drawId,
      plannedDate: d.plannedDate,
      status: d.status as DrawStatus,
      statusLabel: DRAW_STATUS_LABELS[d.status as DrawStatus] ?? d.status,
      k: d.k,
      supersedesId: d.supersedesId,
      supersededById: draws.find((x) => x.supersedesId === d.id)?.id ?? null,
      redrawReason: d.redrawReason,
    })),
    allowedActions: planActions(p.status as PlanStatus, can(ctx.actor, 'inspection.manage', { orgId: p.orgId })),
  };
}

export async function createPlan(ctx: ActorCtx, input: PlanInput): Promise<PlanDetail> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'inspection.manage', { orgId, orgPath: ctx.actor.orgPath });
  checkCoverage(input);
  const id = await inTx(ctx, async (tx) => {
    await checkVersion(tx, orgId, input.checklistVersionId);
    const now = tx.now();
    const [row] = await tx.db
      .insert(inspectionPlans)
      .values({
        orgId,
        year: input.year,
        title: input.title,
        scope: input.scope,
        unitTypes: [...new Set(input.unitTypes)],
        riskTiers: RISK_TIERS.filter((t) => input.riskTiers.includes(t)),
        stratifyByRisk: input.stratifyByRisk,
        targetCoverage: input.targetCoverage,
        schedule: input.schedule || null,
        checklistVersionId: input.checklistVersionId ?? null,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, { orgId, action: 'inspectionPlan.create', entityType: 'inspectionPlan', entityId: row!.id, after: row });
    return row!.id;
  });
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: ActorCtx, id: string, patch: PlanPatch): Promise<PlanDetail> {
  await inTx(ctx, async (tx) => {
    const before = await loadPlan(tx, id, 'inspection.manage', true);
    if (before.status !== 'draft') throw conflict(`计划“${before.title}”已公开，不能修改`);
    checkCoverage({ stratifyByRisk: patch.stratifyByRisk ?? before.stratifyByRisk, riskTiers: patch.riskTiers ?? before.riskTiers });
    if (patch.checklistVersionId !== undefined) await checkVersion(tx, before.orgId, patch.checklistVersionId);
    const set: Partial<typeof inspectionPlans.$inferInsert> = {};
    if (patch.year !== undefined) set.year = patch.year;
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.scope !== undefined) set.scope = patch.scope;
    if (patch.unitTypes !== undefined) set.unitTypes = [...new Set(patch.unitTypes)];
    if (patch.riskTiers !== undefined) set.riskTiers = RISK_TIERS.filter((x) => patch.riskTiers!.includes(x));
    if (patch.stratifyByRisk !== undefined) set.stratifyByRisk = patch.stratifyByRisk;
    if (patch.targetCoverage !== undefined) set.targetCoverage = patch.targetCoverage;
    if (patch.schedule !== undefined) set.schedule = patch.schedule || null;
    if (patch.checklistVersionId !== undefined) set.checklistVersionId = patch.checklistVersionId;
    if (Object.keys(set).length === 0) return;
    const [after] = await tx.db
      .update(inspectionPlans)
      .set({ ...set, updatedAt: tx.now() })
      .where(eq(inspectionPlans.id, id))
      .returning();
    await recordEvent(tx, { orgId: before.orgId, action: 'inspectionPlan.update', entityType: 'inspectionPlan', entityId: id, before, after });
  });
  return getPlan(ctx, id);
}

/** Inspectors of `orgId` active and holding a certificate valid on `day`. */
export async function certifiedInspectors(ctx: ActorCtx, orgId: string, day: string): Promise<InspectorSnapshot[]> {
  return ctx.db
    .select({ id: inspectors.id, name: inspectors.name, certificateNo: inspectors.certificateNo, certExpiresOn: inspectors.certExpiresOn })
    .from(inspectors)
    .where(and(eq(inspectors.orgId, orgId), eq(inspectors.status, 'active'), lte(inspectors.certIssuedOn, day), gte(inspectors.certExpiresOn, day)))
    .orderBy(asc(inspectors.name), asc(inspectors.id));
}

/** 事前公开: publish the plan with its item list and today's certified inspectors. */
export async function publishPlan(ctx: ActorCtx, id: string): Promise<PlanDetail> {
  await inTx(ctx, async (tx) => {
    const before = await loadPlan(tx, id, 'inspection.manage', true);
    if (before.status !== 'draft') throw conflict(`计划“${before.title}”已公开`);
    if (!before.checklistVersionId) {
      const m = '公开计划前请选择已发布的检查表版本（检查事项清单随计划一并公开）';
      throw fieldError('checklistVersionId', m);
    }
    await checkVersion(tx, before.orgId, before.checklistVersionId);
    const today = todayInChina(tx.now());
    const certified = await certifiedInspectors(tx, before.orgId, today);
    if (certified.length < 2) {
      throw conflict(`本机构今天（${today}）持有效执法证的执法人员只有 ${certified.length} 名，至少 2 名才能公开检查计划`);
    }
    const now = tx.now();
    const [after] = await tx.db
      .update(inspectionPlans)
      .set({ status: 'published', inspectorsSnapshot: certified, publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now })
      .where(eq(inspectionPlans.id, id))
      .returning();
    await recordEvent(tx, { orgId: before.orgId, action: 'inspectionPlan.publish', entityType: 'inspectionPlan', entityId: id, before, after });
  });
  return getPlan(ctx, id);
}

/** A page of the portal's published plans with their item lists and inspectors (no sign-in), most recently published first. */
export async function publicPlans(ctx: Ctx, q: PublicPlanQuery): Promise<PublicPlanList> {
  const where: SQL[] = [eq(inspectionPlans.status, 'published')];
  if (q.orgId) where.push(eq(inspectionPlans.orgId, q.orgId));
  if (q.year) where.push(eq(inspectionPlans.year, q.year));
  const cond = and(...where);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(inspectionPlans).where(cond);
  const rows = await ctx.db
    .select({ plan: inspectionPlans, orgName: orgs.name })
    .from(inspectionPlans)
    .innerJoin(orgs, eq(orgs.id, inspectionPlans.orgId))
    .where(cond)
    .orderBy(desc(inspectionPlans.publishedAt), asc(inspectionPlans.id))
    .limit(limit)
    .offset(offset);
  const versionIds = rows.map((r) => r.plan.checklistVersionId).filter((x): x is string => !!x);
  const entries = versionIds.length
    ? await ctx.db.select().from(checklistVersionItems).where(inArray(checklistVersionItems.versionId, versionIds)).orderBy(asc(checklistVersionItems.position))
    : [];
  return {
    items: rows.map(({ plan, orgName }) => ({
      id: plan.id,
      orgName,
      year: plan.year,
      title: plan.title,
      scope: plan.scope,
      schedule: plan.schedule,
      /** Scope filters (empty = every type / tier), stratification and the target coverage in % (目标覆盖率). */
      unitTypes: plan.unitTypes as UnitType[],
      riskTiers: plan.riskTiers as RiskTier[],
      stratifyByRisk: plan.stratifyByRisk,
      targetCoverage: plan.targetCoverage as TargetCoverage,
      publishedAt: plan.publishedAt?.toISOString() ?? null,
      items: entries
        .filter((e) => e.versionId === plan.checklistVersionId)
        .map((e) => ({ code: e.code, title: e.title, area: AREA_LABELS[e.area as Area] ?? e.area, legalBasis: e.legalBasis, method: e.method })),
      inspectors: ((plan.inspectorsSnapshot as InspectorSnapshot[] | null) ?? []).map((i) => ({ name: i.name, certificateNo: i.certificateNo })),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
