/**
 * (n) 变更检查通知 (issue 9 item 8) on a tablet: an inspection of the demo `unit` account's unit
 * announced 7 working days ahead, its notice sent today (through the API). On the page: the on-site
 * record dated today is refused, naming the date the notice announced and that the notice must be
 * amended first; the amendment with too little lead time is refused naming the earliest date; the
 * amendment 5 working days ahead issues a new notice with its own number — both notices listed, the
 * old one marked 已变更 with the reason, each .docx downloadable (the new one says what it changes),
 * the step on the timeline; the unit sees both notices in its own account. Two sign-ins.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { assert, assertEqual, see, seeText, signIn, type FlowContext, ARTIFACTS_DIR, api, todayInChina, teamAndChecklist } from '../lib.js';

export const name = '变更检查通知：现场检查日期早于通知日期被拒，另行送达检查通知书，新旧通知书均可下载';

const TABLET = { width: 820, height: 1180 };
const REASON = '浏览器测试：被检查单位集中搬迁档案库房，经协商调整检查日期';

interface Detail {
  id: string;
  code: string;
  plannedDate: string;
  noticeDocNumber: string | null;
  notice: { latestDate: string; history: { id: string; docNumber: string; plannedDate: string; inForce: boolean; reason: string | null }[] };
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `notice-amend-${name}.png`), fullPage: false }).catch(() => undefined);
}

/** Saves the download started by clicking `button`; returns the .docx body text. */
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

/** Types a date into an antd DatePicker (the wrapper holding it). */
async function pickDate(picker: Locator, date: string) {
  const input = picker.locator('input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** 2026-12-17 → 2026年12月17日 (the letters' date format). */
const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function run({ page, browser, baseUrl, state, log }: FlowContext): Promise<void> {
  const unitAccount = state.accounts.find((a) => a.username === 'unit');
  assert(unitAccount, 'the demo unit account (did the setup flow pass?)');
  const unitContext = await browser.newContext({ viewport: TABLET, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  try {
    await signIn(page, baseUrl, state.admin.username, state.admin.password);
    await page.setViewportSize(TABLET);
    const http = api(page.request, baseUrl);
    const today = todayInChina();
    const due = async (n: number) => (await http.get<{ due: string }>(`/api/calendar/due?from=${today}&days=${n}&unit=working`)).due;
    const planned = await due(7);
    const tooSoon = await due(3);
    const earliest = await due(5);

    // ---- Through the API: the inspection, its notice sent today announcing `planned` ----
    const users = await http.get<{ items: { username: string; unitId: string | null }[] }>('/api/users?q=unit&pageSize=100');
    const me = users.items.find((u) => u.username === 'unit');
    assert(me?.unitId, 'the unit account belongs to a unit');
    const { team, versionId } = await teamAndChecklist(http, planned);
    const created = await http.send<Detail>('POST', '/api/inspections', {
      unitId: me.unitId,
      inspectorIds: team.map((t) => t.id),
      checklistVersionId: versionId,
      plannedDate: planned,
      reason: '浏览器测试：变更检查通知',
    });
    const first = (await http.send<Detail>('POST', `/api/inspections/${created.id}/notice`, { noticeOn: today })).noticeDocNumber!;
    log(`${created.code}: notice ${first} sent ${today} for ${planned}`);

    // ---- The on-site record dated today: refused, naming the announced date and what to do ----
    await page.goto(`${baseUrl}/inspection/inspections/${created.id}`);
    await seeText(page.getByTestId('notice-doc-number'), new RegExp(`${first}，${today} 送达，通知检查日期 ${planned}`), 'the notice in force');
    await page.getByTestId('save-record').click();
    await seeText(
      page.getByTestId('record-error'),
      new RegExp(`现场检查日期 ${today} 早于检查通知书（${first}）通知的检查日期 ${planned}.*应先变更检查通知`),
      'the refusal naming the announced date',
    );
    await shot(page, '1-refused');

    // ---- 变更检查通知: too little lead time refused, then exactly 5 working days ahead ----
    await page.getByTestId('amend-notice').click();
    const form = page.getByTestId('amend-form');
    await see(form, 'the amendment form');
    await pickDate(form.getByTestId('amend-date'), tooSoon);
    await form.getByTestId('amend-reason').fill(REASON);
    await form.getByTestId('amend-submit').click();
    await seeText(form.getByTestId('amend-error'), new RegExp(`新的检查日期 ${tooSoon}.*检查日期最早为 ${earliest}`), 'the refusal naming the earliest date');
    await pickDate(form.getByTestId('amend-date'), earliest);
    await form.getByTestId('amend-submit').click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });
    const after = await http.get<Detail>(`/api/inspections/${created.id}`);
    const second = after.noticeDocNumber!;
    assert(second !== first, `a new 发文字号 (${second})`);
    assertEqual(after.plannedDate, earliest, 'the inspection date is the one the new notice announced');
    const rows = page.getByTestId('notice-row');
    await seeText(page.getByTestId('notice-doc-number'), new RegExp(`${second}，${today} 送达，通知检查日期 ${earliest}`), 'the new notice in force');
    assertEqual(await rows.count(), 2, 'both notices listed');
    await seeText(rows.filter({ hasText: first }), /已变更/, 'the old notice kept, marked 已变更');
    await seeText(
      rows.filter({ hasText: second }),
      new RegExp(`现行有效[\\s\\S]*取代 ${first}。变更理由：${REASON}`),
      'the new notice with what it replaces and why',
    );
    await shot(page, '2-amended');

    // ---- Both .docx ----
    const oldText = await downloadDocx(page, page.getByTestId('download-old-notice'), 'the old notice');
    assert(oldText.includes(first) && oldText.includes(`定于${cn(planned)}`), 'the old notice as it was sent');
    const newText = await downloadDocx(page, page.getByTestId('download-notice'), 'the new notice');
    assert(
      newText.includes(second) && newText.includes(`（${first}）`) && newText.includes(`现将检查日期变更为${cn(earliest)}`),
      'the new notice names the old one and the new date',
    );

    // ---- The whole-process record ----
    await seeText(page.locator('body'), /变更检查通知（另行送达检查通知书）/, 'the amendment on the timeline');

    // ---- The unit sees both notices in its own account ----
    const unitPage = await unitContext.newPage();
    await signIn(unitPage, baseUrl, unitAccount.username, unitAccount.password);
    await unitPage.goto(`${baseUrl}/my/inspections/${created.id}`);
    const mine = unitPage.getByTestId('my-notice-card');
    await seeText(mine, new RegExp(`${first}[\\s\\S]*已变更[\\s\\S]*${second}[\\s\\S]*现行有效`), "the unit's list of notices");
    const unitOld = await downloadDocx(unitPage, mine.getByTestId('download-old-notice'), "the unit's copy of the old notice");
    assert(unitOld.includes(first), "the unit's old notice");
    await shot(unitPage, '3-unit');
  } finally {
    await unitContext.close().catch(() => undefined);
    await page.setViewportSize({ width: 1366, height: 860 }).catch(() => undefined);
  }
}
