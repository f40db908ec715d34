/**
 * (k) 一公开, 典型 and 案件线索 on a tablet (820×1180): as admin, through the API from the page's
 * context, an ad-hoc inspection of a unit brought to its feedback letter (one item 不符合); while
 * signed without a letter the card only says what comes. On the inspection's page the card shows the 20-working-day clock (the due day the calendar
 * API computes); publishing an empty text is refused with the server's message under the field
 * (nothing published), then the default text is published with today's date; a correction without a
 * reason is refused, with one accepted; 典型 without a reason refused, with one marked. Signed out,
 * in a fresh browser context, /public/inspections (reached from the draws page's nav) lists the
 * result with the corrected text under the year and unit-type filters, and the 典型单位 section
 * shows the unit with its reason; a phone-sized screenshot too. Back as admin, a referral made
 * through the API (the non-compliant entry) is found on 行政处罚 → 案件线索 by the inspection code;
 * its drawer shows the source inspection, the facts and the entry's legal basis, and 不予立案
 * without a reason is refused, with one done.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { assert, assertEqual, see, seeText, signIn, type FlowContext, ARTIFACTS_DIR, api, todayInChina, teamAndChecklist, uninspectedUnit } from '../lib.js';

export const name = '检查结果公开（一公开）、典型与案件线索（平板）';

const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };
const ARTIFACTS = ARTIFACTS_DIR;
// 1×1 PNG (a drawn signature stands in: the server checks the magic bytes).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `publication-${name}.png`), fullPage: false }).catch(() => undefined);
}

/** The messages antd shows under the fields of a form. */
const fieldErrors = (form: Locator) => form.locator('.ant-form-item-explain-error');

/** Picks an option of an antd Select by its text. */
async function choose(page: Page, select: Locator, text: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await page
    .locator('.ant-select-dropdown:visible')
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
}

interface Publication {
  feedbackOn: string | null;
  clock: { due: string; state: string; daysLeft: number | null } | null;
  published: boolean;
  publishedOn: string | null;
  publicResult: string | null;
  defaultText: string | null;
  exemplary: boolean;
  exemplaryNote: string | null;
}

