/**
 * The texts of an application's letters (GB/T 9704 .docx, issue 4 deliverable 3), pure: 受理回执, 补正告知书,
 * 延期答复告知书, 征求意见函, 政府信息公开申请答复书 (one text per outcome, always with the legal
 * remedies naming the 复议机关 and the court — remedy.ts) and 收费通知. A letter exists only once its
 * event has happened; the first generation takes a 发文字号 from the org's yearly sequence and is
 * recorded, later ones return the same number. A natural person is addressed as 你, an organisation
 * as 你单位; a date that depends on a year whose holiday schedule is not entered yet says 预计 and
 * the letter adds the one sentence why (provisionalNote) — no letter is refused for it.
 */
import { provisionalNote, type ClockSpec, type WorkCalendar } from '../../../kernel/calendar/index.js';
import { formatChineseDate, type DocPrefixKind, type LetterLayout } from '../../../kernel/documents/index.js';
import { AppError } from '../../../kernel/http/errors.js';
import { replyClockSpec } from '../applications/clock.js';
import { CHANNEL_DEFS, OUTCOME_BY_CODE, type Channel, type LetterKind, type OutcomeCode } from '../labels.js';
import type { ApplicationRow, ConsultationRecord } from '../schema.js';
import { remedySentences, type RemedyOrgans } from './remedy.js';

export { LETTER_KINDS, LETTER_TITLES, type LetterKind } from '../labels.js';

export const REGULATION = '《中华人民共和国政府信息公开条例》';

/** 机关代字 of disclosure letters: setting `disclosureLetterPrefix`, default first character of the org + 档公开 (营口市档案局 → 营档公开). */
export const LETTER_PREFIX: DocPrefixKind = { key: 'disclosureLetterPrefix', suffix: '档公开', auditAction: 'disclosure.letter_settings.update' };
/** The letters' number series (kernel `doc_sequences`): one count per org and year for every kind of letter. */
export const LETTER_SERIES = 'disclosure.doc';

/**
 * How each letter is laid out (GB/T 9704-2012). All go to people and bodies outside the agency's
 * hierarchy (applicants, third parties, other agencies): 信函格式 (§10.1), numbered, under the agency's
 * seal; each names its 经办人 and telephone in the 附注.
 */
export const LETTER_LAYOUTS: Record<LetterKind, LetterLayout> = {
  receipt: { format: 'letter', sealed: true },
  correction: { format: 'letter', sealed: true },
  extension: { format: 'letter', sealed: true },
  consultation: { format: 'letter', sealed: true },
  reply: { format: 'letter', sealed: true },
  fee: { format: 'letter', sealed: true },
};

export const cite = (articles: readonly string[]) => (articles.length ? `${REGULATION}${articles.join('、')}` : REGULATION);
export const cn = formatChineseDate;

/** How a letter addresses the applicant: a natural person 你, an organisation 你单位. */
export const youOf = (applicantType: string): string => (applicantType === 'natural' ? '你' : '你单位');

/** How a third-party consultation letter addresses the party: 你 / 你单位 when known, else 贵方. */
export const thirdPartyYou = (c: Pick<ConsultationRecord, 'partyType'>): string =>
  c.partyType === 'natural' ? '你' : c.partyType === 'organisation' ? '你单位' : '贵方';

/** A date as a letter states it: 2027年1月8日, or 2027年1月8日（预计） when it depends on a provisional year. */
export interface LetterDate {
  due: string;
  provisional: boolean;
  provisionalYears: number[];
}
export const dateText = (d: LetterDate) => `${cn(d.due)}${d.provisional ? '（预计）' : ''}`;
/** The sentence that explains every provisional date of a letter, once. */
export const provisionalParagraphs = (...dates: (LetterDate | null | undefined)[]): string[] => {
  const years = [...new Set(dates.flatMap((d) => (d?.provisional ? d.provisionalYears : [])))].sort((a, b) => a - b);
  return dates.some((d) => d?.provisional) ? [provisionalNote(years)] : [];
};

/** The requested information as a clause: trailing punctuation dropped so a sentence can end it. */
export const contentClause = (content: string) => content.trim().replace(/[。．.；;，,、！!？?\s]+$/u, '');

