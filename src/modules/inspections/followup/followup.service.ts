/**
 * After the rectification flags (RULES.md §3: overdue or returned twice → interview, follow-up
 * inspection, or a case): 约谈 (an interview record with its .docx and, when the unit commits to a
 * date, the `inspection.commitment` clock), 回头看 (a new inspection of the same unit re-checking
 * items), 移送立案 (a referral handed to the enforcement module) and 办结 by hand (only once every
 * item is accepted or flagged and addressed). Each write is one transaction with its record.
 */
import { and, eq } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvent, recordEvents } from '../../../kernel/audit/index.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { contactNote, formatChineseDate, renderOfficialDocx, type Block } from '../../../kernel/documents/index.js';
import { AppError, fieldError, notFound, validation } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { createReferral, type ReferralEntry } from '../../enforcement/index.js';
import { issuingContact, letterContactOf, units } from '../../orgs/index.js';
import { INSPECTION_LETTERS } from '../letters.js';
import { checklistVersionItems, inspectionInterviews, inspections } from '../schema.js';
import type { InspectionDetail } from '../loop/contracts.js';
import {
  assertTransition,
  checkTeam,
  closeRectificationClock,
  insertInspection,
  loadInspection,
  loadMine,
  rectificationItemsOf,
  unitNameOf,
  type InspectionRow,
} from '../loop/core.service.js';
import { getInspection } from '../loop/detail.service.js';
import { RECTIFICATION_ITEM_STATUS_LABELS, rectificationFlags, type OnSiteRecord } from '../loop/loop.js';
import type { CloseInput, FollowUpInput, InterviewInput, ReferralInput } from './contracts.js';
import { addressedBy, coverageOf, isAddressed, syncCommitmentClock } from './coverage.service.js';
const itemStatusLabel = (s: string | undefined) => RECTIFICATION_ITEM_STATUS_LABELS[(s ?? 'open') as keyof typeof RECTIFICATION_ITEM_STATUS_LABELS];

/** Refuse the list of `fields` problems (nothing written), naming the first. */
function refuse(what: string, fields: Record<string, string>): void {
  const n = Object.keys(fields).length;
  if (n) throw validation(`${what}有 ${n} 处错误：${Object.values(fields)[0]}`, fields);
}

// ---------------------------------------------------------------------------------------------
// 约谈

export async function createInterview(ctx: ActorCtx, id: string, input: InterviewInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'interview');
    const today = todayInChina(tx.now());
    if (input.heldOn > today) throw fieldError('heldOn', `约谈日期 ${input.heldOn} 晚于今天（${today}）`);
    if (r.feedbackOn && input.heldOn < r.feedbackOn) throw fieldError('heldOn', `约谈日期 ${input.heldOn} 早于反馈意见书出具日期 ${r.feedbackOn}`);
    if (input.commitmentDue && input.commitmentDue < input.heldOn)
      throw fieldError('commitmentDue', `承诺完成日期 ${input.commitmentDue} 早于约谈日期 ${input.heldOn}`);
    if (input.commitmentDue && !input.commitments) throw fieldError('commitments', '填写了承诺完成日期，请同时填写整改承诺');
    const items = rectificationItemsOf(r);
    const byId = new Map(items.map((x) => [x.id, x]));
    const flagged = new Map(rectificationFlags(items, r.rectificationDue, today).map((f) => [f.itemId, f]));
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.itemIds.forEach((itemId, i) => {
      const x = byId.get(itemId);
      if (!x) fields[`itemIds.${i}`] = '该整改事项不属于本次检查';
      else if (seen.has(itemId)) fields[`itemIds.${i}`] = `整改事项 ${x.code} 选了两次`;
      else if (!flagged.has(itemId)) {
        fields[`itemIds.${i}`] =
          `整改事项 ${x.code}（${itemStatusLabel(x.status)}）既未被退回两次，也未逾期未通过审核（整改期限 ${r.rectificationDue ?? '—'}），无需约谈`;
      }
      seen.add(itemId);
    });
    refuse('约谈记录', fields);
    const team = await checkTeam(tx, r.orgId, r.unitId, input.interviewerIds, input.heldOn, 'interviewerIds', {
      team: '约谈人',
      date: '约谈日期',
      act: '参加约谈',
    });
    const interviewers = team.map((t) => ({ id: t.id, name: t.name, certificateNo: t.certificateNo }));
    const contact = await issuingContact(tx, r.orgId, tx.actor.userId);
    const [row] = await tx.db
      .insert(inspectionInterviews)
      .values({
        orgId: r.orgId,
        inspectionId: r.id,
        unitId: r.unitId,
        heldOn: input.heldOn,
        place: input.place,
        interviewers,
        attendees: input.attendees,
        itemIds: input.itemIds,
        content: input.content,
        commitments: input.commitments ?? null,
        commitmentDue: input.commitmentDue ?? null,
        contact,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    await syncCommitmentClock(tx, r.id);
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.interview',
      entityType: 'inspection',
      entityId: r.id,
      after: {
        interviewId: row!.id,
        heldOn: input.heldOn,
        place: input.place,
        interviewers,
        attendees: input.attendees,
        items: input.itemIds.map((itemId) => ({ code: byId.get(itemId)!.code, flag: flagged.get(itemId)!.reason })),
        content: input.content,
        commitments: input.commitments ?? null,
        commitmentDue: input.commitmentDue ?? null,
        handler: contact.name,
        handlerTelephone: contact.telephone,
      },
    });
  });
  return getInspection(ctx, id);
}

