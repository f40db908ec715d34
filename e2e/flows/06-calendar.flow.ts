/**
 * (f) 期限计算: 2025-01-20 + 20 working days = 2025-02-21 (春节 and its 调休 included); then the card's
 * default calculation (today + 20 working days), which in December reaches next year: it must give a
 * date, marked 预计 when next year is not entered yet, never an error (issue 9).
 */
import { api, assert, see, seeText, signIn, todayInChina, type FlowContext } from '../lib.js';

export const name = '工作日历期限计算（2025-01-20 起 20 个工作日；今天起 20 个工作日跨年时标“预计”）';

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('工作日历').click();
  const card = page.getByTestId('due-calculator');
  await see(card, 'the 期限计算 card');

  // The default: today + 20 working days.
  await card.getByTestId('due-submit').click();
  const expected = await api(page.request, baseUrl).get<{ due: string; provisional: boolean }>(`/api/calendar/due?from=${todayInChina()}&days=20&unit=working`);
  await seeText(card.getByTestId('due-date'), new RegExp(`^${expected.due}$`), "today's due date");
  assert((await card.getByTestId('due-error').count()) === 0, 'no error for a period that reaches next year');
  if (expected.provisional) {
    await see(card.getByTestId('provisional'), 'the 预计 tag on a date that depends on next year');
    await seeText(card.getByTestId('due-provisional-note'), /节假日安排尚未公布.*推算/, 'the sentence that says why');
  }

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
  assert((await card.getByTestId('provisional').count()) === 0, 'a 2025 date is not provisional');
  await see(page.getByTestId('calendar-year'), 'the year view');
}
