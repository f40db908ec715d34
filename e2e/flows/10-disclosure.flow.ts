/**
 * (j) 政府信息公开 from the portal to the reply: a visitor without an account applies on the portal
 * (no redirect to sign-in), gets the tracking code and the expected reply date — marked 预计 exactly
 * when the server says it depends on a year whose holiday schedule is not entered (December: next
 * year) — and tracks it; the admin (signed in once) finds the application, sees the same due date
 * (and the same 预计 mark) in the list and on its page with the explanation, decides 予以公开,
 * downloads the reply letter (.docx) and reads its remedy paragraph (the 复议机关 and the court of the
 * settings, 你 for a natural person), finds it behind its cell of the annual report, and the portal
 * then shows 已答复.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Locator } from 'playwright-core';
import { assert, assertEqual, see, seeText, signIn, type FlowContext } from '../lib.js';

/** The 预计 mark of a date is there exactly when the server says the date is provisional. */
async function provisionalMark(where: Locator, provisional: boolean, what: string): Promise<void> {
  const tags = await where.getByTestId('provisional').count();
  assertEqual(tags > 0, provisional, `${what}: the 预计 mark (server says provisional=${provisional})`);
  if (provisional) await seeText(where.getByTestId('provisional').first(), /预计/, `${what}: the 预计 tag`);
}

/** The paragraphs of a .docx as text. */
async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
}

export const name = '政府信息公开：门户申请、查询进度、答复与答复书';

export async function run({ browser, page, baseUrl, state, log }: FlowContext): Promise<void> {
  // The portal link of the bureau, as the back office shows it for publishing.
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  // Reply and payment periods started in December run into next year.
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
    const tracked = (await (await pub.request.get(`${baseUrl}/api/public/disclosure/applications/${code}`)).json()) as {
      expectedReplyDate: string;
      provisional: boolean;
    };
    assertEqual(tracked.expectedReplyDate, expected, 'expected reply date (page vs API)');
    await provisionalMark(pub.getByTestId('expected-reply-date'), tracked.provisional, 'the portal answer');
    log(`portal application ${code}, expected reply ${expected}${tracked.provisional ? ' (预计)' : ''}`);

    // 2. Track it.
    await pub.getByRole('button', { name: '查询办理进度' }).click();
    await pub.waitForURL(/\/public\/disclosure\/track\?code=/);
    await seeText(pub.getByTestId('track-status'), /办理中/, 'the status on the portal');
    assertEqual(await pub.getByTestId('track-expected').getAttribute('data-date'), expected, 'expected reply date on the tracking page');
    await provisionalMark(pub.getByTestId('track-expected'), tracked.provisional, 'the tracking page');

    // 3. The desk finds it: masked id number, the same due date and why.
    const search = page.getByRole('searchbox', { name: '搜索' });
    await search.fill(code);
    await search.press('Enter');
    const row = page.getByTestId('applications-table').locator('tr.ant-table-row', { hasText: code });
    await see(row, `the application ${code} in the list`);
    const masked =
      (await row
        .getByTestId('masked-id')
        .textContent()
        .catch(() => null)) ?? '';
    if (masked) assert(masked.includes('*') && !masked.includes('199001011'), `the id number is masked in the list (got “${masked}”)`);
    assertEqual(await row.getByTestId('due-date').getAttribute('data-due'), expected, 'due date in the list');
    await provisionalMark(row.getByTestId('due-date'), tracked.provisional, 'the list row');
    await row.getByTestId('application-link').click();
    await see(page.getByTestId('application-detail'), 'the application page');
    assertEqual(await page.getByTestId('clock-due').getAttribute('data-due'), expected, 'due date on the application page');
    await provisionalMark(page.getByTestId('clock-due'), tracked.provisional, 'the application page');
    const lines = await page.getByTestId('clock-explanation').locator('li').allTextContents();
    assert(lines.length >= 2 && lines.some((l) => /工作日/.test(l)), `the “为什么是这一天” lines (got ${JSON.stringify(lines)})`);

    // 4. Decide 予以公开 — exactly one outcome.
    await page.getByTestId('action-decision').click();
    const form = page.getByTestId('decision-form');
    await see(form, 'the decision form');
    // The option list opens with an animation: a click during it can miss, so pick again until it took.
    for (let attempt = 0; attempt < 3; attempt++) {
      await form.locator('.ant-form-item', { hasText: '办理结果' }).locator('.ant-select').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^予以公开/ })
        .first()
        .click();
      const took = await form
        .getByText('随答复书一并提供')
        .waitFor({ state: 'visible', timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
      if (took) break;
    }
    await see(form.getByText('随答复书一并提供'), 'how the information is provided (default: with the reply)');
    await page.getByRole('button', { name: '确认答复' }).click();
    await seeText(page.getByTestId('application-status'), /已答复/, 'the status after the decision', 20_000);
    await seeText(page.getByTestId('decision-summary'), /予以公开/, 'the decision on the page');

    // 5. The reply letter: 你, the provision, and the remedy naming the 复议机关 and court of the settings.
    const id = /\/disclosure\/applications\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    assert(id, `the application id in the url (${page.url()})`);
    const organs = (await (await page.request.get(`${baseUrl}/api/disclosure/remedy-settings`)).json()) as { reviewOrgan: string; court: string };
    assert(organs.reviewOrgan?.endsWith('人民政府'), `a 复议机关 in the settings (got “${organs.reviewOrgan}”)`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('letter-reply').click()]);
    assert(download.suggestedFilename().endsWith('.docx'), `the reply letter is a .docx (got “${download.suggestedFilename()}”)`);
    const letter = await docxText(await download.path());
    assert(
      letter.includes('根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关予以公开，该政府信息随本答复书一并提供。'),
      'the reply says how the information is provided',
    );
    const remedy = `你如对本答复不服，可以自收到本答复书之日起60日内向${organs.reviewOrgan}申请行政复议，也可以自收到本答复书之日起6个月内向${organs.court}提起行政诉讼`;
    assert(letter.includes(remedy), `the remedy paragraph names the organs (letter: ${letter.slice(-400)})`);
    assert(!/（单位）|（已主动公开/.test(letter), 'no “（单位）” or drafting note in the letter');

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
    // The city bureau rolls its counties up (summed by the server): the same application is still behind the cell.
    const withChildren = page.getByTestId('report-include-children');
    if (await withChildren.count()) {
      await withChildren.click();
      await seeText(page.getByTestId('annual-report'), /及全部下级机构（汇总）/, 'the rolled-up tables');
      await see(page.getByTestId('checks-ok'), 'the roll-up passes the checks');
      await page.getByTestId('cell-s3.r3.1-natural').click();
      await see(page.getByTestId('drilldown').locator('tr', { hasText: code }), 'the application behind the rolled-up cell');
      await page.keyboard.press('Escape');
      await withChildren.click();
    }

    // 8. The portal now says 已答复.
    await pub.reload();
    await seeText(pub.getByTestId('track-status'), /已答复/, 'the portal status after the reply');
  } finally {
    await visitor.close().catch(() => undefined);
  }
}
