/**
 * 双随机抽取 (RULES.md §4, lantai-draw-v1). Three steps, each one transaction with its record:
 *
 *   create   freeze the pool before any entropy exists: candidate units (scope minus exclusions,
 *            with reasons), listHash, strata and k, team size, the inspectors certified and valid
 *            on the planned date and their conflicts (回避) with the candidates. Every candidate
 *            must have at least m inspectors without a conflict, so execution can never fail on
 *            the draw's content (a failed execution must not invite a second try with new entropy).
 *   execute  once: entropy (32 random bytes from the server, or the public value named at
 *            creation), runDraw → the published record with teams.
 *   publish  the record goes public (GET /api/public/draws/:id).
 *
 * A redraw is a new draw naming the one it supersedes and why; the old one is never deleted, and
 * if it had been executed it is published with the redraw, so a result cannot be hidden by redrawing.
 */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx, type Ctx } from '../../kernel/context.js';
import { recordEvent, recordEvents } from '../../kernel/audit/index.js';
import { AppError, conflict, notFound, validation } from '../../kernel/http/errors.js';
import { todayInChina } from '../../kernel/calendar/store.js';
import { orgs } from '../../kernel/schema.js';
import { getSetting } from '../../kernel/settings.js';
import { readableOrg } from '../../kernel/tenancy/index.js';
import { inspectorConflicts, inspectors, units } from '../orgs/index.js';
import { RISK_TIER_LABELS } from '../orgs/contracts.js';
import { DrawError, listHash, newEntropy, runDraw, sortIds, verifyDraw, type PublishedDraw, type StratumInput } from './draw.js';
import { inspectionDraws, inspectionPlans } from './schema.js';
import { applyExclusions, inspectionHistory, type Exclusion, type KeptNote, type PoolUnit } from './pool.js';
import { loadPlan, type InspectorSnapshot } from './plans.service.js';
import { guard, isUniqueViolation, iso, type ActorCtx } from './access.js';
import { certificateProblem } from './loop.js';
import { DRAW_STATUS_LABELS, type DrawCreateInput, type DrawExecuteInput, type DrawListQuery, type TargetCoverage } from './contracts.js';

type DrawRow = typeof inspectionDraws.$inferSelect;
type RiskTier = keyof typeof RISK_TIER_LABELS;
const TIER_ORDER: RiskTier[] = ['high', 'medium', 'low'];

/** A stratum as frozen with the pool. */
export interface FrozenStratum {
  name: string;
  riskTier: RiskTier;
  candidates: string[];
  k: number;
}

const field = (name: string, message: string) => validation(message, { [name]: message });

async function loadDraw(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false): Promise<DrawRow> {
  const q = ctx.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return guard(ctx, row, action, '抽取批次');
}

async function supersededBy(ctx: Ctx, id: string): Promise<DrawRow | undefined> {
  const [row] = await ctx.db.select().from(inspectionDraws).where(eq(inspectionDraws.supersedesId, id));
  return row;
}

/** Units to draw: ceil(n × percent / 100). */
const byCoverage = (n: number, percent: number | undefined) => (percent === undefined ? undefined : Math.max(1, Math.ceil((n * percent) / 100)));

