/**
 * 双随机抽取 (RULES.md §4, lantai-draw-v1). Three steps, each one transaction with its record:
 *
 *   create   freeze the pool before any entropy exists: candidate units (scope minus exclusions,
 *            with reasons), listHash, strata and k, team size, the inspectors certified and valid
 *            on the planned date and their conflicts (回避) with the candidates. Every candidate
 *            must have at least m inspectors without a conflict, so execution can never fail on
 *            the draw's content (a failed execution must not invite a second try with new entropy).
 *   execute  once: entropy (32 random bytes from the server, or the public value named at
 *            creation), runDraw → the published record with teams, verified at once (verifyDraw)
 *            and the outcome stored with a digest of the record.
 *   publish  the record goes public (GET /api/public/draws/:id), verified again if it changed.
 *
 * A redraw is a new draw naming the one it supersedes and why; the old one is never deleted, and
 * if it had been executed it is published with the redraw, so a result cannot be hidden by redrawing.
 *
 * Size: a pool may hold 100,000 units (issue 12). The frozen lists are written as jsonb parameters built
 * a slice at a time and stored uncompressed; the result leaves out the candidate lists it shares with
 * them. Reads select the summary columns (counts, verification outcome and digest are kept by the
 * database) and take from the jsonb only what they show, in SQL: a page of the pool, the record as JSON
 * text. Ids go to SQL as one array parameter. The draw and its verification run in a worker thread for
 * large pools (draw-runner.ts); the verification is stored and redone only when what it covered changed.
 */
import { and, asc, desc, eq, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent, recordEvents } from '../../../kernel/audit/index.js';
import { AppError, conflict, fieldError, notFound } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { arrayParam, likeTerm } from '../../../kernel/db/paging.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { nextRecordCode } from '../../../kernel/documents/index.js';
import { orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { can } from '../../../kernel/auth/policy.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { inspectorConflicts, inspectors, units } from '../../orgs/index.js';
import { RISK_TIER_LABELS, type RiskTier } from '../../orgs/contracts.js';
import { inspectionDraws, inspectionPlans, inspections } from '../schema.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';
import { DRAW_STATUS_LABELS, type DrawStatus, type EntropySource } from '../labels.js';
import { certificateProblem } from '../loop/loop.js';
import { loadPlan } from '../plans/plans.service.js';
import type { InspectorSnapshot, TargetCoverage } from '../plans/contracts.js';
import { DrawError, listHash, newEntropy, sortIds, type DrawVerification } from './draw.js';
import { runDrawJob, warmDrawWorker, WORKER_MIN_CANDIDATES } from './draw-runner.js';
import { applyExclusions, type Exclusion, type KeptNote, type PoolUnit, type UnitHistory } from './pool.js';
import { drawActions } from './rules.js';
import type {
  DrawCreateInput,
  DrawDetail,
  DrawExecuteInput,
  DrawList,
  DrawListQuery,
  DrawSummary,
  DrawUnitPage,
  DrawUnitsQuery,
  PublicDrawList,
  PublicDrawListQuery,
  PublicDrawNames,
} from './contracts.js';

const D = inspectionDraws;
const TIER_ORDER: RiskTier[] = ['high', 'medium', 'low'];

/** A stratum as frozen with the pool. */
export interface FrozenStratum {
  name: string;
  riskTier: RiskTier;
  candidates: string[];
  k: number;
}

/** Every column but the frozen lists and the result: what lists, guards and state checks read. */
const HEAD = {
  id: D.id,
  orgId: D.orgId,
  planId: D.planId,
  drawId: D.drawId,
  plannedDate: D.plannedDate,
  listHash: D.listHash,
  k: D.k,
  teamSize: D.teamSize,
  candidateCount: D.candidateCount,
  selectedCount: D.selectedCount,
  verified: D.verified,
  entropySource: D.entropySource,
  publicValueName: D.publicValueName,
  entropy: D.entropy,
  seed: D.seed,
  status: D.status,
  supersedesId: D.supersedesId,
  redrawReason: D.redrawReason,
  createdAt: D.createdAt,
  executedAt: D.executedAt,
  publishedAt: D.publishedAt,
};
type DrawHead = Pick<typeof D.$inferSelect, keyof typeof HEAD>;

/** A unit of the frozen pool as SQL reads it. */
type PoolUnitRow = { id: string; name: string; type: string; riskTier: string };
/** A drawn unit as kept for display (`drawn_units`): its frozen name, type and tier, and its team's inspector ids. */
interface DrawnUnit {
  unitId: string;
  name: string;
  type: string | null;
  riskTier: string | null;
  team: string[];
}

/** `expr` when it is a jsonb array, else an empty one (a record read from anywhere is not trusted to be well formed). */
const jsonArray = (expr: SQL) => sql`(CASE WHEN jsonb_typeof(${expr}) = 'array' THEN ${expr} ELSE '[]'::jsonb END)`;
/** An id that can be looked up in a uuid column (pools written by hand may hold other ids). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadDraw(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false): Promise<DrawHead> {
  const q = ctx.db.select(HEAD).from(D).where(eq(D.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return guardRecord(ctx, row, action, '抽取批次');
}

async function supersededBy(ctx: Ctx, id: string): Promise<{ id: string; drawId: string } | undefined> {
  const [row] = await ctx.db.select({ id: D.id, drawId: D.drawId }).from(D).where(eq(D.supersedesId, id));
  return row;
}

/** Lets the event loop run what is waiting before the next pass over a large pool. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A jsonb parameter in the binary format (version 1, then the JSON text as UTF-8), sent by the driver as it
 * is and parsed by PostgreSQL: `pieces` are JSON text or arrays, an array serialised and encoded a slice
 * at a time with a turn of the event loop between slices (100,000 ids are never one long step).
 */
async function jsonb(...pieces: (string | readonly unknown[])[]): Promise<Buffer> {
  const SLICE = 10_000;
  const out: Buffer[] = [Buffer.from([1])];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out.push(Buffer.from(piece, 'utf8'));
      continue;
    }
    out.push(Buffer.from('['));
    for (let i = 0; i < piece.length; i += SLICE) {
      if (i > 0) {
        out.push(Buffer.from(','));
        await turn();
      }
      out.push(Buffer.from(JSON.stringify(piece.slice(i, i + SLICE)).slice(1, -1), 'utf8'));
    }
    out.push(Buffer.from(']'));
  }
  return Buffer.concat(out);
}

