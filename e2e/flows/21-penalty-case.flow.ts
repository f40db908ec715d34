/**
 * A penalty case from an inspection's referral to a closed case, at 1440×900. Through the API (as
 * admin): an inspection of a unit not inspected yet, one entry 不符合, signed, and 移送立案 of that entry.
 * On the pages: the referral in 案件线索 → 立案 (two officers, the leader as approver, the violation from
 * the 裁量基准 with its circumstances shown, marked 重大、复杂 so 法制审核 is required) → the case page with
 * its decision clock and "为什么是这一天" → evidence (a photo) → 询问笔录 → 告知 (a fine beyond the
 * statutory range refused under the amount field, nothing saved; then 40,000 元) and the 告知书 .docx →
 * no 作出决定 before the review → 法制审核 as the legal account (李法制, a second browser) → 作出决定, the
 * 行政处罚决定书 .docx naming the 复议机关 and the court → 送达 → 缴纳罚款 → 公开 → 结案; the 全过程记录; the
 * referral links its case; the list finds it; the portal publishes the benchmarks.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, api, assert, assertEqual, see, seeText, signIn, teamAndChecklist, todayInChina, uninspectedUnit, type FlowContext } from '../lib.js';

export const name = '行政处罚案件：从案件线索立案到结案（取证、告知、法制审核、决定书、送达、缴款、公开）';

const DESKTOP = { width: 1440, height: 900 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const NOTE = '擅自向无关人员提供馆藏档案复制件';

async function shot(page: Page, name: string, part?: Locator) {
  await page.waitForTimeout(400);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `penalty-${name}.png`);
  await (part ? part.first().screenshot({ path: file }) : page.screenshot({ path: file })).catch(() => undefined);
}

/** Saves the download started by `click`; a .docx whose document text is returned. */
async function downloadDocx(page: Page, button: Locator, what: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  const file = await dl.path();
  assert(file, `${what}: the download was saved`);
  const buf = fs.readFileSync(file);
  assert(buf.subarray(0, 2).toString('latin1') === 'PK', `${what}: a .docx starts with PK`);
  assert(dl.suggestedFilename().endsWith('.docx'), `${what}: file name ${dl.suggestedFilename()}`);
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string');
  assert(xml, `${what}: word/document.xml in the .docx`);
  return xml.replace(/<[^>]+>/g, '');
}

/**
 * Picks an option in the antd Select `select`: opens it, types `search` (the options filter down) and
 * takes the first with Enter, then checks the choice shows in the select.
 */
async function pick(page: Page, select: Locator, search: string, shown: RegExp) {
  await select.scrollIntoViewIfNeeded();
  await select.click();
  await page.waitForTimeout(300);
  await page.keyboard.type(search);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await seeText(select, shown, `${search} chosen`);
}

