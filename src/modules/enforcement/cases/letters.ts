/**
 * The letters of a penalty case (GB/T 9704): 行政处罚事先告知书 and 行政处罚决定书 / 不予行政处罚决定书,
 * each with its layout, the statutory contents (行政处罚法第四十四条、第五十九条) and the 附注 naming the
 * handler and telephone.
 */
import { eq } from 'drizzle-orm';
import type { ActorCtx } from '../../../kernel/context.js';
import { loadWorkCalendar } from '../../../kernel/calendar/store.js';
import { contactNote, formatChineseDate, renderOfficialDocx, type Block, type LetterContact, type LetterLayout } from '../../../kernel/documents/index.js';
import { conflict } from '../../../kernel/http/errors.js';
import { orgs } from '../../../kernel/schema.js';
import { remedyOrgansOf } from '../../disclosure/index.js';
import { issuingContact, units } from '../../orgs/index.js';
import { benchmarksByIds } from '../benchmarks/benchmarks.service.js';
import { CIRCUMSTANCE_LABELS, PENALTY_TYPE_LABELS, type Circumstance } from '../labels.js';
import { enforcementCaseFiles } from '../schema.js';
import { loadCase } from './cases.service.js';
import { fineOf, hearingEligible, hearingRequestDue, type Penalty } from './rules.js';
import { thresholdsOf } from './cases.service.js';

/** Both go to the party, who is not under the bureau: 信函格式 would also do; the practice is 文件格式 with the bureau's name, numbered and sealed. */
export const CASE_LETTERS = {
  notice: { format: 'document', sealed: true },
  decision: { format: 'document', sealed: true },
} as const satisfies Record<string, LetterLayout>;

const money = (n: number) => `${n.toLocaleString('zh-CN')}元`;
const penaltyText = (ps: readonly Penalty[]) =>
  ps
    .map((p) =>
      p.type === 'fine'
        ? `罚款人民币${money(p.amount ?? 0)}`
        : p.type === 'confiscation'
          ? `没收违法所得${p.amount ? `人民币${money(p.amount)}` : ''}`
          : PENALTY_TYPE_LABELS[p.type] + (p.note ? `（${p.note}）` : ''),
    )
    .join('；');