/** Units to draw: ceil(n × percent / 100). */
const byCoverage = (n: number, percent: number | undefined) => (percent === undefined ? undefined : Math.max(1, Math.ceil((n * percent) / 100)));

/**
 * Inspection history per unit of an org: the last on-site date of a signed on-site record
 * (现场检查记录 signed = inspected), and the inspections not yet closed. Complaints are not recorded
 * yet: `complained` is false.
 */
export async function inspectionHistory(ctx: Ctx, orgId: string): Promise<Map<string, UnitHistory>> {
  const rows = await ctx.db
    .select({ unitId: inspections.unitId, last: sql<string>`max(${inspections.onSiteDate})::text` })
    .from(inspections)
    .where(and(eq(inspections.orgId, orgId), isNotNull(inspections.signedOn)))
    .groupBy(inspections.unitId);
  const history = new Map<string, UnitHistory>(rows.map((r) => [r.unitId, { lastInspectedOn: r.last, complained: false }]));
  const open = await ctx.db
    .select({ unitId: inspections.unitId, code: inspections.code, status: inspections.status, plannedDate: inspections.plannedDate })
    .from(inspections)
    .where(and(eq(inspections.orgId, orgId), ne(inspections.status, 'closed')))
    .orderBy(asc(inspections.plannedDate), asc(inspections.code));
  for (const o of open) {
    const h = history.get(o.unitId) ?? { lastInspectedOn: null, complained: false };
    (h.open ??= []).push({ code: o.code, status: o.status, plannedDate: o.plannedDate });
    history.set(o.unitId, h);
  }
  return history;
}

