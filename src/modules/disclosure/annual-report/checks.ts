/**
 * Consistency checks of the annual-report tables (RULES.md §2 Checks). An imported or hand-edited
 * table that fails is shown with the failing cells named; a generated one (report-compute.ts)
 * cannot fail.
 *
 * Section 三, for every column (six applicant types and 总计):
 *   1. 一 + 二 = （七）总计 + 四            (`balance`; the report's own 勾稽关系 note)
 *   2. （七）总计 = the sum of the outcome rows （一）…（六）   (`outcome_total`)
 * and for every row that carries numbers:
 *   3. 总计 = the sum of the six applicant columns          (`applicant_total`)
 * Section 四, for 行政复议 and both kinds of 行政诉讼:
 *   4. 总计 = 维持 + 纠正 + 其他 + 尚未审结                  (`section4_total`)
 * Every cell must hold a whole number ≥ 0: an empty cell is flagged `blank`, anything else
 * `invalid`; both count as 0 in the sums above (the usual reading of an empty cell in published
 * reports), so the sums still say whether the filled-in numbers agree.
 */
import {
  DISPUTE_KINDS,
  type DisputeKind,
  getTemplate,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  type Section3ColumnKey,
  type Section3Row,
  type Section4ColumnKey,
  type TemplateRef,
  valueRows,
} from './templates.js';
import type { CellRef, CheckFailure, CheckResult } from './contracts.js';
import type { CheckRule } from './labels.js';

export { checkTemplateMatchesYear, templateForYear } from './templates.js';
export type { CellRef, CheckFailure, CheckResult, CheckRule };

export type CellValue = number | null | undefined;

/** Section 三 as numbers: row key → column key → value (a missing key is a blank cell). */
export type Section3Table = Readonly<Record<string, Readonly<Partial<Record<Section3ColumnKey, CellValue>>> | undefined>>;

/** Section 四 as numbers: dispute kind → column key → value. */
export type Section4Table = Readonly<Partial<Record<DisputeKind, Readonly<Partial<Record<Section4ColumnKey, CellValue>>>>>>;

/** `row|column`, for highlighting failing cells. */
export const cellId = (c: Pick<CellRef, 'row' | 'column'>) => `${c.row}|${c.column}`;

