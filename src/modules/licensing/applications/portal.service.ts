/**
 * The portal's side of an application (no account): apply online for an item in force with the
 * materials uploaded (PDF, JPEG or PNG by their first bytes) — received the day the system takes it —
 * track it by its code (what the applicant needs: status, corrections asked for, the expected dates,
 * the decision with its reasons and remedies, the letters addressed to them; never the identity number
 * nor an internal id), the applicant's own steps with the code as the secret — hand in the corrected
 * materials (the desk's rule `correctedStep`: the 5 working days to accept run again), withdraw before
 * the decision (`withdrawStep`) — recorded with the actor 申请人, and the published decisions.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { inTx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { computeClock } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { AppError, fieldError, notFound } from '../../../kernel/http/errors.js';
import { sniffType } from '../../../kernel/http/upload.js';
import { orgs } from '../../../kernel/schema.js';
import { orgRef } from '../../../kernel/tenancy/index.js';
import { APPLICATION_STATUS_LABELS, RESULT_LABELS, type ApplicationStatus, type LetterKind, type Result } from '../labels.js';
import { licensingApplications, licensingFiles, licensingItems, type ApplicationRow, type ItemRow } from '../schema.js';
import { applyStep, APPLICANT_ACTOR } from './act.js';
import { correctedStep, insertApplication, withdrawStep } from './applications.service.js';
import { acceptanceDue, ACCEPTANCE_DAYS, awaitingCorrection, CLOCK_ENTITY, decisionSpec, openExclusion, withDeemed } from './clock.js';
import {
  MAX_MATERIAL_BYTES,
  type MaterialUpload,
  type PortalApplicationInput,
  type PortalApplyResult,
  type PortalCorrectionInput,
  type PortalTrackResult,
  type PortalWithdrawInput,
} from './contracts.js';
import { recordDeemedNow } from './clocks.service.js';
import { lettersOf, renderApplicationLetter } from './letters.js';
import { applicantActions, publicApplicantName } from './rules.js';

const ACCEPTED_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * Uploaded materials read from base64 and told by their first bytes (PDF, JPEG or PNG, at most 5 MB
 * each), each for one of `names`; a refusal names the file's field (`files.N`).
 */
function readUploads(files: readonly MaterialUpload[], names: ReadonlySet<string>, notListed: (material: string) => string) {
  return files.map((f, i) => {
    if (!names.has(f.material)) throw fieldError(`files.${i}.material`, notListed(f.material));
    const data = Buffer.from(f.contentBase64, 'base64');
    if (data.length > MAX_MATERIAL_BYTES) {
      throw new AppError('payload_too_large', `“${f.fileName}”超过 5 MB`, { fields: { [`files.${i}`]: '单个文件不能超过 5 MB' } });
    }
    const type = sniffType(data);
    if (!type || !ACCEPTED_TYPES.has(type)) {
      throw new AppError('unsupported_media_type', `“${f.fileName}”不是 PDF、JPEG 或 PNG 文件`, {
        fields: { [`files.${i}`]: '申请材料应为 PDF、JPEG 或 PNG 文件' },
      });
    }
    return { material: f.material, fileName: f.fileName, contentType: type, size: data.length, data };
  });
}

