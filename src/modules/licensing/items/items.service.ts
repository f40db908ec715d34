/**
 * 事项目录 (the catalogue of licensing items and their service guides): the list staff and the portal
 * read, the admin's writes (each with its audit event in the same transaction), and the one rule of an
 * item's availability — an application is received only for an item in force on the day of receipt
 * (within its validity, not abolished).
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';
import { AppError, conflict, fieldError, notFound } from '../../../kernel/http/errors.js';
import { guardRecord, orgRef, readableOrg } from '../../../kernel/tenancy/index.js';
import { ITEM_CATEGORY_LABELS, ITEM_STATUS_LABELS, type ItemCategory, type ItemStatus } from '../labels.js';
import { licensingApplications, licensingItems, type ItemRow } from '../schema.js';
import type { ItemAbolishInput, ItemInput, ItemList, ItemView } from './contracts.js';

/** Why the item cannot be applied for on `day` (已取消, 尚未施行, 已过有效期), or null when it can. */
export function unavailableReason(
  item: Pick<ItemRow, 'name' | 'status' | 'abolishedOn' | 'abolishedReason' | 'validFrom' | 'validTo'>,
  day: string,
): string | null {
  if (item.abolishedOn && day >= item.abolishedOn) {
    return `“${item.name}”已于 ${item.abolishedOn} 取消${item.abolishedReason ? `（${item.abolishedReason}）` : ''}，不能再申请`;
  }
  if (item.status === 'abolished' && !item.abolishedOn) return `“${item.name}”已取消，不能再申请`;
  if (day < item.validFrom) return `“${item.name}”自 ${item.validFrom} 起施行，此前不能申请`;
  if (item.validTo && day > item.validTo) return `“${item.name}”的有效期至 ${item.validTo} 止，已过有效期，不能再申请`;
  return null;
}

/** Refuses an application for an item not in force on `day` (422, naming `field`). */
export function assertApplicable(item: ItemRow, day: string, field = 'itemId'): void {
  const reason = unavailableReason(item, day);
  if (reason) throw fieldError(field, reason, 'licensing.item_unavailable');
}

export function presentItem(r: ItemRow, today: string): ItemView {
  const reason = unavailableReason(r, today);
  return {
    id: r.id,
    orgId: r.orgId,
    name: r.name,
    code: r.code,
    category: r.category as ItemCategory,
    categoryLabel: ITEM_CATEGORY_LABELS[r.category as ItemCategory] ?? r.category,
    department: r.department,
    legalBasis: r.legalBasis,
    conditions: r.conditions,
    materials: r.materials.map((m) => ({ name: m.name, required: m.required, ...(m.note ? { note: m.note } : {}) })),
    procedure: r.procedure,
    statutoryDays: r.statutoryDays,
    promisedDays: r.promisedDays,
    fee: r.fee,
    remedies: r.remedies,
    validFrom: r.validFrom,
    validTo: r.validTo,
    status: r.status as ItemStatus,
    statusLabel: ITEM_STATUS_LABELS[r.status as ItemStatus] ?? r.status,
    abolishedOn: r.abolishedOn,
    abolishedReason: r.abolishedReason,
    applicable: !reason,
    unavailableReason: reason,
  };
}

async function itemsOf(ctx: Ctx, orgId: string, status?: ItemStatus): Promise<ItemView[]> {
  const where: SQL[] = [eq(licensingItems.orgId, orgId)];
  if (status) where.push(eq(licensingItems.status, status));
  const rows = await ctx.db
    .select()
    .from(licensingItems)
    .where(and(...where))
    .orderBy(asc(licensingItems.status), asc(licensingItems.code), asc(licensingItems.name));
  const today = todayInChina(ctx.now());
  return rows.map((r) => presentItem(r, today));
}

/** The catalogue of the own org (or a readable descendant's): items in force first. */
export async function listItems(ctx: ActorCtx, q: { status?: ItemStatus | undefined; orgId?: string | undefined }): Promise<ItemList> {
  const org = await readableOrg(ctx, q.orgId);
  return { items: await itemsOf(ctx, org.id, q.status) };
}

/** The item the actor may `action` on (404 outside the org tree, 403 when only readable). */
export async function loadItem(ctx: ActorCtx, id: string, action: 'licensing.read' | 'licensing.manage' | 'licensing.handle', lock = false): Promise<ItemRow> {
  const q = ctx.db.select().from(licensingItems).where(eq(licensingItems.id, id));
  const [row] = lock ? await q.for('update') : await q;
  const { orgPath: _p, ...item } = await guardRecord(ctx, row, action, '许可事项');
  return item;
}

export async function getItem(ctx: ActorCtx, id: string): Promise<ItemView> {
  return presentItem(await loadItem(ctx, id, 'licensing.read'), todayInChina(ctx.now()));
}

const nameTaken = (name: string) => new AppError('conflict', `事项目录中已有“${name}”`, { fields: { name: `事项目录中已有“${name}”` } });