export function intro(r: ApplicationRow): string {
  const you = youOf(r.applicantType);
  return `${you}于${cn(r.receivedOn)}通过${CHANNEL_DEFS[r.channel as Channel]?.label ?? r.channel}方式向本机关提出的政府信息公开申请（查询码：${r.trackingCode}）收悉。${you}申请获取的政府信息为：${contentClause(r.content)}`;
}

/**
 * The reply clock as it stood on `date` (a letter says what was known when it was sent): restarts,
 * pauses and the extension recorded by then; a pause still open on that day leaves no due date.
 */
export function replyClockAsOf(r: ApplicationRow, cal: WorkCalendar, date: string): ClockSpec {
  const spec = replyClockSpec(r, cal);
  const out: ClockSpec = { start: spec.start, period: spec.period, unit: spec.unit };
  const restarts = spec.restarts?.filter((x) => x.on <= date);
  if (restarts?.length) out.restarts = restarts;
  const exclusions = spec.exclusions?.filter((x) => x.from <= date).map((x) => (x.to && x.to <= date ? x : { from: x.from, reason: x.reason }));
  if (exclusions?.length) out.exclusions = exclusions;
  const extensions = spec.extensions?.filter((x) => !x.approvedOn || x.approvedOn <= date);
  if (extensions?.length) out.extensions = extensions;
  return out;
}

/** Why the information is withheld, as the letter says it (条例第十四、十五、十六条). */
const WITHHELD_GROUNDS: Partial<Record<OutcomeCode, string>> = {
  'withheld.state_secret': '属于国家秘密',
  'withheld.law_prohibited': '属于法律、行政法规禁止公开的政府信息',
  'withheld.three_safety': '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  'withheld.third_party': '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
  'withheld.internal_affairs': '属于人事管理、后勤管理、内部工作流程等方面的内部事务信息',
  'withheld.process_info': '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  'withheld.enforcement_file': '属于行政执法案卷信息',
};

/** Why the application is not processed, as the letter says it (条例第三十五、三十六、三十九条). */
const NOT_PROCESSED_TEXT: Partial<Record<OutcomeCode, (you: string) => string>> = {
  'not_processed.petition': (you) =>
    `${you}的申请实为以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，${you}可以通过信访、投诉、举报等相应渠道提出`,
  'not_processed.duplicate': (you) => `本机关已就${you}此前提出的政府信息公开申请作出答复，${you}重复申请公开相同的政府信息，本机关不予重复处理`,
  'not_processed.publication': (you) => `${you}申请获取的是政府公报、报刊、书籍等公开出版物，不作为政府信息公开申请处理，${you}可以通过公开发行渠道获取`,
  'not_processed.excessive': (you) => `${you}申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理`,
  'not_processed.confirmation': (you) =>
    `${you}的申请是要求本机关确认或者重新出具${you}已经获取的信息，不属于申请获取政府信息，本机关不作为政府信息公开申请处理`,
};

/** How the applicant gets what is disclosed (条例第三十六条第（一）（二）项), from the record. */
function accessSentence(r: ApplicationRow, you: string, what: string): string {
  const form = r.formRequested ? `（${you}要求的提供形式：${r.formRequested}）` : '';
  switch (r.accessMode) {
    case 'published':
      return `${what}已经主动公开，${you}可以通过以下方式和途径获取：${contentClause(r.accessNote ?? '')}。`;
    case 'arranged':
      return `请${you}按照以下方式、途径和时间获取${what}：${contentClause(r.accessNote ?? '')}${form}。`;
    default:
      return `${what}随本答复书一并提供${form}。`;
  }
}

export interface ReplyOptions {
  /** 复议机关 and court named in the remedies. */
  organs: RemedyOrgans;
  feePayDays?: number;
  feeDeadline?: LetterDate;
}

