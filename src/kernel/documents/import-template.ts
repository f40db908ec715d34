/**
 * The .xlsx template of a register's import, in the users' language: the data sheet with Chinese
 * column headings (and example rows, which the import skips: their first cell starts “（示例）”), a
 * dropdown on every column with a closed list, text format where Excel would mangle a value (codes,
 * telephone numbers), a 填写说明 sheet (each column: required or not, what to write, an example) and
 * a 可选值 sheet with every allowed value per column (the dropdowns point there, so a long list such as
 * the 办理结果 works where an inline list would exceed Excel's 255 characters).
 */
import { newWorkbook, safeSheetName, writeSheet } from './xlsx.js';

export interface TemplateColumn {
  /** The heading, as the import reads it. */
  header: string;
  required?: boolean;
  /** What to write (format, rules), one sentence. */
  note?: string;
  /** A closed list: offered as a dropdown and listed on the 可选值 sheet. */
  allowed?: readonly string[];
  /** Stored as text, so Excel keeps leading zeros and long digit strings. */
  text?: boolean;
  width?: number;
}

export interface ImportTemplateSpec {
  sheetName: string;
  columns: readonly TemplateColumn[];
  /** Example rows by heading; the first column's value is prefixed “（示例）” if it is not already. */
  examples?: readonly Record<string, string>[];
  /** Further lines of the 填写说明 sheet (item, text), after the columns. */
  notes?: readonly (readonly [string, string])[];
  /** The most rows one import takes (dropdowns cover this many). */
  maxRows: number;
  fileName: string;
}

/** The prefix of an example row's first cell; such rows are not imported. */
export const EXAMPLE_PREFIX = '（示例）';

/** Whether an import row is one of the template's example rows. */
export const isExampleRow = (firstCell: unknown): boolean => typeof firstCell === 'string' && firstCell.trim().startsWith(EXAMPLE_PREFIX);

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export async function importTemplate(spec: ImportTemplateSpec): Promise<{ buffer: Buffer; fileName: string }> {
  const first = spec.columns[0]!.header;
  const examples = (spec.examples ?? []).map((e) => {
    const v = e[first] ?? '';
    return { ...e, [first]: v.startsWith(EXAMPLE_PREFIX) ? v : `${EXAMPLE_PREFIX}${v}` };
  });
  const base = await writeSheet({
    sheetName: spec.sheetName,
    columns: spec.columns.map((c) => ({ header: c.header, key: c.header, ...(c.width ? { width: c.width } : {}) })),
    rows: examples,
  });
  const wb = await newWorkbook();
  await wb.xlsx.load(base as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0]!;

  // 可选值: one column per closed list.
  const lists = spec.columns.filter((c) => c.allowed?.length);
  const values = lists.length ? wb.addWorksheet('可选值') : null;
  const validations = (ws as unknown as { dataValidations: { add: (range: string, v: unknown) => void } }).dataValidations;
  lists.forEach((c, i) => {
    const letter = colLetter(i + 1);
    values!.getCell(`${letter}1`).value = c.header;
    values!.getCell(`${letter}1`).font = { bold: true };
    c.allowed!.forEach((v, j) => (values!.getCell(`${letter}${j + 2}`).value = v));
    values!.getColumn(i + 1).width = Math.max(12, ...c.allowed!.map((v) => v.length * 2 + 2));
    const at = colLetter(spec.columns.indexOf(c) + 1);
    validations.add(`${at}2:${at}${spec.maxRows + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`'可选值'!$${letter}$2:$${letter}$${c.allowed!.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.header,
      error: `请从下拉列表中选择（见“可选值”表）`,
    });
  });
  spec.columns.forEach((c, i) => {
    if (c.text) ws.getColumn(i + 1).numFmt = '@';
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'item', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'text', width: 70 },
    { header: '示例', key: 'example', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    const allowed = c.allowed?.length ? `只能填写“可选值”表中的一项：${c.allowed.join('、')}。` : '';
    help.addRow({
      item: c.header,
      required: c.required ? '必填' : '选填',
      text: [c.note ?? '', allowed].filter(Boolean).join(' '),
      example: examples[0]?.[c.header] ?? '',
    });
  }
  help.addRow({});
  help.addRow({ item: '示例行', text: `“${safeSheetName(spec.sheetName)}”表中以“${EXAMPLE_PREFIX}”开头的行是示例，不会导入，可删除。` });
  help.addRow({ item: '行数', text: `每次最多 ${spec.maxRows} 行，第一行为表头，请勿修改表头。` });
  for (const [item, text] of spec.notes ?? []) help.addRow({ item, text });
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  const out: unknown = await wb.xlsx.writeBuffer();
  return { buffer: Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer), fileName: spec.fileName };
}
