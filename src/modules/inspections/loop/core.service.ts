/**
 * The inspection row every step of the loop (and the follow-up and publication areas) works on:
 * loading it under the org-tree guard or as the unit's own, checking a step against INSPECTION_FLOW,
 * creating one (J-2026-001 code, notice clock), the team rules, the yearly 发文字号 of inspection
 * documents, the notice and rectification clocks. Nothing here returns the detail (detail.service.ts
 * does), so every area may build on it.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { statement } from '../../../kernel/db/statements.js';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import { computeClock, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { nextDocNumber, nextRecordCode, type DocPrefixKind } from '../../../kernel/documents/index.js';
import { conflict, fieldError, notFound } from '../../../kernel/http/errors.js';
import { clocks, orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { guardRecord } from '../../../kernel/tenancy/index.js';
import { inspectorConflicts, inspectors, units } from '../../orgs/index.js';
import type { AuditInput } from '../../../kernel/audit/index.js';
import { checklistVersionItems, inspections } from '../schema.js';
import type { InspectorSnapshot } from '../plans/contracts.js';
import {
  certificateProblem,
  clockView,
  noticeClockSpec,
  selfInspectionClockSpec,
  rectificationClockSpec,
  transitionProblem,
  type ClockView,
  type DueView,
  type FlowActionName,
  type RectificationItem,
} from './loop.js';

export type { DueView } from './loop.js';

export type InspectionRow = typeof inspections.$inferSelect;

/** Clocks of an inspection are kept on the `inspection` record (its page and timeline). */
export const CLOCK_ENTITY = 'inspection';
export const CLOCK_KIND_NOTICE = 'inspection.notice';
export const CLOCK_KIND_RECORD = 'inspection.record';
export const CLOCK_KIND_RECTIFICATION = 'inspection.rectification';
/** The unit's 自查表, due before the on-site inspection (the unit's own 工作台). */
export const CLOCK_KIND_SELF = 'inspection.self';

/** 机关代字 of inspection documents (检查通知书, 反馈意见书 …): setting `inspectionDocPrefix`, default first character of the org + 档检 (兰台市档案局 → 兰档检). */
export const INSPECTION_DOC_PREFIX: DocPrefixKind = { key: 'inspectionDocPrefix', suffix: '档检', auditAction: 'inspection.doc_settings.update' };
/** The one yearly series of inspection documents' numbers (notices and feedback letters share it). */
const DOC_SERIES = { ...INSPECTION_DOC_PREFIX, series: 'inspection.doc' };

/** A new 发文字号 of the org's inspection documents for the year of `on` (机关代字〔2026〕N号). */
export async function newDocNumber(tx: Ctx, orgId: string, on: string): Promise<{ docNumber: string; year: number; seq: number }> {
  const [org] = await tx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return nextDocNumber(tx, DOC_SERIES, org!, Number(on.slice(0, 4)));
}

export function assertTransition(row: InspectionRow, action: FlowActionName): void {
  const problem = transitionProblem(row.status, action);
  if (problem) throw conflict(`检查 ${row.code}：${problem}`);
}

/** The inspection if the actor may `action` on it: 404 outside the org tree, 403 when only readable. */
export async function loadInspection(ctx: ActorCtx, id: string, action: 'inspection.read' | 'inspection.manage', lock = false): Promise<InspectionRow> {
  const [row] = lock
    ? await ctx.db.select().from(inspections).where(eq(inspections.id, id)).for('update')
    : await statement(ctx.db, 'inspections.by_id', (db, name) =>
        db
          .select()
          .from(inspections)
          .where(eq(inspections.id, sql.placeholder('id')))
          .prepare(name),
      ).execute({ id });
  return guardRecord(ctx, row, action, '检查');
}

/** An inspection of the actor's own unit that the unit has been notified of (the unit's own account); anything else 404. */
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

export async function unitNameOf(ctx: Ctx, unitId: string): Promise<string> {
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return unit?.name ?? '';
}

/** The entries of a checklist version, in order. */
export async function versionEntries(ctx: Ctx, versionId: string): Promise<{ id: string; code: string }[]> {
  return ctx.db
    .select({ id: checklistVersionItems.id, code: checklistVersionItems.code })
    .from(checklistVersionItems)
    .where(eq(checklistVersionItems.versionId, versionId))
    .orderBy(asc(checklistVersionItems.position));
}

// ---------------------------------------------------------------------------------------------
// The notice clock (dashboard): "send the notice by <date>"

/**
 * Writes the notice clock. Its spec is counted backwards from the announced date, so entering a year's
 * official schedule rebuilds it (calendar-hook.ts passes the new calendar as `cal`). The label names the
 * record only: the date is the clock's due date, shown beside it and recomputed with it.
 */
export async function syncNoticeClock(ctx: Ctx, r: InspectionRow, unitName: string, cal?: WorkCalendar): Promise<void> {
  const calendar = cal ?? (await loadWorkCalendar(ctx.db));
  const n = await getSetting(ctx.db, r.orgId, 'inspectionNoticeDays');
  const { spec } = noticeClockSpec(calendar, r, todayInChina(r.createdAt), n);
  await syncClock(ctx, {
    orgId: r.orgId,
    entityType: CLOCK_ENTITY,
    entityId: r.id,
    kind: CLOCK_KIND_NOTICE,
    label: `送达检查通知书（${r.code}，${unitName}，检查日 ${r.plannedDate}）`,
    spec,
    closed: !!r.noticeOn,
  });
  await syncSelfInspectionClock(ctx, r, unitName, calendar);
}