function columnsOf(input: ItemInput) {
  return {
    name: input.name,
    code: input.code || null,
    category: input.category,
    department: input.department || null,
    legalBasis: input.legalBasis,
    conditions: input.conditions,
    materials: input.materials.map((m) => ({ name: m.name, required: m.required, ...(m.note ? { note: m.note } : {}) })),
    procedure: input.procedure,
    statutoryDays: input.statutoryDays,
    promisedDays: input.promisedDays ?? null,
    fee: input.fee || '不收费',
    remedies: input.remedies,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  };
}

export async function createItem(ctx: ActorCtx, input: ItemInput): Promise<ItemView> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'licensing.manage', { orgId, orgPath: ctx.actor.orgPath });
  try {
    return await inTx(ctx, async (tx) => {
      const now = tx.now();
      const [row] = await tx.db
        .insert(licensingItems)
        .values({ orgId, ...columnsOf(input), status: 'active', createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })
        .returning();
      await recordEvent(tx, { orgId, action: 'licensing.item.create', entityType: 'licensingItem', entityId: row!.id, after: row });
      return presentItem(row!, todayInChina(now));
    });
  } catch (e) {
    if (isUniqueViolation(e, 'licensing_items_org_name_idx')) throw nameTaken(input.name);
    throw e;
  }
}

export async function updateItem(ctx: ActorCtx, id: string, input: ItemInput): Promise<ItemView> {
  try {
    return await inTx(ctx, async (tx) => {
      const before = await loadItem(tx, id, 'licensing.manage', true);
      if (before.abolishedOn && input.validFrom > before.abolishedOn) {
        throw fieldError('validFrom', `有效期起始日期不能晚于取消日期 ${before.abolishedOn}`);
      }
      const [after] = await tx.db
        .update(licensingItems)
        .set({ ...columnsOf(input), updatedAt: tx.now() })
        .where(eq(licensingItems.id, id))
        .returning();
      await recordEvent(tx, { orgId: before.orgId, action: 'licensing.item.update', entityType: 'licensingItem', entityId: id, before, after });
      return presentItem(after!, todayInChina(tx.now()));
    });
  } catch (e) {
    if (isUniqueViolation(e, 'licensing_items_org_name_idx')) throw nameTaken(input.name);
    throw e;
  }
}

/** 取消: once, not before the item took effect; applications received from that day on are refused. */
export async function abolishItem(ctx: ActorCtx, id: string, input: ItemAbolishInput): Promise<ItemView> {
  return inTx(ctx, async (tx) => {
    const before = await loadItem(tx, id, 'licensing.manage', true);
    if (before.status === 'abolished') throw fieldError('abolishedOn', `该事项已于 ${before.abolishedOn} 取消`, 'conflict');
    if (input.abolishedOn < before.validFrom) throw fieldError('abolishedOn', `取消日期 ${input.abolishedOn} 早于事项施行日期 ${before.validFrom}`);
    const [after] = await tx.db
      .update(licensingItems)
      .set({ status: 'abolished', abolishedOn: input.abolishedOn, abolishedReason: input.reason, updatedAt: tx.now() })
      .where(eq(licensingItems.id, id))
      .returning();
    await recordEvent(tx, { orgId: before.orgId, action: 'licensing.item.abolish', entityType: 'licensingItem', entityId: id, before, after });
    return presentItem(after!, todayInChina(tx.now()));
  });
}

/** 删除: only an item no application names (one entered by mistake); otherwise it is abolished, never deleted. */
export async function deleteItem(ctx: ActorCtx, id: string): Promise<{ ok: true }> {
  return inTx(ctx, async (tx) => {
    const before = await loadItem(tx, id, 'licensing.manage', true);
    const [used] = await tx.db.select({ id: licensingApplications.id }).from(licensingApplications).where(eq(licensingApplications.itemId, id)).limit(1);
    if (used) throw conflict(`“${before.name}”已有申请记录，不能删除；不再实施的，请取消该事项`, { id: '已有申请记录' });
    await tx.db.delete(licensingItems).where(eq(licensingItems.id, id));
    await recordEvent(tx, { orgId: before.orgId, action: 'licensing.item.delete', entityType: 'licensingItem', entityId: id, before });
    return { ok: true as const };
  });
}

/** The portal's catalogue of one bureau (abolished items shown as 已取消, not applicable). */
export async function publicItems(ctx: Ctx, orgId: string): Promise<ItemList> {
  if (!(await orgRef(ctx.db, orgId))) throw notFound('机构');
  return { items: await itemsOf(ctx, orgId) };
}

/** One item's 办事指南 on the portal. */
export async function publicItem(ctx: Ctx, id: string): Promise<ItemView> {
  const [row] = await ctx.db.select().from(licensingItems).where(eq(licensingItems.id, id));
  if (!row) throw notFound('许可事项');
  return presentItem(row, todayInChina(ctx.now()));
}
