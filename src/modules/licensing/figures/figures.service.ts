/**
 * The licensing figures in the kernel figure registry (GET /api/figures, …/:key/records): loads, for the
 * scope's orgs (an org, or its subtree as a semi-join in SQL) the applications received, accepted or
 * decided in the period — a silent acceptance counted as of receipt even before the sweep records it —
 * and figures.ts picks each figure's records from them.
 */
import { and, asc, eq, gte, lte, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ActorCtx } from '../../../kernel/context.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { inOrgs } from '../../../kernel/db/paging.js';
import type { FigureScope, FigureSet } from '../../../kernel/figures/registry.js';
import { orgs } from '../../../kernel/schema.js';
import type { Channel, Result } from '../labels.js';
import { licensingApplications, licensingItems } from '../schema.js';
import { deemedAcceptance } from '../applications/clock.js';
import { LICENSING_FIGURES, licensingFigureRecords, type FigureApplication } from './figures.js';

const between = (col: AnyPgColumn, s: FigureScope) => and(gte(col, s.from), lte(col, s.to));

async function load(ctx: ActorCtx, scope: FigureScope): Promise<FigureApplication[]> {
  const t = licensingApplications;
  const rows = await ctx.db
    .select({ a: t, orgName: orgs.name, itemName: licensingItems.name })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .innerJoin(licensingItems, eq(licensingItems.id, t.itemId))
    .where(
      and(
        inOrgs(t.orgId, scope.includeChildren ? { subtreeOf: scope.org.path } : scope.org.id),
        lte(t.receivedOn, scope.to),
        or(between(t.receivedOn, scope), between(t.acceptedOn, scope), between(t.decidedOn, scope), eq(t.status, 'submitted')),
      ),
    )
    .orderBy(asc(t.receivedOn), asc(t.id));
  const cal = rows.some((r) => r.a.status === 'submitted') ? await loadWorkCalendar(ctx.db) : null;
  return rows.map(({ a, orgName, itemName }) => {
    const deemed = cal && a.status === 'submitted' ? deemedAcceptance(cal, a, scope.today) : null;
    return {
      id: a.id,
      orgId: a.orgId,
      orgName,
      code: a.code,
      applicantName: a.applicantName,
      itemName,
      channel: a.channel as Channel,
      receivedOn: a.receivedOn,
      acceptedOn: deemed ? deemed.on : a.acceptedOn,
      acceptanceDeemed: deemed ? true : a.acceptanceDeemed,
      decidedOn: a.decidedOn,
      result: a.result as Result | null,
    };
  });
}

/** Registered by the module's descriptor; readable with `licensing.read`. */
export const licensingFigures: FigureSet = {
  module: 'licensing',
  action: 'licensing.read',
  figures: LICENSING_FIGURES,
  load,
  records: (name, data, scope) => licensingFigureRecords(name, data as FigureApplication[], scope),
};
