/**
 * Shapes and labels of /api/disclosure/*, /api/disputes/* and /api/public/disclosure/* as the pages
 * read them (see the server's src/modules/disclosure and src/modules/disputes contracts and services).
 */
import type { DueState } from './types';

// ---------------------------------------------------------------------------------------------
// Codes and their labels (政府信息公开条例 2019)

export type Channel = 'online' | 'letter' | 'in_person' | 'fax_email';
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: '当面提交',
  letter: '信函邮寄',
  fax_email: '传真、电子邮件',
  online: '互联网在线申请',
};
/** 条例第三十一条: which day is the receipt date, by channel. */
export const CHANNEL_RECEIPT_RULES: Record<Channel, string> = {
  in_person: '第三十一条第（一）项：以提交之日为收到申请之日',
  letter: '第三十一条第（二）项：以行政机关签收之日为收到申请之日；平常信函等无需签收的，以与申请人确认之日为收到申请之日',
  fax_email: '第三十一条第（三）项：以双方确认之日为收到申请之日',
  online: '第三十一条第（三）项：以双方确认之日为收到申请之日',
};

export type ApplicantType = 'natural' | 'business' | 'research' | 'public_interest' | 'legal_service' | 'other';
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};
/** Options grouped as the report's columns: 自然人 | 法人或其他组织. */
export const APPLICANT_TYPE_OPTIONS = [
  { label: '自然人', options: [{ value: 'natural', label: '自然人' }] },
  {
    label: '法人或其他组织',
    options: (['business', 'research', 'public_interest', 'legal_service', 'other'] as const).map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] })),
  },
];

export type ApplicationStatus = 'processing' | 'awaiting_correction' | 'consulting' | 'decided';
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  processing: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  decided: '已答复',
};
export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  processing: 'blue',
  awaiting_correction: 'orange',
  consulting: 'purple',
  decided: 'green',
};

export type OutcomeCode =
  | 'disclosed'
  | 'partial'
  | 'withheld.state_secret'
  | 'withheld.law_prohibited'
  | 'withheld.three_safety'
  | 'withheld.third_party'
  | 'withheld.internal_affairs'
  | 'withheld.process_info'
  | 'withheld.enforcement_file'
  | 'withheld.query_matter'
  | 'unavailable.not_held'
  | 'unavailable.needs_creation'
  | 'unavailable.unclear_after_correction'
  | 'not_processed.petition'
  | 'not_processed.duplicate'
  | 'not_processed.publication'
  | 'not_processed.excessive'
  | 'not_processed.confirmation'
  | 'other.no_correction'
  | 'other.unpaid_fee'
  | 'other.other';

/** The statutory taxonomy in the order and grouping of section 三 of the annual report. */
export const OUTCOME_GROUPS: { key: string; label: string; items: { code: OutcomeCode; label: string; basis: string }[] }[] = [
  { key: 'disclosed', label: '（一）予以公开', items: [{ code: 'disclosed', label: '予以公开', basis: '第三十六条第（一）（二）项' }] },
  { key: 'partial', label: '（二）部分公开', items: [{ code: 'partial', label: '部分公开（区分处理的，只计这一情形）', basis: '第三十七条' }] },
  {
    key: 'withheld',
    label: '（三）不予公开',
    items: [
      { code: 'withheld.state_secret', label: '1.属于国家秘密', basis: '第十四条' },
      { code: 'withheld.law_prohibited', label: '2.其他法律行政法规禁止公开', basis: '第十四条' },
      { code: 'withheld.three_safety', label: '3.危及“三安全一稳定”', basis: '第十四条' },
      { code: 'withheld.third_party', label: '4.保护第三方合法权益', basis: '第十五条' },
      { code: 'withheld.internal_affairs', label: '5.属于三类内部事务信息', basis: '第十六条第一款' },
      { code: 'withheld.process_info', label: '6.属于四类过程性信息', basis: '第十六条第二款' },
      { code: 'withheld.enforcement_file', label: '7.属于行政执法案卷', basis: '第十六条第二款' },
      { code: 'withheld.query_matter', label: '8.属于行政查询事项', basis: '第三十六条第（七）项' },
    ],
  },
  {
    key: 'unavailable',
    label: '（四）无法提供',
    items: [
      { code: 'unavailable.not_held', label: '1.本机关不掌握相关政府信息', basis: '第三十六条第（四）（五）项' },
      { code: 'unavailable.needs_creation', label: '2.没有现成信息需要另行制作', basis: '第三十八条' },
      { code: 'unavailable.unclear_after_correction', label: '3.补正后申请内容仍不明确', basis: '第三十条' },
    ],
  },
  {
    key: 'not_processed',
    label: '（五）不予处理',
    items: [
      { code: 'not_processed.petition', label: '1.信访举报投诉类申请', basis: '第三十九条第一款' },
      { code: 'not_processed.duplicate', label: '2.重复申请', basis: '第三十六条第（六）项' },
      { code: 'not_processed.publication', label: '3.要求提供公开出版物', basis: '第三十九条第二款' },
      { code: 'not_processed.excessive', label: '4.无正当理由大量反复申请', basis: '第三十五条' },
      { code: 'not_processed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', basis: '参照第三十九条' },
    ],
  },
  {
    key: 'other',
    label: '（六）其他处理',
    items: [
      { code: 'other.no_correction', label: '1.申请人无正当理由逾期不补正', basis: '第三十条' },
      { code: 'other.unpaid_fee', label: '2.申请人逾期未按收费通知要求缴纳费用', basis: '第四十二条' },
      { code: 'other.other', label: '3.其他', basis: '' },
    ],
  },
];

