/**
 * 检查通知书 — the notice and its amendments. Sending the first notice (送达检查通知书) moves the
 * inspection to 已通知; an amendment (变更检查通知) is a new notice with its own 发文字号, its own
 * announced date and its own lead time (at least `inspectionNoticeDays` working days between the new
 * notice and the new date), recorded in the whole-process record with the reason. Every notice is a
 * row of `inspection_notices`, never changed: the old ones stay for the record and each one's .docx
 * is rendered again from its row. The inspection row carries the notice in force, and its
 * `planned_date` is the date that notice announced — the on-site record cannot be earlier
 * (record.service.ts).
 */
import { asc, eq } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { addWorkingDays, workingDaysBetween } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { contactNote, formatChineseDate, renderOfficialDocx, type Block } from '../../../kernel/documents/index.js';
import { AppError, conflict, fieldError, notFound } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { issuingContact, letterContactOf } from '../../orgs/index.js';
import { AREA_LABELS, type Area } from '../contracts.js';
import { INSPECTION_LETTERS } from '../letters.js';
import { checklistVersionItems, inspectionNotices, inspections } from '../schema.js';
import type { InspectorSnapshot } from '../plans/contracts.js';
import type { InspectionDetail, NoticeAmendInput, NoticeInput } from './contracts.js';
import { assertTransition, checkTeam, loadInspection, loadMine, newDocNumber, syncNoticeClock, unitNameOf, type InspectionRow } from './core.service.js';
import { getInspection } from './detail.service.js';
import { latestNotice, type OnSiteRecord } from './loop.js';

type NoticeRow = typeof inspectionNotices.$inferSelect;

/** The notices of an inspection, first to last (the last is in force). */
export async function noticesOf(ctx: Ctx, inspectionId: string): Promise<NoticeRow[]> {
  return ctx.db.select().from(inspectionNotices).where(eq(inspectionNotices.inspectionId, inspectionId)).orderBy(asc(inspectionNotices.seq));
}

/** Record the notice (检查通知书): at least `inspectionNoticeDays` working days before the planned date; takes a 发文字号. */
export async function sendNotice(ctx: ActorCtx, id: string, input: NoticeInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'notify');
    const today = todayInChina(tx.now());
    const noticeOn = input.noticeOn ?? today;
    if (noticeOn > today) throw fieldError('noticeOn', `通知日期 ${noticeOn} 晚于今天（${today}），请在送达当日登记`);
    const cal = await loadWorkCalendar(tx.db);
    const n = await getSetting(tx.db, r.orgId, 'inspectionNoticeDays');
    const left = workingDaysBetween(cal, noticeOn, r.plannedDate);
    if (left < n) {
      const latest = latestNotice(cal, r.plannedDate, n);
      const msg = `检查通知书应至迟于检查日前 ${n} 个工作日送达：检查日 ${r.plannedDate}，通知日期 ${noticeOn} 距检查日只有 ${Math.max(left, 0)} 个工作日，最迟应于 ${latest.date}${latest.provisional ? '（预计）' : ''} 送达；请调整检查日期后另行检查`;
      throw new AppError('unprocessable', msg, { fields: { noticeOn: msg } });
    }
    const contact = await issuingContact(tx, r.orgId, tx.actor.userId);
    const { docNumber, year, seq } = await newDocNumber(tx, r.orgId, noticeOn);
    const now = tx.now();
    const [row] = await tx.db
      .update(inspections)
      .set({ status: 'notified', noticeOn, noticeDocNumber: docNumber, noticeYear: year, noticeSeq: seq, updatedAt: now })
      .where(eq(inspections.id, r.id))
      .returning();
    await tx.db.insert(inspectionNotices).values({
      orgId: r.orgId,
      inspectionId: r.id,
      seq: 1,
      docNumber,
      docYear: year,
      docSeq: seq,
      noticeOn,
      plannedDate: r.plannedDate,
      workingDaysAhead: left,
      requiredWorkingDays: n,
      contact,
      createdBy: tx.actor.userId,
      createdAt: now,
    });
    await syncNoticeClock(tx, row!, await unitNameOf(tx, r.unitId));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.notify',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: 'notified',
        noticeOn,
        docNumber,
        plannedDate: r.plannedDate,
        workingDaysAhead: left,
        requiredWorkingDays: n,
        handler: contact.name,
        handlerTelephone: contact.telephone,
      },
    });
  });
  return getInspection(ctx, id);
}

