/**
 * The enforcement figures in the kernel figure registry: loads, for the scope's orgs (an org subtree
 * in one SQL query) and period, the cases that can count — filed (立案 approved) by the period's end
 * and not closed before its start; a filing awaiting approval or refused is not a case — and figures.ts picks each figure's records.
 */
import { and, asc, eq, gte, inArray, isNull, lte, notInArray, or } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import type { FigureScope, FigureSet } from '../../../kernel/figures/registry.js';
import { orgs } from '../../../kernel/schema.js';
import type { PenaltyType } from '../labels.js';
import { enforcementCases } from '../schema.js';
import { ENFORCEMENT_FIGURES, enforcementFigureRecords, type FigureCase } from './figures.js';

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
    .where(
      and(
        inArray(t.orgId, scope.orgIds),
        notInArray(t.status, ['filing', 'not_filed']),
        lte(t.filedOn, scope.to),
        or(isNull(t.closedOn), gte(t.closedOn, scope.from)),
      ),
    )
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
};
