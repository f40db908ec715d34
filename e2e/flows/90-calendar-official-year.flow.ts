/**
 * Entering next year's official holiday schedule (issue 9 §2–3), run after the other flows so they all
 * see next year as provisional, as users do until the State Council publishes it. The admin's
 * dashboard warns (from 1 October); the calendar page shows next year as 暂定; a pasted notice with a
 * wrong weekday is refused naming its line; the corrected paste is read line by line, checked, the
 * due dates that will move are listed, and saving lists them old → new; the dashboard then shows the
 * new dates without 预计.
 *
 * The notice is written from next year's provisional days (whatever the year the flow runs in), with
 * 元旦 made one working day longer and a 调休上班 Saturday after it, so dates across early January move.
 */
import path from 'node:path';
import { api, ARTIFACTS_DIR, assert, see, seeText, signIn, todayInChina, type FlowContext } from '../lib.js';

export const name = '录入国务院公布的下一年节假日安排：逐行读取、核对、列出变化的期限';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const plus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const CN = ['一', '二', '三', '四', '五', '六', '七'];

/** A notice for `year` from its provisional days: each holiday's span, 元旦 longer by a weekday, one Saturday worked. */
function noticeFrom(
  year: number,
  days: { date: string; name: string }[],
  opts: { wrongWeekday?: boolean } = {},
): { text: string; extraOff: string; worked: string } {
  const groups = new Map<string, string[]>();
  for (const d of days) {
    const base = d.name.replace('（补假）', '');
    groups.set(base, [...(groups.get(base) ?? []), d.date].sort());
  }
  const yuandan = groups.get('元旦')!;
  let extraOff = plus(yuandan.at(-1)!, 1);
  while (dow(extraOff) === 0 || dow(extraOff) === 6 || days.some((d) => d.date === extraOff)) extraOff = plus(extraOff, 1);
  yuandan.push(extraOff);
  let worked = plus(extraOff, 1);
  while (dow(worked) !== 6) worked = plus(worked, 1);
  const order = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
  const lines = order.map((h, i) => {
    const ds = groups.get(h)!;
    const first = ds[0]!;
    const last = ds.at(-1)!;
    const span = last.slice(0, 10) > first ? Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1 : 1;
    const wd = (d: string) => `（周${WEEKDAY[(dow(d) + (opts.wrongWeekday && i === 0 ? 1 : 0)) % 7]}）`;
    const range = span === 1 ? `${md(first)}${wd(first)}放假，共1天。` : `${md(first)}${wd(first)}至${md(last)}${wd(last)}放假调休，共${span}天。`;
    return `${CN[i]}、${h}：${range}${h === '元旦' ? `${md(worked)}（周六）上班。` : ''}`;
  });
  return {
    text: [`国务院办公厅关于${year}年部分节假日安排的通知`, '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', ...lines, '国务院办公厅'].join('\n'),
    extraOff,
    worked,
  };
}

