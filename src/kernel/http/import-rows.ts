/**
 * Rows of a bulk import from either a JSON array (`[{…}, …]` or `{"rows": […]}`) or an uploaded
 * .xlsx (multipart field `file`, first sheet, header row 1). Headers may be the field names or
 * their Chinese aliases. Dates in date-formatted cells come back as `YYYY-MM-DD`.
 * Each row carries its number as the user will find it: array position (1-based) or sheet row.
 */
import type { FastifyRequest } from 'fastify';
import { INVALID_XLSX_MESSAGE, readSheet } from '../documents/index.js';
import { isExampleRow } from '../documents/import-template.js';
import { AppError, validation } from './errors.js';

export interface ImportRow {
  row: number;
  values: Record<string, unknown>;
}

export interface ImportRowsOptions {
  maxRows: number;
  /** Chinese header → field name. */
  aliases?: Record<string, string>;
  /** Largest accepted upload in bytes (overrides the app-wide multipart limit). */
  fileSizeLimit?: number;
}

/** Why an upload is not taken as an .xlsx (by its name, then by its first bytes), or null. */
function notXlsx(fileName: string, data: Buffer): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') || lower.endsWith('.et') || lower.endsWith('.csv')) {
    return `不支持“${fileName}”的文件格式：请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再上传`;
  }
  if (!lower.endsWith('.xlsx')) return `只能上传 Excel（.xlsx）文件，“${fileName}”不是 .xlsx 文件`;
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) return `${INVALID_XLSX_MESSAGE}：“${fileName}”的内容不是 .xlsx 格式`;
  return null;
}

function cellValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

export async function importRows(req: FastifyRequest, opts: ImportRowsOptions): Promise<{ rows: ImportRow[]; source: 'json' | 'xlsx'; fileName?: string }> {
  if (req.isMultipart()) {
    const part = await req.file(opts.fileSizeLimit ? { limits: { fileSize: opts.fileSizeLimit } } : undefined);
    if (!part) throw validation('请选择要上传的 .xlsx 文件', { file: '请选择要上传的 .xlsx 文件' });
    const data = await part.toBuffer();
    const fileName = part.filename || '未命名文件';
    const problem = notXlsx(fileName, data);
    if (problem) throw new AppError('unsupported_media_type', problem);
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(data, { maxRows: opts.maxRows });
    } catch (e) {
      if (e instanceof AppError) throw e; // too big to read (413), or too many reads at once (503)
      const message = e instanceof Error ? e.message : String(e);
      if (message === INVALID_XLSX_MESSAGE) throw new AppError('unsupported_media_type', `${INVALID_XLSX_MESSAGE}：“${fileName}”无法打开`);
      throw validation(`无法读取文件：${message}`, { file: message });
    }
    const field = (h: string) => opts.aliases?.[h] ?? h;
    const firstHeader = sheet.headers[0];
    // the template's example rows (first cell “（示例）…”) are not data
    const rows = sheet.rows
      .filter(({ values }) => firstHeader === undefined || !isExampleRow(values[firstHeader]))
      .map(({ rowNumber, values }) => ({
        row: rowNumber,
        values: Object.fromEntries(Object.entries(values).map(([h, v]) => [field(h), cellValue(v)])),
      }));
    return { rows, source: 'xlsx', fileName };
  }
  const body = req.body as unknown;
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)
      ? (body as { rows: unknown[] }).rows
      : null;
  if (!list) throw validation('请求内容应为 JSON 数组（每个元素一行），或上传 .xlsx 文件', { body: '应为 JSON 数组' });
  if (list.length > opts.maxRows) throw validation(`一次最多导入 ${opts.maxRows} 行，实为 ${list.length} 行`, { body: `最多 ${opts.maxRows} 行` });
  const rows = list.map((v, i) => ({
    row: i + 1,
    values: v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { __notObject: v },
  }));
  return { rows, source: 'json' };
}

/** The headings an import reads (heading → field) from its columns (field → heading), plus other accepted headings. */
export const headingsToFields = (columns: Record<string, string>, more: Record<string, string> = {}): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(columns).map(([field, heading]) => [heading, field])),
  ...more,
});

/** Reads an optional string field of an import row (numbers become text; blank → null). */
export function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/**
 * Refuses an import with every row problem listed (HTTP 422, nothing written). `columns` names each
 * field as the template's column heading: every error carries it as `column`, and the message uses it.
 */
export function importRefused(
  errors: { row: number; field: string; value: unknown; reason: string }[],
  total: number,
  columns: Record<string, string> = {},
): AppError {
  const named = errors.map((e) => ({ ...e, column: columns[e.field] ?? (e.field === '(行)' ? '整行' : e.field) }));
  const shown = named
    .slice(0, 5)
    .map((e) => `第 ${e.row} 行“${e.column}”：${e.reason}`)
    .join('；');
  return new AppError(
    'import.invalid_rows',
    `导入未执行：${total} 行中有 ${new Set(errors.map((e) => e.row)).size} 行有误（${shown}${errors.length > 5 ? ` 等 ${errors.length} 处` : ''}），请修改后重新导入，未写入任何数据`,
    {
      details: { errors: named },
    },
  );
}