export async function portalApply(ctx: Ctx, input: PortalApplicationInput): Promise<PortalApplyResult> {
  const [item] = await ctx.db.select().from(licensingItems).where(eq(licensingItems.id, input.itemId));
  if (!item) throw notFound('许可事项');
  const org = await orgRef(ctx.db, item.orgId);
  const files = readUploads(input.files, new Set(item.materials.map((m) => m.name)), (m) => `“${m}”不是“${item.name}”办事指南所列的申请材料`);
  const missing = item.materials.filter((m) => m.required && !files.some((f) => f.material === m.name)).map((m) => m.name);
  if (missing.length) throw fieldError('files', `请上传办事指南要求的全部必备材料，尚缺：${missing.join('、')}`);
  const receivedOn = todayInChina(ctx.now());
  return inTx(ctx, async (tx) => {
    const row = await insertApplication(tx, item, { ...input, channel: 'online', receivedOn }, 'portal');
    if (files.length) {
      await tx.db.insert(licensingFiles).values(files.map((f) => ({ ...f, orgId: item.orgId, applicationId: row.id, createdAt: tx.now() })));
      await recordEvent(tx, {
        orgId: item.orgId,
        action: 'licensing.application.materials',
        entityType: CLOCK_ENTITY,
        entityId: row.id,
        after: { files: files.map((f) => ({ material: f.material, fileName: f.fileName, size: f.size })) },
      });
    }
    const cal = await loadWorkCalendar(tx.db);
    const due = acceptanceDue(cal, row);
    return {
      trackingCode: row.trackingCode,
      orgName: org?.name ?? '',
      itemName: item.name,
      receivedOn,
      acceptanceBy: { due: due.due, provisional: due.provisional, provisionalYears: due.provisionalYears },
      message: `申请已收到。查询码 ${row.trackingCode}，请妥善保存；${org?.name ?? ''}将在 ${ACCEPTANCE_DAYS} 个工作日内（${due.provisional ? '预计' : ''}${due.due} 前）受理或者一次告知需要补正的全部内容，逾期未告知的，自收到申请材料之日起即为受理。`,
    };
  });
}

/** What a corrected file may be for: the guide's materials, then the items of the correction list. */
const correctionMaterialsOf = (item: ItemRow, r: ApplicationRow) => [...new Set([...item.materials.map((m) => m.name), ...(r.correctionItems ?? [])])];

/** The application of a tracking code (locked for update when asked), with its item; 404 when no application has it. */
async function byCode(ctx: Ctx, trackingCode: string, lock = false): Promise<{ a: ApplicationRow; item: ItemRow }> {
  const q = ctx.db.select().from(licensingApplications).where(eq(licensingApplications.trackingCode, trackingCode.trim().toUpperCase()));
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw notFound('该查询码对应的申请');
  const [item] = await ctx.db.select().from(licensingItems).where(eq(licensingItems.id, a.itemId));
  return { a, item: item! };
}

/**
 * 提交补正材料 (the applicant, with the tracking code): the files for the correction list, received the
 * day the system takes them — the desk's step `correctedStep` (a list is out and nothing came in yet),
 * so the 5 working days to accept run again from today. One event, actor 申请人, with the files.
 */
export async function portalCorrect(ctx: Ctx, trackingCode: string, input: PortalCorrectionInput): Promise<PortalTrackResult> {
  const receivedOn = todayInChina(ctx.now());
  await inTx(ctx, async (tx) => {
    const { a, item } = await byCode(tx, trackingCode, true);
    const names = new Set(correctionMaterialsOf(item, a));
    const files = readUploads(input.files, names, (m) => `“${m}”既不是“${item.name}”办事指南所列的申请材料，也不是补正通知列明的补正内容`);
    await applyStep(
      tx,
      a,
      item,
      'licensing.application.corrected_online',
      async (r, it, t, cal) => {
        const set = correctedStep(r, it, cal, { receivedOn }, 'files');
        await t.db.insert(licensingFiles).values(files.map((f) => ({ ...f, orgId: r.orgId, applicationId: r.id, createdAt: t.now() })));
        return set;
      },
      {
        actorName: APPLICANT_ACTOR,
        extra: { files: files.map((f) => ({ material: f.material, fileName: f.fileName, size: f.size })), ...(input.note ? { note: input.note } : {}) },
      },
    );
  });
  return portalTrack(ctx, trackingCode);
}

/** 撤回申请 (the applicant, with the tracking code), today, before the decision: the desk's `withdrawStep`; actor 申请人. */
export async function portalWithdraw(ctx: Ctx, trackingCode: string, input: PortalWithdrawInput): Promise<PortalTrackResult> {
  const withdrawnOn = todayInChina(ctx.now());
  await inTx(ctx, async (tx) => {
    const { a, item } = await byCode(tx, trackingCode, true);
    await applyStep(tx, a, item, 'licensing.application.withdraw_online', (r) => withdrawStep(r, { withdrawnOn, reason: input.reason }, 'reason'), {
      actorName: APPLICANT_ACTOR,
    });
  });
  return portalTrack(ctx, trackingCode);
}