export async function run({ page, baseUrl, state, log }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  const http = api(page.request, baseUrl);
  const today = todayInChina();
  const next = Number(today.slice(0, 4)) + 1;
  const years = await http.get<{ items: { year: number }[] }>('/api/calendar/years');
  if (years.items.some((y) => y.year === next)) {
    log(`${next} is already entered; nothing to do`);
    return;
  }

  if (today.slice(5) >= '10-01') {
    await see(page.getByTestId('calendar-notice'), 'the dashboard warning that next year is missing');
    await seeText(page.getByTestId('calendar-notice'), new RegExp(`${next}年节假日安排尚未录入`), 'the warning names the year');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-calendar-notice.png'), fullPage: true });
  }

  await page.getByTestId('side-menu').getByText('工作日历').click();
  await see(page.getByTestId('calendar-provisional-alert'), 'the calendar page says next year is provisional');
  await page.getByTestId('calendar-years').getByText(`${next} 年`).click();
  await see(page.getByTestId('calendar-year').getByText('暂定（推算）'), 'next year shown as 暂定');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-provisional-year.png'), fullPage: true });
  const prov = await http.get<{ days: { date: string; name: string }[] }>(`/api/calendar/years/${next}`);
  const bad = noticeFrom(next, prov.days, { wrongWeekday: true });
  const good = noticeFrom(next, prov.days);

  await page.getByTestId('calendar-enter').click();
  const drawer = page.getByTestId('schedule-entry');
  await see(drawer, 'the entry drawer');

  // Picking days on the year grid: 1 January marked 放假·元旦 and checked — refused, the other holidays are missing.
  await drawer.getByRole('tab', { name: '在年历上选择' }).click();
  const jan1 = drawer.getByTestId('schedule-grid').locator(`[data-date="${next}-01-01"]`);
  await jan1.click(); // the brush starts on 放假：春节
  assert((await jan1.getAttribute('data-kind')) === 'holiday', 'a clicked day becomes a day off');
  await drawer.getByTestId('schedule-check').click();
  await seeText(drawer.getByTestId('schedule-errors'), /缺少元旦的放假安排.*|缺少清明节的放假安排/, 'the check names the missing holidays');
  assert(await drawer.getByTestId('schedule-save').isDisabled(), 'a schedule that breaks the 办法 cannot be saved');
  await drawer.getByRole('tab', { name: '粘贴通知原文' }).click();
  await drawer.getByTestId('schedule-text').fill(bad.text);
  await drawer.getByTestId('schedule-read').click();
  await seeText(drawer.getByTestId('schedule-line-errors'), /第3行：.*标注为星期/, 'the wrong weekday is named with its line');
  assert(await drawer.getByTestId('schedule-save').isDisabled(), 'saving is not offered while a line cannot be read');

  await drawer.getByTestId('schedule-text').fill(good.text);
  await drawer.getByTestId('schedule-read').click();
  await see(drawer.getByTestId('schedule-lines'), 'the lines read from the notice');
  await seeText(drawer.getByTestId('schedule-lines'), /元旦/, 'the 元旦 line');
  await see(drawer.getByTestId('schedule-moved-preview'), 'the due dates that will move');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-entry-checked.png'), fullPage: true });
  await drawer.getByTestId('schedule-reason').fill('国办发明电（浏览器测试）');
  await drawer.getByTestId('schedule-save').click();
  await see(drawer.getByTestId('schedule-saved'), 'the saved result');
  await seeText(drawer.getByTestId('schedule-saved'), new RegExp(`已保存 ${next} 年节假日安排`), 'the result title');
  log(`entered ${next}: ${good.extraOff} off, ${good.worked} worked`);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-entry-saved.png'), fullPage: true });

  // A period across the extra day off is later by one working day, and no longer provisional.
  const after = await http.get<{ due: string; provisional: boolean }>(`/api/calendar/due?from=${plus(good.extraOff, -3)}&days=5&unit=working`);
  assert(!after.provisional, 'a period in the entered year is not provisional');
  await drawer.getByRole('button', { name: /完\s*成/ }).click();
  await page.getByTestId('side-menu').getByText('工作台').click();
  await see(page.getByTestId('dashboard-table').or(page.getByTestId('dashboard-empty')), 'the dashboard list');
  // The page shows its cached list at once and reloads it: wait for the fresh one.
  await page
    .getByTestId('calendar-notice')
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  assert((await page.getByTestId('calendar-notice').count()) === 0, 'the dashboard warning is gone');
  await page
    .getByTestId('provisional')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  assert((await page.getByTestId('provisional').count()) === 0, 'no due date on the dashboard is 预计 any more');

  // The dashboard pages on the server, most urgent first; a count card filters the list by its state.
  const dash = await http.get<{ total: number; counts: { overdue: number; running: number } }>('/api/dashboard');
  if (dash.counts.running > 0) {
    await page.getByTestId('dashboard-filter-running').click();
    await seeText(page.getByTestId('dashboard-filter'), /只看：进行中/, 'the filter named above the list');
    const rows = page.getByTestId('dashboard-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const states = await rows.locator('td:last-child').allInnerTexts();
    assert(states.length > 0 && states.every((t) => t.includes('进行中')), `only running items are listed (${states.join('、')})`);
    await page.getByTestId('dashboard-filter').locator('.ant-tag-close-icon').click();
    await page.getByTestId('dashboard-filter').waitFor({ state: 'detached' });
  }
  log(`dashboard: ${dash.total} items, ${dash.counts.overdue} overdue`);
}