/** 约谈记录 (.docx, GB/T 9704 layout): time, place, both sides, the items, what was said and committed. */
export async function getInterviewDocx(ctx: ActorCtx, id: string, interviewId: string) {
  return interviewDocx(ctx, await loadInspection(ctx, id, 'inspection.read'), interviewId);
}

/** The same record for the interviewed unit's own account (it took part and signs it). */
export async function getMyInterviewDocx(ctx: ActorCtx, id: string, interviewId: string) {
  return interviewDocx(ctx, await loadMine(ctx, id), interviewId);
}

async function interviewDocx(ctx: ActorCtx, r: InspectionRow, interviewId: string) {
  const [i] = await ctx.db
    .select()
    .from(inspectionInterviews)
    .where(and(eq(inspectionInterviews.id, interviewId), eq(inspectionInterviews.inspectionId, r.id)));
  if (!i) throw notFound('约谈记录');
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
  const unit = await unitNameOf(ctx, r.unitId);
  const byId = new Map(rectificationItemsOf(r).map((x) => [x.id, x]));
  const interviewers = i.interviewers as { name: string; certificateNo: string }[];
  const attendees = i.attendees as { name: string; title: string }[];
  const cn = formatChineseDate;
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: ['项目', '内容'],
      rows: [
        ['约谈时间', cn(i.heldOn)],
        ['约谈地点', i.place],
        ['约谈人', interviewers.map((x) => `${x.name}（执法证号：${x.certificateNo}）`).join('、')],
        ['被约谈单位', unit],
        ['被约谈人', attendees.map((x) => `${x.name}（${x.title}）`).join('、')],
        ['关联检查', `${r.code}${r.feedbackDocNumber ? `，反馈意见书 ${r.feedbackDocNumber}` : ''}`],
      ],
    },
    { kind: 'heading1', text: '约谈事由' },
    {
      kind: 'paragraph',
      text: `根据《中华人民共和国档案法》第四十五条，我局${r.onSiteDate ? `于${cn(r.onSiteDate)}` : ''}对你单位档案工作进行了行政检查并出具反馈意见书，要求于${r.rectificationDue ? cn(r.rectificationDue) : '整改期限'}前完成整改。下列整改事项逾期未完成整改或者整改不到位：`,
    },
    ...(i.itemIds as string[]).map((itemId, n): Block => {
      const x = byId.get(itemId);
      // The default requirement already starts with the item's title (feedback.service.ts); an edited one may not.
      return { kind: 'paragraph', text: `${n + 1}. ${x ? (x.text.startsWith(x.title) ? `${x.code} ${x.text}` : `${x.code} ${x.title}：${x.text}`) : itemId}` };
    }),
    { kind: 'heading1', text: '约谈内容' },
    { kind: 'paragraph', text: i.content },
    { kind: 'heading1', text: '整改承诺' },
    {
      kind: 'paragraph',
      text: i.commitments
        ? `${i.commitments}${i.commitmentDue ? `\n被约谈单位承诺于${cn(i.commitmentDue)}前完成整改，并将整改情况书面报告我局。` : ''}`
        : '无。',
    },
    { kind: 'heading1', text: '签字' },
    { kind: 'paragraph', text: `约谈人（签字）：\n被约谈人（签字）：\n记录人（签字）：` },
  ];
  const contact = await letterContactOf(ctx.db, r.orgId, i.contact);
  const buffer = await renderOfficialDocx({
    ...INSPECTION_LETTERS.interview,
    issuer: org!.name,
    title: '档案行政检查约谈记录',
    blocks,
    signature: org!.name,
    date: i.heldOn,
    ...(contact ? { note: contactNote(contact) } : {}),
  });
  return { buffer, fileName: `约谈记录-${r.code}-${i.heldOn}.docx` };
}

