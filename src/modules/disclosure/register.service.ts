/**
 * 主动公开目录: CRUD of register entries, each with a 20-working-day clock from the day the
 * information was made or changed to the day it was published (条例第二十六条), kept in the kernel
 * `clocks` table (closed once published); and the entries section 二 of the annual report reads.
 */
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { authorize } from '../../kernel/auth/policy.js';
import { computeClockOrPending } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { AppError, notFound } from '../../kernel/http/errors.js';
import { likeTerm, type Page } from '../../kernel/db/paging.js';
import { clocks, orgs } from '../../kernel/schema.js';
import { readableOrg } from '../../kernel/tenancy/index.js';
import type { Ctx } from '../../kernel/context.js';
import type { ActorCtx } from './applications.service.js';
import { disclosureRegister } from './schema.js';
import { itemMark, PROACTIVE_PERIOD, REGISTER_CATEGORIES, REGISTER_CATEGORY_BY_KEY, REGISTER_ENTRY_KIND_LABELS, type RegisterEntry, type RegisterEntryKind } from './register.js';
import type { RegisterEntryInput, RegisterEntryPatch, RegisterListQuery } from './contracts.js';
import type { ClockSpec } from '../../kernel/calendar/index.js';

type Row = typeof disclosureRegister.$inferSelect;
export const CLOCK_KIND_PROACTIVE = 'disclosure.proactive';
export const REGISTER_ENTITY = 'disclosureRegisterEntry';

const bad = (field: string, message: string) => new AppError('validation', message, { fields: { [field]: message } });

export function proactiveClockSpec(r: Pick<Row, 'madeOn' | 'publishedOn'>): ClockSpec {
  return { start: r.madeOn, period: PROACTIVE_PERIOD, unit: 'working', ...(r.publishedOn ? { completedOn: r.publishedOn } : {}) };
}

async function syncClock(ctx: Ctx, r: Row): Promise<void> {
  const now = ctx.now();
  const cat = REGISTER_CATEGORY_BY_KEY[r.category];
  const label = `主动公开期限（${cat?.label ?? r.category}：${r.title.length > 24 ? `${r.title.slice(0, 24)}…` : r.title}）`;
  const closed = !!r.publishedOn;
  await ctx.db
    .insert(clocks)
    .values({ orgId: r.orgId, entityType: REGISTER_ENTITY, entityId: r.id, kind: CLOCK_KIND_PROACTIVE, label, spec: proactiveClockSpec(r), closedAt: closed ? now : null, createdAt: now })
    .onConflictDoUpdate({
      target: [clocks.orgId, clocks.entityType, clocks.entityId, clocks.kind],
      set: { label, spec: proactiveClockSpec(r), closedAt: closed ? sql`coalesce(${clocks.closedAt}, ${now.toISOString()}::timestamptz)` : null },
    });
}

/** Checks an entry as a whole (after a patch is merged). */
function validateEntry(ctx: Ctx, e: Pick<Row, 'category' | 'entryKind' | 'madeOn' | 'publishedOn' | 'abolishedOn' | 'amount'>): void {
  const cat = REGISTER_CATEGORY_BY_KEY[e.category];
  if (!cat) throw bad('category', `类别“${e.category}”不是条例第二十条所列类别`);
  if (!cat.kinds.includes(e.entryKind as RegisterEntryKind)) {
    throw bad('entryKind', `${itemMark(cat.item)}“${cat.label}”的条目类型应为${cat.kinds.map((k) => `${k}（${REGISTER_ENTRY_KIND_LABELS[k]}）`).join('或')}`);
  }
  const today = todayInChina(ctx.now());
  for (const [field, label, d] of [['madeOn', '制作或变更日期', e.madeOn], ['publishedOn', '公开日期', e.publishedOn], ['abolishedOn', '废止日期', e.abolishedOn]] as const) {
    if (d && d > today) throw bad(field, `${label} ${d} 晚于今天（${today}）`);
  }
  if (e.publishedOn && e.publishedOn < e.madeOn) throw bad('publishedOn', `公开日期 ${e.publishedOn} 早于制作或变更日期 ${e.madeOn}`);
  if (e.abolishedOn && e.abolishedOn < e.madeOn) throw bad('abolishedOn', `废止日期 ${e.abolishedOn} 早于制作或变更日期 ${e.madeOn}`);
  const needsAmount = cat.amount && e.entryKind === 'decision';
  if (needsAmount && (e.amount === null || e.amount === undefined)) throw bad('amount', `${cat.label}记录须填写金额（元）`);
  if (!needsAmount && e.amount !== null && e.amount !== undefined) throw bad('amount', `${cat.label}${REGISTER_ENTRY_KIND_LABELS[e.entryKind as RegisterEntryKind]}不填写金额`);
}