export async function caseDocument(ctx: ActorCtx, id: string, doc: 'notice' | 'decision'): Promise<{ buffer: Buffer; fileName: string }> {
  const c = await loadCase(ctx, id);
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, c.orgId));
  const b = c.benchmarkId ? (await benchmarksByIds(ctx, [c.benchmarkId])).get(c.benchmarkId) : undefined;
  const [unit] = c.unitId ? await ctx.db.select({ creditCode: units.creditCode }).from(units).where(eq(units.id, c.unitId)) : [];
  const party: Block[] = [
    { kind: 'paragraph', text: `当事人：${c.partyName}` },
    ...(unit
      ? [{ kind: 'paragraph' as const, text: `统一社会信用代码：${unit.creditCode}` }]
      : c.partyIdNo
        ? [{ kind: 'paragraph' as const, text: `身份证件号码：${c.partyIdNo}` }]
        : []),
    ...(c.partyAddress ? [{ kind: 'paragraph' as const, text: `地址：${c.partyAddress}` }] : []),
  ];
  const proposal = c.proposal as { circumstance: Circumstance; penalties: Penalty[]; discretionReason: string | null } | null;
  const you = c.partyKind === 'unit' ? '你单位' : '你';
  if (doc === 'notice') {
    if (!proposal || !c.noticeOn) throw conflict('本案尚未告知，没有行政处罚事先告知书');
    const t = await thresholdsOf(ctx, c.orgId);
    const eligible = hearingEligible(c.partyKind as 'unit' | 'individual', proposal.penalties, t);
    const due = c.noticeServedOn ? hearingRequestDue(await loadWorkCalendar(ctx.db), c.noticeServedOn) : null;
    const contact = await issuingContact(ctx, c.orgId, ctx.actor.userId);
    const blocks: Block[] = [
      ...party,
      { kind: 'paragraph', text: `经查，${c.facts ?? ''}` },
      {
        kind: 'paragraph',
        text: `${you}的上述行为违反了${b?.breachBasis ?? '有关规定'}。依据${b?.penaltyBasis ?? '有关规定'}，本机关拟对${you}作出如下行政处罚：${penaltyText(proposal.penalties)}。本案违法情节为“${CIRCUMSTANCE_LABELS[proposal.circumstance]}”。`,
      },
      {
        kind: 'paragraph',
        text: `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${you}享有陈述、申辩的权利。${eligible ? `根据第六十三条、第六十四条的规定，${you}有权要求听证；要求听证的，应当在收到本告知书之日起五个工作日内${due ? `（${formatChineseDate(due)}前）` : ''}提出，逾期视为放弃听证权利。` : ''}`,
      },
    ];
    return render(`行政处罚事先告知书`, c.caseNo, org!.name, c.partyName, blocks, c.noticeOn, contact, `行政处罚事先告知书（${c.caseNo}）.docx`, 'notice');
  }
  if (!c.decisionDocNo || !c.decidedOn) throw conflict('本案尚未作出决定，没有决定书');
  const evidence = await ctx.db
    .select({ title: enforcementCaseFiles.title, kind: enforcementCaseFiles.kind })
    .from(enforcementCaseFiles)
    .where(eq(enforcementCaseFiles.caseId, c.id));
  const inquiries = c.inquiries as { heldOn: string; person: string }[];
  const evidenceList = [...evidence.map((e) => e.title), ...inquiries.map((i) => `${formatChineseDate(i.heldOn)}对${i.person}的询问笔录`)];
  const kept = c.decisionContact as (LetterContact & { payWithinDays?: number }) | null;
  const contact = kept ?? (await issuingContact(ctx, c.orgId, ctx.actor.userId));
  // 救济途径 (行政处罚法第五十九条第一款第（五）项): the 复议机关 and the court from the org's settings, as the disclosure letters name them.
  const organs = await remedyOrgansOf(ctx.db, c.orgId);
  const remedies = `${you}如不服本决定，可以自收到本决定书之日起六十日内向${organs.reviewOrgan}申请行政复议，或者在六个月内依法向${organs.court}提起行政诉讼${c.result === 'penalty' ? '。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外' : ''}。`;
  const penalties = c.penalties as Penalty[];
  let blocks: Block[];
  let title: string;
  if (c.result === 'penalty') {
    title = '行政处罚决定书';
    const fine = fineOf(penalties);
    blocks = [
      ...party,
      { kind: 'paragraph', text: `${you}${c.violation ?? ''}一案，本机关于${formatChineseDate(c.filedOn)}立案调查，现已调查终结。` },
      { kind: 'paragraph', text: `经查明：${c.facts ?? ''}` },
      { kind: 'paragraph', text: `上述事实有以下证据证明：${evidenceList.length ? evidenceList.join('；') : '现场检查记录等'}。` },
      {
        kind: 'paragraph',
        text: `本机关于${c.noticeOn ? formatChineseDate(c.noticeOn) : ''}告知${you}拟作出的行政处罚及享有的陈述、申辩${c.hearingHeldOn ? `、听证权利，并于${formatChineseDate(c.hearingHeldOn)}举行了听证` : '等权利'}。`,
      },
      {
        kind: 'paragraph',
        text: `${you}的上述行为违反了${b?.breachBasis ?? '有关规定'}。依据${b?.penaltyBasis ?? '有关规定'}${proposal ? `，参照本机关行政处罚裁量基准（违法情节：${CIRCUMSTANCE_LABELS[proposal.circumstance]}）` : ''}，本机关决定对${you}作出如下行政处罚：${penaltyText(penalties)}。`,
      },
      ...(c.discretionReason ? [{ kind: 'paragraph' as const, text: `裁量理由：${c.discretionReason}` }] : []),
      ...(fine > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: `${you}应当自收到本决定书之日起${kept?.payWithinDays ?? 15}日内，到指定银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额；本机关将依法申请人民法院强制执行。`,
            },
          ]
        : []),
      { kind: 'paragraph', text: remedies },
    ];
  } else {
    title = '不予行政处罚决定书';
    const why =
      c.result === 'not_established'
        ? `经调查，违法事实不能成立。依据《中华人民共和国行政处罚法》第五十七条第一款第（三）项的规定，本机关决定不予行政处罚。`
        : c.firstViolation
          ? `鉴于${you}系初次违法且危害后果轻微并及时改正，依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本机关决定不予行政处罚。本机关已对${you}进行教育：${c.educationRecord ?? ''}`
          : `依据《中华人民共和国行政处罚法》第五十七条第一款第（二）项的规定，本机关决定不予行政处罚。理由：${c.educationRecord ?? ''}`;
    blocks = [
      ...party,
      { kind: 'paragraph', text: `${you}${c.violation ?? ''}一案，本机关于${formatChineseDate(c.filedOn)}立案调查。` },
      { kind: 'paragraph', text: `经查明：${c.facts ?? ''}` },
      { kind: 'paragraph', text: why },
      { kind: 'paragraph', text: remedies },
    ];
  }
  return render(title, c.decisionDocNo, org!.name, c.partyName, blocks, c.decidedOn, contact, `${title}（${c.decisionDocNo}）.docx`, 'decision');
}

async function render(
  title: string,
  docNumber: string,
  orgName: string,
  party: string,
  blocks: Block[],
  date: string,
  contact: LetterContact,
  fileName: string,
  kind: keyof typeof CASE_LETTERS,
) {
  const buffer = await renderOfficialDocx({
    ...CASE_LETTERS[kind],
    issuer: orgName,
    docNumber,
    title,
    recipient: party,
    blocks,
    signature: orgName,
    date,
    note: contactNote(contact),
  });
  return { buffer, fileName };
}
