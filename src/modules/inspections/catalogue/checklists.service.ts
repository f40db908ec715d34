/**
 * Checklists (检查表 / 自查表 / 考评表) and their versions. A checklist's content lives in versions:
 * a draft is edited (items added, reordered, scored); publishing freezes it for good; a new draft
 * starts from the last published version with the catalogue's current text. A plan or an evaluation
 * always points at a published version, so editing never changes the past.
 */
import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { recordEvent, recordEvents } from '../../../kernel/audit/index.js';
import { conflict, notFound, validation } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { likeTerm } from '../../../kernel/db/paging.js';
import { can } from '../../../kernel/auth/policy.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { DEFAULT_THRESHOLDS, type GradeThresholds } from '../evaluations/grading.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionItems } from '../schema.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';
import { AREA_LABELS, CHECKLIST_KIND_LABELS, VERSION_STATUS_LABELS, type Area, type ChecklistKind, type VersionStatus } from '../labels.js';
import type {
  ChecklistDetail,
  ChecklistInput,
  ChecklistList,
  ChecklistListQuery,
  ChecklistPatch,
  ChecklistView,
  VersionDetail,
  VersionEntry,
  VersionItemInput,
  VersionPatch,
  VersionSummary,
} from './contracts.js';
import { checklistActions, versionActions } from './rules.js';

type ItemRow = typeof inspectionItems.$inferSelect;
type VersionRow = typeof checklistVersions.$inferSelect;
type EntryRow = typeof checklistVersionItems.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Checklists and versions
// ---------------------------------------------------------------------------------------------

function presentEntry(e: EntryRow): VersionEntry {
  return {
    id: e.id,
    itemId: e.itemId,
    position: e.position,
    code: e.code,
    title: e.title,
    area: e.area as Area,
    areaLabel: AREA_LABELS[e.area as Area] ?? e.area,
    legalBasis: e.legalBasis,
    method: e.method,
    evidenceHint: e.evidenceHint,
    points: e.points,
    veto: e.veto,
  };
}

function presentVersionSummary(v: VersionRow, itemCount?: number): VersionSummary {
  return {
    id: v.id,
    checklistId: v.checklistId,
    version: v.version,
    status: v.status as VersionStatus,
    statusLabel: VERSION_STATUS_LABELS[v.status as VersionStatus] ?? v.status,
    thresholds: (v.thresholds as GradeThresholds | null) ?? null,
    note: v.note,
    basedOnId: v.basedOnId,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
    ...(itemCount === undefined ? {} : { itemCount }),
  };
}

const duplicateName = (name: string) => conflict(`已有名为“${name}”的检查表`, { name: `已有名为“${name}”的检查表` });

