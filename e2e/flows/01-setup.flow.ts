/** (a) First run through the page, with demo data: the demo accounts are listed once. */
import { assert, see, seeText, type FlowContext } from '../lib.js';

export const name = '初始化（含演示数据）并显示演示账号';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/setup$/, { timeout: 15_000 });
  await see(page.getByTestId('setup-form'), 'the setup form');

  await page.getByLabel('机构名称').fill('某某市档案局');
  await page.getByLabel('层级').click();
  await page.locator('.ant-select-item-option', { hasText: '市级' }).click();
  await page.getByLabel('行政区划代码').fill('330100');
  await page.getByLabel('管理员用户名').fill(state.admin.username);
  await page.getByLabel('姓名').fill(state.admin.displayName);
  await page.getByLabel('密码', { exact: true }).fill(state.admin.password);
  await page.getByLabel('确认密码').fill(state.admin.password);
  const demo = page.getByRole('checkbox', { name: '加载演示数据' });
  if (!(await demo.isChecked())) await demo.check();
  // With the past inspection work (demo-history.ts, ticked by default): the later flows count relative to it.
  const history = page.getByRole('checkbox', { name: '包含检查工作示例记录' });
  assert(await history.isChecked(), 'the past inspection work is ticked by default');
  await page.getByRole('button', { name: '完成初始化' }).click();

  await see(page.getByTestId('setup-done'), 'the setup result page', 60_000);
  await seeText(page.getByTestId('setup-done'), /仅显示一次，请妥善保存/, 'the once-only warning');
  const rows = page.getByTestId('demo-accounts').locator('tbody tr.ant-table-row');
  await see(rows, 'the demo accounts table');
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    const username = (await cells.nth(0).textContent())?.trim() ?? '';
    const password = (await cells.nth(1).locator('code').textContent())?.trim() ?? '';
    const role = (await cells.nth(2).textContent())?.trim() ?? '';
    const displayName = (await cells.nth(3).textContent())?.trim() ?? '';
    state.accounts.push({ username, password, role, displayName });
  }
  const names = state.accounts.map((a) => a.username);
  for (const u of ['leader', 'legal', 'inspector', 'staff', 'unit', 'superior'])
    assert(names.includes(u), `demo account “${u}” is listed (got ${names.join(', ')})`);
  assert(
    state.accounts.every((a) => a.password.length >= 10),
    'every demo account shows its password',
  );
  await see(page.getByRole('button', { name: '前往登录' }), 'the button to sign in');
  await page.getByRole('button', { name: '前往登录' }).click();
  await page.waitForURL(/\/login/);
}
