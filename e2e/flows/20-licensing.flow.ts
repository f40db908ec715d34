/**
 * (t) 行政许可 from the portal to the published result: a visitor without an account reads the bureau's
 * items (the abolished one shown 已取消, no way to apply), applies online for 延期移交档案审批 with the
 * guide's materials uploaded, gets the tracking code and the day by which it is accepted, tracks it;
 * the desk (the admin, signed in once) finds it, sees the uploaded files and the acceptance clock,
 * accepts it (the decision clock starts), grants it, publishes the decision; the portal then tracks it
 * as 已公开 / 准予许可 and lists it among the published decisions. The letters: the desk's 文书 card
 * offers the 受理通知书 and the 准予行政许可决定书 (numbered by the org's series), the applicant downloads
 * the decision by tracking code; a second online application is withdrawn by the applicant on the portal.
 */
import { api, assert, assertEqual, see, seeText, signIn, todayInChina, type FlowContext } from '../lib.js';

export const name = '行政许可：门户申请、受理、决定与结果公开';

const PDF = Buffer.from('%PDF-1.4\n% e2e material\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function run({ browser, page, baseUrl, state, log }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { org: { id: string } };
  const today = todayInChina();

  const visitor = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  visitor.setDefaultTimeout(15_000);
  try {
    // 1. The items and their guides, without an account; the abolished one cannot be applied for.
    const pub = await visitor.newPage();
    await pub.goto(`${baseUrl}/public/licensing?org=${me.org.id}`);
    await see(pub.getByTestId('public-items'), 'the portal’s licensing items');
    assert(!pub.url().includes('/login'), `the portal stays public (url ${pub.url()})`);
    const abolished = pub.getByTestId('public-item').filter({ hasText: '出卖、转让' });
    await seeText(abolished, /已取消/, 'the abolished item says 已取消');
    assert(await abolished.getByTestId('public-item-closed').isDisabled(), 'the abolished item offers no application');
    const transfer = pub.getByTestId('public-item').filter({ hasText: '延期移交档案审批' });
    await transfer.getByTestId('public-item-guide').click();
    await seeText(pub.getByTestId('item-guide'), /档案法实施条例/, 'the 办事指南 with its legal basis');
    await pub.keyboard.press('Escape');

    // 2. Apply online with the materials.
    await transfer.getByTestId('public-item-apply').click();
    await see(pub.getByTestId('licensing-apply-form'), 'the online application form');
    const applicant = `E2E 某某市城市建设档案馆（${Date.now() % 100000}）`;
    await pub.getByLabel('申请人名称（姓名）').fill(applicant);
    await pub.getByLabel('统一社会信用代码').fill('12330100MB1234567X');
    await pub.getByLabel('联系电话').fill('0571-88880000');
    await pub.getByLabel('申请事项说明').fill('2003—2008 年城建工程档案专业性较强，申请延期 5 年移交');
    const inputs = pub.getByTestId('licensing-materials-upload').locator('input[type=file]');
    for (let i = 0; i < 3; i++) await inputs.nth(i).setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await pub.getByTestId('licensing-apply-submit').click();
    await see(pub.getByTestId('licensing-apply-done'), 'the confirmation with the tracking code', 30_000);
    const code = /XK[0-9A-Z]{10}/.exec((await pub.getByTestId('licensing-tracking-code').textContent()) ?? '')?.[0];
    assert(code, 'a tracking code XK… is shown');
    log(`online application ${code}`);

    // 3. Track it: 待受理.
    await pub.getByRole('button', { name: '查询办理进度' }).click();
    await pub.waitForURL(/\/public\/licensing\/track\?code=/);
    await seeText(pub.getByTestId('licensing-track-status'), /待受理/, 'the status on the portal');

    // 4. The desk finds it with its files and its acceptance clock.
    const menu = page.getByTestId('side-menu');
    await menu.getByText('行政许可', { exact: true }).click();
    await menu.getByText('许可申请', { exact: true }).click();
    await see(page.getByTestId('licensing-applications-table'), 'the application list');
    const search = page.getByRole('searchbox', { name: '搜索' });
    await search.fill(code);
    await search.press('Enter');
    const row = page.getByTestId('licensing-applications-table').locator('tr.ant-table-row', { hasText: applicant });
    await see(row, `the application ${code} in the list`);
    await seeText(row, /行政许可受理/, 'the acceptance clock in the list');
    await row.getByTestId('licensing-application-link').click();
    const detail = page.getByTestId('licensing-application-detail');
    await see(detail, 'the application page');
    await seeText(detail.getByTestId('licensing-materials'), /材料1\.pdf/, 'the uploaded materials');
    const acceptance = detail.getByTestId('clock-acceptance');
    assertEqual(await acceptance.getAttribute('data-state'), 'running', 'the acceptance clock runs');

    // 5. 受理 → the decision clock; 准予许可; 公开.
    const ok = () => page.locator('.ant-modal:visible').getByRole('button', { name: /^确\s*定$/ });
    await detail.getByTestId('licensing-action-accept').click();
    await see(page.getByTestId('accept-form'), 'the acceptance form');
    await ok().click();
    await seeText(detail.getByTestId('licensing-status').first(), /审查中/, 'the status after acceptance', 20_000);
    assertEqual(await detail.getByTestId('clock-acceptance').getAttribute('data-state'), 'met', 'the acceptance clock is met');
    const decisionDue = (await detail.getByTestId('clock-decision').getAttribute('data-due')) ?? '';
    assert(decisionDue > today, `the decision is due after today (got ${decisionDue})`);

    await detail.getByTestId('licensing-action-decision').click();
    const form = page.getByTestId('licensing-decision-form');
    await see(form, 'the decision form');
    // 决定书文号 left empty: the next number of the org's 决定书 series
    await ok().click();
    await seeText(detail.getByTestId('licensing-status').first(), /已决定/, 'the status after the decision', 20_000);
    await seeText(detail.getByTestId('licensing-result').first(), /准予许可/, 'the result');
    assertEqual(await detail.getByTestId('clock-publication').getAttribute('data-state'), 'running', 'the publication clock runs');

    await detail.getByTestId('licensing-action-publish').click();
    await see(page.getByTestId('publish-form'), 'the publication form');
    await ok().click();
    await seeText(detail.getByTestId('licensing-status').first(), /已公开/, 'the status after publication', 20_000);
    assertEqual(await detail.getByTestId('clock-publication').getAttribute('data-state'), 'met', 'the publication clock is met');
    await page.getByRole('tab', { name: '时间线' }).click();
    await see(page.getByTestId('timeline-event').filter({ hasText: '公开了行政许可决定' }), 'the publication in the timeline');

    // 文书: the acceptance notice and the decision, as .docx.
    const letters = detail.getByTestId('licensing-letters');
    await see(letters.getByTestId('licensing-letter-acceptance'), 'the 受理通知书 on the 文书 card');
    await seeText(letters.getByTestId('licensing-letter-decision'), /准予行政许可决定书/, 'the decision letter on the 文书 card');
    const id = /\/licensing\/applications\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    assert(id, `the application id in the page address (${page.url()})`);
    const docx = await page.request.get(`${baseUrl}/api/licensing/applications/${id}/documents/decision`);
    assertEqual(docx.status(), 200, 'the decision letter downloads');
    assert((await docx.body()).subarray(0, 2).toString('latin1') === 'PK', 'the decision letter is a .docx (zip)');
    await seeText(detail.getByTestId('licensing-decision'), /〔\d{4}〕\d+号/, 'the decision number from the org’s series');

    // 6. The portal: 已公开 / 准予许可, the letters addressed to the applicant, and the decision among the published ones.
    await pub.reload();
    await seeText(pub.getByTestId('licensing-track-status'), /已公开/, 'the portal status after publication');
    await seeText(pub.getByTestId('licensing-track-status'), /准予许可/, 'the portal shows the result');
    await seeText(pub.getByTestId('licensing-track-letters'), /准予行政许可决定书/, 'the decision letter offered to the applicant');
    assert(!(await pub.getByTestId('track-withdraw').count()), 'a decided application cannot be withdrawn');
    const pubDocx = await pub.request.get(`${baseUrl}/api/public/licensing/applications/${code}/documents/decision`);
    assertEqual(pubDocx.status(), 200, 'the applicant downloads the decision by tracking code');
    assert((await pubDocx.body()).subarray(0, 2).toString('latin1') === 'PK', 'the applicant’s decision letter is a .docx');
    await pub.goto(`${baseUrl}/public/licensing/decisions?org=${me.org.id}`);
    await see(pub.getByTestId('public-decisions').locator('tr', { hasText: applicant }), 'the published decision on the portal');

    // 7. The applicant withdraws a second online application on the portal, with the reason.
    const items = (
      await api(pub.request, baseUrl).get<{ items: { id: string; name: string; materials: { name: string; required: boolean }[] }[] }>(
        `/api/public/licensing/items?orgId=${me.org.id}`,
      )
    ).items;
    const item = items.find((i) => i.name === '延期移交档案审批')!;
    const second = await api(pub.request, baseUrl).send<{ trackingCode: string }>('POST', '/api/public/licensing/applications', {
      itemId: item.id,
      applicantType: 'unit',
      applicantName: `${applicant}（二）`,
      contact: '0571-88880000',
      files: item.materials.filter((m) => m.required).map((m) => ({ material: m.name, fileName: `${m.name}.pdf`, contentBase64: PDF.toString('base64') })),
    });
    await pub.goto(`${baseUrl}/public/licensing/track?code=${second.trackingCode}`);
    await seeText(pub.getByTestId('licensing-track-status'), /待受理/, 'the second application awaits acceptance');
    await pub.getByTestId('track-withdraw').click();
    await see(pub.getByTestId('track-withdraw-form'), 'the withdrawal form');
    await pub.getByLabel('撤回理由').fill('项目调整，不再申请');
    await pub
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确认撤回/ })
      .click();
    await seeText(pub.getByTestId('licensing-track-status'), /已撤回/, 'the status after the applicant withdrew', 20_000);
    assert(!(await pub.getByTestId('track-withdraw').count()), 'a withdrawn application offers no more withdrawal');
    log(`withdrawn on the portal: ${second.trackingCode}`);
  } finally {
    await visitor.close().catch(() => undefined);
  }
}
