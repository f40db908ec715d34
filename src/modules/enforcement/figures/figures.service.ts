/**
 * The enforcement figures in the kernel figure registry: loads, for the scope's orgs (an org subtree
 * in one SQL query) and period, the cases that can count — filed (立案 approved) by the period's end
 * and not closed before its start; a filing awaiting approval or refused is not a case — and figures.ts picks each figure's records.
 */
import { and, asc, eq, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ActorCtx } from '../../../kernel/context.js';
import type { FigureScope, FigureSet } from '../../../kernel/figures/registry.js';
import { orgs } from '../../../kernel/schema.js';
import { PENALTY_TYPES, type PenaltyType } from '../labels.js';
import { enforcementCases } from '../schema.js';
import { byPenaltyFigure, ENFORCEMENT_FIGURES, enforcementFigureRecords, type FigureCase } from './figures.js';

const loadedCases = (scope: FigureScope) => {
  const t = enforcementCases;
  return and(
    inArray(t.orgId, scope.orgIds),
    notInArray(t.status, ['filing', 'not_filed']),
    lte(t.filedOn, scope.to),
    or(isNull(t.closedOn), gte(t.closedOn, scope.from)),
  );
};

/**
 * Every figure as one SQL aggregate over the rows `load` reads, with figures.ts's rules: filed, decided
 * (and no penalty, by heaviest penalty, with a fine), payments and 法制审核 opinions inside the period
 * (jsonb arrays), hearings held.
 */
async function values(ctx: ActorCtx, scope: FigureScope): Promise<Record<string, number>> {
  if (!scope.orgIds.length) return {};
  const t = enforcementCases;
  const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
  const inPeriod = (col: AnyPgColumn) => sql`${col} between ${scope.from} and ${scope.to}`;
  const decided = sql`${t.result} is not null and ${t.result} <> '' and ${inPeriod(t.decidedOn)}`;
  const penalty = sql`${decided} and ${t.result} = 'penalty'`;
  const period = sql`${JSON.stringify({ from: scope.from, to: scope.to })}::jsonb`;
  const reviews = (result: 'passed' | 'returned') =>
    sql<number>`coalesce(sum(jsonb_array_length(jsonb_path_query_array(${t.reviews}, ${`$[*] ? (@.result == "${result}" && @.reviewedOn >= $from && @.reviewedOn <= $to)`}::jsonpath, ${period}))), 0)`.mapWith(
      Number,
    );
  const [row] = await ctx.db
    .select({
      opened: n(sql`${t.filedOn} >= ${scope.from}`),
      decided: n(decided),
      noPenalty: n(sql`${decided} and ${t.result} in ('no_penalty', 'not_established')`),
      finesImposed: n(sql`${penalty} and coalesce(${t.fineAmount}, 0) > 0`),
      // jsonpath over the arrays (no set-returning subquery per row): a payment, and 法制审核 opinions, in the period
      finesCollected: n(sql`jsonb_path_exists(${t.payments}, '$[*] ? (@.paidOn >= $from && @.paidOn <= $to)', ${period})`),
      reviewsPassed: reviews('passed'),
      reviewsReturned: reviews('returned'),
      hearingsHeld: n(inPeriod(t.hearingHeldOn)),
      ...Object.fromEntries(PENALTY_TYPES.map((p) => [p, n(sql`${penalty} and ${t.heaviestPenalty} = ${p}`)])),
    })
    .from(t)
    .where(loadedCases(scope));
  const r = (row ?? {}) as Record<string, number>;
  return {
    'cases.opened': r.opened ?? 0,
    'cases.decided': r.decided ?? 0,
    'cases.noPenalty': r.noPenalty ?? 0,
    'fines.imposed': r.finesImposed ?? 0,
    'fines.collected': r.finesCollected ?? 0,
    'reviews.passed': r.reviewsPassed ?? 0,
    'reviews.returned': r.reviewsReturned ?? 0,
    'hearings.held': r.hearingsHeld ?? 0,
    ...Object.fromEntries(PENALTY_TYPES.map((p) => [byPenaltyFigure(p), r[p] ?? 0])),
  };
}

async function load(ctx: ActorCtx, scope: FigureScope): Promise<FigureCase[]> {
  if (!scope.orgIds.length) return [];
  const t = enforcementCases;
  const rows = await ctx.db
    .select({
      id: t.id,
      orgId: t.orgId,
      orgName: orgs.name,
      caseNo: t.caseNo,
      partyName: t.partyName,
      filedOn: t.filedOn,
      decidedOn: t.decidedOn,
      result: t.result,
      heaviestPenalty: t.heaviestPenalty,
      fineAmount: t.fineAmount,
      payments: t.payments,
      reviews: t.reviews,
      hearingHeldOn: t.hearingHeldOn,
    })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(loadedCases(scope))
    .orderBy(asc(t.filedOn), asc(t.caseNo));
  return rows.map((r) => ({
    ...r,
    heaviestPenalty: r.heaviestPenalty as PenaltyType | null,
    payments: r.payments as FigureCase['payments'],
    reviews: r.reviews as FigureCase['reviews'],
  }));
}

export const enforcementFigures: FigureSet = {
  module: 'enforcement',
  action: 'enforcement.read',
  figures: ENFORCEMENT_FIGURES,
  load,
  records: (name, data, scope) => enforcementFigureRecords(name, data as FigureCase[], scope),
  values,
};
