import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import zlib from 'node:zlib';
import { INVALID_XLSX_MESSAGE, readSheet, readSheetGrid, safeSheetName, writeSheet } from './index.js';
import { appendDeflatedEntry, bigSheetRows, bombXlsx, fixtureXlsx } from './test-xlsx.js';

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const columns = [
  { header: '单位名称', key: 'name' },
  { header: '统一社会信用代码', key: 'code', width: 24 },
  { header: '档案数量（卷）', key: 'count' },
  { header: '检查日期', key: 'date' },
];

const rows = [
  { name: '兰台市财政局', code: '11110000000000000A', count: 1200, date: new Date(Date.UTC(2024, 0, 2)) },
  { name: '兰台市教育局', code: '=SUM(A1:A2)', count: 860, date: null },
  { name: '  兰台市档案馆  ', code: undefined, count: 0, date: new Date(Date.UTC(2024, 5, 30)) },
];

describe('writeSheet', () => {
  it('writes a bold, frozen, filterable header row with widths', async () => {
    const buf = await writeSheet({ sheetName: '检查对象', columns, rows });
    const wb = await load(buf);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('检查对象');
    expect(ws?.getRow(1).values).toEqual([undefined, '单位名称', '统一社会信用代码', '档案数量（卷）', '检查日期']);
    expect(ws?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getColumn(2).width).toBe(24);
    // CJK text counts double: "兰台市财政局" is 12 units wide, plus padding.
    expect(ws?.getColumn(1).width).toBeGreaterThanOrEqual(14);
    expect(ws?.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    // A leading "=" is stored as text, never as a formula.
    expect(ws?.getCell('B3').value).toBe('=SUM(A1:A2)');
    const sheetXml = (await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).toContain('<autoFilter ref="A1:D1"/>');
  });

  it('puts an optional title in a merged first row and the header in row 2', async () => {
    const buf = await writeSheet({ sheetName: 's', columns, rows, title: '2024年度检查对象名录' });
    const wb = await load(buf);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A1').value).toBe('2024年度检查对象名录');
    expect(ws?.getCell('D1').isMerged).toBe(true);
    expect(ws?.getCell('A2').value).toBe('单位名称');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const read = await readSheet(buf, { headerRow: 2 });
    expect(read.headers).toEqual(['单位名称', '统一社会信用代码', '档案数量（卷）', '检查日期']);
    expect(read.rows[0]?.rowNumber).toBe(3);
  });

  it.each([
    ['检查:对象/名录?', '检查_对象_名录_'],
    ['[2024]*', '_2024__'],
    ["'引号'", '引号'],
    ['', 'Sheet1'],
    ['History', 'Sheet1'],
    ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一'],
  ])('makes a safe sheet name of %j', (name, expected) => {
    expect(safeSheetName(name)).toBe(expected);
  });

  it('rejects duplicate keys and no columns', async () => {
    await expect(writeSheet({ sheetName: 's', columns: [], rows: [] })).rejects.toThrow(/至少需要一列/);
    await expect(
      writeSheet({
        sheetName: 's',
        columns: [
          { header: 'a', key: 'k' },
          { header: 'b', key: 'k' },
        ],
        rows: [],
      }),
    ).rejects.toThrow(/列键重复/);
  });
});

describe('readSheet', () => {
  it('round-trips what writeSheet wrote, trimming strings and keeping numbers and dates', async () => {
    const buf = await writeSheet({ sheetName: '检查对象', columns, rows });
    const result = await readSheet(buf);
    expect(result.headers).toEqual(['单位名称', '统一社会信用代码', '档案数量（卷）', '检查日期']);
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        values: { 单位名称: '兰台市财政局', 统一社会信用代码: '11110000000000000A', '档案数量（卷）': 1200, 检查日期: new Date(Date.UTC(2024, 0, 2)) },
      },
      { rowNumber: 3, values: { 单位名称: '兰台市教育局', 统一社会信用代码: '=SUM(A1:A2)', '档案数量（卷）': 860, 检查日期: null } },
      { rowNumber: 4, values: { 单位名称: '兰台市档案馆', 统一社会信用代码: null, '档案数量（卷）': 0, 检查日期: new Date(Date.UTC(2024, 5, 30)) } },
    ]);
  });

  it('accepts a Uint8Array and an ArrayBuffer as well as a Buffer', async () => {
    const buf = await writeSheet({ sheetName: 's', columns, rows });
    const u8 = new Uint8Array(buf);
    expect((await readSheet(u8)).rows).toHaveLength(3);
    expect((await readSheet(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength))).rows).toHaveLength(3);
  });

  it('skips entirely empty rows (including whitespace-only and styled-but-empty rows)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['姓名', '单位']);
    ws.addRow(['张三', '财政局']);
    ws.addRow([]);
    ws.addRow(['   ', '\u3000']);
    ws.getCell('A5').font = { bold: true };
    ws.addRow([null, '教育局']);
    ws.getCell('A7').value = '李四';
    const result = await readSheet(await toBuffer(wb));
    expect(result.rows.map((r) => [r.rowNumber, r.values['姓名'], r.values['单位']])).toEqual([
      [2, '张三', '财政局'],
      [6, null, '教育局'],
      [7, '李四', null],
    ]);
  });

  it('converts rich text, hyperlinks, formulas and errors to plain values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['富文本', '链接', '公式', '日期公式', '错误', '布尔']);
    const r = ws.addRow([]);
    r.getCell(1).value = { richText: [{ text: ' 兰台', font: { bold: true } }, { text: '档案局 ' }] };
    r.getCell(2).value = { text: '门户网站', hyperlink: 'https://example.org/' };
    r.getCell(3).value = { formula: 'SUM(1,2)', result: 3 };
    r.getCell(4).value = { formula: 'DATE(2024,1,2)', result: new Date(Date.UTC(2024, 0, 2)) };
    r.getCell(5).value = { error: '#N/A' };
    r.getCell(6).value = true;
    const result = await readSheet(await toBuffer(wb));
    expect(result.rows[0]?.values).toEqual({
      富文本: '兰台档案局',
      链接: '门户网站',
      公式: 3,
      日期公式: new Date(Date.UTC(2024, 0, 2)),
      错误: '#N/A',
      布尔: 'TRUE',
    });
  });

  it('maps by trimmed header text, ignores columns without a header and reads only the first sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('第一');
    ws.addRow([' 名称 ', null, '数量']);
    ws.addRow(['甲', '无表头', 5]);
    wb.addWorksheet('第二').addRow(['其他']);
    const result = await readSheet(await toBuffer(wb));
    expect(result.headers).toEqual(['名称', '数量']);
    expect(result.rows).toEqual([{ rowNumber: 2, values: { 名称: '甲', 数量: 5 } }]);
  });

  it('rejects duplicate headers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['名称', '名称']);
    await expect(readSheet(await toBuffer(wb))).rejects.toThrow(/表头“名称”重复/);
  });

  it('enforces maxRows on non-empty data rows', async () => {
    const buf = await writeSheet({ sheetName: 's', columns, rows });
    expect((await readSheet(buf, { maxRows: 3 })).rows).toHaveLength(3);
    await expect(readSheet(buf, { maxRows: 2 })).rejects.toThrow(/超过上限 2 行/);
  });

  it('returns no rows for a sheet with only a header', async () => {
    const buf = await writeSheet({ sheetName: 's', columns, rows: [] });
    expect(await readSheet(buf)).toEqual({ headers: columns.map((c) => c.header), rows: [] });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['text', Buffer.from('单位名称,数量\n财政局,1\n', 'utf8')],
    ['legacy .xls (OLE2)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['truncated zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
  ])('throws a clear Chinese error for %s input', async (_label, buf) => {
    await expect(readSheet(buf)).rejects.toThrow(INVALID_XLSX_MESSAGE);
    expect(INVALID_XLSX_MESSAGE).toBe('文件不是有效的 Excel（.xlsx）文件');
  });

  it('throws the same error for a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', '你好');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(readSheet(buf)).rejects.toThrow(INVALID_XLSX_MESSAGE);
  });
});

