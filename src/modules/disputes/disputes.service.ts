/**
 * 复议、诉讼 register: list, read, create, update, bulk import. Every write in one transaction
 * with its audit event(s). Own org writes, descendants read-only, others 404.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../kernel/context.js';
import { recordEvent, recordEvents } from '../../kernel/audit/index.js';
import { authorize } from '../../kernel/auth/policy.js';
import type { Action } from '../../kernel/auth/roles.js';
import { isValidDate } from '../../kernel/calendar/index.js';
import { fieldError, validation } from '../../kernel/http/errors.js';
import { headingsToFields, importRefused, textOf, type ImportRow } from '../../kernel/http/import-rows.js';
import { arrayParam, inOrgs, type OrgScope, type Page } from '../../kernel/db/paging.js';
import { importTemplate } from '../../kernel/documents/import-template.js';
import { orgs } from '../../kernel/schema.js';
import { guardRecord, readableOrg } from '../../kernel/tenancy/index.js';
import { disputes } from './schema.js';
import type { DisputeInput, DisputeListQuery, DisputePatch, DisputeView, ImportRowError } from './contracts.js';
import { DISPUTE_KIND_LABELS, DISPUTE_KINDS, DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeKind, type DisputeOutcome } from './labels.js';

type Row = typeof disputes.$inferSelect;

export const MAX_DISPUTE_IMPORT_ROWS = 20_000;

export function presentDispute(r: Row): DisputeView {
  const kind = r.kind as DisputeKind;
  const outcome = r.outcome as DisputeOutcome;
  return {
    id: r.id,
    orgId: r.orgId,
    kind,
    kindLabel: DISPUTE_KIND_LABELS[kind] ?? r.kind,
    caseNo: r.caseNo,
    subject: r.subject,
    filedOn: r.filedOn,
    outcome,
    outcomeLabel: DISPUTE_OUTCOME_LABELS[outcome] ?? r.outcome,
    closedOn: r.closedOn,
    applicationId: r.applicationId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Closing date against outcome and filing date; null when consistent. */
function closingProblem(filedOn: string, outcome: DisputeOutcome, closedOn: string | null | undefined): { field: string; reason: string } | null {
  if (closedOn && closedOn < filedOn) return { field: 'closedOn', reason: `审结日期 ${closedOn} 早于立案日期 ${filedOn}` };
  if (outcome !== 'pending' && !closedOn) return { field: 'closedOn', reason: '已有结果（维持、纠正或其他）的案件应填写审结日期' };
  if (outcome === 'pending' && closedOn) return { field: 'outcome', reason: '填写了审结日期的案件应选择结果（维持、纠正或其他）' };
  return null;
}

/** The ids among `ids` that are applications of `orgId` (disclosure module's table, read by name to keep modules one-way). */
async function existingApplications(ctx: Ctx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await ctx.db.execute<{ id: string }>(sql`SELECT id FROM disclosure_applications WHERE org_id = ${orgId} AND id = ANY(${arrayParam(ids)}::uuid[])`);
  return new Set(r.rows.map((x) => x.id));
}

/** The org's applications by tracking code (one statement, one array parameter). */
async function applicationsByTrackingCode(ctx: Ctx, orgId: string, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const r = await ctx.db.execute<{ id: string; tracking_code: string }>(
    sql`SELECT id, tracking_code FROM disclosure_applications WHERE org_id = ${orgId} AND tracking_code = ANY(${arrayParam(codes)}::text[])`,
  );
  return new Map(r.rows.map((x) => [x.tracking_code, x.id]));
}

export async function listDisputes(ctx: ActorCtx, q: DisputeListQuery): Promise<Page<DisputeView>> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(disputes.orgId, org.id)];
  if (q.kind) where.push(eq(disputes.kind, q.kind));
  if (q.outcome) where.push(eq(disputes.outcome, q.outcome));
  if (q.filedFrom) where.push(gte(disputes.filedOn, q.filedFrom));
  if (q.filedTo) where.push(lte(disputes.filedOn, q.filedTo));
  if (q.applicationId) where.push(eq(disputes.applicationId, q.applicationId));
  const cond = and(...where)!;
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(disputes)
    .where(cond);
  const rows = await ctx.db
    .select()
    .from(disputes)
    .where(cond)
    .orderBy(desc(disputes.filedOn), asc(disputes.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(presentDispute), total, page: q.page, pageSize: q.pageSize };
}

