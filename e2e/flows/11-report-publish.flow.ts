/**
 * (k) 年度报告发布: the demo leader (signed in once) publishes the previous year's 政府信息公开工作年度报告
 * from the 年度报告 page (confirm dialog) and sees 已发布 第1版 with the public link; signed out, the
 * portal lists it at /public/disclosure/reports (reached from the portal header) and shows the
 * frozen tables read-only with the .docx.
 */
import { assert, assertEqual, see, seeText, signIn, signOut, type FlowContext } from '../lib.js';

export const name = '年度报告发布：局领导发布上一年度报告，门户无需登录查看';

export async function run({ page, baseUrl, state, log }: FlowContext): Promise<void> {
  const leader = state.accounts.find((a) => a.username === 'leader');
  assert(leader, 'the demo leader account from the setup page');
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1;

  // 1. The leader publishes last year's report.
  await signIn(page, baseUrl, leader.username, leader.password);
  const orgName = ((await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { org: { name: string } }).org.name;
  const menu = page.getByTestId('side-menu');
  await menu.getByText('政府信息公开', { exact: true }).click();
  // The submenu opens with an animation: a click that lands while it moves is lost, so click until the page changes.
  for (let attempt = 1; attempt <= 3 && !page.url().includes('/disclosure/annual-reports'); attempt++) {
    await menu.getByText('年度报告', { exact: true }).click();
    await page.waitForURL(/\/disclosure\/annual-reports/, { timeout: 5_000 }).catch(() => undefined);
  }
  await seeText(page.getByTestId('annual-report'), new RegExp(`${year} 年度`), `the ${year} tables`, 30_000);
  await see(page.getByTestId('checks-ok'), 'the consistency checks passed');
  const publish = await see(page.getByTestId('publish-report'), 'the 发布 button for a leader', 30_000);
  await publish.click();
  await see(page.locator('.ant-modal-confirm', { hasText: `发布 ${year} 年度` }), 'the confirm dialog');
  // Wait for the server's answer itself, so a slow or refused publication is told apart from a page that does not update.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/disclosure/annual-reports/${year}/publish`) && r.request().method() === 'POST', { timeout: 60_000 }),
    page.getByRole('button', { name: '确认发布' }).click(),
  ]);
  assert(answer.ok(), `publishing answered ${answer.status()}: ${await answer.text()}`);
  await seeText(page.getByTestId('published-version'), /已发布\s*第1版/, 'the published state', 30_000);
  const href = (await page.getByTestId('published-link').getAttribute('href')) ?? '';
  const id = /\/public\/disclosure\/reports\/([0-9a-f-]{36})$/.exec(href)?.[1];
  assert(id, `a link to the public page (got “${href}”)`);
  await see(page.getByTestId('publish-correction'), 'the 发布更正版 button once published');
  log(`published ${year} report ${id}`);

  // 2. Signed out, the portal shows it.
  await signOut(page);
  await page.goto(`${baseUrl}/public/disclosure/apply`);
  await see(page.getByTestId('public-frame'), 'the portal frame');
  await page.getByTestId('portal-reports-link').click();
  await page.waitForURL(/\/public\/disclosure\/reports$/);
  const row = page.getByTestId('public-reports-table').locator('tr.ant-table-row', { hasText: `${orgName}${year}年政府信息公开工作年度报告` });
  await see(row, `the ${year} report of ${orgName} in the portal list`, 30_000);
  await seeText(row, /第1版/, 'the version in the list');
  await row.getByTestId('public-report-link').click();
  await page.waitForURL(new RegExp(`/public/disclosure/reports/${id}$`));
  assert(!page.url().includes('/login'), `the portal stays public (url ${page.url()})`);
  await see(page.getByTestId('public-report'), 'the published report', 30_000);
  await see(page.getByTestId('section3-table'), 'section 三 of the frozen report');
  await see(page.getByTestId('section4-table'), 'section 四 of the frozen report');
  assertEqual(await page.getByTestId('public-report').getByRole('link', { name: /^\d+$/ }).count(), 0, 'drill-down links on the public page');
  assertEqual(await page.getByTestId('side-menu').count(), 0, 'back-office menus on the portal');
  const docx = await page.request.get(`${baseUrl}/api/public/disclosure/annual-reports/${id}/report.docx`);
  assertEqual(docx.status(), 200, 'the .docx answers without an account');
  assertEqual((await docx.body()).subarray(0, 2).toString('latin1'), 'PK', 'the published .docx is a zip');
  await see(page.getByTestId('public-report-docx'), 'the .docx download button');
}
