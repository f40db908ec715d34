/**
 * 主动公开目录 (条例第二十条、第二十六条) — pure core: the categories of art. 20, which entry kinds each
 * takes, and section 二 of the annual report computed from the entries under either template, every
 * cell with the ids behind it (drill-down).
 *
 * Entry kinds:
 * - `document` — a 规章 / 规范性文件 or other published information: counted by the day it was made
 *   (制发/制作), published, abolished (废止), and in force (made and not abolished) on a day;
 * - `item` — a 事项 in a list (行政许可事项, 收费项目 …): counted as in force on a day (template 2019's
 *   上一年项目数量 and 本年增/减);
 * - `decision` — a 处理决定 (许可、处罚、强制), a fee collection or a purchase: counted by the day made,
 *   with an amount in 元 where the report sums money.
 */
import type { ReportTemplate } from './report-templates.js';

export const REGISTER_ENTRY_KINDS = ['document', 'item', 'decision'] as const;
export type RegisterEntryKind = (typeof REGISTER_ENTRY_KINDS)[number];
export const REGISTER_ENTRY_KIND_LABELS: Record<RegisterEntryKind, string> = { document: '文件、信息', item: '事项、项目', decision: '处理决定、收费或采购记录' };

export interface RegisterCategoryDef {
  readonly key: string;
  /** 条例第二十条第（n）项. */
  readonly item: number;
  readonly label: string;
  readonly kinds: readonly RegisterEntryKind[];
  /** Decisions of this category carry an amount (元). */
  readonly amount?: boolean;
  /** The section-二 row key it feeds (both templates), if any. */
  readonly row?: string;
}

const ITEM_MARK = ['', '（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）', '（十一）', '（十二）', '（十三）', '（十四）', '（十五）'];
export const itemMark = (n: number) => `第二十条第${ITEM_MARK[n] ?? `（${n}）`}项`;