/** Disputes of one org by id (for drill-down), in filing order. */
export async function disputesByIds(ctx: Ctx, orgId: OrgScope, ids: string[]): Promise<DisputeView[]> {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select()
    .from(disputes)
    .where(and(inOrgs(disputes.orgId, orgId), inArray(disputes.id, ids)))
    .orderBy(asc(disputes.filedOn), asc(disputes.id));
  return rows.map(presentDispute);
}

/** Disputes of one org filed in a year (section 四 of the disclosure annual report). */
export async function disputesFiledIn(
  ctx: Ctx,
  orgIds: OrgScope,
  year: number,
): Promise<{ id: string; kind: DisputeKind; filedOn: string; outcome: DisputeOutcome; closedOn: string | null }[]> {
  const rows = await ctx.db
    .select({ id: disputes.id, kind: disputes.kind, filedOn: disputes.filedOn, outcome: disputes.outcome, closedOn: disputes.closedOn })
    .from(disputes)
    .where(and(inOrgs(disputes.orgId, orgIds), gte(disputes.filedOn, `${year}-01-01`), lte(disputes.filedOn, `${year}-12-31`)));
  return rows.map((r) => ({ ...r, kind: r.kind as DisputeKind, outcome: r.outcome as DisputeOutcome }));
}

/** A dispute as a figure counts it (disclosure report section 四 over a period): what it is, whose, when filed and closed. */
export interface DisputeForFigures {
  id: string;
  orgId: string;
  orgName: string;
  kind: DisputeKind;
  caseNo: string | null;
  subject: string | null;
  filedOn: string;
  outcome: DisputeOutcome;
  closedOn: string | null;
}

/** Disputes of the orgs filed between `from` and `to` (inclusive), in filing order. */
export async function disputesFiledBetween(ctx: Ctx, orgIds: string[], from: string, to: string): Promise<DisputeForFigures[]> {
  if (!orgIds.length) return [];
  const rows = await ctx.db
    .select({
      id: disputes.id,
      orgId: disputes.orgId,
      orgName: orgs.name,
      kind: disputes.kind,
      caseNo: disputes.caseNo,
      subject: disputes.subject,
      filedOn: disputes.filedOn,
      outcome: disputes.outcome,
      closedOn: disputes.closedOn,
    })
    .from(disputes)
    .innerJoin(orgs, eq(orgs.id, disputes.orgId))
    .where(and(inArray(disputes.orgId, orgIds), gte(disputes.filedOn, from), lte(disputes.filedOn, to)))
    .orderBy(asc(disputes.filedOn), asc(disputes.id));
  return rows.map((r) => ({ ...r, kind: r.kind as DisputeKind, outcome: r.outcome as DisputeOutcome }));
}

async function loadDispute(ctx: ActorCtx, id: string, action: Action, lock = false) {
  const base = ctx.db.select().from(disputes).where(eq(disputes.id, id));
  const [row] = lock ? await base.for('update') : await base;
  return guardRecord(ctx, row, action, '复议、诉讼案件');
}

export async function getDispute(ctx: ActorCtx, id: string): Promise<DisputeView> {
  return presentDispute(await loadDispute(ctx, id, 'dispute.read'));
}

export async function createDispute(ctx: ActorCtx, input: DisputeInput): Promise<DisputeView> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'dispute.manage', { orgId, orgPath: ctx.actor.orgPath });
  const p = closingProblem(input.filedOn, input.outcome, input.closedOn);
  if (p) throw fieldError(p.field, p.reason);
  return inTx(ctx, async (tx) => {
    if (input.applicationId && !(await existingApplications(tx, orgId, [input.applicationId])).has(input.applicationId)) {
      throw validation('关联的政府信息公开申请不存在', { applicationId: '本机构没有该申请' });
    }
    const now = tx.now();
    const [row] = await tx.db
      .insert(disputes)
      .values({
        orgId,
        kind: input.kind,
        filedOn: input.filedOn,
        outcome: input.outcome,
        closedOn: input.closedOn ?? null,
        applicationId: input.applicationId ?? null,
        caseNo: input.caseNo || null,
        subject: input.subject || null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, { orgId, action: 'dispute.create', entityType: 'dispute', entityId: row!.id, after: row });
    return presentDispute(row!);
  });
}

