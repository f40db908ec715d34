/**
 * A streaming reader of SpreadsheetML (.xlsx) over bytes in memory, for uploads: it runs in the
 * worker of `xlsx-worker.ts` (see `readSheet` in xlsx.ts), never on the event loop.
 *
 * Before anything is inflated, the zip directory's declared sizes are summed against
 * `maxUncompressedBytes` (a zip bomb is refused there); each part is then inflated as a stream capped
 * at its declared size and parsed as it comes (saxes, the XML parser exceljs itself uses), and the
 * limits — data rows, cells, characters per cell — are checked cell by cell, so a sheet over a limit
 * stops at the first cell past it. Nothing is written to disk (exceljs's own streaming reader spools
 * a worksheet that precedes the shared strings to a temporary file).
 *
 * Values come back as exceljs's `readSheet` gave them: trimmed text (empty → null), numbers, Dates for
 * date-formatted numbers, TRUE/FALSE, error codes (#N/A), formula results.
 */
import { createRequire } from 'node:module';
import type { SaxesParser as SaxesParserType, SaxesTagPlain } from 'saxes';
import { entryChunks, zipEntries, ZipFormatError, type ZipEntry } from './zip.js';

// saxes is exceljs's dependency; take exceljs's copy rather than whatever else the tree hoists.
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const { SaxesParser } = requireFromExceljs('saxes') as { SaxesParser: typeof SaxesParserType };

export const INVALID_XLSX_MESSAGE = '文件不是有效的 Excel（.xlsx）文件';

/** Excel's limit on the text in one cell. */
export const MAX_CELL_CHARS = 32767;
/** Excel's last column (XFD). */
const MAX_COLUMN = 16384;

export type CellPlain = string | number | Date | null;

export interface XlsxLimits {
  /** Sum of the declared (uncompressed) sizes of the zip's entries, bytes; checked before inflating. */
  maxUncompressedBytes: number;
  /** Entries in the zip. */
  maxEntries: number;
  /** Cells holding a value (and shared strings), over everything read. */
  maxCells: number;
}

/** `sheet`: the first worksheet keyed by its header row; `grid`: every worksheet as rows of cells, merged ranges filled. */
export type XlsxRequest = { kind: 'sheet'; headerRow: number; maxRows?: number } | { kind: 'grid' };

export interface SheetRows {
  headers: string[];
  rows: { rowNumber: number; values: Record<string, CellPlain> }[];
}

export interface GridSheet {
  name: string;
  /** Rows holding a value, in order; `cells[0]` is column A. Every row has the sheet's width. */
  rows: { rowNumber: number; cells: CellPlain[] }[];
}

export type XlsxResult = { kind: 'sheet'; sheet: SheetRows } | { kind: 'grid'; sheets: GridSheet[] };

/**
 * Why a read stopped: `invalid` — not an .xlsx (message {@link INVALID_XLSX_MESSAGE}); `content` — the
 * file breaks a rule of the import (too many rows, a duplicate header; 400); `limit` — the file is
 * too big to read (uncompressed size, cells; 413).
 */
export class XlsxReadError extends Error {
  constructor(
    readonly kind: 'invalid' | 'content' | 'limit',
    message: string,
    opts?: { cause?: unknown },
  ) {
    super(message, opts);
    this.name = 'XlsxReadError';
  }
}

const invalid = (cause?: unknown) => new XlsxReadError('invalid', INVALID_XLSX_MESSAGE, { cause });
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The tag name without its namespace prefix (`x:row` → `row`). */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** An attribute; with `prefixed`, by local name under any prefix (`r:id`, `ns2:id` → `id`). */
function attr(tag: SaxesTagPlain, name: string, prefixed = false): string | undefined {
  if (!prefixed) return tag.attributes[name];
  for (const k in tag.attributes) if (k.includes(':') && local(k) === name) return tag.attributes[k];
  return undefined;
}

interface XmlHandlers {
  open?: (name: string, tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/** Streams one zip entry through the XML parser; a handler that throws stops the inflation. */
async function parseEntry(zip: Buffer, entry: ZipEntry, h: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (tag) => open(local(tag.name), tag as SaxesTagPlain));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of entryChunks(zip, entry)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw invalid(e); // bad zip data, not UTF-8, not well-formed XML
  }
}

/** Excel's built-in date and time formats (14–22, 45–47; 27–36 and 50–58 in the Chinese, Japanese and Korean locales). */
function builtinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom number format that shows a date or time (the test exceljs applies). */
function dateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Column number of a cell reference (`AB12` → 28), or null. */
function columnOf(ref: string): number | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 || col > MAX_COLUMN ? null : col;
}

