/**
 * Spreadsheet helpers on exceljs: write one sheet with a bold, frozen header row, and read the
 * first sheet of an uploaded .xlsx into rows keyed by header text.
 */
import { isWideChar } from './text.js';
import ExcelJS from 'exceljs';

export const INVALID_XLSX_MESSAGE = '文件不是有效的 Excel（.xlsx）文件';

/** Excel's limit on the text in one cell. */
const MAX_CELL_CHARS = 32767;
const MAX_SHEET_NAME = 31;

export interface SheetColumn {
  header: string;
  key: string;
  /** Width in Excel character units; by default fitted to the content (CJK counts double). */
  width?: number;
}

export interface WriteSheetInput {
  sheetName: string;
  columns: SheetColumn[];
  rows: Record<string, unknown>[];
  /** Optional title, merged across the columns in row 1; the header row is then row 2. */
  title?: string;
}

export type CellPlain = string | number | Date | null;

export interface ReadSheetOptions {
  /**
   * Most data rows (non-empty rows below the header) accepted; more throws an Error rather than
   * silently dropping rows. Default: no limit.
   */
  maxRows?: number;
  /** Row number (1-based) of the header row. Default 1; 2 for a sheet written with a title. */
  headerRow?: number;
}

export interface ReadSheetRow {
  /** The row's number in the sheet (1-based), for messages such as 第 5 行. */
  rowNumber: number;
  values: Record<string, CellPlain>;
}

export interface ReadSheetResult {
  headers: string[];
  rows: ReadSheetRow[];
}

/** Width in Excel character units: CJK and full-width characters count 2, others 1. */
function excelWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide = isWideChar(cp);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Excel forbids : \ / ? * [ ] in sheet names, leading/trailing apostrophes and more than 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001F:\\/?*[\]]/g, '_')
    .trim()
    .replace(/^'+|'+$/g, '');
  const chars = [...cleaned].slice(0, MAX_SHEET_NAME).join('');
  return chars === '' || chars.toLowerCase() === 'history' ? 'Sheet1' : chars;
}

type WritableValue = string | number | boolean | Date | null;

function toWritable(value: unknown, where: string): WritableValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`${where}：日期无效`);
    return value;
  }
  let text: string;
  if (typeof value === 'string') text = value;
  else if (Array.isArray(value)) text = value.map((v) => (v === null || v === undefined ? '' : String(v))).join('、');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  // Characters XML 1.0 cannot carry would corrupt the file.
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  if (text.length > MAX_CELL_CHARS) throw new Error(`${where}：内容超过 Excel 单元格上限 ${MAX_CELL_CHARS} 个字符`);
  return text;
}

/**
 * Writes one worksheet: optional merged title row, then a bold, frozen, filterable header row,
 * then the rows (values looked up by column key). Dates get a yyyy-mm-dd format; strings are
 * stored as text (a leading "=" is not a formula).
 */