/** The next batch number of an org for a year: D-2025-001, D-2025-002 … */
async function nextDrawId(ctx: Ctx, orgId: string, year: number): Promise<string> {
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`inspection_draws:${orgId}`}))`);
  const prefix = `D-${year}-`;
  const rows = await ctx.db
    .select({ drawId: inspectionDraws.drawId })
    .from(inspectionDraws)
    .where(and(eq(inspectionDraws.orgId, orgId), like(inspectionDraws.drawId, `${prefix}%`)));
  const max = rows.reduce((m, r) => Math.max(m, Number(r.drawId.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/** Freeze the pool of a new draw (or a redraw) of a published plan. */
export async function createDraw(ctx: ActorCtx, planId: string, input: z.infer<typeof DrawCreateInput>) {
  try {
    const id = await inTx(ctx, async (tx) => {
      const t = tx as ActorCtx;
      const plan = await loadPlan(t, planId, 'inspection.manage', true);
      if (plan.status !== 'published') throw conflict(`计划“${plan.title}”尚未公开（事前公开），不能抽取`);
      const today = todayInChina(tx.now());
      if (Number(input.plannedDate.slice(0, 4)) !== plan.year) throw field('plannedDate', `计划检查日期应在计划年度 ${plan.year} 年内`);
      if (input.plannedDate < today) throw field('plannedDate', `计划检查日期 ${input.plannedDate} 早于今天（${today}）`);

      // Redraw: the old draw, why, and that nothing replaced it yet.
      let old: DrawRow | undefined;
      if (input.supersedes) {
        old = (await tx.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, input.supersedes)).for('update'))[0];
        if (!old || old.orgId !== plan.orgId || old.planId !== plan.id) throw field('supersedes', '被重新抽取的批次不存在或不属于本计划');
        if (!input.reason) throw field('reason', `重新抽取须说明理由（被取代批次 ${old.drawId}）`);
        const later = await supersededBy(tx, old.id);
        if (later) throw conflict(`批次 ${old.drawId} 已被 ${later.drawId} 取代，不能再次取代`, { supersedes: `已被 ${later.drawId} 取代` });
      } else if (input.reason) {
        throw field('supersedes', '填写了重新抽取理由，但没有指定被取代的批次（supersedes）');
      }

      if (input.entropySource === 'public' && !input.publicValueName) {
        throw field('publicValueName', '使用公开随机值时，须在冻结名单时预先写明其名称（如“某年某期福利彩票开奖号码”）');
      }
      if (input.entropySource === 'server' && input.publicValueName) {
        throw field('publicValueName', '使用服务器随机数时不填写公开随机值名称');
      }

      // Scope → pool.
      const where: SQL[] = [eq(units.orgId, plan.orgId), eq(units.status, 'active')];
      if (plan.unitTypes.length) where.push(inArray(units.type, plan.unitTypes));
      if (plan.riskTiers.length) where.push(inArray(units.riskTier, plan.riskTiers));
      const scope: PoolUnit[] = await tx.db
        .select({ id: units.id, name: units.name, type: units.type, riskTier: units.riskTier })
        .from(units)
        .where(and(...where))
        .orderBy(asc(units.id));
      if (scope.length === 0) throw new DrawError('draw.empty', `计划“${plan.title}”的范围内没有在册的检查对象`);
      const rules = {
        recentMonths: await getSetting(tx.db, plan.orgId, 'drawRecentMonths'),
        keepHighRisk: (await getSetting(tx.db, plan.orgId, 'drawRecentKeepHighRisk')) === 1,
        keepComplained: (await getSetting(tx.db, plan.orgId, 'drawRecentKeepComplained')) === 1,
      };
      const { pool, excluded, kept } = applyExclusions(scope, await inspectionHistory(tx, plan.orgId), rules, today);
      if (pool.length === 0) throw new DrawError('draw.empty', `排除近期已检查的单位后，候选名单为空（排除 ${excluded.length} 家）`);
      const candidates = sortIds(pool.map((u) => u.id));
      const coverage = plan.targetCoverage as TargetCoverage;

      // k or strata.
      let k: number;
      let strata: FrozenStratum[] | null = null;
      if (plan.stratifyByRisk) {
        if (input.k !== undefined) throw field('k', '本计划按风险等级分层抽取，请按层填写抽取数量 strataK');
        strata = [];
        for (const tier of TIER_ORDER) {
          const ids = pool.filter((u) => u.riskTier === tier).map((u) => u.id);
          const label = RISK_TIER_LABELS[tier];
          if (ids.length === 0) {
            if (input.strataK?.[tier] !== undefined) throw field(`strataK.${tier}`, `“${label}”层没有候选单位，不能抽取 ${input.strataK[tier]} 家`);
            continue;
          }
          const kk = input.strataK?.[tier] ?? byCoverage(ids.length, coverage.byRiskTier?.[tier] ?? coverage.overall);
          if (kk === undefined) throw field(`strataK.${tier}`, `请填写“${label}”层的抽取数量（strataK.${tier}），或在计划中设置该层的目标覆盖率`);
          if (kk > ids.length) {
            throw new DrawError('draw.k_too_large', `“${label}”层抽取数量 ${kk} 大于该层候选单位数 ${ids.length}`, { stratum: label, k: kk, n: ids.length });
          }
          strata.push({ name: label, riskTier: tier, candidates: sortIds(ids), k: kk });
        }
        k = strata.reduce((s, x) => s + x.k, 0);
      } else {
        if (input.strataK !== undefined) throw field('strataK', '本计划不分层，请填写抽取数量 k');
        const kk = input.k ?? byCoverage(pool.length, coverage.overall);
        if (kk === undefined) throw field('k', '请填写抽取数量 k，或在计划中设置目标覆盖率');
        if (kk > pool.length) {
          throw new DrawError('draw.k_too_large', `抽取数量 k = ${kk} 大于候选单位数 n = ${pool.length}（范围内 ${scope.length} 家，排除 ${excluded.length} 家）`, {
            k: kk,
            n: pool.length,
          });
        }
        k = kk;
      }

      // Inspectors: certified and valid on the planned date; m without a conflict for every candidate.
      const all = await tx.db
        .select()
        .from(inspectors)
        .where(eq(inspectors.orgId, plan.orgId))
        .orderBy(asc(inspectors.name));
      const m = input.teamSize;
      const eligible: InspectorSnapshot[] = [];
      const refused: string[] = [];
      for (const i of all) {
        const problem = certificateProblem(i, input.plannedDate);
        if (problem) refused.push(problem);
        else eligible.push({ id: i.id, name: i.name, certificateNo: i.certificateNo, certExpiresOn: i.certExpiresOn });
      }
      if (eligible.length < m) {
        throw new DrawError(
          'draw.not_enough_inspectors',
          `计划检查日期 ${input.plannedDate} 持有效执法证的执法人员只有 ${eligible.length} 名，检查组需要 ${m} 名` + (refused.length ? `；不符合条件：${refused.join('、')}` : ''),
          { m, n: eligible.length },
        );
      }
      const eligibleIds = new Set(eligible.map((i) => i.id));
      const pairs = await tx.db
        .select({ inspectorId: inspectorConflicts.inspectorId, unitId: inspectorConflicts.unitId })
        .from(inspectorConflicts)
        .where(and(eq(inspectorConflicts.orgId, plan.orgId), inArray(inspectorConflicts.unitId, candidates)));
      const conflicts: Record<string, string[]> = {};
      for (const p of pairs) if (eligibleIds.has(p.inspectorId)) (conflicts[p.unitId] ??= []).push(p.inspectorId);
      for (const list of Object.values(conflicts)) list.sort();
      const short = pool
        .map((u) => ({ u, avoid: conflicts[u.id] ?? [] }))
        .filter(({ avoid }) => eligible.length - avoid.length < m)
        .map(({ u, avoid }) => `${u.name}（可选 ${eligible.length - avoid.length} 名；回避：${avoid.map((x) => eligible.find((i) => i.id === x)!.name).join('、')}）`);
      if (short.length) {
        throw new DrawError('draw.not_enough_inspectors', `以下单位回避后可选执法人员不足 ${m} 名，无法组成检查组：${short.join('；')}`, { m });
      }

      const drawId = await nextDrawId(tx, plan.orgId, plan.year);
      const now = tx.now();
      const [row] = await tx.db
        .insert(inspectionDraws)
        .values({
          orgId: plan.orgId,
          planId: plan.id,
          drawId,
          plannedDate: input.plannedDate,
          candidates,
          listHash: listHash(candidates),
          strata,
          k,
          teamSize: m,
          exclusions: { excluded, kept, rules },
          units: pool,
          inspectorPool: eligible,
          conflicts,
          entropySource: input.entropySource,
          publicValueName: input.publicValueName ?? null,
          status: 'pool_frozen',
          supersedesId: old?.id ?? null,
          redrawReason: old ? input.reason! : null,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const events = [];
      if (old && old.status === 'drawn') {
        // An executed result never disappears behind a redraw: it is published with it.
        await tx.db.update(inspectionDraws).set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now }).where(eq(inspectionDraws.id, old.id));
        events.push({
          orgId: plan.orgId,
          action: 'inspectionDraw.publish',
          entityType: 'inspectionDraw',
          entityId: old.id,
          before: { status: old.status },
          after: { status: 'published', note: `因重新抽取（${drawId}）一并公布` },
        });
      }
      events.unshift({
        orgId: plan.orgId,
        action: old ? 'inspectionDraw.redraw' : 'inspectionDraw.create',
        entityType: 'inspectionDraw',
        entityId: row!.id,
        after: {
          drawId,
          planId: plan.id,
          plannedDate: row!.plannedDate,
          listHash: row!.listHash,
          candidates,
          strata,
          k,
          teamSize: m,
          exclusions: excluded,
          inspectorPool: eligible.map((i) => i.id),
          entropySource: row!.entropySource,
          publicValueName: row!.publicValueName,
          supersedes: old?.drawId ?? null,
          reason: row!.redrawReason,
        },
      });
      await recordEvents(tx, events);
      return row!.id;
    });
    return getDraw(ctx, id);
  } catch (e) {
    if (isUniqueViolation(e, 'inspection_draws_supersedes_idx')) throw conflict('该批次已被重新抽取取代', { supersedes: '该批次已被重新抽取取代' });
    if (isUniqueViolation(e, 'inspection_draws_org_draw_idx')) throw conflict('抽取批次编号冲突，请重试');
    throw e;
  }
}

/** The runDraw input of a frozen draw with the given entropy (teams for the given selection). */
function drawInput(d: DrawRow, entropy: string, selected?: string[]) {
  const base = { drawId: d.drawId, entropy, candidates: d.candidates as string[] };
  const strata = d.strata as FrozenStratum[] | null;
  const teams = selected?.map((unitId) => {
    const avoid = new Set((d.conflicts as Record<string, string[]>)[unitId] ?? []);
    return { unitId, candidates: (d.inspectorPool as InspectorSnapshot[]).map((i) => i.id).filter((x) => !avoid.has(x)), m: d.teamSize };
  });
  const withTeams = teams ? { ...base, teams } : base;
  return strata ? { ...withTeams, strata: strata.map((s): StratumInput => ({ name: s.name, candidates: s.candidates, k: s.k })) } : { ...withTeams, k: d.k };
}

/** Run the draw once: entropy now (server) or the public value named at creation. */
export async function executeDraw(ctx: ActorCtx, id: string, input: z.infer<typeof DrawExecuteInput>) {
  await inTx(ctx, async (tx) => {
    const d = await loadDraw(tx as ActorCtx, id, 'inspection.manage', true);
    if (d.status !== 'pool_frozen') throw conflict(`批次 ${d.drawId} 已抽取，不能再次抽取；如确需重抽，请说明理由另行抽取`);
    const later = await supersededBy(tx, d.id);
    if (later) throw conflict(`批次 ${d.drawId} 已被 ${later.drawId} 取代，不能再抽取`);
    let entropy: string;
    if (input.entropySource === 'server') {
      if (d.entropySource === 'public') throw field('entropySource', `批次 ${d.drawId} 冻结名单时已指定使用公开随机值“${d.publicValueName}”，不能改用服务器随机数`);
      if (input.entropy !== undefined) throw field('entropy', '使用服务器随机数时不能指定 entropy（由服务器在抽取时生成）');
      entropy = newEntropy();
    } else {
      if (d.entropySource !== 'public') {
        throw field('entropySource', `批次 ${d.drawId} 冻结名单时未预先指定公开随机值，只能使用服务器随机数（公开随机值的名称须在冻结名单时写明）`);
      }
      if (input.publicValueName !== undefined && input.publicValueName !== d.publicValueName) {
        throw field('publicValueName', `公开随机值名称与冻结名单时写明的“${d.publicValueName}”不一致`);
      }
      if (!input.entropy) throw field('entropy', `请填写公开随机值“${d.publicValueName}”`);
      if (input.entropy.includes('|')) throw field('entropy', '公开随机值不能包含“|”');
      entropy = input.entropy;
    }
    const first = runDraw(drawInput(d, entropy));
    const record = runDraw(drawInput(d, entropy, first.selected));
    if (record.listHash !== d.listHash) throw new AppError('internal', `批次 ${d.drawId} 的候选名单哈希与冻结时不一致`);
    const now = tx.now();
    await tx.db
      .update(inspectionDraws)
      .set({ entropy, seed: record.seed, result: record, status: 'drawn', executedAt: now, executedBy: ctx.actor.userId, updatedAt: now })
      .where(eq(inspectionDraws.id, id));
    await recordEvent(tx, {
      orgId: d.orgId,
      action: 'inspectionDraw.execute',
      entityType: 'inspectionDraw',
      entityId: id,
      before: { status: d.status },
      after: { status: 'drawn', entropySource: d.entropySource, entropy, seed: record.seed, selected: record.selected, teams: record.teams },
    });
  });
  return getDraw(ctx, id);
}

export async function publishDraw(ctx: ActorCtx, id: string) {
  await inTx(ctx, async (tx) => {
    const d = await loadDraw(tx as ActorCtx, id, 'inspection.manage', true);
    if (d.status === 'pool_frozen') throw conflict(`批次 ${d.drawId} 尚未抽取，不能公布`);
    if (d.status === 'published') throw conflict(`批次 ${d.drawId} 已公布`);
    const now = tx.now();
    await tx.db.update(inspectionDraws).set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now }).where(eq(inspectionDraws.id, id));
    await recordEvent(tx, { orgId: d.orgId, action: 'inspectionDraw.publish', entityType: 'inspectionDraw', entityId: id, before: { status: d.status }, after: { status: 'published' } });
  });
  return getDraw(ctx, id);
}

/** The published record with its fields in the documented order. */
export function publicRecord(r: PublishedDraw) {
  return {
    drawId: r.drawId,
    algorithm: r.algorithm,
    entropy: r.entropy,
    listHash: r.listHash,
    seed: r.seed,
    candidates: r.candidates,
    k: r.k,
    selected: r.selected,
    ...(r.strata ? { strata: r.strata.map((s) => ({ name: s.name, candidates: s.candidates, k: s.k, selected: s.selected })) } : {}),
    ...(r.teams ? { teams: r.teams.map((t) => ({ unitId: t.unitId, candidates: t.candidates, m: t.m, selected: t.selected })) } : {}),
  };
}

function presentSummary(d: DrawRow, extra: { planTitle?: string; supersedesDrawId?: string | null; supersededBy?: { id: string; drawId: string } | null } = {}) {
  return {
    id: d.id,
    orgId: d.orgId,
    planId: d.planId,
    planTitle: extra.planTitle,
    drawId: d.drawId,
    plannedDate: d.plannedDate,
    status: d.status,
    statusLabel: DRAW_STATUS_LABELS[d.status as keyof typeof DRAW_STATUS_LABELS] ?? d.status,
    k: d.k,
    teamSize: d.teamSize,
    candidateCount: (d.candidates as string[]).length,
    listHash: d.listHash,
    entropySource: d.entropySource,
    publicValueName: d.publicValueName,
    supersedesId: d.supersedesId,
    supersedesDrawId: extra.supersedesDrawId ?? null,
    redrawReason: d.redrawReason,
    supersededById: extra.supersededBy?.id ?? null,
    supersededByDrawId: extra.supersededBy?.drawId ?? null,
    createdAt: iso(d.createdAt),
    executedAt: iso(d.executedAt),
    publishedAt: iso(d.publishedAt),
  };
}

export async function listDraws(ctx: ActorCtx, q: z.infer<typeof DrawListQuery>) {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(inspectionDraws.orgId, org.id)];
  if (q.planId) where.push(eq(inspectionDraws.planId, q.planId));
  const rows = await ctx.db
    .select({ d: inspectionDraws, planTitle: inspectionPlans.title })
    .from(inspectionDraws)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
    .where(and(...where))
    .orderBy(desc(inspectionDraws.createdAt), desc(inspectionDraws.drawId));
  const byId = new Map(rows.map((r) => [r.d.id, r.d]));
  return {
    items: rows.map(({ d, planTitle }) => {
      const next = rows.find((r) => r.d.supersedesId === d.id)?.d;
      return presentSummary(d, {
        planTitle,
        supersedesDrawId: d.supersedesId ? (byId.get(d.supersedesId)?.drawId ?? null) : null,
        supersededBy: next ? { id: next.id, drawId: next.drawId } : null,
      });
    }),
  };
}

/** The back office's view: the frozen pool with names, the result with names, and its verification. */
export async function getDraw(ctx: ActorCtx, id: string) {
  const d = await loadDraw(ctx, id, 'inspection.read');
  const [plan] = await ctx.db.select({ title: inspectionPlans.title }).from(inspectionPlans).where(eq(inspectionPlans.id, d.planId));
  const old = d.supersedesId ? (await ctx.db.select({ drawId: inspectionDraws.drawId }).from(inspectionDraws).where(eq(inspectionDraws.id, d.supersedesId)))[0] : undefined;
  const next = await supersededBy(ctx, d.id);
  const unitsById = new Map((d.units as PoolUnit[]).map((u) => [u.id, u]));
  const inspectorsById = new Map((d.inspectorPool as InspectorSnapshot[]).map((i) => [i.id, i]));
  const result = d.result as PublishedDraw | null;
  const exclusions = d.exclusions as { excluded: Exclusion[]; kept: KeptNote[] };
  return {
    ...presentSummary(d, { planTitle: plan?.title, supersedesDrawId: old?.drawId ?? null, supersededBy: next ? { id: next.id, drawId: next.drawId } : null }),
    strata: ((d.strata as FrozenStratum[] | null) ?? []).map((s) => ({ name: s.name, riskTier: s.riskTier, k: s.k, candidateCount: s.candidates.length })),
    units: [...unitsById.values()],
    excluded: exclusions.excluded,
    kept: exclusions.kept,
    inspectorPool: [...inspectorsById.values()],
    selected: result
      ? result.selected.map((unitId) => {
          const team = result.teams?.find((t) => t.unitId === unitId);
          const u = unitsById.get(unitId);
          return {
            unitId,
            name: u?.name ?? unitId,
            type: u?.type ?? null,
            riskTier: u?.riskTier ?? null,
            team: (team?.selected ?? []).map((i) => ({ id: i, name: inspectorsById.get(i)?.name ?? i, certificateNo: inspectorsById.get(i)?.certificateNo ?? null })),
          };
        })
      : [],
    record: result ? publicRecord(result) : null,
    verification: result ? verifyDraw(publicRecord(result)) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Public (no sign-in)
// ---------------------------------------------------------------------------------------------

export async function publicDraws(ctx: Ctx) {
  const rows = await ctx.db
    .select({ d: inspectionDraws, orgName: orgs.name, planTitle: inspectionPlans.title, year: inspectionPlans.year })
    .from(inspectionDraws)
    .innerJoin(orgs, eq(orgs.id, inspectionDraws.orgId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionDraws.planId))
    .where(eq(inspectionDraws.status, 'published'))
    .orderBy(desc(inspectionDraws.publishedAt), asc(inspectionDraws.drawId));
  const published = new Map(rows.map((r) => [r.d.id, r.d]));
  // A superseded draw names its successor even while the successor is not published yet.
  const successors = rows.length
    ? await ctx.db
        .select({ supersedesId: inspectionDraws.supersedesId, drawId: inspectionDraws.drawId })
        .from(inspectionDraws)
        .where(inArray(inspectionDraws.supersedesId, rows.map((r) => r.d.id)))
    : [];
  return {
    items: rows.map(({ d, orgName, planTitle, year }) => {
      const next = successors.find((r) => r.supersedesId === d.id);
      return {
        id: d.id,
        drawId: d.drawId,
        orgName,
        planTitle,
        year,
        plannedDate: d.plannedDate,
        drawnAt: iso(d.executedAt),
        publishedAt: iso(d.publishedAt),
        k: d.k,
        candidateCount: (d.candidates as string[]).length,
        supersedes: d.supersedesId ? (published.get(d.supersedesId)?.drawId ?? null) : null,
        redrawReason: d.redrawReason,
        supersededBy: next?.drawId ?? null,
        url: `/api/public/draws/${d.id}`,
      };
    }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One published record by its id (uuid) or its drawId (when no other org published the same drawId). */
export async function publicDraw(ctx: Ctx, key: string) {
  const cond = UUID.test(key) ? eq(inspectionDraws.id, key) : eq(inspectionDraws.drawId, key);
  const rows = await ctx.db
    .select({ result: inspectionDraws.result })
    .from(inspectionDraws)
    .where(and(cond, eq(inspectionDraws.status, 'published')))
    .limit(2);
  if (rows.length === 0) throw notFound('公布的抽取记录');
  if (rows.length > 1) throw conflict(`多个机构公布了编号为 ${key} 的抽取批次，请使用列表中的链接（按 id 访问）`);
  return publicRecord(rows[0]!.result as PublishedDraw);
}

/**
 * Names behind a published draw's ids (一公开: the public sees which units were drawn and who
 * inspects them, with certificate numbers). Kept outside the verified record so its shape stays
 * exactly lantai-draw-v1.
 */
export async function publicDrawNames(ctx: Ctx, key: string) {
  const record = await publicDraw(ctx, key);
  const unitIds = record.selected;
  const inspectorIds = [...new Set((record.teams ?? []).flatMap((t) => t.selected))];
  const unitRows = unitIds.length ? await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [];
  const inspectorRows = inspectorIds.length
    ? await ctx.db.select({ id: inspectors.id, name: inspectors.name, certificateNo: inspectors.certificateNo }).from(inspectors).where(inArray(inspectors.id, inspectorIds))
    : [];
  return {
    units: Object.fromEntries(unitRows.map((u) => [u.id, u.name])) as Record<string, string>,
    inspectors: Object.fromEntries(inspectorRows.map((i) => [i.id, { name: i.name, certificateNo: i.certificateNo }])) as Record<string, { name: string; certificateNo: string }>,
  };
}
