/**
 * Letters of an application as GB/T 9704 .docx (issue 4 deliverable 3): 受理回执, 补正告知书,
 * 延期答复告知书, 征求意见函, 政府信息公开申请答复书 (one text per outcome, always with the legal
 * remedies) and 收费通知. A letter exists only once its event has happened; the first generation
 * takes a 发文字号 from the org's yearly sequence and is recorded, later ones return the same number.
 */
import { and, eq, sql } from 'drizzle-orm';
import { inTx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { authorize } from '../../kernel/auth/policy.js';
import { computeClock, type ClockSpec } from '../../kernel/calendar/index.js';
import { loadWorkCalendar } from '../../kernel/calendar/store.js';
import { AppError, notFound, validation } from '../../kernel/http/errors.js';
import { docPrefixOf, formatChineseDate, formatDocNumber, renderOfficialDocx, type Block, type DocPrefixKind } from '../../kernel/documents/index.js';
import { orgs } from '../../kernel/schema.js';
import { getSetting } from '../../kernel/settings.js';
import { CONSULTATION_PERIOD, loadApplication, REPLY_PERIOD, replyClockSpec, type ActorCtx, type ApplicationRow } from './applications.service.js';
import { disclosureDocSequences, disclosureLetters } from './schema.js';
import { CHANNEL_DEFS, OUTCOME_BY_CODE, type Channel, type OutcomeCode } from './outcomes.js';
import { feeDeadline } from './fee.service.js';

export const LETTER_KINDS = ['receipt', 'correction', 'extension', 'consultation', 'reply', 'fee'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请受理回执',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consultation: '征求第三方意见函',
  reply: '政府信息公开申请答复书',
  fee: '政府信息公开信息处理费收费通知',
};

export const REGULATION = '《中华人民共和国政府信息公开条例》';
/** 行政复议法 (2023) art. 20: 60 days of knowing the act; 行政诉讼法 art. 46: 6 months. */
export const REMEDIES =
  '如对本答复不服，可以自收到本答复书之日起60日内依法申请行政复议，或者自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。';

/** 机关代字 of disclosure letters: setting `disclosureLetterPrefix`, default first character of the org + 档公开 (营口市档案局 → 营档公开). */
export const LETTER_PREFIX: DocPrefixKind = { key: 'disclosureLetterPrefix', suffix: '档公开', auditAction: 'disclosure.letter_settings.update' };

const cite = (articles: readonly string[]) => (articles.length ? `${REGULATION}${articles.join('、')}` : REGULATION);
const cn = formatChineseDate;
const you = '你（单位）';

/** The requested information as a clause: trailing punctuation dropped so a sentence can end it. */
const contentClause = (content: string) => content.trim().replace(/[。．.；;，,、！!？?\s]+$/u, '');

function intro(r: ApplicationRow): string {
  return `${you}于${cn(r.receivedOn)}通过${CHANNEL_DEFS[r.channel as Channel]?.label ?? r.channel}方式向本机关提出的政府信息公开申请（查询码：${r.trackingCode}）收悉。${you}申请获取的政府信息为：${contentClause(r.content)}`;
}

/**
 * The reply clock as it stood on `date` (a letter says what was known when it was sent): restarts,
 * pauses and the extension recorded by then; a pause still open on that day leaves no due date.
 */
export function replyClockAsOf(r: ApplicationRow, date: string): ClockSpec {
  const spec = replyClockSpec(r);
  const out: ClockSpec = { start: spec.start, period: spec.period, unit: spec.unit };
  const restarts = spec.restarts?.filter((x) => x.on <= date);
  if (restarts?.length) out.restarts = restarts;
  const exclusions = spec.exclusions?.filter((x) => x.from <= date).map((x) => (x.to && x.to <= date ? x : { from: x.from, reason: x.reason }));
  if (exclusions?.length) out.exclusions = exclusions;
  const extensions = spec.extensions?.filter((x) => !x.approvedOn || x.approvedOn <= date);
  if (extensions?.length) out.extensions = extensions;
  return out;
}

/** The body of the reply letter for the application's outcome (arts. 35–39). */
export function replyParagraphs(r: ApplicationRow, opts: { feePayDays?: number; feeDeadline?: string } = {}): string[] {
  const code = r.outcome as OutcomeCode;
  const o = OUTCOME_BY_CODE[code];
  if (!o) throw new AppError('conflict', `办理结果“${String(r.outcome)}”未知，不能生成答复书`);
  const basis = cite(o.articles);
  const reason = r.decisionReason ? `具体理由：${r.decisionReason}` : '';
  const out = [`${intro(r)}。经审查，现答复如下：`];
  switch (o.group) {
    case 'disclosed':
      out.push(
        `${you}申请获取的政府信息属于公开范围。根据${basis}的规定，本机关予以公开${r.formRequested ? `，按照${you}要求的形式（${r.formRequested}）提供` : ''}；该政府信息随本答复书一并提供（已主动公开的，告知获取的方式和途径）。`,
      );
      break;
    case 'partial':
      out.push(
        `${you}申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据${basis}的规定，本机关向${you}提供可以公开的信息内容，对不予公开的内容说明理由如下：${r.decisionReason ?? '该部分内容属于依法不予公开的情形'}。`,
      );
      break;
    case 'withheld':
      out.push(
        `经审查，${you}申请获取的政府信息${o.label}${o.note ? `（${o.note}）` : ''}，属于依法不予公开的情形。${reason}${reason ? '。' : ''}根据${basis}的规定，本机关决定不予公开。`,
      );
      break;
    case 'unavailable': {
      const why =
        code === 'unavailable.not_held'
          ? `经检索，本机关不掌握${you}申请获取的政府信息（该政府信息不存在，或者不属于本机关负责公开）`
          : code === 'unavailable.needs_creation'
            ? `${you}申请获取的政府信息本机关没有现成信息，需要对现有政府信息进行加工、分析才能形成`
            : `${you}补正后的申请内容仍不明确，本机关无法确定${you}所需的政府信息`;
      out.push(`${why}。${reason}${reason ? '。' : ''}根据${basis}的规定，本机关无法提供该政府信息。`);
      break;
    }
    case 'not_processed':
      out.push(
        `经审查，${you}的申请属于“${o.label}”的情形${o.note ? `（${o.note}）` : ''}。${reason}${reason ? '。' : ''}根据${basis}的规定，本机关不予处理。`,
      );
      break;
    case 'other':
      if (code === 'other.no_correction') {
        out.push(
          `本机关已于${r.correctionSentOn ? cn(r.correctionSentOn) : '此前'}向${you}发出补正告知书，要求于${r.correctionDeadline ? cn(r.correctionDeadline) : '规定期限'}前补正。${you}无正当理由逾期未补正，根据${basis}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        );
      } else if (code === 'other.unpaid_fee') {
        out.push(
          `本机关已于${r.feeNoticeOn ? cn(r.feeNoticeOn) : '此前'}向${you}发出收费通知，要求${opts.feeDeadline ? `于${cn(opts.feeDeadline)}前` : `在${opts.feePayDays ?? 20}个工作日内`}缴纳信息处理费${r.feeAmount ? `${Number(r.feeAmount)}元` : ''}。${you}逾期未缴纳，根据${basis}和《政府信息公开信息处理费管理办法》的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        );
      } else {
        out.push(`本机关对${you}的申请作如下处理：${r.decisionReason ?? '依法作其他处理'}。`);
      }
      break;
  }
  out.push(REMEDIES);
  out.push('特此告知。');
  return out;
}

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
      const due = computeClock(cal, { start: r.receivedOn, period: REPLY_PERIOD, unit: 'working' }, r.receivedOn).due;
      const rule = CHANNEL_DEFS[r.channel as Channel]?.receipt;
      return {
        subjectKey: '',
        title: LETTER_TITLES.receipt,
        recipient: r.applicantName,
        date: r.receivedOn,
        blocks: [
          para(`${intro(r)}。`),
          para(`根据${REGULATION}${rule?.article ?? '第三十一条'}的规定，${rule?.rule ?? ''}。本机关收到${you}申请之日为${cn(r.receivedOn)}。`),
          para(
            `根据${REGULATION}第三十三条的规定，本机关将自收到申请之日起${REPLY_PERIOD}个工作日内予以答复，即不晚于${due ? cn(due) : '法定期限届满之日'}；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知${you}，延长的期限最长不超过${REPLY_PERIOD}个工作日。申请内容不明确需要补正、征求第三方或者其他机关意见所需时间，不计算在答复期限内。`,
          ),
          para(`请妥善保存查询码 ${r.trackingCode}，可凭查询码查询办理进度。`),
        ],
      };
    }
    case 'correction': {
      if (!r.correctionSentOn) throw conflictLetter('本申请没有发出补正通知，不能生成补正告知书：请先登记补正通知（补正事项和补正期限）');
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
            `请于${cn(r.correctionDeadline ?? r.correctionSentOn)}前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起重新计算。${you}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
          ),
          para('特此告知。'),
        ],
      };
    }
    case 'extension': {
      if (!r.extensionDays || !r.extensionApprovedOn) throw conflictLetter('本申请没有延长答复期限，不能生成延期答复告知书：请先登记经负责人批准的延期');
      const date = r.extensionNoticeOn ?? r.extensionApprovedOn;
      const due = computeClock(cal, replyClockAsOf(r, date), date).due;
      return {
        subjectKey: '',
        title: LETTER_TITLES.extension,
        recipient: r.applicantName,
        date,
        blocks: [
          para(`${intro(r)}。`),
          para(
            `因${r.extensionReason ?? '情况复杂'}，本机关不能在${REPLY_PERIOD}个工作日内作出答复。根据${REGULATION}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${r.extensionDays}个工作日${due ? `，本机关将不晚于${cn(due)}作出答复` : ''}。`,
          ),
          para('特此告知。'),
        ],
      };
    }
    case 'consultation': {
      if (!consultationId) throw validation('请用查询参数 consultationId 指明是哪一次征求意见', { consultationId: '必填' });
      const c = r.consultations.find((x) => x.id === consultationId);
      if (!c) throw notFound('征求意见记录');
      const third = c.kind === 'third_party';
      return {
        subjectKey: c.id,
        title: third ? LETTER_TITLES.consultation : '征求意见函',
        recipient: c.party,
        date: c.from,
        blocks: [
          para(`本机关于${cn(r.correctedOn ?? r.receivedOn)}收到一份政府信息公开申请，申请获取的政府信息为：${contentClause(r.content)}。`),
          third
            ? para(
                `经审查，该政府信息的公开可能损害你（单位）的合法权益。根据${REGULATION}第三十二条的规定，现书面征求你（单位）的意见。请自收到本函之日起${CONSULTATION_PERIOD}个工作日内以书面形式提出意见，不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你（单位）。`,
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
      const deadline = r.feeNoticeOn ? feeDeadline(cal, r.feeNoticeOn, payDays) : undefined;
      return {
        subjectKey: '',
        title: LETTER_TITLES.reply,
        recipient: r.applicantName,
        date: r.decidedOn,
        blocks: replyParagraphs(r, { feePayDays: payDays, ...(deadline ? { feeDeadline: deadline } : {}) }).map(para),
      };
    }
    case 'fee': {
      if (!r.feeNoticeOn || !r.feeMethod || r.feeAmount === null) throw conflictLetter('本申请没有计算信息处理费，不能生成收费通知：请先按件或按量计算收费');
      const payDays = await getSetting(ctx.db, r.orgId, 'disclosureFeePayDays');
      const deadline = feeDeadline(cal, r.feeNoticeOn, payDays);
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
            `请自收到本通知之次日起${payDays}个工作日内（即于${cn(deadline)}前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。自发出本通知之日起至${you}缴纳费用之日止的期间，不计算在答复期限内。`,
          ),
          para('特此通知。'),
        ],
      };
    }
  }
}

/** The next 发文字号 sequence number of the org for `year` (row-locked upsert). */
async function nextSeq(ctx: ActorCtx, orgId: string, year: number): Promise<number> {
  const [row] = await ctx.db
    .insert(disclosureDocSequences)
    .values({ orgId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [disclosureDocSequences.orgId, disclosureDocSequences.year], set: { lastSeq: sql`${disclosureDocSequences.lastSeq} + 1` } })
    .returning({ lastSeq: disclosureDocSequences.lastSeq });
  return row!.lastSeq;
}

/**
 * The letter as .docx. Reading a letter already issued needs `disclosure.read`; issuing it (taking a
 * number) needs `disclosure.handle` in the application's own org and is recorded.
 */
export async function renderLetter(ctx: ActorCtx, id: string, kind: LetterKind, consultationId?: string): Promise<{ buffer: Buffer; fileName: string; docNumber: string }> {
  return inTx(ctx, async (txc) => {
    const tx = txc as ActorCtx;
    const { a: r, orgPath } = await loadApplication(tx, id, true);
    authorize(ctx.actor, 'disclosure.read', { orgId: r.orgId, orgPath });
    const content = await contentOf(tx, r, kind, consultationId);
    const [org] = await tx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, r.orgId));
    const l = disclosureLetters;
    let [letter] = await tx.db
      .select()
      .from(l)
      .where(and(eq(l.orgId, r.orgId), eq(l.applicationId, r.id), eq(l.kind, kind), eq(l.subjectKey, content.subjectKey)));
    if (!letter) {
      authorize(ctx.actor, 'disclosure.handle', { orgId: r.orgId, orgPath });
      const year = Number(content.date.slice(0, 4));
      const seq = await nextSeq(tx, r.orgId, year);
      const docNumber = formatDocNumber(await docPrefixOf(tx.db, LETTER_PREFIX, r.orgId, org!.name), year, seq);
      [letter] = await tx.db
        .insert(l)
        .values({ orgId: r.orgId, applicationId: r.id, kind, subjectKey: content.subjectKey, year, seq, docNumber, issuedOn: content.date, createdBy: ctx.actor.userId, createdAt: tx.now() })
        .returning();
      await recordEvent(tx, {
        orgId: r.orgId,
        action: 'disclosure.letter.issue',
        entityType: 'disclosureApplication',
        entityId: r.id,
        after: { kind, title: content.title, docNumber, issuedOn: content.date, ...(content.subjectKey ? { consultationId: content.subjectKey } : {}) },
      });
    }
    const buffer = await renderOfficialDocx({
      issuer: org!.name,
      docNumber: letter!.docNumber,
      title: content.title,
      recipient: content.recipient,
      blocks: content.blocks,
      signature: org!.name,
      date: content.date,
    });
    return { buffer, fileName: `${content.title}-${r.trackingCode}.docx`, docNumber: letter!.docNumber };
  });
}

/** Letters issued for an application, in number order. */
export async function listLetters(ctx: ActorCtx, id: string) {
  const { a: r, orgPath } = await loadApplication(ctx, id);
  authorize(ctx.actor, 'disclosure.read', { orgId: r.orgId, orgPath });
  const rows = await ctx.db
    .select()
    .from(disclosureLetters)
    .where(and(eq(disclosureLetters.orgId, r.orgId), eq(disclosureLetters.applicationId, r.id)))
    .orderBy(disclosureLetters.year, disclosureLetters.seq);
  return {
    items: rows.map((x) => ({ kind: x.kind as LetterKind, title: LETTER_TITLES[x.kind as LetterKind], consultationId: x.subjectKey || null, docNumber: x.docNumber, issuedOn: x.issuedOn })),
  };
}

