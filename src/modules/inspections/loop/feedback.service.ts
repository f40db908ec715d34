/**
 * 反馈意见书 (feedback letter): after the signed on-site record, the bureau issues the letter with
 * the rectification items (from the non-compliant items, text editable) and the deadline — the
 * on-site date + `rectificationDays` working days (local practice 30, RULES.md §3; 档案法第四十五条).
 * Numbered from the org's yearly inspection sequence; a clock `inspection.rectification` (no
 * assignee) shows it on the dashboard.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { computeClock, provisionalNote } from '../../../kernel/calendar/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { contactNote, formatChineseDate, renderOfficialDocx, type Block } from '../../../kernel/documents/index.js';
import { conflict, fieldError, validation } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { issuingContact, letterContactOf } from '../../orgs/index.js';
import { INSPECTION_LETTERS } from '../letters.js';
import { checklistVersionItems, inspections } from '../schema.js';
import { startPublicationClock } from '../publication/publication.service.js';
import type { FeedbackInput, InspectionDetail } from './contracts.js';
import {
  CLOCK_ENTITY,
  CLOCK_KIND_RECTIFICATION,
  assertTransition,
  loadInspection,
  loadMine,
  newDocNumber,
  rectificationDues,
  unitNameOf,
  type InspectionRow,
} from './core.service.js';
import { getInspection } from './detail.service.js';
import { rectificationClockSpec, type OnSiteRecord, type RectificationItem } from './loop.js';

export async function issueFeedback(ctx: ActorCtx, id: string, input: FeedbackInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertTransition(r, 'issueFeedback');
    const record = r.record as OnSiteRecord;
    const today = todayInChina(tx.now());
    const issuedOn = input.issuedOn ?? today;
    if (issuedOn > today) throw fieldError('issuedOn', `反馈日期 ${issuedOn} 晚于今天（${today}）`);
    if (issuedOn < r.signedOn!) throw fieldError('issuedOn', `反馈日期 ${issuedOn} 早于现场检查记录签字日期 ${r.signedOn}`);
    const entries = await tx.db
      .select()
      .from(checklistVersionItems)
      .where(eq(checklistVersionItems.versionId, r.checklistVersionId))
      .orderBy(asc(checklistVersionItems.position));
    const nonCompliant = record.items.filter((x) => x.result === 'non_compliant');
    const ncIds = new Set(nonCompliant.map((x) => x.entryId));
    const byId = new Map(entries.map((e) => [e.id, e]));
    let items: RectificationItem[];
    if (input.items) {
      const fields: Record<string, string> = {};
      const seen = new Set<string>();
      input.items.forEach((x, i) => {
        if (!ncIds.has(x.entryId)) fields[`items.${i}.entryId`] = '整改事项须来自现场检查记录中“不符合”的检查项';
        else if (seen.has(x.entryId)) fields[`items.${i}.entryId`] = '同一检查项列了两次';
        seen.add(x.entryId);
      });
      const left = nonCompliant.filter((x) => !seen.has(x.entryId)).map((x) => byId.get(x.entryId)?.code ?? x.entryId);
      if (left.length) fields.items = `以下不符合项没有整改要求：${left.join('、')}`;
      if (Object.keys(fields).length) throw validation(`整改事项有 ${Object.keys(fields).length} 处错误：${Object.values(fields)[0]}`, fields);
      items = input.items.map((x) => ({
        id: randomUUID(),
        entryId: x.entryId,
        code: byId.get(x.entryId)!.code,
        title: byId.get(x.entryId)!.title,
        text: x.text,
      }));
    } else {
      items = nonCompliant.map((x) => {
        const e = byId.get(x.entryId)!;
        return {
          id: randomUUID(),
          entryId: e.id,
          code: e.code,
          title: e.title,
          text: x.note ? `${e.title}：${x.note}。请予以整改。` : `${e.title}。请予以整改。`,
        };
      });
    }
    const days = await getSetting(tx.db, r.orgId, 'rectificationDays');
    const cal = await loadWorkCalendar(tx.db);
    const spec = rectificationClockSpec(r.onSiteDate!, days);
    // A deadline in a year whose holiday schedule is not entered yet is provisional (预计): the letter says so, never refused.
    const clock = computeClock(cal, spec, today);
    const due = clock.due!;
    const contact = await issuingContact(tx, r.orgId, tx.actor.userId);
    const { docNumber, year, seq } = await newDocNumber(tx, r.orgId, issuedOn);
    const now = tx.now();
    await tx.db
      .update(inspections)
      .set({
        // Nothing to rectify: the inspection is done with the letter.
        status: items.length ? 'feedback_issued' : 'closed',
        closedOn: items.length ? null : issuedOn,
        feedbackOn: issuedOn,
        feedbackDocNumber: docNumber,
        feedbackYear: year,
        feedbackSeq: seq,
        feedbackContact: contact,
        conclusion: input.conclusion ?? null,
        rectificationItems: items,
        rectificationDue: items.length ? due : null,
        updatedAt: now,
      })
      .where(eq(inspections.id, r.id));
    if (items.length) {
      const label = `整改期限（${r.code}，${await unitNameOf(tx, r.unitId)}，${items.length} 项整改事项）`;
      await syncClock(tx, {
        orgId: r.orgId,
        entityType: CLOCK_ENTITY,
        entityId: r.id,
        kind: CLOCK_KIND_RECTIFICATION,
        label,
        spec,
        closed: false,
        assigneeId: null,
      });
    }
    // 一公开: the result is formed with the letter; publish within 20 working days (publication.service.ts).
    await startPublicationClock(tx, r, issuedOn);
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.feedback',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: items.length ? 'feedback_issued' : 'closed',
        issuedOn,
        docNumber,
        rectificationDue: items.length ? due : null,
        rectificationDueProvisional: items.length ? clock.provisional : false,
        rectificationDays: days,
        items,
        conclusion: input.conclusion ?? null,
        handler: contact.name,
        handlerTelephone: contact.telephone,
      },
    });
  });
  return getInspection(ctx, id);
}

async function feedbackDocx(ctx: Ctx, r: InspectionRow) {
  if (!r.feedbackDocNumber || !r.feedbackOn) throw conflict(`检查 ${r.code} 尚未出具反馈意见书`);
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
  const unitName = await unitNameOf(ctx, r.unitId);
  const record = r.record as OnSiteRecord;
  const items = (r.rectificationItems as RectificationItem[] | null) ?? [];
  const cn = formatChineseDate;
  const count = (k: string) => record.items.filter((x) => x.result === k).length;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `根据《中华人民共和国档案法》第四十二条，我局于${cn(r.onSiteDate!)}对你单位档案工作进行了行政检查。现将检查情况反馈如下：`,
    },
    { kind: 'heading1', text: '检查情况' },
    {
      kind: 'paragraph',
      text: `本次检查共 ${record.items.length} 项，其中符合 ${count('compliant')} 项、不符合 ${count('non_compliant')} 项、不适用 ${count('not_applicable')} 项。${r.conclusion ?? ''}`,
    },
  ];
  if (record.findings) blocks.push({ kind: 'paragraph', text: record.findings });
  if (items.length) {
    // The deadline as it stands: provisional (预计, with the one sentence why) while its year's schedule is not entered.
    const due = (await rectificationDues(ctx, await loadWorkCalendar(ctx.db), todayInChina(ctx.now()), [r])).get(r.id)!;
    blocks.push({ kind: 'heading1', text: '存在的问题和整改要求' });
    items.forEach((x, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}. ${x.text}` }));
    blocks.push({ kind: 'heading1', text: '整改期限' });
    blocks.push({
      kind: 'paragraph',
      text:
        `请你单位依照《中华人民共和国档案法》第四十五条，于${cn(due.due!)}${due.provisional ? '（预计）' : ''}前完成整改，并将整改情况逐项书面报告我局（可登录兰台系统，在“检查与整改”中逐项报送整改情况和佐证材料）。逾期未整改或者整改不到位的，我局将依法约谈、组织回头看或者依法处理。` +
        (due.provisional ? provisionalNote(due.provisionalYears) : ''),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: '本次检查未发现需要整改的问题。请继续做好档案工作。' });
  }
  const contact = await letterContactOf(ctx.db, r.orgId, r.feedbackContact);
  const buffer = await renderOfficialDocx({
    ...INSPECTION_LETTERS.feedback,
    issuer: org!.name,
    docNumber: r.feedbackDocNumber,
    title: '档案行政检查反馈意见书',
    recipient: unitName,
    blocks,
    signature: org!.name,
    date: r.feedbackOn,
    ...(contact ? { note: contactNote(contact) } : {}),
  });
  return { buffer, fileName: `档案行政检查反馈意见书-${r.code}.docx` };
}

export async function getFeedbackDocx(ctx: ActorCtx, id: string) {
  return feedbackDocx(ctx, await loadInspection(ctx, id, 'inspection.read'));
}

/** The unit's copy (own account). */
export async function getMyFeedbackDocx(ctx: ActorCtx, id: string) {
  return feedbackDocx(ctx, await loadMine(ctx, id));
}
