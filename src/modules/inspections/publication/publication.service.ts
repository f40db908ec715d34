/**
 * 一公开 — publication of inspection results (国办发〔2018〕118号, RULES.md §3): once the feedback
 * letter forms the result, a clock `inspection.publication` runs for 20 working days; publishing
 * the result (unit, date, items checked, conclusion, rectification status) closes it — met, or
 * missed when late (late publication is allowed and shows as missed). A published text can be
 * corrected with a reason (the audit keeps every version); there is no withdrawal: the duty is to
 * publish. 典型: a published inspection can be marked (with why) or unmarked as an exemplary case.
 * The portal (/api/public/inspections) shows published results of every org, never photos,
 * signatures, names of the unit's staff or anything unpublished.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { computeClock, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { countAll } from '../../../kernel/db/paging.js';
import { conflict, fieldError } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { orgs, users } from '../../../kernel/schema.js';
import { UNIT_TYPE_LABELS, units } from '../../orgs/index.js';
import { AREA_LABELS, type Area } from '../labels.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionDraws, inspections } from '../schema.js';
import {
  CLOCK_ENTITY,
  assertTransition,
  loadInspection,
  rectificationDues,
  rectificationItemsOf,
  unitNameOf,
  type InspectionRow,
} from '../loop/core.service.js';
import { INSPECTION_SOURCE_LABELS, type InspectionSource } from '../loop/labels.js';
import { allowedActions, clockView, type OnSiteRecord } from '../loop/loop.js';
import type {
  ExemplaryInput,
  PublicExemplaryPage,
  PublicExemplaryQuery,
  PublicInspection,
  PublicInspectionPage,
  PublicInspectionQuery,
  PublicationCorrectionInput,
  PublicationView,
  PublishInput,
} from './contracts.js';
import { INSPECTION_PUBLICATION_DAYS, defaultPublicResult, publicationClockSpec, rectificationProgress, resultCounts, withDue } from './publication.js';

export const CLOCK_KIND_PUBLICATION = 'inspection.publication';

async function progressOf(ctx: Ctx, cal: WorkCalendar, today: string, r: InspectionRow) {
  const due = (await rectificationDues(ctx, cal, today, [r])).get(r.id)!;
  return withDue(rectificationProgress(rectificationItemsOf(r), due.due, r.status, today), due);
}

// ---------------------------------------------------------------------------------------------
// The clock

/**
 * Write the `inspection.publication` clock: running from the feedback letter while unpublished, closed
 * (met, or missed when late) once published; an inspection from before this feature gets one on publication.
 */
async function writePublicationClock(ctx: Ctx, r: Pick<InspectionRow, 'id' | 'orgId' | 'code' | 'unitId'>, feedbackOn: string, publishedOn: string | null) {
  const cal = await loadWorkCalendar(ctx.db);
  const spec = publicationClockSpec(feedbackOn, publishedOn);
  const clock = computeClock(cal, spec, todayInChina(ctx.now()));
  const label = `公开检查结果（${r.code}，${await unitNameOf(ctx, r.unitId)}）`;
  await syncClock(ctx, {
    orgId: r.orgId,
    entityType: CLOCK_ENTITY,
    entityId: r.id,
    kind: CLOCK_KIND_PUBLICATION,
    label,
    spec,
    closed: !!publishedOn,
    assigneeId: null,
  });
  return clock;
}

/** Start (or restart) the publication clock when the feedback letter is issued; called in the letter's transaction. */
export async function startPublicationClock(ctx: Ctx, r: Pick<InspectionRow, 'id' | 'orgId' | 'code' | 'unitId'>, feedbackOn: string): Promise<void> {
  await writePublicationClock(ctx, r, feedbackOn, null);
}

// ---------------------------------------------------------------------------------------------
// The bureau's view and writes

