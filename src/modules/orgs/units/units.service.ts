/**
 * 检查对象名录库 — the regulated-unit directory: list (own org, or a descendant's read-only
 * roll-up), read, create, update. Every write runs in one transaction with its audit event.
 */
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize, can } from '../../../kernel/auth/policy.js';
import { fieldError, validation } from '../../../kernel/http/errors.js';
import { likeTerm } from '../../../kernel/db/paging.js';
import { orgs } from '../../../kernel/schema.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { RISK_TIERS, RISK_TIER_LABELS, UNIT_STATUS_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS } from '../labels.js';
import { units } from '../schema.js';
import { creditCodeProblem, normalizeCreditCode } from './credit-code.js';
import { UNIT_SORTS, type UnitAction, type UnitDetail, type UnitInput, type UnitListQuery, type UnitPatch, type UnitView } from './contracts.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';

export type UnitRow = typeof units.$inferSelect;

/** What the actor may do with a unit of the org at `orgPath`. */
const unitActions = (ctx: ActorCtx, orgId: string, orgPath: string): UnitAction[] => (can(ctx.actor, 'unit.write', { orgId, orgPath }) ? ['edit'] : []);

/** A unit as the API sends it; `allowedActions` for the actor who asked (none when nobody did, e.g. an export row). */
export function presentUnit(r: UnitRow, allowedActions: UnitAction[] = []): UnitView {
  const type = r.type as UnitView['type'];
  const riskTier = r.riskTier as UnitView['riskTier'];
  const status = r.status as UnitView['status'];
  return {
    id: r.id,
    orgId: r.orgId,
    name: r.name,
    creditCode: r.creditCode,
    type,
    typeLabel: UNIT_TYPE_LABELS[type] ?? r.type,
    industry: r.industry,
    address: r.address,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    riskTier,
    riskTierLabel: RISK_TIER_LABELS[riskTier] ?? r.riskTier,
    status,
    statusLabel: UNIT_STATUS_LABELS[status] ?? r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    allowedActions,
  };
}

export const UNIT_CREDIT_CONSTRAINT = 'units_org_credit_idx';
export const duplicateCreditCode = (name?: string) =>
  fieldError('creditCode', name ? `本机构已有统一社会信用代码相同的单位：${name}` : '本机构已有统一社会信用代码相同的单位', 'conflict');

// Sorting: risk by severity and type by the catalogue's order, not alphabetically.
const TYPE_RANK = sql`array_position(ARRAY[${sql.join(
  UNIT_TYPES.map((t) => sql`${t}`),
  sql`, `,
)}]::text[], ${units.type})`;
const RISK_RANK = sql`array_position(ARRAY[${sql.join(
  RISK_TIERS.map((t) => sql`${t}`),
  sql`, `,
)}]::text[], ${units.riskTier})`;
const UNIT_SORT_EXPR: Record<(typeof UNIT_SORTS)[number], SQL | AnyPgColumn> = {
  name: units.name,
  creditCode: units.creditCode,
  type: TYPE_RANK,
  riskTier: RISK_RANK,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
};

function unitOrder(sort: string | undefined, order: 'asc' | 'desc'): SQL[] {
  const key = sort ?? 'name';
  if (!(UNIT_SORTS as readonly string[]).includes(key)) {
    throw fieldError('sort', `不支持按“${key}”排序，可选：${UNIT_SORTS.join('、')}`);
  }
  const expr = UNIT_SORT_EXPR[key as (typeof UNIT_SORTS)[number]];
  const first = order === 'desc' ? desc(expr) : asc(expr);
  // Ties break by name, then id (a stable page order); sorting by name needs only the id.
  return key === 'name' ? [first, asc(units.id)] : [first, asc(units.name), asc(units.id)];
}

type UnitFilter = Pick<UnitListQuery, 'q' | 'type' | 'riskTier' | 'status' | 'orgId' | 'sort' | 'order'>;

/** The org the query reads (own by default, or a readable descendant) and its WHERE clause. */
async function unitScope(ctx: ActorCtx, q: UnitFilter) {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(units.orgId, org.id)];
  if (q.q) {
    const term = likeTerm(q.q);
    where.push(or(ilike(units.name, term), ilike(units.creditCode, term), ilike(units.contactName, term))!);
  }
  if (q.type) where.push(eq(units.type, q.type));
  if (q.riskTier) where.push(eq(units.riskTier, q.riskTier));
  if (q.status) where.push(eq(units.status, q.status));
  return { org, cond: and(...where)! };
}

export async function listUnits(ctx: ActorCtx, q: UnitListQuery): Promise<{ items: UnitView[]; total: number; page: number; pageSize: number }> {
  const orderBy = unitOrder(q.sort, q.order);
  const { org, cond } = await unitScope(ctx, q);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(units)
    .where(cond);
  const rows = await ctx.db
    .select()
    .from(units)
    .where(cond)
    .orderBy(...orderBy)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const allowed = unitActions(ctx, org.id, org.path);
  return { items: rows.map((r) => presentUnit(r, allowed)), total, page: q.page, pageSize: q.pageSize };
}

