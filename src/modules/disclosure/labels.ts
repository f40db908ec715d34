/**
 * 政府信息公开申请的办理结果、申请人类型和申请渠道（《中华人民共和国政府信息公开条例》2019 年修订，
 * RULES.md §2），and the other codes of the module with their Chinese names: the application's
 * statuses, how disclosed information is provided, consultations, letters. Everything here is data
 * with no imports at all: the annual-report templates, the services, the contracts and the web
 * (`@server/modules/disclosure/labels`) read it.
 *
 * Each application gets exactly one outcome; each outcome feeds exactly one row of section 三 of the
 * annual report (in template 2019 the three `other.*` outcomes share the single （六）其他处理 row; in
 * both templates `unavailable.not_held` (36(四)) and `unavailable.not_ours` (36(五)) share the row
 * 本机关不掌握相关政府信息).
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
  'unavailable.not_ours',
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
  // 第三十六条第（四）项 and 第（五）项 are two outcomes with their own letters; the report has one row
  // for both (本机关不掌握相关政府信息), so both share that row's text as `label`.
  def('unavailable.not_held', 'unavailable', '本机关不掌握相关政府信息', ['第三十六条第（四）项'], {
    shortLabel: '信息不存在',
    note: '经检索没有所申请公开的信息',
  }),
  def('unavailable.not_ours', 'unavailable', '本机关不掌握相关政府信息', ['第三十六条第（五）项'], {
    shortLabel: '非本机关负责公开',
    note: '不属于本机关负责公开；须告知负责公开该信息的行政机关的名称、联系方式',
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

export const OUTCOME_BY_CODE: Readonly<Record<OutcomeCode, OutcomeDef>> = Object.fromEntries(OUTCOMES.map((o) => [o.code, o])) as Record<
  OutcomeCode,
  OutcomeDef
>;

export const isOutcomeCode = (s: unknown): s is OutcomeCode => typeof s === 'string' && (OUTCOME_CODES as readonly string[]).includes(s);

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

export const isApplicantType = (s: unknown): s is ApplicantType => typeof s === 'string' && (APPLICANT_TYPES as readonly string[]).includes(s);

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

// ---------------------------------------------------------------------------------------------
// The outcomes as section 三 groups them (the outcome select, the decision summary)

const GROUP_MARKS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'] as const;

/** An outcome as a choice: its group's row text and numbering, and a label that tells apart two outcomes of one row. */
export interface OutcomeChoice {
  readonly code: OutcomeCode;
  /** 1.属于国家秘密; 1.本机关不掌握相关政府信息（信息不存在）; the group's own name when it has one outcome. */
  readonly label: string;
  /** 政府信息公开条例 articles, e.g. 第十四条、第三十六条第（三）项. */
  readonly basis: string;
}
export interface OutcomeGroupChoice {
  readonly group: OutcomeGroup;
  /** （三）不予公开. */
  readonly label: string;
  readonly outcomes: readonly OutcomeChoice[];
}

/** The six groups of section 三 with their outcomes in report order, numbered as the report numbers its rows. */
export const OUTCOME_CHOICES: readonly OutcomeGroupChoice[] = OUTCOME_GROUPS.map((group, gi) => {
  const defs = OUTCOMES.filter((o) => o.group === group);
  const rowTexts = [...new Set(defs.map((o) => o.label))];
  const outcomes = defs.map((o) => {
    const shared = defs.filter((x) => x.label === o.label).length > 1;
    const text = shared ? `${o.label}（${o.shortLabel}）` : o.label;
    return { code: o.code, label: defs.length > 1 ? `${rowTexts.indexOf(o.label) + 1}.${text}` : text, basis: o.articles.join('、') };
  });
  return { group, label: `${GROUP_MARKS[gi]}${OUTCOME_GROUP_LABELS[group]}`, outcomes };
});

/** An outcome with its group, as the record and lists name it (不予公开：属于国家秘密; 予以公开). */
export const OUTCOME_LABELS: Readonly<Record<OutcomeCode, string>> = Object.fromEntries(
  OUTCOME_CHOICES.flatMap((g) =>
    g.outcomes.map((o) => [
      o.code,
      g.outcomes.length > 1 ? `${OUTCOME_GROUP_LABELS[g.group]}：${o.label.replace(/^\d+\./, '')}` : OUTCOME_GROUP_LABELS[g.group],
    ]),
  ),
) as Record<OutcomeCode, string>;

// ---------------------------------------------------------------------------------------------
// The application

/** processing 办理中 → awaiting_correction 待补正 / consulting 征求意见中 → decided 已答复. */
export const APPLICATION_STATUSES = ['processing', 'awaiting_correction', 'consulting', 'decided'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  processing: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  decided: '已答复',
};

/** Where an application came from: the desk, the portal, an imported register. */
export const APPLICATION_SOURCES = ['desk', 'portal', 'import'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];
export const APPLICATION_SOURCE_LABELS: Record<ApplicationSource, string> = { desk: '窗口登记', portal: '门户在线申请', import: '批量导入' };

/** 予以公开 / 部分公开: how the applicant gets the information (条例第三十六条第（一）（二）项). */
export const ACCESS_MODES = ['attached', 'published', 'arranged'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
export const ACCESS_MODE_LABELS: Record<AccessMode, string> = {
  attached: '随答复书一并提供',
  published: '已主动公开，告知获取的方式和途径',
  arranged: '告知获取的方式、途径和时间',
};

/** Whom a consultation asks (条例第三十二条 a third party, 第三十四条 another agency). */
export const CONSULTATION_KINDS = ['third_party', 'agency'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const CONSULTATION_KIND_LABELS: Record<ConsultationKind, string> = { third_party: '第三方', agency: '其他机关' };
/** A third party's kind, when known: its letter says 你 (natural) or 你单位 (organisation), else 贵方. */
export const PARTY_TYPES = ['natural', 'organisation'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** What a user may do to an application now (the detail lists them: pages offer only these). */
export const APPLICATION_ACTIONS = [
  'correction',
  'corrected',
  'consult',
  'consultEnd',
  'extension',
  'extensionRequest',
  'extensionDecision',
  'decision',
  'fee',
  'feeServed',
  'feePaid',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Letters (.docx) of an application

export const LETTER_KINDS = ['receipt', 'correction', 'extension', 'consultation', 'reply', 'fee'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The title each letter bears. */
export const LETTER_TITLES: Record<LetterKind, string> = {
  receipt: '政府信息公开申请受理回执',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consultation: '征求第三方意见函',
  reply: '政府信息公开申请答复书',
  fee: '政府信息公开信息处理费收费通知',
};
/** Short names (buttons, the record). */
export const LETTER_LABELS: Record<LetterKind, string> = {
  receipt: '受理回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  consultation: '征求意见函',
  reply: '答复书',
  fee: '收费通知',
};

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const DISCLOSURE_ACTIONS = ['disclosure.read', 'disclosure.handle', 'disclosure.approve'] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