/** The modal whose body holds `testId`, and its OK button. */
const modal = (page: Page, testId: string) => page.locator('.ant-modal').filter({ has: page.getByTestId(testId) });
async function submitModal(page: Page, testId: string) {
  await modal(page, testId)
    .getByRole('button', { name: /确\s*定/ })
    .click();
}
async function modalClosed(page: Page, testId: string, what: string) {
  try {
    await page.getByTestId(testId).waitFor({ state: 'detached', timeout: 15_000 });
  } catch {
    const err = await modal(page, testId)
      .locator('.ant-alert, .ant-form-item-explain-error')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${what}: the form did not close (${err.join(' | ') || 'no message'})`);
  }
}
async function action(page: Page, a: string, testId: string) {
  await page.getByTestId(`case-action-${a}`).click();
  await see(page.getByTestId(testId), `the ${a} form`);
}

interface Detail {
  id: string;
  caseNo: string;
  status: string;
  allowedActions: string[];
  clocks: { kind: string; due: string | null }[];
  evidence: unknown[];
  inquiries: unknown[];
  proposal: { penalties: { type: string; amount: number | null }[] } | null;
  reviewResult: string | null;
  decisionDocNo: string | null;
  fineCollected: number;
  publishedOn: string | null;
}

export async function run({ page, browser, baseUrl, state, log }: FlowContext): Promise<void> {
  const legal = state.accounts.find((a) => a.username === 'legal');
  const leader = state.accounts.find((a) => a.username === 'leader');
  assert(legal && leader, 'the demo legal and leader accounts (did the setup flow pass?)');
  const legalContext = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  await page.setViewportSize(DESKTOP);
  try {
    await signIn(page, baseUrl, state.admin.username, state.admin.password);
    const http = api(page.request, baseUrl);
    const today = todayInChina();

    // ---- Through the API: an inspection with one entry 不符合, signed, and its referral ----
    const unit = await uninspectedUnit(http);
    const { team, versionId } = await teamAndChecklist(http, today);
    const created = await http.send<{ id: string; code: string; items: { entryId: string; code: string }[]; notice: { latestDate: string } }>(
      'POST',
      '/api/inspections',
      { unitId: unit.id, inspectorIds: team.map((t) => t.id), checklistVersionId: versionId, plannedDate: today, reason: '浏览器测试：行政处罚案件' },
    );
    await http.send('POST', `/api/inspections/${created.id}/notice`, { noticeOn: created.notice.latestDate });
    await http.send('PUT', `/api/inspections/${created.id}/record`, {
      onSiteDate: today,
      items: created.items.map((e, i) => ({ entryId: e.entryId, result: i === 0 ? 'non_compliant' : 'compliant', note: i === 0 ? NOTE : null })),
      inspectorsPresent: team.map((t) => t.id),
      representative: { name: '陈档案员', title: '办公室主任' },
      findings: `${NOTE}。`,
    });
    const sig = `data:image/png;base64,${PNG.toString('base64')}`;
    await http.send('POST', `/api/inspections/${created.id}/sign`, {
      inspectors: team.map((t) => ({ inspectorId: t.id, signature: sig })),
      representative: { signature: sig },
    });
    await http.send('POST', `/api/inspections/${created.id}/referrals`, {
      entryIds: [created.items[0]!.entryId],
      facts: `${unit.name}${NOTE}。`,
      suspectedBasis: '《中华人民共和国档案法》第四十八条',
    });
    const refs = await http.get<{ items: { code: string; sourceRef: string }[] }>(
      `/api/enforcement/referrals?q=${encodeURIComponent(created.code)}&pageSize=10`,
    );
    const refCode = refs.items.find((r) => r.sourceRef === created.code)?.code;
    assert(refCode, `the referral of ${created.code}`);
    log(`${created.code} → ${refCode} (${unit.name})`);

    // ---- 案件线索 → 立案 ----
    await page.goto(`${baseUrl}/enforcement/referrals`);
    await see(page.getByTestId('referrals-table'), 'the referrals list');
    const search = page.getByRole('searchbox', { name: '搜索' }).or(page.getByLabel('搜索')).first();
    await search.fill(refCode);
    await search.press('Enter');
    await page.getByTestId('referral-link').filter({ hasText: refCode }).click();
    await see(page.getByTestId('referral-detail'), 'the referral drawer');
    assert((await page.getByTestId('case-module-note').count()) === 0, 'no “立案将随案件办理模块提供” note any more');
    await page.getByTestId('open-case').click();
    const form = page.getByTestId('open-case-form');
    await see(form, 'the 立案 drawer');
    await seeText(page.getByTestId('open-case-referral'), new RegExp(unit.name), 'the party is the referral’s unit');
    assert((await page.getByTestId('open-case-facts').inputValue()).includes(NOTE), 'the facts come from the referral');
    await pick(page, page.getByTestId('open-case-benchmark'), '擅自提供', /擅自提供/);
    await see(page.getByTestId('open-case-levels'), 'the benchmark’s circumstances and recommended ranges');
    await seeText(page.getByTestId('open-case-levels'), /一般[\s\S]*32,500 元—55,000 元/, 'the recommended range of 一般');
    await pick(page, page.getByTestId('open-case-officers'), team[0]!.name, new RegExp(team[0]!.name));
    await pick(page, page.getByTestId('open-case-officers'), team[1]!.name, new RegExp(`${team[0]!.name}[\\s\\S]*${team[1]!.name}`));
    await page.keyboard.press('Escape');
    await pick(page, page.getByTestId('open-case-approver'), leader.displayName, new RegExp(leader.displayName));
    await page.getByTestId('open-case-major').check();
    await shot(page, '1-open-case');
    await page
      .locator('.ant-drawer-open .ant-drawer-footer')
      .last()
      .getByRole('button', { name: /报请立案/ })
      .click();
    await page.waitForURL((u) => /\/enforcement\/cases\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 15_000 });
    const caseId = page.url().split('/').pop()!;
    const caseNo = await seeText(page.getByTestId('case-no'), /〔\d{4}〕\d+号/, 'the case number');
    await seeText(page.getByTestId('case-status'), /待批准立案/, 'the filing awaits the leader');
    await see(page.getByTestId('filing-pending'), 'the page says the leader approves the filing');
    assert((await page.getByTestId('case-action-notify').count()) === 0, 'nothing to do before 立案 is approved');

    // ---- 立案审批: the leader finds it in 待我审批 and approves ----
    const leaderContext = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const leaderPage = await leaderContext.newPage();
    await signIn(leaderPage, baseUrl, leader.username, leader.password);
    await leaderPage.goto(`${baseUrl}/`);
    const approvals = await see(leaderPage.getByTestId('dashboard-approvals'), 'the leader’s 待我审批');
    await approvals.getByRole('link', { name: new RegExp(caseNo.replace(/[〔〕]/g, '.')) }).click();
    await leaderPage.waitForURL(`**/enforcement/cases/${caseId}`);
    await action(leaderPage, 'approveFiling', 'filing-form');
    await seeText(leaderPage.getByTestId('filing-form'), new RegExp(team[0]!.name), 'the leader sees the officers before approving');
    await shot(leaderPage, '1b-approve-filing');
    await submitModal(leaderPage, 'filing-form');
    await modalClosed(leaderPage, 'filing-form', 'the filing approval');
    await seeText(leaderPage.getByTestId('case-status'), /调查取证/, 'filed: investigating');
    await leaderContext.close();
    await page.reload();
    await seeText(page.getByTestId('case-status'), /调查取证/, 'investigating');
    const decisionClock = page.locator('[data-testid="case-clock"][data-kind="enforcement.decision"]');
    await see(decisionClock, 'the decision clock');
    await decisionClock.getByText('为什么是这一天').click();
    await seeText(page.getByTestId('case-clock-explanation'), /九十|90/, 'the decision clock explains its day');
    const opened = await http.get<Detail>(`/api/enforcement/cases/${caseId}`);
    assertEqual(
      (await decisionClock.getAttribute('data-due')) ?? '',
      opened.clocks.find((k) => k.kind === 'enforcement.decision')!.due ?? '',
      'the clock shows the server’s due',
    );
    await seeText(page.getByTestId('case-officers'), new RegExp(`${team[0]!.name}[\\s\\S]*${team[1]!.name}`), 'both officers named');
    await shot(page, '2-case-opened');
    log(`立案 ${caseNo}`);

    // ---- 调查取证: a photo and an inquiry record ----
    await action(page, 'addEvidence', 'evidence-form');
    await page.getByTestId('evidence-form').getByLabel('证据名称').fill('档案室现场照片');
    await page.getByTestId('evidence-form').locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await submitModal(page, 'evidence-form');
    await modalClosed(page, 'evidence-form', 'the evidence');
    await page.getByRole('tab', { name: /调查取证/ }).click();
    await seeText(page.getByTestId('case-evidence'), /档案室现场照片[\s\S]*现场照片\.png/, 'the evidence listed with its file');
    await action(page, 'addInquiry', 'inquiry-form');
    const inq = page.getByTestId('inquiry-form');
    await inq.getByLabel('询问地点').fill('档案局询问室');
    await inq.getByLabel('被询问人').fill('陈档案员（办公室主任）');
    await inq.getByLabel('询问内容').fill('问：是否向无关人员提供了馆藏档案复制件？\n答：是，未经审批提供了三件。');
    await submitModal(page, 'inquiry-form');
    await modalClosed(page, 'inquiry-form', 'the inquiry record');
    await seeText(page.getByTestId('case-inquiry'), /档案局询问室/, 'the inquiry record listed');
    await shot(page, '3-evidence', page.getByTestId('case-detail'));

    // ---- 告知: beyond the statutory range refused under the amount field, nothing saved; then 40,000 元 ----
    await action(page, 'notify', 'notify-form');
    const nf = page.getByTestId('notify-form');
    const amount = nf.getByLabel('罚款金额');
    await amount.fill('200000');
    await nf.getByTestId('discretion-reason').fill('浏览器测试：超出法定幅度');
    await submitModal(page, 'notify-form');
    await see(nf.locator('.ant-form-item-explain-error').filter({ hasText: /罚款 200000 元超出法定幅度/ }), 'the server’s refusal under the amount');
    assertEqual((await http.get<Detail>(`/api/enforcement/cases/${caseId}`)).proposal, null, 'nothing saved after the refusal');
    await shot(page, '4-notify-refused');
    await amount.fill('40000');
    await nf.getByTestId('discretion-reason').fill('');
    await submitModal(page, 'notify-form');
    await modalClosed(page, 'notify-form', 'the notice');
    await seeText(page.getByTestId('case-status'), /已告知/, 'notified');
    const notice = await downloadDocx(page, page.getByTestId('case-doc-notice'), 'the 告知书');
    assert(
      notice.includes('行政处罚事先告知书') && notice.includes('罚款人民币40,000元') && notice.includes('陈述、申辩'),
      'the notice names the penalty and the rights',
    );
    await see(page.getByTestId('review-required'), 'the page says the review is required');
    assert((await page.getByTestId('case-action-decide').count()) === 0, 'no 作出决定 before the review');
    assert((await page.getByTestId('case-action-review').count()) === 0, 'admin (no enforcement.review) is not offered the review');

    // ---- 法制审核 as the legal account ----
    const lp = await legalContext.newPage();
    await signIn(lp, baseUrl, legal.username, legal.password);
    await lp.goto(`${baseUrl}/enforcement/cases/${caseId}`);
    await see(lp.getByTestId('case-detail'), 'the case for the reviewer');
    await action(lp, 'review', 'review-form');
    const rf = lp.getByTestId('review-form');
    await seeText(rf.getByTestId('proposal-summary'), /警告；罚款 40,000 元[\s\S]*一般/, 'the reviewer sees the proposal');
    for (const box of await rf.getByTestId('review-checklist').locator('input[type=checkbox]').all()) await box.check();
    await rf.getByTestId('review-opinion').fill('事实清楚，证据确凿，程序合法，裁量适当，同意。');
    await rf.getByTestId('review-result').getByText('通过').click();
    await shot(lp, '5-review');
    await submitModal(lp, 'review-form');
    await modalClosed(lp, 'review-form', 'the review');
    await lp.getByRole('tab', { name: '审核与决定' }).click();
    await seeText(lp.getByTestId('case-review'), new RegExp(`通过[\\s\\S]*${legal.displayName}`), 'the review recorded with the reviewer');
    assertEqual((await http.get<Detail>(`/api/enforcement/cases/${caseId}`)).reviewResult, 'passed', 'the review passed');

    // ---- 决定 and the 决定书 ----
    await page.reload();
    await action(page, 'decide', 'decide-form');
    await seeText(page.getByTestId('decide-form'), /警告；罚款 40,000 元/, 'the decision starts from the notified penalties');
    await shot(page, '6-decide');
    await submitModal(page, 'decide-form');
    await modalClosed(page, 'decide-form', 'the decision');
    await seeText(page.getByTestId('case-status'), /已决定/, 'decided');
    await see(page.locator('[data-kind="enforcement.publication"]'), 'the publication clock');
    const decided = await http.get<Detail>(`/api/enforcement/cases/${caseId}`);
    const decision = await downloadDocx(page, page.getByTestId('case-doc-decision'), 'the 决定书');
    for (const s of ['行政处罚决定书', decided.decisionDocNo!, '罚款人民币40,000元', '档案室现场照片', '人民政府申请行政复议', '人民法院提起行政诉讼'])
      assert(decision.includes(s), `the decision letter contains ${s}`);
    await shot(page, '7-decided', page.getByTestId('case-detail'));

    // ---- 送达, 缴款, 公开, 结案 ----
    await action(page, 'serve', 'serve-form');
    await submitModal(page, 'serve-form');
    await modalClosed(page, 'serve-form', 'the service');
    await seeText(page.getByTestId('case-status'), /已送达/, 'served');
    await action(page, 'pay', 'pay-form');
    assertEqual(Number(await page.getByTestId('pay-form').getByLabel('本次缴纳金额').inputValue()), 40_000, 'the amount due prefilled');
    await submitModal(page, 'pay-form');
    await modalClosed(page, 'pay-form', 'the payment');
    await action(page, 'publish', 'publish-form');
    await submitModal(page, 'publish-form');
    await modalClosed(page, 'publish-form', 'the publication');
    await action(page, 'close', 'close-form');
    await submitModal(page, 'close-form');
    await modalClosed(page, 'close-form', 'the closure');
    await seeText(page.getByTestId('case-status'), /已结案/, 'closed');
    assert((await page.getByTestId('case-actions').locator('[data-testid^="case-action-"]').count()) <= 1, 'only 决定被撤销 remains, at most');
    const closed = await http.get<Detail>(`/api/enforcement/cases/${caseId}`);
    assertEqual([closed.status, closed.fineCollected, closed.publishedOn], ['closed', 40_000, today], 'closed, collected, published');
    await page.getByRole('tab', { name: '执行' }).click();
    await seeText(page.getByTestId('fine-collected'), /40,000 元/, 'the fine collected');
    await page.getByRole('tab', { name: '全过程记录' }).click();
    await seeText(page.getByTestId('audit-timeline'), /结案[\s\S]*立案/, 'the whole-process record from 立案 to 结案');
    await shot(page, '8-closed', page.getByTestId('case-detail'));

    // ---- The referral links its case; the list finds it; the portal publishes the benchmarks ----
    await page.goto(`${baseUrl}/enforcement/referrals`);
    await search.fill(refCode);
    await search.press('Enter');
    await page.getByTestId('referral-link').filter({ hasText: refCode }).click();
    await seeText(page.getByTestId('referral-status').last(), /已立案/, 'the referral accepted');
    await shot(page, '9a-referral-accepted');
    await page.getByTestId('referral-case-link').click();
    await page.waitForURL(new RegExp(`/enforcement/cases/${caseId}$`));
    await page.goto(`${baseUrl}/enforcement/cases`);
    const listSearch = page.getByRole('searchbox', { name: '搜索' }).or(page.getByLabel('搜索')).first();
    await listSearch.fill(caseNo);
    await listSearch.press('Enter');
    await seeText(page.getByTestId('cases-table').locator('tbody tr').filter({ hasText: caseNo }), /已结案/, 'the case in the list, closed');
    await shot(page, '9-list');
    // ---- 执法统计: this year's figures, the decided count opening the cases it counts ----
    await page.goto(`${baseUrl}/enforcement/figures`);
    const year = today.slice(0, 4);
    const figures = await http.get<{ figures: Record<string, { value: number }> }>(`/api/figures?from=${year}-01-01&to=${year}-12-31`);
    const decidedCount = figures.figures['enforcement.cases.decided']!.value;
    assert(decidedCount >= 1, 'this year’s case is counted as decided');
    await seeText(
      page.getByTestId('figure-enforcement.cases.decided'),
      new RegExp(`^${decidedCount.toLocaleString('zh-CN')}$`),
      'the decided figure as the API counts it',
    );
    await page.getByTestId('figure-enforcement.cases.decided').click();
    await seeText(page.getByTestId('figure-records-total'), new RegExp(`共 ${decidedCount} 条记录`), 'the drawer lists as many cases as the figure');
    await see(page.getByTestId('figure-records').getByTestId('figure-record-link').filter({ hasText: caseNo }), 'this case among them, linked');
    await shot(page, '9c-figures');
    await page.keyboard.press('Escape');
    await page.goto(`${baseUrl}/enforcement/benchmarks`);
    await see(page.getByTestId('benchmarks-table'), 'the back office’s benchmarks');
    await see(page.getByTestId('edit-benchmark'), 'the admin may adjust them');
    await shot(page, '9b-benchmarks');
    await page.goto(`${baseUrl}/public`);
    await page.getByTestId('home-benchmarks-link').click();
    await see(page.getByTestId('public-benchmarks'), 'the portal benchmarks');
    await seeText(page.getByTestId('public-benchmarks'), /擅自提供[\s\S]*32,500—55,000 元/, 'the benchmarks with their ranges');
    await shot(page, '10-portal');
  } finally {
    await legalContext.close().catch(() => undefined);
    await page.setViewportSize({ width: 1366, height: 860 }).catch(() => undefined);
  }
}
