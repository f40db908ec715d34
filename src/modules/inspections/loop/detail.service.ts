/**
 * Reading inspections: the list (the bureau's and the unit's own), and the detail — the record from
 * the notice to the closing with the follow-up part (followup/coverage.service.ts) and the actions the
 * reader may take now (`allowedActions`, narrowed by the record: loop.ts `actionsInContext`).
 */
import { and, asc, desc, eq, ilike, ne, sql, type SQL } from 'drizzle-orm';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import { hasAction } from '../../../kernel/auth/policy.js';
import { computeClock } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { countAll, likeTerm } from '../../../kernel/db/paging.js';
import { statement } from '../../../kernel/db/statements.js';
import { getSetting } from '../../../kernel/settings.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { units } from '../../orgs/index.js';
import { AREA_LABELS, type Area } from '../contracts.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionDraws, inspectionFiles, inspectionNotices, inspections } from '../schema.js';
import type { InspectorSnapshot } from '../plans/contracts.js';
import { followUpView, isAddressed } from '../followup/coverage.service.js';
import type { InspectionDetail, InspectionListQuery, InspectionPage, InspectionSummary, RectificationItemView } from './contracts.js';
import { loadInspection, loadMine, rectificationDues, rectificationItemsOf, type InspectionRow } from './core.service.js';
import { evidenceUsage } from './evidence-quota.service.js';
import { ITEM_RESULT_LABELS } from '../labels.js';
import { INSPECTION_SOURCE_LABELS, RECTIFICATION_ITEM_STATUS_LABELS, type InspectionSource } from './labels.js';
import {
  INSPECTION_STATUS_LABELS,
  actionsInContext,
  clockView,
  noticeClockSpec,
  recordClockSpec,
  rectificationClockSpec,
  selfInspectionClockSpec,
  type ActionContext,
  type InspectionStatus,
  type OnSiteRecord,
  type SelfResult,
} from './loop.js';
import { together } from '../../../kernel/db/together.js';