async function facts(ctx: Ctx, r: InspectionRow) {
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
  const areas = await ctx.db
    .selectDistinct({ area: checklistVersionItems.area })
    .from(checklistVersionItems)
    .where(eq(checklistVersionItems.versionId, r.checklistVersionId));
  return {
    orgName: org?.name ?? '',
    unitName: await unitNameOf(ctx, r.unitId),
    areas: areas
      .map((a) => a.area)
      .sort()
      .map((a) => AREA_LABELS[a as Area] ?? a),
  };
}

async function defaultTextOf(ctx: Ctx, r: InspectionRow): Promise<string | null> {
  if (!r.feedbackOn || !r.onSiteDate) return null;
  const f = await facts(ctx, r);
  const due = (await rectificationDues(ctx, await loadWorkCalendar(ctx.db), todayInChina(ctx.now()), [r])).get(r.id)!;
  return defaultPublicResult({
    ...f,
    onSiteDate: r.onSiteDate,
    sourceLabel: INSPECTION_SOURCE_LABELS[r.source as InspectionSource] ?? r.source,
    record: r.record as OnSiteRecord | null,
    conclusion: r.conclusion,
    items: rectificationItemsOf(r),
    rectificationDue: due.due,
    rectificationDueProvisional: due.provisional,
  });
}

async function present(ctx: ActorCtx, r: InspectionRow): Promise<PublicationView> {
  const today = todayInChina(ctx.now());
  const cal = await loadWorkCalendar(ctx.db);
  const clock = r.feedbackOn ? computeClock(cal, publicationClockSpec(r.feedbackOn, r.publishedOn), today) : null;
  const [by] = r.publishedBy ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, r.publishedBy)) : [];
  const party = r.orgId === ctx.actor.orgId && hasAction(ctx.actor, 'inspection.manage') ? 'bureau' : null;
  return {
    inspectionId: r.id,
    code: r.code,
    requiredDays: INSPECTION_PUBLICATION_DAYS,
    feedbackOn: r.feedbackOn,
    clock: clock ? clockView(clock) : null,
    published: !!r.publishedOn,
    publishedOn: r.publishedOn,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    publishedByName: by?.name ?? null,
    publicResult: r.publicResult,
    defaultText: await defaultTextOf(ctx, r),
    exemplary: r.exemplary,
    exemplaryNote: r.exemplaryNote,
    exemplaryOn: r.exemplaryOn,
    rectification: await progressOf(ctx, cal, today, r),
    // 'publish' = publish, or correct once published (the same step of the loop); 典型 only once published.
    allowedActions: party
      ? allowedActions(r.status, party).filter((a): a is 'publish' | 'markExemplary' => a === 'publish' || (a === 'markExemplary' && !!r.publishedOn))
      : [],
  };
}

export async function getPublication(ctx: ActorCtx, id: string): Promise<PublicationView> {
  return present(ctx, await loadInspection(ctx, id, 'inspection.read'));
}

/** Publish the result once, after the feedback letter; closes the clock (met, or missed when late). */
export async function publishResult(ctx: ActorCtx, id: string, input: PublishInput): Promise<PublicationView> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'publish');
    if (!r.feedbackOn) throw conflict(`检查 ${r.code} 尚未出具反馈意见书，检查结果尚未形成，不能公开`);
    if (r.publishedOn) throw conflict(`检查 ${r.code} 的结果已于 ${r.publishedOn} 公开，不能重复公开；公开内容有误的，请更正公开内容并写明理由`);
    const today = todayInChina(tx.now());
    const publishedOn = input.publishedOn ?? today;
    if (publishedOn > today) throw fieldError('publishedOn', `公开日期 ${publishedOn} 晚于今天（${today}）`);
    if (publishedOn < r.feedbackOn) throw fieldError('publishedOn', `公开日期 ${publishedOn} 早于反馈意见书出具日期 ${r.feedbackOn}（检查结果形成之日）`);
    const publicResult = input.publicResult ?? (await defaultTextOf(tx, r))!;
    const now = tx.now();
    await tx.db
      .update(inspections)
      .set({ publishedOn, publishedAt: now, publishedBy: tx.actor.userId, publicResult, updatedAt: now })
      .where(eq(inspections.id, r.id));
    const clock = await writePublicationClock(tx, r, r.feedbackOn, publishedOn);
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.publish',
      entityType: 'inspection',
      entityId: r.id,
      before: { publishedOn: null },
      after: { publishedOn, publicResult, feedbackOn: r.feedbackOn, due: clock.due, clockState: clock.state, defaultText: input.publicResult === undefined },
    });
  });
  return getPublication(ctx, id);
}