describe('readSheet: what other writers put in a file', () => {
  it('reads shared strings written after the worksheet, inline strings, rows and cells without references, prefixed tags', async () => {
    const shared = await fixtureXlsx(
      [
        {
          name: 's',
          rows: [
            ['名称', '数量'],
            ['甲', 1],
            [null, 2],
          ],
        },
      ],
      { sharedStrings: true },
    );
    expect(await readSheet(shared)).toEqual({
      headers: ['名称', '数量'],
      rows: [
        { rowNumber: 2, values: { 名称: '甲', 数量: 1 } },
        { rowNumber: 3, values: { 名称: null, 数量: 2 } },
      ],
    });
    const bare =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>备</x:t></x:r><x:r><x:t>注</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t> 乙 </x:t></x:is></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="B5" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const buf = await fixtureXlsx([{ name: 's', rows: [] }], { sheetXmls: { 0: bare } });
    expect(await readSheet(buf)).toEqual({
      headers: ['名称', '备注'],
      rows: [
        { rowNumber: 2, values: { 名称: '乙', 备注: 'FALSE' } },
        { rowNumber: 5, values: { 名称: null, 备注: '#DIV/0!' } },
      ],
    });
  });

  it('leaves out phonetic runs of shared strings; reads dates by built-in Chinese formats, custom formats and the 1904 system', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>B</t></is></c><c r="C1" t="inlineStr"><is><t>C</t></is></c><c r="D1" t="inlineStr"><is><t>D</t></is></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2" s="2"><v>45293</v></c><c r="C2" s="3"><v>45292</v></c><c r="D2" t="d"><v>2024-03-01T00:00:00Z</v></c></row>' +
      '</sheetData></worksheet>';
    const base = await fixtureXlsx([{ name: 's', rows: [] }], { sheetXmls: { 0: sheet }, styles });
    const zip = await JSZip.loadAsync(base);
    zip.file(
      'xl/sharedStrings.xml',
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>日</t></r><r><t>期</t></r><rPh sb="0" eb="1"><t>ri</t></rPh></si></sst>',
    );
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await readSheet(buf)).rows[0]?.values).toEqual({
      日期: new Date(Date.UTC(2024, 0, 1)),
      B: new Date(Date.UTC(2024, 0, 2)),
      C: 45292,
      D: new Date(Date.UTC(2024, 2, 1)),
    });
    const in1904 = await fixtureXlsx([{ name: 's', rows: [] }], { sheetXmls: { 0: sheet }, styles, date1904: true });
    expect((await readSheet(in1904)).rows[0]?.values.B).toEqual(new Date(Date.UTC(2028, 0, 3)));
  });
});

