/**
 * The letters (文书) of a licence application, GB/T 9704: 受理通知书 (行政许可法第三十二条第二款, also when
 * accepted by silence), 补正材料通知书 (第三十二条第一款第（四）项: one complete list), 准予 / 不予行政许可
 * 决定书 (第三十八条; a refusal with its reasons and the remedies — 复议 within 60 days to the 复议机关,
 * litigation within 6 months), and the 行政许可证件 after a grant (第三十九条、第四十四条).
 *
 * Each letter is issued with its step: the step takes its number (发文字号, the org's 机关代字 per kind)
 * and keeps its 联系人 and telephone (the issuing user's, else the org's 办公电话; neither: the step is
 * refused, as for every letter — orgs `issuingContact`) and what else it names on that day (the expected
 * decision day, the 复议机关 and court) in the application's `letters`. Rendering it again later — at
 * the desk or by the applicant on the portal — shows the same letter.
 */
import { eq } from 'drizzle-orm';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import { computeClock, provisionalNote, type WorkCalendar } from '../../../kernel/calendar/index.js';
import type { DbOrTx } from '../../../kernel/db/index.js';
import {
  contactNote,
  formatChineseDate,
  nextDocNumber,
  renderOfficialDocx,
  type Block,
  type LetterContact,
  type LetterLayout,
} from '../../../kernel/documents/index.js';
import { conflict, validation } from '../../../kernel/http/errors.js';
import { orgs, users } from '../../../kernel/schema.js';
import { remedyOrgansOf } from '../../disclosure/index.js';
import { issuingContact, letterContactOf } from '../../orgs/index.js';
import { DECISION_LETTER_LABELS, LETTER_KINDS, LETTER_LABELS, type LetterKind, type Result } from '../labels.js';
import type { ApplicationRow, IssuedLetter, ItemRow } from '../schema.js';
import { ACCEPTANCE_DAYS, decisionSpec, EXTENSION_DAYS } from './clock.js';

/** Letters to the applicant: 信函格式 for the notices, 文件格式 for the decision and the certificate; all sealed. */
export const LICENSING_LETTERS = {
  acceptance: { format: 'letter', sealed: true },
  correction: { format: 'letter', sealed: true },
  decision: { format: 'document', sealed: true },
  certificate: { format: 'document', sealed: true },
} as const satisfies Record<LetterKind, LetterLayout>;

/** 机关代字 per kind (setting; default the org's first character + the suffix: 兰档许受〔2025〕1号). */
const PREFIX = {
  acceptance: { key: 'licensingAcceptancePrefix', suffix: '档许受', auditAction: 'licensing.doc_settings.update', series: 'licensing.acceptance' },
  correction: { key: 'licensingCorrectionPrefix', suffix: '档许补', auditAction: 'licensing.doc_settings.update', series: 'licensing.correction' },
  decision: { key: 'licensingDecisionPrefix', suffix: '档许', auditAction: 'licensing.doc_settings.update', series: 'licensing.decision' },
} as const;

const LAW = '《中华人民共和国行政许可法》';
const cn = formatChineseDate;
const youOf = (r: Pick<ApplicationRow, 'applicantType'>) => (r.applicantType === 'individual' ? '你' : '你单位');

/**
 * The remedies a refusal tells the applicant (行政许可法第三十八条第二款; RULES.md §6): reconsideration
 * within 60 days to the org's 复议机关, or litigation within 6 months before the court.
 */
export function refusalRemedies(r: Pick<ApplicationRow, 'applicantType'>, organs: { reviewOrgan: string; court: string }): string {
  return `${youOf(r)}如不服本决定，可以自收到本决定书之日起六十日内向${organs.reviewOrgan}申请行政复议，也可以自收到本决定书之日起六个月内向${organs.court}提起行政诉讼（《中华人民共和国行政复议法》第二十条第一款，《中华人民共和国行政诉讼法》第四十六条第一款）。`;
}
const para = (text: string): Block => ({ kind: 'paragraph', text });

async function orgOf(db: DbOrTx, orgId: string): Promise<{ id: string; name: string }> {
  const [org] = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return org!;
}

