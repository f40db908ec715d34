/**
 * (j) The inspection loop on a tablet (820×1180 portrait): as admin an ad-hoc inspection of the demo
 * `unit` account's unit for today, the notice (a date in the future refused with the server's
 * message, today refused as fewer than 5 working days ahead naming the latest day, then registered
 * as sent on that day and downloaded — the on-site record cannot be dated before the date the notice
 * announced, so a same-day loop needs a notice sent 5 working days earlier); as the unit, in a second
 * browser context, the self-inspection filled and submitted; as admin the on-site record (one item
 * 不符合, a photo, a non-image refused), signing refused while incomplete with the list of what is
 * missing, then completed, signed on the canvases with the mouse → read-only; the feedback letter
 * with its deadline, downloaded (.docx); the unit reports rectification and the admin accepts it.
 * Two sign-ins in all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { assert, see, seeText, signIn, type FlowContext, ARTIFACTS_DIR, todayInChina } from '../lib.js';

export const name = '检查闭环：平板上的通知、自查、现场检查签字、反馈意见书与整改';

const TABLET = { width: 820, height: 1180 };
const ARTIFACTS = ARTIFACTS_DIR;
// 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function getJson<T>(req: APIRequestContext, url: string): Promise<T> {
  const r = await req.get(url);
  assert(r.ok(), `GET ${url}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `inspection-${name}.png`), fullPage: false }).catch(() => undefined);
}

/** Saves the download started by `click` and checks it is a .docx (a zip: PK). */
async function downloadDocx(page: Page, button: Locator, what: string) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  const file = await dl.path();
  assert(file, `${what}: the download was saved`);
  const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
  assert(head === 'PK', `${what}: a .docx starts with PK (got ${JSON.stringify(head)})`);
  assert(dl.suggestedFilename().endsWith('.docx'), `${what}: file name ${dl.suggestedFilename()}`);
}

