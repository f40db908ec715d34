/**
 * The disclosure figures in the kernel figure registry (GET /api/figures, …/:key/records): loads, for
 * the scope's orgs (summed over an org subtree in SQL) and period, the applications that can count —
 * received by its end and not decided before its start — and the disputes filed in it; figures.ts
 * picks each figure's records from them.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import type { FigureScope, FigureSet } from '../../../kernel/figures/registry.js';
import { orgs } from '../../../kernel/schema.js';
import { disputesFiledBetween } from '../../disputes/index.js';
import type { OutcomeCode } from '../labels.js';
import { disclosureApplications } from '../schema.js';
import { DISCLOSURE_FIGURES, disclosureFigureRecords, type DisclosureFigureData, type FigureApplication } from './figures.js';

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
    .where(and(inArray(t.orgId, scope.orgIds), lte(t.receivedOn, scope.to), or(isNull(t.decidedOn), gte(t.decidedOn, scope.from))))
    .orderBy(asc(t.receivedOn), asc(t.id));
  return rows.map((r) => ({ ...r, outcome: r.outcome as OutcomeCode | null }));
}

async function load(ctx: ActorCtx, scope: FigureScope): Promise<DisclosureFigureData> {
  return { applications: await loadApplications(ctx, scope), disputes: await disputesFiledBetween(ctx, scope.orgIds, scope.from, scope.to) };
}

/** Registered by the module's descriptor; readable with `disclosure.read` (the roles that read disputes read disclosure too). */
export const disclosureFigures: FigureSet = {
  module: 'disclosure',
  action: 'disclosure.read',
  figures: DISCLOSURE_FIGURES,
  load,
  records: (name, data, scope) => disclosureFigureRecords(name, data as DisclosureFigureData, scope),
};
