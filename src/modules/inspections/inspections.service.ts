/**
 * 行政检查 — the loop, first half: inspections created from a published draw or ad hoc, the notice
 * (检查通知书, numbered .docx, at least `inspectionNoticeDays` working days ahead, a dashboard
 * clock until it is sent), and the unit's self-inspection (自查表) in its own account.
 * Every write is one transaction with its record; status changes are checked against
 * INSPECTION_FLOW (loop.ts).
 */
import { and, asc, desc, eq, ilike, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx, type Ctx } from '../../kernel/context.js';
import { recordEvent, recordEvents, type AuditInput } from '../../kernel/audit/index.js';
import { authorize, hasAction } from '../../kernel/auth/policy.js';
import { computeClock, computeClockOrPending, workingDaysBetween, addDays, type ClockSpec, type WorkCalendar } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { countAll, likeTerm, type Page } from '../../kernel/db/paging.js';
import { docPrefixOf, formatChineseDate, formatDocNumber, renderOfficialDocx, type Block, type DocPrefixKind } from '../../kernel/documents/index.js';
import { AppError, conflict, notFound, validation } from '../../kernel/http/errors.js';
import { clocks, orgs } from '../../kernel/schema.js';
import { getSetting } from '../../kernel/settings.js';
import { readableOrg } from '../../kernel/tenancy/index.js';
import { inspectorConflicts, inspectors, units } from '../orgs/index.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionDocSequences, inspectionFiles, inspectionDraws, inspectionPlans, inspections } from './schema.js';
import { guard, iso, type ActorCtx } from './access.js';
import { followUpView, isAddressed, rectificationItemsOf } from './followup.view.js';
import { repeatWarningsFor } from './figures.service.js';
import type { PublishedDraw } from './draw.js';
import type { InspectorSnapshot } from './plans.service.js';
import {
  AREA_LABELS,
  INSPECTION_SOURCE_LABELS,
  SELF_RESULT_LABELS,
  type AdHocInspectionInput,
  type Area,
  type InspectionListQuery,
  type SelfInspectionInput,
} from './contracts.js';
import {
  INSPECTION_STATUS_LABELS,
  certificateProblem,
  actionsInContext,
  type ActionContext,
  lastWorkingDayOnOrBefore,
  latestNoticeDate,
  recordClockSpec,
  rectificationClockSpec,
  type OnSiteRecord,
  RECTIFICATION_ITEM_STATUS_LABELS,
  transitionProblem,
  type FlowActionName,
  type InspectionStatus,
} from './loop.js';

type InspectionRow = typeof inspections.$inferSelect;
type SelfResult = { entryId: string; result: keyof typeof SELF_RESULT_LABELS; note?: string | null };

const CLOCK_ENTITY = 'inspection';
export const CLOCK_KIND_NOTICE = 'inspection.notice';
/** 机关代字 of inspection documents (检查通知书, 反馈意见书 …): setting `inspectionDocPrefix`, default first character of the org + 档检 (兰台市档案局 → 兰档检). */
export const INSPECTION_DOC_PREFIX: DocPrefixKind = { key: 'inspectionDocPrefix', suffix: '档检', auditAction: 'inspection.doc_settings.update' };

const field = (name: string, message: string) => validation(message, { [name]: message });

export const docPrefix = (ctx: Ctx, orgId: string, orgName: string): Promise<string> => docPrefixOf(ctx.db, INSPECTION_DOC_PREFIX, orgId, orgName);

export async function nextDocSeq(ctx: Ctx, orgId: string, year: number): Promise<number> {
  const t = inspectionDocSequences;
  const [row] = await ctx.db
    .insert(t)
    .values({ orgId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [t.orgId, t.year], set: { lastSeq: sql`${t.lastSeq} + 1` } })
    .returning({ lastSeq: t.lastSeq });
  return row!.lastSeq;
}