export const OUTCOME_LABELS: Record<string, string> = Object.fromEntries(
  OUTCOME_GROUPS.flatMap((g) => g.items.map((i) => [i.code, g.items.length > 1 ? `${g.label.slice(3)}：${i.label.replace(/^\d+\./, '')}` : g.label.slice(3)])),
);

// ---------------------------------------------------------------------------------------------
// Applications

export interface ApplicationListItem {
  id: string;
  orgId: string;
  trackingCode: string;
  channel: Channel;
  channelLabel: string;
  source: string;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantTypeLabel: string;
  applicantName: string;
  idType: string | null;
  idNumberMasked: string | null;
  content: string;
  status: ApplicationStatus;
  statusLabel: string;
  decidedOn: string | null;
  outcome: OutcomeCode | null;
  outcomeLabel: string | null;
  correctionLate: boolean;
}

/** A list row also carries its reply clock (`unknown` when the calendar year is not entered). */
export interface ApplicationRow extends ApplicationListItem {
  due: string | null;
  clockState: DueState | 'unknown';
}

export interface ClockView {
  due: string | null;
  state: DueState;
  daysLeft: number | null;
  totalDays: number;
  effectiveStart: string;
  explanation: string[];
}

export interface ConsultationView {
  id: string;
  kind: 'third_party' | 'agency';
  kindLabel: string;
  party: string;
  from: string;
  to?: string;
  clock: ClockView;
}

export interface ApplicationDetail extends ApplicationListItem {
  idNumber: string | null;
  contact: string | null;
  formRequested: string | null;
  receiptRule: string;
  correction: { sentOn: string; deadline: string | null; items: string | null; late: boolean; correctedOn: string | null } | null;
  consultations: ConsultationView[];
  extension: { days: number; reason: string | null; approvedBy: string | null; approvedByName: string | null; approvedOn: string | null; noticeOn: string | null } | null;
  fee: {
    method: 'item' | 'page' | string;
    units?: number | null;
    amount: string | null;
    explanation?: string[] | string | null;
    /** The marginal bands charged, from the server. */
    bands?: { from: number; to: number; count: number; unitPrice: number; subtotal: number }[];
    noticeOn?: string | null;
    payBy?: string | null;
    paidOn: string | null;
  } | null;
  clock: ClockView;
  createdAt: string;
  updatedAt: string;
}

export interface DuplicateWarning {
  code: 'duplicate';
  message: string;
  applications: { id: string; trackingCode: string; receivedOn: string }[];
}

export interface CreatedApplication {
  application: ApplicationDetail;
  warnings: DuplicateWarning[];
}

export interface ApplicationImportError {
  row: number;
  field: string;
  value: unknown;
  reason: string;
}

export interface ApplicationImportResult {
  created: number;
  decided: number;
  open: number;
}

/** Letters (.docx) of an application: GET /api/disclosure/applications/:id/letters/:kind.docx */
export type LetterKind = 'receipt' | 'correction' | 'extension' | 'consultation' | 'reply' | 'fee';
export const LETTER_LABELS: Record<LetterKind, string> = {
  receipt: '受理回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  consultation: '征求意见函',
  reply: '答复书',
  fee: '收费通知',
};

/** GET /api/disclosure/applications/:id/letters — letters issued so far (文号、日期). */
export interface IssuedLetter {
  kind: LetterKind;
  title: string;
  consultationId: string | null;
  docNumber: string;
  issuedOn: string;
}

// ---------------------------------------------------------------------------------------------
// Annual report tables

export interface CellRef {
  section: '三' | '四';
  row: string;
  rowLabel: string;
  column: string;
  columnLabel: string;
}

export interface CheckFailure {
  rule: 'blank' | 'invalid' | 'unknown_row' | 'balance' | 'outcome_total' | 'applicant_total' | 'section4_total';
  cells: CellRef[];
  left: number | null;
  right: number | null;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  failures: CheckFailure[];
}

export const CHECK_RULE_LABELS: Record<CheckFailure['rule'], string> = {
  blank: '空格',
  invalid: '非整数',
  unknown_row: '多余的行',
  balance: '一＋二＝（七）＋四',
  outcome_total: '（七）总计＝各项办理结果之和',
  applicant_total: '总计＝六类申请人之和',
  section4_total: '总计＝维持＋纠正＋其他＋尚未审结',
};

export type Section3ColumnKey = ApplicantType | 'total';