describe('readSheetGrid: every sheet, merged ranges filled', () => {
  it('reads the sheets in workbook order with the merged value in every cell of the range', async () => {
    const buf = await fixtureXlsx([
      {
        name: '表一',
        rows: [
          ['（一）予以公开', null, 3],
          [null, null, 4],
          ['合计', null, 7],
        ],
        merges: ['A1:B2'],
      },
      { name: '表二', rows: [[null, '行政复议']] },
    ]);
    expect(await readSheetGrid(buf)).toEqual([
      {
        name: '表一',
        rows: [
          { rowNumber: 1, cells: ['（一）予以公开', '（一）予以公开', 3] },
          { rowNumber: 2, cells: ['（一）予以公开', '（一）予以公开', 4] },
          { rowNumber: 3, cells: ['合计', null, 7] },
        ],
      },
      { name: '表二', rows: [{ rowNumber: 1, cells: [null, '行政复议'] }] },
    ]);
  });
});

/** Rejects with the 413 AppError of a file too big to read, its message also under `file`. */
async function tooLarge(p: Promise<unknown>, message: RegExp) {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { code?: string; status?: number; message?: string; fields?: Record<string, string> } | null;
  expect(e?.code, String(e?.message)).toBe('payload_too_large');
  expect(e?.status).toBe(413);
  expect(e?.message).toMatch(message);
  expect(e?.fields?.file).toBe(e?.message);
}

