/**
 * Codes of the annual report (政府信息公开工作年度报告) with their Chinese names, with no imports but the
 * module's and the disputes module's labels: the two templates, the kinds of section 三 rows, section 四's groups and
 * columns, the consistency rules. templates.ts, checks.ts, the contracts and the web read them.
 */
import { APPLICANT_TYPES, type ApplicantType } from '../labels.js';
import { DISPUTE_KIND_LABELS, DISPUTE_KINDS, DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeKind, type DisputeOutcome } from '../../disputes/labels.js';

export { DISPUTE_KIND_LABELS, DISPUTE_KINDS, DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeKind, type DisputeOutcome };

export const TEMPLATE_IDS = ['2019', '2021'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const isTemplateId = (s: unknown): s is TemplateId => typeof s === 'string' && (TEMPLATE_IDS as readonly string[]).includes(s);

/** The templates as a picker names them. */
export const TEMPLATE_NAMES: Record<TemplateId, string> = {
  '2019': '2019 试行格式（国办公开办函〔2019〕60号，2019–2020 年度）',
  '2021': '2021 格式（国办公开办函〔2021〕30号，2021 年度起）',
};

/**
 * - received 一 本年新收; carried_in 二 上年结转; carried_out 四 结转下年度继续办理;
 * - heading: a row that only groups others (三 本年度办理结果, （三）不予公开 …) and holds no numbers;
 * - outcome: a leaf of 三 fed by outcome codes; total: （七）总计 = the sum of the outcome rows.
 */
export const SECTION3_ROW_KINDS = ['received', 'carried_in', 'heading', 'outcome', 'total', 'carried_out'] as const;
export type Section3RowKind = (typeof SECTION3_ROW_KINDS)[number];

/** Section 三's columns: the six applicant types, and the total. */
export type Section3ColumnKey = ApplicantType | 'total';
export const SECTION3_COLUMN_KEYS: readonly Section3ColumnKey[] = [...APPLICANT_TYPES, 'total'];

/** Section 四's columns: the outcome on 31 December, and the total. */
export const SECTION4_COLUMN_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type Section4ColumnKey = (typeof SECTION4_COLUMN_KEYS)[number];

/** The rules a table is checked against (checks.ts). */
export const CHECK_RULES = ['blank', 'invalid', 'unknown_row', 'balance', 'outcome_total', 'applicant_total', 'section4_total'] as const;
export type CheckRule = (typeof CHECK_RULES)[number];
export const CHECK_RULE_LABELS: Record<CheckRule, string> = {
  blank: '空格',
  invalid: '非整数',
  unknown_row: '多余的行',
  balance: '一＋二＝（七）＋四',
  outcome_total: '（七）总计＝各项办理结果之和',
  applicant_total: '总计＝六类申请人之和',
  section4_total: '总计＝维持＋纠正＋其他＋尚未审结',
};