export interface Section3Column {
  key: Section3ColumnKey;
  label: string;
  group: string | null;
}

export interface Section3Row {
  key: string;
  label: string;
  fullLabel: string;
  kind: 'received' | 'carried_in' | 'heading' | 'outcome' | 'total' | 'carried_out';
  level: 0 | 1 | 2;
  parent: string | null;
  cells: Partial<Record<Section3ColumnKey, number | null>> | null;
}

export type DisputeKind = 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration';
export type Section4ColumnKey = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';

export interface Section2Block {
  key: string;
  item: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; drillKey?: string; cells: Record<string, number | null> }[];
}

export interface AnnualReportTables {
  year: number;
  org: { id: string; name: string };
  template: { id: '2019' | '2021'; name: string; source: string };
  section2: { source: string | null; note?: string | null; blocks: Section2Block[] } | null;
  section3: { columns: Section3Column[]; rows: Section3Row[] };
  section4: {
    groups: { key: DisputeKind; label: string; parent: string | null; fullLabel: string }[];
    columns: { key: Section4ColumnKey; label: string }[];
    rows: { key: DisputeKind; label: string; fullLabel: string; parent: string | null; cells: Record<Section4ColumnKey, number | null> }[];
  };
  checks: { ok: boolean; section3: CheckResult; section4: CheckResult };
}

/** An entry of the proactive-disclosure register (主动公开目录), as a section-二 drill-down lists it. */
export interface RegisterEntryView {
  id: string;
  categoryLabel: string;
  item: string | null;
  entryKindLabel: string;
  title: string;
  docNumber: string | null;
  link: string | null;
  madeOn: string;
  publishedOn: string | null;
  abolishedOn: string | null;
  amount: number | null;
}

export interface CellDrillDown {
  year: number;
  section: '二' | '三' | '四';
  row: { key: string; label: string };
  column: { key: string; label: string };
  count: number;
  kind: 'application' | 'dispute' | 'register';
  value?: number;
  items: (ApplicationListItem | DisputeView | RegisterEntryView)[];
  page: number;
  pageSize: number;
}

export interface ExternalCheckResult {
  ok: boolean;
  templateId: '2019' | '2021';
  templateYear: { ok: true; expected: '2019' | '2021' } | { ok: false; expected: '2019' | '2021' | null; message: string };
  read?: { detectedTemplate: '2019' | '2021'; missingRows: string[] };
  blankCells: CellRef[];
  section3: CheckResult;
  section4: CheckResult;
  failingCells: string[];
}

export const TEMPLATE_NAMES: Record<'2019' | '2021', string> = {
  '2019': '2019 试行格式（国办公开办函〔2019〕60号，2019–2020 年度）',
  '2021': '2021 格式（国办公开办函〔2021〕30号，2021 年度起）',
};

// ---------------------------------------------------------------------------------------------
// Disputes (行政复议、行政诉讼)

export type DisputeOutcome = 'upheld' | 'corrected' | 'other' | 'pending';
export const DISPUTE_KIND_LABELS: Record<DisputeKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = { upheld: '维持', corrected: '纠正', other: '其他', pending: '尚未审结' };
export const DISPUTE_OUTCOME_COLORS: Record<DisputeOutcome, string> = { upheld: 'green', corrected: 'red', other: 'default', pending: 'blue' };

export interface DisputeView {
  id: string;
  orgId: string;
  kind: DisputeKind;
  kindLabel: string;
  caseNo: string | null;
  subject: string | null;
  filedOn: string;
  outcome: DisputeOutcome;
  outcomeLabel: string;
  closedOn: string | null;
  applicationId: string | null;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Portal

export interface PortalApplyResult {
  trackingCode: string;
  orgName: string;
  receivedOn: string;
  expectedReplyDate: string | null;
  message: string;
}

export interface PortalTrackResult {
  trackingCode: string;
  receivedOn: string;
  status: ApplicationStatus;
  statusLabel: string;
  expectedReplyDate: string | null;
  extended: boolean;
  awaitingCorrection: boolean;
  correctionDeadline: string | null;
  decidedOn: string | null;
}

/** A published (frozen) version of the annual report, as the back office lists it. */
export interface PublishedReportSummary {
  id: string;
  org: { id: string; name: string };
  year: number;
  version: number;
  templateId: '2019' | '2021';
  reason: string | null;
  supersedes: string | null;
  supersededBy: string | null;
  superseded: boolean;
  publishedAt: string;
  publishedByName?: string;
  publicUrl?: string;
}

export interface ReportPublications {
  year: number;
  org: { id: string; name: string };
  current: PublishedReportSummary | null;
  versions: PublishedReportSummary[];
}

/** The frozen report on the portal: the tables as GET …/tables returned them when it was published. */
export interface PublishedReport extends PublishedReportSummary {
  tables: AnnualReportTables & { section6?: { feesApplicable: boolean; feesCollected: { amount: number; applications: number }; note: string } };
  narrative: { overview: string; problems: string; other: string };
}
