/**
 * (l) 主动公开目录 and 信息处理费, as the demo admin (one sign-in: login is rate-limited): registers a
 * 规范性文件 made a few days ago and sees its 20-working-day due date (the same as the API's) with
 * the “why” lines, then records its publication; sets the letters' 机关代字 and the court the reply
 * letters name on 系统设置; takes an
 * application at the desk, computes a by-page fee of 150 pages (→ 1700 元, the bands shown), sees the
 * reply clock paused and 逾期不缴费 refused before the payment deadline (counted from the service date,
 * 预计 exactly when the server says so), records the actual service date, downloads the 收费通知
 * (.docx with the new 机关代字, stating the same pay-by day) and records the payment.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { assert, assertEqual, see, seeText, signIn, type FlowContext } from '../lib.js';

export const name = '主动公开目录与信息处理费：登记目录条目、按量收费 150 页 1700 元、收费通知';

/** YYYY-MM-DD in China, `back` days ago. */
const chinaDay = (back = 0) => new Date(Date.now() + 8 * 3600_000 - back * 86_400_000).toISOString().slice(0, 10);

export async function run({ page, baseUrl, state, log }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  // Reply and payment periods started in December run into next year.
  const menu = page.getByTestId('side-menu');

  // 1. A 规范性文件 made three days ago: its due date is 20 working days on, as the API says.
  const group = menu.getByText('政府信息公开', { exact: true });
  if (!(await menu.getByText('主动公开目录', { exact: true }).isVisible())) await group.click();
  await menu.getByText('主动公开目录', { exact: true }).click();
  await see(page.getByTestId('register-table'), 'the register list');
  await (await see(page.getByTestId('register-add'), 'the add button')).click();
  const form = page.getByTestId('register-form');
  await see(form, 'the register entry form');
  await seeText(form.locator('.ant-form-item', { hasText: '类别' }).first(), /规范性文件/, 'the default category 规范性文件');
  const title = `E2E 关于加强档案行政执法的规范性文件（${Date.now()}）`;
  const madeOn = chinaDay(3);
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('文号').fill('测档发〔2026〕1号');
  const made = form.getByLabel('制作或变更日期');
  await made.click();
  await made.fill(madeOn);
  await made.press('Enter');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await see(page.locator('.ant-message-notice', { hasText: '已登记' }), 'the saved message', 20_000);

  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill(title);
  await search.press('Enter');
  const row = page.getByTestId('register-table').locator('tr.ant-table-row', { hasText: title });
  await see(row, 'the new entry in the register');
  await seeText(row, new RegExp(madeOn), 'the made date in the row');
  const due = (await row.getByTestId('register-due').getAttribute('data-due')) ?? '';
  assert(/^\d{4}-\d{2}-\d{2}$/.test(due) && due > madeOn, `a due date after ${madeOn} (got “${due}”)`);
  const api = (await (await page.request.get(`${baseUrl}/api/disclosure/register`, { params: { q: title } })).json()) as {
    items: { title: string; clock: { due: string; state: string } | null }[];
  };
  assertEqual(api.items.find((e) => e.title === title)?.clock?.due, due, 'due date of the entry (page vs API)');
  await seeText(row.getByTestId('register-due'), /进行中|即将到期/, 'the running clock of the entry');
  log(`register entry made ${madeOn}, due ${due}`);
  await row.locator('.ant-table-row-expand-icon').click();
  const why = await see(page.getByTestId('register-explanation'), 'the “why this date” lines of the entry');
  assert((await why.locator('li').count()) >= 1 && /工作日/.test((await why.textContent()) ?? ''), 'the explanation counts working days');

  // …published today: the clock is met.
  await row.getByTestId('register-publish').click();
  await see(page.getByTestId('register-publish-form'), 'the publish form');
  await page.getByRole('button', { name: /^确\s*定$/ }).click();
  await see(page.locator('.ant-message-notice', { hasText: '已登记公开日期' }), 'the published message', 20_000);
  await seeText(row.getByTestId('register-due'), /已按期办结/, 'the met clock after publishing');

  // 2. The letters' 机关代字 (admin, 系统设置).
  const prefix = `测档公开${String(Date.now()).slice(-3)}`;
  await menu.getByText('系统设置', { exact: true }).click();
  const letterCard = await see(page.getByTestId('letter-settings'), 'the letter number settings');
  await letterCard.getByTestId('letter-prefix').fill(prefix);
  await seeText(letterCard.getByTestId('letter-prefix-example'), new RegExp(`^${prefix}〔\\d{4}〕1号$`), 'the example number');
  await letterCard.getByRole('button', { name: '保存发文字号' }).click();
  await see(page.locator('.ant-message-notice', { hasText: `机关代字已设为“${prefix}”` }), 'the saved prefix', 20_000);

  // …and the 复议机关 / court the reply letters name: the default organ, the exact court entered here.
  const remedy = await see(page.getByTestId('remedy-settings'), 'the remedy settings');
  const organ = (await remedy.getByTestId('remedy-review-organ').inputValue()).trim();
  assert(organ.endsWith('人民政府'), `the default 复议机关 is a people's government (got “${organ}”)`);
  const court = `${organ.replace(/人民政府$/, '')}站前区人民法院`;
  await remedy.getByTestId('remedy-court').fill(court);
  await remedy.getByTestId('remedy-save').click();
  await see(page.locator('.ant-message-notice', { hasText: '已保存答复书载明的行政复议机关和人民法院' }), 'the saved organs', 20_000);
  await seeText(
    remedy.getByTestId('remedy-example-refusal'),
    new RegExp(`应当先申请行政复议.*向${organ}申请行政复议.*向${court}提起行政诉讼`),
    'the refusal remedy naming them',
  );
  await seeText(remedy.getByTestId('remedy-example-other'), new RegExp(`6个月内向${court}提起行政诉讼`), 'the other remedy naming the court');

  // 3. An application taken at the desk.
  if (!(await menu.getByText('依申请公开', { exact: true }).isVisible())) await group.click();
  await menu.getByText('依申请公开', { exact: true }).click();
  await (await see(page.getByTestId('intake-button'), 'the intake button')).click();
  const intake = page.getByTestId('intake-form');
  await see(intake, 'the intake form');
  await intake.getByLabel('申请人姓名（名称）').fill(`钱收费${String(Date.now()).slice(-4)}`);
  await intake.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill(`E2E 申请复制本局2020—2025年全部档案执法检查记录（${Date.now()}）`);
  await page.getByRole('button', { name: /^登\s*记$/ }).click();
  const warned = page.getByTestId('duplicate-warning');
  await Promise.race([page.getByTestId('application-detail').waitFor({ timeout: 30_000 }), warned.waitFor({ timeout: 30_000 })]).catch(() => undefined);
  if (await warned.isVisible()) await page.getByRole('button', { name: '查看申请' }).click();
  await see(page.getByTestId('application-detail'), 'the new application', 30_000);

  // 4. A by-page fee of 150 pages: 30 free, 70 × 10, 50 × 20 = 1700 元.
  await (await see(page.getByTestId('fee-compute'), 'the fee button')).click();
  const feeForm = page.getByTestId('fee-form');
  await see(feeForm, 'the fee form');
  await feeForm.getByText('按量计收（页）').click();
  await feeForm.getByLabel('页数').fill('150');
  await page.getByRole('button', { name: '计算并发出收费通知' }).click();
  const amount = await see(page.getByTestId('fee-amount'), 'the fee amount', 20_000);
  assertEqual(await amount.getAttribute('data-amount'), '1700', 'fee of 150 pages by page');
  await seeText(amount, /1,?700\s*元/, 'the fee shown in 元');
  const bands = await page.getByTestId('fee-bands').locator('tbody tr.ant-table-row').allTextContents();
  assertEqual(bands.length, 3, `fee bands (got ${JSON.stringify(bands)})`);
  assert(
    /70 页.*10 元.*700/.test(bands[1] ?? '') && /50 页.*20 元.*1,?000/.test(bands[2] ?? ''),
    `the 31–100 and 101–150 bands (got ${JSON.stringify(bands)})`,
  );
  await seeText(page.getByTestId('fee-explanation'), /合计 1700 元/, "the server's explanation");
  const payByCell = page.getByTestId('fee-pay-by');
  const payBy = (await payByCell.getAttribute('data-due')) ?? '';
  assert(/^\d{4}-\d{2}-\d{2}$/.test(payBy), `a payment deadline (got “${payBy}”)`);
  const appId = /\/disclosure\/applications\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  assert(appId, `the application id in the url (${page.url()})`);
  const detail = (await (await page.request.get(`${baseUrl}/api/disclosure/applications/${appId}`)).json()) as {
    fee: { noticeOn: string; servedOn: string; payBy: { due: string; provisional: boolean } };
  };
  assertEqual(detail.fee.payBy.due, payBy, 'pay-by day (page vs API)');
  assertEqual(detail.fee.servedOn, detail.fee.noticeOn, 'a notice to a desk application counts as served the day it is sent');
  assertEqual(await payByCell.getAttribute('data-provisional'), String(detail.fee.payBy.provisional), 'the 预计 mark of the pay-by day (page vs API)');
  assertEqual((await payByCell.getByTestId('provisional').count()) > 0, detail.fee.payBy.provisional, 'the 预计 tag of the pay-by day');
  await seeText(page.getByTestId('fee-served-on'), new RegExp(detail.fee.servedOn), 'the service date');
  log(`fee notice ${detail.fee.noticeOn}, served ${detail.fee.servedOn}, pay by ${payBy}${detail.fee.payBy.provisional ? ' (预计)' : ''}`);
  await seeText(page.getByTestId('fee-pause'), /答复期限暂停计算/, 'the paused reply clock');
  await seeText(page.getByTestId('clock-card'), /计时暂停|已暂停/, 'the clock card shows the pause');

  // 逾期不缴费 is refused before the payment deadline.
  await page.getByTestId('action-decision').click();
  const decision = page.getByTestId('decision-form');
  await see(decision, 'the decision form');
  await decision.locator('.ant-form-item', { hasText: '办理结果' }).locator('.ant-select').click();
  await page.locator('.ant-select-item-option', { hasText: '逾期未按收费通知要求缴纳费用' }).first().click();
  await page.getByRole('button', { name: '确认答复' }).click();
  await seeText(decision, new RegExp(`缴费期限至 ${payBy} 届满`), 'the refusal of 逾期不缴费 before the deadline');
  await page.getByRole('button', { name: /^取\s*消$/ }).click();

  // 5. The actual service date recorded (the same day here): the pay-by day stays.
  await page.getByTestId('fee-served').click();
  await see(page.getByTestId('fee-served-form'), 'the service date form');
  await page.getByRole('button', { name: /^确\s*定$/ }).click();
  await see(page.locator('.ant-message-notice', { hasText: '已登记送达日期' }), 'the recorded service date', 20_000);
  assertEqual(await page.getByTestId('fee-pay-by').getAttribute('data-due'), payBy, 'pay-by day after recording the service date of the same day');

  // 6. The 收费通知 (.docx) with the new 机关代字 states the same pay-by day.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('fee-notice-download').click()]);
  assert(download.suggestedFilename().endsWith('.docx'), `the fee notice is a .docx (got “${download.suggestedFilename()}”)`);
  const noticeFile = fs.readFileSync(await download.path());
  assertEqual(noticeFile.subarray(0, 2).toString('latin1'), 'PK', 'the fee notice starts like a .docx (zip)');
  const xml = await (await JSZip.loadAsync(noticeFile)).file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
  const [y, m, d] = payBy.split('-').map(Number);
  const stated = `个工作日内缴纳，即不晚于${y}年${m}月${d}日${detail.fee.payBy.provisional ? '（预计）' : ''}。`;
  assert(text.includes(`请自收到本通知之次日起`) && text.includes(stated), `the notice states “${stated}”`);
  if (detail.fee.payBy.provisional) assert(text.includes('节假日安排尚未公布'), 'the notice says why the date is provisional');
  await seeText(page.getByTestId('issued-letters'), new RegExp(`${prefix}〔\\d{4}〕\\d+号`), 'the fee notice number with the new 机关代字');

  // 7. Payment recorded: the clock runs again.
  await page.getByTestId('fee-paid').click();
  await see(page.getByTestId('fee-paid-form'), 'the payment form');
  await page.getByRole('button', { name: /^确\s*定$/ }).click();
  await seeText(page.getByTestId('fee-card'), /已缴费/, 'the payment on the page', 20_000);
  assertEqual(await page.getByTestId('fee-pause').count(), 0, 'no pause notice after payment');
}