/** The next number of a kind of letter for the application's org, in the year of `on`. */
export async function letterNumber(ctx: Ctx, orgId: string, kind: keyof typeof PREFIX, on: string): Promise<string> {
  return (await nextDocNumber(ctx, PREFIX[kind], await orgOf(ctx.db, orgId), Number(on.slice(0, 4)))).docNumber;
}

/** The last day of the decision period as counted on the day of acceptance (what the 受理通知书 says). */
export function decisionByOn(cal: WorkCalendar, r: ApplicationRow, statutoryDays: number, acceptedOn: string): IssuedLetter['decisionBy'] {
  const c = computeClock(cal, decisionSpec({ ...r, acceptedOn, exclusions: [], extensionDays: null, extensionApprovedOn: null }, statutoryDays), acceptedOn);
  return c.due ? { due: c.due, provisional: c.provisional, provisionalYears: c.provisionalYears } : undefined;
}

/**
 * A letter the signed-in user issues with a step on `on`: a number of its kind and the user's contact
 * (refused, naming `telephone`, when neither the user nor the org has a telephone).
 */
export async function issueLetter(
  tx: ActorCtx,
  r: ApplicationRow,
  kind: keyof typeof PREFIX,
  on: string,
  extra: Pick<IssuedLetter, 'decisionBy' | 'reviewOrgan' | 'court'> = {},
  docNumber?: string,
): Promise<IssuedLetter> {
  const contact = await issuingContact(tx, r.orgId, tx.actor.userId);
  return { docNumber: docNumber ?? (await letterNumber(tx, r.orgId, kind, on)), issuedOn: on, contact, ...extra };
}

/** The 复议机关 and court a decision letter names, as set for the org on the day of the decision. */
export async function remedyOrgansNow(db: DbOrTx, orgId: string): Promise<{ reviewOrgan: string; court: string }> {
  const o = await remedyOrgansOf(db, orgId);
  return { reviewOrgan: o.reviewOrgan, court: o.court };
}

/**
 * The 受理通知书 of an acceptance by silence, recorded by the system (the sweep or the next write): the
 * contact is the desk user who registered the application, else the item's 承办科室, with the user's
 * telephone or the org's 办公电话 (none yet: the letter shows the 办公电话 once it is set, and cannot be
 * downloaded before — the recording itself is never refused).
 */
export async function deemedAcceptanceLetter(
  ctx: Ctx,
  r: ApplicationRow,
  item: { statutoryDays: number; department?: string | null },
  cal: WorkCalendar,
  acceptedOn: string,
  on: string,
): Promise<IssuedLetter> {
  const [u] = r.createdBy ? await ctx.db.select({ name: users.displayName, telephone: users.telephone }).from(users).where(eq(users.id, r.createdBy)) : [];
  // the org's 办公电话 (as a letter that kept no telephone would show it)
  const office = await letterContactOf(ctx.db, r.orgId, { name: '', telephone: null });
  const contact: LetterContact = { name: u?.name ?? (item.department || '行政许可窗口'), telephone: u?.telephone ?? office?.telephone ?? null };
  const decisionBy = decisionByOn(cal, r, item.statutoryDays, acceptedOn);
  return { docNumber: await letterNumber(ctx, r.orgId, 'acceptance', on), issuedOn: on, contact, ...(decisionBy ? { decisionBy } : {}) };
}

// ---------------------------------------------------------------------------------------------
// What is available, and the text

/** The title of a letter of this application (the decision's by its result). */
export const letterTitle = (r: Pick<ApplicationRow, 'result'>, kind: LetterKind) =>
  kind === 'decision' && r.result ? DECISION_LETTER_LABELS[r.result as Result] : LETTER_LABELS[kind];

/** Why a letter cannot be had now (409), or null when it can. */
export function letterUnavailable(r: ApplicationRow, kind: LetterKind): string | null {
  const notHere = `${letterTitle(r, kind)}不是在本系统中制发的（历史导入的记录，或在启用文书功能前办理），无法下载`;
  switch (kind) {
    case 'acceptance':
      if (!r.acceptedOn) return '本申请尚未受理，还没有受理通知书';
      return r.letters.acceptance ? null : notHere;
    case 'correction':
      if (!r.correctionSentOn) return '本申请没有告知补正，没有补正材料通知书';
      return r.letters.correction ? null : notHere;
    case 'decision':
      if (!r.decidedOn) return '本申请尚未作出行政许可决定，还没有决定书';
      return r.letters.decision ? null : notHere;
    case 'certificate':
      if (r.decidedOn && r.result !== 'granted') return '不予行政许可的申请不颁发许可证件';
      if (!r.certificateIssuedOn || !r.certificateNo) return '本申请尚未颁发行政许可证件';
      return null;
  }
}

