/** (c) Admin imports units from an .xlsx: the bad row is reported, the good rows imported. */
import ExcelJS from 'exceljs';
import { assert, see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '导入检查对象：错误行提示并导入有效行';

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

async function workbook(): Promise<Buffer> {
  const good = [creditCode('91330100MA2E2E001'), creditCode('12330100MB2E2E002'), creditCode('54330100MC2E2E003')];
  const bad = creditCode('91330100MD2E2E004').slice(0, 17) + (creditCode('91330100MD2E2E004').endsWith('0') ? '1' : '0');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查对象');
  ws.addRow(['单位名称', '统一社会信用代码', '单位类型', '所属行业', '地址', '联系人', '联系电话', '风险等级']);
  ws.addRow([IMPORTED[0], good[0], '档案服务企业', '档案服务', '某某市解放路 1 号', '张三', '0571-88880001', '高风险']);
  ws.addRow([IMPORTED[1], good[1], '事业单位', '教育', '某某市学院路 2 号', '李四', '0571-88880002', '低风险']);
  ws.addRow(['兰台测试校验位错误有限公司', bad, '民营企业', '制造业', '某某市工业路 3 号', '王五', '0571-88880003', '一般风险']);
  ws.addRow([IMPORTED[2], good[2], '社区', '基层自治', '某某市和平街 4 号', '赵六', '0571-88880004', '一般风险']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('检查对象名录').click();
  await see(page.getByTestId('units-table'), 'the unit list');
  await page.getByRole('button', { name: '导入' }).click();
  const modal = page.getByTestId('import-modal');
  await see(modal, 'the import dialog');
  await modal
    .locator('input[type=file]')
    .setInputFiles({ name: '检查对象导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() });

  const errors = page.getByTestId('import-errors');
  await see(errors, 'the table of import errors', 30_000);
  const rows = errors.locator('tbody tr.ant-table-row');
  const texts = (await rows.allTextContents()).map((t) => t.trim());
  assert(texts.length === 1, `exactly one error row expected, got ${texts.length}: ${texts.join(' | ')}`);
  const cells = (await rows.first().locator('td').allTextContents()).map((t) => t.trim());
  assert(cells[0] === '4', `the error names spreadsheet row 4 (got “${cells[0]}”)`);
  assert(cells[1] === '统一社会信用代码', `the error names the column 统一社会信用代码 (got “${cells[1]}”)`);
  assert(/校验/.test(cells[3] ?? ''), `the reason mentions the check character (got “${cells[3]}”)`);
  await seeText(page.getByTestId('import-valid'), /^3$/, 'the count of valid rows');

  await page.getByRole('button', { name: '导入 3 条有效记录' }).click();
  await seeText(page.getByTestId('import-done'), /已导入 3 条/, 'the import result');
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