export async function run({ page, browser, baseUrl, state, log }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  const http = api(page.request, baseUrl);
  const today = todayInChina();
  const year = Number(today.slice(0, 4));

  // The on-site record is today and may not be earlier than the date the notice announced: the notice
  // announces today and is registered as sent on the latest day that allows (5 working days before).
  const plannedDate = today;
  const publicationDue = (await http.get<{ due: string }>(`/api/calendar/due?from=${today}&days=20&unit=working`)).due;

  // ---- A unit not inspected yet, a team without conflicts, the published inspection checklist ----
  const unit = await uninspectedUnit(http);
  const { team, versionId } = await teamAndChecklist(http, plannedDate);

  // ---- To the feedback letter: the first item 不符合 ----
  type Detail = {
    id: string;
    code: string;
    status: string;
    items: { entryId: string; code: string; title: string; legalBasis: string }[];
    notice: { latestDate: string };
  };
  const created = await http.send<Detail>('POST', '/api/inspections', {
    unitId: unit.id,
    inspectorIds: team.map((t) => t.id),
    checklistVersionId: versionId,
    plannedDate,
    reason: '浏览器测试：检查结果公开',
  });
  const bad = created.items[0]!;
  await http.send('POST', `/api/inspections/${created.id}/notice`, { noticeOn: created.notice.latestDate });
  await http.send('PUT', `/api/inspections/${created.id}/record`, {
    onSiteDate: today,
    items: created.items.map((e, i) => ({
      entryId: e.entryId,
      result: i === 0 ? 'non_compliant' : 'compliant',
      note: i === 0 ? '档案工作责任制未落实到岗' : null,
    })),
    inspectorsPresent: team.map((t) => t.id),
    representative: { name: '陈档案员', title: '办公室主任' },
    findings: '档案工作责任制未落实到岗，其余符合要求。',
  });
  await http.send('POST', `/api/inspections/${created.id}/sign`, {
    inspectors: team.map((t) => ({ inspectorId: t.id, signature: PNG })),
    representative: { signature: PNG },
  });
  // Signed, no letter yet: the result is not formed, the card only says what comes.
  await page.goto(`${baseUrl}/inspection/inspections/${created.id}`);
  await seeText(page.getByTestId('publication-card'), /出具反馈意见书后.*20 个工作日内/, 'the muted line before the feedback letter');
  assertEqual(await page.getByTestId('publish-form').count(), 0, 'nothing to publish before the letter');
  await http.send('POST', `/api/inspections/${created.id}/feedback`, {});
  const code = created.code;
  const pub0 = await http.get<Publication>(`/api/inspections/${created.id}/publication`);
  assertEqual(pub0.feedbackOn, today, 'the feedback letter is dated today');
  assert(pub0.clock, 'the publication clock runs from the feedback letter');
  assertEqual(pub0.clock.due, publicationDue, 'the publication due day is 20 working days after the letter (calendar API)');
  log(`${code} of ${unit.name} (${unit.typeLabel}): letter ${today}, publish by ${publicationDue}`);

  // ---- The inspection's page on a tablet: the clock ----
  await page.setViewportSize(TABLET);
  await page.goto(`${baseUrl}/inspection/inspections/${created.id}`);
  const card = page.getByTestId('publication-card');
  await see(card, 'the publication card after the feedback letter');
  await card.scrollIntoViewIfNeeded();
  const left = pub0.clock.daysLeft;
  await seeText(
    card.getByTestId('publication-clock'),
    new RegExp(`最迟公开日 ${publicationDue}.*进行中.*剩余 ${left} 个工作日`),
    'the clock: due day, state and days left',
  );
  await seeText(card.getByTestId('publication-state'), /未公开/, 'not published yet');
  const text = card.getByTestId('public-result');
  assertEqual(await text.inputValue(), pub0.defaultText, 'the textarea holds the default text');
  assert(!pub0.defaultText!.includes('陈档案员'), 'the default text names no person');
  await shot(page, '1-clock');

  // ---- An empty text is refused (the server's message under the field), nothing published ----
  await text.fill('');
  await card.getByTestId('publish').click();
  await seeText(fieldErrors(card.getByTestId('publish-form')), /请填写公开的检查结果/, 'the message under the text for an empty text');
  assert(!(await http.get<Publication>(`/api/inspections/${created.id}/publication`)).published, 'nothing was published');
  await shot(page, '2-empty-refused');

  // ---- Publish the default text, dated today ----
  await card.getByTestId('reset-default-text').click();
  assertEqual(await text.inputValue(), pub0.defaultText, 'the default text is back');
  await card.getByTestId('publish').click();
  await seeText(card.getByTestId('publication-state'), new RegExp(`已于 ${today} 公开`), 'published today');
  await seeText(card.getByTestId('published-text'), /检查事项 \d+ 项/, 'the published text');
  assertEqual((await card.getByTestId('published-text').textContent())?.trim(), pub0.defaultText, 'the published text is the default text');
  await seeText(card.getByTestId('publication-clock'), /已按期办结/, 'the clock met');
  await see(card.getByText(state.admin.displayName), 'who published it');

  // ---- Correction: refused without a reason, accepted with one ----
  await card.getByTestId('open-correction').click();
  const corrected = `${pub0.defaultText}（更正：整改期限以反馈意见书为准。）`;
  await card.getByTestId('correction-text').fill(corrected);
  await card.getByTestId('submit-correction').click();
  await seeText(fieldErrors(card.getByTestId('correction-form')), /请填写更正理由/, 'a correction needs a reason');
  assertEqual(
    (await http.get<Publication>(`/api/inspections/${created.id}/publication`)).publicResult,
    pub0.defaultText,
    'the refused correction changed nothing',
  );
  await card.getByTestId('correction-reason').fill('补充说明整改期限');
  await card.getByTestId('submit-correction').click();
  await seeText(card.getByTestId('published-text'), /更正：整改期限以反馈意见书为准/, 'the corrected text');
  await shot(page, '3-corrected');

  // ---- 典型: refused without a reason, marked with one ----
  const exemplary = card.getByTestId('exemplary');
  await exemplary.scrollIntoViewIfNeeded();
  await exemplary.getByTestId('mark-exemplary').click();
  await seeText(fieldErrors(exemplary), /标记典型须写明理由/, '典型 needs a reason');
  const note = '整改迅速，档案工作责任制落实到岗，可供同类单位借鉴';
  await exemplary.getByTestId('exemplary-note-input').fill(note);
  await exemplary.getByTestId('mark-exemplary').click();
  await seeText(exemplary.getByTestId('exemplary-tag'), new RegExp(`典型（${today} 标记）`), 'marked 典型 today');
  await seeText(exemplary.getByTestId('exemplary-note'), new RegExp(note), 'the reason shown');
  await see(exemplary.getByTestId('unmark-exemplary'), '取消典型 offered once marked');
  const after = await http.get<Publication>(`/api/inspections/${created.id}/publication`);
  assertEqual([after.publicResult, after.exemplary, after.exemplaryNote], [corrected, true, note], 'the server holds the corrected text and the 典型 note');
  await shot(page, '4-exemplary');

  // ---- The portal, signed out ----
  const anon = await browser.newContext({ viewport: TABLET, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const p = await anon.newPage();
    await p.goto(`${baseUrl}/public/draws`);
    await p.getByTestId('portal-inspections-link').click();
    await p.waitForURL(/\/public\/inspections$/);
    assert(!p.url().includes('/login'), 'the portal needs no sign-in');
    await see(p.getByTestId('public-results'), 'the published results');
    await choose(p, p.getByTestId('filter-year'), `${year}年`);
    await choose(p, p.getByTestId('filter-unit-type'), unit.typeLabel);
    const row = p.locator(`[data-testid="public-result"][data-code="${code}"]`);
    await see(row, `${code} among the published results of ${year} and ${unit.typeLabel}`);
    await seeText(row.getByTestId('public-result-unit'), new RegExp(unit.name), 'the unit');
    await seeText(row, new RegExp(`检查日期 ${today} · 公开日期 ${today}`), 'the dates');
    await seeText(row.getByTestId('public-result-counts'), new RegExp(`符合 ${created.items.length - 1}.*不符合 1.*不适用 0`), '符合/不符合/不适用');
    await seeText(row.getByTestId('public-result-rectification'), /整改中（0\/1 项已通过）/, 'the rectification status');
    // A long text is folded to four lines with 展开.
    const expand = row.getByTestId('public-result-text').getByText('展开', { exact: true });
    if (await expand.count()) await expand.click();
    const shown = await seeText(row.getByTestId('public-result-text'), /更正：整改期限以反馈意见书为准/, 'the corrected text, unfolded');
    assert(!shown.includes('陈档案员'), 'no person is named on the portal');
    const ex = p.locator(`[data-testid="exemplary-item"][data-code="${code}"]`);
    await see(ex, `${code} among the 典型单位`);
    await seeText(ex.getByTestId('exemplary-item-note'), new RegExp(note), 'the 典型 reason on the portal');
    // Another unit type: the result is not listed.
    const other = unit.typeLabel === '机关' ? '事业单位' : '机关';
    await choose(p, p.getByTestId('filter-unit-type'), other);
    await seeText(p.getByTestId('filter-unit-type'), new RegExp(other), 'the other unit type chosen');
    await p.locator(`[data-testid="public-result"][data-code="${code}"]`).waitFor({ state: 'detached', timeout: 10_000 });
    await choose(p, p.getByTestId('filter-unit-type'), unit.typeLabel);
    await see(row, `${code} back under its unit type`);
    await shot(p, '5-portal');
    await p.setViewportSize(PHONE);
    await row.scrollIntoViewIfNeeded();
    const box = await row.boundingBox();
    assert(box && box.width <= PHONE.width, `a result fits a phone's width (got ${box?.width})`);
    await shot(p, '6-portal-phone');
  } finally {
    await anon.close().catch(() => undefined);
  }

  // ---- 案件线索: a referral through the API, declined on the page ----
  const referral = await http.send<{ status: string }>('POST', `/api/inspections/${created.id}/referrals`, {
    entryIds: [bad.entryId],
    facts: `${unit.name}档案工作责任制未落实到岗，经责令整改（浏览器测试）`,
    suspectedBasis: '《中华人民共和国档案法》第四十八条',
  });
  log(`referral made: ${JSON.stringify(referral).slice(0, 120)}`);
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('side-menu').getByText('行政处罚').click();
  await page.getByTestId('side-menu').getByText('案件线索').click();
  await page.waitForURL(/\/enforcement\/referrals$/);
  await page.setViewportSize(TABLET);
  const table = page.getByTestId('referrals-table');
  await see(table, 'the referrals list');
  await page.getByLabel('搜索').fill(code);
  await page.getByLabel('搜索').press('Enter');
  const rows = table.locator('tbody tr.ant-table-row');
  await seeText(rows.first(), new RegExp(code), `the referral of ${code} found by the inspection code`);
  // The unfiltered list may still be shown for a moment (newest first, so its first row matches too).
  for (let t0 = Date.now(); (await rows.count()) !== 1 && Date.now() - t0 < 10_000;) await page.waitForTimeout(150);
  assertEqual(await rows.count(), 1, 'one referral of this inspection');
  await seeText(rows.first().getByTestId('referral-status'), /待立案/, 'pending');
  await rows.first().getByTestId('referral-link').click();
  const detail = page.getByTestId('referral-detail');
  await see(detail, 'the referral drawer');
  await seeText(detail.getByTestId('referral-source-link'), new RegExp(`^${code}$`), 'the source inspection code');
  assertEqual(
    await detail.getByTestId('referral-source-link').getAttribute('href'),
    `/inspection/inspections/${created.id}`,
    'the source link leads to the inspection',
  );
  await seeText(detail.getByTestId('referral-facts'), /档案工作责任制未落实到岗/, 'the facts');
  await seeText(detail.getByTestId('referral-entry'), new RegExp(`${bad.code}.*依据`), 'the entry with its legal basis');
  assert(((await detail.getByTestId('referral-entry').textContent()) ?? '').includes(bad.legalBasis), 'the entry shows its legal basis');
  await see(detail.getByText('第四十八条'), 'the suspected basis');
  await see(detail.getByTestId('open-case'), '立案 offered beside 不予立案 for a pending referral');
  await detail.getByTestId('decline').click();
  await seeText(fieldErrors(detail.getByTestId('decline-form')), /请填写不予立案的理由/, 'a decline needs a reason');
  await shot(page, '7-referral');
  await detail.getByTestId('decline-reason').fill('违法情节轻微，已责令限期整改，不予立案');
  await detail.getByTestId('decline').click();
  await seeText(detail.getByTestId('decline-note'), /违法情节轻微，已责令限期整改，不予立案/, 'the decline reason');
  await seeText(detail.getByTestId('referral-status'), /不予立案/, 'declined');
  assertEqual(await detail.getByTestId('decline-form').count(), 0, 'no decline form once declined');
  assertEqual(await detail.getByTestId('open-case').count(), 0, 'no 立案 once declined');
  await shot(page, '8-declined');
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page
    .getByTestId('referral-detail')
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await seeText(rows.first().getByTestId('referral-status'), /不予立案/, 'the list shows it declined');
  await shot(page, '9-list');
}