// ---------------------------------------------------------------------------------------------
// 回头看

/**
 * A follow-up inspection (回头看): a new inspection of the same unit with the same checklist
 * version, `source` follow_up, re-checking rectification items — the flagged ones, or any of a
 * closed inspection's. The team follows the draw's rules; then it runs the normal loop.
 */
export async function createFollowUp(ctx: ActorCtx, id: string, input: FollowUpInput): Promise<InspectionDetail> {
  const childId = await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'followUp');
    const today = todayInChina(tx.now());
    if (input.plannedDate < today) throw fieldError('plannedDate', `计划检查日期 ${input.plannedDate} 早于今天（${today}）`);
    const items = rectificationItemsOf(r);
    const byId = new Map(items.map((x) => [x.id, x]));
    const flagged = new Set(rectificationFlags(items, r.rectificationDue, today).map((f) => f.itemId));
    const open = await tx.db.select().from(inspections).where(eq(inspections.parentInspectionId, r.id));
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.itemIds.forEach((itemId, i) => {
      const x = byId.get(itemId);
      const running = open.find((f) => f.status !== 'closed' && ((f.followUpItemIds as string[] | null) ?? []).includes(itemId));
      if (!x) fields[`itemIds.${i}`] = '该整改事项不属于本次检查';
      else if (seen.has(itemId)) fields[`itemIds.${i}`] = `整改事项 ${x.code} 选了两次`;
      else if (r.status !== 'closed' && !flagged.has(itemId)) {
        fields[`itemIds.${i}`] =
          `整改事项 ${x.code}（${itemStatusLabel(x.status)}）既未被退回两次，也未逾期未通过审核（整改期限 ${r.rectificationDue ?? '—'}），尚不需回头看`;
      } else if (running) fields[`itemIds.${i}`] = `整改事项 ${x.code} 已在回头看 ${running.code}（${running.plannedDate}）中复查`;
      seen.add(itemId);
    });
    refuse('回头看', fields);
    const [unit] = await tx.db.select().from(units).where(eq(units.id, r.unitId));
    if (!unit || unit.status !== 'active') throw fieldError('unitId', `检查对象“${unit?.name ?? ''}”已注销，不能组织回头看`);
    const team = await checkTeam(tx, r.orgId, r.unitId, input.inspectorIds, input.plannedDate);
    const codes = input.itemIds.map((itemId) => byId.get(itemId)!.code);
    const reason = input.reason || `对 ${r.code} 整改情况回头看：${codes.join('、')}`;
    const { row, event } = await insertInspection(
      tx,
      {
        orgId: r.orgId,
        unitId: r.unitId,
        source: 'follow_up',
        drawId: null,
        reason,
        checklistVersionId: r.checklistVersionId,
        plannedDate: input.plannedDate,
        team,
        parentInspectionId: r.id,
        followUpItemIds: input.itemIds,
      },
      unit.name,
    );
    await recordEvents(tx, [
      { ...event, after: { ...(event.after as object), parentInspectionId: r.id, parentCode: r.code, items: codes } },
      {
        orgId: r.orgId,
        action: 'inspection.follow_up',
        entityType: 'inspection',
        entityId: r.id,
        after: { followUpId: row.id, followUpCode: row.code, plannedDate: input.plannedDate, items: codes, reason },
      },
    ]);
    return row.id;
  });
  return getInspection(ctx, childId);
}

// ---------------------------------------------------------------------------------------------
// 移送立案