describe('readSheet: limits, checked while reading, in a worker', () => {
  it('refuses a zip bomb by the sizes its directory declares, before inflating anything', async () => {
    const bomb = await bombXlsx(64); // 64 MB of cells in about 100 KB
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    await tooLarge(readSheet(bomb, { limits: { maxUncompressedBytes: 16 * 1024 * 1024 } }), /解压后有 6\d(\.\d)? MB，超过 16 MB 的上限/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses an entry that inflates past the size the directory declares (a lying header)', async () => {
    const base = await fixtureXlsx([{ name: 's', rows: [['名称']] }]);
    const zip = await JSZip.loadAsync(base);
    zip.remove('xl/worksheets/sheet1.xml');
    const rest = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(100_000)}</sheetData></worksheet>`;
    const lying = appendDeflatedEntry(rest, 'xl/worksheets/sheet1.xml', zlib.deflateRawSync(Buffer.from(xml)), 2000);
    await expect(readSheet(lying)).rejects.toThrow(INVALID_XLSX_MESSAGE);
  });

  it.each<[string, () => Promise<Buffer>, Parameters<typeof readSheet>[1], RegExp, 'limit' | 'content']>([
    ['cells over the limit', () => fixtureXlsx([{ name: 's', rows: bigSheetRows(2_000, 5) }]), { limits: { maxCells: 5_000 } }, /单元格超过 5,000 个/, 'limit'],
    [
      'shared strings over the cell limit',
      () => fixtureXlsx([{ name: 's', rows: bigSheetRows(2_000, 5) }], { sharedStrings: true }),
      { limits: { maxCells: 5_000 } },
      /单元格超过 5,000 个/,
      'limit',
    ],
    ['data rows over maxRows', () => fixtureXlsx([{ name: 's', rows: bigSheetRows(2_000, 5) }]), { maxRows: 100 }, /数据行数超过上限 100 行/, 'content'],
    [
      'a cell over 32767 characters',
      () => fixtureXlsx([{ name: 's', rows: [['名称'], ['长'.repeat(40_000)]] }]),
      {},
      /超过 Excel 单元格上限 32767 个字符/,
      'content',
    ],
  ])('stops at %s', async (_what, make, options, message, kind) => {
    const buf = await make();
    if (kind === 'limit') await tooLarge(readSheet(buf, options), message);
    else await expect(readSheet(buf, options)).rejects.toThrow(message);
  });

  it('stops a read that runs past the time limit and reads the next file as usual', async () => {
    const big = await fixtureXlsx([{ name: 's', rows: bigSheetRows(20_000, 10) }]);
    await tooLarge(readSheet(big, { limits: { timeoutMs: 20 } }), /读取文件超过 0(\.0)? 秒仍未完成，已停止/);
    const small = await fixtureXlsx([{ name: 's', rows: bigSheetRows(3, 2) }]);
    expect((await readSheet(small)).rows).toHaveLength(3);
  });

  it('keeps the event loop free while a large sheet is read (200,000 cells)', async () => {
    const big = await fixtureXlsx([{ name: 's', rows: bigSheetRows(20_000, 10) }], { sharedStrings: true });
    let last = performance.now();
    let worst = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 5);
    try {
      const t0 = performance.now();
      const result = await readSheet(big, { maxRows: 20_000 });
      expect(result.rows).toHaveLength(20_000);
      expect(result.rows[19_999]?.values['列2']).toBe('单位20000-1');
      console.log(
        `read 200,000 cells (${(big.length / 1024 / 1024).toFixed(1)} MB) in ${Math.round(performance.now() - t0)} ms; longest event-loop gap ${Math.round(worst)} ms`,
      );
    } finally {
      clearInterval(tick);
    }
    expect(worst).toBeLessThan(1000);
  });
});
