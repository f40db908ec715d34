/** (f) 期限计算: 2025-01-20 + 20 working days = 2025-02-21 (春节 and its 调休 included). */
import { see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '工作日历期限计算（2025-01-20 起 20 个工作日）';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('工作日历').click();
  const card = page.getByTestId('due-calculator');
  await see(card, 'the 期限计算 card');
  const from = card.getByTestId('due-from');
  await from.click();
  await from.fill('2025-01-20');
  await from.press('Enter');
  const days = card.getByTestId('due-days');
  await days.fill('20');
  await card.getByText('工作日', { exact: true }).click();
  await card.getByTestId('due-submit').click();
  await seeText(card.getByTestId('due-date'), /^2025-02-21$/, 'the due date');
  await seeText(card.getByTestId('due-result'), /春节/, 'the explanation names the Spring Festival');
  await see(page.getByTestId('calendar-year'), 'the year view');
}
