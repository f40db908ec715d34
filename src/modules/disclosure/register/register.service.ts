/**
 * 主动公开目录: CRUD of register entries, each with a 20-working-day clock from the day the
 * information was made or changed to the day it was published (条例第二十六条), kept in the kernel
 * `clocks` table (closed once published); and the entries section 二 of the annual report reads.
 */
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import type { Action } from '../../../kernel/auth/roles.js';
import { computeClock, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { fieldError } from '../../../kernel/http/errors.js';
import { inOrgs, likeTerm, type OrgScope } from '../../../kernel/db/paging.js';
import { clocks } from '../../../kernel/schema.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import { knownDay } from '../dates.js';
import { disclosureRegister } from '../schema.js';
import type { RegisterCategories, RegisterEntryInput, RegisterEntryPatch, RegisterEntryView, RegisterListQuery, RegisterPage } from './contracts.js';
import { itemMark, PROACTIVE_PERIOD, REGISTER_CATEGORIES, REGISTER_CATEGORY_BY_KEY, REGISTER_ENTRY_KIND_LABELS, type RegisterEntryKind } from './labels.js';
import type { RegisterEntry } from './register.js';

type Row = typeof disclosureRegister.$inferSelect;
export const CLOCK_KIND_PROACTIVE = 'disclosure.proactive';
export const REGISTER_ENTITY = 'disclosureRegisterEntry';

export function proactiveClockSpec(r: Pick<Row, 'madeOn' | 'publishedOn'>): ClockSpec {
  return { start: r.madeOn, period: PROACTIVE_PERIOD, unit: 'working', ...(r.publishedOn ? { completedOn: r.publishedOn } : {}) };
}

/** The entry's 20-working-day clock in the kernel `clocks` table (closed once published). */
async function syncEntryClock(ctx: Ctx, r: Row): Promise<void> {
  const cat = REGISTER_CATEGORY_BY_KEY[r.category];
  const label = `主动公开期限（${cat?.label ?? r.category}：${r.title.length > 24 ? `${r.title.slice(0, 24)}…` : r.title}）`;
  await syncClock(ctx, {
    orgId: r.orgId,
    entityType: REGISTER_ENTITY,
    entityId: r.id,
    kind: CLOCK_KIND_PROACTIVE,
    label,
    spec: proactiveClockSpec(r),
    closed: !!r.publishedOn,
  });
}

/** Checks an entry as a whole (after a patch is merged). */
function validateEntry(ctx: Ctx, e: Pick<Row, 'category' | 'entryKind' | 'madeOn' | 'publishedOn' | 'abolishedOn' | 'amount'>): void {
  const cat = REGISTER_CATEGORY_BY_KEY[e.category];
  if (!cat) throw fieldError('category', `类别“${e.category}”不是条例第二十条所列类别`);
  if (!cat.kinds.includes(e.entryKind as RegisterEntryKind)) {
    throw fieldError(
      'entryKind',
      `${itemMark(cat.item)}“${cat.label}”的条目类型应为${cat.kinds.map((k) => `${k}（${REGISTER_ENTRY_KIND_LABELS[k]}）`).join('或')}`,
    );
  }
  const today = todayInChina(ctx.now());
  for (const [field, label, d] of [
    ['madeOn', '制作或变更日期', e.madeOn],
    ['publishedOn', '公开日期', e.publishedOn],
    ['abolishedOn', '废止日期', e.abolishedOn],
  ] as const) {
    if (d && d > today) throw fieldError(field, `${label} ${d} 晚于今天（${today}）`);
  }
  if (e.publishedOn && e.publishedOn < e.madeOn) throw fieldError('publishedOn', `公开日期 ${e.publishedOn} 早于制作或变更日期 ${e.madeOn}`);
  if (e.abolishedOn && e.abolishedOn < e.madeOn) throw fieldError('abolishedOn', `废止日期 ${e.abolishedOn} 早于制作或变更日期 ${e.madeOn}`);
  const needsAmount = cat.amount && e.entryKind === 'decision';
  if (needsAmount && (e.amount === null || e.amount === undefined)) throw fieldError('amount', `${cat.label}记录须填写金额（元）`);
  if (!needsAmount && e.amount !== null && e.amount !== undefined)
    throw fieldError('amount', `${cat.label}${REGISTER_ENTRY_KIND_LABELS[e.entryKind as RegisterEntryKind]}不填写金额`);
}

export function presentEntry(r: Row, cal?: WorkCalendar, today?: string): RegisterEntryView {
  const cat = REGISTER_CATEGORY_BY_KEY[r.category];
  let clock: RegisterEntryView['clock'] = null;
  if (cal && today) {
    // a period reaching a year whose schedule is not entered yet has a provisional (预计) due date
    const c = computeClock(cal, proactiveClockSpec(r), today);
    clock = { due: c.due, provisional: c.provisional, provisionalYears: c.provisionalYears, state: c.state, daysLeft: c.daysLeft, explanation: c.explanation };
  }
  return {
    id: r.id,
    orgId: r.orgId,
    category: r.category,
    categoryLabel: cat?.label ?? r.category,
    item: cat ? itemMark(cat.item) : null,
    entryKind: r.entryKind as RegisterEntryKind,
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

export const registerCategories = (): RegisterCategories => ({
  items: REGISTER_CATEGORIES.map((c) => ({
    key: c.key,
    item: itemMark(c.item),
    label: c.label,
    kinds: [...c.kinds],
    amount: !!c.amount,
    reportRow: c.row ?? null,
  })),
});

export async function listRegister(ctx: ActorCtx, q: RegisterListQuery): Promise<RegisterPage> {
  const org = await readableOrg(ctx, q.orgId);
  const t = disclosureRegister;
  const where: SQL[] = [eq(t.orgId, org.id)];
  if (q.category) where.push(eq(t.category, q.category));
  if (q.q) where.push(or(ilike(t.title, likeTerm(q.q)), ilike(t.docNumber, likeTerm(q.q)))!);
  if (q.unpublished === 'true') where.push(isNull(t.publishedOn));
  if (q.unpublished === 'false') where.push(isNotNull(t.publishedOn));
  if (q.year) where.push(gte(t.madeOn, `${q.year}-01-01`), lte(t.madeOn, `${q.year}-12-31`));
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(cond);
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

/** An entry the actor may `action` on (404 outside the org tree, 403 when only readable); locked for update on request. */
async function loadEntry(ctx: ActorCtx, id: string, action: Action, lock = false): Promise<Row> {
  const base = ctx.db.select().from(disclosureRegister).where(eq(disclosureRegister.id, id));
  const [row] = lock ? await base.for('update') : await base;
  const { orgPath: _orgPath, ...e } = await guardRecord(ctx, row, action, '主动公开目录条目');
  return e;
}

export async function getRegisterEntry(ctx: ActorCtx, id: string): Promise<RegisterEntryView> {
  const e = await loadEntry(ctx, id, 'disclosure.read');
  return presentEntry(e, await loadWorkCalendar(ctx.db), todayInChina(ctx.now()));
}

const amountText = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(2));

export async function createRegisterEntry(ctx: ActorCtx, input: RegisterEntryInput): Promise<RegisterEntryView> {
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
    knownDay(cal, 'madeOn', input.madeOn, '制作或变更日期');
    const now = tx.now();
    const [row] = await tx.db
      .insert(disclosureRegister)
      .values({ ...values, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })
      .returning();
    await recordEvent(tx, { orgId, action: 'disclosure.register.create', entityType: REGISTER_ENTITY, entityId: row!.id, after: row });
    await syncEntryClock(tx, row!);
    return presentEntry(row!, cal, todayInChina(now));
  });
}

export async function updateRegisterEntry(ctx: ActorCtx, id: string, patch: RegisterEntryPatch): Promise<RegisterEntryView> {
  return inTx(ctx, async (tx) => {
    const before = await loadEntry(tx, id, 'disclosure.handle', true);
    const set: Partial<Row> = {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      (set as Record<string, unknown>)[k] = k === 'amount' ? amountText(v as number | null) : v === '' ? null : v;
    }
    const merged = { ...before, ...set };
    validateEntry(tx, merged);
    const cal = await loadWorkCalendar(tx.db);
    knownDay(cal, 'madeOn', merged.madeOn, '制作或变更日期');
    const [after] = await tx.db
      .update(disclosureRegister)
      .set({ ...set, updatedAt: tx.now() })
      .where(eq(disclosureRegister.id, id))
      .returning();
    await recordEvent(tx, { orgId: before.orgId, action: 'disclosure.register.update', entityType: REGISTER_ENTITY, entityId: id, before, after });
    await syncEntryClock(tx, after!);
    return presentEntry(after!, cal, todayInChina(tx.now()));
  });
}

/** Removes an entry registered by mistake (its clock goes with it; the record keeps the event). */
export async function deleteRegisterEntry(ctx: ActorCtx, id: string): Promise<{ ok: true }> {
  return inTx(ctx, async (tx) => {
    const before = await loadEntry(tx, id, 'disclosure.handle', true);
    await tx.db.delete(disclosureRegister).where(eq(disclosureRegister.id, id));
    await tx.db.delete(clocks).where(and(eq(clocks.orgId, before.orgId), eq(clocks.entityType, REGISTER_ENTITY), eq(clocks.entityId, id)));
    await recordEvent(tx, { orgId: before.orgId, action: 'disclosure.register.delete', entityType: REGISTER_ENTITY, entityId: id, before });
    return { ok: true as const };
  });
}

/** Every entry of the org (or orgs: a subtree) that can matter to year `year` (made by its end). */
export async function registerEntriesFor(ctx: Ctx, orgIds: OrgScope, year: number): Promise<{ entries: RegisterEntry[]; any: boolean }> {
  const t = disclosureRegister;
  const rows = await ctx.db
    .select({
      id: t.id,
      category: t.category,
      entryKind: t.entryKind,
      madeOn: t.madeOn,
      publishedOn: t.publishedOn,
      abolishedOn: t.abolishedOn,
      amount: t.amount,
    })
    .from(t)
    .where(and(inOrgs(t.orgId, orgIds), sql`${t.madeOn} <= ${`${year}-12-31`}`));
  const [anyRow] = rows.length ? [true] : await ctx.db.select({ id: t.id }).from(t).where(inOrgs(t.orgId, orgIds)).limit(1);
  return {
    entries: rows.map((r) => ({ ...r, entryKind: r.entryKind as RegisterEntryKind, amount: r.amount === null ? null : Number(r.amount) })),
    any: !!anyRow,
  };
}

/** Entries by id (drill-down of a section-二 cell), in made order. */
export async function registerEntriesByIds(ctx: Ctx, orgId: OrgScope, ids: string[]): Promise<RegisterEntryView[]> {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select()
    .from(disclosureRegister)
    .where(and(inOrgs(disclosureRegister.orgId, orgId), inArray(disclosureRegister.id, ids)));
  return rows.map((r) => presentEntry(r)).sort((a, b) => a.madeOn.localeCompare(b.madeOn) || a.id.localeCompare(b.id));
}