/**
 * 变更检查通知: a new notice announcing a new date, sent at least `inspectionNoticeDays` working days
 * before it, with the reason; the team's certificates must be valid on the new date. Until the on-site
 * record is signed; a saved draft may not be dated before the new date. The status stays.
 */
export async function amendNotice(ctx: ActorCtx, id: string, input: NoticeAmendInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    if (r.signedOn) throw conflict(`检查 ${r.code} 的现场检查记录已于 ${r.signedOn} 签字，不能再变更检查通知`);
    assertTransition(r, 'amendNotice');
    const today = todayInChina(tx.now());
    const noticeOn = input.noticeOn ?? today;
    const current = `检查通知书（${r.noticeDocNumber}）`;
    if (noticeOn > today) throw fieldError('noticeOn', `变更通知日期 ${noticeOn} 晚于今天（${today}），请在送达当日登记`);
    if (noticeOn < r.noticeOn!) throw fieldError('noticeOn', `变更通知日期 ${noticeOn} 早于${current}的送达日期 ${r.noticeOn}`);
    if (input.plannedDate === r.plannedDate) throw fieldError('plannedDate', `新的检查日期与${current}通知的检查日期 ${r.plannedDate} 相同，无需变更`);
    const draft = r.record as OnSiteRecord | null;
    if (draft && draft.onSiteDate < input.plannedDate) {
      throw fieldError(
        'plannedDate',
        `现场检查记录（未签字）填写的检查日期 ${draft.onSiteDate} 早于新的检查日期 ${input.plannedDate}，请先修改现场检查记录的检查日期`,
      );
    }
    const cal = await loadWorkCalendar(tx.db);
    const n = await getSetting(tx.db, r.orgId, 'inspectionNoticeDays');
    const left = workingDaysBetween(cal, noticeOn, input.plannedDate);
    if (left < n) {
      const earliest = addWorkingDays(cal, noticeOn, n);
      const msg =
        `变更后的检查通知书同样应至迟于检查日前 ${n} 个工作日送达：新的检查日期 ${input.plannedDate}，变更通知日期 ${noticeOn} 距检查日只有 ${Math.max(left, 0)} 个工作日；` +
        `${noticeOn} 送达的，检查日期最早为 ${earliest.due}${earliest.provisional ? '（预计）' : ''}`;
      throw new AppError('unprocessable', msg, { fields: { plannedDate: msg } });
    }
    // The team as drawn or chosen, on the new date: certificates valid, no conflict (回避).
    await checkTeam(
      tx,
      r.orgId,
      r.unitId,
      (r.team as InspectorSnapshot[]).map((t) => t.id),
      input.plannedDate,
      'plannedDate',
      { team: '检查组成员', date: '新的检查日期', act: '参加检查' },
    );

    // Every notice is a row (migration 0012 made rows of the notices sent before).
    const previous = (await noticesOf(tx, r.id)).at(-1);
    if (!previous) throw conflict(`检查 ${r.code} 没有可变更的检查通知书`);
    const contact = await issuingContact(tx, r.orgId, tx.actor.userId);
    const { docNumber, year, seq } = await newDocNumber(tx, r.orgId, noticeOn);
    const now = tx.now();
    const [row] = await tx.db
      .update(inspections)
      .set({ plannedDate: input.plannedDate, noticeOn, noticeDocNumber: docNumber, noticeYear: year, noticeSeq: seq, updatedAt: now })
      .where(eq(inspections.id, r.id))
      .returning();
    await tx.db.insert(inspectionNotices).values({
      orgId: r.orgId,
      inspectionId: r.id,
      seq: previous.seq + 1,
      docNumber,
      docYear: year,
      docSeq: seq,
      noticeOn,
      plannedDate: input.plannedDate,
      supersedesId: previous.id,
      reason: input.reason,
      workingDaysAhead: left,
      requiredWorkingDays: n,
      contact,
      createdBy: tx.actor.userId,
      createdAt: now,
    });
    await syncNoticeClock(tx, row!, await unitNameOf(tx, r.unitId));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.notice.amend',
      entityType: 'inspection',
      entityId: r.id,
      before: { plannedDate: r.plannedDate, noticeOn: r.noticeOn, docNumber: r.noticeDocNumber },
      after: {
        plannedDate: input.plannedDate,
        noticeOn,
        docNumber,
        supersedes: previous.docNumber,
        reason: input.reason,
        workingDaysAhead: left,
        requiredWorkingDays: n,
        handler: contact.name,
        handlerTelephone: contact.telephone,
      },
    });
  });
  return getInspection(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// .docx

async function noticeDocx(ctx: Ctx, r: InspectionRow, notice: NoticeRow, previous: NoticeRow | undefined): Promise<{ buffer: Buffer; fileName: string }> {
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
  const entries = await ctx.db
    .select({ area: checklistVersionItems.area })
    .from(checklistVersionItems)
    .where(eq(checklistVersionItems.versionId, r.checklistVersionId));
  const areas = [...new Set(entries.map((e) => e.area))].sort();
  const team = r.team as InspectorSnapshot[];
  const cn = formatChineseDate;
  const basis =
    r.source === 'draw'
      ? '根据《中华人民共和国档案法》第四十二条和本机关年度档案行政检查“双随机、一公开”抽查计划，经随机抽取'
      : `根据《中华人民共和国档案法》第四十二条，因${r.reason ?? '工作需要'}`;
  const opening = previous
    ? `我局于${cn(previous.noticeOn)}以《档案行政检查通知书》（${previous.docNumber}）通知你单位，定于${cn(previous.plannedDate)}对你单位档案工作开展行政检查。` +
      `因${notice.reason ?? '工作需要'}，现将检查日期变更为${cn(notice.plannedDate)}，原通知书所定检查日期不再执行。现将有关事项重新通知如下：`
    : `${basis}，我局定于${cn(notice.plannedDate)}对你单位档案工作开展行政检查。现将有关事项通知如下：`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: opening },
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
      text: '请你单位在现场检查前对照检查事项逐项开展自查，登录兰台系统，在“检查与整改”中填写并提交自查表；检查当日请单位负责人或其委托的人员到场，并准备好相关制度、台账和档案实体，配合检查。',
    },
  ];
  const contact = await letterContactOf(ctx.db, r.orgId, notice.contact);
  const buffer = await renderOfficialDocx({
    ...INSPECTION_LETTERS.notice,
    issuer: org!.name,
    docNumber: notice.docNumber,
    title: '档案行政检查通知书',
    recipient: await unitNameOf(ctx, r.unitId),
    blocks,
    signature: org!.name,
    date: notice.noticeOn,
    ...(contact ? { note: contactNote(contact) } : {}),
  });
  return { buffer, fileName: `档案行政检查通知书-${r.code}${notice.seq > 1 ? `（变更${notice.seq - 1}）` : ''}.docx` };
}

/** One notice of the inspection (`noticeId`), or the one in force. */
async function docxOf(ctx: Ctx, r: InspectionRow, noticeId?: string) {
  if (!r.noticeDocNumber || !r.noticeOn) throw conflict(`检查 ${r.code} 尚未送达检查通知书`);
  const all = await noticesOf(ctx, r.id);
  const i = noticeId ? all.findIndex((x) => x.id === noticeId) : all.length - 1;
  if (noticeId && i < 0) throw notFound('检查通知书');
  const notice = all[i];
  if (!notice) throw conflict(`检查 ${r.code} 尚未送达检查通知书`);
  return noticeDocx(ctx, r, notice, i > 0 ? all[i - 1] : undefined);
}

export async function getNoticeDocx(ctx: ActorCtx, id: string, noticeId?: string) {
  return docxOf(ctx, await loadInspection(ctx, id, 'inspection.read'), noticeId);
}

/** The unit's copy (own account). */
export async function getMyNoticeDocx(ctx: ActorCtx, id: string, noticeId?: string) {
  return docxOf(ctx, await loadMine(ctx, id), noticeId);
}