export function presentEntry(r: Row, cal?: Awaited<ReturnType<typeof loadWorkCalendar>>, today?: string) {
  const cat = REGISTER_CATEGORY_BY_KEY[r.category];
  let clock: { due: string | null; state: string; daysLeft: number | null; explanation: string[] } | null = null;
  if (cal && today) {
    try {
      const c = computeClockOrPending(cal, proactiveClockSpec(r), today);
      clock = { due: c.due, state: c.state, daysLeft: c.daysLeft, explanation: c.explanation };
    } catch {
      clock = null; // a year whose calendar is not entered
    }
  }
  return {
    id: r.id,
    orgId: r.orgId,
    category: r.category,
    categoryLabel: cat?.label ?? r.category,
    item: cat ? itemMark(cat.item) : null,
    entryKind: r.entryKind,
    entryKindLabel: REGISTER_ENTRY_KIND_LABELS[r.entryKind as RegisterEntryKind] ?? r.entryKind,
    title: r.title,
    docNumber: r.docNumber,
    link: r.link,
    madeOn: r.madeOn,
    publishedOn: r.publishedOn,
    abolishedOn: r.abolishedOn,
    amount: r.amount === null ? null : Number(r.amount),
    note: r.note,
    clock,
  };
}

export const registerCategories = () => ({
  items: REGISTER_CATEGORIES.map((c) => ({ key: c.key, item: itemMark(c.item), label: c.label, kinds: c.kinds, amount: !!c.amount, reportRow: c.row ?? null })),
});

export async function listRegister(ctx: ActorCtx, q: z.infer<typeof RegisterListQuery>): Promise<Page<ReturnType<typeof presentEntry>>> {
  const org = await readableOrg(ctx, q.orgId);
  const t = disclosureRegister;
  const where: SQL[] = [eq(t.orgId, org.id)];
  if (q.category) where.push(eq(t.category, q.category));
  if (q.q) where.push(or(ilike(t.title, likeTerm(q.q)), ilike(t.docNumber, likeTerm(q.q)))!);
  if (q.unpublished === 'true') where.push(isNull(t.publishedOn));
  if (q.unpublished === 'false') where.push(isNotNull(t.publishedOn));
  if (q.year) where.push(gte(t.madeOn, `${q.year}-01-01`), lte(t.madeOn, `${q.year}-12-31`));
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(t).where(cond);
  const rows = await ctx.db
    .select()
    .from(t)
    .where(cond)
    .orderBy(desc(t.madeOn), asc(t.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  return { items: rows.map((r) => presentEntry(r, cal, today)), total, page: q.page, pageSize: q.pageSize };
}

async function loadEntry(ctx: ActorCtx, id: string, lock = false) {
  const base = ctx.db.select({ e: disclosureRegister, orgPath: orgs.path }).from(disclosureRegister).innerJoin(orgs, eq(orgs.id, disclosureRegister.orgId)).where(eq(disclosureRegister.id, id));
  const [r] = lock ? await base.for('update', { of: disclosureRegister }) : await base;
  if (!r || !r.orgPath.startsWith(ctx.actor.orgPath)) throw notFound('主动公开目录条目');
  return r;
}

export async function getRegisterEntry(ctx: ActorCtx, id: string) {
  const { e, orgPath } = await loadEntry(ctx, id);
  authorize(ctx.actor, 'disclosure.read', { orgId: e.orgId, orgPath });
  return presentEntry(e, await loadWorkCalendar(ctx.db), todayInChina(ctx.now()));
}

const amountText = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(2));

export async function createRegisterEntry(ctx: ActorCtx, input: z.infer<typeof RegisterEntryInput>) {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.handle', { orgId, orgPath: ctx.actor.orgPath });
  const values = {
    orgId,
    category: input.category,
    entryKind: input.entryKind,
    title: input.title,
    docNumber: input.docNumber || null,
    link: input.link || null,
    madeOn: input.madeOn,
    publishedOn: input.publishedOn ?? null,
    abolishedOn: input.abolishedOn ?? null,
    amount: amountText(input.amount),
    note: input.note || null,
  };
  validateEntry(ctx, { ...values, amount: values.amount });
  return inTx(ctx, async (tx) => {
    const cal = await loadWorkCalendar(tx.db);
    cal.assertKnown(input.madeOn);
    const now = tx.now();
    const [row] = await tx.db.insert(disclosureRegister).values({ ...values, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now }).returning();
    await recordEvent(tx, { orgId, action: 'disclosure.register.create', entityType: REGISTER_ENTITY, entityId: row!.id, after: row });
    await syncClock(tx, row!);
    return presentEntry(row!, cal, todayInChina(now));
  });
}

export async function updateRegisterEntry(ctx: ActorCtx, id: string, patch: z.infer<typeof RegisterEntryPatch>) {
  return inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const { e: before, orgPath } = await loadEntry(tx, id, true);
    authorize(ctx.actor, 'disclosure.handle', { orgId: before.orgId, orgPath });
    const set: Partial<Row> = {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      (set as Record<string, unknown>)[k] = k === 'amount' ? amountText(v as number | null) : v === '' ? null : v;
    }
    const merged = { ...before, ...set };
    validateEntry(tx, merged);
    const cal = await loadWorkCalendar(tx.db);
    cal.assertKnown(merged.madeOn);
    const [after] = await tx.db.update(disclosureRegister).set({ ...set, updatedAt: tx.now() }).where(eq(disclosureRegister.id, id)).returning();
    await recordEvent(tx, { orgId: before.orgId, action: 'disclosure.register.update', entityType: REGISTER_ENTITY, entityId: id, before, after });
    await syncClock(tx, after!);
    return presentEntry(after!, cal, todayInChina(tx.now()));
  });
}

