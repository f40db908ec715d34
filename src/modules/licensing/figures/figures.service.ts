/**
 * The licensing figures in the kernel figure registry (GET /api/figures, …/:key/records): loads, for the
 * scope's orgs (an org, or its subtree as a semi-join in SQL) the applications received, accepted or
 * decided in the period — a silent acceptance counted as of receipt even before the sweep records it —
 * and figures.ts picks each figure's records from them.
 */
import { and, asc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ActorCtx } from '../../../kernel/context.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { inOrgs } from '../../../kernel/db/paging.js';
import type { FigureScope, FigureSet } from '../../../kernel/figures/registry.js';
import { orgs } from '../../../kernel/schema.js';
import type { Channel, Result } from '../labels.js';
import { licensingApplications, licensingItems } from '../schema.js';
import { deemedAcceptance } from '../applications/clock.js';
import { LICENSING_FIGURES, licensingFigureRecords, percent, type FigureApplication } from './figures.js';

const between = (col: AnyPgColumn, s: FigureScope) => and(gte(col, s.from), lte(col, s.to));

const loadedApplications = (scope: FigureScope) => {
  const t = licensingApplications;
  return and(
    inOrgs(t.orgId, scope.includeChildren ? { subtreeOf: scope.org.path } : scope.org.id),
    lte(t.receivedOn, scope.to),
    or(between(t.receivedOn, scope), between(t.acceptedOn, scope), between(t.decidedOn, scope), eq(t.status, 'submitted')),
  );
};

/**
 * The figures as SQL aggregates over the rows `load` reads, with figures.ts's rules; a silent acceptance
 * not yet recorded is found, as `load` finds it, among the (few) applications still submitted.
 */
async function values(ctx: ActorCtx, scope: FigureScope): Promise<Record<string, number>> {
  const t = licensingApplications;
  const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
  const received = sql`${t.receivedOn} between ${scope.from} and ${scope.to}`;
  const decided = sql`${t.decidedOn} between ${scope.from} and ${scope.to}`;
  const [[row], submitted] = await Promise.all([
    ctx.db
      .select({
        received: n(received),
        online: n(sql`${received} and ${t.channel} = 'online'`),
        accepted: n(sql`${t.acceptedOn} between ${scope.from} and ${scope.to}`),
        granted: n(sql`${decided} and ${t.result} = 'granted'`),
        refused: n(sql`${decided} and ${t.result} = 'refused'`),
      })
      .from(t)
      .where(loadedApplications(scope)),
    ctx.db
      .select()
      .from(t)
      .where(and(loadedApplications(scope), eq(t.status, 'submitted'), isNull(t.acceptedOn))),
  ]);
  let deemed = 0;
  if (submitted.length) {
    const cal = await loadWorkCalendar(ctx.db);
    for (const a of submitted) {
      const d = deemedAcceptance(cal, a, scope.today);
      if (d && d.on >= scope.from && d.on <= scope.to) deemed += 1;
    }
  }
  const r = row ?? { received: 0, online: 0, accepted: 0, granted: 0, refused: 0 };
  return {
    'applications.received': r.received,
    'applications.accepted': r.accepted + deemed,
    'applications.granted': r.granted,
    'applications.refused': r.refused,
    'applications.online': r.online,
    onlineRate: percent(r.online, r.received),
  };
}

async function load(ctx: ActorCtx, scope: FigureScope): Promise<FigureApplication[]> {
  const t = licensingApplications;
  const rows = await ctx.db
    .select({
      // what the figures and the deemed acceptance read — not the whole row (its materials and letters)
      a: {
        id: t.id,
        orgId: t.orgId,
        code: t.code,
        applicantName: t.applicantName,
        channel: t.channel,
        status: t.status,
        receivedOn: t.receivedOn,
        acceptedOn: t.acceptedOn,
        acceptanceDeemed: t.acceptanceDeemed,
        correctionSentOn: t.correctionSentOn,
        correctedOn: t.correctedOn,
        exclusions: t.exclusions,
        extensionDays: t.extensionDays,
        extensionReason: t.extensionReason,
        extensionApprovedOn: t.extensionApprovedOn,
        decidedOn: t.decidedOn,
        result: t.result,
        certificateIssuedOn: t.certificateIssuedOn,
        publishedOn: t.publishedOn,
        withdrawnOn: t.withdrawnOn,
      },
      orgName: orgs.name,
      itemName: licensingItems.name,
    })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .innerJoin(licensingItems, eq(licensingItems.id, t.itemId))
    .where(loadedApplications(scope))
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
  values,
};