/** The next inspection code of an org for a year: J-2025-001 … */
async function nextCode(ctx: Ctx, orgId: string, year: number): Promise<string> {
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`inspections:${orgId}`}))`);
  const prefix = `J-${year}-`;
  const rows = await ctx.db
    .select({ code: inspections.code })
    .from(inspections)
    .where(and(eq(inspections.orgId, orgId), like(inspections.code, `${prefix}%`)));
  const max = rows.reduce((m, r) => Math.max(m, Number(r.code.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export function assertTransition(row: InspectionRow, action: FlowActionName): void {
  const problem = transitionProblem(row.status, action);
  if (problem) throw conflict(`检查 ${row.code}：${problem}`);
}

export async function loadInspection(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false): Promise<InspectionRow> {
  const q = ctx.db.select().from(inspections).where(eq(inspections.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return guard(ctx, row, action, '检查');
}

// ---------------------------------------------------------------------------------------------
// The notice clock (dashboard): "send the notice by <date>"

/**
 * The notice clock: due on the last working day on which a notice still leaves `n` working days
 * before the planned date, counted from the day the inspection was created.
 */
export function noticeClockSpec(cal: WorkCalendar, r: Pick<InspectionRow, 'plannedDate' | 'noticeOn'>, createdOn: string, n: number): { spec: ClockSpec; latest: string } {
  const latest = lastWorkingDayOnOrBefore(cal, latestNoticeDate(cal, r.plannedDate, n));
  const p = latest > createdOn ? workingDaysBetween(cal, createdOn, latest) : 0;
  const spec: ClockSpec = p >= 1 ? { start: createdOn, period: p, unit: 'working' } : { start: addDays(latest, -1), period: 1, unit: 'working' };
  spec.dueSoonDays = 2;
  if (r.noticeOn) spec.completedOn = r.noticeOn;
  return { spec, latest };
}

async function syncNoticeClock(ctx: Ctx, r: InspectionRow, unitName: string): Promise<void> {
  const cal = await loadWorkCalendar(ctx.db);
  const n = await getSetting(ctx.db, r.orgId, 'inspectionNoticeDays');
  const { spec, latest } = noticeClockSpec(cal, r, todayInChina(r.createdAt), n);
  const label = `送达检查通知书（${r.code}，${unitName}，检查日 ${r.plannedDate}）：最迟于 ${latest} 送达`;
  const now = ctx.now();
  const closed = !!r.noticeOn;
  await ctx.db
    .insert(clocks)
    .values({ orgId: r.orgId, entityType: CLOCK_ENTITY, entityId: r.id, kind: CLOCK_KIND_NOTICE, label, spec, closedAt: closed ? now : null, createdAt: now })
    .onConflictDoUpdate({
      target: [clocks.orgId, clocks.entityType, clocks.entityId, clocks.kind],
      set: { label, spec, closedAt: closed ? sql`coalesce(${clocks.closedAt}, ${now.toISOString()}::timestamptz)` : null },
    });
}

// ---------------------------------------------------------------------------------------------
// Create

export async function insertInspection(
  tx: ActorCtx,
  values: Omit<typeof inspections.$inferInsert, 'code' | 'status' | 'createdAt' | 'updatedAt' | 'createdBy'>,
  unitName: string,
): Promise<{ row: InspectionRow; event: AuditInput }> {
  const code = await nextCode(tx, values.orgId, Number(values.plannedDate.slice(0, 4)));
  const now = tx.now();
  const [row] = await tx.db
    .insert(inspections)
    .values({ ...values, code, status: 'planned', createdBy: tx.actor.userId, createdAt: now, updatedAt: now })
    .returning();
  await syncNoticeClock(tx, row!, unitName);
  const event: AuditInput = {
    orgId: row!.orgId,
    action: 'inspection.create',
    entityType: 'inspection',
    entityId: row!.id,
    after: {
      code,
      unitId: row!.unitId,
      unitName,
      source: row!.source,
      drawId: row!.drawId,
      reason: row!.reason,
      checklistVersionId: row!.checklistVersionId,
      plannedDate: row!.plannedDate,
      team: row!.team,
      status: 'planned',
    },
  };
  return { row: row!, event };
}

/** One inspection per unit of a published draw: its drawn team, the plan's checklist version, the draw's planned date. */
export async function createFromDraw(ctx: ActorCtx, drawUuid: string) {
  const ids = await inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const [d] = await tx.db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawUuid)).for('update');
    await guard(tx, d, 'inspection.manage', '抽取批次');
    const draw = d!;
    if (draw.status !== 'published') throw conflict(`批次 ${draw.drawId} 尚未公布，不能据此生成检查`);
    const [later] = await tx.db.select({ drawId: inspectionDraws.drawId }).from(inspectionDraws).where(eq(inspectionDraws.supersedesId, draw.id));
    if (later) throw conflict(`批次 ${draw.drawId} 已被 ${later.drawId} 取代，请按新批次生成检查`);
    const existing = await tx.db.select({ id: inspections.id }).from(inspections).where(eq(inspections.drawId, draw.id));
    if (existing.length) throw conflict(`批次 ${draw.drawId} 的检查已经生成（${existing.length} 项），不能重复生成`);
    const [plan] = await tx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, draw.planId));
    if (!plan?.checklistVersionId) throw new AppError('unprocessable', `计划“${plan?.title ?? ''}”未指定检查表，不能生成检查`, { fields: { checklistVersionId: '计划未指定检查表' } });
    const result = draw.result as PublishedDraw;
    const pool = new Map((draw.inspectorPool as InspectorSnapshot[]).map((i) => [i.id, i]));
    const names = new Map(
      (await tx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, result.selected.length ? result.selected : ['00000000-0000-0000-0000-000000000000']))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const events: AuditInput[] = [];
    const created: string[] = [];
    for (const unitId of result.selected) {
      const team = (result.teams?.find((t) => t.unitId === unitId)?.selected ?? []).map((id) => pool.get(id)!);
      const { row, event } = await insertInspection(
        tx,
        { orgId: draw.orgId, unitId, source: 'draw', drawId: draw.id, reason: null, checklistVersionId: plan.checklistVersionId, plannedDate: draw.plannedDate, team },
        names.get(unitId) ?? unitId,
      );
      events.push({ ...event, after: { ...(event.after as object), drawCode: draw.drawId } });
      created.push(row.id);
    }
    await recordEvents(tx, events);
    return created;
  });
  const rows = await ctx.db
    .select({ i: inspections, unitName: units.name })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(inArray(inspections.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(inspections.code));
  // 监测预警: a unit inspected within `repeatInspectionDays` is a warning, not a refusal.
  // One query at a time: ctx.db may be a transaction's single client.
  const warnings: string[] = [];
  for (const r of rows) warnings.push(...(await repeatWarningsFor(ctx, r.i.orgId, r.i.unitId, r.i.plannedDate, ids)).map((w) => `${r.unitName}（${r.i.code}）：${w}`));
  return { items: rows.map((r) => presentSummary(r.i, r.unitName)), warnings };
}

/**
 * The team for a unit on a date, by the rules the draw uses: at least two distinct inspectors of
 * the org, active, certificate valid on the date (档案法实施条例第四十七条), no conflict (回避) with the unit.
 */
export async function checkTeam(
  ctx: Ctx,
  orgId: string,
  unitId: string,
  ids: string[],
  date: string,
  fieldName = 'inspectorIds',
  words: { team: string; date: string; act: string } = { team: '检查组成员', date: '检查日期', act: '参加检查' },
): Promise<InspectorSnapshot[]> {
  const field = (_: string, message: string) => validation(message, { [fieldName]: message });
  if (new Set(ids).size !== ids.length) throw field('inspectorIds', `${words.team}有重复`);
  const rows = await ctx.db
    .select()
    .from(inspectors)
    .where(and(eq(inspectors.orgId, orgId), inArray(inspectors.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw field('inspectorIds', `执法人员不存在或不属于本机关：${missing.join('、')}`);
  const problems = ids.map((id) => certificateProblem(byId.get(id)!, date)).filter((p): p is string => !!p);
  if (problems.length) throw field('inspectorIds', `${words.date} ${date} 以下执法人员不能${words.act}：${problems.join('；')}`);
  const avoid = await ctx.db
    .select({ inspectorId: inspectorConflicts.inspectorId, reason: inspectorConflicts.reason })
    .from(inspectorConflicts)
    .where(and(eq(inspectorConflicts.orgId, orgId), eq(inspectorConflicts.unitId, unitId), inArray(inspectorConflicts.inspectorId, ids)));
  if (avoid.length) {
    throw field('inspectorIds', `以下执法人员与检查对象存在利害关系，应当回避（行政处罚法第四十三条）：${avoid.map((a) => `${byId.get(a.inspectorId)!.name}（${a.reason}）`).join('；')}`);
  }
  return ids.map((id) => {
    const i = byId.get(id)!;
    return { id: i.id, name: i.name, certificateNo: i.certificateNo, certExpiresOn: i.certExpiresOn };
  });
}

/** An ad-hoc inspection (专项/临时检查): unit, team, published inspection checklist version, date, reason. */
export async function createAdHoc(ctx: ActorCtx, input: z.infer<typeof AdHocInspectionInput>) {
  const { id, warnings } = await inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const orgId = tx.actor.orgId;
    authorize(tx.actor, 'inspection.manage', { orgId, orgPath: tx.actor.orgPath });
    const [unit] = await tx.db.select().from(units).where(and(eq(units.id, input.unitId), eq(units.orgId, orgId)));
    if (!unit) throw field('unitId', '检查对象不存在或不属于本机关');
    if (unit.status !== 'active') throw field('unitId', `检查对象“${unit.name}”已注销，不能检查`);
    const [version] = await tx.db
      .select({ v: checklistVersions, kind: checklists.kind, name: checklists.name })
      .from(checklistVersions)
      .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
      .where(and(eq(checklistVersions.id, input.checklistVersionId), eq(checklistVersions.orgId, orgId)));
    if (!version) throw field('checklistVersionId', '检查表版本不存在或不属于本机关');
    if (version.v.status !== 'published') throw field('checklistVersionId', `检查表“${version.name}”第 ${version.v.version} 版尚未发布，不能用于检查`);
    if (version.kind !== 'inspection') throw field('checklistVersionId', `“${version.name}”不是检查表（现场检查须使用检查表）`);
    const today = todayInChina(tx.now());
    if (input.plannedDate < today) throw field('plannedDate', `计划检查日期 ${input.plannedDate} 早于今天（${today}）`);
    const team = await checkTeam(tx, orgId, unit.id, input.inspectorIds, input.plannedDate);
    const { row, event } = await insertInspection(
      tx,
      { orgId, unitId: unit.id, source: 'ad_hoc', drawId: null, reason: input.reason, checklistVersionId: version.v.id, plannedDate: input.plannedDate, team },
      unit.name,
    );
    await recordEvent(tx, event);
    return { id: row.id, warnings: await repeatWarningsFor(tx, orgId, unit.id, input.plannedDate, [row.id]) };
  });
  return { ...(await getInspection(ctx, id)), warnings };
}

// ---------------------------------------------------------------------------------------------
// Read

function presentSummary(r: InspectionRow, unitName: string) {
  return {
    id: r.id,
    orgId: r.orgId,
    code: r.code,
    unitId: r.unitId,
    unitName,
    source: r.source,
    sourceLabel: INSPECTION_SOURCE_LABELS[r.source as keyof typeof INSPECTION_SOURCE_LABELS] ?? r.source,
    drawId: r.drawId,
    reason: r.reason,
    plannedDate: r.plannedDate,
    status: r.status,
    statusLabel: INSPECTION_STATUS_LABELS[r.status as InspectionStatus] ?? r.status,
    team: (r.team as InspectorSnapshot[]).map((i) => ({ id: i.id, name: i.name, certificateNo: i.certificateNo })),
    noticeOn: r.noticeOn,
    noticeDocNumber: r.noticeDocNumber,
    selfSubmittedAt: iso(r.selfSubmittedAt),
    /** 一公开 (publication.service.ts). */
    publishedOn: r.publishedOn,
    exemplary: r.exemplary,
    createdAt: iso(r.createdAt),
  };
}

export async function listInspections(ctx: ActorCtx, q: z.infer<typeof InspectionListQuery>): Promise<Page<ReturnType<typeof presentSummary>>> {
  const org = await readableOrg(ctx, q.orgId);
  return listWhere(ctx, [eq(inspections.orgId, org.id)], q);
}

async function listWhere(ctx: Ctx, base: SQL[], q: z.infer<typeof InspectionListQuery>) {
  const where = [...base];
  if (q.status) where.push(eq(inspections.status, q.status));
  if (q.source) where.push(eq(inspections.source, q.source));
  if (q.unitId) where.push(eq(inspections.unitId, q.unitId));
  if (q.drawId) where.push(eq(inspections.drawId, q.drawId));
  if (q.q) where.push(sql`(${ilike(units.name, likeTerm(q.q))} OR ${ilike(inspections.code, likeTerm(q.q))})`);
  const rows = await ctx.db
    .select({ i: inspections, unitName: units.name, total: countAll })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(and(...where))
    .orderBy(desc(inspections.plannedDate), asc(inspections.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => presentSummary(r.i, r.unitName)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

async function detailOf(ctx: Ctx, r: InspectionRow, party: 'bureau' | 'unit' | null) {
  const [unit] = await ctx.db.select({ name: units.name, address: units.address, contactName: units.contactName }).from(units).where(eq(units.id, r.unitId));
  const [version] = await ctx.db
    .select({ version: checklistVersions.version, name: checklists.name })
    .from(checklistVersions)
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .where(eq(checklistVersions.id, r.checklistVersionId));
  const entries = await ctx.db.select().from(checklistVersionItems).where(eq(checklistVersionItems.versionId, r.checklistVersionId)).orderBy(asc(checklistVersionItems.position));
  const self = new Map(((r.selfInspection as SelfResult[] | null) ?? []).map((x) => [x.entryId, x]));
  const draw = r.drawId ? (await ctx.db.select({ drawId: inspectionDraws.drawId }).from(inspectionDraws).where(eq(inspectionDraws.id, r.drawId)))[0] : undefined;
  const cal = await loadWorkCalendar(ctx.db);
  const n = await getSetting(ctx.db, r.orgId, 'inspectionNoticeDays');
  const { spec, latest } = noticeClockSpec(cal, r, todayInChina(r.createdAt), n);
  const today = todayInChina(ctx.now());
  const clock = computeClock(cal, spec, today);
  const record = r.record as OnSiteRecord | null;
  const onSite = new Map((record?.items ?? []).map((x) => [x.entryId, x]));
  const files = await ctx.db
    .select({
      id: inspectionFiles.id,
      kind: inspectionFiles.kind,
      entryId: inspectionFiles.entryId,
      inspectorId: inspectionFiles.inspectorId,
      signerName: inspectionFiles.signerName,
      fileName: inspectionFiles.fileName,
      mime: inspectionFiles.mime,
      size: inspectionFiles.size,
      sha256: inspectionFiles.sha256,
    })
    .from(inspectionFiles)
    .where(eq(inspectionFiles.inspectionId, r.id))
    .orderBy(asc(inspectionFiles.createdAt));
  const team = r.team as InspectorSnapshot[];
  const recordClock = r.onSiteDate ? computeClock(cal, recordClockSpec(r.onSiteDate, await getSetting(ctx.db, r.orgId, 'inspectionRecordDays'), r.signedOn), today) : null;
  // Before the feedback letter: the deadline it would set today (on-site date + rectificationDays working days).
  const previewDays = r.status === 'on_site_signed' && r.onSiteDate ? await getSetting(ctx.db, r.orgId, 'rectificationDays') : null;
  const preview = previewDays !== null ? computeClockOrPending(cal, rectificationClockSpec(r.onSiteDate!, previewDays), today) : null;
  const follow = await followUpView(ctx, r, party, today);
  const rItems = rectificationItemsOf(r);
  const flagged = new Set(follow.flags.map((f) => f.itemId));
  const referred = new Set(follow.referralEntryIds);
  const actionContext: ActionContext = {
    items: rItems.length,
    flags: follow.flags.length,
    unaddressedFlags: follow.flags.filter((f) => !isAddressed(f.addressedBy)).length,
    inProgress: rItems.filter((x) => x.status !== 'accepted' && !flagged.has(x.id)).length,
    referable: (record?.items ?? []).filter((x) => x.result === 'non_compliant' && !referred.has(x.entryId)).length,
    published: !!r.publishedOn,
  };
  return {
    ...presentSummary(r, unit?.name ?? r.unitId),
    unitAddress: unit?.address ?? null,
    drawCode: draw?.drawId ?? null,
    checklist: { versionId: r.checklistVersionId, name: version?.name ?? null, version: version?.version ?? null },
    notice: {
      requiredWorkingDays: n,
      latestDate: latest,
      sentOn: r.noticeOn,
      docNumber: r.noticeDocNumber,
      clock: { due: clock.due, state: clock.state, daysLeft: clock.daysLeft, explanation: clock.explanation },
    },
    selfInspection: {
      submittedAt: iso(r.selfSubmittedAt),
      answered: self.size,
      total: entries.length,
    },
    items: entries.map((e) => {
      const s = self.get(e.id);
      return {
        entryId: e.id,
        code: e.code,
        title: e.title,
        area: e.area,
        areaLabel: AREA_LABELS[e.area as Area] ?? e.area,
        legalBasis: e.legalBasis,
        method: e.method,
        evidenceHint: e.evidenceHint,
        self: s ? { result: s.result, resultLabel: SELF_RESULT_LABELS[s.result], note: s.note ?? null } : null,
        onSite: onSite.get(e.id)?.result
          ? { result: onSite.get(e.id)!.result!, resultLabel: SELF_RESULT_LABELS[onSite.get(e.id)!.result!], note: onSite.get(e.id)!.note }
          : onSite.get(e.id)?.note
            ? { result: null, resultLabel: null, note: onSite.get(e.id)!.note }
            : null,
        photos: files.filter((f) => f.kind === 'photo' && f.entryId === e.id).map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 })),
      };
    }),
    feedback: r.feedbackDocNumber
      ? {
          issuedOn: r.feedbackOn,
          docNumber: r.feedbackDocNumber,
          conclusion: r.conclusion,
          rectificationDue: r.rectificationDue,
          items: rItems.map((x) => ({
            ...x,
            status: x.status ?? 'open',
            statusLabel: RECTIFICATION_ITEM_STATUS_LABELS[x.status ?? 'open'],
            reports: x.reports ?? [],
            reviews: x.reviews ?? [],
            returnCount: x.returnCount ?? 0,
            evidence: files.filter((f) => f.kind === 'evidence' && f.entryId === x.entryId).map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 })),
          })),
          // The same flags as the follow-up part, without what addressed them.
          flags: follow.flags.map(({ addressedBy: _, ...f }) => f),
        }
      : null,
    record: record
      ? {
          onSiteDate: record.onSiteDate,
          inspectorsPresent: record.inspectorsPresent.map((id) => {
            const t = team.find((x) => x.id === id);
            return { id, name: t?.name ?? id, certificateNo: t?.certificateNo ?? null };
          }),
          representative: record.representative,
          findings: record.findings,
          signedOn: r.signedOn,
          signatures: files.filter((f) => f.kind === 'signature').map((f) => ({ id: f.id, signerName: f.signerName, inspectorId: f.inspectorId, role: f.inspectorId ? 'inspector' : 'representative', sha256: f.sha256 })),
          clock: recordClock ? { due: recordClock.due, state: recordClock.state, daysLeft: recordClock.daysLeft, explanation: recordClock.explanation } : null,
        }
      : null,
    rectificationPreview: preview ? { days: previewDays!, due: preview.due, explanation: preview.explanation } : null,
    ...follow,
    allowedActions: party ? actionsInContext(r.status, party, actionContext) : [],
  };
}

export async function getInspection(ctx: ActorCtx, id: string) {
  const r = await loadInspection(ctx, id, 'inspection.read');
  const party = r.orgId === ctx.actor.orgId && hasAction(ctx.actor, 'inspection.manage') ? 'bureau' : null;
  return detailOf(ctx, r, party);
}

// ---------------------------------------------------------------------------------------------
// 检查通知书

/** Record the notice (检查通知书): at least `inspectionNoticeDays` working days before the planned date; takes a 发文字号. */
export async function sendNotice(ctx: ActorCtx, id: string, input: { noticeOn?: string | undefined }) {
  await inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'notify');
    const today = todayInChina(tx.now());
    const noticeOn = input.noticeOn ?? today;
    if (noticeOn > today) throw field('noticeOn', `通知日期 ${noticeOn} 晚于今天（${today}），请在送达当日登记`);
    const cal = await loadWorkCalendar(tx.db);
    const n = await getSetting(tx.db, r.orgId, 'inspectionNoticeDays');
    const left = workingDaysBetween(cal, noticeOn, r.plannedDate);
    if (left < n) {
      const latest = latestNoticeDate(cal, r.plannedDate, n);
      const msg = `检查通知书应至迟于检查日前 ${n} 个工作日送达：检查日 ${r.plannedDate}，通知日期 ${noticeOn} 距检查日只有 ${Math.max(left, 0)} 个工作日，最迟应于 ${latest} 送达；请调整检查日期后另行检查`;
      throw new AppError('unprocessable', msg, { fields: { noticeOn: msg } });
    }
    const [org] = await tx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
    const year = Number(noticeOn.slice(0, 4));
    const seq = await nextDocSeq(tx, r.orgId, year);
    const docNumber = formatDocNumber(await docPrefix(tx, r.orgId, org!.name), year, seq);
    const now = tx.now();
    const [row] = await tx.db
      .update(inspections)
      .set({ status: 'notified', noticeOn, noticeDocNumber: docNumber, noticeYear: year, noticeSeq: seq, updatedAt: now })
      .where(eq(inspections.id, r.id))
      .returning();
    const [unit] = await tx.db.select({ name: units.name }).from(units).where(eq(units.id, r.unitId));
    await syncNoticeClock(tx, row!, unit?.name ?? '');
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.notify',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'notified', noticeOn, docNumber, plannedDate: r.plannedDate, workingDaysAhead: left, requiredWorkingDays: n },
    });
  });
  return getInspection(ctx, id);
}

async function noticeDocx(ctx: Ctx, r: InspectionRow): Promise<{ buffer: Buffer; fileName: string }> {
  if (!r.noticeDocNumber || !r.noticeOn) throw conflict(`检查 ${r.code} 尚未送达检查通知书`);
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, r.unitId));
  const entries = await ctx.db.select({ area: checklistVersionItems.area }).from(checklistVersionItems).where(eq(checklistVersionItems.versionId, r.checklistVersionId));
  const areas = [...new Set(entries.map((e) => e.area))].sort();
  const team = r.team as InspectorSnapshot[];
  const cn = formatChineseDate;
  const basis =
    r.source === 'draw'
      ? '根据《中华人民共和国档案法》第四十二条和本机关年度档案行政检查“双随机、一公开”抽查计划，经随机抽取'
      : `根据《中华人民共和国档案法》第四十二条，因${r.reason ?? '工作需要'}`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${basis}，我局定于${cn(r.plannedDate)}对你单位档案工作开展行政检查。现将有关事项通知如下：` },
    { kind: 'heading1', text: '检查内容' },
    { kind: 'paragraph', text: areas.map((a) => AREA_LABELS[a as Area] ?? a).join('\n') },
    { kind: 'heading1', text: '检查人员' },
    {
      kind: 'paragraph',
      text: `检查组由${team.map((i) => `${i.name}（执法证号：${i.certificateNo}）`).join('、')}组成。检查人员将出示执法证件；如认为检查人员与你单位存在利害关系可能影响公正检查的，可以申请回避。`,
    },
    { kind: 'heading1', text: '有关要求' },
    {
      kind: 'paragraph',
      text: '请你单位在现场检查前对照检查事项逐项开展自查，通过兰台系统“我的单位”填写并提交自查表；检查当日请单位负责人或其委托的人员到场，并准备好相关制度、台账和档案实体，配合检查。',
    },
  ];
  const buffer = await renderOfficialDocx({
    issuer: org!.name,
    docNumber: r.noticeDocNumber,
    title: '档案行政检查通知书',
    recipient: unit?.name ?? '',
    blocks,
    signature: org!.name,
    date: r.noticeOn,
  });
  return { buffer, fileName: `档案行政检查通知书-${r.code}.docx` };
}

