/**
 * 执法人员名录库 — certified inspectors: certificate (执法证) number and validity, and conflicts of
 * interest (回避) with regulated units. Every write runs in one transaction with its audit event.
 */
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { addDays } from '../../../kernel/calendar/index.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { fieldError, notFound, validation } from '../../../kernel/http/errors.js';
import { likeTerm } from '../../../kernel/db/paging.js';
import { users } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { CERT_STATE_LABELS, INSPECTOR_STATUS_LABELS } from '../labels.js';
import { departments, inspectorConflicts, inspectors, units } from '../schema.js';
import { assertDepartment } from '../orgs/orgs.service.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';
import { certStateOf } from './cert-state.js';
import {
  INSPECTOR_SORTS,
  type ConflictInput,
  type InspectorConflictView,
  type InspectorDetail,
  type InspectorInput,
  type InspectorListQuery,
  type InspectorPatch,
  type InspectorView,
} from './contracts.js';

type InspectorRow = typeof inspectors.$inferSelect;

const CONFLICT_COUNT = sql<number>`(SELECT count(*) FROM inspector_conflicts c WHERE c.inspector_id = ${inspectors.id})`.mapWith(Number);
const COLUMNS = {
  row: inspectors,
  departmentName: departments.name,
  username: users.username,
  conflictCount: CONFLICT_COUNT,
};

type Joined = { row: InspectorRow; departmentName: string | null; username: string | null; conflictCount: number };

function present(r: Joined, today: string, warnDays: number): InspectorView {
  const certState = certStateOf(r.row.certExpiresOn, today, warnDays);
  const status = r.row.status as InspectorView['status'];
  return {
    id: r.row.id,
    orgId: r.row.orgId,
    userId: r.row.userId,
    username: r.username,
    departmentId: r.row.departmentId,
    departmentName: r.departmentName,
    name: r.row.name,
    certificateNo: r.row.certificateNo,
    certIssuedOn: r.row.certIssuedOn,
    certExpiresOn: r.row.certExpiresOn,
    certState,
    certStateLabel: CERT_STATE_LABELS[certState],
    status,
    statusLabel: INSPECTOR_STATUS_LABELS[status] ?? r.row.status,
    conflictCount: r.conflictCount,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

function joined(ctx: Ctx) {
  return ctx.db
    .select(COLUMNS)
    .from(inspectors)
    .leftJoin(departments, eq(departments.id, inspectors.departmentId))
    .leftJoin(users, eq(users.id, inspectors.userId));
}

function inspectorOrder(sort: string | undefined, order: 'asc' | 'desc'): SQL[] {
  const key = sort ?? 'name';
  if (!(INSPECTOR_SORTS as readonly string[]).includes(key)) {
    throw fieldError('sort', `不支持按“${key}”排序，可选：${INSPECTOR_SORTS.join('、')}`);
  }
  const col = inspectors[key as (typeof INSPECTOR_SORTS)[number]];
  return [order === 'desc' ? desc(col) : asc(col), asc(inspectors.name), asc(inspectors.id)];
}

export async function listInspectors(ctx: ActorCtx, q: InspectorListQuery): Promise<{ items: InspectorView[]; total: number; page: number; pageSize: number }> {
  const orderBy = inspectorOrder(q.sort, q.order);
  const org = await readableOrg(ctx, q.orgId);
  const warnDays = await getSetting(ctx.db, org.id, 'certificateWarnDays');
  const today = todayInChina(ctx.now());
  const warnUntil = addDays(today, warnDays);
  const where: SQL[] = [eq(inspectors.orgId, org.id)];
  if (q.q) {
    const term = likeTerm(q.q);
    where.push(or(ilike(inspectors.name, term), ilike(inspectors.certificateNo, term))!);
  }
  if (q.status) where.push(eq(inspectors.status, q.status));
  if (q.certState === 'expired') where.push(sql`${inspectors.certExpiresOn} < ${today}::date`);
  if (q.certState === 'expiring') where.push(sql`${inspectors.certExpiresOn} BETWEEN ${today}::date AND ${warnUntil}::date`);
  if (q.certState === 'valid') where.push(sql`${inspectors.certExpiresOn} > ${warnUntil}::date`);
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(inspectors)
    .where(cond);
  const rows = await joined(ctx)
    .where(cond)
    .orderBy(...orderBy)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => present(r, today, warnDays)), total, page: q.page, pageSize: q.pageSize };
}