export async function writeSheet(input: WriteSheetInput): Promise<Buffer> {
  const { columns, rows } = input;
  if (columns.length === 0) throw new Error('至少需要一列');
  const keys = new Set<string>();
  for (const c of columns) {
    if (keys.has(c.key)) throw new Error(`列键重复：${c.key}`);
    keys.add(c.key);
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = '兰台';
  wb.created = new Date();
  if (input.title) wb.title = input.title;
  const ws = wb.addWorksheet(safeSheetName(input.sheetName));

  const hasTitle = Boolean(input.title && input.title.trim() !== '');
  const headerRowNumber = hasTitle ? 2 : 1;

  if (hasTitle) {
    const titleRow = ws.getRow(1);
    titleRow.getCell(1).value = (input.title ?? '').trim();
    titleRow.getCell(1).font = { bold: true, size: 14 };
    titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    titleRow.height = 24;
    if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
  }

  const header = ws.getRow(headerRowNumber);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();

  const fitted = columns.map((c) => excelWidth(c.header));
  rows.forEach((row, r) => {
    const excelRow = ws.getRow(headerRowNumber + 1 + r);
    columns.forEach((c, i) => {
      const where = `第 ${headerRowNumber + 1 + r} 行“${c.header}”`;
      const v = toWritable(Object.prototype.hasOwnProperty.call(row, c.key) ? row[c.key] : undefined, where);
      const cell = excelRow.getCell(i + 1);
      cell.value = v;
      if (v instanceof Date) {
        const hasTime = v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() + v.getUTCMilliseconds() > 0;
        cell.numFmt = hasTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
        fitted[i] = Math.max(fitted[i] ?? 0, hasTime ? 19 : 10);
      } else if (v !== null && r < 1000) {
        const longestLine = String(v)
          .split('\n')
          .reduce((m, line) => Math.max(m, excelWidth(line)), 0);
        fitted[i] = Math.max(fitted[i] ?? 0, longestLine);
      }
    });
    excelRow.commit();
  });

  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(60, Math.max(8, (fitted[i] ?? 0) + 2));
  });

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}` }];
  ws.autoFilter = {
    from: { row: headerRowNumber, column: 1 },
    to: { row: headerRowNumber, column: columns.length },
  };

  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A cell value as a plain string, number, Date or null; strings are trimmed, empty ones null. */
function toPlain(value: unknown): CellPlain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) {
      const text = value.richText.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
      return toPlain(text);
    }
    if ('hyperlink' in value || 'text' in value) {
      // A hyperlink's text may itself be rich text.
      return toPlain(value.text ?? value.hyperlink);
    }
    if ('formula' in value || 'sharedFormula' in value) return toPlain(value.result);
    if (typeof value.error === 'string') return value.error;
  }
  return null;
}

function toBuffer(data: Buffer | Uint8Array | ArrayBuffer): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Reads the first worksheet: the header row (row 1 unless `headerRow` says otherwise) names the
 * columns; each later row becomes `values` keyed by header text. Columns with an empty header are
 * ignored; rows with no value under any header are skipped. Rich text, hyperlinks and formula
 * results become plain values; error cells become their code (e.g. "#N/A").
 * Throws an Error with message {@link INVALID_XLSX_MESSAGE} when the bytes are not an .xlsx file.
 */
export async function readSheet(data: Buffer | Uint8Array | ArrayBuffer, options: ReadSheetOptions = {}): Promise<ReadSheetResult> {
  const headerRowNumber = options.headerRow ?? 1;
  if (!Number.isInteger(headerRowNumber) || headerRowNumber < 1) throw new Error(`表头行号无效：${String(options.headerRow)}`);
  const maxRows = options.maxRows;
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || maxRows < 0)) throw new Error(`最大行数无效：${String(maxRows)}`);

  const buffer = toBuffer(data);
  // Every .xlsx is a zip archive: local file header "PK\x03\x04".
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new Error(INVALID_XLSX_MESSAGE);

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (cause) {
    throw new Error(INVALID_XLSX_MESSAGE, { cause });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(INVALID_XLSX_MESSAGE, { cause: new Error('workbook has no worksheets') });

  const columns: { col: number; header: string }[] = [];
  const seen = new Set<string>();
  ws.getRow(headerRowNumber).eachCell({ includeEmpty: false }, (cell, col) => {
    const v = toPlain(cell.value);
    if (v === null) return;
    const header = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    if (seen.has(header)) throw new Error(`表头“${header}”重复（第 ${headerRowNumber} 行）`);
    seen.add(header);
    columns.push({ col, header });
  });

  const rows: ReadSheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRowNumber) return;
    const values = Object.create(null) as Record<string, CellPlain>;
    let empty = true;
    for (const { col, header } of columns) {
      const v = toPlain(row.getCell(col).value);
      values[header] = v;
      if (v !== null) empty = false;
    }
    if (empty) return;
    if (maxRows !== undefined && rows.length >= maxRows) {
      throw new Error(`数据行数超过上限 ${maxRows} 行`);
    }
    rows.push({ rowNumber, values });
  });

  return { headers: columns.map((c) => c.header), rows };
}
