/**
 * 检查事项清单 — the catalogue: items cite 档案法第四十二条 (area a1…a6) and their article. An item
 * no checklist version uses may be deleted; a used one is retired (停用) instead. Editing an item
 * never changes a published version (its entries keep the text of the day).
 */
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { conflict } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { likeTerm } from '../../../kernel/db/paging.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionItems } from '../schema.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';
import { AREA_LABELS, ITEM_STATUS_LABELS, type Area, type ItemStatus } from '../labels.js';
import type { ItemInput, ItemList, ItemListQuery, ItemPatch, ItemView } from './contracts.js';

type ItemRow = typeof inspectionItems.$inferSelect;

// ---------------------------------------------------------------------------------------------
// 检查事项
// ---------------------------------------------------------------------------------------------

export function presentItem(r: ItemRow): ItemView {
  return {
    id: r.id,
    orgId: r.orgId,
    code: r.code,
    title: r.title,
    area: r.area as Area,
    areaLabel: AREA_LABELS[r.area as Area] ?? r.area,
    legalBasis: r.legalBasis,
    method: r.method,
    evidenceHint: r.evidenceHint,
    status: r.status as ItemStatus,
    statusLabel: ITEM_STATUS_LABELS[r.status as ItemStatus] ?? r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const duplicateCode = (code: string) => conflict(`事项编号“${code}”已存在`, { code: `事项编号“${code}”已存在` });

async function mappingItemDuplicates<T>(code: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, 'inspection_items_org_code_idx')) throw duplicateCode(code ?? '');
    throw e;
  }
}

/** A page of the org's catalogue, by area and code (id breaks ties), with the total over every page. */
export async function listItems(ctx: ActorCtx, q: ItemListQuery): Promise<ItemList> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(inspectionItems.orgId, org.id)];
  if (q.area) where.push(eq(inspectionItems.area, q.area));
  if (q.status) where.push(eq(inspectionItems.status, q.status));
  if (q.q) {
    const term = likeTerm(q.q);
    where.push(or(ilike(inspectionItems.title, term), ilike(inspectionItems.code, term), ilike(inspectionItems.legalBasis, term))!);
  }
  const cond = and(...where);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(inspectionItems).where(cond);
  const rows = await ctx.db
    .select()
    .from(inspectionItems)
    .where(cond)
    .orderBy(asc(inspectionItems.area), asc(inspectionItems.code), asc(inspectionItems.id))
    .limit(limit)
    .offset(offset);
  return { items: rows.map(presentItem), total, page: q.page, pageSize: q.pageSize };
}

async function loadItem(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false) {
  const q = ctx.db.select().from(inspectionItems).where(eq(inspectionItems.id, id));
  const [row] = lock ? await q.for('update') : await q;
  await guardRecord(ctx, row, action, '检查事项');
  return row!;
}

export async function getItem(ctx: ActorCtx, id: string): Promise<ItemView> {
  return presentItem(await loadItem(ctx, id, 'inspection.read'));
}

export async function createItem(ctx: ActorCtx, input: ItemInput): Promise<ItemView> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'inspection.manage', { orgId, orgPath: ctx.actor.orgPath });
  return mappingItemDuplicates(input.code, () =>
    inTx(ctx, async (tx) => {
      const [dup] = await tx.db
        .select({ id: inspectionItems.id })
        .from(inspectionItems)
        .where(and(eq(inspectionItems.orgId, orgId), eq(inspectionItems.code, input.code)));
      if (dup) throw duplicateCode(input.code);
      const now = tx.now();
      const [row] = await tx.db
        .insert(inspectionItems)
        .values({ orgId, ...input, method: input.method || null, evidenceHint: input.evidenceHint || null, createdAt: now, updatedAt: now })
        .returning();
      await recordEvent(tx, { orgId, action: 'inspectionItem.create', entityType: 'inspectionItem', entityId: row!.id, after: row });
      return presentItem(row!);
    }),
  );
}

export async function updateItem(ctx: ActorCtx, id: string, patch: ItemPatch): Promise<ItemView> {
  return mappingItemDuplicates(patch.code, () =>
    inTx(ctx, async (tx) => {
      const before = await loadItem(tx, id, 'inspection.manage', true);
      const set: Partial<typeof inspectionItems.$inferInsert> = {};
      for (const k of ['code', 'title', 'area', 'legalBasis', 'status'] as const) if (patch[k] !== undefined) (set as Record<string, unknown>)[k] = patch[k];
      if (patch.method !== undefined) set.method = patch.method || null;
      if (patch.evidenceHint !== undefined) set.evidenceHint = patch.evidenceHint || null;
      if (set.code && set.code !== before.code) {
        const [dup] = await tx.db
          .select({ id: inspectionItems.id })
          .from(inspectionItems)
          .where(and(eq(inspectionItems.orgId, before.orgId), eq(inspectionItems.code, set.code)));
        if (dup) throw duplicateCode(set.code);
      }
      const changed = Object.entries(set).some(([k, v]) => before[k as keyof ItemRow] !== v);
      if (!changed) return presentItem(before);
      const [after] = await tx.db
        .update(inspectionItems)
        .set({ ...set, updatedAt: tx.now() })
        .where(eq(inspectionItems.id, id))
        .returning();
      await recordEvent(tx, { orgId: before.orgId, action: 'inspectionItem.update', entityType: 'inspectionItem', entityId: id, before, after });
      return presentItem(after!);
    }),
  );
}

/** Only an item no checklist version uses may be deleted; a used one can be retired (停用). */
export async function deleteItem(ctx: ActorCtx, id: string) {
  await inTx(ctx, async (tx) => {
    const before = await loadItem(tx, id, 'inspection.manage', true);
    const [used] = await tx.db
      .select({ name: checklists.name, version: checklistVersions.version })
      .from(checklistVersionItems)
      .innerJoin(checklistVersions, eq(checklistVersions.id, checklistVersionItems.versionId))
      .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
      .where(eq(checklistVersionItems.itemId, id))
      .limit(1);
    if (used) throw conflict(`事项“${before.code} ${before.title}”已用于“${used.name}”第 ${used.version} 版，不能删除；可将其停用`);
    await tx.db.delete(inspectionItems).where(eq(inspectionItems.id, id));
    await recordEvent(tx, { orgId: before.orgId, action: 'inspectionItem.delete', entityType: 'inspectionItem', entityId: id, before });
  });
  return { ok: true as const };
}