export function presentSummary(r: InspectionRow, unitName: string): InspectionSummary {
  return {
    id: r.id,
    orgId: r.orgId,
    code: r.code,
    unitId: r.unitId,
    unitName,
    source: r.source as InspectionSource,
    sourceLabel: INSPECTION_SOURCE_LABELS[r.source as InspectionSource] ?? r.source,
    drawId: r.drawId,
    reason: r.reason,
    plannedDate: r.plannedDate,
    status: r.status as InspectionStatus,
    statusLabel: INSPECTION_STATUS_LABELS[r.status as InspectionStatus] ?? r.status,
    team: (r.team as InspectorSnapshot[]).map((i) => ({ id: i.id, name: i.name, certificateNo: i.certificateNo })),
    noticeOn: r.noticeOn,
    noticeDocNumber: r.noticeDocNumber,
    selfSubmittedAt: r.selfSubmittedAt?.toISOString() ?? null,
    /** 一公开 (publication/publication.service.ts). */
    publishedOn: r.publishedOn,
    exemplary: r.exemplary,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listInspections(ctx: ActorCtx, q: InspectionListQuery): Promise<InspectionPage> {
  const org = await readableOrg(ctx, q.orgId);
  return listWhere(ctx, [eq(inspections.orgId, org.id)], q);
}

async function listWhere(ctx: Ctx, base: SQL[], q: InspectionListQuery): Promise<InspectionPage> {
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

async function detailOf(ctx: Ctx, r: InspectionRow, party: 'bureau' | 'unit' | null): Promise<InspectionDetail> {
  // The four reads of the page are independent: sent together, they cost one round trip, not four.
  const [[head], entries, notices, files] = await together(ctx.db, [
    () =>
      statement(ctx.db, 'inspections.detail_head', (db, name) =>
        db
          .select({
            unitName: units.name,
            unitAddress: units.address,
            version: checklistVersions.version,
            checklistName: checklists.name,
            drawCode: inspectionDraws.drawId,
          })
          .from(inspections)
          .innerJoin(units, eq(units.id, inspections.unitId))
          .leftJoin(checklistVersions, eq(checklistVersions.id, inspections.checklistVersionId))
          .leftJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
          .leftJoin(inspectionDraws, eq(inspectionDraws.id, inspections.drawId))
          .where(eq(inspections.id, sql.placeholder('id')))
          .prepare(name),
      ).execute({ id: r.id }),
    () =>
      statement(ctx.db, 'inspections.detail_entries', (db, name) =>
        db
          .select()
          .from(checklistVersionItems)
          .where(eq(checklistVersionItems.versionId, sql.placeholder('versionId')))
          .orderBy(asc(checklistVersionItems.position))
          .prepare(name),
      ).execute({ versionId: r.checklistVersionId }),
    () =>
      statement(ctx.db, 'inspections.detail_notices', (db, name) =>
        db
          .select()
          .from(inspectionNotices)
          .where(eq(inspectionNotices.inspectionId, sql.placeholder('id')))
          .orderBy(asc(inspectionNotices.seq))
          .prepare(name),
      ).execute({ id: r.id }),
    () =>
      statement(ctx.db, 'inspections.detail_files', (db, name) =>
        db
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
          .where(eq(inspectionFiles.inspectionId, sql.placeholder('id')))
          .orderBy(asc(inspectionFiles.createdAt))
          .prepare(name),
      ).execute({ id: r.id }),
  ] as const);
  const self = new Map(((r.selfInspection as SelfResult[] | null) ?? []).map((x) => [x.entryId, x]));
  const cal = await loadWorkCalendar(ctx.db);
  const n = await getSetting(ctx.db, r.orgId, 'inspectionNoticeDays');
  const { spec, latest, latestProvisional, latestProvisionalYears } = noticeClockSpec(cal, r, todayInChina(r.createdAt), n);
  const today = todayInChina(ctx.now());
  const clock = computeClock(cal, spec, today);
  const record = r.record as OnSiteRecord | null;
  const onSite = new Map((record?.items ?? []).map((x) => [x.entryId, x]));
  const team = r.team as InspectorSnapshot[];
  const recordClock = r.onSiteDate
    ? computeClock(cal, recordClockSpec(r.onSiteDate, await getSetting(ctx.db, r.orgId, 'inspectionRecordDays'), r.signedOn), today)
    : null;
  // Before the feedback letter: the deadline it would set today (on-site date + rectificationDays working days).
  const previewDays = r.status === 'on_site_signed' && r.onSiteDate ? await getSetting(ctx.db, r.orgId, 'rectificationDays') : null;
  // Provisional (预计) when it reaches a year whose holiday schedule is not entered — never refused (RULES.md §1).
  const preview = previewDays !== null ? computeClock(cal, rectificationClockSpec(r.onSiteDate!, previewDays), today) : null;
  const rectification = r.feedbackDocNumber ? (await rectificationDues(ctx, cal, today, [r])).get(r.id)! : null;
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
    ...presentSummary(r, head?.unitName ?? r.unitId),
    unitAddress: head?.unitAddress ?? null,
    drawCode: head?.drawCode ?? null,
    checklist: { versionId: r.checklistVersionId, name: head?.checklistName ?? null, version: head?.version ?? null },
    notice: {
      requiredWorkingDays: n,
      latestDate: latest,
      latestProvisional,
      latestProvisionalYears,
      sentOn: r.noticeOn,
      docNumber: r.noticeDocNumber,
      clock: clockView(clock),
      /** Every notice, first to last; the last is in force (变更检查通知 adds one, the old ones stay). */
      history: notices.map((x, i) => ({
        id: x.id,
        seq: x.seq,
        docNumber: x.docNumber,
        noticeOn: x.noticeOn,
        plannedDate: x.plannedDate,
        reason: x.reason,
        supersedes: i > 0 ? notices[i - 1]!.docNumber : null,
        inForce: i === notices.length - 1,
      })),
    },
    selfInspection: {
      submittedAt: r.selfSubmittedAt?.toISOString() ?? null,
      answered: self.size,
      total: entries.length,
      // due the last working day before the visit, once the notice is sent (the unit's 工作台 shows the same clock)
      clock: r.noticeOn
        ? clockView(
            computeClock(
              cal,
              selfInspectionClockSpec(cal, { plannedDate: r.plannedDate, noticeOn: r.noticeOn }, r.selfSubmittedAt ? todayInChina(r.selfSubmittedAt) : null),
              today,
            ),
          )
        : null,
    },
    items: entries.map((e) => {
      const s = self.get(e.id);
      return {
        entryId: e.id,
        code: e.code,
        title: e.title,
        area: e.area as Area,
        areaLabel: AREA_LABELS[e.area as Area] ?? e.area,
        legalBasis: e.legalBasis,
        method: e.method,
        evidenceHint: e.evidenceHint,
        self: s ? { result: s.result, resultLabel: ITEM_RESULT_LABELS[s.result], note: s.note ?? null } : null,
        onSite: onSite.get(e.id)?.result
          ? { result: onSite.get(e.id)!.result!, resultLabel: ITEM_RESULT_LABELS[onSite.get(e.id)!.result!], note: onSite.get(e.id)!.note }
          : onSite.get(e.id)?.note
            ? { result: null, resultLabel: null, note: onSite.get(e.id)!.note }
            : null,
        photos: files
          .filter((f) => f.kind === 'photo' && f.entryId === e.id)
          .map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 })),
      };
    }),
    feedback: r.feedbackDocNumber
      ? {
          issuedOn: r.feedbackOn,
          docNumber: r.feedbackDocNumber,
          conclusion: r.conclusion,
          /** As it stands today: from the clock, provisional (预计) while its year's schedule is not entered. */
          rectificationDue: rectification!.due,
          rectificationDueProvisional: rectification!.provisional,
          rectificationDueProvisionalYears: rectification!.provisionalYears,
          rectificationClock: rectification!.clock,
          items: rItems.map((x): RectificationItemView => ({
            ...x,
            status: x.status ?? 'open',
            statusLabel: RECTIFICATION_ITEM_STATUS_LABELS[x.status ?? 'open'],
            reports: x.reports ?? [],
            reviews: x.reviews ?? [],
            returnCount: x.returnCount ?? 0,
            evidence: files
              .filter((f) => f.kind === 'evidence' && f.entryId === x.entryId)
              .map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 })),
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
          signatures: files
            .filter((f) => f.kind === 'signature')
            .map((f) => ({
              id: f.id,
              signerName: f.signerName,
              inspectorId: f.inspectorId,
              role: f.inspectorId ? ('inspector' as const) : ('representative' as const),
              sha256: f.sha256,
            })),
          clock: recordClock ? clockView(recordClock) : null,
        }
      : null,
    rectificationPreview: preview ? { days: previewDays!, ...clockView(preview) } : null,
    evidenceUsage: await evidenceUsage(ctx, r, party !== 'unit'),
    ...follow,
    allowedActions: party ? actionsInContext(r.status, party, actionContext) : [],
  };
}

export async function getInspection(ctx: ActorCtx, id: string): Promise<InspectionDetail> {
  const r = await loadInspection(ctx, id, 'inspection.read');
  const party = r.orgId === ctx.actor.orgId && hasAction(ctx.actor, 'inspection.manage') ? 'bureau' : null;
  return detailOf(ctx, r, party);
}

/** The unit's own account (role `unit`, users.unit_id): its inspections from the notice on. */
export async function listMyInspections(ctx: ActorCtx, q: InspectionListQuery): Promise<InspectionPage> {
  if (!ctx.actor.unitId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  return listWhere(ctx, [eq(inspections.orgId, ctx.actor.orgId), eq(inspections.unitId, ctx.actor.unitId), ne(inspections.status, 'planned')], {
    ...q,
    unitId: undefined,
  });
}

export async function getMyInspection(ctx: ActorCtx, id: string): Promise<InspectionDetail> {
  return detailOf(ctx, await loadMine(ctx, id), 'unit');
}
