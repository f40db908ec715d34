/**
 * After the rectification flags, on a tablet (820×1180): as admin, through the API from the
 * page, an ad-hoc inspection of the demo `unit` account's unit with two items 不符合, signed; the
 * feedback letter issued on the page. Then, both sides on their pages: the unit reports both items,
 * the bureau returns A and accepts B; the unit reports A again and the bureau returns it again →
 * A is flagged (returned twice). 约谈: refused without an item (the server's message under the field,
 * nothing saved), then recorded with a commitment date (the commitment clock shows); the record
 * downloaded (.docx naming the place and the item). The unit sees the interview. 组织回头看 lands
 * on the new inspection, which names its parent and the item re-checked (the notice sent, the unit
 * sees the same). 移送立案 of A (facts drawn from the record's note), shown at /enforcement/referrals.
 * 办结 with a note. Two sign-ins.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { assert, assertEqual, see, seeText, signIn, type FlowContext, ARTIFACTS_DIR, api, todayInChina, teamAndChecklist } from '../lib.js';

export const name = '约谈、回头看、移送立案与办结：退回两次的整改事项（平板，局方与单位两端）';

const TABLET = { width: 820, height: 1180 };
// 1×1 PNG (a drawn signature stands in: the server checks the magic bytes).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PLACE = '档案局三楼约谈室';
const NOTE_A = '档案工作责任制未落实到岗';
const NOTE_B = '库房温湿度记录不全';

/** A screenshot for the record (in E2E_ARTIFACTS): of `part` when given, else of the window (an open drawer). */
async function shot(page: Page, name: string, part?: Locator) {
  await page.waitForTimeout(400);
  const dir = ARTIFACTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `followup-${name}.png`);
  await (part ? part.first().screenshot({ path: file }) : page.screenshot({ path: file })).catch(() => undefined);
}

/** Saves the download started by `click`; a .docx (zip) whose document text is returned. */
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