export async function updateDispute(ctx: ActorCtx, id: string, patch: DisputePatch): Promise<DisputeView> {
  return inTx(ctx, async (tx) => {
    const { orgPath: _orgPath, ...before } = await loadDispute(tx, id, 'dispute.manage', true);
    const outcome = patch.outcome ?? (before.outcome as DisputeOutcome);
    const closedOn = patch.closedOn === undefined ? before.closedOn : patch.closedOn;
    const p = closingProblem(before.filedOn, outcome, closedOn);
    if (p) throw fieldError(p.field, p.reason);
    const [after] = await tx.db
      .update(disputes)
      .set({
        outcome,
        closedOn,
        ...(patch.caseNo !== undefined ? { caseNo: patch.caseNo || null } : {}),
        ...(patch.subject !== undefined ? { subject: patch.subject || null } : {}),
        updatedAt: tx.now(),
      })
      .where(eq(disputes.id, id))
      .returning();
    await recordEvent(tx, { orgId: before.orgId, action: 'dispute.update', entityType: 'dispute', entityId: id, before, after });
    return presentDispute(after!);
  });
}

/** Chinese column headers accepted in an .xlsx import. */

/** Each field's column heading in the template (and in the errors). */
export const DISPUTE_IMPORT_COLUMNS: Record<string, string> = {
  kind: '类别',
  filedOn: '立案日期',
  outcome: '结果',
  closedOn: '审结日期',
  trackingCode: '关联申请查询码',
  applicationId: '关联申请ID',
  caseNo: '案号',
  subject: '事由',
};

/** The headings the import reads: the template's. */
export const DISPUTE_IMPORT_ALIASES = headingsToFields(DISPUTE_IMPORT_COLUMNS);

