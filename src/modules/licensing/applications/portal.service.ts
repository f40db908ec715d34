/**
 * The portal's side of an application (no account): apply online for an item in force with the
 * materials uploaded (PDF, JPEG or PNG by their first bytes) — received the day the system takes it —
 * track it by its code (what the applicant needs: status, corrections asked for, the expected dates,
 * the decision with its reasons and remedies; never the identity number), and the published decisions.
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
import { APPLICATION_STATUS_LABELS, RESULT_LABELS, type ApplicationStatus, type Result } from '../labels.js';
import { licensingApplications, licensingFiles, licensingItems } from '../schema.js';
import { insertApplication } from './applications.service.js';
import { acceptanceDue, ACCEPTANCE_DAYS, CLOCK_ENTITY, decisionSpec, openExclusion, withDeemed } from './clock.js';
import { MAX_MATERIAL_BYTES, type PortalApplicationInput, type PortalApplyResult, type PortalTrackResult } from './contracts.js';
import { publicApplicantName } from './rules.js';

const ACCEPTED_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export async function portalApply(ctx: Ctx, input: PortalApplicationInput): Promise<PortalApplyResult> {
  const [item] = await ctx.db.select().from(licensingItems).where(eq(licensingItems.id, input.itemId));
  if (!item) throw notFound('许可事项');
  const org = await orgRef(ctx.db, item.orgId);
  const names = new Set(item.materials.map((m) => m.name));
  const files = input.files.map((f, i) => {
    if (!names.has(f.material)) throw fieldError(`files.${i}.material`, `“${f.material}”不是“${item.name}”办事指南所列的申请材料`);
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

export async function portalTrack(ctx: Ctx, trackingCode: string): Promise<PortalTrackResult> {
  const [found] = await ctx.db
    .select({ a: licensingApplications, itemName: licensingItems.name, statutoryDays: licensingItems.statutoryDays, orgName: orgs.name })
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
  const decision = status === 'reviewing' ? computeClock(cal, decisionSpec(r, found.statutoryDays), today) : null;
  return {
    trackingCode: r.trackingCode,
    orgName: found.orgName,
    itemName: found.itemName,
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
