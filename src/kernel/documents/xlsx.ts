/**
 * Spreadsheets: write one sheet with a bold, frozen header row (exceljs), and read an uploaded .xlsx
 * — the first sheet keyed by its header row (`readSheet`), or every sheet as a grid
 * (`readSheetGrid`) — in a worker thread (xlsx-worker.ts, streaming, xlsx-reader.ts) with a time
 * limit, a heap limit and limits on the uncompressed size and the cells, so no upload can stall the
 * server. The limits are process-wide (`configureXlsxReading`, from the environment at start).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { AppError } from '../http/errors.js';
import { isWideChar } from './text.js';
import { INVALID_XLSX_MESSAGE, MAX_CELL_CHARS, type CellPlain, type GridSheet, type XlsxRequest, type XlsxResult } from './xlsx-reader.js';
import type { XlsxJob, XlsxReply } from './xlsx-worker.js';

/** A new workbook; exceljs (half a second to load) is loaded on first use, not at every start. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: lib } = await import('exceljs');
  return new lib.Workbook();
}

export { INVALID_XLSX_MESSAGE };
export type { CellPlain, GridSheet };

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

export interface ReadSheetOptions {
  /**
   * Most data rows (non-empty rows below the header) accepted; more throws an Error rather than
   * silently dropping rows. Default: no limit.
   */
  maxRows?: number;
  /** Row number (1-based) of the header row. Default 1; 2 for a sheet written with a title. */
  headerRow?: number;
  /** Overrides of the process-wide limits for this read. */
  limits?: XlsxReadLimits;
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
  return writeWorkbook([input]);
}

/**
 * Writes a workbook of several worksheets, each as `writeSheet` writes one (a sheet name that repeats
 * an earlier one, once made safe for Excel, gets a number).
 */
export async function writeWorkbook(sheets: readonly WriteSheetInput[], title?: string): Promise<Buffer> {
  if (sheets.length === 0) throw new Error('至少需要一个工作表');
  const wb = await newWorkbook();
  wb.creator = '兰台';
  wb.created = new Date();
  if (title ?? sheets[0]!.title) wb.title = (title ?? sheets[0]!.title)!;
  const names = new Set<string>();
  for (const input of sheets) {
    let name = safeSheetName(input.sheetName);
    for (let i = 2; names.has(name); i++) name = safeSheetName(`${input.sheetName.slice(0, 26)}（${i}）`);
    names.add(name);
    addSheet(wb.addWorksheet(name), input);
  }
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

function addSheet(ws: ExcelJS.Worksheet, input: WriteSheetInput): void {
  const { columns, rows } = input;
  if (columns.length === 0) throw new Error('至少需要一列');
  const keys = new Set<string>();
  for (const c of columns) {
    if (keys.has(c.key)) throw new Error(`列键重复：${c.key}`);
    keys.add(c.key);
  }

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
}

/** How uploads are read: limits per file, and the worker threads that read them. */
export interface XlsxReading {
  /** Sum of the uncompressed sizes of the file's parts (zip entries), checked before reading. */
  maxUncompressedBytes: number;
  /** Cells holding a value (and distinct strings). */
  maxCells: number;
  /** A read still running after this is stopped (its worker is terminated). */
  timeoutMs: number;
  /** Each worker's heap limit. */
  workerMemoryMb: number;
  /** Reads at the same time (one worker each); more wait, up to `QUEUE_MAX`. */
  workers: number;
}

/** Limits one read may change (tests, a caller with smaller files). */
export type XlsxReadLimits = Partial<Pick<XlsxReading, 'maxUncompressedBytes' | 'maxCells' | 'timeoutMs'>>;

export const XLSX_READING_DEFAULTS: XlsxReading = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCells: 1_000_000,
  timeoutMs: 20_000,
  workerMemoryMb: 256,
  workers: 2,
};

let reading: XlsxReading = { ...XLSX_READING_DEFAULTS };

/** Sets the process-wide limits (buildApp, from the environment); omitted ones keep their defaults. */
export function configureXlsxReading(config: Partial<XlsxReading>): void {
  reading = { ...XLSX_READING_DEFAULTS, ...config };
  for (const w of idle.splice(0)) void w.terminate(); // the next read starts workers with the new heap limit
}

const MAX_ENTRIES = 10_000;
/** Reads waiting for a worker beyond this are refused (503) rather than queued without end. */
const QUEUE_MAX = 8;
/** An idle worker is kept this long for the next read (starting one costs about a second under tsx). */
const IDLE_MS = 60_000;

let running = 0;
const waiting: (() => void)[] = [];
const idle: Worker[] = [];
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