/**
 * The letters this application has now, in order (the 文书 card and the portal list them). `stored` is
 * the row as stored when `r` reads a due deemed acceptance not yet recorded (`withDeemed`): its
 * 受理通知书 is listed too — the download records the acceptance and issues it (number on that day).
 */
export function lettersOf(r: ApplicationRow, stored: ApplicationRow = r): { doc: LetterKind; label: string; docNumber: string | null; issuedOn: string }[] {
  const pending = !stored.acceptedOn && !!r.acceptedOn && r.acceptanceDeemed;
  return LETTER_KINDS.filter((k) => !letterUnavailable(r, k) || (k === 'acceptance' && pending)).map((doc) => ({
    doc,
    label: letterTitle(r, doc),
    docNumber: doc === 'certificate' ? r.certificateNo : (r.letters[doc]?.docNumber ?? null),
    issuedOn: doc === 'certificate' ? r.certificateIssuedOn! : (r.letters[doc]?.issuedOn ?? r.acceptedOn!),
  }));
}

interface Content {
  blocks: Block[];
  date: string;
  docNumber?: string;
  kept?: LetterContact;
}

function intro(r: ApplicationRow, itemName: string) {
  return `${youOf(r)}于${cn(r.receivedOn)}提出的${itemName}申请（申请编号：${r.code}）`;
}

