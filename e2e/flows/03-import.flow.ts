/**
 * (c) Admin imports units with the template: the .xlsx the dialog offers, filled in; a file with one bad
 * row is refused whole (the row and its Chinese column named, nothing written), the corrected file goes in.
 */
import ExcelJS from 'exceljs';
import { assert, see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '导入检查对象：按模板填写，错误行提示，改正后全部导入';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A valid 统一社会信用代码 (GB 32100-2015) from its first 17 characters. */
function creditCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return first17 + ALPHABET[c === 31 ? 0 : c];
}

export const IMPORTED = ['兰台测试数字档案服务有限公司', '兰台测试第二中学', '兰台测试街道社区居民委员会'];

/** The downloaded template with these rows under its headings (its example row left in: the import skips it). */
async function filled(template: Buffer, withBadRow: boolean): Promise<Buffer> {
  const good = [creditCode('91330100MA2E2E001'), creditCode('12330100MB2E2E002'), creditCode('54330100MC2E2E003')];
  const bad = creditCode('91330100MD2E2E004').slice(0, 17) + (creditCode('91330100MD2E2E004').endsWith('0') ? '1' : '0');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('检查对象');
  assert(ws, 'the template has a 检查对象 sheet');
  const headings = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  assert(
    headings.join(',') === '单位名称,统一社会信用代码,单位类型,所属行业,地址,联系人,联系电话,风险等级',
    `the template's headings (got ${headings.join(',')})`,
  );
  const rows = [
    [IMPORTED[0], good[0], '档案服务企业', '档案服务', '某某市解放路 1 号', '张三', '0571-88880001', '高风险'],
    [IMPORTED[1], good[1], '事业单位', '教育', '某某市学院路 2 号', '李四', '0571-88880002', '低风险'],
    ...(withBadRow ? [['兰台测试校验位错误有限公司', bad, '民营企业', '制造业', '某某市工业路 3 号', '王五', '0571-88880003', '一般风险']] : []),
    [IMPORTED[2], good[2], '社区', '基层自治', '某某市和平街 4 号', '赵六', '0571-88880004', '一般风险'],
  ];
  rows.forEach((r, i) => (ws.getRow(3 + i).values = r)); // row 2 is the example
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('检查对象名录').click();
  await see(page.getByTestId('units-table'), 'the unit list');
  await page.getByRole('button', { name: '导入' }).click();
  const modal = page.getByTestId('unit-import');
  await see(modal, 'the import dialog');
  await see(page.getByTestId('unit-import-template'), 'the 下载导入模板 button');
  const text = await modal.innerText();
  assert(!/JSON|creditCode|riskTier/.test(text), `no JSON or field codes in the dialog (got “${text}”)`);
  const res = await page.request.get(`${baseUrl}/api/units/import-template.xlsx`);
  assert(res.ok(), `the template downloads (HTTP ${res.status()})`);
  const template = await res.body();
  const choose = async (buffer: Buffer) =>
    modal
      .locator('input[type=file]')
      .setInputFiles({ name: '检查对象导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

  await choose(await filled(template, true));
  const errors = page.getByTestId('unit-import-errors');
  await see(errors, 'the table of import errors', 30_000);
  const rows = errors.locator('tbody tr.ant-table-row');
  const texts = (await rows.allTextContents()).map((t) => t.trim());
  assert(texts.length === 1, `exactly one error row expected, got ${texts.length}: ${texts.join(' | ')}`);
  const cells = (await rows.first().locator('td').allTextContents()).map((t) => t.trim());
  assert(cells[0] === '5', `the error names spreadsheet row 5 (got “${cells[0]}”)`);
  assert(cells[1] === '统一社会信用代码', `the error names the column 统一社会信用代码 (got “${cells[1]}”)`);
  assert(/校验/.test(cells[3] ?? ''), `the reason mentions the check character (got “${cells[3]}”)`);
  await seeText(page.getByTestId('unit-import-error'), /未写入任何数据/, 'that nothing was written');

  await choose(await filled(template, false));
  await seeText(page.getByTestId('unit-import-done'), /已导入 3 个检查对象/, 'the import result', 30_000);
  await page.getByRole('button', { name: /^完\s*成$/ }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill('兰台测试');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  const names = page.getByTestId('units-table').getByTestId('unit-name');
  const t0 = Date.now();
  let got: string[] = [];
  while (Date.now() - t0 < 15_000) {
    got = (await names.allTextContents()).map((t) => t.trim());
    if (got.length === 3) break;
    await page.waitForTimeout(200);
  }
  assert(JSON.stringify([...got].sort()) === JSON.stringify([...IMPORTED].sort()), `the list shows the three imported units (got ${got.join(', ')})`);
  state.importedUnits.push(...IMPORTED);
}
