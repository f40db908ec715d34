/**
 * The letters of an application as .docx: each letter's content from the record (letters.ts has the
 * texts), numbered once — the first generation takes a 发文字号 of the org's yearly series
 * (`nextDocNumber`, series `disclosure.doc`) and is recorded; later ones return the same number.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { computeClock } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { contactNote, nextDocNumber, renderOfficialDocx, type Block } from '../../../kernel/documents/index.js';
import { AppError, notFound, validation } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { issuingContact, letterContactOf } from '../../orgs/index.js';
import { loadApplication } from '../act.js';
import { CONSULTATION_PERIOD, REPLY_PERIOD } from '../applications/clock.js';
import { feeDeadlineOf, feeServedOn } from '../fees/payment.js';
import { CHANNEL_DEFS, LETTER_TITLES, type Channel, type LetterKind } from '../labels.js';
import { disclosureLetters, type ApplicationRow } from '../schema.js';
import type { IssuedLetters, IssuedLettersQuery } from './contracts.js';
import {
  contentClause,
  cn,
  dateText,
  intro,
  LETTER_LAYOUTS,
  LETTER_PREFIX,
  LETTER_SERIES,
  provisionalParagraphs,
  REGULATION,
  replyClockAsOf,
  replyParagraphs,
  thirdPartyYou,
  youOf,
  type LetterDate,
} from './letters.js';
import { remedyOrgansOf } from './remedy.service.js';

interface LetterContent {
  title: string;
  recipient: string;
  date: string;
  blocks: Block[];
}

const para = (text: string): Block => ({ kind: 'paragraph', text });

function conflictLetter(message: string): AppError {
  return new AppError('conflict', message);
}

async function contentOf(ctx: ActorCtx, r: ApplicationRow, kind: LetterKind, consultationId?: string): Promise<LetterContent & { subjectKey: string }> {
  const cal = await loadWorkCalendar(ctx.db);
  switch (kind) {
    case 'receipt': {
      const clock = computeClock(cal, { start: r.receivedOn, period: REPLY_PERIOD, unit: 'working' }, r.receivedOn);
      const due: LetterDate = { due: clock.due!, provisional: clock.provisional, provisionalYears: clock.provisionalYears };
      const rule = CHANNEL_DEFS[r.channel as Channel]?.receipt;
      const you = youOf(r.applicantType);
      return {
        subjectKey: '',
        title: LETTER_TITLES.receipt,
        recipient: r.applicantName,
        date: r.receivedOn,
        blocks: [
          para(`${intro(r)}。`),
          para(`根据${REGULATION}${rule?.article ?? '第三十一条'}的规定，${rule?.rule ?? ''}。本机关收到${you}申请之日为${cn(r.receivedOn)}。`),
          para(
            `根据${REGULATION}第三十三条的规定，本机关将自收到申请之日起${REPLY_PERIOD}个工作日内予以答复，即不晚于${dateText(due)}；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知${you}，延长的期限最长不超过${REPLY_PERIOD}个工作日。申请内容不明确需要补正、征求第三方或者其他机关意见所需时间，不计算在答复期限内。`,
          ),
          ...provisionalParagraphs(due).map(para),
          para(`请妥善保存查询码 ${r.trackingCode}，可凭查询码查询办理进度。`),
        ],
      };
    }
    case 'correction': {
      if (!r.correctionSentOn) throw conflictLetter('本申请没有发出补正通知，不能生成补正告知书：请先登记补正通知（补正事项和补正期限）');
      const you = youOf(r.applicantType);
      const deadline = r.correctionDeadline ?? r.correctionSentOn;
      const deadlineDate: LetterDate = {
        due: deadline,
        provisional: !!cal.dayInfo(deadline).provisional,
        provisionalYears: cal.dayInfo(deadline).provisional ? [Number(deadline.slice(0, 4))] : [],
      };
      const items = (r.correctionItems ?? '')
        .split(/\n|；|;/u)
        .map((x) => x.trim().replace(/^[0-9]+[.．、]\s*/u, ''))
        .filter(Boolean);
      return {
        subjectKey: '',
        title: LETTER_TITLES.correction,
        recipient: r.applicantName,
        date: r.correctionSentOn,
        blocks: [
          para(`${intro(r)}。`),
          para(`经审查，${you}的申请内容不明确。根据${REGULATION}第二十九条第二款、第三十条的规定，现一次性告知${you}需要补正的事项如下：`),
          ...items.map((x, i) => para(`${i + 1}.${x}`)),
          para(
            `请于${dateText(deadlineDate)}前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起重新计算。${you}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
          ),
          ...provisionalParagraphs(deadlineDate).map(para),
          para('特此告知。'),
        ],
      };
    }
    case 'extension': {
      if (!r.extensionDays || !r.extensionApprovedOn) throw conflictLetter('本申请没有延长答复期限，不能生成延期答复告知书：请先登记经负责人批准的延期');
      const date = r.extensionNoticeOn ?? r.extensionApprovedOn;
      const clock = computeClock(cal, replyClockAsOf(r, cal, date), date);
      const due: LetterDate | null = clock.due ? { due: clock.due, provisional: clock.provisional, provisionalYears: clock.provisionalYears } : null;
      return {
        subjectKey: '',
        title: LETTER_TITLES.extension,
        recipient: r.applicantName,
        date,
        blocks: [
          para(`${intro(r)}。`),
          para(
            `因${contentClause(r.extensionReason ?? '情况复杂')}，本机关不能在${REPLY_PERIOD}个工作日内作出答复。根据${REGULATION}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${r.extensionDays}个工作日${due ? `，本机关将不晚于${dateText(due)}作出答复` : ''}。`,
          ),
          ...provisionalParagraphs(due).map(para),
          para('特此告知。'),
        ],
      };
    }
    case 'consultation': {
      if (!consultationId) throw validation('请用查询参数 consultationId 指明是哪一次征求意见', { consultationId: '必填' });
      const c = r.consultations.find((x) => x.id === consultationId);
      if (!c) throw notFound('征求意见记录');
      const third = c.kind === 'third_party';
      const p = thirdPartyYou(c);
      return {
        subjectKey: c.id,
        title: third ? LETTER_TITLES.consultation : '征求意见函',
        recipient: c.party,
        date: c.from,
        blocks: [
          para(`本机关于${cn(r.correctedOn ?? r.receivedOn)}收到一份政府信息公开申请，申请获取的政府信息为：${contentClause(r.content)}。`),
          third
            ? para(
                `经审查，该政府信息的公开可能损害${p}的合法权益。根据${REGULATION}第三十二条的规定，现书面征求${p}的意见。请自收到本函之日起${CONSULTATION_PERIOD}个工作日内以书面形式提出意见，不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。${p}不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知${p}。`,
              )
            : para(
                `该政府信息的公开需要由贵机关确定。根据${REGULATION}第三十四条的规定，现征求贵机关意见，请自收到本函之日起${CONSULTATION_PERIOD}个工作日内提出意见；逾期未提出意见的，视为同意公开。`,
              ),
          para('征求意见所需时间不计算在答复期限内。'),
          para('特此函告。'),
        ],
      };
    }
    case 'reply': {
      if (!r.decidedOn || !r.outcome) throw conflictLetter('本申请尚未作出答复决定（没有办理结果），不能生成答复书：请先登记答复日期和办理结果');
      const payDays = await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays');
      const servedOn = feeServedOn(r);
      const deadline = servedOn ? feeDeadlineOf(cal, servedOn, payDays) : undefined;
      const organs = await remedyOrgansOf(ctx.db, r.orgId);
      return {
        subjectKey: '',
        title: LETTER_TITLES.reply,
        recipient: r.applicantName,
        date: r.decidedOn,
        blocks: replyParagraphs(r, { organs, feePayDays: payDays, ...(deadline ? { feeDeadline: deadline } : {}) }).map(para),
      };
    }
    case 'fee': {
      if (!r.feeNoticeOn || !r.feeMethod || r.feeAmount === null) throw conflictLetter('本申请没有计算信息处理费，不能生成收费通知：请先按件或按量计算收费');
      const payDays = await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays');
      const deadline = feeDeadlineOf(cal, feeServedOn(r)!, payDays);
      const you = youOf(r.applicantType);
      return {
        subjectKey: '',
        title: LETTER_TITLES.fee,
        recipient: r.applicantName,
        date: r.feeNoticeOn,
        blocks: [
          para(`${intro(r)}。`),
          para(
            `根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，${you}的申请需要缴纳信息处理费。收费标准和计算过程：${r.feeExplanation ?? ''}`,
          ),
          para(`应缴金额：${Number(r.feeAmount)}元。`),
          para(
            `请自收到本通知之次日起${payDays}个工作日内缴纳，即不晚于${dateText(deadline)}。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。自发出本通知之日起至${you}缴纳费用之日止的期间，不计算在答复期限内。`,
          ),
          ...provisionalParagraphs(deadline).map(para),
          para('特此通知。'),
        ],
      };
    }
  }
}

/**
 * The letter as .docx. Reading a letter already issued needs `disclosure.read`; issuing it (taking a
 * number) needs `disclosure.handle` in the application's own org and a telephone for its 附注 (the
 * issuing user's or the org's office telephone), and is recorded.
 */
export async function renderLetter(
  ctx: ActorCtx,
  id: string,
  kind: LetterKind,
  consultationId?: string,
): Promise<{ buffer: Buffer; fileName: string; docNumber: string }> {
  return inTx(ctx, async (tx) => {
    const { a: r, orgPath } = await loadApplication(tx, id, 'disclosure.read', true);
    const content = await contentOf(tx, r, kind, consultationId);
    const [org] = await tx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
    const l = disclosureLetters;
    let [letter] = await tx.db
      .select()
      .from(l)
      .where(and(eq(l.orgId, r.orgId), eq(l.applicationId, r.id), eq(l.kind, kind), eq(l.subjectKey, content.subjectKey)));
    if (!letter) {
      authorize(ctx.actor, 'disclosure.handle', { orgId: r.orgId, orgPath });
      const contact = await issuingContact(tx, r.orgId, ctx.actor.userId);
      const year = Number(content.date.slice(0, 4));
      const { docNumber, seq } = await nextDocNumber(tx, { ...LETTER_PREFIX, series: LETTER_SERIES }, { id: r.orgId, name: org!.name }, year);
      [letter] = await tx.db
        .insert(l)
        .values({
          orgId: r.orgId,
          applicationId: r.id,
          kind,
          subjectKey: content.subjectKey,
          year,
          seq,
          docNumber,
          issuedOn: content.date,
          contact,
          createdBy: ctx.actor.userId,
          createdAt: tx.now(),
        })
        .returning();
      await recordEvent(tx, {
        orgId: r.orgId,
        action: 'disclosure.letter.issue',
        entityType: 'disclosureApplication',
        entityId: r.id,
        after: {
          kind,
          title: content.title,
          docNumber,
          issuedOn: content.date,
          ...(content.subjectKey ? { consultationId: content.subjectKey } : {}),
          handler: contact.name,
          handlerTelephone: contact.telephone,
        },
      });
    }
    const contact = await letterContactOf(tx.db, r.orgId, letter!.contact);
    const buffer = await renderOfficialDocx({
      ...LETTER_LAYOUTS[kind],
      issuer: org!.name,
      docNumber: letter!.docNumber,
      title: content.title,
      recipient: content.recipient,
      blocks: content.blocks,
      signature: org!.name,
      date: content.date,
      ...(contact ? { note: contactNote(contact) } : {}),
    });
    return { buffer, fileName: `${content.title}-${r.trackingCode}.docx`, docNumber: letter!.docNumber };
  });
}

/** A page of the letters issued for an application, in number order (id breaks ties). */
export async function listLetters(ctx: ActorCtx, id: string, q: IssuedLettersQuery): Promise<IssuedLetters> {
  const { a: r } = await loadApplication(ctx, id, 'disclosure.read');
  const cond = and(eq(disclosureLetters.orgId, r.orgId), eq(disclosureLetters.applicationId, r.id));
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(disclosureLetters).where(cond);
  const rows = await ctx.db
    .select()
    .from(disclosureLetters)
    .where(cond)
    .orderBy(asc(disclosureLetters.year), asc(disclosureLetters.seq), asc(disclosureLetters.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map((x) => ({
      kind: x.kind as LetterKind,
      title: LETTER_TITLES[x.kind as LetterKind],
      consultationId: x.subjectKey || null,
      docNumber: x.docNumber,
      issuedOn: x.issuedOn,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
