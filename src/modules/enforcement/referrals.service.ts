/**
 * 案件线索 (enforcement referrals): the intake of the enforcement module. Another module (today the
 * inspections module, for a serious finding of a signed on-site record) hands a referral over with
 * `createReferral` inside its own transaction; the referral gets a code R-2025-001 per org and year.
 * The inbox lists them; a pending one may be declined (不予立案) with a reason; a case (立案, later)
 * sets `case_id`. Referrals are never deleted.
 */
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx, type ActorCtx, type Ctx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { authorize } from '../../kernel/auth/policy.js';
import { todayInChina } from '../../kernel/calendar/store.js';
import { countAll, likeTerm } from '../../kernel/db/paging.js';
import { nextRecordCode } from '../../kernel/documents/index.js';
import { conflict } from '../../kernel/http/errors.js';
import { users } from '../../kernel/schema.js';
import { guardRecord, readableOrg } from '../../kernel/tenancy/index.js';
import { units } from '../orgs/index.js';
import { enforcementReferrals } from './schema.js';
import {
  REFERRAL_SOURCE_LABELS,
  REFERRAL_STATUS_LABELS,
  type DeclineInput,
  type ReferralEntry,
  type ReferralListQuery,
  type ReferralPage,
  type ReferralStatus,
  type ReferralView,
} from './contracts.js';

type ReferralRow = typeof enforcementReferrals.$inferSelect;

/** What another module hands over; the referral belongs to `orgId` (the actor's own org). */
export interface NewReferral {
  orgId: string;
  sourceType: 'inspection';
  sourceId: string;
  sourceRef: string;
  unitId: string;
  referredOn: string;
  facts: string;
  entries: ReferralEntry[];
  suspectedBasis: string | null;
}

/**
 * Hand a referral over (移送立案), inside the caller's transaction `tx`: the row and its record
 * (`enforcement.referral.create`). The caller checks its own rules (which entries, which status).
 */
export async function createReferral(tx: ActorCtx, input: NewReferral): Promise<ReferralRow> {
  authorize(tx.actor, 'enforcement.manage', { orgId: input.orgId, orgPath: tx.actor.orgPath });
  const code = await nextRecordCode(tx, input.orgId, 'enforcement.referral', 'R', Number(input.referredOn.slice(0, 4)));
  const now = tx.now();
  const [row] = await tx.db
    .insert(enforcementReferrals)
    .values({ ...input, code, status: 'pending', createdBy: tx.actor.userId, createdAt: now, updatedAt: now })
    .returning();
  await recordEvent(tx, {
    orgId: input.orgId,
    action: 'enforcement.referral.create',
    entityType: 'enforcementReferral',
    entityId: row!.id,
    after: {
      code,
      sourceType: input.sourceType,
      sourceRef: input.sourceRef,
      unitId: input.unitId,
      referredOn: input.referredOn,
      facts: input.facts,
      entries: input.entries,
      suspectedBasis: input.suspectedBasis,
      status: 'pending',
    },
  });
  return row!;
}

function present(r: ReferralRow, unitName: string, createdByName: string | null): ReferralView {
  return {
    id: r.id,
    orgId: r.orgId,
    code: r.code,
    sourceType: r.sourceType,
    sourceLabel: REFERRAL_SOURCE_LABELS[r.sourceType] ?? r.sourceType,
    sourceId: r.sourceId,
    sourceRef: r.sourceRef,
    unitId: r.unitId,
    unitName,
    referredOn: r.referredOn,
    facts: r.facts,
    entries: r.entries as ReferralEntry[],
    suspectedBasis: r.suspectedBasis,
    status: r.status as ReferralStatus,
    statusLabel: REFERRAL_STATUS_LABELS[r.status as ReferralStatus] ?? r.status,
    caseId: r.caseId,
    decisionNote: r.decisionNote,
    createdByName,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function presentRows(ctx: Ctx, where: SQL[], order: SQL[], page?: { limit: number; offset: number }) {
  const q = ctx.db
    .select({ r: enforcementReferrals, unitName: units.name, createdByName: users.displayName, total: countAll })
    .from(enforcementReferrals)
    .innerJoin(units, eq(units.id, enforcementReferrals.unitId))
    .leftJoin(users, eq(users.id, enforcementReferrals.createdBy))
    .where(and(...where))
    .orderBy(...order);
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return { items: rows.map((x) => present(x.r, x.unitName, x.createdByName)), total: rows[0]?.total ?? 0 };
}

/** The inbox: referrals of the actor's org (or a descendant it asks for), newest first. */
export async function listReferrals(ctx: ActorCtx, q: z.infer<typeof ReferralListQuery>): Promise<ReferralPage> {
  const org = await readableOrg(ctx, q.orgId);
  const t = enforcementReferrals;
  const where: SQL[] = [eq(t.orgId, org.id)];
  if (q.status) where.push(eq(t.status, q.status));
  if (q.q) where.push(sql`(${ilike(units.name, likeTerm(q.q))} OR ${ilike(t.code, likeTerm(q.q))} OR ${ilike(t.sourceRef, likeTerm(q.q))})`);
  const { items, total } = await presentRows(ctx, where, [desc(t.referredOn), desc(t.code)], { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getReferral(ctx: ActorCtx, id: string): Promise<ReferralView> {
  const [row] = await ctx.db.select().from(enforcementReferrals).where(eq(enforcementReferrals.id, id));
  await guardRecord(ctx, row, 'enforcement.read', '案件线索');
  return (await presentRows(ctx, [eq(enforcementReferrals.id, id)], [asc(enforcementReferrals.code)])).items[0]!;
}

/** The referrals handed over from one source record (e.g. an inspection's detail lists its own), oldest first. */
export async function referralsOfSource(ctx: Ctx, sourceType: string, sourceIds: string[]): Promise<ReferralView[]> {
  if (!sourceIds.length) return [];
  const t = enforcementReferrals;
  return (await presentRows(ctx, [eq(t.sourceType, sourceType), inArray(t.sourceId, sourceIds)], [asc(t.code)])).items;
}

/** 不予立案: a pending referral is declined with a reason; once decided it stays so (409). */
export async function declineReferral(ctx: ActorCtx, id: string, input: DeclineInput): Promise<ReferralView> {
  await inTx(ctx, async (tx) => {
    const [found] = await tx.db.select().from(enforcementReferrals).where(eq(enforcementReferrals.id, id)).for('update');
    const r = await guardRecord(tx, found, 'enforcement.manage', '案件线索');
    if (r.status !== 'pending') {
      throw conflict(`案件线索 ${r.code} 当前为“${REFERRAL_STATUS_LABELS[r.status as ReferralStatus] ?? r.status}”，只有待立案的线索可以作不予立案处理`);
    }
    const decidedOn = todayInChina(tx.now());
    await tx.db
      .update(enforcementReferrals)
      .set({ status: 'declined', decisionNote: input.reason, updatedAt: tx.now() })
      .where(eq(enforcementReferrals.id, r.id));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'enforcement.referral.decline',
      entityType: 'enforcementReferral',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'declined', reason: input.reason, decidedOn },
    });
  });
  return getReferral(ctx, id);
}