export async function getNoticeDocx(ctx: ActorCtx, id: string) {
  return noticeDocx(ctx, await loadInspection(ctx, id, 'inspection.read'));
}

// ---------------------------------------------------------------------------------------------
// The unit's own account (role `unit`, users.unit_id): its inspections from the notice on, 自查表

/** An inspection of the actor's own unit that the unit has been notified of; anything else 404. */
export async function loadMine(ctx: ActorCtx, id: string, lock = false): Promise<InspectionRow> {
  if (!ctx.actor.unitId) throw notFound('检查');
  const q = ctx.db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), eq(inspections.orgId, ctx.actor.orgId), eq(inspections.unitId, ctx.actor.unitId), ne(inspections.status, 'planned')));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('检查');
  return row;
}

export async function listMyInspections(ctx: ActorCtx, q: z.infer<typeof InspectionListQuery>) {
  if (!ctx.actor.unitId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  return listWhere(ctx, [eq(inspections.orgId, ctx.actor.orgId), eq(inspections.unitId, ctx.actor.unitId), ne(inspections.status, 'planned')], { ...q, unitId: undefined });
}

export async function getMyInspection(ctx: ActorCtx, id: string) {
  return detailOf(ctx, await loadMine(ctx, id), 'unit');
}

export async function getMyNoticeDocx(ctx: ActorCtx, id: string) {
  return noticeDocx(ctx, await loadMine(ctx, id));
}

async function versionEntries(ctx: Ctx, versionId: string) {
  return ctx.db
    .select({ id: checklistVersionItems.id, code: checklistVersionItems.code })
    .from(checklistVersionItems)
    .where(eq(checklistVersionItems.versionId, versionId))
    .orderBy(asc(checklistVersionItems.position));
}

/** Save the self-inspection (a draft: some items may still be open); the given results replace those of the same items. */
export async function saveSelfInspection(ctx: ActorCtx, id: string, input: z.infer<typeof SelfInspectionInput>) {
  await inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const r = await loadMine(tx, id, true);
    assertTransition(r, 'saveSelfInspection');
    const entries = await versionEntries(tx, r.checklistVersionId);
    const known = new Set(entries.map((e) => e.id));
    const seen = new Set<string>();
    const fields: Record<string, string> = {};
    input.results.forEach((x, i) => {
      if (!known.has(x.entryId)) fields[`results.${i}.entryId`] = '该检查项不属于本次检查的检查表';
      else if (seen.has(x.entryId)) fields[`results.${i}.entryId`] = '同一检查项填写了两次';
      seen.add(x.entryId);
    });
    if (Object.keys(fields).length) throw validation(`自查表有 ${Object.keys(fields).length} 处错误：${Object.values(fields)[0]}`, fields);
    const merged = new Map(((r.selfInspection as SelfResult[] | null) ?? []).map((x) => [x.entryId, x]));
    for (const x of input.results) merged.set(x.entryId, { entryId: x.entryId, result: x.result, note: x.note ?? null });
    const ordered = entries.filter((e) => merged.has(e.id)).map((e) => merged.get(e.id)!);
    await tx.db.update(inspections).set({ selfInspection: ordered, updatedAt: tx.now() }).where(eq(inspections.id, r.id));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.self_inspection.save',
      entityType: 'inspection',
      entityId: r.id,
      before: { answered: ((r.selfInspection as SelfResult[] | null) ?? []).length },
      after: { answered: ordered.length, total: entries.length, results: input.results },
    });
  });
  return getMyInspection(ctx, id);
}

