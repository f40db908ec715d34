/**
 * (j) 政府信息公开 from the portal to the reply: a visitor without an account applies on the portal
 * (no redirect to sign-in), gets the tracking code and the expected reply date and tracks it; the
 * admin (signed in once) finds the application, sees the same due date with its explanation,
 * decides 予以公开, downloads the reply letter (.docx) when the letter endpoint exists (else sees the
 * decision), finds it behind its cell of the annual report, and the portal then shows 已答复.
 */
import fs from 'node:fs';
import { api, ensureNextYearCalendar, assert, assertEqual, see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '政府信息公开：门户申请、查询进度、答复与答复书';

export async function run({ browser, page, baseUrl, state, log }: FlowContext): Promise<void> {
  // The portal link of the bureau, as the back office shows it for publishing.
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  // Reply and payment periods started in December run into next year.
  await ensureNextYearCalendar(api(page.request, baseUrl), log);
  const menu = page.getByTestId('side-menu');
  await menu.getByText('政府信息公开', { exact: true }).click();
  await menu.getByText('依申请公开', { exact: true }).click();
  await see(page.getByTestId('applications-table'), 'the application list');
  await page.getByTestId('portal-link-button').click();
  const link = (await (await see(page.getByTestId('portal-link'), 'the portal link')).inputValue()).trim();
  assert(/\/public\/disclosure\/apply\?org=[0-9a-f-]{36}$/.test(link), `a portal link with the org (got “${link}”)`);
  await page.keyboard.press('Escape');

  const visitor = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  visitor.setDefaultTimeout(15_000);
  try {
    // 1. Apply without an account.
    const pub = await visitor.newPage();
    await pub.goto(link);
    await see(pub.getByTestId('apply-form'), 'the portal application form');
    assert(!pub.url().includes('/login'), `the portal stays public (url ${pub.url()})`);
    assertEqual(await pub.getByTestId('side-menu').count(), 0, 'back-office menus on the portal');
    await seeText(pub.getByTestId('public-frame'), /政务公开/, 'the portal header');
    const content = `E2E 申请公开本局2025年度档案行政执法检查结果（${Date.now()}）`;
    await pub.getByLabel('姓名或名称').fill('赵公开');
    await pub.getByLabel('证件号码').fill('330102199001011234');
    await pub.getByLabel('联系方式').fill('13800000000');
    await pub.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill(content);
    await pub.getByTestId('apply-submit').click();
    await see(pub.getByTestId('apply-done'), 'the confirmation with the tracking code', 30_000);
    const code = /GK[0-9A-Z]{10}/.exec((await pub.getByTestId('tracking-code').textContent()) ?? '')?.[0];
    assert(code, 'a tracking code GK… is shown');
    const expected = (await pub.getByTestId('expected-reply-date').getAttribute('data-date')) ?? '';
    assert(/^\d{4}-\d{2}-\d{2}$/.test(expected), `an expected reply date (got “${expected}”)`);
    log(`portal application ${code}, expected reply ${expected}`);

    // 2. Track it.
    await pub.getByRole('button', { name: '查询办理进度' }).click();
    await pub.waitForURL(/\/public\/disclosure\/track\?code=/);
    await seeText(pub.getByTestId('track-status'), /办理中/, 'the status on the portal');
    assertEqual(await pub.getByTestId('track-expected').getAttribute('data-date'), expected, 'expected reply date on the tracking page');

    // 3. The desk finds it: masked id number, the same due date and why.
    const search = page.getByRole('searchbox', { name: '搜索' });
    await search.fill(code);
    await search.press('Enter');
    const row = page.getByTestId('applications-table').locator('tr.ant-table-row', { hasText: code });
    await see(row, `the application ${code} in the list`);
    const masked = (await row.getByTestId('masked-id').textContent().catch(() => null)) ?? '';
    if (masked) assert(masked.includes('*') && !masked.includes('199001011'), `the id number is masked in the list (got “${masked}”)`);
    await row.getByTestId('application-link').click();
    await see(page.getByTestId('application-detail'), 'the application page');
    assertEqual(await page.getByTestId('clock-due').getAttribute('data-due'), expected, 'due date on the application page');
    const lines = await page.getByTestId('clock-explanation').locator('li').allTextContents();
    assert(lines.length >= 2 && lines.some((l) => /工作日/.test(l)), `the “为什么是这一天” lines (got ${JSON.stringify(lines)})`);

    // 4. Decide 予以公开 — exactly one outcome.
    await page.getByTestId('action-decision').click();
    const form = page.getByTestId('decision-form');
    await see(form, 'the decision form');
    await form.locator('.ant-form-item', { hasText: '办理结果' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: /^予以公开/ }).first().click();
    await page.getByRole('button', { name: '确认答复' }).click();
    await seeText(page.getByTestId('application-status'), /已答复/, 'the status after the decision', 20_000);
    await seeText(page.getByTestId('decision-summary'), /予以公开/, 'the decision on the page');

    // 5. The reply letter, when the letter service is there.
    const id = /\/disclosure\/applications\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    assert(id, `the application id in the url (${page.url()})`);
    const probe = await page.request.get(`${baseUrl}/api/disclosure/applications/${id}/letters/reply.docx`);
    if (probe.status() === 200) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('letter-reply').click()]);
      assert(download.suggestedFilename().endsWith('.docx'), `the reply letter is a .docx (got “${download.suggestedFilename()}”)`);
      const file = await download.path();
      const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
      assertEqual(head, 'PK', 'the reply letter starts like a .docx (zip)');
    } else {
      log(`letters endpoint answered ${probe.status()}: checking the graceful message instead`);
      await page.getByTestId('letter-reply').click();
      await see(page.locator('.ant-message-notice', { hasText: '答复书暂不可用' }), 'the message that the reply letter is not available');
      await seeText(page.getByTestId('detail-outcome'), /予以公开/, 'the outcome in the details');
    }

    // 6. The timeline records the decision.
    await page.getByRole('tab', { name: '时间线' }).click();
    await see(page.getByTestId('timeline-event').filter({ hasText: '答复' }), 'the decision in the timeline');

    // 7. The annual report counts it under （一）予以公开 and the cell opens it.
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await menu.getByText('年度报告', { exact: true }).click();
    await see(page.getByTestId('annual-report'), 'the annual report tables');
    await page.getByTestId('report-year').click();
    await page.locator('.ant-select-item-option', { hasText: `${year} 年度` }).click();
    await seeText(page.getByTestId('annual-report'), new RegExp(`${year} 年度`), `the ${year} tables`);
    await see(page.getByTestId('checks-ok'), 'the consistency checks passed');
    const docx = await page.request.get(`${baseUrl}/api/disclosure/annual-reports/${year}/report.docx`);
    if (docx.status() === 200) assertEqual((await docx.body()).subarray(0, 2).toString('latin1'), 'PK', 'the annual report .docx is a zip');
    else log(`annual report .docx answered ${docx.status()}`);
    await page.getByTestId('cell-s3.r3.1-natural').click();
    await see(page.getByTestId('drilldown').locator('tr', { hasText: code }), 'the application behind the 予以公开 / 自然人 cell');
    await page.keyboard.press('Escape');

    // 8. The portal now says 已答复.
    await pub.reload();
    await seeText(pub.getByTestId('track-status'), /已答复/, 'the portal status after the reply');
  } finally {
    await visitor.close().catch(() => undefined);
  }
}
