/**
 * 政府信息公开工作年度报告格式 (条例第四十九、五十条; RULES.md §2), both templates as data:
 * - template 2019: 《中华人民共和国政府信息公开工作年度报告格式（试行）》(国办公开办函〔2019〕60号),
 *   report years 2019–2020 (the 营口 2020 seed);
 * - template 2021: 《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号),
 *   report years 2021 on.
 * Reports for years before 2019 followed the 2008 条例 and are refused.
 *
 * Row texts are as the published report tables read (full-width brackets, `1.` numbering).
 */
import { AppError } from '../../../kernel/http/errors.js';
import { APPLICANT_TYPE_GROUP, APPLICANT_TYPE_LABELS, APPLICANT_TYPES, OUTCOME_BY_CODE, type OutcomeCode } from '../labels.js';
import {
  DISPUTE_KINDS,
  type DisputeKind,
  isTemplateId,
  SECTION3_COLUMN_KEYS,
  SECTION4_COLUMN_KEYS,
  type Section3ColumnKey,
  type Section3RowKind,
  type Section4ColumnKey,
  TEMPLATE_IDS,
  type TemplateId,
} from './labels.js';

export {
  isTemplateId,
  SECTION3_COLUMN_KEYS,
  SECTION4_COLUMN_KEYS,
  type Section3ColumnKey,
  TEMPLATE_IDS,
  DISPUTE_KINDS,
  type DisputeKind,
  type Section3RowKind,
  type Section4ColumnKey,
  type TemplateId,
};

export interface Labelled<K extends string = string> {
  readonly key: K;
  readonly label: string;
}

// ---------------------------------------------------------------------------------------------
// Section 二 主动公开政府信息情况

export interface Section2Block {
  /** e.g. `s2.item1` for 第二十条第（一）项. */
  readonly key: string;
  readonly item: string;
  readonly columns: readonly Labelled[];
  readonly rows: readonly Labelled[];
}

// ---------------------------------------------------------------------------------------------
// Section 三 收到和处理政府信息公开申请情况

export interface Section3Column extends Labelled<Section3ColumnKey> {
  /** 法人或其他组织 for the five organisation columns. */
  readonly group: string | null;
}

export const SECTION3_COLUMNS: readonly Section3Column[] = [
  ...APPLICANT_TYPES.map((t) => ({ key: t, label: APPLICANT_TYPE_LABELS[t], group: APPLICANT_TYPE_GROUP[t] })),
  { key: 'total', label: '总计', group: null },
];

export const SECTION3_COLUMN_LABELS: Readonly<Record<Section3ColumnKey, string>> = Object.fromEntries(SECTION3_COLUMNS.map((c) => [c.key, c.label])) as Record<
  Section3ColumnKey,
  string
>;

export interface Section3Row extends Labelled {
  readonly kind: Section3RowKind;
  /** 0 for 一…四, 1 for （一）…（七）, 2 for the numbered leaves. */
  readonly level: 0 | 1 | 2;
  readonly parent: string | null;
  /** The label with its group, unambiguous on its own: （三）不予公开 1.属于国家秘密. */
  readonly fullLabel: string;
  /** Outcome codes counted in this row (outcome rows only). */
  readonly outcomes: readonly OutcomeCode[];
}

// ---------------------------------------------------------------------------------------------
// Section 四 政府信息公开行政复议、行政诉讼情况

export interface Section4Group extends Labelled<DisputeKind> {
  /** 行政诉讼 for the two litigation groups. */
  readonly parent: string | null;
  readonly fullLabel: string;
}