/** Freeze the pool of a new draw (or a redraw) of a published plan. */
export async function createDraw(ctx: ActorCtx, planId: string, input: DrawCreateInput): Promise<DrawDetail> {
  try {
    const id = await inTx(ctx, async (tx) => {
      const plan = await loadPlan(tx, planId, 'inspection.manage', true);
      if (plan.status !== 'published') throw conflict(`计划“${plan.title}”尚未公开（事前公开），不能抽取`);
      const today = todayInChina(tx.now());
      if (Number(input.plannedDate.slice(0, 4)) !== plan.year) throw fieldError('plannedDate', `计划检查日期应在计划年度 ${plan.year} 年内`);
      if (input.plannedDate < today) throw fieldError('plannedDate', `计划检查日期 ${input.plannedDate} 早于今天（${today}）`);

      // Redraw: the old draw, why, and that nothing replaced it yet.
      let old: DrawHead | undefined;
      if (input.supersedes) {
        old = (await tx.db.select(HEAD).from(D).where(eq(D.id, input.supersedes)).for('update'))[0];
        if (!old || old.orgId !== plan.orgId || old.planId !== plan.id) throw fieldError('supersedes', '被重新抽取的批次不存在或不属于本计划');
        if (!input.reason) throw fieldError('reason', `重新抽取须说明理由（被取代批次 ${old.drawId}）`);
        const later = await supersededBy(tx, old.id);
        if (later) throw conflict(`批次 ${old.drawId} 已被 ${later.drawId} 取代，不能再次取代`, { supersedes: `已被 ${later.drawId} 取代` });
      } else if (input.reason) {
        throw fieldError('supersedes', '填写了重新抽取理由，但没有指定被取代的批次（supersedes）');
      }

      if (input.entropySource === 'public' && !input.publicValueName) {
        throw fieldError('publicValueName', '使用公开随机值时，须在冻结名单时预先写明其名称（如“某年某期福利彩票开奖号码”）');
      }
      if (input.entropySource === 'server' && input.publicValueName) {
        throw fieldError('publicValueName', '使用服务器随机数时不填写公开随机值名称');
      }

      // Scope → pool.
      const where: SQL[] = [eq(units.orgId, plan.orgId), eq(units.status, 'active')];
      if (plan.unitTypes.length) where.push(sql`${units.type} = ANY(${arrayParam(plan.unitTypes)}::text[])`);
      if (plan.riskTiers.length) where.push(sql`${units.riskTier} = ANY(${arrayParam(plan.riskTiers)}::text[])`);
      // Rows as the driver reads them (a chunk at a time), without a second mapping pass over the scope.
      const scope: PoolUnit[] = (
        await tx.db.execute<PoolUnitRow>(
          sql`SELECT ${units.id} AS id, ${units.name} AS name, ${units.type} AS type, ${units.riskTier} AS "riskTier" FROM ${units} WHERE ${and(...where)} ORDER BY ${units.id}`,
        )
      ).rows;
      if (scope.length === 0) throw new DrawError('draw.empty', `计划“${plan.title}”的范围内没有在册的检查对象`);
      if (scope.length >= WORKER_MIN_CANDIDATES) warmDrawWorker(); // ready when the draw is executed
      const rules = {
        recentMonths: await getSetting(tx.db, plan.orgId, 'drawRecentMonths'),
        keepHighRisk: (await getSetting(tx.db, plan.orgId, 'drawRecentKeepHighRisk')) === 1,
        keepComplained: (await getSetting(tx.db, plan.orgId, 'drawRecentKeepComplained')) === 1,
      };
      const { pool, excluded, kept } = applyExclusions(scope, await inspectionHistory(tx, plan.orgId), rules, today);
      if (pool.length === 0) throw new DrawError('draw.empty', `排除近期已检查或检查尚未办结的单位后，候选名单为空（排除 ${excluded.length} 家）`);
      await turn(); // each pass over a 100,000-unit pool takes tens of milliseconds: the event loop gets a turn between
      const candidates = sortIds(pool.map((u) => u.id));
      await turn();
      const coverage = plan.targetCoverage as TargetCoverage;

      // k or strata.
      let k: number;
      let strata: FrozenStratum[] | null = null;
      if (plan.stratifyByRisk) {
        if (input.k !== undefined) throw fieldError('k', '本计划按风险等级分层抽取，请按层填写抽取数量 strataK');
        strata = [];
        for (const tier of TIER_ORDER) {
          await turn();
          const ids = pool.filter((u) => u.riskTier === tier).map((u) => u.id);
          const label = RISK_TIER_LABELS[tier];
          if (ids.length === 0) {
            if (input.strataK?.[tier] !== undefined) throw fieldError(`strataK.${tier}`, `“${label}”层没有候选单位，不能抽取 ${input.strataK[tier]} 家`);
            continue;
          }
          const kk = input.strataK?.[tier] ?? byCoverage(ids.length, coverage.byRiskTier?.[tier] ?? coverage.overall);
          if (kk === undefined) throw fieldError(`strataK.${tier}`, `请填写“${label}”层的抽取数量（strataK.${tier}），或在计划中设置该层的目标覆盖率`);
          if (kk > ids.length) {
            throw new DrawError('draw.k_too_large', `“${label}”层抽取数量 ${kk} 大于该层候选单位数 ${ids.length}`, { stratum: label, k: kk, n: ids.length });
          }
          strata.push({ name: label, riskTier: tier, candidates: sortIds(ids), k: kk });
        }
        k = strata.reduce((s, x) => s + x.k, 0);
      } else {
        if (input.strataK !== undefined) throw fieldError('strataK', '本计划不分层，请填写抽取数量 k');
        const kk = input.k ?? byCoverage(pool.length, coverage.overall);
        if (kk === undefined) throw fieldError('k', '请填写抽取数量 k，或在计划中设置目标覆盖率');
        if (kk > pool.length) {
          throw new DrawError(
            'draw.k_too_large',
            `抽取数量 k = ${kk} 大于候选单位数 n = ${pool.length}（范围内 ${scope.length} 家，排除 ${excluded.length} 家）`,
            {
              k: kk,
              n: pool.length,
            },
          );
        }
        k = kk;
      }

      // Inspectors: certified and valid on the planned date; m without a conflict for every candidate.
      const all = await tx.db.select().from(inspectors).where(eq(inspectors.orgId, plan.orgId)).orderBy(asc(inspectors.name));
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
          `计划检查日期 ${input.plannedDate} 持有效执法证的执法人员只有 ${eligible.length} 名，检查组需要 ${m} 名` +
            (refused.length ? `；不符合条件：${refused.join('、')}` : ''),
          { m, n: eligible.length },
        );
      }
      // The eligible inspectors' conflicts (a few per inspector), kept for the candidates.
      const pairs = await tx.db
        .select({ inspectorId: inspectorConflicts.inspectorId, unitId: inspectorConflicts.unitId })
        .from(inspectorConflicts)
        .where(and(eq(inspectorConflicts.orgId, plan.orgId), sql`${inspectorConflicts.inspectorId} = ANY(${arrayParam(eligible.map((i) => i.id))}::uuid[])`));
      // Only a unit with a conflict can be short of inspectors (there are at least m eligible).
      const avoidOf = new Map<string, string[]>();
      for (const p of pairs) avoidOf.set(p.unitId, [...(avoidOf.get(p.unitId) ?? []), p.inspectorId]);
      const conflicts: Record<string, string[]> = {};
      const short: string[] = [];
      for (const u of pool) {
        const avoid = avoidOf.get(u.id);
        if (!avoid) continue;
        conflicts[u.id] = avoid.sort();
        if (eligible.length - avoid.length < m) {
          short.push(`${u.name}（可选 ${eligible.length - avoid.length} 名；回避：${avoid.map((x) => eligible.find((i) => i.id === x)!.name).join('、')}）`);
        }
      }
      if (short.length) {
        throw new DrawError('draw.not_enough_inspectors', `以下单位回避后可选执法人员不足 ${m} 名，无法组成检查组：${short.join('；')}`, { m });
      }

      // The frozen lists as jsonb parameters, written a slice at a time (and parsed by PostgreSQL, not here).
      const candidatesJson = await jsonb(candidates);
      await turn();
      // The display snapshot as arrays aligned with the candidates (the pool is in id order already: uuids sort alike).
      const byId = pool.every((u, i) => u.id === candidates[i]) ? null : new Map(pool.map((u) => [u.id, u]));
      const aligned = byId ? candidates.map((id) => byId.get(id)!) : pool;
      const unitsJson = await jsonb(
        '{"names":',
        aligned.map((u) => u.name),
        ',"types":',
        aligned.map((u) => u.type),
        ',"riskTiers":',
        aligned.map((u) => u.riskTier),
        '}',
      );
      const strataJson = strata
        ? await jsonb(
            '[',
            ...strata.flatMap((s, i) => [
              `${i ? ',' : ''}{"name":${JSON.stringify(s.name)},"riskTier":${JSON.stringify(s.riskTier)},"candidates":`,
              s.candidates,
              `,"k":${s.k}}`,
            ]),
            ']',
          )
        : null;
      const drawId = await nextRecordCode(tx, plan.orgId, 'inspection.draw', 'D', plan.year);
      const now = tx.now();
      const [row] = await tx.db
        .insert(D)
        .values({
          orgId: plan.orgId,
          planId: plan.id,
          drawId,
          plannedDate: input.plannedDate,
          candidates: sql`${candidatesJson}::jsonb`,
          listHash: listHash(candidates),
          strata: strataJson === null ? null : sql`${strataJson}::jsonb`,
          strataSummary: strata?.map((s) => ({ name: s.name, riskTier: s.riskTier, k: s.k, candidateCount: s.candidates.length })) ?? null,
          k,
          teamSize: m,
          exclusions: { excluded, kept, rules },
          units: sql`${unitsJson}::jsonb`,
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
        .returning({ id: D.id, listHash: D.listHash, entropySource: D.entropySource, publicValueName: D.publicValueName, redrawReason: D.redrawReason });
      const events = [];
      if (old && old.status === 'drawn') {
        // An executed result never disappears behind a redraw: it is published with it.
        await tx.db.update(D).set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now }).where(eq(D.id, old.id));
        events.push({
          orgId: plan.orgId,
          action: 'inspectionDraw.publish',
          entityType: 'inspectionDraw',
          entityId: old.id,
          before: { status: old.status },
          after: { status: 'published', note: `因重新抽取（${drawId}）一并公布` },
        });
      }
      // The list itself is in the draw; its hash (and count) in the record commit to it.
      events.unshift({
        orgId: plan.orgId,
        action: old ? 'inspectionDraw.redraw' : 'inspectionDraw.create',
        entityType: 'inspectionDraw',
        entityId: row!.id,
        after: {
          drawId,
          planId: plan.id,
          plannedDate: input.plannedDate,
          listHash: row!.listHash,
          candidateCount: candidates.length,
          strata: strata?.map((s) => ({ name: s.name, riskTier: s.riskTier, k: s.k, candidateCount: s.candidates.length })) ?? null,
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

/**
 * The stored verification of an executed draw if the result is still the one verified (its digest),
 * else a fresh one (`store`: written back, under the caller's lock). Null before execution.
 */
async function verificationOf(ctx: Ctx, d: DrawHead, store: boolean): Promise<DrawVerification | null> {
  const [row] = await ctx.db
    .select({
      executed: sql<boolean>`${D.result} IS NOT NULL`,
      verification: D.verification,
      intact: sql<boolean>`coalesce(${D.verifiedDigest} = ${D.resultDigest}, false)`,
    })
    .from(D)
    .where(eq(D.id, d.id));
  if (!row?.executed) return null;
  if (row.intact && row.verification) return row.verification as DrawVerification;
  const [record] = await recordJson(ctx, eq(D.id, d.id), 1);
  const verification = await runDrawJob({ kind: 'verify', record: record! }, d.candidateCount);
  if (store)
    await ctx.db
      .update(D)
      .set({ verification, verifiedDigest: sql`${D.resultDigest}` })
      .where(eq(D.id, d.id));
  return verification;
}

/**
 * The drawn units for display: each one's frozen name, type and tier read at its position in the
 * pool's snapshot (one jsonpath `$[p1, p2, …]` per list, not the whole snapshot), and its team.
 */
async function drawnUnitsOf(
  ctx: Ctx,
  id: string,
  selected: string[],
  positions: number[],
  teams: { unitId: string; selected: string[] }[],
): Promise<DrawnUnit[]> {
  const shown = new Map<string, { name: string | null; type: string | null; riskTier: string | null }>();
  const known = selected.map((unitId, i) => ({ unitId, at: positions[i]! })).filter((x) => x.at >= 0);
  if (known.length) {
    const path = `strict $[${known.map((x) => x.at).join(',')}]`;
    const keys = ['names', 'types', 'riskTiers'];
    const list = (key: string) => sql`jsonb_path_query(${D.units} -> ${key}::text, ${path}::jsonpath)`;
    // Only a snapshot whose lists are as long as the pool (positions are taken from the pool): else no names, not an error.
    const whole = keys.map(
      (key) =>
        sql`(CASE WHEN jsonb_typeof(${D.units} -> ${key}::text) = 'array' THEN jsonb_array_length(${D.units} -> ${key}::text) END) = ${D.candidateCount}`,
    );
    const rows = await ctx.db.execute<{ name: string | null; type: string | null; riskTier: string | null }>(sql`
      SELECT x.name #>> '{}' AS name, x.type #>> '{}' AS type, x.tier #>> '{}' AS "riskTier"
      FROM ${D}, ROWS FROM (${sql.join(keys.map(list), sql`, `)}) WITH ORDINALITY AS x(name, type, tier, o)
      WHERE ${D.id} = ${id} AND jsonb_typeof(${D.units}) = 'object' AND ${sql.join(whole, sql` AND `)} ORDER BY x.o`);
    if (rows.rows.length === known.length) rows.rows.forEach((r, i) => shown.set(known[i]!.unitId, r));
  }
  const teamOf = new Map(teams.map((t) => [t.unitId, t.selected]));
  return selected.map((unitId) => {
    const u = shown.get(unitId);
    return { unitId, name: u?.name ?? unitId, type: u?.type ?? null, riskTier: u?.riskTier ?? null, team: teamOf.get(unitId) ?? [] };
  });
}

/** Run the draw once: entropy now (server) or the public value named at creation. */
export async function executeDraw(ctx: ActorCtx, id: string, input: DrawExecuteInput): Promise<DrawDetail> {
  await inTx(ctx, async (tx) => {
    const d = await loadDraw(tx, id, 'inspection.manage', true);
    if (d.status !== 'pool_frozen') throw conflict(`批次 ${d.drawId} 已抽取，不能再次抽取；如确需重抽，请说明理由另行抽取`);
    const later = await supersededBy(tx, d.id);
    if (later) throw conflict(`批次 ${d.drawId} 已被 ${later.drawId} 取代，不能再抽取`);
    let entropy: string;
    if (input.entropySource === 'server') {
      if (d.entropySource === 'public')
        throw fieldError('entropySource', `批次 ${d.drawId} 冻结名单时已指定使用公开随机值“${d.publicValueName}”，不能改用服务器随机数`);
      if (input.entropy !== undefined) throw fieldError('entropy', '使用服务器随机数时不能指定 entropy（由服务器在抽取时生成）');
      entropy = newEntropy();
    } else {
      if (d.entropySource !== 'public') {
        throw fieldError('entropySource', `批次 ${d.drawId} 冻结名单时未预先指定公开随机值，只能使用服务器随机数（公开随机值的名称须在冻结名单时写明）`);
      }
      if (input.publicValueName !== undefined && input.publicValueName !== d.publicValueName) {
        throw fieldError('publicValueName', `公开随机值名称与冻结名单时写明的“${d.publicValueName}”不一致`);
      }
      if (!input.entropy) throw fieldError('entropy', `请填写公开随机值“${d.publicValueName}”`);
      if (input.entropy.includes('|')) throw fieldError('entropy', '公开随机值不能包含“|”');
      entropy = input.entropy;
    }
    // The frozen lists as JSON text: parsed where the draw runs (a worker thread for a large pool).
    const [frozen] = await tx.db
      .select({
        candidates: sql<string>`${D.candidates}::text`,
        strata: sql<string | null>`${D.strata}::text`,
        conflicts: sql<string>`${D.conflicts}::text`,
        inspectorIds: sql<
          string[] | null
        >`(SELECT jsonb_agg(i -> 'id' ORDER BY o) FROM jsonb_array_elements(${jsonArray(sql`${D.inspectorPool}`)}) WITH ORDINALITY AS x(i, o))`,
      })
      .from(D)
      .where(eq(D.id, id));
    const out = await runDrawJob(
      {
        kind: 'execute',
        drawId: d.drawId,
        entropy,
        candidates: frozen!.candidates,
        strata: frozen!.strata,
        k: d.k,
        teamSize: d.teamSize,
        inspectorIds: frozen!.inspectorIds ?? [],
        conflicts: frozen!.conflicts,
      },
      d.candidateCount,
    );
    if (out.listHash !== d.listHash) throw new AppError('internal', `批次 ${d.drawId} 的候选名单哈希与冻结时不一致`);
    const drawnUnits = await drawnUnitsOf(tx, id, out.selected, out.positions, out.teams);
    const now = tx.now();
    await tx.db
      .update(D)
      .set({
        entropy,
        seed: out.seed,
        // The record, without its candidate lists when they are the frozen ones (asFrozen): read back with them.
        result: sql`${out.record}::jsonb`,
        verification: out.verification,
        drawnUnits,
        status: 'drawn',
        executedAt: now,
        executedBy: ctx.actor.userId,
        updatedAt: now,
      })
      .where(eq(D.id, id));
    // The digest of the result as stored (SET sees the row before the update, so a second statement).
    await tx.db
      .update(D)
      .set({ verifiedDigest: sql`${D.resultDigest}` })
      .where(eq(D.id, id));
    await recordEvent(tx, {
      orgId: d.orgId,
      action: 'inspectionDraw.execute',
      entityType: 'inspectionDraw',
      entityId: id,
      before: { status: d.status },
      after: { status: 'drawn', entropySource: d.entropySource, entropy, seed: out.seed, selected: out.selected, teams: out.teams },
    });
  });
  return getDraw(ctx, id);
}

export async function publishDraw(ctx: ActorCtx, id: string): Promise<DrawDetail> {
  await inTx(ctx, async (tx) => {
    const d = await loadDraw(tx, id, 'inspection.manage', true);
    if (d.status === 'pool_frozen') throw conflict(`批次 ${d.drawId} 尚未抽取，不能公布`);
    if (d.status === 'published') throw conflict(`批次 ${d.drawId} 已公布`);
    await verificationOf(tx, d, true); // what goes public is verified as it is now
    const now = tx.now();
    await tx.db.update(D).set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now }).where(eq(D.id, id));
    await recordEvent(tx, {
      orgId: d.orgId,
      action: 'inspectionDraw.publish',
      entityType: 'inspectionDraw',
      entityId: id,
      before: { status: d.status },
      after: { status: 'published' },
    });
  });
  return getDraw(ctx, id);
}

function presentSummary(
  d: DrawHead,
  extra: { planTitle?: string; supersedesDrawId?: string | null; supersededBy?: { id: string | null; drawId: string | null } | null } = {},
): DrawSummary {
  return {
    id: d.id,
    orgId: d.orgId,
    planId: d.planId,
    planTitle: extra.planTitle,
    drawId: d.drawId,
    plannedDate: d.plannedDate,
    status: d.status as DrawStatus,
    statusLabel: DRAW_STATUS_LABELS[d.status as DrawStatus] ?? d.status,
    k: d.k,
    teamSize: d.teamSize,
    candidateCount: d.candidateCount,
    selectedCount: d.selectedCount,
    verified: d.verified,
    listHash: d.listHash,
    entropySource: d.entropySource as EntropySource,
    publicValueName: d.publicValueName,
    supersedesId: d.supersedesId,
    supersedesDrawId: extra.supersedesDrawId ?? null,
    redrawReason: d.redrawReason,
    supersededById: extra.supersededBy?.id ?? null,
    supersededByDrawId: extra.supersededBy?.drawId ?? null,
    createdAt: d.createdAt.toISOString(),
    executedAt: d.executedAt?.toISOString() ?? null,
    publishedAt: d.publishedAt?.toISOString() ?? null,
  };
}

/** The draw it superseded and the one that superseded it (at most one: unique index), joined. */
const prev = alias(D, 'prev');
const next = alias(D, 'next');

export async function listDraws(ctx: ActorCtx, q: DrawListQuery): Promise<DrawList> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(D.orgId, org.id)];
  if (q.planId) where.push(eq(D.planId, q.planId));
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(D)
    .where(and(...where));
  const { limit, offset } = limitOffset(q);
  const rows = await ctx.db
    .select({ d: HEAD, planTitle: inspectionPlans.title, prevDrawId: prev.drawId, nextId: next.id, nextDrawId: next.drawId })
    .from(D)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, D.planId))
    .leftJoin(prev, eq(prev.id, D.supersedesId))
    .leftJoin(next, eq(next.supersedesId, D.id))
    .where(and(...where))
    .orderBy(desc(D.createdAt), desc(D.drawId))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map((r) =>
      presentSummary(r.d, { planTitle: r.planTitle, supersedesDrawId: r.prevDrawId, supersededBy: r.nextId ? { id: r.nextId, drawId: r.nextDrawId } : null }),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The back office's view: the frozen parameters, the result with the frozen names and the teams, and
 * the verification made at execution (again only if the stored result changed since). The pool is
 * paged (`drawUnits`), the whole record is `drawRecordJson`.
 */
export async function getDraw(ctx: ActorCtx, id: string): Promise<DrawDetail> {
  const d = await loadDraw(ctx, id, 'inspection.read');
  const [x] = await ctx.db
    .select({
      planTitle: inspectionPlans.title,
      prevDrawId: prev.drawId,
      nextId: next.id,
      nextDrawId: next.drawId,
      exclusions: D.exclusions,
      inspectorPool: D.inspectorPool,
      strataSummary: D.strataSummary,
      drawnUnits: D.drawnUnits,
    })
    .from(D)
    .leftJoin(inspectionPlans, eq(inspectionPlans.id, D.planId))
    .leftJoin(prev, eq(prev.id, D.supersedesId))
    .leftJoin(next, eq(next.supersedesId, D.id))
    .where(eq(D.id, id));
  const inspectorPool = (x!.inspectorPool ?? []) as InspectorSnapshot[];
  const [{ generated } = { generated: 0 }] = await ctx.db
    .select({ generated: sql<number>`count(*)`.mapWith(Number) })
    .from(inspections)
    .where(eq(inspections.drawId, id));
  const inspectorsById = new Map(inspectorPool.map((i) => [i.id, i]));
  const exclusions = x!.exclusions as { excluded: Exclusion[]; kept: KeptNote[] };
  return {
    ...presentSummary(d, {
      planTitle: x!.planTitle ?? undefined,
      supersedesDrawId: x!.prevDrawId,
      supersededBy: x!.nextId ? { id: x!.nextId, drawId: x!.nextDrawId } : null,
    }),
    strata: (x!.strataSummary as DrawDetail['strata'] | null) ?? [],
    excluded: exclusions.excluded,
    kept: exclusions.kept,
    inspectorPool,
    selected: ((x!.drawnUnits as DrawnUnit[] | null) ?? []).map((u) => ({
      unitId: u.unitId,
      name: u.name,
      type: u.type,
      riskTier: u.riskTier,
      team: u.team.map((i) => ({ id: i, name: inspectorsById.get(i)?.name ?? i, certificateNo: inspectorsById.get(i)?.certificateNo ?? null })),
    })),
    entropy: d.entropy,
    seed: d.seed,
    verification: await verificationOf(ctx, d, false),
    inspectionsGenerated: generated,
    allowedActions: drawActions(d.status as DrawStatus, !!x!.nextId, can(ctx.actor, 'inspection.manage', { orgId: d.orgId }), generated > 0),
  };
}

/**
 * A page of the frozen pool, in the pool's order: the ids from `candidates` and the display snapshot
 * at the same positions. Without `q` the page is sliced by position (jsonpath `$[a to b]`), not by
 * expanding the pool; `q` matches a name or an id.
 */
export async function drawUnits(ctx: ActorCtx, id: string, q: DrawUnitsQuery): Promise<DrawUnitPage> {
  const d = await loadDraw(ctx, id, 'inspection.read');
  const { limit, offset } = limitOffset(q);
  const columns = sql`x.id #>> '{}' AS id, coalesce(x.name #>> '{}', x.id #>> '{}') AS name, coalesce(x.type #>> '{}', '') AS type, coalesce(x.tier #>> '{}', '') AS "riskTier"`;
  const lists = [sql`${D.candidates}`, sql`${D.units} -> 'names'`, sql`${D.units} -> 'types'`, sql`${D.units} -> 'riskTiers'`];
  if (!q.q) {
    const slice = (list: SQL) =>
      sql`jsonb_path_query(${jsonArray(list)}, '$[$a to $b]', jsonb_build_object('a', ${offset}::int, 'b', ${offset + limit - 1}::int))`;
    const rows = await ctx.db.execute<PoolUnitRow>(sql`
      SELECT ${columns} FROM ${D}, ROWS FROM (${sql.join(lists.map(slice), sql`, `)}) WITH ORDINALITY AS x(id, name, type, tier, o)
      WHERE ${D.id} = ${id} AND x.id IS NOT NULL ORDER BY x.o`);
    return { items: offset < d.candidateCount ? rows.rows : [], total: d.candidateCount, page: q.page, pageSize: q.pageSize };
  }
  const term = likeTerm(q.q);
  const all = sql`${D}, ROWS FROM (${sql.join(
    lists.map((list) => sql`jsonb_array_elements(${jsonArray(list)})`),
    sql`, `,
  )}) WITH ORDINALITY AS x(id, name, type, tier, o)
    WHERE ${D.id} = ${id} AND x.id IS NOT NULL AND (x.name #>> '{}' ILIKE ${term} OR x.id #>> '{}' ILIKE ${term})`;
  const rows = await ctx.db.execute<PoolUnitRow & { total: string }>(sql`
    SELECT ${columns}, count(*) OVER () AS total FROM ${all} ORDER BY x.o LIMIT ${limit} OFFSET ${offset}`);
  let total = Number(rows.rows[0]?.total ?? 0);
  if (rows.rows.length === 0 && offset > 0)
    total = Number((await ctx.db.execute<{ total: string }>(sql`SELECT count(*) AS total FROM ${all}`)).rows[0]?.total ?? 0);
  return { items: rows.rows.map(({ total: _, ...u }) => u), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The record of rows matching `where` as JSON text, fields in the documented order (json keeps the
 * order it is built in), strata and teams only when the record has them, candidate lists put back from
 * the frozen ones where the stored result leaves them out: PostgreSQL writes it, the server passes it
 * on without parsing a 100,000-id list.
 */
async function recordJson(ctx: Ctx, where: SQL, limit: number): Promise<string[]> {
  const r = sql`${D.result}`;
  const strata = sql`${r} -> 'strata'`;
  const teams = sql`${r} -> 'teams'`;
  const rows = await ctx.db.execute<{ record: string }>(sql`
    SELECT json_strip_nulls(json_build_object(
      'drawId', ${r} -> 'drawId', 'algorithm', ${r} -> 'algorithm', 'entropy', ${r} -> 'entropy', 'listHash', ${r} -> 'listHash',
      'seed', ${r} -> 'seed', 'candidates', coalesce(${r} -> 'candidates', ${D.candidates}), 'k', ${r} -> 'k', 'selected', ${r} -> 'selected',
      'strata', CASE WHEN jsonb_typeof(${strata}) = 'array' THEN (
        SELECT coalesce(json_agg(json_build_object('name', e -> 'name', 'candidates', coalesce(e -> 'candidates', ${D.strata} -> (o::int - 1) -> 'candidates'),
          'k', e -> 'k', 'selected', e -> 'selected') ORDER BY o), '[]'::json)
        FROM jsonb_array_elements(${strata}) WITH ORDINALITY AS x(e, o)) END,
      'teams', CASE WHEN jsonb_typeof(${teams}) = 'array' THEN (
        SELECT coalesce(json_agg(json_build_object('unitId', e -> 'unitId', 'candidates', e -> 'candidates', 'm', e -> 'm', 'selected', e -> 'selected') ORDER BY o), '[]'::json)
        FROM jsonb_array_elements(${teams}) WITH ORDINALITY AS x(e, o)) END
    ))::text AS record
    FROM ${D} WHERE ${where} AND ${D.result} IS NOT NULL LIMIT ${limit}`);
  return rows.rows.map((x) => x.record);
}

/** The record of an executed draw (published or not) as JSON text, for the back office's own check and download. */
export async function drawRecordJson(ctx: ActorCtx, id: string): Promise<string> {
  const d = await loadDraw(ctx, id, 'inspection.read');
  const [record] = await recordJson(ctx, eq(D.id, d.id), 1);
  if (!record) throw notFound(`批次 ${d.drawId} 的抽取记录（尚未抽取）`);
  return record;
}

// ---------------------------------------------------------------------------------------------
// Public (no sign-in)
// ---------------------------------------------------------------------------------------------

/** A published draw by its id (uuid) or its drawId (D-2025-001). */
const publicKey = (key: string) => and(UUID.test(key) ? eq(D.id, key) : eq(D.drawId, key), eq(D.status, 'published'))!;

export async function publicDraws(ctx: Ctx, q: PublicDrawListQuery): Promise<PublicDrawList> {
  const where = q.id ? publicKey(q.id) : eq(D.status, 'published');
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(D)
    .where(where);
  const { limit, offset } = limitOffset(q);
  const rows = await ctx.db
    .select({ d: HEAD, orgName: orgs.name, planTitle: inspectionPlans.title, year: inspectionPlans.year, prevDrawId: prev.drawId, nextDrawId: next.drawId })
    .from(D)
    .innerJoin(orgs, eq(orgs.id, D.orgId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, D.planId))
    // The superseded draw is named only when it is published too; the successor always.
    .leftJoin(prev, and(eq(prev.id, D.supersedesId), eq(prev.status, 'published')))
    .leftJoin(next, eq(next.supersedesId, D.id))
    .where(where)
    .orderBy(desc(D.publishedAt), asc(D.drawId), asc(D.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map(({ d, orgName, planTitle, year, prevDrawId, nextDrawId }) => ({
      id: d.id,
      drawId: d.drawId,
      orgName,
      planTitle,
      year,
      plannedDate: d.plannedDate,
      drawnAt: d.executedAt?.toISOString() ?? null,
      publishedAt: d.publishedAt?.toISOString() ?? null,
      k: d.k,
      candidateCount: d.candidateCount,
      supersedes: prevDrawId,
      redrawReason: d.redrawReason,
      supersededBy: nextDrawId,
      url: `/api/public/draws/${d.id}`,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One published record by its id (uuid) or its drawId (when no other org published the same drawId), as JSON text. */
export async function publicDrawJson(ctx: Ctx, key: string): Promise<string> {
  const rows = await recordJson(ctx, publicKey(key), 2);
  if (rows.length === 0) throw notFound('公布的抽取记录');
  if (rows.length > 1) throw conflict(`多个机构公布了编号为 ${key} 的抽取批次，请使用列表中的链接（按 id 访问）`);
  return rows[0]!;
}

/**
 * Names behind a published draw's ids (一公开: the public sees which units were drawn and who
 * inspects them, with certificate numbers). Kept outside the verified record so its shape stays
 * exactly lantai-draw-v1.
 */
export async function publicDrawNames(ctx: Ctx, key: string): Promise<PublicDrawNames> {
  const rows = await ctx.db
    .select({
      selected: sql<unknown[]>`${jsonArray(sql`${D.result} -> 'selected'`)}`,
      members: sql<unknown[] | null>`(SELECT jsonb_agg(DISTINCT m) FROM jsonb_array_elements(${jsonArray(sql`${D.result} -> 'teams'`)}) AS t,
        jsonb_array_elements(${jsonArray(sql`t -> 'selected'`)}) AS m)`,
    })
    .from(D)
    .where(and(publicKey(key), sql`${D.result} IS NOT NULL`))
    .limit(2);
  if (rows.length === 0) throw notFound('公布的抽取记录');
  if (rows.length > 1) throw conflict(`多个机构公布了编号为 ${key} 的抽取批次，请使用列表中的链接（按 id 访问）`);
  const ids = (list: unknown[] | null) => (list ?? []).filter((v): v is string => typeof v === 'string' && UUID.test(v));
  const unitIds = ids(rows[0]!.selected);
  const inspectorIds = ids(rows[0]!.members);
  const unitRows = unitIds.length
    ? await ctx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(sql`${units.id} = ANY(${arrayParam(unitIds)}::uuid[])`)
    : [];
  const inspectorRows = inspectorIds.length
    ? await ctx.db
        .select({ id: inspectors.id, name: inspectors.name, certificateNo: inspectors.certificateNo })
        .from(inspectors)
        .where(sql`${inspectors.id} = ANY(${arrayParam(inspectorIds)}::uuid[])`)
    : [];
  return {
    units: Object.fromEntries(unitRows.map((u) => [u.id, u.name])) as Record<string, string>,
    inspectors: Object.fromEntries(inspectorRows.map((i) => [i.id, { name: i.name, certificateNo: i.certificateNo }])) as Record<
      string,
      { name: string; certificateNo: string }
    >,
  };
}
