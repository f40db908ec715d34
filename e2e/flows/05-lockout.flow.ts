/** (e) Five wrong passwords lock the account; the page says so. */
import { assert, see, seeText, type FlowContext } from '../lib.js';

export const name = '连续 5 次密码错误锁定账号';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  const victim = state.accounts.find((a) => a.username === 'staff');
  if (!victim) throw new Error('no demo account “staff” (did the setup flow pass?)');
  await page.goto(`${baseUrl}/login`);
  const error = page.getByTestId('login-error');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('用户名').fill(victim.username);
    await page.getByLabel('密码', { exact: true }).fill(`Wrong-password-${i}`);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    if (i < 5) await seeText(error, new RegExp(`再失败 ${5 - i} 次将锁定`), `remaining attempts after failure ${i}`);
  }
  await seeText(error, /锁定/, 'the lock message after the fifth failure');
  // The right password is refused while locked.
  await page.getByLabel('用户名').fill(victim.username);
  await page.getByLabel('密码', { exact: true }).fill(victim.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await seeText(error, /锁定.*分钟/, 'the locked message for the right password');
  assert(page.url().includes('/login'), 'still on the sign-in page');
  await see(page.getByRole('heading', { name: '用户登录' }), 'the sign-in page');
}