async function acquire(): Promise<() => void> {
  if (running >= reading.workers) {
    if (waiting.length >= QUEUE_MAX) throw new AppError('unavailable', '服务器正在读取其他上传的文件，请稍后重试', { fields: { file: '服务器繁忙' } });
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const requireHere = createRequire(import.meta.url);
const WORKER_URL = new URL(`./xlsx-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: reading.workerMemoryMb, maxYoungGenerationSizeMb: 32 };
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { resourceLimits });
  // Run from TypeScript (tsx, vitest): the worker registers tsx's loader before it imports its file.
  const tsxApi = pathToFileURL(path.join(path.dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(code, { eval: true, resourceLimits });
}

function takeWorker(): Worker {
  const w = idle.pop();
  if (w) {
    clearTimeout(idleTimers.get(w));
    w.ref();
    return w;
  }
  return startWorker();
}

function giveBack(w: Worker): void {
  w.unref(); // an idle worker never keeps the process alive
  idle.push(w);
  idleTimers.set(
    w,
    setTimeout(() => {
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      void w.terminate();
    }, IDLE_MS).unref(),
  );
}

const tooLarge = (message: string) => new AppError('payload_too_large', message, { fields: { file: message } });

function toBuffer(data: Buffer | Uint8Array | ArrayBuffer): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

let jobs = 0;

/**
 * Reads in a worker within the limits: a worker that runs past the time limit or its heap limit is
 * terminated (a finished one is kept for the next read). Throws Error(INVALID_XLSX_MESSAGE),
 * Error(a rule of the file), or AppError 413 (too big to read) / 503 (too many reads waiting).
 */
async function inWorker(data: Buffer | Uint8Array | ArrayBuffer, request: XlsxRequest, overrides: XlsxReadLimits = {}): Promise<XlsxResult> {
  const bytes = toBuffer(data);
  // Every .xlsx is a zip archive: local file header "PK\x03\x04".
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new Error(INVALID_XLSX_MESSAGE);
  const limits = { ...reading, ...overrides };
  const release = await acquire();
  try {
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const job: XlsxJob = {
      id: ++jobs,
      data: copy.buffer,
      request,
      limits: { maxUncompressedBytes: limits.maxUncompressedBytes, maxCells: limits.maxCells, maxEntries: MAX_ENTRIES },
    };
    const worker = takeWorker();
    const reply = await new Promise<XlsxReply | 'timeout' | 'memory'>((resolve, reject) => {
      let settled = false;
      const onMessage = (m: XlsxReply) => {
        if (m.id === job.id) settle(m, true);
      };
      const onError = (e: Error & { code?: string }) => settle(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : e, false);
      const onExit = (code: number) => settle(new Error(`xlsx worker exited with code ${code} before answering`), false);
      const timer = setTimeout(() => settle('timeout', false), limits.timeoutMs);
      function settle(v: XlsxReply | 'timeout' | 'memory' | Error, reusable: boolean) {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reusable) giveBack(worker);
        else void worker.terminate();
        if (v instanceof Error) reject(v);
        else resolve(v);
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job, [job.data]);
    });
    if (reply === 'timeout') {
      throw tooLarge(`读取文件超过 ${Math.round(limits.timeoutMs / 100) / 10} 秒仍未完成，已停止：文件过大或过于复杂，请减少行数或拆分后重新上传`);
    }
    if (reply === 'memory') throw tooLarge(`读取文件所需内存超过 ${limits.workerMemoryMb} MB 的上限，已停止：请减少行数或拆分后重新上传`);
    if (reply.ok) return reply.result;
    if (reply.kind === 'invalid') throw new Error(INVALID_XLSX_MESSAGE);
    if (reply.kind === 'content') throw new Error(reply.message);
    if (reply.kind === 'limit') throw tooLarge(reply.message);
    throw new Error(`xlsx worker failed: ${reply.message}`);
  } finally {
    release();
  }
}

/**
 * Reads the first worksheet: the header row (row 1 unless `headerRow` says otherwise) names the
 * columns; each later row becomes `values` keyed by header text. Columns with an empty header are
 * ignored; rows with no value under any header are skipped. Rich text, hyperlinks and formula
 * results become plain values; error cells become their code (e.g. "#N/A").
 * Throws an Error with message {@link INVALID_XLSX_MESSAGE} when the bytes are not an .xlsx file, an
 * Error with a Chinese message when the sheet breaks a rule (too many rows, a duplicate header), and
 * an AppError (413, field `file`) when the file is too big to read (size, cells, time, memory).
 */
export async function readSheet(data: Buffer | Uint8Array | ArrayBuffer, options: ReadSheetOptions = {}): Promise<ReadSheetResult> {
  const headerRow = options.headerRow ?? 1;
  if (!Number.isInteger(headerRow) || headerRow < 1) throw new Error(`表头行号无效：${String(options.headerRow)}`);
  const maxRows = options.maxRows;
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || maxRows < 0)) throw new Error(`最大行数无效：${String(maxRows)}`);
  const result = await inWorker(data, { kind: 'sheet', headerRow, maxRows }, options.limits);
  if (result.kind !== 'sheet') throw new Error('unexpected xlsx reply');
  return result.sheet;
}

/** Every worksheet, in workbook order, as rows of cells (merged ranges read as their top-left value); same errors as {@link readSheet}. */
export async function readSheetGrid(data: Buffer | Uint8Array | ArrayBuffer, options: { limits?: XlsxReadLimits } = {}): Promise<GridSheet[]> {
  const result = await inWorker(data, { kind: 'grid' }, options.limits);
  if (result.kind !== 'grid') throw new Error('unexpected xlsx reply');
  return result.sheets;
}