/** Hand non-compliant findings of the signed on-site record to the enforcement module (案件线索). */
export async function referInspection(ctx: ActorCtx, id: string, input: ReferralInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'refer');
    const record = r.record as OnSiteRecord;
    const results = new Map(record.items.map((x) => [x.entryId, x]));
    const entries = await tx.db.select().from(checklistVersionItems).where(eq(checklistVersionItems.versionId, r.checklistVersionId));
    const byId = new Map(entries.map((e) => [e.id, e]));
    const { referrals } = await coverageOf(tx, r);
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.entryIds.forEach((entryId, i) => {
      const e = byId.get(entryId);
      const result = results.get(entryId)?.result;
      const earlier = referrals.find((x) => x.status !== 'declined' && x.entries.some((y) => y.entryId === entryId));
      if (!e) fields[`entryIds.${i}`] = '该检查项不属于本次检查';
      else if (seen.has(entryId)) fields[`entryIds.${i}`] = `检查项 ${e.code} 选了两次`;
      else if (result !== 'non_compliant') {
        fields[`entryIds.${i}`] =
          `检查项 ${e.code} 在现场检查记录中为“${result === 'compliant' ? '符合' : result === 'not_applicable' ? '不适用' : '未填写'}”，只有不符合项可以移送立案`;
      } else if (earlier) fields[`entryIds.${i}`] = `检查项 ${e.code} 已于 ${earlier.referredOn} 移送（${earlier.code}，${earlier.statusLabel}）`;
      seen.add(entryId);
    });
    refuse('移送立案', fields);
    const referredOn = todayInChina(tx.now());
    const picked: ReferralEntry[] = input.entryIds.map((entryId) => {
      const e = byId.get(entryId)!;
      return { entryId, code: e.code, title: e.title, legalBasis: e.legalBasis, note: results.get(entryId)?.note ?? null };
    });
    const ref = await createReferral(tx, {
      orgId: r.orgId,
      sourceType: 'inspection',
      sourceId: r.id,
      sourceRef: r.code,
      unitId: r.unitId,
      referredOn,
      facts: input.facts,
      entries: picked,
      suspectedBasis: input.suspectedBasis ?? null,
    });
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.refer',
      entityType: 'inspection',
      entityId: r.id,
      after: {
        referralId: ref.id,
        referralCode: ref.code,
        referredOn,
        entries: picked.map((e) => e.code),
        facts: input.facts,
        suspectedBasis: input.suspectedBasis ?? null,
      },
    });
  });
  return getInspection(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// 办结

/**
 * Close by hand with a note: only when every rectification item is accepted, or flagged (returned
 * twice / overdue) and addressed by an interview, a follow-up or a referral. The rectification
 * clock is met on the day of closure; an interview-commitment clock closes too.
 */
export async function closeInspection(ctx: ActorCtx, id: string, input: CloseInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'close');
    const today = todayInChina(tx.now());
    const closedOn = input.closedOn ?? today;
    if (closedOn > today) throw fieldError('closedOn', `办结日期 ${closedOn} 晚于今天（${today}）`);
    if (r.feedbackOn && closedOn < r.feedbackOn) throw fieldError('closedOn', `办结日期 ${closedOn} 早于反馈意见书出具日期 ${r.feedbackOn}`);
    const items = rectificationItemsOf(r);
    const flags = new Map(rectificationFlags(items, r.rectificationDue, today).map((f) => [f.itemId, f]));
    const c = await coverageOf(tx, r);
    const unaddressed = items.filter((x) => flags.has(x.id) && !isAddressed(addressedBy(c, x)));
    const inProgress = items.filter((x) => x.status !== 'accepted' && !flags.has(x.id));
    if (unaddressed.length || inProgress.length) {
      const parts: string[] = [];
      if (unaddressed.length) parts.push(`${unaddressed.map((x) => x.code).join('、')} 已逾期或被退回两次，尚未约谈、组织回头看或移送立案`);
      if (inProgress.length)
        parts.push(`${inProgress.map((x) => `${x.code}（${itemStatusLabel(x.status)}）`).join('、')} 尚在整改期限 ${r.rectificationDue ?? ''} 内且未通过审核`);
      const msg = `检查 ${r.code} 还不能办结：整改事项 ${parts.join('；')}`;
      throw new AppError('unprocessable', msg, { fields: { items: msg } });
    }
    await tx.db.update(inspections).set({ status: 'closed', closedOn, closeNote: input.note, updatedAt: tx.now() }).where(eq(inspections.id, r.id));
    if (items.length) await closeRectificationClock(tx, r, closedOn);
    await syncCommitmentClock(tx, r.id);
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.close',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: 'closed',
        closedOn,
        note: input.note,
        items: items.map((x) => {
          const a = addressedBy(c, x);
          return {
            code: x.code,
            status: x.status ?? 'open',
            flag: flags.get(x.id)?.reason ?? null,
            interviews: a.interviews.map((i) => i.heldOn),
            followUps: a.followUps.map((f) => f.code),
            referrals: a.referrals.map((f) => f.code),
          };
        }),
      },
    });
  });
  return getInspection(ctx, id);
}