/** Every unit matching the list filters (no paging), for the spreadsheet export. */
export async function allUnits(ctx: ActorCtx, q: UnitFilter): Promise<{ org: { id: string; name: string }; rows: UnitRow[] }> {
  const orderBy = unitOrder(q.sort, q.order);
  const { org, cond } = await unitScope(ctx, q);
  const rows = await ctx.db
    .select()
    .from(units)
    .where(cond)
    .orderBy(...orderBy);
  return { org, rows };
}

/** One unit with its org's name: 404 when the actor may not even read it, 403 when it may read but not `action`. */
export async function getUnit(ctx: ActorCtx, id: string, action: 'unit.read' | 'ownUnit.read' = 'unit.read'): Promise<UnitDetail> {
  const [r] = await ctx.db.select({ unit: units, orgName: orgs.name }).from(units).innerJoin(orgs, eq(orgs.id, units.orgId)).where(eq(units.id, id));
  const unit = await guardRecord(ctx, r?.unit, action, '单位');
  return { ...presentUnit(unit, unitActions(ctx, unit.orgId, unit.orgPath)), orgName: r!.orgName };
}

/** Normalised credit code, or a 400 naming the field. */
export function checkedCreditCode(raw: string): string {
  const code = normalizeCreditCode(raw);
  const problem = creditCodeProblem(code);
  if (problem) throw validation(`统一社会信用代码有误：${problem}`, { creditCode: problem });
  return code;
}

async function assertCodeFree(ctx: Ctx, orgId: string, creditCode: string, exceptId?: string) {
  const where = [eq(units.orgId, orgId), eq(units.creditCode, creditCode)];
  if (exceptId) where.push(sql`${units.id} <> ${exceptId}`);
  const [dup] = await ctx.db
    .select({ name: units.name })
    .from(units)
    .where(and(...where))
    .limit(1);
  if (dup) throw duplicateCreditCode(dup.name);
}

/** Maps a unique violation on the credit code (a concurrent insert) to the same 409. */
async function mappingDuplicates<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, UNIT_CREDIT_CONSTRAINT)) throw duplicateCreditCode();
    throw e;
  }
}

export async function createUnit(ctx: ActorCtx, input: UnitInput): Promise<UnitView> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'unit.write', { orgId, orgPath: ctx.actor.orgPath });
  const creditCode = checkedCreditCode(input.creditCode);
  return mappingDuplicates(() =>
    inTx(ctx, async (tx) => {
      await assertCodeFree(tx, orgId, creditCode);
      const now = tx.now();
      const [row] = await tx.db
        .insert(units)
        .values({
          orgId,
          name: input.name,
          creditCode,
          type: input.type,
          industry: input.industry || null,
          address: input.address || null,
          contactName: input.contactName || null,
          contactPhone: input.contactPhone || null,
          riskTier: input.riskTier,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordEvent(tx, { orgId, action: 'unit.create', entityType: 'unit', entityId: row!.id, after: row });
      return presentUnit(row!, ['edit']);
    }),
  );
}

export async function updateUnit(ctx: ActorCtx, id: string, patch: UnitPatch): Promise<UnitView> {
  const creditCode = patch.creditCode === undefined ? undefined : checkedCreditCode(patch.creditCode);
  return mappingDuplicates(() =>
    inTx(ctx, async (tx) => {
      const [found] = await tx.db.select().from(units).where(eq(units.id, id)).for('update');
      const { orgPath: _path, ...before } = await guardRecord(tx, found, 'unit.write', '单位');
      if (creditCode !== undefined && creditCode !== before.creditCode) await assertCodeFree(tx, before.orgId, creditCode, id);
      const set: Partial<typeof units.$inferInsert> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (creditCode !== undefined) set.creditCode = creditCode;
      if (patch.type !== undefined) set.type = patch.type;
      if (patch.industry !== undefined) set.industry = patch.industry || null;
      if (patch.address !== undefined) set.address = patch.address || null;
      if (patch.contactName !== undefined) set.contactName = patch.contactName || null;
      if (patch.contactPhone !== undefined) set.contactPhone = patch.contactPhone || null;
      if (patch.riskTier !== undefined) set.riskTier = patch.riskTier;
      if (patch.status !== undefined) set.status = patch.status;
      const changed = Object.entries(set).some(([k, v]) => before[k as keyof UnitRow] !== v);
      if (!changed) return presentUnit(before, ['edit']); // nothing to change, nothing to record
      const [after] = await tx.db
        .update(units)
        .set({ ...set, updatedAt: tx.now() })
        .where(eq(units.id, id))
        .returning();
      await recordEvent(tx, { orgId: before.orgId, action: 'unit.update', entityType: 'unit', entityId: id, before, after });
      return presentUnit(after!, ['edit']);
    }),
  );
}