function contentOf(r: ApplicationRow, item: ItemRow, orgName: string, kind: LetterKind): Content {
  const you = youOf(r);
  const summary = r.summary ? [para(`申请事项：${r.summary}`)] : [];
  const track = para(`${you}可凭查询码 ${r.trackingCode} 在${orgName}门户网站查询办理进度和结果。`);
  switch (kind) {
    case 'acceptance': {
      const l = r.letters.acceptance!;
      const corrected = r.correctedOn ? `，并于${cn(r.correctedOn)}补正了申请材料` : '';
      const first = r.acceptanceDeemed
        ? `${intro(r, item.name)}${corrected}。本机关未在收到${r.correctedOn ? '补正材料' : '申请材料'}之日起${ACCEPTANCE_DAYS}个工作日内${r.correctedOn ? '作出受理决定' : '受理或者一次告知需要补正的全部内容'}，根据${LAW}第三十二条第一款第（四）项的规定，${you}的申请自${cn(r.acceptedOn!)}起即为受理。`
        : `${intro(r, item.name)}${corrected}。经审查，申请材料齐全、符合法定形式，根据${LAW}第三十二条第一款第（五）项的规定，本机关决定予以受理，受理日期为${cn(r.acceptedOn!)}。`;
      const by = l.decisionBy;
      const period = `本机关将自受理之日起${item.statutoryDays}个工作日内${by ? `，即${by.provisional ? '预计' : ''}不晚于${cn(by.due)}，` : ''}作出是否准予行政许可的决定；${item.statutoryDays}个工作日内不能作出决定的，经本机关负责人批准，可以延长${EXTENSION_DAYS}个工作日，并将延长期限的理由告知${you}。依法需要听证、检验、检测、检疫、鉴定或者专家评审的，所需时间不计算在上述期限内（${LAW}第四十二条、第四十五条）。`;
      return {
        blocks: [para(first), ...summary, para(period), ...(by?.provisional ? [para(provisionalNote(by.provisionalYears))] : []), track, para('特此通知。')],
        date: l.issuedOn,
        ...(l.docNumber ? { docNumber: l.docNumber } : {}),
        kept: l.contact,
      };
    }
    case 'correction': {
      const l = r.letters.correction!;
      const items = r.correctionItems ?? [];
      return {
        blocks: [
          para(
            `${intro(r, item.name)}收悉。经审查，申请材料不齐全或者不符合法定形式。根据${LAW}第三十二条第一款第（四）项的规定，现一次告知${you}需要补正的全部内容（共${items.length}项）：`,
          ),
          ...items.map((x, i) => para(`${i + 1}．${x}`)),
          para(`请${you}按上述要求补正全部材料，送交本机关，或者凭查询码 ${r.trackingCode} 在${orgName}门户网站上传补正材料。`),
          para(
            `本机关自收到${you}补正的全部材料之日起${ACCEPTANCE_DAYS}个工作日内决定是否受理；逾期未作决定的，自收到补正材料之日起即为受理。收到补正材料前，本机关暂不受理该申请；作出行政许可决定的期限自受理之日起计算（${LAW}第三十二条、第四十二条）。${you}也可以在作出决定前撤回申请。`,
          ),
          para('特此通知。'),
        ],
        date: l.issuedOn,
        ...(l.docNumber ? { docNumber: l.docNumber } : {}),
        kept: l.contact,
      };
    }
    case 'decision': {
      const l = r.letters.decision!;
      const accepted = `${intro(r, item.name)}，本机关于${cn(r.acceptedOn!)}${r.acceptanceDeemed ? '依法视为' : ''}受理。`;
      const blocks: Block[] =
        r.result === 'granted'
          ? [
              para(accepted),
              ...summary,
              para(`经审查，${you}的申请符合法定条件、标准。根据${LAW}第三十八条第一款的规定，本机关决定准予行政许可。`),
              para(`许可依据：${item.legalBasis}`),
              ...(r.decisionReason ? [para(`说明：${r.decisionReason}`)] : []),
            ]
          : [
              para(accepted),
              ...summary,
              para(`经审查，${you}的申请不符合法定条件、标准，理由如下：${r.decisionReason ?? ''}`),
              para(`根据${LAW}第三十八条第二款的规定，本机关决定不予行政许可。`),
              // as stored with the decision: the statutory sentence naming the organs of that day, then anything the desk added
              ...(r.remedies ?? refusalRemedies(r, { reviewOrgan: l.reviewOrgan ?? '本级人民政府', court: l.court ?? '有管辖权的人民法院' }))
                .split('\n')
                .filter((x) => x.trim())
                .map(para),
            ];
      return { blocks, date: l.issuedOn, ...(l.docNumber ? { docNumber: l.docNumber } : {}), kept: l.contact };
    }
    case 'certificate': {
      const decision = r.letters.decision;
      return {
        blocks: [
          para(`证件编号：${r.certificateNo}`),
          para(`持证人：${r.applicantName}`),
          para(`许可事项：${item.name}`),
          ...(r.summary ? [para(`许可内容：${r.summary}`)] : []),
          para(`许可决定：${decision?.docNumber ? `${decision.docNumber}，` : ''}${cn(r.decidedOn!)}准予行政许可`),
          para(`许可依据：${item.legalBasis}`),
          para(`发证日期：${cn(r.certificateIssuedOn!)}`),
        ],
        date: r.certificateIssuedOn!,
      };
    }
  }
}

/**
 * The letter as .docx: refused (409) when its step has not happened; the 附注 names the contact kept
 * with the step (a deemed acceptance recorded while the org had no 办公电话 shows the one set since,
 * or is refused naming `telephone` until one is).
 */
export async function renderApplicationLetter(db: DbOrTx, r: ApplicationRow, item: ItemRow, kind: LetterKind): Promise<{ buffer: Buffer; fileName: string }> {
  const why = letterUnavailable(r, kind);
  if (why) throw conflict(why, { doc: why });
  const org = await orgOf(db, r.orgId);
  const c = contentOf(r, item, org.name, kind);
  const contact = c.kept ? await letterContactOf(db, r.orgId, c.kept) : null;
  if (c.kept && !contact?.telephone) {
    throw validation('文书的附注须写明联系电话，本机关尚未填写办公电话：请系统管理员在“系统设置”中填写本机关的“办公电话”', {
      telephone: '请填写办公电话',
    });
  }
  const title = letterTitle(r, kind);
  const buffer = await renderOfficialDocx({
    ...LICENSING_LETTERS[kind],
    issuer: org.name,
    ...(c.docNumber ? { docNumber: c.docNumber } : {}),
    title,
    ...(kind === 'certificate' ? {} : { recipient: r.applicantName }),
    blocks: c.blocks,
    signature: org.name,
    date: c.date,
    ...(contact ? { note: contactNote(contact) } : {}),
  });
  return { buffer, fileName: `${title}-${r.trackingCode}.docx` };
}