/** Correct the published text; the reason and both versions stay in the record. */
export async function correctPublication(ctx: ActorCtx, id: string, input: PublicationCorrectionInput): Promise<PublicationView> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'publish');
    if (!r.publishedOn) throw conflict(`检查 ${r.code} 的结果尚未公开，不能更正`);
    if (input.publicResult === r.publicResult) throw fieldError('publicResult', '更正后的内容与已公开的内容相同');
    await tx.db.update(inspections).set({ publicResult: input.publicResult, updatedAt: tx.now() }).where(eq(inspections.id, r.id));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.publication.correct',
      entityType: 'inspection',
      entityId: r.id,
      before: { publicResult: r.publicResult },
      after: { publicResult: input.publicResult, reason: input.reason },
    });
  });
  return getPublication(ctx, id);
}

/** Mark (with why) or unmark the unit as 典型 on the portal; needs a published result. */
export async function setExemplary(ctx: ActorCtx, id: string, input: ExemplaryInput): Promise<PublicationView> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'markExemplary');
    if (!r.publishedOn) throw conflict(`检查 ${r.code} 的结果尚未公开，不能标记典型（请先公开检查结果）`);
    const note = input.note?.trim() || null;
    if (input.exemplary) {
      if (!note) throw fieldError('note', '标记典型须写明理由（该单位为何可作为典型）');
      if (r.exemplary && r.exemplaryNote === note) throw conflict(`检查 ${r.code} 已标记为典型`);
    } else if (!r.exemplary) {
      throw conflict(`检查 ${r.code} 未标记为典型，无需取消`);
    }
    const today = todayInChina(tx.now());
    const after = input.exemplary ? { exemplary: true, exemplaryNote: note, exemplaryOn: today } : { exemplary: false, exemplaryNote: null, exemplaryOn: null };
    await tx.db
      .update(inspections)
      .set({ ...after, updatedAt: tx.now() })
      .where(eq(inspections.id, r.id));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: input.exemplary ? 'inspection.exemplary.mark' : 'inspection.exemplary.unmark',
      entityType: 'inspection',
      entityId: r.id,
      before: { exemplary: r.exemplary, exemplaryNote: r.exemplaryNote, exemplaryOn: r.exemplaryOn },
      after: input.exemplary ? after : { ...after, reason: note },
    });
  });
  return getPublication(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// The portal (no sign-in)

async function publicRows(ctx: Ctx, where: SQL[], order: SQL[], limit: number, offset: number) {
  const rows = await ctx.db
    .select({ i: inspections, unitName: units.name, unitType: units.type, orgName: orgs.name, checklistName: checklists.name, total: countAll })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .innerJoin(orgs, eq(orgs.id, inspections.orgId))
    .innerJoin(checklistVersions, eq(checklistVersions.id, inspections.checklistVersionId))
    .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
    .where(and(isNotNull(inspections.publishedOn), ...where))
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const versionIds = [...new Set(rows.map((r) => r.i.checklistVersionId))];
  const areaRows = versionIds.length
    ? await ctx.db
        .selectDistinct({ versionId: checklistVersionItems.versionId, area: checklistVersionItems.area })
        .from(checklistVersionItems)
        .where(inArray(checklistVersionItems.versionId, versionIds))
    : [];
  const drawIds = [...new Set(rows.map((r) => r.i.drawId).filter((x): x is string => !!x))];
  const draws = drawIds.length
    ? await ctx.db
        .select({ id: inspectionDraws.id, drawId: inspectionDraws.drawId, status: inspectionDraws.status })
        .from(inspectionDraws)
        .where(inArray(inspectionDraws.id, drawIds))
    : [];
  const today = todayInChina(ctx.now());
  const dues = await rectificationDues(
    ctx,
    await loadWorkCalendar(ctx.db),
    today,
    rows.map((r) => r.i),
  );
  const items = rows.map(({ i, unitName: name, unitType, orgName, checklistName }): PublicInspection => {
    const c = resultCounts(i.record as OnSiteRecord | null);
    const draw = draws.find((d) => d.id === i.drawId && d.status === 'published');
    return {
      id: i.id,
      code: i.code,
      orgName,
      unitName: name,
      unitType: unitType as PublicInspection['unitType'],
      unitTypeLabel: UNIT_TYPE_LABELS[unitType as keyof typeof UNIT_TYPE_LABELS] ?? unitType,
      sourceLabel: INSPECTION_SOURCE_LABELS[i.source as InspectionSource] ?? i.source,
      draw: draw ? { id: draw.id, drawId: draw.drawId } : null,
      onSiteDate: i.onSiteDate,
      checklistName,
      itemsChecked: c.checked,
      areas: areaRows
        .filter((a) => a.versionId === i.checklistVersionId)
        .map((a) => a.area)
        .sort()
        .map((a) => AREA_LABELS[a as Area] ?? a),
      results: { compliant: c.compliant, nonCompliant: c.nonCompliant, notApplicable: c.notApplicable },
      // Published, so the text is there (publishResult writes both at once).
      conclusion: i.publicResult ?? '',
      rectification: withDue(rectificationProgress(rectificationItemsOf(i), dues.get(i.id)!.due, i.status, today), dues.get(i.id)!),
      publishedOn: i.publishedOn!,
      exemplary: i.exemplary,
      exemplaryNote: i.exemplary ? i.exemplaryNote : null,
    };
  });
  return { items, total: rows[0]?.total ?? 0 };
}

function publicFilters(q: { year?: number | undefined; unitType?: string | undefined; orgId?: string | undefined }): SQL[] {
  const where: SQL[] = [];
  if (q.year) where.push(gte(inspections.onSiteDate, `${q.year}-01-01`), lte(inspections.onSiteDate, `${q.year}-12-31`));
  if (q.unitType) where.push(eq(units.type, q.unitType));
  if (q.orgId) where.push(eq(inspections.orgId, q.orgId));
  return where;
}

/** Published inspection results of every org (or one), newest first. */
export async function publicInspections(ctx: Ctx, q: PublicInspectionQuery): Promise<PublicInspectionPage> {
  const where = publicFilters(q);
  const { limit, offset } = limitOffset(q);
  const page = await publicRows(ctx, where, [desc(inspections.publishedOn), asc(orgs.name), asc(inspections.code), asc(inspections.id)], limit, offset);
  // Past the last page no row carries the total: count it.
  const total = page.items.length || offset === 0 ? page.total : await publicCount(ctx, where);
  return { items: page.items, total, page: q.page, pageSize: q.pageSize };
}

/** A page of the 典型 list: published results marked exemplary, most recently marked first (id breaks ties). */
export async function publicExemplary(ctx: Ctx, q: PublicExemplaryQuery): Promise<PublicExemplaryPage> {
  const where = [eq(inspections.exemplary, true), ...publicFilters(q)];
  const { limit, offset } = limitOffset(q);
  const page = await publicRows(ctx, where, [desc(inspections.exemplaryOn), asc(orgs.name), asc(inspections.code), asc(inspections.id)], limit, offset);
  // Past the last page no row carries the total: count it.
  const total = page.items.length || offset === 0 ? page.total : await publicCount(ctx, where);
  return { items: page.items, total, page: q.page, pageSize: q.pageSize };
}

async function publicCount(ctx: Ctx, where: SQL[]): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(and(isNotNull(inspections.publishedOn), ...where));
  return r?.n ?? 0;
}
