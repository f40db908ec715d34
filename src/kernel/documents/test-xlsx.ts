/**
 * Test fixtures: .xlsx packages written by hand (fast for big sheets, and able to say what exceljs
 * never writes — a worksheet before the shared strings, inline strings, rows without `r`, a zip
 * whose directory lies about a size). Used by the tests and by scripts/measure-uploads.ts.
 */
import zlib from 'node:zlib';
import JSZip from 'jszip';

export type FixtureCell = string | number | null;

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  merges?: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A worksheet's XML; strings inline (`t="inlineStr"`) or as shared-string indexes. */
export function sheetXml(rows: FixtureCell[][], opts: { shared?: Map<string, number>; merges?: string[] } = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  rows.forEach((row, i) => {
    out.push(`<row r="${i + 1}">`);
    row.forEach((v, j) => {
      const ref = `${colName(j + 1)}${i + 1}`;
      if (v === null) return;
      if (typeof v === 'number') out.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (opts.shared) {
        let k = opts.shared.get(v);
        if (k === undefined) opts.shared.set(v, (k = opts.shared.size));
        out.push(`<c r="${ref}" t="s"><v>${k}</v></c>`);
      } else out.push(`<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`);
    });
    out.push('</row>');
  });
  out.push('</sheetData>');
  if (opts.merges?.length) out.push(`<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  out.push('</worksheet>');
  return out.join('');
}

function sharedStringsXml(shared: Map<string, number>): string {
  const items = [...shared.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.size}" uniqueCount="${shared.size}">${items}</sst>`;
}

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal workbook. `sheetXmls` overrides a sheet's XML (by index); `sharedStrings` puts strings in
 * xl/sharedStrings.xml, written after the worksheets as Excel does.
 */
export async function fixtureXlsx(
  sheets: FixtureSheet[],
  opts: { sharedStrings?: boolean; sheetXmls?: Record<number, string>; styles?: string; date1904?: boolean } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  const shared = opts.sharedStrings ? new Map<string, number>() : undefined;
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}">${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets.length + 2}" Type="${NS_R}/styles" Target="styles.xml"/>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, opts.sheetXmls?.[i] ?? sheetXml(s.rows, { shared, merges: s.merges })));
  if (shared) zip.file('xl/sharedStrings.xml', sharedStringsXml(shared));
  if (opts.styles) zip.file('xl/styles.xml', opts.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A sheet of `rows` × `cols` short texts (header row first), the shape of a large legitimate import. */
export function bigSheetRows(rows: number, cols: number): FixtureCell[][] {
  const out: FixtureCell[][] = [Array.from({ length: cols }, (_, j) => `列${j + 1}`)];
  for (let i = 1; i <= rows; i++) out.push(Array.from({ length: cols }, (_, j) => (j % 3 === 0 ? i * cols + j : `单位${i}-${j}`)));
  return out;
}

/**
 * A zip bomb shaped as an .xlsx: one worksheet of `mb` megabytes of the same empty-ish cells, which
 * deflate compresses about 1000:1. Built by deflating one repeated block in a stream, so even 1 GB
 * takes a few seconds and little memory.
 */
export async function bombXlsx(mb: number): Promise<Buffer> {
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const block = Buffer.from('<row><c t="inlineStr"><is><t>炸</t></is></c></row>'.repeat(20_000));
  const target = mb * 1024 * 1024;
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let size = 0;
  const write = (b: Buffer) => {
    size += b.length;
    return deflate.write(b) ? Promise.resolve() : new Promise<void>((r) => deflate.once('drain', () => r()));
  };
  await write(Buffer.from(head));
  while (size + block.length < target) await write(block);
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  const sheet = Buffer.concat(parts);
  // The rest of the package from the ordinary builder, then the bomb spliced in as sheet1.
  const base = await JSZip.loadAsync(await fixtureXlsx([{ name: '炸弹', rows: [['x']] }]));
  base.remove('xl/worksheets/sheet1.xml');
  const rest = await base.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return appendDeflatedEntry(rest, 'xl/worksheets/sheet1.xml', sheet, size);
}

/** Adds one already-deflated entry to a zip (local header + data before the directory, a directory record, new end record). */
export function appendDeflatedEntry(zip: Buffer, name: string, deflated: Buffer, declaredSize: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const count = zip.readUInt16LE(eocd + 10);
  const nameBuf = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); // crc not checked by the reader
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + 46 + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset + 30 + nameBuf.length + deflated.length, 16);
  return Buffer.concat([zip.subarray(0, cdOffset), local, nameBuf, deflated, zip.subarray(cdOffset, cdOffset + cdSize), central, nameBuf, end]);
}
