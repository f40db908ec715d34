/**
 * 政府信息公开申请的办理结果、申请人类型和申请渠道（《中华人民共和国政府信息公开条例》2019 年修订，
 * RULES.md §2）。Everything here is data: the annual-report templates (report-templates.ts) and the
 * future service layer read it, the UI shows its labels.
 *
 * Each application gets exactly one outcome; each outcome feeds exactly one row of section 三 of the
 * annual report (in template 2019 the three `other.*` outcomes share the single （六）其他处理 row).
 */

/** The six groups of section 三 （一）…（六）. */
export const OUTCOME_GROUPS = ['disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export const OUTCOME_GROUP_LABELS: Readonly<Record<OutcomeGroup, string>> = {
  disclosed: '予以公开',
  partial: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

export const OUTCOME_CODES = [
  'disclosed',
  'partial',
  'withheld.state_secret',
  'withheld.law_prohibited',
  'withheld.three_safety',
  'withheld.third_party',
  'withheld.internal_affairs',
  'withheld.process_info',
  'withheld.enforcement_file',
  'withheld.query_matter',
  'unavailable.not_held',
  'unavailable.needs_creation',
  'unavailable.unclear_after_correction',
  'not_processed.petition',
  'not_processed.duplicate',
  'not_processed.publication',
  'not_processed.excessive',
  'not_processed.confirmation',
  'other.no_correction',
  'other.unpaid_fee',
  'other.other',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export interface OutcomeDef {
  readonly code: OutcomeCode;
  readonly group: OutcomeGroup;
  /** Its row's text in section 三 of the report, without the numbering (e.g. 属于国家秘密). */
  readonly label: string;
  /** A short form for lists and tags; equals `label` unless the row text is long. */
  readonly shortLabel: string;
  /** The articles of 政府信息公开条例 (2019) it rests on, e.g. 第十四条. */
  readonly articles: readonly string[];
  /** Where the basis needs a word of explanation. */
  readonly note?: string;
}

const def = (
  code: OutcomeCode,
  group: OutcomeGroup,
  label: string,
  articles: readonly string[],
  extra: { shortLabel?: string; note?: string } = {},
): OutcomeDef => ({ code, group, label, shortLabel: extra.shortLabel ?? label, articles, ...(extra.note ? { note: extra.note } : {}) });

/** In the order of the report rows. */
export const OUTCOMES: readonly OutcomeDef[] = [
  def('disclosed', 'disclosed', '予以公开', ['第三十六条第（一）项', '第三十六条第（二）项'], {
    note: '已主动公开的告知获取方式和途径；可以公开的向申请人提供或告知获取方式、途径和时间',
  }),
  def('partial', 'partial', '部分公开（区分处理的，只计这一情形，不计其他情形）', ['第三十七条'], {
    shortLabel: '部分公开',
  }),
  def('withheld.state_secret', 'withheld', '属于国家秘密', ['第十四条', '第三十六条第（三）项']),
  def('withheld.law_prohibited', 'withheld', '其他法律行政法规禁止公开', ['第十四条', '第三十六条第（三）项']),
  def('withheld.three_safety', 'withheld', '危及“三安全一稳定”', ['第十四条', '第三十六条第（三）项'], {
    note: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  }),
  def('withheld.third_party', 'withheld', '保护第三方合法权益', ['第十五条', '第三十二条', '第三十六条第（三）项'], {
    note: '商业秘密、个人隐私等；第三方不同意公开且不公开不会对公共利益造成重大影响的，不予公开',
  }),
  def('withheld.internal_affairs', 'withheld', '属于三类内部事务信息', ['第十六条第一款', '第三十六条第（三）项'], {
    note: '人事管理、后勤管理、内部工作流程',
  }),
  def('withheld.process_info', 'withheld', '属于四类过程性信息', ['第十六条第二款', '第三十六条第（三）项'], {
    note: '讨论记录、过程稿、磋商信函、请示报告',
  }),
  def('withheld.enforcement_file', 'withheld', '属于行政执法案卷', ['第十六条第二款', '第三十六条第（三）项']),
  def('withheld.query_matter', 'withheld', '属于行政查询事项', ['第三十六条第（七）项'], {
    note: '工商、不动产登记资料等，有关法律、行政法规对信息的获取有特别规定的，依照其规定办理',
  }),
  def('unavailable.not_held', 'unavailable', '本机关不掌握相关政府信息', ['第三十六条第（四）项', '第三十六条第（五）项'], {
    note: '经检索没有所申请公开信息，或不属于本机关负责公开',
  }),
  def('unavailable.needs_creation', 'unavailable', '没有现成信息需要另行制作', ['第三十八条'], {
    note: '需要对现有政府信息进行加工、分析的，可以不予提供',
  }),
  def('unavailable.unclear_after_correction', 'unavailable', '补正后申请内容仍不明确', ['第三十条']),
  def('not_processed.petition', 'not_processed', '信访举报投诉类申请', ['第三十九条第一款']),
  def('not_processed.duplicate', 'not_processed', '重复申请', ['第三十六条第（六）项']),
  def('not_processed.publication', 'not_processed', '要求提供公开出版物', ['第三十九条第二款']),
  def('not_processed.excessive', 'not_processed', '无正当理由大量反复申请', ['第三十五条']),
  def('not_processed.confirmation', 'not_processed', '要求行政机关确认或重新出具已获取信息', ['第三十九条'], {
    note: '条例未设专门条款；此行由年度报告格式设立，实务中参照第三十九条不作为政府信息公开申请处理',
  }),
  def('other.no_correction', 'other', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['第三十条'], {
    shortLabel: '逾期不补正',
    note: '无正当理由逾期不补正的，视为放弃申请（2021 年格式起单列为（六）1）',
  }),
  def('other.unpaid_fee', 'other', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['第四十二条'], {
    shortLabel: '逾期不缴费',
    note: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号，2021 年 1 月 1 日起施行）',
  }),
  def('other.other', 'other', '其他', []),
];

export const OUTCOME_BY_CODE: Readonly<Record<OutcomeCode, OutcomeDef>> = Object.fromEntries(
  OUTCOMES.map((o) => [o.code, o]),
) as Record<OutcomeCode, OutcomeDef>;

export const isOutcomeCode = (s: unknown): s is OutcomeCode =>
  typeof s === 'string' && (OUTCOME_CODES as readonly string[]).includes(s);

// ---------------------------------------------------------------------------------------------
// 申请人类型 (the applicant columns of section 三)

export const APPLICANT_TYPES = ['natural', 'business', 'research', 'public_interest', 'legal_service', 'other'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

/** The report groups every type but 自然人 under 法人或其他组织. */
export const APPLICANT_TYPE_GROUP: Readonly<Record<ApplicantType, string | null>> = {
  natural: null,
  business: '法人或其他组织',
  research: '法人或其他组织',
  public_interest: '法人或其他组织',
  legal_service: '法人或其他组织',
  other: '法人或其他组织',
};

export const isApplicantType = (s: unknown): s is ApplicantType =>
  typeof s === 'string' && (APPLICANT_TYPES as readonly string[]).includes(s);

// ---------------------------------------------------------------------------------------------
// 申请渠道 and the receipt date (收到申请之日, 条例第三十一条)

export const CHANNELS = ['online', 'letter', 'in_person', 'fax_email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The event whose date is the receipt date:
 * - `handed_in`: the day the applicant hands it in;
 * - `signed_for`: the day the agency signs for the post;
 * - `confirmed`: the day both sides confirm (the agency confirms with the applicant).
 */
export type ReceiptEvent = 'handed_in' | 'signed_for' | 'confirmed';

export interface ChannelDef {
  readonly code: Channel;
  readonly label: string;
  readonly receipt: {
    readonly event: ReceiptEvent;
    /** Used when the main event cannot happen (ordinary letters that need no signature). */
    readonly fallback?: ReceiptEvent;
    readonly article: string;
    readonly rule: string;
  };
}

export const CHANNEL_DEFS: Readonly<Record<Channel, ChannelDef>> = {
  in_person: {
    code: 'in_person',
    label: '当面提交',
    receipt: { event: 'handed_in', article: '第三十一条第（一）项', rule: '以提交之日为收到申请之日' },
  },
  letter: {
    code: 'letter',
    label: '信函邮寄',
    receipt: {
      event: 'signed_for',
      fallback: 'confirmed',
      article: '第三十一条第（二）项',
      rule: '以行政机关签收之日为收到申请之日；以平常信函等无需签收的方式邮寄的，政府信息公开工作机构应当于收到当日与申请人确认，确认之日为收到申请之日',
    },
  },
  online: {
    code: 'online',
    label: '互联网在线申请',
    receipt: { event: 'confirmed', article: '第三十一条第（三）项', rule: '以双方确认之日为收到申请之日' },
  },
  fax_email: {
    code: 'fax_email',
    label: '传真、电子邮件',
    receipt: { event: 'confirmed', article: '第三十一条第（三）项', rule: '以双方确认之日为收到申请之日' },
  },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: CHANNEL_DEFS.online.label,
  letter: CHANNEL_DEFS.letter.label,
  in_person: CHANNEL_DEFS.in_person.label,
  fax_email: CHANNEL_DEFS.fax_email.label,
};

export const isChannel = (s: unknown): s is Channel => typeof s === 'string' && (CHANNELS as readonly string[]).includes(s);

/**
 * The receipt date of an application from the dates of the events recorded for it, by the
 * channel's rule; null while the deciding event has not happened (the clock has not started).
 */
export function receiptDate(channel: Channel, events: Partial<Record<ReceiptEvent, string | null>>): string | null {
  const { event, fallback } = CHANNEL_DEFS[channel].receipt;
  return events[event] ?? (fallback ? (events[fallback] ?? null) : null);
}