function rowOf(ref: string): number | null {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : null;
}

/** Everything the worksheets need from the rest of the package. */
interface Book {
  sheets: { name: string; path: string }[];
  sharedStrings: string[];
  /** Per cell style index: is it a date format? */
  dateStyles: boolean[];
  date1904: boolean;
}

function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

async function readRels(zip: Buffer, entry: ZipEntry | undefined): Promise<{ id: string; type: string; target: string }[]> {
  const rels: { id: string; type: string; target: string }[] = [];
  if (!entry) return rels;
  await parseEntry(zip, entry, {
    open: (name, tag) => {
      if (name === 'Relationship') rels.push({ id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target: attr(tag, 'Target') ?? '' });
    },
  });
  return rels;
}

async function readBook(zip: Buffer, byName: Map<string, ZipEntry>, limits: XlsxLimits, allSheets: boolean): Promise<Book> {
  const rootRels = await readRels(zip, byName.get('_rels/.rels'));
  const main = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = main ? resolvePart('', main.target) : 'xl/workbook.xml';
  const workbook = byName.get(workbookPath);
  if (!workbook) throw invalid(new Error('no workbook part'));
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = await readRels(zip, byName.get(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`));
  const relById = new Map(rels.map((r) => [r.id, r]));

  const listed: { name: string; rid: string }[] = [];
  let date1904 = false;
  await parseEntry(zip, workbook, {
    open: (name, tag) => {
      if (name === 'sheet') listed.push({ name: attr(tag, 'name') ?? '', rid: attr(tag, 'id', true) ?? '' });
      else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
    },
  });
  const sheets: Book['sheets'] = [];
  for (const s of listed) {
    const rel = relById.get(s.rid);
    if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets, dialog sheets
    sheets.push({ name: s.name, path: resolvePart(dir, rel.target) });
    if (!allSheets) break;
  }
  if (!sheets.length) throw invalid(new Error('workbook has no worksheets'));

  const partOf = (type: string, fallback: string) => {
    const rel = rels.find((r) => r.type.endsWith(type));
    return byName.get(rel ? resolvePart(dir, rel.target) : `${dir}${fallback}`);
  };

  const sharedStrings: string[] = [];
  const sst = partOf('/sharedStrings', 'sharedStrings.xml');
  if (sst) {
    let text: string | null = null;
    let inT = false;
    let phonetic = 0;
    await parseEntry(zip, sst, {
      open: (name) => {
        if (name === 'si') text = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !phonetic) inT = true;
      },
      text: (t) => {
        if (!inT || text === null) return;
        text += t;
        if (text.length > MAX_CELL_CHARS) throw new XlsxReadError('content', `文件中有一段文字超过 Excel 单元格上限 ${MAX_CELL_CHARS} 个字符`);
      },
      close: (name) => {
        if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          sharedStrings.push(text ?? '');
          text = null;
          if (sharedStrings.length > limits.maxCells) throw new XlsxReadError('limit', cellLimitMessage(limits));
        }
      },
    });
  }

  const dateStyles: boolean[] = [];
  const styles = partOf('/styles', 'styles.xml');
  if (styles) {
    const custom = new Map<number, boolean>();
    let inXfs = false;
    await parseEntry(zip, styles, {
      open: (name, tag) => {
        if (name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), dateFormatCode(attr(tag, 'formatCode') ?? ''));
        else if (name === 'cellXfs') inXfs = true;
        else if (name === 'xf' && inXfs) {
          const id = Number(attr(tag, 'numFmtId') ?? 0);
          dateStyles.push(custom.get(id) ?? builtinDate(id));
          if (dateStyles.length > MAX_STYLES) throw new XlsxReadError('limit', `文件中的单元格格式超过 ${MAX_STYLES} 种，无法读取`);
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inXfs = false;
      },
    });
  }
  return { sheets, sharedStrings, dateStyles, date1904 };
}

const MAX_STYLES = 65_000; // Excel's own limit is 64,000 cell formats
const MAX_MERGES = 10_000;

const cellLimitMessage = (limits: XlsxLimits) => `文件中的单元格超过 ${limits.maxCells.toLocaleString('en-US')} 个，已停止读取：请拆分文件后分批导入`;

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function plainText(s: string | null): CellPlain {
  if (s === null) return null;
  const t = s.trim();
  return t === '' ? null : t;
}

/** Callbacks of one worksheet pass: every cell with a value, then the end of each row. */
interface SheetVisitor {
  cell(row: number, col: number, value: CellPlain): void;
  rowEnd(row: number): void;
  merge?(ref: string): void;
}

async function walkSheet(zip: Buffer, entry: ZipEntry, book: Book, v: SheetVisitor): Promise<void> {
  let row = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let inCell = false;
  let value: string | null = null; // <v>
  let inline: string | null = null; // <is><t>
  let target: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  const append = (t: string) => {
    if (target === 'v') value = (value ?? '') + t;
    else if (target === 't') inline = (inline ?? '') + t;
    else return;
    if ((value?.length ?? 0) > MAX_CELL_CHARS || (inline?.length ?? 0) > MAX_CELL_CHARS) {
      throw new XlsxReadError('content', `第 ${row} 行第 ${col} 列的内容超过 Excel 单元格上限 ${MAX_CELL_CHARS} 个字符`);
    }
  };
  const cellValue = (): CellPlain => {
    switch (type) {
      case 's': {
        const i = value === null ? NaN : Number(value);
        return Number.isInteger(i) ? plainText(book.sharedStrings[i] ?? null) : null;
      }
      case 'inlineStr':
        return plainText(inline ?? value);
      case 'str':
        return plainText(value);
      case 'b':
        return value === null ? null : value.trim() === '1' || value.trim() === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return plainText(value);
      case 'd': {
        if (value === null) return null;
        const d = new Date(value.trim());
        return Number.isNaN(d.getTime()) ? plainText(value) : d;
      }
      default: {
        if (value === null || value.trim() === '') return null;
        const n = Number(value);
        if (!Number.isFinite(n)) return null;
        return book.dateStyles[style] ? excelToDate(n, book.date1904) : n;
      }
    }
  };
  await parseEntry(zip, entry, {
    open: (name, tag) => {
      switch (name) {
        case 'row': {
          const r = Number(attr(tag, 'r') ?? row + 1);
          if (!Number.isInteger(r) || r < 1 || r > 1_048_576) throw invalid(new Error(`bad row number ${attr(tag, 'r')}`));
          row = r;
          col = 0;
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const c = ref ? columnOf(ref) : col + 1;
          if (c === null || c < 1 || c > MAX_COLUMN) throw invalid(new Error(`bad cell reference ${ref}`));
          col = c;
          type = attr(tag, 't') ?? 'n';
          style = Number(attr(tag, 's') ?? 0);
          value = null;
          inline = null;
          inCell = true;
          break;
        }
        case 'v':
          if (inCell) target = 'v';
          break;
        case 'is':
          if (inCell) inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && !phonetic) target = 't';
          break;
        case 'mergeCell': {
          const ref = attr(tag, 'ref');
          if (ref && v.merge) v.merge(ref);
          break;
        }
      }
    },
    text: append,
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          target = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          inCell = false;
          const val = cellValue();
          if (val !== null) v.cell(row, col, val);
          break;
        }
        case 'row':
          v.rowEnd(row);
          break;
      }
    },
  });
}

/** Counts cells against the limit across everything read. */
function cellCounter(limits: XlsxLimits) {
  let cells = 0;
  return () => {
    if (++cells > limits.maxCells) throw new XlsxReadError('limit', cellLimitMessage(limits));
  };
}

async function readSheetRows(
  zip: Buffer,
  book: Book,
  req: { headerRow: number; maxRows?: number },
  limits: XlsxLimits,
  byName: Map<string, ZipEntry>,
): Promise<SheetRows> {
  const { headerRow, maxRows } = req;
  const sheet = book.sheets[0]!;
  const entry = byName.get(sheet.path);
  if (!entry) throw invalid(new Error(`no part ${sheet.path}`));
  const count = cellCounter(limits);
  let columns: { col: number; header: string }[] | null = null;
  let byCol = new Map<number, string>();
  const rows: SheetRows['rows'] = [];
  let current: Record<string, CellPlain> | null = null;
  let headerCells: { col: number; value: CellPlain }[] = [];
  await walkSheet(zip, entry, book, {
    cell: (row, col, value) => {
      count();
      if (row === headerRow) headerCells.push({ col, value });
      else if (row > headerRow && columns) {
        const header = byCol.get(col);
        if (header === undefined) return;
        current ??= Object.create(null) as Record<string, CellPlain>;
        current[header] = value;
      }
    },
    rowEnd: (row) => {
      if (row === headerRow && !columns) {
        columns = [];
        const seen = new Set<string>();
        for (const { col, value } of headerCells.sort((a, b) => a.col - b.col)) {
          const header = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
          if (seen.has(header)) throw new XlsxReadError('content', `表头“${header}”重复（第 ${headerRow} 行）`);
          seen.add(header);
          columns.push({ col, header });
        }
        byCol = new Map(columns.map((c) => [c.col, c.header]));
        headerCells = [];
        return;
      }
      if (current && columns) {
        const values = Object.create(null) as Record<string, CellPlain>;
        for (const { header } of columns) values[header] = current[header] ?? null;
        if (maxRows !== undefined && rows.length >= maxRows) throw new XlsxReadError('content', `数据行数超过上限 ${maxRows} 行`);
        rows.push({ rowNumber: row, values });
      }
      current = null;
    },
  });
  const headers = (columns as { col: number; header: string }[] | null)?.map((c) => c.header) ?? [];
  return { headers, rows };
}

async function readGrid(zip: Buffer, book: Book, limits: XlsxLimits, byName: Map<string, ZipEntry>): Promise<GridSheet[]> {
  const count = cellCounter(limits);
  const out: GridSheet[] = [];
  for (const sheet of book.sheets) {
    const entry = byName.get(sheet.path);
    if (!entry) throw invalid(new Error(`no part ${sheet.path}`));
    const cells = new Map<number, Map<number, CellPlain>>();
    const merges: string[] = [];
    let width = 0;
    let height = 0;
    const put = (row: number, col: number, value: CellPlain) => {
      let r = cells.get(row);
      if (!r) cells.set(row, (r = new Map()));
      r.set(col, value);
      width = Math.max(width, col);
      height = Math.max(height, row);
    };
    await walkSheet(zip, entry, book, {
      cell: (row, col, value) => {
        count();
        put(row, col, value);
      },
      rowEnd: () => {},
      merge: (ref) => {
        if (merges.length >= MAX_MERGES) throw new XlsxReadError('limit', `文件中的合并单元格超过 ${MAX_MERGES} 处，无法读取`);
        merges.push(ref);
      },
    });
    // A merged range reads as its top-left value in every cell (as exceljs shows it), within what the sheet holds.
    for (const ref of merges) {
      const [a, b] = ref.split(':');
      const c1 = columnOf(a ?? '');
      const r1 = rowOf(a ?? '');
      const c2 = columnOf(b ?? a ?? '');
      const r2 = rowOf(b ?? a ?? '');
      if (c1 === null || r1 === null || c2 === null || r2 === null) continue;
      const master = cells.get(r1)?.get(c1) ?? null;
      if (master === null) continue;
      const lastRow = Math.min(r2, height);
      const lastCol = Math.min(c2, width);
      for (let r: number = r1; r <= lastRow; r++) {
        for (let c: number = c1; c <= lastCol; c++) {
          if (r === r1 && c === c1) continue;
          count();
          put(r, c, master);
        }
      }
    }
    const rows = [...cells.keys()]
      .sort((x, y) => x - y)
      .map((rowNumber) => {
        const r = cells.get(rowNumber)!;
        return { rowNumber, cells: Array.from({ length: width }, (_, i) => r.get(i + 1) ?? null) };
      });
    out.push({ name: sheet.name, rows });
  }
  return out;
}

/** Reads an .xlsx held in memory within the limits. Throws {@link XlsxReadError}. */
export async function readXlsx(data: Buffer, req: XlsxRequest, limits: XlsxLimits): Promise<XlsxResult> {
  // Every .xlsx is a zip archive: local file header "PK\x03\x04".
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw invalid();
  let entries: ZipEntry[];
  try {
    entries = zipEntries(data, limits.maxEntries);
  } catch (e) {
    if (e instanceof ZipFormatError && e.message.startsWith('too many entries')) {
      throw new XlsxReadError('limit', `文件包含的部件超过 ${limits.maxEntries} 个，不像是 Excel 文件，已拒绝读取`, { cause: e });
    }
    throw invalid(e);
  }
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new XlsxReadError(
      'limit',
      `文件解压后有 ${mb(total)}，超过 ${mb(limits.maxUncompressedBytes)} 的上限，已拒绝读取：请删除无关的工作表、图片后重试，或拆分文件`,
    );
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const book = await readBook(data, byName, limits, req.kind === 'grid');
  if (req.kind === 'sheet') return { kind: 'sheet', sheet: await readSheetRows(data, book, req, limits, byName) };
  return { kind: 'grid', sheets: await readGrid(data, book, limits, byName) };
}