/** Types a date into an antd DatePicker. */
async function pickDate(picker: Locator, date: string) {
  const input = picker.locator('input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Draws a squiggle on a canvas with the mouse. */
async function drawOn(page: Page, canvas: Locator) {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert(box, 'a signature canvas is on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 15, y + (i % 2 ? -25 : 25), { steps: 2 });
  await page.mouse.up();
}

export async function run({ page, browser, baseUrl, state, log }: FlowContext): Promise<void> {
  const unitAccount = state.accounts.find((a) => a.username === 'unit');
  assert(unitAccount, 'the demo unit account (did the setup flow pass?)');
  const unitContext = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  try {
    // ---- Admin: calendar, dates, the unit and a team ----
    await signIn(page, baseUrl, state.admin.username, state.admin.password);
    const req = page.request;
    const today = todayInChina();
    // A planned date plus the rectification period may run into next year.
    // Inspected today: the on-site date may not be earlier than the date the notice announced.
    const plannedDate = today;
    const tomorrow = (await getJson<{ due: string }>(req, `${baseUrl}/api/calendar/due?from=${today}&days=1&unit=calendar`)).due;
    log(`today ${today}, planned ${plannedDate}`);
    const users = await getJson<{ items: { username: string; unitId: string | null; unitName: string | null }[] }>(
      req,
      `${baseUrl}/api/users?q=unit&pageSize=100`,
    );
    const me = users.items.find((u) => u.username === 'unit');
    assert(me?.unitId && me.unitName, `the unit account's unit (got ${JSON.stringify(users.items.map((u) => u.username))})`);
    const inspectors = await getJson<{
      items: { id: string; name: string; status: string; certState: string; conflictCount: number; certExpiresOn: string }[];
    }>(req, `${baseUrl}/api/inspectors?page=1&pageSize=100`);
    const team = inspectors.items.filter((i) => i.status === 'active' && i.conflictCount === 0 && i.certExpiresOn > plannedDate).slice(0, 2);
    assert(team.length === 2, `two inspectors without conflicts (got ${team.length})`);

    // ---- A published draw offers 生成检查任务 until its tasks exist, then says how many were generated ----
    const draws = await getJson<{ items: { id: string; drawId: string; status: string; supersededById: string | null }[] }>(
      req,
      `${baseUrl}/api/inspections/draws?page=1&pageSize=100`,
    );
    const live = draws.items.find((x) => x.status === 'published' && !x.supersededById);
    if (live) {
      await page.goto(`${baseUrl}/inspection/draws/${live.id}`);
      const generated = page.getByTestId('inspections-generated');
      await see(page.getByTestId('generate-inspections').or(generated), '生成检查任务, or the tasks it generated');
      if (await generated.isVisible()) {
        assert((await page.getByTestId('generate-inspections').count()) === 0, '生成检查任务 is not offered once the tasks exist');
        log(`${live.drawId}: ${await generated.textContent()}`);
      } else {
        await page.getByTestId('generate-inspections').click();
        await page.getByRole('button', { name: /^生\s*成$/ }).click();
        await see(generated, 'the tasks generated (and 生成检查任务 gone)');
        log(`generate for ${live.drawId}: ${await generated.textContent()}`);
      }
      await page.goto(`${baseUrl}/`);
      await see(page.getByTestId('side-menu'), 'the back office');
    }

    // ---- 新建临时检查 ----
    await page.getByTestId('side-menu').getByText('行政检查').click();
    await page.getByTestId('side-menu').getByText('检查任务').click();
    await page.waitForURL(/\/inspection\/inspections$/);
    // From here on a tablet (the menu was used at desktop width, where it is expanded).
    await page.setViewportSize(TABLET);
    await see(page.getByTestId('inspections-table'), 'the inspections list');
    await page.getByTestId('new-inspection').click();
    const form = page.getByTestId('adhoc-form');
    await see(form, 'the ad-hoc form');
    const unitSelect = form.getByLabel('检查对象');
    await unitSelect.click();
    await unitSelect.fill(me.unitName.slice(0, 6));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: me.unitName }).first().click();
    const teamSelect = form.getByLabel('检查组（至少 2 名执法人员）');
    for (const t of team) {
      await teamSelect.click();
      await teamSelect.fill(t.name);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: t.name }).first().click();
    }
    await teamSelect.press('Escape');
    await page
      .locator('.ant-select-dropdown:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
    const checklistItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('检查表', { exact: true }) });
    if (!(await checklistItem.locator('.ant-select-selection-item').count())) {
      await form.getByLabel('检查表', { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    }
    await pickDate(form.locator('.ant-picker'), plannedDate);
    await form.getByLabel('检查事由').fill('浏览器测试：群众反映档案库房管理问题，开展专项检查');
    await page.getByRole('button', { name: /^创\s*建$/ }).click();
    await page.waitForURL(/\/inspection\/inspections\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const inspectionUrl = page.url();
    const inspectionId = inspectionUrl.split('/').pop()!;
    await seeText(page.getByTestId('inspection-status'), /待通知/, 'the new inspection status');
    await see(page.getByTestId('inspection-steps'), 'the steps of the status machine');
    const code = (await getJson<{ code: string }>(req, `${baseUrl}/api/inspections/${inspectionId}`)).code;
    await shot(page, '1-new');

    // ---- 送达检查通知书: a future date refused (the message names the dates), today refused (5 working days ahead), then the latest day ----
    await pickDate(page.getByTestId('notice-date'), tomorrow);
    await page.getByTestId('send-notice').click();
    await seeText(page.getByTestId('notice-error'), new RegExp(`${tomorrow}.*${today}`), "the server's refusal naming the dates");
    const latest = (await getJson<{ notice: { latestDate: string } }>(req, `${baseUrl}/api/inspections/${inspectionId}`)).notice.latestDate;
    await pickDate(page.getByTestId('notice-date'), today);
    await page.getByTestId('send-notice').click();
    await seeText(page.getByTestId('notice-error'), new RegExp(`只有 0 个工作日，最迟应于 ${latest}`), 'the refusal naming the latest day to send');
    await pickDate(page.getByTestId('notice-date'), latest);
    await page.getByTestId('send-notice').click();
    await seeText(page.getByTestId('inspection-status'), /已通知/, 'the status after the notice');
    await seeText(
      page.getByTestId('notice-doc-number'),
      new RegExp(`${latest} 送达，通知检查日期 ${today}`),
      'the notice number, the day sent and the date announced',
    );
    await downloadDocx(page, page.getByTestId('download-notice'), 'the notice');

    // ---- The unit (second context, one sign-in): self-inspection ----
    const unitPage = await unitContext.newPage();
    await signIn(unitPage, baseUrl, unitAccount.username, unitAccount.password);
    await unitPage.getByTestId('side-menu').getByText('检查与整改').click();
    await unitPage.waitForURL(/\/my\/inspections$/);
    await unitPage.setViewportSize(TABLET);
    await unitPage.getByTestId('my-inspection-link').filter({ hasText: code }).click();
    await unitPage.waitForURL(new RegExp(`/my/inspections/${inspectionId}$`));
    await downloadDocx(unitPage, unitPage.getByTestId('download-notice'), "the unit's notice");
    const selfItems = unitPage.getByTestId('self-item');
    await see(selfItems, 'the self-inspection items');
    const n = await selfItems.count();
    assert(n >= 5, `the checklist has items (got ${n})`);
    // Half now as a draft, the rest after.
    const half = Math.floor(n / 2);
    for (let i = 0; i < half; i++) await selfItems.nth(i).getByTestId('self-result').getByText('符合', { exact: true }).click();
    await unitPage.getByTestId('save-self').click();
    await see(unitPage.getByText('已保存草稿'), 'the draft saved');
    // its due date (the last working day before the visit), then 其余均符合 for the rest and 不适用 for the last
    await seeText(unitPage.getByTestId('self-due'), /提交期限/, 'the self-inspection’s due date');
    await unitPage.getByTestId('self-rest-compliant').click();
    await selfItems
      .nth(n - 1)
      .getByTestId('self-result')
      .getByText('不适用', { exact: true })
      .click();
    await shot(unitPage, '2-self');
    await unitPage.getByTestId('submit-self').click();
    await see(unitPage.getByTestId('self-submitted'), 'the self-inspection submitted');
    await seeText(unitPage.getByTestId('inspection-status'), /已自查/, "the unit's view of the status");

    // ---- Admin: the on-site record ----
    await page.reload();
    await seeText(page.getByTestId('inspection-status'), /已自查/, 'the status once the unit submitted');
    await seeText(page.getByTestId('self-card'), /已提交/, 'the self-inspection shown to the bureau');
    const items = page.getByTestId('record-item');
    await see(items, 'the on-site record items');
    assert((await items.count()) === n, 'the record lists every checklist item');
    // All but the last; the first 不符合.
    for (let i = 0; i < n - 1; i++)
      await items
        .nth(i)
        .getByTestId('result-control')
        .getByText(i === 0 ? '不符合' : '符合', { exact: true })
        .click();
    await items.first().getByTestId('item-note').fill('现场查看，档案工作责任制未落实到岗');
    // A photo, and something that is not a picture (refused with the server's message).
    await items.first().getByTestId('photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await see(items.first().getByTestId('file-thumbs').locator('img'), 'the uploaded photo');
    await seeText(
      page.getByTestId('evidence-usage'),
      /本单位已用 [\d.]+ KB \/ 200 MB；本机关已用 [\d.]+ KB \/ 20480 MB/,
      'the storage the photos use, against the quotas',
    );
    await items
      .first()
      .getByTestId('photo-input')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await seeText(items.first().getByTestId('upload-error'), /JPEG|PNG|图片|照片/, "the server's 415 message for a non-image");
    await items.first().scrollIntoViewIfNeeded();
    await shot(page, '3a-record');
    // Sign while incomplete: the server lists what is missing.
    await page.getByTestId('sign-record').click();
    await seeText(page.getByTestId('record-error'), /不完整.*未填写检查结果.*被检查单位代表/, 'the list of what is missing');
    await shot(page, '3-incomplete');
    // Complete it.
    await items
      .nth(n - 1)
      .getByTestId('result-control')
      .getByText('不适用', { exact: true })
      .click();
    for (const t of team) await page.getByTestId('inspectors-present').getByText(t.name).click();
    await page.getByTestId('rep-name').fill('陈档案员');
    await page.getByTestId('rep-title').fill('办公室主任');
    await page.getByTestId('findings').fill('档案工作责任制未落实到岗，其余符合要求。');
    const pads = page.getByTestId('signature-pad');
    await see(pads, 'the signature pads');
    assert((await pads.count()) === 3, `a pad per inspector present and the representative (got ${await pads.count()})`);
    for (let i = 0; i < 3; i++) await drawOn(page, pads.nth(i).locator('canvas'));
    await shot(page, '4-signatures');
    await page.getByTestId('sign-record').click();
    await see(page.getByTestId('record-signed'), 'the signed record', 20_000);
    await seeText(page.getByTestId('inspection-status'), /现场检查已签字/, 'the status after signing');
    assert((await page.getByTestId('result-control').count()) === 0, 'no result controls once signed (read-only)');
    assert((await page.getByTestId('signatures').locator('img').count()) === 3, 'the three signatures are shown');

    // ---- 反馈意见书 ----
    await see(page.getByTestId('feedback-item'), 'the rectification items prefilled from the non-compliant item');
    assert((await page.getByTestId('feedback-item').count()) === 1, 'one rectification item');
    // A deadline in a year whose holiday schedule is not entered shows 预计 (the shared DueDate tag).
    const previewText = await seeText(page.getByTestId('rectification-preview-due'), /^\d{4}-\d{2}-\d{2}(预计)?$/, 'the deadline preview before issuing');
    await page.getByTestId('issue-feedback').click();
    const dueText = await seeText(page.getByTestId('rectification-due'), /^\d{4}-\d{2}-\d{2}(预计)?$/, 'the deadline the server computed');
    const due = dueText.slice(0, 10);
    assert(dueText === previewText, `the issued deadline ${dueText} is the one previewed (${previewText})`);
    const fb = (
      await getJson<{ feedback: { rectificationDue: string; rectificationDueProvisional: boolean } }>(req, `${baseUrl}/api/inspections/${inspectionId}`)
    ).feedback;
    assert(fb.rectificationDue === due, `the page shows the server's deadline ${fb.rectificationDue}`);
    assert(
      dueText.endsWith('预计') === fb.rectificationDueProvisional,
      `预计 shown exactly when the deadline is provisional (${fb.rectificationDueProvisional})`,
    );
    if (fb.rectificationDueProvisional) log(`deadline ${due} is provisional (next year's schedule not entered)`);
    assert(due > today, `the deadline ${due} lies after today`);
    await seeText(page.getByTestId('inspection-status'), /已反馈/, 'the status after the feedback letter');
    await downloadDocx(page, page.getByTestId('download-feedback'), 'the feedback letter');
    await shot(page, '5-feedback');

    // ---- Rectification: the unit reports, the bureau accepts ----
    await unitPage.reload();
    // The unit sees its signed record: the non-compliant item with its photo, and the three signatures.
    const myRecord = unitPage.getByTestId('my-record');
    await see(myRecord, "the unit's view of the signed record");
    assert((await myRecord.getByTestId('my-record-item').count()) === 1, 'one item with a finding or a photo');
    await see(myRecord.getByTestId('my-record-item').locator('img'), 'the on-site photo on the unit side');
    assert((await myRecord.getByTestId('signatures').locator('img').count()) === 3, 'the signatures on the unit side');
    await seeText(unitPage.getByTestId('rectification-due'), new RegExp(`^${dueText}$`), 'the deadline on the unit side');
    await downloadDocx(unitPage, unitPage.getByTestId('download-feedback'), "the unit's feedback letter");
    const rect = unitPage.getByTestId('my-rect-item').first();
    await rect.getByTestId('photo-input').setInputFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: PNG });
    await see(rect.getByTestId('evidence-list'), 'the uploaded evidence');
    await seeText(
      unitPage.getByTestId('evidence-usage'),
      /^照片和佐证材料存储：本单位已用 [\d.]+ KB \/ 200 MB$/,
      "the unit sees its own usage only, not the bureau's",
    );
    await rect.getByTestId('rect-text').fill('已制定档案工作责任制并落实到岗，附文件照片。');
    await rect.getByTestId('report-item').click();
    await seeText(unitPage.getByTestId('my-rect-item').first(), /已报送/, 'the item reported');
    await shot(unitPage, '6-report');

    await page.reload();
    const item = page.getByTestId('rect-item').first();
    await seeText(item, /已报送/, 'the report shown to the bureau');
    await item.getByTestId('return-item').click();
    await see(item.getByText('退回须填写理由'), 'a return needs a reason');
    await item.getByTestId('accept-item').click();
    await seeText(page.getByTestId('rect-item').first(), /已通过/, 'the item accepted');
    await seeText(page.getByTestId('inspection-status'), /已办结/, 'every item accepted: closed');
    await shot(page, '7-accepted');
    // Landscape as well.
    await page.setViewportSize({ width: TABLET.height, height: TABLET.width });
    await shot(page, '8-landscape');
  } finally {
    await unitContext.close().catch(() => undefined);
    await page.setViewportSize({ width: 1366, height: 860 }).catch(() => undefined);
  }
}
