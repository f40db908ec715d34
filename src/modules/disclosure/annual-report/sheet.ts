/**
 * Reads a published annual-report table from an .xlsx (as bureaus post them: section 三 rows with
 * their labels, merged group cells, seven numbers; section 四 as one row of fifteen numbers) into
 * the shapes the checks take. Rows are found by their labels, not by position; the template is
 * recognised from the table itself (2019 试行: （六）其他处理 is one row and section 二 says
 * 本年新制作数量; 2021: （六） has three numbered rows, section 二 says 本年制发件数).
 */
import { AppError, validation } from '../../../kernel/http/errors.js';
import { INVALID_XLSX_MESSAGE, readSheetGrid, type CellPlain, type GridSheet } from '../../../kernel/documents/index.js';
import type { CellValue, Section3Table, Section4Table } from './checks.js';
import { SECTION3_COLUMN_KEYS, SECTION4_COLUMN_KEYS, SECTION4_GROUPS, TEMPLATES, valueRows, type TemplateId } from './templates.js';

/** Full-width brackets, no spaces, quotes or dots variants: “（一）予以公开” and "(一) 予以公开" read the same. */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"'‘’]/g, '')
    .replace(/[．。、]/g, '.');
}

type Plain = string | number | null;

/** The kernel's reader gives trimmed text (blank → null), numbers and dates; a date reads as YYYY-MM-DD. */
function plain(v: CellPlain): Plain {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

/** A number cell: numbers, numeric text; blank → null; other text kept (the check calls it invalid). */
function value(v: Plain): CellValue | string {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  const t = v.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : v;
}

const GROUP_RE = /^.*?（([一二三四五六七])）/u;
const GROUP_NO: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

export interface ParsedTable {
  detectedTemplate: TemplateId;
  section3: Section3Table;
  section4: Section4Table;
  /** Template rows not found in the sheet. */
  missingRows: string[];
}

export async function parsePublishedTable(data: Buffer): Promise<ParsedTable> {
  // Read in the kernel's worker (streaming, limits, time limit); merged ranges read as their top-left value.
  let sheets: GridSheet[];
  try {
    sheets = await readSheetGrid(data);
  } catch (e) {
    if (e instanceof AppError) throw e; // too big to read (413), too many reads at once (503)
    const message = e instanceof Error ? e.message : String(e);
    throw validation(message === INVALID_XLSX_MESSAGE ? INVALID_XLSX_MESSAGE : `无法读取文件：${message}`, { file: message });
  }
  const rows: Plain[][] = sheets.flatMap((ws) => ws.rows.map((r) => r.cells.map(plain)));
  const texts = (r: Plain[]) => r.filter((c): c is string => typeof c === 'string' && !/^-?\d+(\.\d+)?$/.test(c)).map(normLabel);
  const all = rows.flatMap(texts);

  // Which template: （六） split into numbered rows → 2021; section 二 wording as a second hint.
  const sixSplit = rows.some(
    (r) => texts(r).some((t) => t.includes('（六）其他处理')) && texts(r).some((t) => /^1\.逾期不补正|^1\.申请人无正当理由逾期不补正/.test(t)),
  );
  const detectedTemplate: TemplateId = sixSplit || all.some((t) => t.includes('本年制发件数')) ? '2021' : '2019';
  const template = TEMPLATES[detectedTemplate];

  const section3: Record<string, Record<string, CellValue | string>> = {};
  let group = 0;
  for (const r of rows) {
    const ts = texts(r);
    if (ts.some((t) => /^[一二四]\./.test(t))) group = 0; // a top row (一、二、四) is outside the groups
    for (const t of ts) {
      const m = GROUP_RE.exec(t);
      if (m && t.indexOf('）') === t.indexOf('（') + 2) group = GROUP_NO[m[1]!] ?? group;
    }
    // the last label cell; the seven numbers follow it
    let last = -1;
    r.forEach((c, i) => {
      if (typeof c === 'string' && !/^-?\d+(\.\d+)?$/.test(c)) last = i;
    });
    if (last < 0) continue;
    const label = normLabel(r[last] as string);
    const match = valueRows(template).find((row) => {
      if (row.key in section3) return false;
      const l = normLabel(row.label);
      if (row.level === 0) return label.startsWith(l.replace(/^[一二三四]\./, '').slice(0, 6)) || label.startsWith(l.slice(0, 8));
      if (row.level === 1) return label.startsWith(l.split('（区分')[0]!.slice(0, 7));
      const leaf = l.replace(/^\d+\./, '');
      const parentNo = Number(row.key.split('.')[2]);
      return parentNo === group && label.replace(/^\d+\./, '').startsWith(leaf.slice(0, 6));
    });
    if (!match) continue;
    const nums = r.slice(last + 1, last + 1 + SECTION3_COLUMN_KEYS.length).map(value);
    section3[match.key] = Object.fromEntries(SECTION3_COLUMN_KEYS.map((c, i) => [c, nums[i] ?? null]));
  }

  // Section 四: the first row after a 行政复议 header carrying at least 10 numbers.
  const section4: Record<string, Record<string, CellValue | string>> = {};
  const headerAt = rows.findIndex((r) => texts(r).some((t) => t === '行政复议'));
  if (headerAt >= 0) {
    const numRow = rows.slice(headerAt + 1).find((r) => r.filter((c) => typeof c === 'number' || (typeof c === 'string' && /^\d+$/.test(c))).length >= 10);
    if (numRow) {
      const firstNum = numRow.findIndex((c) => typeof c === 'number' || (typeof c === 'string' && /^\d+$/.test(c)) || c === null);
      const nums = numRow.slice(firstNum, firstNum + 15).map(value);
      SECTION4_GROUPS.forEach((g, gi) => {
        section4[g.key] = Object.fromEntries(SECTION4_COLUMN_KEYS.map((c, ci) => [c, nums[gi * 5 + ci] ?? null]));
      });
    }
  }
  const missingRows = valueRows(template)
    .filter((r) => !(r.key in section3))
    .map((r) => r.fullLabel);
  return { detectedTemplate, section3: section3 as Section3Table, section4: section4 as Section4Table, missingRows };
}