/** The import template of the 复议、诉讼 register. */
export function disputeImportTemplate(): Promise<{ buffer: Buffer; fileName: string }> {
  const h = DISPUTE_IMPORT_COLUMNS;
  return importTemplate({
    sheetName: '行政复议、行政诉讼',
    fileName: '行政复议行政诉讼登记导入模板.xlsx',
    maxRows: MAX_DISPUTE_IMPORT_ROWS,
    columns: [
      { header: h.kind!, required: true, allowed: DISPUTE_KINDS.map((k) => DISPUTE_KIND_LABELS[k]) },
      { header: h.filedOn!, required: true, text: true, note: '复议机关受理或法院立案的日期，格式 YYYY-MM-DD。' },
      { header: h.outcome!, allowed: DISPUTE_OUTCOMES.map((o) => DISPUTE_OUTCOME_LABELS[o]), note: '不填为“尚未审结”。' },
      { header: h.closedOn!, text: true, note: '已审结的填写审结日期（YYYY-MM-DD）；尚未审结的不填。' },
      { header: h.caseNo!, note: '复议决定书或判决书的文号、案号，可不填。' },
      { header: h.subject!, note: '简要事由，不超过 500 字，可不填。', width: 40 },
      { header: h.trackingCode!, text: true, note: '因政府信息公开申请引起的，填写该申请的查询码（12 位），可不填。' },
    ],
    examples: [
      {
        [h.kind!]: DISPUTE_KIND_LABELS.reconsideration,
        [h.filedOn!]: '2025-02-10',
        [h.outcome!]: DISPUTE_OUTCOME_LABELS.upheld,
        [h.closedOn!]: '2025-04-08',
        [h.caseNo!]: '某政复〔2025〕3号',
      },
    ],
    notes: [['全部成功或全部不写入', '任何一行有误，整批都不会导入；系统列出每个有误的行号、列和原因，改正后重新上传即可。']],
  });
}
const KIND_BY_LABEL = new Map<string, DisputeKind>([
  ...DISPUTE_KINDS.map((k) => [k, k] as const),
  ...DISPUTE_KINDS.map((k) => [DISPUTE_KIND_LABELS[k], k] as const),
  ['行政复议', 'reconsideration'],
  ['未经复议直接起诉', 'litigation_direct'],
  ['复议后起诉', 'litigation_after_reconsideration'],
]);
const OUTCOME_BY_LABEL = new Map<string, DisputeOutcome>([
  ...DISPUTE_OUTCOMES.map((o) => [o, o] as const),
  ...DISPUTE_OUTCOMES.map((o) => [DISPUTE_OUTCOME_LABELS[o], o] as const),
  ['未审结', 'pending'],
]);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** All-or-nothing import of disputes: every row checked, any problem → 422 listing them, nothing written. */
export async function importDisputes(ctx: ActorCtx, rows: ImportRow[]): Promise<{ created: number }> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'dispute.manage', { orgId, orgPath: ctx.actor.orgPath });
  if (rows.length === 0) throw validation('没有可导入的数据行', { body: '没有数据行' });
  const errors: ImportRowError[] = [];
  const good: (typeof disputes.$inferInsert & { row: number; trackingCode: string | null })[] = [];
  for (const { row, values } of rows) {
    const fail = (field: string, value: unknown, reason: string) => errors.push({ row, field, value: value ?? null, reason });
    if ('__notObject' in values) {
      fail('(行)', values.__notObject, '每行应为一个 JSON 对象');
      continue;
    }
    const n = errors.length;
    const kindRaw = textOf(values.kind);
    const kind = kindRaw ? KIND_BY_LABEL.get(kindRaw) : undefined;
    const kinds = DISPUTE_KINDS.map((k) => DISPUTE_KIND_LABELS[k]).join('、');
    if (!kindRaw) fail('kind', values.kind, `类别必填（${kinds}）`);
    else if (!kind) fail('kind', kindRaw, `未知类别“${kindRaw}”，应为${kinds}之一`);
    const filedOn = textOf(values.filedOn);
    if (!filedOn) fail('filedOn', values.filedOn, '立案日期必填');
    else if (!isValidDate(filedOn)) fail('filedOn', filedOn, '立案日期应为 YYYY-MM-DD 格式的有效日期');
    const outcomeRaw = textOf(values.outcome) ?? 'pending';
    const outcome = OUTCOME_BY_LABEL.get(outcomeRaw);
    if (!outcome) fail('outcome', outcomeRaw, `未知结果“${outcomeRaw}”，应为${DISPUTE_OUTCOMES.map((o) => DISPUTE_OUTCOME_LABELS[o]).join('、')}之一`);
    const closedOn = textOf(values.closedOn);
    if (closedOn && !isValidDate(closedOn)) fail('closedOn', closedOn, '审结日期应为 YYYY-MM-DD 格式的有效日期');
    const applicationId = textOf(values.applicationId);
    if (applicationId && !UUID_RE.test(applicationId)) fail('applicationId', applicationId, '关联申请 ID 格式不正确');
    const trackingCode = textOf(values.trackingCode)?.toUpperCase() ?? null;
    if (errors.length === n && filedOn && outcome) {
      const p = closingProblem(filedOn, outcome, closedOn);
      if (p) fail(p.field, p.field === 'closedOn' ? closedOn : outcomeRaw, p.reason);
    }
    if (errors.length === n)
      good.push({
        row,
        orgId,
        kind: kind!,
        filedOn: filedOn!,
        outcome: outcome!,
        closedOn,
        applicationId,
        trackingCode,
        caseNo: textOf(values.caseNo),
        subject: textOf(values.subject),
      });
  }
  return inTx(ctx, async (tx) => {
    const linked = [...new Set(good.map((g) => g.applicationId).filter((x): x is string => !!x))];
    const known = await existingApplications(tx, orgId, linked);
    const byCode = await applicationsByTrackingCode(tx, orgId, [...new Set(good.map((g) => g.trackingCode).filter((x): x is string => !!x))]);
    for (const g of good) {
      if (g.applicationId && !known.has(g.applicationId))
        errors.push({ row: g.row, field: 'applicationId', value: g.applicationId, reason: '本机构没有该政府信息公开申请' });
      if (g.trackingCode) {
        const id = byCode.get(g.trackingCode);
        if (!id) errors.push({ row: g.row, field: 'trackingCode', value: g.trackingCode, reason: `本机构没有查询码为 ${g.trackingCode} 的政府信息公开申请` });
        else if (g.applicationId && g.applicationId !== id)
          errors.push({ row: g.row, field: 'trackingCode', value: g.trackingCode, reason: '查询码与关联申请ID不是同一件申请' });
        else g.applicationId = id;
      }
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      throw importRefused(errors, rows.length, DISPUTE_IMPORT_COLUMNS);
    }
    const now = tx.now();
    const inserted: Row[] = [];
    for (let i = 0; i < good.length; i += 1000) {
      const chunk = good.slice(i, i + 1000).map(({ row: _row, trackingCode: _code, ...v }) => ({ ...v, createdAt: now, updatedAt: now }));
      inserted.push(...(await tx.db.insert(disputes).values(chunk).returning()));
    }
    await recordEvents(
      tx,
      inserted.map((d) => ({ orgId, action: 'dispute.import', entityType: 'dispute', entityId: d.id, after: d })),
    );
    return { created: inserted.length };
  });
}
