/**
 * Sections 三 and 四 of the annual report computed from records (SPEC: figures are functions).
 * Every cell carries the ids behind it, so a reader can click a number and see its records.
 *
 * Section 三, for report year Y (dates are `YYYY-MM-DD`, compared as strings):
 *   一 本年新收   received in Y;
 *   二 上年结转   received before Y and not decided on 1 January Y (no decision, or decided on or after Y-01-01);
 *   三 outcome rows: decided in Y, by outcome (the template says which row an outcome feeds);
 *   （七） the sum of the outcome rows;
 *   四 结转下年度 received on or before Y-12-31 and not decided by then (no decision, or decided after Y-12-31).
 * An application decided in Y was received before or in Y, so it is in 一 or 二; one in 一 or 二
 * not decided in Y is in 四 — hence 一 + 二 = （七） + 四 holds for every generated table.
 *
 * Section 四: disputes (行政复议, 行政诉讼) filed in Y, by their outcome on Y-12-31: 尚未审结 if
 * not closed by then (no closing date, a closing date after Y-12-31, or outcome `pending`).
 */
import { isValidDate } from '../../../kernel/calendar/index.js';
import { AppError } from '../../../kernel/http/errors.js';
import { type ApplicantType, isApplicantType, isOutcomeCode, type OutcomeCode } from '../labels.js';
import type { Section3Table, Section4Table } from './checks.js';
import { DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeOutcome } from './labels.js';
import {
  DISPUTE_KINDS,
  type DisputeKind,
  getTemplate,
  SECTION3_COLUMN_KEYS,
  SECTION4_COLUMN_KEYS,
  type Section3ColumnKey,
  type Section4ColumnKey,
  type TemplateId,
  type TemplateRef,
  templateForYear,
  valueRows,
} from './templates.js';

export interface Application {
  readonly id: string;
  readonly receivedOn: string;
  readonly applicantType: ApplicantType;
  readonly decidedOn?: string | null;
  readonly outcome?: OutcomeCode | null;
}

/** A figure and the records behind it. */
export interface Cell {
  count: number;
  ids: string[];
}

export interface Section3Computed {
  readonly templateId: TemplateId;
  readonly year: number;
  /** Every number-carrying row of the template × every column. */
  readonly rows: Readonly<Record<string, Readonly<Record<Section3ColumnKey, Cell>>>>;
}

export { DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeOutcome };

export interface Dispute {
  readonly id: string;
  readonly kind: DisputeKind;
  readonly filedOn: string;
  readonly outcome: DisputeOutcome;
  readonly closedOn?: string | null;
}

export interface Section4Computed {
  readonly year: number;
  readonly rows: Readonly<Record<DisputeKind, Readonly<Record<Section4ColumnKey, Cell>>>>;
}

interface Problem {
  id: string;
  message: string;
}

function fail(code: string, what: string, problems: Problem[]): never {
  const shown = problems.slice(0, 5).map((p) => `${p.id}：${p.message}`);
  const more = problems.length > 5 ? `；另有 ${problems.length - 5} 处` : '';
  throw new AppError(code, `有 ${problems.length} 处${what}数据有误，无法统计：${shown.join('；')}${more}`, { details: problems });
}

function checkIds(items: readonly { id: unknown }[], problems: Problem[]) {
  const seen = new Set<string>();
  items.forEach((a, i) => {
    if (typeof a.id !== 'string' || a.id.trim() === '') problems.push({ id: `第 ${i + 1} 条`, message: '缺少编号' });
    else if (seen.has(a.id)) problems.push({ id: a.id, message: '编号重复' });
    else seen.add(a.id);
  });
}

function applicationProblems(applications: readonly Application[]): Problem[] {
  const problems: Problem[] = [];
  checkIds(applications, problems);
  for (const a of applications) {
    const id = String(a.id);
    const p = (message: string) => problems.push({ id, message });
    const receivedOk = typeof a.receivedOn === 'string' && isValidDate(a.receivedOn);
    if (!receivedOk) p(`收到申请日期“${String(a.receivedOn)}”不是有效日期（YYYY-MM-DD）`);
    if (!isApplicantType(a.applicantType)) p(`申请人类型“${String(a.applicantType)}”无效`);
    const decided = a.decidedOn !== null && a.decidedOn !== undefined;
    const hasOutcome = a.outcome !== null && a.outcome !== undefined;
    if (decided) {
      if (typeof a.decidedOn !== 'string' || !isValidDate(a.decidedOn)) p(`办结日期“${String(a.decidedOn)}”不是有效日期（YYYY-MM-DD）`);
      else if (receivedOk && a.decidedOn < a.receivedOn) p(`办结日期 ${a.decidedOn} 早于收到申请日期 ${a.receivedOn}`);
      if (!hasOutcome) p('已办结但没有办理结果');
    } else if (hasOutcome) p('有办理结果但没有办结日期');
    if (hasOutcome && !isOutcomeCode(a.outcome)) p(`办理结果“${String(a.outcome)}”不在法定分类中`);
  }
  return problems;
}

const emptyCell = (): Cell => ({ count: 0, ids: [] });

function resolveTemplate(year: number, template: TemplateRef) {
  const expected = templateForYear(year); // refuses years before 2019
  const t = getTemplate(template);
  if (t.id !== expected.id)
    throw new AppError('disclosure.template_year_mismatch', `${year} 年度报告应使用${expected.name}（${expected.source}），而不是${t.name}（${t.source}）`);
  return t;
}

