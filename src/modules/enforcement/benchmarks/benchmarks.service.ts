/**
 * 裁量基准: per org, loaded from the standard of the archives law (`standard.ts`) and adjustable
 * (recommended ranges inside the statutory range); listed for the staff and published on the portal
 * (行政处罚法第三十四条).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { countAll } from '../../../kernel/db/paging.js';
import { validation } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import {
  BENCHMARK_PARTY_KIND_LABELS,
  CIRCUMSTANCE_LABELS,
  CIRCUMSTANCES,
  PENALTY_TYPE_LABELS,
  type BenchmarkPartyKind,
  type Circumstance,
  type PenaltyType,
} from '../labels.js';
import { enforcementBenchmarks } from '../schema.js';
import type { BenchmarkLevelsInput, BenchmarkList, BenchmarkView, PublicBenchmarkPage } from './contracts.js';
import { standardBenchmarks } from './standard.js';

export type BenchmarkRow = typeof enforcementBenchmarks.$inferSelect;
type StoredLevel = { circumstance: Circumstance; min: number; max: number; penalties: PenaltyType[]; description: string };

export function presentBenchmark(b: BenchmarkRow, orgName: string): BenchmarkView {
  const levels = (b.levels as StoredLevel[]).map((l) => ({
    ...l,
    circumstanceLabel: CIRCUMSTANCE_LABELS[l.circumstance],
    penaltiesLabel: l.penalties.map((p) => PENALTY_TYPE_LABELS[p]).join('、'),
  }));
  return {
    id: b.id,
    orgId: b.orgId,
    orgName,
    code: b.code,
    partyKind: b.partyKind as BenchmarkPartyKind,
    partyKindLabel: BENCHMARK_PARTY_KIND_LABELS[b.partyKind as BenchmarkPartyKind],
    violation: b.violation,
    breachBasis: b.breachBasis,
    penaltyBasis: b.penaltyBasis,
    statutoryMin: b.statutoryMin,
    statutoryMax: b.statutoryMax,
    confiscation: b.confiscation,
    levels,
  };
}

/** Loads the standard benchmarks into an org that has none yet (demo, or the 载入 button); returns how many were added. */
export async function seedStandardBenchmarks(ctx: ActorCtx, orgId: string): Promise<number> {
  authorize(ctx.actor, 'enforcement.manage', { orgId, orgPath: ctx.actor.orgPath });
  return inTx(ctx, async (tx) => {
    const have = await tx.db
      .select({ code: enforcementBenchmarks.code, partyKind: enforcementBenchmarks.partyKind })
      .from(enforcementBenchmarks)
      .where(eq(enforcementBenchmarks.orgId, orgId));
    const known = new Set(have.map((h) => `${h.code}/${h.partyKind}`));
    const rows = standardBenchmarks().filter((s) => !known.has(`${s.code}/${s.partyKind}`));
    if (!rows.length) return 0;
    const now = tx.now();
    const inserted = await tx.db
      .insert(enforcementBenchmarks)
      .values(rows.map((r) => ({ ...r, orgId, createdAt: now, updatedAt: now })))
      .returning({ id: enforcementBenchmarks.id, code: enforcementBenchmarks.code, partyKind: enforcementBenchmarks.partyKind });
    for (const r of inserted) {
      await recordEvent(tx, {
        orgId,
        action: 'enforcement.benchmark.create',
        entityType: 'enforcementBenchmark',
        entityId: r.id,
        after: { code: r.code, partyKind: r.partyKind },
      });
    }
    return inserted.length;
  });
}

export async function listBenchmarks(ctx: ActorCtx, q: { orgId?: string | undefined }): Promise<BenchmarkList> {
  const org = await readableOrg(ctx, q.orgId);
  const rows = await ctx.db
    .select()
    .from(enforcementBenchmarks)
    .where(and(eq(enforcementBenchmarks.orgId, org.id), eq(enforcementBenchmarks.status, 'active')))
    .orderBy(asc(enforcementBenchmarks.code), asc(enforcementBenchmarks.partyKind));
  return { items: rows.map((r) => presentBenchmark(r, org.name)) };
}

/** The portal's list: every org's active benchmarks (or one org's), no sign-in. */
export async function publicBenchmarks(ctx: Ctx, q: { org?: string | undefined; page: number; pageSize: number }): Promise<PublicBenchmarkPage> {
  const t = enforcementBenchmarks;
  const rows = await ctx.db
    .select({ b: t, orgName: orgs.name, total: countAll })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(and(eq(t.status, 'active'), ...(q.org ? [eq(t.orgId, q.org)] : [])))
    .orderBy(asc(orgs.path), asc(t.code), asc(t.partyKind))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => presentBenchmark(r.b, r.orgName)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Changes one benchmark's recommended ranges: each inside the statutory range, min ≤ max, all four circumstances. */
export async function updateBenchmarkLevels(ctx: ActorCtx, id: string, input: BenchmarkLevelsInput): Promise<BenchmarkView> {
  return inTx(ctx, async (tx) => {
    const [found] = await tx.db.select().from(enforcementBenchmarks).where(eq(enforcementBenchmarks.id, id)).for('update');
    const b = await guardRecord(tx, found, 'enforcement.manage', '裁量基准');
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.levels.forEach((l, i) => {
      if (seen.has(l.circumstance)) fields[`levels.${i}.circumstance`] = `“${CIRCUMSTANCE_LABELS[l.circumstance]}”重复`;
      seen.add(l.circumstance);
      if (l.min > l.max) fields[`levels.${i}.min`] = '下限不能高于上限';
      if (l.min < b.statutoryMin || l.max > b.statutoryMax) fields[`levels.${i}.max`] = `推荐幅度须在法定幅度（${b.statutoryMin}—${b.statutoryMax} 元）内`;
    });
    if (Object.keys(fields).length) throw validation(Object.values(fields)[0]!, fields);
    const levels = CIRCUMSTANCES.map((c) => input.levels.find((l) => l.circumstance === c)!);
    await tx.db.update(enforcementBenchmarks).set({ levels, updatedAt: tx.now() }).where(eq(enforcementBenchmarks.id, id));
    await recordEvent(tx, {
      orgId: b.orgId,
      action: 'enforcement.benchmark.update',
      entityType: 'enforcementBenchmark',
      entityId: id,
      before: { levels: b.levels },
      after: { levels },
    });
    const [org] = await tx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, b.orgId));
    return presentBenchmark({ ...b, levels }, org!.name);
  });
}

export async function benchmarksByIds(ctx: Ctx, ids: string[]): Promise<Map<string, BenchmarkRow>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db.select().from(enforcementBenchmarks).where(inArray(enforcementBenchmarks.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
