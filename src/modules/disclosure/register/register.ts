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
import type { ReportTemplate } from '../annual-report/templates.js';
import { REGISTER_CATEGORIES, type RegisterEntryKind } from './labels.js';

export {
  itemMark,
  PROACTIVE_PERIOD,
  REGISTER_CATEGORIES,
  REGISTER_CATEGORY_BY_KEY,
  REGISTER_CATEGORY_KEYS,
  REGISTER_ENTRY_KIND_LABELS,
  REGISTER_ENTRY_KINDS,
  type RegisterCategoryDef,
  type RegisterEntryKind,
} from './labels.js';

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
const wan = (es: RegisterEntry[]): Section2Cell => ({
  value: Math.round(es.reduce((s, e) => s + (e.amount ?? 0) * 100, 0)) / 1_000_000,
  ids: es.map((e) => e.id),
});

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