/** The distinct cells named by a check result. */
export function failingCells(result: CheckResult): string[] {
  return [...new Set(result.failures.flatMap((f) => f.cells.map(cellId)))];
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isValid = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** The number a cell contributes to a sum. */
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const show = (v: unknown): string => (isBlank(v) ? '空' : String(v));

const q = (s: string) => `“${s}”`;

function cellProblems(ref: CellRef, v: unknown, where: string): CheckFailure[] {
  if (isBlank(v)) return [{ rule: 'blank', cells: [ref], left: null, right: null, message: `${where}为空，未发生的事项应填 0` }];
  if (!isValid(v)) return [{ rule: 'invalid', cells: [ref], left: null, right: null, message: `${where}应为非负整数，实为“${String(v)}”` }];
  return [];
}

/** Checks section 三 against a template's rows (RULES.md §2). */
export function checkSection3(table: Section3Table, template: TemplateRef): CheckResult {
  const t = getTemplate(template);
  const rows = valueRows(t);
  const byKind = (kind: Section3Row['kind']) => rows.filter((r) => r.kind === kind);
  const r1 = byKind('received')[0]!;
  const r2 = byKind('carried_in')[0]!;
  const r37 = byKind('total')[0]!;
  const r4 = byKind('carried_out')[0]!;
  const outcomeRows = byKind('outcome');
  const failures: CheckFailure[] = [];

  const ref = (row: Section3Row, column: (typeof SECTION3_COLUMNS)[number]): CellRef => ({
    section: '三',
    row: row.key,
    rowLabel: row.fullLabel,
    column: column.key,
    columnLabel: column.label,
  });
  const raw = (row: Section3Row, col: Section3ColumnKey): unknown => table[row.key]?.[col];
  const val = (row: Section3Row, col: Section3ColumnKey): number => num(raw(row, col));

  // Rows the template does not have (or headings that were given numbers).
  const known = new Set(rows.map((r) => r.key));
  for (const key of Object.keys(table)) {
    if (known.has(key)) continue;
    const cells = table[key] ?? {};
    if (Object.values(cells).every(isBlank)) continue;
    const heading = t.section3.rows.find((r) => r.key === key);
    failures.push({
      rule: 'unknown_row',
      cells: SECTION3_COLUMNS.filter((c) => !isBlank(cells[c.key])).map((c) => ({
        section: '三',
        row: key,
        rowLabel: heading?.fullLabel ?? key,
        column: c.key,
        columnLabel: c.label,
      })),
      left: null,
      right: null,
      message: heading ? `${q(heading.fullLabel)}是分组标题行，不应填数（${t.name}）` : `${t.name}中没有行 ${key}，该行的数不计入任何检查`,
    });
  }

  // Every cell filled with a whole number.
  for (const row of rows)
    for (const col of SECTION3_COLUMNS) failures.push(...cellProblems(ref(row, col), raw(row, col.key), `${q(row.fullLabel)}行${q(col.label)}列`));

  // 1. 一 + 二 = （七） + 四, per column.
  for (const col of SECTION3_COLUMNS) {
    const left = val(r1, col.key) + val(r2, col.key);
    const right = val(r37, col.key) + val(r4, col.key);
    if (left !== right)
      failures.push({
        rule: 'balance',
        cells: [ref(r1, col), ref(r2, col), ref(r37, col), ref(r4, col)],
        left,
        right,
        message:
          `${q(col.label)}列：一加二应等于三（七）加四，` +
          `${q(r1.label)} ${show(raw(r1, col.key))} + ${q(r2.label)} ${show(raw(r2, col.key))} = ${left}，` +
          `${q(r37.fullLabel)} ${show(raw(r37, col.key))} + ${q(r4.label)} ${show(raw(r4, col.key))} = ${right}`,
      });
  }

  // 2. （七）总计 = sum of the outcome rows, per column.
  for (const col of SECTION3_COLUMNS) {
    const left = val(r37, col.key);
    const right = outcomeRows.reduce((s, r) => s + val(r, col.key), 0);
    if (left !== right) {
      const nonZero = outcomeRows.filter((r) => val(r, col.key) !== 0).map((r) => `${r.fullLabel} ${val(r, col.key)}`);
      failures.push({
        rule: 'outcome_total',
        cells: [ref(r37, col), ...outcomeRows.map((r) => ref(r, col))],
        left,
        right,
        message:
          `${q(col.label)}列：${q(r37.fullLabel)}为 ${show(raw(r37, col.key))}，而（一）至（六）各项办理结果之和为 ${right}` +
          (nonZero.length ? `（${nonZero.join('，')}）` : ''),
      });
    }
  }

  // 3. 总计 = sum of the six applicant columns, per row.
  const total = SECTION3_COLUMNS.find((c) => c.key === 'total')!;
  const applicants = SECTION3_COLUMNS.filter((c) => c.key !== 'total');
  for (const row of rows) {
    const left = val(row, 'total');
    const right = applicants.reduce((s, c) => s + val(row, c.key), 0);
    if (left !== right)
      failures.push({
        rule: 'applicant_total',
        cells: [ref(row, total), ...applicants.map((c) => ref(row, c))],
        left,
        right,
        message:
          `${q(row.fullLabel)}行：${q('总计')}列为 ${show(raw(row, 'total'))}，而六类申请人之和为 ${right}` +
          `（${applicants.map((c) => `${c.label} ${show(raw(row, c.key))}`).join('，')}）`,
      });
  }

  return { ok: failures.length === 0, failures };
}

/** Checks section 四: each group's 总计 equals the sum of its four outcomes; no blank cells. */
export function checkSection4(table: Section4Table): CheckResult {
  const failures: CheckFailure[] = [];
  const parts = SECTION4_COLUMNS.filter((c) => c.key !== 'total');
  const total = SECTION4_COLUMNS.find((c) => c.key === 'total')!;
  for (const group of SECTION4_GROUPS) {
    const ref = (c: (typeof SECTION4_COLUMNS)[number]): CellRef => ({
      section: '四',
      row: group.key,
      rowLabel: group.fullLabel,
      column: c.key,
      columnLabel: c.label,
    });
    const raw = (k: Section4ColumnKey): unknown => table[group.key]?.[k];
    for (const c of SECTION4_COLUMNS) failures.push(...cellProblems(ref(c), raw(c.key), `${q(group.fullLabel)}${q(c.label)}`));
    const left = num(raw('total'));
    const right = parts.reduce((s, c) => s + num(raw(c.key)), 0);
    if (left !== right)
      failures.push({
        rule: 'section4_total',
        cells: [ref(total), ...parts.map(ref)],
        left,
        right,
        message:
          `${q(group.fullLabel)}：${q('总计')}为 ${show(raw('total'))}，而` + `${parts.map((c) => `${c.label} ${show(raw(c.key))}`).join(' + ')} = ${right}`,
      });
  }
  for (const key of Object.keys(table))
    if (!(DISPUTE_KINDS as readonly string[]).includes(key))
      failures.push({
        rule: 'unknown_row',
        cells: [],
        left: null,
        right: null,
        message: `第四部分没有“${key}”这一类（应为行政复议、未经复议直接起诉、复议后起诉）`,
      });
  return { ok: failures.length === 0, failures };
}

/** The fifteen numbers of section 四 in the order the report prints them (blank → null). */
export function section4Row(table: Section4Table): (number | null)[] {
  return SECTION4_GROUPS.flatMap((g) => SECTION4_COLUMNS.map((c) => table[g.key]?.[c.key] ?? null));
}