/**
 * The cells of section 三 and where applications land in them — one classification for the rows
 * (`computeSection3`, one application at a time with its id) and the database's groups
 * (reports.service.ts, n at a time without ids). `add` counts `n` applications of applicant `type`:
 * received in the year (else carried in from an earlier one) and decided in it with `outcome` (null:
 * carried over to the next year). False, and the tally is no longer whole, when the outcome or the
 * type has no cell in the template.
 */
export function section3Tally(t: ReturnType<typeof getTemplate>) {
  const rows = valueRows(t);
  const table: Record<string, Record<Section3ColumnKey, Cell>> = {};
  for (const r of rows) table[r.key] = Object.fromEntries(SECTION3_COLUMN_KEYS.map((c) => [c, emptyCell()])) as Record<Section3ColumnKey, Cell>;
  const rowOf = new Map<string, string>();
  for (const r of rows) for (const code of r.outcomes) rowOf.set(code, r.key);
  const key = (kind: string) => rows.find((r) => r.kind === kind)!.key;
  const [R1, R2, R37, R4] = [key('received'), key('carried_in'), key('total'), key('carried_out')];
  const put = (rowKey: string, type: string, n: number, id: string | undefined) => {
    for (const col of [type, 'total']) {
      const cell = table[rowKey]![col as Section3ColumnKey] as Cell | undefined;
      if (!cell) return false;
      cell.count += n;
      if (id !== undefined) cell.ids.push(id);
    }
    return true;
  };
  return {
    table,
    add(receivedInYear: boolean, outcome: string | null, type: string, n: number, id?: string): boolean {
      if (!put(receivedInYear ? R1 : R2, type, n, id)) return false;
      if (outcome === null) return put(R4, type, n, id);
      const row = rowOf.get(outcome);
      return row !== undefined && put(row, type, n, id) && put(R37, type, n, id);
    },
  };
}

/** Section 三 for report `year` under `template` (which must be the year's template). */
export function computeSection3(applications: readonly Application[], year: number, template: TemplateRef): Section3Computed {
  const t = resolveTemplate(year, template);
  const problems = applicationProblems(applications);
  if (problems.length) fail('disclosure.invalid_applications', '申请', problems);

  const tally = section3Tally(t);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  for (const a of applications) {
    const decidedOn = a.decidedOn ?? null;
    const receivedInYear = a.receivedOn >= first && a.receivedOn <= last;
    const carriedIn = a.receivedOn < first && (decidedOn === null || decidedOn >= first);
    if (!receivedInYear && !carriedIn) continue;
    tally.add(receivedInYear, decidedOn !== null && decidedOn <= last ? a.outcome! : null, a.applicantType, 1, a.id);
  }
  return { templateId: t.id, year, rows: tally.table };
}

/** The numbers of a computed section 三, for the checks and for display. */
export function section3Values(computed: Section3Computed): Section3Table {
  return Object.fromEntries(
    Object.entries(computed.rows).map(([row, cols]) => [row, Object.fromEntries(Object.entries(cols).map(([col, cell]) => [col, cell.count]))]),
  );
}

function disputeProblems(disputes: readonly Dispute[]): Problem[] {
  const problems: Problem[] = [];
  checkIds(disputes, problems);
  for (const d of disputes) {
    const p = (message: string) => problems.push({ id: String(d.id), message });
    if (!(DISPUTE_KINDS as readonly string[]).includes(d.kind)) p(`类别“${String(d.kind)}”无效（应为行政复议、未经复议直接起诉、复议后起诉）`);
    if (!(DISPUTE_OUTCOMES as readonly string[]).includes(d.outcome)) p(`结果“${String(d.outcome)}”无效（应为维持、纠正、其他、尚未审结）`);
    const filedOk = typeof d.filedOn === 'string' && isValidDate(d.filedOn);
    if (!filedOk) p(`立案日期“${String(d.filedOn)}”不是有效日期（YYYY-MM-DD）`);
    if (d.closedOn !== null && d.closedOn !== undefined) {
      if (typeof d.closedOn !== 'string' || !isValidDate(d.closedOn)) p(`审结日期“${String(d.closedOn)}”不是有效日期（YYYY-MM-DD）`);
      else if (filedOk && d.closedOn < d.filedOn) p(`审结日期 ${d.closedOn} 早于立案日期 ${d.filedOn}`);
    }
  }
  return problems;
}

/** Section 四 for report `year`: disputes filed in the year by their outcome on 31 December. */
export function computeSection4(disputes: readonly Dispute[], year: number): Section4Computed {
  templateForYear(year); // refuses years before 2019
  const problems = disputeProblems(disputes);
  if (problems.length) fail('disclosure.invalid_disputes', '复议、诉讼', problems);

  const rows = Object.fromEntries(DISPUTE_KINDS.map((k) => [k, Object.fromEntries(SECTION4_COLUMN_KEYS.map((c) => [c, emptyCell()]))])) as Record<
    DisputeKind,
    Record<Section4ColumnKey, Cell>
  >;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  for (const d of disputes) {
    if (d.filedOn < first || d.filedOn > last) continue;
    const closed = d.outcome !== 'pending' && d.closedOn !== null && d.closedOn !== undefined && d.closedOn <= last;
    const col: Section4ColumnKey = closed ? d.outcome : 'pending';
    for (const c of [col, 'total'] as const) {
      rows[d.kind][c].count += 1;
      rows[d.kind][c].ids.push(d.id);
    }
  }
  return { year, rows };
}

/** The numbers of a computed section 四. */
export function section4Values(computed: Section4Computed): Section4Table {
  return Object.fromEntries(
    DISPUTE_KINDS.map((k) => [k, Object.fromEntries(SECTION4_COLUMN_KEYS.map((c) => [c, computed.rows[k][c].count]))]),
  ) as Section4Table;
}