/** An inspector the actor may `action` on, locked for a write: 404 outside the actor's tree, 403 when only readable. */
async function loadInspector(ctx: ActorCtx, id: string, action: 'inspector.read' | 'inspector.write'): Promise<InspectorRow> {
  const q = ctx.db.select().from(inspectors).where(eq(inspectors.id, id));
  const [found] = action === 'inspector.write' ? await q.for('update') : await q;
  const { orgPath: _path, ...row } = await guardRecord(ctx, found, action, '执法人员');
  return row;
}

async function view(ctx: ActorCtx, id: string): Promise<InspectorView> {
  const [r] = await joined(ctx).where(eq(inspectors.id, id));
  if (!r) throw notFound('执法人员');
  const warnDays = await getSetting(ctx.db, r.row.orgId, 'certificateWarnDays');
  return present(r, todayInChina(ctx.now()), warnDays);
}

async function conflictsOf(ctx: Ctx, inspectorId: string): Promise<InspectorConflictView[]> {
  const rows = await ctx.db
    .select({
      id: inspectorConflicts.id,
      inspectorId: inspectorConflicts.inspectorId,
      unitId: inspectorConflicts.unitId,
      unitName: units.name,
      unitCreditCode: units.creditCode,
      reason: inspectorConflicts.reason,
      createdAt: inspectorConflicts.createdAt,
    })
    .from(inspectorConflicts)
    .innerJoin(units, eq(units.id, inspectorConflicts.unitId))
    .where(eq(inspectorConflicts.inspectorId, inspectorId))
    .orderBy(asc(units.name), asc(inspectorConflicts.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getInspector(ctx: ActorCtx, id: string): Promise<InspectorDetail> {
  await loadInspector(ctx, id, 'inspector.read');
  return { ...(await view(ctx, id)), conflicts: await conflictsOf(ctx, id) };
}

function checkDates(issuedOn: string, expiresOn: string) {
  if (expiresOn <= issuedOn) {
    throw fieldError('certExpiresOn', '执法证有效期截止日期须晚于发证日期');
  }
}

async function assertCertificateFree(ctx: Ctx, orgId: string, certificateNo: string, exceptId?: string) {
  const where = [eq(inspectors.orgId, orgId), eq(inspectors.certificateNo, certificateNo)];
  if (exceptId) where.push(sql`${inspectors.id} <> ${exceptId}`);
  const [dup] = await ctx.db
    .select({ name: inspectors.name })
    .from(inspectors)
    .where(and(...where))
    .limit(1);
  if (dup) throw duplicateCertificate(dup.name);
}

const duplicateCertificate = (name?: string) =>
  fieldError('certificateNo', name ? `执法证号已登记在执法人员“${name}”名下` : '执法证号已被本机构其他执法人员使用', 'conflict');

/** A linked user account must be in the same org and not linked to another inspector. */
async function assertUser(ctx: Ctx, orgId: string, userId: string | null | undefined, exceptId?: string) {
  if (!userId) return;
  const [u] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, orgId)));
  if (!u) throw validation('关联的用户账号不存在', { userId: '用户不存在' });
  const where = [eq(inspectors.orgId, orgId), eq(inspectors.userId, userId)];
  if (exceptId) where.push(sql`${inspectors.id} <> ${exceptId}`);
  const [taken] = await ctx.db
    .select({ name: inspectors.name })
    .from(inspectors)
    .where(and(...where))
    .limit(1);
  if (taken) throw fieldError('userId', `该用户账号已关联执法人员“${taken.name}”`, 'conflict');
}

async function mappingDuplicates<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, 'inspectors_org_cert_idx')) throw duplicateCertificate();
    if (isUniqueViolation(e, 'inspector_conflicts_pair_idx')) throw duplicateConflict();
    throw e;
  }
}

