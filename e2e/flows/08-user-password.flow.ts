/**
 * Admin creates an account (a taken username is refused under its field), the new user must
 * change the initial password at first sign-in, and then signs in with the new one.
 */
import { assert, menuLabels, see, seeText, signIn, signOut, type FlowContext } from '../lib.js';

export const name = '新建用户并在首次登录时修改密码';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('用户管理').click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新建用户' });
  await see(drawer.getByLabel('用户名'), 'the new-user form');

  // A username already in use: the server's message shows under the field.
  await drawer.getByLabel('用户名').fill('leader');
  await drawer.getByLabel('姓名').fill('测试科员');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await see(drawer.locator('.ant-form-item-explain-error', { hasText: '用户名已被使用' }), 'the field error “用户名已被使用” under 用户名');

  await drawer.getByLabel('用户名').fill('e2e.clerk');
  const initial = (await drawer.locator('#drawer_password').inputValue()).trim();
  assert(initial.length >= 10, `an initial password is suggested (got “${initial}”)`);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await see(page.locator('.ant-modal-confirm-title', { hasText: '已创建用户 测试科员（e2e.clerk）' }), 'the confirmation of the new account');
  await page.getByRole('button', { name: '知道了' }).click();
  await see(page.getByTestId('users-table').locator('tr', { hasText: 'e2e.clerk' }), 'the new account in the list');
  await signOut(page);

  // First sign-in: the password must be changed before anything else.
  await signIn(page, baseUrl, 'e2e.clerk', initial);
  const dialog = page.locator('.ant-modal').filter({ hasText: '请先修改初始密码' });
  await see(dialog, 'the forced password change');
  const next = 'Clerk#Lantai2025';
  await dialog.getByLabel('当前密码').fill(initial);
  await dialog.getByLabel('新密码', { exact: true }).fill(next);
  await dialog.getByLabel('确认新密码').fill(next);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  await seeText(page.getByTestId('user-menu'), /测试科员/, 'the new user in the header');
  assert((await menuLabels(page)).includes('检查对象名录'), 'a 业务科室 user sees 检查对象名录');
  await signOut(page);
  await signIn(page, baseUrl, 'e2e.clerk', next);
  assert((await page.locator('.ant-modal').filter({ hasText: '请先修改初始密码' }).count()) === 0, 'no password prompt after the change');
}