/** A page of the org's checklists, by kind and name (id breaks ties), each with its latest published version and its draft. */
export async function listChecklists(ctx: ActorCtx, q: ChecklistListQuery): Promise<ChecklistList> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(checklists.orgId, org.id)];
  if (q.kind) where.push(eq(checklists.kind, q.kind));
  if (q.q) where.push(ilike(checklists.name, likeTerm(q.q)));
  const cond = and(...where);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(checklists).where(cond);
  const rows = await ctx.db
    .select()
    .from(checklists)
    .where(cond)
    .orderBy(asc(checklists.kind), asc(checklists.name), asc(checklists.id))
    .limit(limit)
    .offset(offset);
  const versions = rows.length
    ? await ctx.db
        .select({
          v: checklistVersions,
          itemCount: sql<number>`(SELECT count(*) FROM checklist_version_items e WHERE e.version_id = checklist_versions.id)`.mapWith(Number),
        })
        .from(checklistVersions)
        .where(
          inArray(
            checklistVersions.checklistId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(checklistVersions.version))
    : [];
  return {
    items: rows.map((c) => {
      const own = versions.filter((x) => x.v.checklistId === c.id);
      const published = own.find((x) => x.v.status === 'published');
      const draft = own.find((x) => x.v.status === 'draft');
      return {
        ...presentChecklist(c),
        latestPublished: published ? presentVersionSummary(published.v, published.itemCount) : null,
        draft: draft ? presentVersionSummary(draft.v, draft.itemCount) : null,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function presentChecklist(c: typeof checklists.$inferSelect): ChecklistView {
  return {
    id: c.id,
    orgId: c.orgId,
    name: c.name,
    kind: c.kind as ChecklistKind,
    kindLabel: CHECKLIST_KIND_LABELS[c.kind as ChecklistKind] ?? c.kind,
    description: c.description,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function loadChecklist(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false) {
  const q = ctx.db.select().from(checklists).where(eq(checklists.id, id));
  const [row] = lock ? await q.for('update') : await q;
  await guardRecord(ctx, row, action, '检查表');
  return row!;
}

export async function getChecklist(ctx: ActorCtx, id: string): Promise<ChecklistDetail> {
  const c = await loadChecklist(ctx, id, 'inspection.read');
  const versions = await ctx.db
    .select({
      v: checklistVersions,
      itemCount: sql<number>`(SELECT count(*) FROM checklist_version_items e WHERE e.version_id = checklist_versions.id)`.mapWith(Number),
    })
    .from(checklistVersions)
    .where(eq(checklistVersions.checklistId, id))
    .orderBy(desc(checklistVersions.version));
  const manage = can(ctx.actor, 'inspection.manage', { orgId: c.orgId });
  return {
    ...presentChecklist(c),
    versions: versions.map((x) => presentVersionSummary(x.v, x.itemCount)),
    allowedActions: checklistActions(
      versions.map((x) => ({ status: x.v.status as VersionStatus })),
      manage,
    ),
  };
}

/** Create a checklist and its first (draft) version. Evaluations default to 80/70/60 %. */
export async function createChecklist(ctx: ActorCtx, input: ChecklistInput): Promise<ChecklistDetail> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'inspection.manage', { orgId, orgPath: ctx.actor.orgPath });
  if (input.kind !== 'evaluation' && input.thresholds) {
    throw validation('只有考评表（evaluation）设置等级线', { thresholds: '只有考评表（evaluation）设置等级线' });
  }
  try {
    return await inTx(ctx, async (tx) => {
      const [dup] = await tx.db
        .select({ id: checklists.id })
        .from(checklists)
        .where(and(eq(checklists.orgId, orgId), eq(checklists.name, input.name)));
      if (dup) throw duplicateName(input.name);
      const now = tx.now();
      const [c] = await tx.db
        .insert(checklists)
        .values({ orgId, name: input.name, kind: input.kind, description: input.description || null, createdAt: now, updatedAt: now })
        .returning();
      const thresholds = input.kind === 'evaluation' ? (input.thresholds ?? { ...DEFAULT_THRESHOLDS }) : null;
      const [v] = await tx.db
        .insert(checklistVersions)
        .values({ orgId, checklistId: c!.id, version: 1, status: 'draft', thresholds, createdAt: now, updatedAt: now })
        .returning();
      await recordEvents(tx, [
        { orgId, action: 'checklist.create', entityType: 'checklist', entityId: c!.id, after: c },
        { orgId, action: 'checklistVersion.create', entityType: 'checklistVersion', entityId: v!.id, after: v },
      ]);
      return { ...presentChecklist(c!), versions: [presentVersionSummary(v!, 0)], allowedActions: checklistActions([{ status: 'draft' }], true) };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'checklists_org_name_idx')) throw duplicateName(input.name);
    throw e;
  }
}

export async function updateChecklist(ctx: ActorCtx, id: string, patch: ChecklistPatch): Promise<ChecklistDetail> {
  try {
    await inTx(ctx, async (tx) => {
      const before = await loadChecklist(tx, id, 'inspection.manage', true);
      const set: Partial<typeof checklists.$inferInsert> = {};
      if (patch.name !== undefined && patch.name !== before.name) {
        const [dup] = await tx.db
          .select({ id: checklists.id })
          .from(checklists)
          .where(and(eq(checklists.orgId, before.orgId), eq(checklists.name, patch.name)));
        if (dup) throw duplicateName(patch.name);
        set.name = patch.name;
      }
      if (patch.description !== undefined && (patch.description || null) !== before.description) set.description = patch.description || null;
      if (Object.keys(set).length === 0) return;
      const [after] = await tx.db
        .update(checklists)
        .set({ ...set, updatedAt: tx.now() })
        .where(eq(checklists.id, id))
        .returning();
      await recordEvent(tx, { orgId: before.orgId, action: 'checklist.update', entityType: 'checklist', entityId: id, before, after });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'checklists_org_name_idx')) throw duplicateName(patch.name ?? '');
    throw e;
  }
  return getChecklist(ctx, id);
}

/** A version with its checklist, or 404/403. */
export async function loadVersion(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false) {
  const q = ctx.db.select().from(checklistVersions).where(eq(checklistVersions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  await guardRecord(ctx, row, action, '检查表版本');
  const v = row!;
  const [c] = await ctx.db.select().from(checklists).where(eq(checklists.id, v.checklistId));
  return { version: v, checklist: c! };
}

export async function versionEntries(ctx: ActorCtx, versionId: string): Promise<EntryRow[]> {
  return ctx.db.select().from(checklistVersionItems).where(eq(checklistVersionItems.versionId, versionId)).orderBy(asc(checklistVersionItems.position));
}

export async function getVersion(ctx: ActorCtx, id: string): Promise<VersionDetail> {
  const { version, checklist } = await loadVersion(ctx, id, 'inspection.read');
  const entries = await versionEntries(ctx, id);
  const manage = can(ctx.actor, 'inspection.manage', { orgId: version.orgId });
  return {
    ...presentVersionSummary(version, entries.length),
    checklist: presentChecklist(checklist),
    items: entries.map(presentEntry),
    allowedActions: versionActions(version.status as VersionStatus, manage),
  };
}

function assertDraft(v: VersionRow, checklistName: string) {
  if (v.status !== 'draft') {
    throw conflict(`“${checklistName}”第 ${v.version} 版已发布，不能修改；如需修改请新建草稿版本`);
  }
}

const entrySnapshot = (entries: EntryRow[]) => entries.map((e) => ({ itemId: e.itemId, code: e.code, position: e.position, points: e.points, veto: e.veto }));

/** Catalogue items by id for a version: of the same org and in use (停用 items cannot be added). */
async function catalogueItems(ctx: ActorCtx, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, ItemRow>();
  const rows = await ctx.db
    .select()
    .from(inspectionItems)
    .where(and(eq(inspectionItems.orgId, orgId), inArray(inspectionItems.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const r = byId.get(id);
    if (!r) throw validation(`第 ${i + 1} 项：检查事项不存在或不属于本机构`, { [`items.${i}.itemId`]: '检查事项不存在或不属于本机构' });
    if (r.status !== 'active')
      throw validation(`第 ${i + 1} 项：检查事项“${r.code} ${r.title}”已停用，不能加入检查表`, { [`items.${i}.itemId`]: '检查事项已停用' });
  });
  return byId;
}

const entryValues = (orgId: string, versionId: string, item: ItemRow, position: number, points: number | null | undefined, veto: boolean | undefined) => ({
  orgId,
  versionId,
  itemId: item.id,
  position,
  code: item.code,
  title: item.title,
  area: item.area,
  legalBasis: item.legalBasis,
  method: item.method,
  evidenceHint: item.evidenceHint,
  points: points ?? null,
  veto: veto ?? false,
});

/** Replace a draft's whole item list (adds, removals, order, points and veto flags in one go). */
export async function replaceVersionItems(ctx: ActorCtx, versionId: string, items: VersionItemInput[]): Promise<VersionDetail> {
  await inTx(ctx, async (tx) => {
    const { version, checklist } = await loadVersion(tx, versionId, 'inspection.manage', true);
    assertDraft(version, checklist.name);
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const first = seen.get(it.itemId);
      if (first !== undefined) throw validation(`第 ${i + 1} 项与第 ${first + 1} 项是同一检查事项`, { [`items.${i}.itemId`]: '检查事项重复' });
      seen.set(it.itemId, i);
    });
    const byId = await catalogueItems(
      tx,
      version.orgId,
      items.map((it) => it.itemId),
    );
    const before = entrySnapshot(await versionEntries(tx, versionId));
    await tx.db.delete(checklistVersionItems).where(eq(checklistVersionItems.versionId, versionId));
    if (items.length) {
      await tx.db
        .insert(checklistVersionItems)
        .values(items.map((it, i) => entryValues(version.orgId, versionId, byId.get(it.itemId)!, i + 1, it.points, it.veto)));
    }
    const after = entrySnapshot(await versionEntries(tx, versionId));
    await tx.db.update(checklistVersions).set({ updatedAt: tx.now() }).where(eq(checklistVersions.id, versionId));
    await recordEvent(tx, {
      orgId: version.orgId,
      action: 'checklistVersion.items',
      entityType: 'checklistVersion',
      entityId: versionId,
      before: { items: before },
      after: { items: after },
    });
  });
  return getVersion(ctx, versionId);
}

/** Append one catalogue item to a draft. */
export async function addVersionItem(ctx: ActorCtx, versionId: string, input: VersionItemInput): Promise<VersionDetail> {
  await inTx(ctx, async (tx) => {
    const { version, checklist } = await loadVersion(tx, versionId, 'inspection.manage', true);
    assertDraft(version, checklist.name);
    const entries = await versionEntries(tx, versionId);
    const existing = entries.find((e) => e.itemId === input.itemId);
    if (existing) throw conflict(`事项“${existing.code} ${existing.title}”已在本版检查表中`, { itemId: '已在本版检查表中' });
    const item = (await catalogueItems(tx, version.orgId, [input.itemId])).get(input.itemId)!;
    const position = entries.reduce((m, e) => Math.max(m, e.position), 0) + 1;
    const [row] = await tx.db
      .insert(checklistVersionItems)
      .values(entryValues(version.orgId, versionId, item, position, input.points, input.veto))
      .returning();
    await recordEvent(tx, { orgId: version.orgId, action: 'checklistVersion.addItem', entityType: 'checklistVersion', entityId: versionId, after: row });
  });
  return getVersion(ctx, versionId);
}

export async function updateVersion(ctx: ActorCtx, versionId: string, patch: VersionPatch): Promise<VersionDetail> {
  await inTx(ctx, async (tx) => {
    const { version, checklist } = await loadVersion(tx, versionId, 'inspection.manage', true);
    assertDraft(version, checklist.name);
    const set: Partial<typeof checklistVersions.$inferInsert> = {};
    if (patch.thresholds !== undefined) {
      if (checklist.kind !== 'evaluation' && patch.thresholds)
        throw validation('只有考评表（evaluation）设置等级线', { thresholds: '只有考评表（evaluation）设置等级线' });
      set.thresholds = patch.thresholds;
    }
    if (patch.note !== undefined) set.note = patch.note || null;
    if (Object.keys(set).length === 0) return;
    const [after] = await tx.db
      .update(checklistVersions)
      .set({ ...set, updatedAt: tx.now() })
      .where(eq(checklistVersions.id, versionId))
      .returning();
    await recordEvent(tx, {
      orgId: version.orgId,
      action: 'checklistVersion.update',
      entityType: 'checklistVersion',
      entityId: versionId,
      before: version,
      after,
    });
  });
  return getVersion(ctx, versionId);
}

/** Publish a draft: from now on it never changes. */
export async function publishVersion(ctx: ActorCtx, versionId: string): Promise<VersionDetail> {
  await inTx(ctx, async (tx) => {
    const { version, checklist } = await loadVersion(tx, versionId, 'inspection.manage', true);
    assertDraft(version, checklist.name);
    const entries = await versionEntries(tx, versionId);
    if (entries.length === 0) throw conflict(`“${checklist.name}”第 ${version.version} 版没有检查项，不能发布`);
    if (checklist.kind === 'evaluation') {
      const missing = entries.filter((e) => e.points === null);
      if (missing.length) {
        throw conflict(`考评表的每一项都应设置分值；未设置：${missing.map((e) => e.code).join('、')}`);
      }
      if (!version.thresholds) throw conflict('考评表应设置等级线（优秀、良好、合格）');
    }
    const now = tx.now();
    const [after] = await tx.db
      .update(checklistVersions)
      .set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId, updatedAt: now })
      .where(eq(checklistVersions.id, versionId))
      .returning();
    await recordEvent(tx, {
      orgId: version.orgId,
      action: 'checklistVersion.publish',
      entityType: 'checklistVersion',
      entityId: versionId,
      before: { status: version.status },
      after: { status: after!.status, publishedAt: after!.publishedAt, items: entrySnapshot(entries) },
    });
  });
  return getVersion(ctx, versionId);
}

/** A new draft from the latest published version: items re-read from the catalogue, retired ones left out. */
export async function newDraftVersion(ctx: ActorCtx, checklistId: string): Promise<VersionDetail> {
  try {
    const id = await inTx(ctx, async (tx) => {
      const checklist = await loadChecklist(tx, checklistId, 'inspection.manage', true);
      const versions = await tx.db
        .select()
        .from(checklistVersions)
        .where(eq(checklistVersions.checklistId, checklistId))
        .orderBy(desc(checklistVersions.version));
      const draft = versions.find((v) => v.status === 'draft');
      if (draft) throw conflict(`“${checklist.name}”已有草稿（第 ${draft.version} 版），请先修改或发布该草稿`);
      const base = versions.find((v) => v.status === 'published');
      if (!base) throw notFound('已发布的版本');
      const baseEntries = await versionEntries(tx, base.id);
      const items = new Map(
        (baseEntries.length
          ? await tx.db
              .select()
              .from(inspectionItems)
              .where(
                inArray(
                  inspectionItems.id,
                  baseEntries.map((e) => e.itemId),
                ),
              )
          : []
        ).map((r) => [r.id, r]),
      );
      // Retired (停用) items do not carry over into the new draft; positions close up.
      const entries = baseEntries.filter((e) => items.get(e.itemId)?.status === 'active').map((e, i) => ({ ...e, position: i + 1 }));
      const now = tx.now();
      const [v] = await tx.db
        .insert(checklistVersions)
        .values({
          orgId: checklist.orgId,
          checklistId,
          version: versions[0]!.version + 1,
          status: 'draft',
          thresholds: base.thresholds,
          basedOnId: base.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (entries.length) {
        await tx.db.insert(checklistVersionItems).values(
          entries.map((e) => {
            return entryValues(checklist.orgId, v!.id, items.get(e.itemId)!, e.position, e.points, e.veto);
          }),
        );
      }
      const dropped = baseEntries.filter((e) => !entries.some((x) => x.itemId === e.itemId)).map((e) => e.code);
      await recordEvent(tx, {
        orgId: checklist.orgId,
        action: 'checklistVersion.create',
        entityType: 'checklistVersion',
        entityId: v!.id,
        after: { ...v, items: entrySnapshot(entries), droppedRetired: dropped },
      });
      return v!.id;
    });
    return getVersion(ctx, id);
  } catch (e) {
    if (isUniqueViolation(e, 'checklist_versions_one_draft_idx') || isUniqueViolation(e, 'checklist_versions_no_idx')) throw conflict('该检查表已有草稿版本');
    throw e;
  }
}