/** Types a date into the antd DatePicker whose input is `input`. */
async function typeDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The open drawer (FormDrawer) and its submit button. */
const drawer = (page: Page) => page.locator('.ant-drawer-open');
async function submitDrawer(page: Page, label: RegExp) {
  await drawer(page).locator('.ant-drawer-footer').getByRole('button', { name: label }).click();
}
async function drawerClosed(page: Page, what: string) {
  try {
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached', timeout: 15_000 });
  } catch {
    const err = await drawer(page)
      .locator('.ant-alert, .ant-form-item-explain-error')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${what}: the drawer did not close (${err.join(' | ') || 'no message'})`);
  }
}

interface Detail {
  id: string;
  code: string;
  status: string;
  items: { entryId: string; code: string; title: string }[];
  feedback: { items: { id: string; entryId: string; code: string; status: string; returnCount: number }[] } | null;
  flags: { itemId: string; code: string }[];
  interviews: { id: string; place: string; itemIds: string[] }[];
  followUps: { id: string; code: string }[];
  referrals: { code: string; entries: { entryId: string }[] }[];
  referralEntryIds: string[];
  allowedActions: string[];
  closeNote: string | null;
  commitment: { due: string | null; state: string } | null;
  notice: { latestDate: string };
}

export async function run({ page, browser, baseUrl, state, log }: FlowContext): Promise<void> {
  const unitAccount = state.accounts.find((a) => a.username === 'unit');
  assert(unitAccount, 'the demo unit account (did the setup flow pass?)');
  const unitContext = await browser.newContext({ viewport: TABLET, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  try {
    await signIn(page, baseUrl, state.admin.username, state.admin.password);
    await page.setViewportSize(TABLET);
    const http = api(page.request, baseUrl);
    const today = todayInChina();
    // The on-site record is today and may not be earlier than the date the notice announced: the notice
    // announces today and is registered as sent on the latest day that allows (5 working days before).
    const plannedDate = today;
    const commitmentDue = (await http.get<{ due: string }>(`/api/calendar/due?from=${today}&days=15&unit=calendar`)).due;

    // ---- Through the API: an inspection of the unit account's unit, two items 不符合, signed ----
    const users = await http.get<{ items: { username: string; unitId: string | null; unitName: string | null }[] }>('/api/users?q=unit&pageSize=100');
    const me = users.items.find((u) => u.username === 'unit');
    assert(me?.unitId && me.unitName, 'the unit account belongs to a unit');
    const { team, versionId } = await teamAndChecklist(http, plannedDate);
    const created = await http.send<Detail>('POST', '/api/inspections', {
      unitId: me.unitId,
      inspectorIds: team.map((t) => t.id),
      checklistVersionId: versionId,
      plannedDate,
      reason: '浏览器测试：整改不到位的约谈与回头看',
    });
    const id = created.id;
    const [entryA, entryB] = created.items;
    assert(entryA && entryB, 'the checklist has at least two items');
    await http.send('POST', `/api/inspections/${id}/notice`, { noticeOn: created.notice.latestDate });
    await http.send('PUT', `/api/inspections/${id}/record`, {
      onSiteDate: today,
      items: created.items.map((e, i) => ({
        entryId: e.entryId,
        result: i < 2 ? 'non_compliant' : 'compliant',
        note: i === 0 ? NOTE_A : i === 1 ? NOTE_B : null,
      })),
      inspectorsPresent: team.map((t) => t.id),
      representative: { name: '陈档案员', title: '办公室主任' },
      findings: `${NOTE_A}；${NOTE_B}。`,
    });
    await http.send('POST', `/api/inspections/${id}/sign`, {
      inspectors: team.map((t) => ({ inspectorId: t.id, signature: PNG })),
      representative: { signature: PNG },
    });
    log(`${created.code}: ${entryA.code} and ${entryB.code} 不符合, signed`);

    // ---- The feedback letter on the page; nothing to follow up yet ----
    const detailUrl = `${baseUrl}/inspection/inspections/${id}`;
    await page.goto(detailUrl);
    await see(page.getByTestId('feedback-item'), 'the rectification items prefilled');
    await page.getByTestId('issue-feedback').click();
    await seeText(page.getByTestId('inspection-status'), /已反馈/, 'the feedback letter issued');
    // 移送立案 is offered from the signing on; 约谈/回头看/办结 only once an item is flagged.
    await see(page.getByTestId('action-refer'), '移送立案 offered for the non-compliant entries');
    for (const a of ['interview', 'followUp', 'close']) assert((await page.getByTestId(`action-${a}`).count()) === 0, `no ${a} before a flag`);
    const letter = await http.get<Detail>(`/api/inspections/${id}`);
    const itemA = letter.feedback!.items.find((x) => x.entryId === entryA.entryId)!;
    const itemB = letter.feedback!.items.find((x) => x.entryId === entryB.entryId)!;

    // ---- Rectification, twice: the unit reports on its page, the bureau returns A (twice) and accepts B ----
    const unitPage = await unitContext.newPage();
    await signIn(unitPage, baseUrl, unitAccount.username, unitAccount.password);
    const myUrl = `${baseUrl}/my/inspections/${id}`;
    const report = async (code: string, text: string) => {
      const card = unitPage.getByTestId('my-rect-item').filter({ hasText: code });
      await card.getByTestId('rect-text').fill(text);
      await card.getByTestId('report-item').click();
      await seeText(unitPage.getByTestId('my-rect-item').filter({ hasText: code }), /已报送/, `${code} reported by the unit`);
    };
    const review = async (code: string, decision: 'accept' | 'return', comment: string) => {
      const card = page.getByTestId('rect-item').filter({ hasText: code });
      await seeText(card, /已报送/, `${code}: the report shown to the bureau`);
      await card.getByTestId('review-comment').fill(comment);
      await card.getByTestId(`${decision}-item`).click();
      await seeText(page.getByTestId('rect-item').filter({ hasText: code }), decision === 'accept' ? /已通过/ : /已退回/, `${code} ${decision}ed`);
    };
    await unitPage.goto(myUrl);
    await report(itemA.code, '已起草档案工作责任制。');
    await report(itemB.code, '已补全库房温湿度记录，附记录表。');
    await page.reload();
    await review(itemA.code, 'return', '责任制未印发，未落实到岗');
    await review(itemB.code, 'accept', '');
    await unitPage.reload();
    await report(itemA.code, '责任制已报领导审签。');
    await page.reload();
    await review(itemA.code, 'return', '仍未印发执行');

    // ---- A is flagged: returned twice ----
    const flag = page.getByTestId('flag').filter({ hasText: itemA.code });
    await seeText(flag, /退回 2 次/, 'the flag names why');
    assertEqual(await flag.getAttribute('data-addressed'), 'false', 'the flag is not addressed yet');
    await see(page.getByTestId('action-interview'), '约谈 offered once an item is flagged');
    await see(page.getByTestId('action-followUp'), '组织回头看 offered once an item is flagged');
    assert((await page.getByTestId('action-close').count()) === 0, 'no 办结 while the flag is not addressed');
    await shot(page, '1-flagged', page.getByTestId('followup-card'));

    // ---- 约谈: refused without an item, nothing saved; then recorded ----
    await page.getByTestId('action-interview').click();
    const form = page.getByTestId('interview-form');
    await see(form, 'the interview drawer');
    await form.getByLabel('约谈地点').fill(PLACE);
    await form.getByLabel('被约谈人姓名').fill('王主任');
    await form.getByLabel('被约谈人职务').fill('单位分管负责人');
    await form.getByLabel('约谈内容').fill('通报整改事项两次被退回的情况，要求限期印发档案工作责任制并落实到岗。');
    await form.getByLabel('整改承诺').fill('十五日内印发档案工作责任制，明确各岗位职责。');
    await typeDate(form.getByLabel('承诺完成日期'), commitmentDue);
    await submitDrawer(page, /保存约谈记录/);
    const itemsField = form.locator('.ant-form-item').filter({ has: page.getByTestId('interview-items-pick') });
    await seeText(itemsField.locator('.ant-form-item-explain-error'), /请选择约谈涉及的整改事项/, "the server's message under the items field");
    await see(drawer(page).locator('.ant-alert-error'), 'the summary above the form');
    assertEqual((await http.get<Detail>(`/api/inspections/${id}`)).interviews.length, 0, 'nothing saved after the refusal');
    await shot(page, '2-interview-refused');
    await page.getByTestId('interview-items-pick').getByText(itemA.code).click();
    await submitDrawer(page, /保存约谈记录/);
    await drawerClosed(page, 'the interview');
    const interview = page.getByTestId('interview');
    await seeText(interview, new RegExp(PLACE), 'the interview listed with its place');
    await seeText(interview.getByTestId('interview-items'), new RegExp(itemA.code), 'the interview names the item');
    await seeText(interview.getByTestId('interview-commitments'), new RegExp(commitmentDue), 'the commitment date');
    await seeText(page.getByTestId('commitment-clock'), new RegExp(`整改承诺期限 ${commitmentDue}`), 'the commitment clock');
    await seeText(page.getByTestId('flag').filter({ hasText: itemA.code }), /约谈/, 'the flag addressed by the interview');
    await see(page.getByTestId('action-close'), '办结 offered once every flag is addressed');
    const saved = await http.get<Detail>(`/api/inspections/${id}`);
    assertEqual(
      saved.interviews.map((i) => i.itemIds),
      [[itemA.id]],
      'one interview about A',
    );
    assertEqual(saved.commitment?.due, commitmentDue, 'the commitment clock runs to the committed date');
    const text = await downloadDocx(page, interview.getByTestId('download-interview'), 'the interview record');
    assert(text.includes(PLACE) && text.includes(itemA.code) && text.includes('王主任'), 'the .docx names the place, the item and the attendee');
    await shot(page, '3-interview', page.getByTestId('followup-card'));

    // The unit sees the interview (items, commitments, the clock) and downloads its own copy of the record.
    await unitPage.reload();
    const mine = unitPage.getByTestId('my-interviews');
    await see(mine, "the unit's interviews");
    await seeText(mine.getByTestId('interview'), new RegExp(PLACE), 'the place on the unit side');
    await seeText(mine.getByTestId('interview-items'), new RegExp(itemA.code), 'the item on the unit side');
    await seeText(mine.getByTestId('interview-commitments'), /十五日内印发/, 'the commitments on the unit side');
    await seeText(mine.getByTestId('commitment-clock'), new RegExp(commitmentDue), 'the commitment clock on the unit side');
    const unitText = await downloadDocx(unitPage, mine.getByTestId('download-interview'), "the unit's copy of the interview record");
    assert(unitText.includes(PLACE) && unitText.includes(itemA.code), "the unit's .docx names the place and the item");
    await shot(unitPage, '4-unit-interview', mine);

    // ---- 组织回头看: the new inspection, naming its parent and the item re-checked ----
    await page.getByTestId('action-followUp').click();
    const fu = page.getByTestId('followup-form');
    await see(fu, 'the follow-up drawer');
    const dateInput = fu.getByLabel('计划检查日期');
    const t0 = Date.now();
    while (!(await dateInput.inputValue()) && Date.now() - t0 < 10_000) await page.waitForTimeout(150);
    assert(await dateInput.inputValue(), 'the planned date is prefilled (the earliest a notice today allows)');
    assert(
      await page.getByTestId('followup-items-pick').locator('.ant-checkbox-wrapper-checked').filter({ hasText: itemA.code }).count(),
      'the flagged item is preselected',
    );
    await shot(page, '5a-followup-drawer');
    await submitDrawer(page, /创建回头看检查/);
    await page.waitForURL((u) => /\/inspection\/inspections\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(id), { timeout: 15_000 });
    const childId = page.url().split('/').pop()!;
    const parentCard = page.getByTestId('parent-card');
    await seeText(parentCard, new RegExp(created.code), 'the follow-up names its parent');
    await seeText(parentCard.getByTestId('parent-item'), new RegExp(`${itemA.code}.*退回 2 次`), 'the item being re-checked');
    await seeText(page.getByTestId('inspection-status'), /待通知/, 'the follow-up starts the loop');
    await shot(page, '5-followup', parentCard);
    // Its notice, so the unit sees it too.
    await page.getByTestId('send-notice').click();
    await seeText(page.getByTestId('inspection-status'), /已通知/, 'the follow-up notified');
    await unitPage.goto(`${baseUrl}/my/inspections/${childId}`);
    await seeText(unitPage.getByTestId('parent-card'), new RegExp(`${created.code}[\\s\\S]*${itemA.code}`), 'the unit sees the parent and the item re-checked');

    // Back to the parent through its link.
    await parentCard.getByTestId('parent-link').click();
    await page.waitForURL(new RegExp(`/inspection/inspections/${id}$`));
    const child = await http.get<Detail>(`/api/inspections/${childId}`);
    await seeText(page.getByTestId('followup-row'), new RegExp(child.code), 'the follow-up listed on the parent');

    // ---- 移送立案 of A: the facts come from the record's note ----
    await page.getByTestId('action-refer').click();
    const rf = page.getByTestId('refer-form');
    await see(rf, 'the referral drawer');
    await page.getByTestId('refer-entries-pick').getByText(entryA.title).first().click();
    const facts = rf.getByTestId('refer-facts');
    const f0 = Date.now();
    while (!new RegExp(`${entryA.code}[\\s\\S]*${NOTE_A}`).test(await facts.inputValue()) && Date.now() - f0 < 10_000) await page.waitForTimeout(150);
    assert(
      new RegExp(`${entryA.code}[\\s\\S]*${NOTE_A}`).test(await facts.inputValue()),
      `the facts drawn from the record's note (got ${await facts.inputValue()})`,
    );
    assert(!(await facts.inputValue()).includes(NOTE_B), 'the facts name only the entry picked');
    await shot(page, '6a-refer-drawer');
    await rf.getByLabel('涉嫌违反的规定').fill('《中华人民共和国档案法》第四十八条');
    await submitDrawer(page, /移\s*送/);
    await drawerClosed(page, 'the referral');
    const refCode = await seeText(page.getByTestId('referral-code'), /^R-\d{4}-\d{3,}$/, 'the referral code');
    await seeText(page.getByTestId('referral-row'), /待立案/, 'the referral pending');
    const referred = await http.get<Detail>(`/api/inspections/${id}`);
    assertEqual(referred.referralEntryIds, [entryA.entryId], 'only A referred');
    await see(page.getByTestId('action-refer'), 'B can still be referred');
    await shot(page, '6-referral', page.getByTestId('followup-card'));

    // ---- 办结 with a note ----
    await page.getByTestId('action-close').click();
    const cf = page.getByTestId('close-form');
    await see(cf, 'the close drawer');
    const note = `浏览器测试：${itemA.code} 已约谈并组织回头看 ${child.code}，${itemB.code} 已通过审核，予以办结。`;
    await cf.getByLabel('办结说明').fill(note);
    await submitDrawer(page, /办\s*结/);
    await drawerClosed(page, 'the closure');
    await seeText(page.getByTestId('inspection-status'), /已办结/, 'closed');
    await seeText(page.getByTestId('close-note'), new RegExp(`${today}[\\s\\S]*${child.code}`), 'the closure note and day');
    for (const a of ['interview', 'close']) assert((await page.getByTestId(`action-${a}`).count()) === 0, `no ${a} once closed`);
    const closed = await http.get<Detail>(`/api/inspections/${id}`);
    assertEqual([closed.status, closed.closeNote, closed.commitment?.state], ['closed', note, 'met'], 'status, note and the commitment clock met');
    await shot(page, '7-closed', page.getByTestId('followup-card'));

    // ---- The referral in the enforcement inbox ----
    const refs = await http.get<{ items: { code: string; sourceRef: string; status: string }[] }>(
      `/api/enforcement/referrals?q=${encodeURIComponent(created.code)}&pageSize=50`,
    );
    assert(
      refs.items.some((r) => r.code === refCode && r.sourceRef === created.code && r.status === 'pending'),
      `the API lists ${refCode} from ${created.code}`,
    );
    await page.goto(`${baseUrl}/enforcement/referrals`);
    await see(page.getByTestId('referrals-table'), 'the referrals list');
    const search = page.getByRole('searchbox', { name: '搜索' }).or(page.getByLabel('搜索')).first();
    await search.fill(refCode);
    await search.press('Enter');
    await page.getByTestId('referral-link').filter({ hasText: refCode }).click();
    const rd = page.getByTestId('referral-detail');
    await seeText(rd.getByTestId('referral-facts'), new RegExp(NOTE_A), 'the facts in the inbox');
    await seeText(rd.getByTestId('referral-source-link'), new RegExp(created.code), 'the source inspection');
    await shot(page, '8-inbox');
  } finally {
    await unitContext.close().catch(() => undefined);
    await page.setViewportSize({ width: 1366, height: 860 }).catch(() => undefined);
  }
}