/** Submit the self-inspection: every item needs a result. */
export async function submitSelfInspection(ctx: ActorCtx, id: string) {
  await inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const r = await loadMine(tx, id, true);
    assertTransition(r, 'submitSelfInspection');
    const entries = await versionEntries(tx, r.checklistVersionId);
    const answered = new Set(((r.selfInspection as SelfResult[] | null) ?? []).map((x) => x.entryId));
    const open = entries.filter((e) => !answered.has(e.id));
    if (open.length) {
      const shown = open.slice(0, 10).map((e) => e.code).join('、');
      throw new AppError('unprocessable', `自查表还有 ${open.length} 项未填写自查结果（${shown}${open.length > 10 ? ' 等' : ''}），请逐项填写后提交`, {
        fields: { results: `未填写：${shown}${open.length > 10 ? ' 等' : ''}` },
      });
    }
    const now = tx.now();
    await tx.db.update(inspections).set({ status: 'self_inspected', selfSubmittedAt: now, selfSubmittedBy: tx.actor.userId, updatedAt: now }).where(eq(inspections.id, r.id));
    const results = r.selfInspection as SelfResult[];
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.self_inspection.submit',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: 'self_inspected',
        compliant: results.filter((x) => x.result === 'compliant').length,
        nonCompliant: results.filter((x) => x.result === 'non_compliant').length,
        notApplicable: results.filter((x) => x.result === 'not_applicable').length,
      },
    });
  });
  return getMyInspection(ctx, id);
}