/** Removes an entry registered by mistake (its clock goes with it; the record keeps the event). */
export async function deleteRegisterEntry(ctx: ActorCtx, id: string) {
  return inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const { e: before, orgPath } = await loadEntry(tx, id, true);
    authorize(ctx.actor, 'disclosure.handle', { orgId: before.orgId, orgPath });
    await tx.db.delete(disclosureRegister).where(eq(disclosureRegister.id, id));
    await tx.db.delete(clocks).where(and(eq(clocks.orgId, before.orgId), eq(clocks.entityType, REGISTER_ENTITY), eq(clocks.entityId, id)));
    await recordEvent(tx, { orgId: before.orgId, action: 'disclosure.register.delete', entityType: REGISTER_ENTITY, entityId: id, before });
    return { ok: true };
  });
}

/** Every entry of the org that can matter to year `year` (made by its end). */
export async function registerEntriesFor(ctx: Ctx, orgId: string, year: number): Promise<{ entries: RegisterEntry[]; any: boolean }> {
  const t = disclosureRegister;
  const rows = await ctx.db
    .select({ id: t.id, category: t.category, entryKind: t.entryKind, madeOn: t.madeOn, publishedOn: t.publishedOn, abolishedOn: t.abolishedOn, amount: t.amount })
    .from(t)
    .where(and(eq(t.orgId, orgId), sql`${t.madeOn} <= ${`${year}-12-31`}`));
  const [anyRow] = rows.length ? [true] : await ctx.db.select({ id: t.id }).from(t).where(eq(t.orgId, orgId)).limit(1);
  return {
    entries: rows.map((r) => ({ ...r, entryKind: r.entryKind as RegisterEntryKind, amount: r.amount === null ? null : Number(r.amount) })),
    any: !!anyRow,
  };
}

/** Entries by id (drill-down of a section-二 cell), in made order. */
export async function registerEntriesByIds(ctx: Ctx, orgId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select()
    .from(disclosureRegister)
    .where(and(eq(disclosureRegister.orgId, orgId), inArray(disclosureRegister.id, ids)));
  return rows.map((r) => presentEntry(r)).sort((a, b) => a.madeOn.localeCompare(b.madeOn) || a.id.localeCompare(b.id));
}
