/**
 * The disclosure figures in the kernel figure registry (GET /api/figures, …/:key/records): loads, for
 * the scope's orgs (summed over an org subtree in SQL) and period, the applications that can count —
 * received by its end and not decided before its start — and the disputes filed in it; figures.ts
 * picks each figure's records from them.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import type { FigureScope, FigureSet } from '../../../kernel/figures/registry.js';
import { orgs } from '../../../kernel/schema.js';
import { disputesFiledBetween } from '../../disputes/index.js';
import { OUTCOME_BY_CODE, OUTCOME_CODES, OUTCOME_GROUPS, type OutcomeCode } from '../labels.js';
import { disclosureApplications } from '../schema.js';
import { DISCLOSURE_FIGURES, disclosureFigureRecords, groupFigure, outcomeFigure, type DisclosureFigureData, type FigureApplication } from './figures.js';

/** The applications that can count over the scope: received by the period's end, not decided before its start. */
const loadedApplications = (scope: FigureScope) => {
  const t = disclosureApplications;
  return and(inArray(t.orgId, scope.orgIds), lte(t.receivedOn, scope.to), or(isNull(t.decidedOn), gte(t.decidedOn, scope.from)));
};

async function loadApplications(ctx: ActorCtx, scope: FigureScope): Promise<FigureApplication[]> {
  if (!scope.orgIds.length) return [];
  const t = disclosureApplications;
  const rows = await ctx.db
    .select({
      id: t.id,
      orgId: t.orgId,
      orgName: orgs.name,
      trackingCode: t.trackingCode,
      applicantName: t.applicantName,
      receivedOn: t.receivedOn,
      decidedOn: t.decidedOn,
      outcome: t.outcome,
    })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(loadedApplications(scope))
    .orderBy(asc(t.receivedOn), asc(t.id));
  return rows.map((r) => ({ ...r, outcome: r.outcome as OutcomeCode | null }));
}

async function load(ctx: ActorCtx, scope: FigureScope): Promise<DisclosureFigureData> {
  return { applications: await loadApplications(ctx, scope), disputes: await disputesFiledBetween(ctx, scope.orgIds, scope.from, scope.to) };
}

/**
 * The application figures as SQL aggregates over the same rows `loadApplications` reads (received by the
 * period's end, not decided before its start) with figures.ts's rules: received, carried in and out, and
 * the decided ones by outcome (decided, each group, each outcome); the disputes, few, through their records.
 */
async function values(ctx: ActorCtx, scope: FigureScope): Promise<Record<string, number>> {
  if (!scope.orgIds.length) return {};
  const t = disclosureApplications;
  const loaded = loadedApplications(scope);
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
  const [[flows], byOutcome, disputes] = await Promise.all([
    ctx.db
      .select({
        received: n(sql`${t.receivedOn} >= ${scope.from}`),
        carriedIn: n(sql`${t.receivedOn} < ${scope.from}`),
        carriedOut: n(sql`${t.decidedOn} is null or ${t.decidedOn} > ${scope.to}`),
      })
      .from(t)
      .where(loaded),
    ctx.db
      .select({ outcome: t.outcome, n: sql<number>`count(*)`.mapWith(Number) })
      .from(t)
      .where(and(loaded, lte(t.decidedOn, scope.to)))
      .groupBy(t.outcome),
    disputesFiledBetween(ctx, scope.orgIds, scope.from, scope.to),
  ]);
  const out: Record<string, number> = { received: flows?.received ?? 0, carriedIn: flows?.carriedIn ?? 0, carriedOut: flows?.carriedOut ?? 0, decided: 0 };
  for (const g of OUTCOME_GROUPS) out[groupFigure(g)] = 0;
  for (const c of OUTCOME_CODES) out[outcomeFigure(c)] = 0;
  for (const r of byOutcome) {
    out.decided! += r.n;
    const code = r.outcome as OutcomeCode | null;
    if (!code || !OUTCOME_BY_CODE[code]) continue;
    out[outcomeFigure(code)]! += r.n;
    out[groupFigure(OUTCOME_BY_CODE[code].group)]! += r.n;
  }
  // the disputes (a handful a year) by the records' own rule
  const few: DisclosureFigureData = { applications: [], disputes };
  for (const d of DISCLOSURE_FIGURES) if (out[d.name] === undefined) out[d.name] = disclosureFigureRecords(d.name, few, scope).length;
  return out;
}

/** Registered by the module's descriptor; readable with `disclosure.read` (the roles that read disputes read disclosure too). */
export const disclosureFigures: FigureSet = {
  module: 'disclosure',
  action: 'disclosure.read',
  figures: DISCLOSURE_FIGURES,
  load,
  records: (name, data, scope) => disclosureFigureRecords(name, data as DisclosureFigureData, scope),
  values,
};