export const SECTION4_GROUPS: readonly Section4Group[] = [
  { key: 'reconsideration', label: '行政复议', parent: null, fullLabel: '行政复议' },
  { key: 'litigation_direct', label: '未经复议直接起诉', parent: '行政诉讼', fullLabel: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation_after_reconsideration', label: '复议后起诉', parent: '行政诉讼', fullLabel: '行政诉讼（复议后起诉）' },
];

export const SECTION4_COLUMNS: readonly Labelled<Section4ColumnKey>[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

// ---------------------------------------------------------------------------------------------

export interface ReportTemplate {
  readonly id: TemplateId;
  readonly name: string;
  readonly source: string;
  /** Report years it applies to, inclusive; `to` null = open-ended. */
  readonly years: { readonly from: number; readonly to: number | null };
  readonly sections: readonly string[];
  readonly section2: readonly Section2Block[];
  readonly section3: { readonly columns: readonly Section3Column[]; readonly rows: readonly Section3Row[] };
  readonly section4: { readonly groups: readonly Section4Group[]; readonly columns: readonly Labelled<Section4ColumnKey>[] };
}

const cols = (...labels: [string, string][]): Labelled[] => labels.map(([key, label]) => ({ key, label }));

const SECTION2_2019: readonly Section2Block[] = [
  {
    key: 's2.item1',
    item: '第二十条第（一）项',
    columns: cols(['new_made', '本年新制作数量'], ['new_published', '本年新公开数量'], ['total_published', '对外公开总数量']),
    rows: cols(['regulations', '规章'], ['normative_documents', '规范性文件']),
  },
  {
    key: 's2.item5',
    item: '第二十条第（五）项',
    columns: cols(['prev_items', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']),
    rows: cols(['licensing', '行政许可'], ['other_services', '其他对外管理服务事项']),
  },
  {
    key: 's2.item6',
    item: '第二十条第（六）项',
    columns: cols(['prev_items', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']),
    rows: cols(['penalty', '行政处罚'], ['coercion', '行政强制']),
  },
  {
    key: 's2.item8',
    item: '第二十条第（八）项',
    columns: cols(['prev_items', '上一年项目数量'], ['change', '本年增/减']),
    rows: cols(['fees', '行政事业性收费']),
  },
  {
    key: 's2.item9',
    item: '第二十条第（九）项',
    columns: cols(['items', '采购项目数量'], ['amount', '采购总金额']),
    rows: cols(['procurement', '政府集中采购']),
  },
];

const SECTION2_2021: readonly Section2Block[] = [
  {
    key: 's2.item1',
    item: '第二十条第（一）项',
    columns: cols(['issued', '本年制发件数'], ['repealed', '本年废止件数'], ['in_force', '现行有效件数']),
    rows: cols(['regulations', '规章'], ['normative_documents', '行政规范性文件']),
  },
  {
    key: 's2.item5',
    item: '第二十条第（五）项',
    columns: cols(['decisions', '本年处理决定数量']),
    rows: cols(['licensing', '行政许可']),
  },
  {
    key: 's2.item6',
    item: '第二十条第（六）项',
    columns: cols(['decisions', '本年处理决定数量']),
    rows: cols(['penalty', '行政处罚'], ['coercion', '行政强制']),
  },
  {
    key: 's2.item8',
    item: '第二十条第（八）项',
    columns: cols(['fee_amount', '本年收费金额（万元）']),
    rows: cols(['fees', '行政事业性收费']),
  },
];

const CN_GROUP = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）'] as const;

function section3Rows(id: TemplateId): Section3Row[] {
  const rows: Section3Row[] = [];
  const top = (key: string, label: string, kind: Section3RowKind) => rows.push({ key, label, kind, level: 0, parent: null, fullLabel: label, outcomes: [] });
  const mid = (n: number, name: string, kind: Section3RowKind, outcomes: OutcomeCode[] = []) => {
    const label = `${CN_GROUP[n - 1]}${name}`;
    rows.push({ key: `s3.r3.${n}`, label, kind, level: 1, parent: 's3.r3', fullLabel: label, outcomes });
    return label;
  };
  /** One leaf row per entry; an entry of several codes is one row they all feed (its label is the first's). */
  const leaves = (n: number, groupLabel: string, entries: (OutcomeCode | OutcomeCode[])[]) =>
    entries.forEach((entry, i) => {
      const codes = Array.isArray(entry) ? entry : [entry];
      const label = `${i + 1}.${OUTCOME_BY_CODE[codes[0]!].label}`;
      rows.push({
        key: `s3.r3.${n}.${i + 1}`,
        label,
        kind: 'outcome',
        level: 2,
        parent: `s3.r3.${n}`,
        fullLabel: `${groupLabel} ${label}`,
        outcomes: codes,
      });
    });

  top('s3.r1', '一、本年新收政府信息公开申请数量', 'received');
  top('s3.r2', '二、上年结转政府信息公开申请数量', 'carried_in');
  top('s3.r3', '三、本年度办理结果', 'heading');
  mid(1, OUTCOME_BY_CODE.disclosed.label, 'outcome', ['disclosed']);
  mid(2, OUTCOME_BY_CODE.partial.label, 'outcome', ['partial']);
  leaves(3, mid(3, '不予公开', 'heading'), [
    'withheld.state_secret',
    'withheld.law_prohibited',
    'withheld.three_safety',
    'withheld.third_party',
    'withheld.internal_affairs',
    'withheld.process_info',
    'withheld.enforcement_file',
    'withheld.query_matter',
  ]);
  // 本机关不掌握相关政府信息 counts both 信息不存在 (36(四)) and 非本机关负责公开 (36(五)).
  leaves(4, mid(4, '无法提供', 'heading'), [
    ['unavailable.not_held', 'unavailable.not_ours'],
    'unavailable.needs_creation',
    'unavailable.unclear_after_correction',
  ]);
  leaves(5, mid(5, '不予处理', 'heading'), [
    'not_processed.petition',
    'not_processed.duplicate',
    'not_processed.publication',
    'not_processed.excessive',
    'not_processed.confirmation',
  ]);
  if (id === '2019') {
    // 试行格式: one row, fed by every `other.*` outcome.
    mid(6, '其他处理', 'outcome', ['other.no_correction', 'other.unpaid_fee', 'other.other']);
  } else {
    leaves(6, mid(6, '其他处理', 'heading'), ['other.no_correction', 'other.unpaid_fee', 'other.other']);
  }
  mid(7, '总计', 'total');
  top('s3.r4', '四、结转下年度继续办理', 'carried_out');
  return rows;
}

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const TEMPLATES: Readonly<Record<TemplateId, ReportTemplate>> = {
  '2019': {
    id: '2019',
    name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
    source: '国办公开办函〔2019〕60号',
    years: { from: 2019, to: 2020 },
    sections: SECTIONS,
    section2: SECTION2_2019,
    section3: { columns: SECTION3_COLUMNS, rows: section3Rows('2019') },
    section4: { groups: SECTION4_GROUPS, columns: SECTION4_COLUMNS },
  },
  '2021': {
    id: '2021',
    name: '中华人民共和国政府信息公开工作年度报告格式',
    source: '国办公开办函〔2021〕30号',
    years: { from: 2021, to: null },
    sections: SECTIONS,
    section2: SECTION2_2021,
    section3: { columns: SECTION3_COLUMNS, rows: section3Rows('2021') },
    section4: { groups: SECTION4_GROUPS, columns: SECTION4_COLUMNS },
  },
};

export const FIRST_REPORT_YEAR = 2019;

/** A template by id or the template itself. */
export type TemplateRef = TemplateId | ReportTemplate;

export function getTemplate(ref: TemplateRef): ReportTemplate {
  if (typeof ref !== 'string') return ref;
  const t = isTemplateId(ref) ? TEMPLATES[ref] : undefined;
  if (!t) throw new AppError('disclosure.unknown_template', `未知的年度报告格式“${String(ref)}”（可用：${TEMPLATE_IDS.join('、')}）`);
  return t;
}

function yearProblem(year: number): string | null {
  if (!Number.isInteger(year)) return `报告年度应为整数年份，实为“${String(year)}”`;
  if (year < FIRST_REPORT_YEAR) return `${year} 年度早于 2019 年修订的《政府信息公开条例》施行（2019 年 5 月 15 日），不适用现行年度报告格式`;
  return null;
}

/** The template a report year uses: 2019–2020 → 2019 (试行), ≥ 2021 → 2021; earlier years refused. */
export function templateForYear(year: number): ReportTemplate {
  const problem = yearProblem(year);
  if (problem) throw new AppError('disclosure.report_year_unsupported', problem);
  return year <= 2020 ? TEMPLATES['2019'] : TEMPLATES['2021'];
}

export type TemplateYearCheck =
  { readonly ok: true; readonly expected: TemplateId } | { readonly ok: false; readonly expected: TemplateId | null; readonly message: string };

/** Whether a report for `year` may use `templateId`; a mismatch says which template the year needs. */
export function checkTemplateMatchesYear(templateId: TemplateId, year: number): TemplateYearCheck {
  const problem = yearProblem(year);
  if (problem) return { ok: false, expected: null, message: problem };
  const expected = templateForYear(year).id;
  if (expected === templateId) return { ok: true, expected };
  const given = isTemplateId(templateId) ? `${TEMPLATES[templateId].name}（${TEMPLATES[templateId].source}）` : `“${String(templateId)}”`;
  const want = TEMPLATES[expected];
  return {
    ok: false,
    expected,
    message: `${year} 年度报告应使用${want.name}（${want.source}），而不是${given}`,
  };
}

/** The section-三 row an outcome is counted in under a template. */
export function rowForOutcome(template: TemplateRef, code: OutcomeCode): Section3Row {
  const row = getTemplate(template).section3.rows.find((r) => r.outcomes.includes(code));
  if (!row) throw new AppError('disclosure.unknown_outcome', `办理结果“${String(code)}”不在年度报告格式中`);
  return row;
}

/** Rows that carry numbers (every row but the headings). */
export const valueRows = (template: TemplateRef): readonly Section3Row[] => getTemplate(template).section3.rows.filter((r) => r.kind !== 'heading');