/** The body of the reply letter for the application's outcome (arts. 35–39) with its remedies. */
export function replyParagraphs(r: ApplicationRow, opts: ReplyOptions): string[] {
  const code = r.outcome as OutcomeCode;
  const o = OUTCOME_BY_CODE[code];
  if (!o) throw new AppError('conflict', `办理结果“${String(r.outcome)}”未知，不能生成答复书`);
  const you = youOf(r.applicantType);
  const basis = cite(o.articles);
  const why = r.decisionReason ? `具体理由：${contentClause(r.decisionReason)}。` : '';
  const out = [`${intro(r)}。经审查，现答复如下：`];
  switch (o.group) {
    case 'disclosed': {
      const article = r.accessMode === 'published' ? '第三十六条第（一）项' : '第三十六条第（二）项';
      out.push(
        r.accessMode === 'published'
          ? `${you}申请获取的政府信息属于公开范围。根据${REGULATION}${article}的规定，${accessSentence(r, you, '该政府信息')}`
          : `${you}申请获取的政府信息属于公开范围。根据${REGULATION}${article}的规定，本机关予以公开，${accessSentence(r, you, '该政府信息')}`,
      );
      break;
    }
    case 'partial':
      out.push(
        `${you}申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据${basis}的规定，本机关向${you}提供可以公开的信息内容，${accessSentence(r, you, '可以公开的部分')}对不予公开的内容说明理由如下：${contentClause(r.decisionReason ?? '该部分内容属于依法不予公开的情形')}。`,
      );
      break;
    case 'withheld':
      if (code === 'withheld.query_matter') {
        out.push(
          `${you}申请获取的政府信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。${why}根据${basis}的规定，本机关不予公开，请${you}依照有关法律、行政法规的规定办理。`,
        );
      } else {
        out.push(`${you}申请获取的政府信息${WITHHELD_GROUNDS[code] ?? o.label}，属于依法不予公开的情形。${why}根据${basis}的规定，本机关决定不予公开。`);
      }
      break;
    case 'unavailable':
      if (code === 'unavailable.not_held') {
        out.push(`经检索，本机关没有${you}所申请公开的政府信息。${why}根据${basis}的规定，告知${you}该政府信息不存在。`);
      } else if (code === 'unavailable.not_ours') {
        if (!r.holderAgency)
          throw new AppError('conflict', '答复书须写明负责公开该政府信息的行政机关（条例第三十六条第（五）项），本申请没有登记该机关，不能生成答复书', {
            fields: { holderAgency: '没有登记负责公开的行政机关' },
          });
        out.push(
          `${you}所申请公开的政府信息不属于本机关负责公开。${why}根据${basis}的规定，告知${you}：负责公开该政府信息的行政机关为${r.holderAgency}${r.holderContact ? `，联系方式：${contentClause(r.holderContact)}` : ''}，${you}可以向该机关提出申请。`,
        );
      } else if (code === 'unavailable.needs_creation') {
        out.push(`${you}申请获取的政府信息本机关没有现成信息，需要对现有政府信息进行加工、分析才能形成。${why}根据${basis}的规定，本机关不予提供。`);
      } else {
        out.push(
          `本机关已于${r.correctionSentOn ? cn(r.correctionSentOn) : '此前'}告知${you}补正申请，${you}于${r.correctedOn ? cn(r.correctedOn) : '此后'}提交的补正后的申请内容仍不明确，本机关无法确定${you}所需的政府信息。${why}根据${basis}的规定，本机关无法提供该政府信息。`,
        );
      }
      break;
    case 'not_processed': {
      const text = NOT_PROCESSED_TEXT[code]?.(you) ?? `${you}的申请属于“${o.label}”的情形，本机关不予处理`;
      out.push(`${text}。${why}根据${basis}的规定作此答复。`);
      break;
    }
    case 'other':
      if (code === 'other.no_correction') {
        out.push(
          `本机关已于${r.correctionSentOn ? cn(r.correctionSentOn) : '此前'}向${you}发出补正告知书，要求于${r.correctionDeadline ? cn(r.correctionDeadline) : '规定期限'}前补正。${you}无正当理由逾期未补正，根据${basis}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        );
      } else if (code === 'other.unpaid_fee') {
        out.push(
          `本机关已于${r.feeNoticeOn ? cn(r.feeNoticeOn) : '此前'}向${you}发出收费通知，要求${opts.feeDeadline ? `不晚于${dateText(opts.feeDeadline)}` : `在${opts.feePayDays ?? 20}个工作日内`}缴纳信息处理费${r.feeAmount ? `${Number(r.feeAmount)}元` : ''}。${you}逾期未缴纳，根据${basis}和《政府信息公开信息处理费管理办法》的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        );
      } else {
        out.push(`本机关对${you}的申请作如下处理：${contentClause(r.decisionReason ?? '依法作其他处理')}。`);
      }
      break;
  }
  out.push(...remedySentences(code, you, opts.organs));
  out.push(...provisionalParagraphs(opts.feeDeadline));
  out.push('特此告知。');
  return out;
}