/** A letter addressed to the applicant, by tracking code (409 before its step). */
export async function portalDocument(ctx: Ctx, trackingCode: string, doc: LetterKind): Promise<{ buffer: Buffer; fileName: string }> {
  const { a, item } = await byCode(ctx, trackingCode);
  const r = doc === 'acceptance' ? await recordDeemedNow(ctx, a, item) : a;
  return renderApplicationLetter(ctx.db, r, item, doc);
}

export async function portalTrack(ctx: Ctx, trackingCode: string): Promise<PortalTrackResult> {
  const [found] = await ctx.db
    .select({ a: licensingApplications, item: licensingItems, orgName: orgs.name })
    .from(licensingApplications)
    .innerJoin(licensingItems, eq(licensingItems.id, licensingApplications.itemId))
    .innerJoin(orgs, eq(orgs.id, licensingApplications.orgId))
    .where(eq(licensingApplications.trackingCode, trackingCode.toUpperCase()));
  if (!found) throw notFound('该查询码对应的申请');
  const cal = await loadWorkCalendar(ctx.db);
  const today = todayInChina(ctx.now());
  const r = withDeemed(cal, found.a, today);
  const status = r.status as ApplicationStatus;
  const result = (r.result as Result | null) ?? null;
  const dueView = (d: { due: string | null; provisional: boolean; provisionalYears: number[] }) =>
    d.due ? { due: d.due, provisional: d.provisional, provisionalYears: d.provisionalYears } : null;
  const decision = status === 'reviewing' ? computeClock(cal, decisionSpec(r, found.item.statutoryDays), today) : null;
  return {
    trackingCode: r.trackingCode,
    orgName: found.orgName,
    itemName: found.item.name,
    receivedOn: r.receivedOn,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status],
    acceptedOn: r.acceptedOn,
    acceptanceDeemed: r.acceptanceDeemed,
    correctionItems: r.correctionSentOn ? (r.correctionItems ?? []) : null,
    acceptanceBy: status === 'submitted' ? dueView(acceptanceDue(cal, r)) : null,
    decisionBy: decision ? dueView(decision) : null,
    paused: !!openExclusion(r) && status === 'reviewing',
    decidedOn: r.decidedOn,
    result,
    resultLabel: result ? RESULT_LABELS[result] : null,
    reason: r.decisionReason,
    remedies: r.remedies,
    publishedOn: r.publishedOn,
    withdrawnOn: r.withdrawnOn,
    letters: lettersOf(r, found.a),
    applicantActions: applicantActions(r),
    correctionMaterials: awaitingCorrection(r) && !r.withdrawnOn && !r.decidedOn ? correctionMaterialsOf(found.item, r) : [],
  };
}

/** 行政许可决定公开: the published decisions of a bureau, newest first (a person's name masked). */
export async function publicDecisions(ctx: Ctx, q: { orgId: string; page: number; pageSize: number }) {
  if (!(await orgRef(ctx.db, q.orgId))) throw notFound('机构');
  const t = licensingApplications;
  const cond = and(eq(t.orgId, q.orgId), isNotNull(t.publishedOn))!;
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(cond);
  const rows = await ctx.db
    .select({ a: t, itemName: licensingItems.name })
    .from(t)
    .innerJoin(licensingItems, eq(licensingItems.id, t.itemId))
    .where(cond)
    .orderBy(desc(t.publishedOn), desc(t.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map(({ a, itemName }) => ({
      id: a.id,
      itemName,
      applicantName: publicApplicantName(a.applicantType, a.applicantName),
      decidedOn: a.decidedOn!,
      result: a.result as Result,
      resultLabel: RESULT_LABELS[a.result as Result],
      decisionNo: a.decisionNo,
      certificateNo: a.certificateNo,
      publishedOn: a.publishedOn!,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