export const REGISTER_CATEGORIES: readonly RegisterCategoryDef[] = [
  { key: 'regulation', item: 1, label: '规章', kinds: ['document'], row: 'regulations' },
  { key: 'normative_document', item: 1, label: '规范性文件', kinds: ['document'], row: 'normative_documents' },
  { key: 'functions', item: 2, label: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', kinds: ['document'] },
  { key: 'plans', item: 3, label: '国民经济和社会发展规划、专项规划、区域规划及相关政策', kinds: ['document'] },
  { key: 'statistics', item: 4, label: '国民经济和社会发展统计信息', kinds: ['document'] },
  { key: 'licensing', item: 5, label: '行政许可', kinds: ['item', 'decision'], row: 'licensing' },
  { key: 'other_service', item: 5, label: '其他对外管理服务事项', kinds: ['item', 'decision'], row: 'other_services' },
  { key: 'penalty', item: 6, label: '行政处罚', kinds: ['item', 'decision'], row: 'penalty' },
  { key: 'coercion', item: 6, label: '行政强制', kinds: ['item', 'decision'], row: 'coercion' },
  { key: 'budget', item: 7, label: '财政预算、决算信息', kinds: ['document'] },
  { key: 'fee', item: 8, label: '行政事业性收费', kinds: ['item', 'decision'], amount: true, row: 'fees' },
  { key: 'procurement', item: 9, label: '政府集中采购', kinds: ['decision'], amount: true, row: 'procurement' },
  { key: 'poverty_education', item: 10, label: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况', kinds: ['document'] },
  { key: 'emergency', item: 11, label: '突发公共事件的应急预案、预警信息及应对情况', kinds: ['document'] },
  { key: 'inspection', item: 12, label: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况', kinds: ['document'] },
  { key: 'civil_servants', item: 13, label: '公务员招考的职位、名额、报考条件等事项以及录用结果', kinds: ['document'] },
  { key: 'other', item: 15, label: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', kinds: ['document'] },
];
export const REGISTER_CATEGORY_KEYS = REGISTER_CATEGORIES.map((c) => c.key) as [string, ...string[]];
export const REGISTER_CATEGORY_BY_KEY: Readonly<Record<string, RegisterCategoryDef>> = Object.fromEntries(REGISTER_CATEGORIES.map((c) => [c.key, c]));

/** 条例第二十六条: published within 20 working days of being made or changed. */
export const PROACTIVE_PERIOD = 20;

export interface RegisterEntry {
  id: string;
  category: string;
  entryKind: RegisterEntryKind;
  madeOn: string;
  publishedOn: string | null;
  abolishedOn: string | null;
  /** 元. */
  amount: number | null;
}

export interface Section2Cell {
  value: number;
  ids: string[];
}
export interface Section2Computed {
  /** blockKey → rowKey → columnKey → cell. */
  blocks: Record<string, Record<string, Record<string, Section2Cell>>>;
}

const inYear = (d: string | null, y: number) => !!d && d.startsWith(`${y}-`);
const inForce = (e: RegisterEntry, day: string) => e.madeOn <= day && (!e.abolishedOn || e.abolishedOn > day);
const count = (es: RegisterEntry[]): Section2Cell => ({ value: es.length, ids: es.map((e) => e.id) });
/** Sum in 万元, exact to the 分 (summed in 分, then ÷ 1 000 000). */
const wan = (es: RegisterEntry[]): Section2Cell => ({ value: Math.round(es.reduce((s, e) => s + (e.amount ?? 0) * 100, 0)) / 1_000_000, ids: es.map((e) => e.id) });

/**
 * The cell of (row, column) for report year `y`:
 * - 2021: 本年制发件数 = documents made in the year; 本年废止件数 = abolished in the year; 现行有效件数 = in
 *   force on 31 December; 本年处理决定数量 = decisions made in the year; 本年收费金额（万元） = the year's fee
 *   collections.
 * - 2019: 本年新制作数量 = made in the year; 本年新公开数量 = published in the year; 对外公开总数量 =
 *   published by 31 December and in force then; 上一年项目数量 = items in force on 31 December of the
 *   year before; 本年增/减 = in force on 31 December minus that; 处理决定数量 = decisions of the year;
 *   采购项目数量 / 采购总金额（万元） = the year's purchases.
 */
export function section2Cell(entries: readonly RegisterEntry[], year: number, column: string): Section2Cell {
  const end = `${year}-12-31`;
  const prevEnd = `${year - 1}-12-31`;
  const docs = entries.filter((e) => e.entryKind === 'document');
  const items = entries.filter((e) => e.entryKind === 'item');
  const decisions = entries.filter((e) => e.entryKind === 'decision' && inYear(e.madeOn, year));
  switch (column) {
    case 'issued':
    case 'new_made':
      return count(docs.filter((e) => inYear(e.madeOn, year)));
    case 'repealed':
      return count(docs.filter((e) => inYear(e.abolishedOn, year)));
    case 'in_force':
      return count(docs.filter((e) => inForce(e, end)));
    case 'new_published':
      return count(docs.filter((e) => inYear(e.publishedOn, year)));
    case 'total_published':
      return count(docs.filter((e) => !!e.publishedOn && e.publishedOn <= end && inForce(e, end)));
    case 'prev_items':
      return count(items.filter((e) => inForce(e, prevEnd)));
    case 'change': {
      const now = items.filter((e) => inForce(e, end));
      const before = items.filter((e) => inForce(e, prevEnd));
      const changed = items.filter((e) => inForce(e, end) !== inForce(e, prevEnd));
      return { value: now.length - before.length, ids: changed.map((e) => e.id) };
    }
    case 'decisions':
    case 'items':
      return count(decisions);
    case 'fee_amount':
    case 'amount':
      return wan(decisions);
    default:
      throw new Error(`未知的第二部分列：${column}`);
  }
}

/** Section 二 of `template` for year `y` from the org's register. */
export function computeSection2(entries: readonly RegisterEntry[], year: number, template: ReportTemplate): Section2Computed {
  const rowCategory = new Map(REGISTER_CATEGORIES.filter((c) => c.row).map((c) => [c.row!, c.key]));
  const blocks: Section2Computed['blocks'] = {};
  for (const b of template.section2) {
    blocks[b.key] = {};
    for (const r of b.rows) {
      const cat = rowCategory.get(r.key);
      const mine = entries.filter((e) => e.category === cat);
      blocks[b.key]![r.key] = Object.fromEntries(b.columns.map((c) => [c.key, section2Cell(mine, year, c.key)]));
    }
  }
  return { blocks };
}