export async function createInspector(ctx: ActorCtx, input: InspectorInput): Promise<InspectorView> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'inspector.write', { orgId, orgPath: ctx.actor.orgPath });
  checkDates(input.certIssuedOn, input.certExpiresOn);
  const id = await mappingDuplicates(() =>
    inTx(ctx, async (tx) => {
      await assertCertificateFree(tx, orgId, input.certificateNo);
      await assertDepartment(tx, orgId, input.departmentId);
      await assertUser(tx, orgId, input.userId);
      const now = tx.now();
      const [row] = await tx.db
        .insert(inspectors)
        .values({
          orgId,
          name: input.name,
          certificateNo: input.certificateNo,
          certIssuedOn: input.certIssuedOn,
          certExpiresOn: input.certExpiresOn,
          userId: input.userId ?? null,
          departmentId: input.departmentId ?? null,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordEvent(tx, { orgId, action: 'inspector.create', entityType: 'inspector', entityId: row!.id, after: row });
      return row!.id;
    }),
  );
  return view(ctx, id);
}

export async function updateInspector(ctx: ActorCtx, id: string, patch: InspectorPatch): Promise<InspectorView> {
  await mappingDuplicates(() =>
    inTx(ctx, async (tx) => {
      const before = await loadInspector(tx, id, 'inspector.write');
      checkDates(patch.certIssuedOn ?? before.certIssuedOn, patch.certExpiresOn ?? before.certExpiresOn);
      if (patch.certificateNo !== undefined && patch.certificateNo !== before.certificateNo)
        await assertCertificateFree(tx, before.orgId, patch.certificateNo, id);
      if (patch.departmentId !== undefined) await assertDepartment(tx, before.orgId, patch.departmentId);
      if (patch.userId !== undefined) await assertUser(tx, before.orgId, patch.userId, id);
      const set: Partial<typeof inspectors.$inferInsert> = {};
      for (const k of ['name', 'certificateNo', 'certIssuedOn', 'certExpiresOn', 'status'] as const) {
        if (patch[k] !== undefined) (set as Record<string, unknown>)[k] = patch[k];
      }
      if (patch.userId !== undefined) set.userId = patch.userId;
      if (patch.departmentId !== undefined) set.departmentId = patch.departmentId;
      const changed = Object.entries(set).some(([k, v]) => before[k as keyof InspectorRow] !== v);
      if (!changed) return;
      const [after] = await tx.db
        .update(inspectors)
        .set({ ...set, updatedAt: tx.now() })
        .where(eq(inspectors.id, id))
        .returning();
      await recordEvent(tx, { orgId: before.orgId, action: 'inspector.update', entityType: 'inspector', entityId: id, before, after });
    }),
  );
  return view(ctx, id);
}

const duplicateConflict = () => fieldError('unitId', '已登记该执法人员与该单位的回避关系', 'conflict');

export async function addConflict(ctx: ActorCtx, inspectorId: string, input: ConflictInput): Promise<InspectorConflictView> {
  const id = await mappingDuplicates(() =>
    inTx(ctx, async (tx) => {
      const inspector = await loadInspector(tx, inspectorId, 'inspector.write');
      const [unit] = await tx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.id, input.unitId), eq(units.orgId, inspector.orgId)));
      if (!unit) throw fieldError('unitId', '单位不存在或不属于本机构的检查对象名录');
      const [dup] = await tx.db
        .select({ id: inspectorConflicts.id })
        .from(inspectorConflicts)
        .where(and(eq(inspectorConflicts.inspectorId, inspectorId), eq(inspectorConflicts.unitId, input.unitId)));
      if (dup) throw duplicateConflict();
      const [row] = await tx.db
        .insert(inspectorConflicts)
        .values({ orgId: inspector.orgId, inspectorId, unitId: input.unitId, reason: input.reason, createdAt: tx.now() })
        .returning();
      await recordEvent(tx, {
        orgId: inspector.orgId,
        action: 'inspectorConflict.create',
        entityType: 'inspectorConflict',
        entityId: row!.id,
        after: { ...row, inspectorName: inspector.name, unitName: unit.name },
      });
      return row!.id;
    }),
  );
  const found = (await conflictsOf(ctx, inspectorId)).find((c) => c.id === id);
  return found!;
}

export async function removeConflict(ctx: ActorCtx, inspectorId: string, conflictId: string): Promise<{ ok: true }> {
  await inTx(ctx, async (tx) => {
    const inspector = await loadInspector(tx, inspectorId, 'inspector.write');
    const [before] = await tx.db
      .select()
      .from(inspectorConflicts)
      .where(and(eq(inspectorConflicts.id, conflictId), eq(inspectorConflicts.inspectorId, inspectorId)));
    if (!before) throw notFound('回避关系');
    await tx.db.delete(inspectorConflicts).where(eq(inspectorConflicts.id, conflictId));
    await recordEvent(tx, {
      orgId: inspector.orgId,
      action: 'inspectorConflict.delete',
      entityType: 'inspectorConflict',
      entityId: conflictId,
      before: { ...before, inspectorName: inspector.name },
    });
  });
  return { ok: true };
}