/**
 * Writes the unit's self-inspection clock once the notice is sent (none before): due the last working
 * day before the announced date, met when the unit submits its 自查表, closed once the inspection has
 * moved past 已通知 (submitted, or signed on site without one).
 */
export async function syncSelfInspectionClock(ctx: Ctx, r: InspectionRow, unitName: string, cal?: WorkCalendar): Promise<void> {
  if (!r.noticeOn) return;
  const calendar = cal ?? (await loadWorkCalendar(ctx.db));
  const submittedOn = r.selfSubmittedAt ? todayInChina(r.selfSubmittedAt) : null;
  await syncClock(ctx, {
    orgId: r.orgId,
    entityType: CLOCK_ENTITY,
    entityId: r.id,
    kind: CLOCK_KIND_SELF,
    label: `填报并提交自查表（${r.code}，${unitName}，检查日 ${r.plannedDate}）`,
    spec: selfInspectionClockSpec(calendar, { plannedDate: r.plannedDate, noticeOn: r.noticeOn }, submittedOn),
    closed: r.status !== 'notified',
  });
}

// ---------------------------------------------------------------------------------------------
// Create

/** Inserts a planned inspection (code J-2026-001 by the year of its planned date) with its notice clock; the caller records the event. */
export async function insertInspection(
  tx: ActorCtx,
  values: Omit<typeof inspections.$inferInsert, 'code' | 'status' | 'createdAt' | 'updatedAt' | 'createdBy'>,
  unitName: string,
): Promise<{ row: InspectionRow; event: AuditInput }> {
  const code = await nextRecordCode(tx, values.orgId, 'inspection.code', 'J', Number(values.plannedDate.slice(0, 4)));
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
  const refuse = (message: string) => fieldError(fieldName, message);
  if (new Set(ids).size !== ids.length) throw refuse(`${words.team}有重复`);
  const rows = await ctx.db
    .select()
    .from(inspectors)
    .where(and(eq(inspectors.orgId, orgId), inArray(inspectors.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw refuse(`执法人员不存在或不属于本机关：${missing.join('、')}`);
  const problems = ids.map((id) => certificateProblem(byId.get(id)!, date)).filter((p): p is string => !!p);
  if (problems.length) throw refuse(`${words.date} ${date} 以下执法人员不能${words.act}：${problems.join('；')}`);
  const avoid = await ctx.db
    .select({ inspectorId: inspectorConflicts.inspectorId, reason: inspectorConflicts.reason })
    .from(inspectorConflicts)
    .where(and(eq(inspectorConflicts.orgId, orgId), eq(inspectorConflicts.unitId, unitId), inArray(inspectorConflicts.inspectorId, ids)));
  if (avoid.length) {
    throw refuse(
      `以下执法人员与检查对象存在利害关系，应当回避（行政处罚法第四十三条）：${avoid.map((a) => `${byId.get(a.inspectorId)!.name}（${a.reason}）`).join('；')}`,
    );
  }
  return ids.map((id) => {
    const i = byId.get(id)!;
    return { id: i.id, name: i.name, certificateNo: i.certificateNo, certExpiresOn: i.certExpiresOn };
  });
}

// ---------------------------------------------------------------------------------------------
// Rectification items and their deadline

export const rectificationItemsOf = (r: Pick<InspectionRow, 'rectificationItems'>): RectificationItem[] =>
  (r.rectificationItems as RectificationItem[] | null) ?? [];

/**
 * The rectification deadline of inspections as it stands today: computed from each one's
 * `inspection.rectification` clock (so it follows the calendar — provisional while the year is not
 * entered, final once it is), else the date stored with the letter.
 */
export async function rectificationDues(
  ctx: Ctx,
  cal: WorkCalendar,
  today: string,
  rows: Pick<InspectionRow, 'id' | 'rectificationDue'>[],
): Promise<Map<string, DueView & { clock: ClockView | null }>> {
  const out = new Map<string, DueView & { clock: ClockView | null }>();
  const withDue = rows.filter((r) => r.rectificationDue);
  const specs = withDue.length
    ? await ctx.db
        .select({ entityId: clocks.entityId, spec: clocks.spec })
        .from(clocks)
        .where(
          and(
            eq(clocks.entityType, CLOCK_ENTITY),
            eq(clocks.kind, CLOCK_KIND_RECTIFICATION),
            inArray(
              clocks.entityId,
              withDue.map((r) => r.id),
            ),
          ),
        )
    : [];
  const byId = new Map(specs.map((s) => [s.entityId, s.spec as ClockSpec]));
  for (const r of rows) {
    const spec = byId.get(r.id);
    if (spec) {
      const c = clockView(computeClock(cal, spec, today));
      out.set(r.id, { due: c.due, provisional: c.provisional, provisionalYears: c.provisionalYears, clock: c });
    } else out.set(r.id, { due: r.rectificationDue, provisional: false, provisionalYears: [], clock: null });
  }
  return out;
}

/** Meets the `inspection.rectification` clock on `completedOn` (all accepted, or 办结 by hand on that day); its label stays. */
export async function closeRectificationClock(ctx: Ctx, r: Pick<InspectionRow, 'id' | 'orgId' | 'onSiteDate'>, completedOn: string): Promise<void> {
  const days = await getSetting(ctx.db, r.orgId, 'rectificationDays');
  const spec: ClockSpec = { ...rectificationClockSpec(r.onSiteDate!, days), completedOn };
  await ctx.db
    .update(clocks)
    .set({ spec, closedAt: ctx.now() })
    .where(and(eq(clocks.orgId, r.orgId), eq(clocks.entityType, CLOCK_ENTITY), eq(clocks.entityId, r.id), eq(clocks.kind, CLOCK_KIND_RECTIFICATION)));
}
