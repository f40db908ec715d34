/**
 * (l) 检查统计 and 监测预警 on a tablet (820×1180): as admin, through the API from the page's
 * context, two ad-hoc inspections of one unit that had none — A signed on site with one item
 * 不符合 and its feedback letter issued, B signed with every item 符合 (no letter). The figures
 * page (reached by the menu) then shows 检查次数 = before + 2 and 反馈意见书 = before + 1; a
 * click on a number opens a drawer whose total is that number and whose rows are exactly the
 * records the API counted before plus A (and B); the 有不符合项 bucket holds A but not B; the
 * unit-type filter counts the unit's type; 上年 (kept in the URL across a reload) shows zeros.
 * 监测预警 shows the A/B pair as a repeat inspection with both codes linked, its tab counts equal
 * the API's, the settings in force and the 系统设置 link; the dashboard card links there.
 * The demo draw picks its units at random: nothing here depends on which.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assert, assertEqual, see, seeText, signIn, type FlowContext, ARTIFACTS_DIR, api, todayInChina, teamAndChecklist, uninspectedUnit } from '../lib.js';

export const name = '检查统计与监测预警：数字可点开其记录、期间切换、重复检查提示（平板）';

const TABLET = { width: 820, height: 1180 };
// 1×1 PNG (a drawn signature stands in: the server checks the magic bytes).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface FiguresJson {
  figures: { name: string; value: number; buckets: { key: string; value: number }[] | null }[];
}
interface RecordsJson {
  total: number;
  items: { inspectionCode: string | null; key: string }[];
}
interface MonitorsJson {
  settings: { repeatInspectionDays: number; inspectorMonthlyMax: number };
  repeats: { earlier: { code: string }; later: { code: string } }[];
  overdue: { items: unknown[] }[];
  workload: { name: string; warning: string | null }[];
}

const valueOf = (f: FiguresJson, name: string, bucket?: string) => {
  const x = f.figures.find((y) => y.name === name);
  assert(x, `the figure ${name} is returned`);
  if (!bucket) return x.value;
  const b = x.buckets?.find((y) => y.key === bucket);
  assert(b, `the bucket ${name}/${bucket} is returned`);
  return b.value;
};

/** The number shown for a figure (its data-value), once it equals `expected`. */
async function seeFigure(page: Page, testId: string, expected: number, what: string) {
  const el = page.getByTestId(testId);
  await see(el, what);
  await seeText(el, new RegExp(`^${expected}$`), what);
}

/** Clicks a number, checks the drawer's total equals it and returns the codes listed (one page). */
async function drill(page: Page, testId: string, what: string): Promise<string[]> {
  const el = page.getByTestId(testId).first();
  const shown = Number(await el.getAttribute('data-value'));
  await el.click();
  const records = page.getByTestId('records');
  await seeText(records.getByTestId('records-total'), new RegExp(`^${shown}$`), `${what}: the drawer's total equals the number clicked (${shown})`);
  const links = records.getByTestId('record-code');
  const t0 = Date.now();
  while ((await links.count()) !== Math.min(shown, 20) && Date.now() - t0 < 10_000) await page.waitForTimeout(150);
  const codes = (await links.allTextContents()).map((s) => s.trim()).sort();
  assertEqual(codes.length, Math.min(shown, 20), `${what}: rows in the drawer`);
  return codes;
}

/** A screenshot for the record (after the drawer's animation), in E2E_ARTIFACTS. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(500);
  const dir = ARTIFACTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `figures-${name}.png`), fullPage: true }).catch(() => undefined);
}

async function closeDrawer(page: Page) {
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page
    .locator('.ant-drawer-open')
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

export async function run({ page, baseUrl, state, log }: FlowContext): Promise<void> {
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  const http = api(page.request, baseUrl);
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const yearRange = `from=${year}-01-01&to=${year}-12-31`;

  // The on-site record is today and may not be earlier than the date the notice announced: the notice
  // announces today and is registered as sent on the latest day that allows (5 working days before).
  const plannedDate = today;

  // ---- Before: what the API counts this year (earlier flows may have made records) ----
  const before = await http.get<FiguresJson>(`/api/inspections/figures?${yearRange}`);
  const doneBefore = await http.get<RecordsJson>(`/api/inspections/figures/inspectionsDone/records?${yearRange}&pageSize=200`);
  const lettersBefore = await http.get<RecordsJson>(`/api/inspections/figures/feedbackLetters/records?${yearRange}&pageSize=200`);
  assert(doneBefore.total <= 18, `few enough earlier inspections to list on one page (got ${doneBefore.total})`);

  // ---- A unit without inspections, a team without conflicts, the published inspection checklist ----
  const unit = await uninspectedUnit(http);
  const { team, versionId } = await teamAndChecklist(http, plannedDate);
  const typeBefore = await http.get<FiguresJson>(`/api/inspections/figures?${yearRange}&unitType=${unit.type}`);

  // ---- A: signed with one item 不符合 → feedback letter; B: signed, every item 符合 ----
  type Detail = { id: string; code: string; items: { entryId: string }[]; status: string; notice: { latestDate: string } };
  const make = async (nonCompliant: boolean, feedback: boolean): Promise<Detail> => {
    const created = await http.send<Detail>('POST', '/api/inspections', {
      unitId: unit.id,
      inspectorIds: team.map((t) => t.id),
      checklistVersionId: versionId,
      plannedDate,
      reason: '浏览器测试：检查统计与监测预警',
    });
    await http.send('POST', `/api/inspections/${created.id}/notice`, { noticeOn: created.notice.latestDate });
    await http.send('PUT', `/api/inspections/${created.id}/record`, {
      onSiteDate: today,
      items: created.items.map((e, i) => ({
        entryId: e.entryId,
        result: nonCompliant && i === 0 ? 'non_compliant' : 'compliant',
        note: nonCompliant && i === 0 ? '档案工作责任制未落实到岗' : null,
      })),
      inspectorsPresent: team.map((t) => t.id),
      representative: { name: '陈档案员', title: '办公室主任' },
      findings: nonCompliant ? '档案工作责任制未落实到岗，其余符合要求。' : '各项均符合要求。',
    });
    await http.send('POST', `/api/inspections/${created.id}/sign`, {
      inspectors: team.map((t) => ({ inspectorId: t.id, signature: PNG })),
      representative: { signature: PNG },
    });
    if (feedback) await http.send('POST', `/api/inspections/${created.id}/feedback`, {});
    const d = await http.get<Detail>(`/api/inspections/${created.id}`);
    assertEqual(d.status, feedback ? 'feedback_issued' : 'on_site_signed', `${d.code}: status`);
    return d;
  };
  const a = await make(true, true);
  const b = await make(false, false);
  log(`unit ${unit.name} (${unit.type}): A ${a.code} with a feedback letter, B ${b.code} signed`);

  // ---- 检查统计 through the menu, then on a tablet ----
  await page.getByTestId('side-menu').getByText('行政检查').click();
  await page.getByTestId('side-menu').getByText('检查统计').click();
  await page.waitForURL(/\/inspection\/figures/);
  await page.setViewportSize(TABLET);
  await see(page.getByTestId('figures'), 'the figures');
  await seeText(page.getByTestId('figures-period'), new RegExp(`${year}-01-01 至 ${year}-12-31`), 'this year is the default period');

  const done = valueOf(before, 'inspectionsDone') + 2;
  const letters = valueOf(before, 'feedbackLetters') + 1;
  await seeFigure(page, 'figure-inspectionsDone', done, '检查次数 = before + 2');
  await seeFigure(page, 'figure-feedbackLetters', letters, '反馈意见书 = before + 1');
  await seeFigure(page, 'figure-unitsInspected', valueOf(before, 'unitsInspected') + 1, '检查单位数 = before + 1 (one new unit)');
  await seeFigure(page, 'bucket-resultDistribution-non_compliant', valueOf(before, 'resultDistribution', 'non_compliant') + 1, '有不符合项 = before + 1');
  await seeFigure(page, 'bucket-resultDistribution-compliant', valueOf(before, 'resultDistribution', 'compliant') + 1, '全部符合 = before + 1');
  await shot(page, '1-this-year');
  // The definition is the tooltip of the figure.
  await page.getByTestId('figure-card-inspectionsDone').getByLabel('检查次数的定义').click();
  await see(page.locator('.ant-tooltip').getByText(/现场检查记录签字日期在统计期间内/), 'the definition of 检查次数 as a tooltip');

  // Each drawer lists exactly the records: those counted before and the new ones.
  const doneCodes = await drill(page, 'figure-inspectionsDone', '检查次数');
  assertEqual(doneCodes, [...doneBefore.items.map((r) => r.inspectionCode!), a.code, b.code].sort(), '检查次数: the codes in the drawer');
  await shot(page, '2-drawer');
  // A code opens its inspection.
  await page.getByTestId('records').getByTestId('record-code').filter({ hasText: a.code }).click();
  await page.waitForURL(new RegExp(`/inspection/inspections/${a.id}$`));
  await seeText(page.getByTestId('inspection-status'), /已反馈/, `${a.code} opened from the drawer`);
  await page.goBack();
  await see(page.getByTestId('figures'), 'the figures again (the filters in the URL)');

  const letterCodes = await drill(page, 'figure-feedbackLetters', '反馈意见书');
  assertEqual(letterCodes, [...lettersBefore.items.map((r) => r.inspectionCode!), a.code].sort(), '反馈意见书: the codes in the drawer');
  await closeDrawer(page);
  const nonCompliant = await drill(page, 'bucket-resultDistribution-non_compliant', '有不符合项');
  assert(nonCompliant.includes(a.code) && !nonCompliant.includes(b.code), `有不符合项 lists ${a.code} and not ${b.code} (got ${nonCompliant.join(', ')})`);
  await closeDrawer(page);

  // 含下级 (the demo has subordinate orgs): a table by org, the own org's cell opens its records.
  const sub = page.getByTestId('include-descendants');
  if ((await sub.count()) > 0) {
    await sub.click();
    await page.waitForURL(/sub=true/);
    const byOrg = page.getByTestId('by-org');
    await see(byOrg, 'the figures by org');
    const me = await http.get<{ org: { id: string } }>('/api/auth/me');
    await seeFigure(page, `by-org-inspectionsDone-${me.org.id}`, done, "检查次数 of the bureau's own records");
    await seeFigure(page, 'by-org-inspectionsDone-total', done, '检查次数 of the scope (no records below)');
    await shot(page, '3-by-org');
    const own = await drill(page, `by-org-feedbackLetters-${me.org.id}`, "反馈意见书 of the bureau's own records");
    assert(own.includes(a.code), `the own org's letters list ${a.code}`);
    await closeDrawer(page);
    await sub.click();
    await see(page.getByTestId('figures'), 'the figures without 含下级');
    await byOrg.waitFor({ state: 'detached', timeout: 10_000 });
  } else log('no subordinate orgs: 含下级 not offered');

  // The unit-type filter.
  await page.getByTestId('unit-type').click();
  const typeLabel = unit.typeLabel;
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${typeLabel}$`) })
    .click();
  await page.waitForURL(new RegExp(`unitType=${unit.type}`));
  await seeFigure(page, 'figure-inspectionsDone', valueOf(typeBefore, 'inspectionsDone') + 2, `检查次数 of ${typeLabel} units = before + 2`);

  // ---- 上年: a period without records shows zeros, and stays after a reload (URL) ----
  await page.getByTestId('period-last-year').click();
  await page.waitForURL(new RegExp(`year=${year - 1}`));
  await seeText(page.getByTestId('figures-period'), new RegExp(`${year - 1}-01-01 至 ${year - 1}-12-31`), 'last year as the period');
  for (const n of [
    'inspectionsDone',
    'feedbackLetters',
    'unitsInspected',
    'followUps',
    'interviews',
    'rectificationRaised',
    'rectificationClosed',
    'rectificationOverdue',
  ])
    await seeFigure(page, `figure-${n}`, 0, `${n} last year`);
  await page.reload();
  await seeText(page.getByTestId('figures-period'), new RegExp(`${year - 1}-01-01 至 ${year - 1}-12-31`), 'last year kept in the URL across a reload');
  await seeFigure(page, 'figure-inspectionsDone', 0, '检查次数 last year after the reload');
  await drill(page, 'figure-inspectionsDone', '检查次数 last year');
  await see(page.getByTestId('records').getByText('没有记录'), 'an empty drawer for a zero');
  await closeDrawer(page);
  await shot(page, '5-last-year');

  // ---- A custom range (today only, the unit type still chosen), typed into the range picker ----
  const range = page.getByTestId('period-range');
  const inputs = range.locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(today);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(today);
  await inputs.nth(1).press('Enter');
  await page.waitForURL(new RegExp(`from=${today}&to=${today}|to=${today}.*from=${today}`));
  await seeText(page.getByTestId('figures-period'), new RegExp(`${today} 至 ${today}`), 'the custom range as the period');
  const todayOnly = await http.get<FiguresJson>(`/api/inspections/figures?from=${today}&to=${today}&unitType=${unit.type}`);
  assert(valueOf(todayOnly, 'inspectionsDone') >= 2, `A and B were signed today and are ${typeLabel} units`);
  await seeFigure(page, 'figure-inspectionsDone', valueOf(todayOnly, 'inspectionsDone'), '检查次数 of today');
  const todayCodes = await drill(page, 'figure-inspectionsDone', '检查次数 of today');
  assert(todayCodes.includes(a.code) && todayCodes.includes(b.code), `today's inspections list ${a.code} and ${b.code}`);
  await closeDrawer(page);

  // ---- Bad input in the URL: the server's message, no figures ----
  await page.goto(`${baseUrl}/inspection/figures?from=${year}-12-31&to=${year}-01-01`);
  await seeText(page.getByTestId('figures-error'), /起始日期不能晚于截止日期/, "the server's message for a reversed period");
  assertEqual(await page.getByTestId('figures').count(), 0, 'no figures for a reversed period');

  // ---- 监测预警 ----
  const monitors = await http.get<MonitorsJson>('/api/inspections/monitors');
  const pair = monitors.repeats.find((r) => [r.earlier.code, r.later.code].sort().join() === [a.code, b.code].sort().join());
  assert(pair, `the API reports ${a.code}/${b.code} as a repeat inspection`);
  await page.goto(`${baseUrl}/`);
  const card = page.getByTestId('dashboard-monitors');
  await see(card, 'the 监测预警 card on the dashboard');
  await shot(page, '6-dashboard');
  await page.getByTestId('dashboard-monitor-repeats').click();
  await page.waitForURL(/\/inspection\/monitors\?tab=repeats/);
  await see(page.getByTestId('monitors'), 'the monitors');
  await seeText(
    page.getByTestId('monitor-settings'),
    new RegExp(`${monitors.settings.repeatInspectionDays} 日内.*${monitors.settings.inspectorMonthlyMax} 次`),
    'the settings in force',
  );
  await see(page.getByTestId('monitor-settings-link'), 'the link to 系统设置 for an admin');
  assertEqual(Number(await page.getByTestId('count-repeats').getAttribute('data-count')), monitors.repeats.length, '重复检查: the tab count');
  assertEqual(
    Number(await page.getByTestId('count-overdue').getAttribute('data-count')),
    monitors.overdue.reduce((n, o) => n + o.items.length, 0),
    '整改逾期: the tab count',
  );
  assertEqual(
    Number(await page.getByTestId('count-workload').getAttribute('data-count')),
    monitors.workload.filter((w) => w.warning).length,
    '工作量: the tab count',
  );
  const row = page.getByTestId('repeats-table').locator('tr.ant-table-row').filter({ hasText: a.code }).filter({ hasText: b.code });
  await see(row, `the row of the pair ${a.code}/${b.code}`);
  assertEqual((await row.first().getByTestId('monitor-code').allTextContents()).map((s) => s.trim()).sort(), [a.code, b.code].sort(), 'both codes are linked');
  await shot(page, '7-monitors');
  await page.getByRole('tab', { name: /执法人员工作量/ }).click();
  await page.waitForURL(/tab=workload/);
  for (const t of team) await see(page.getByTestId('workload-table').locator('tr.ant-table-row').filter({ hasText: t.name }), `${t.name} in the workload`);
  await page.getByRole('tab', { name: /重复检查/ }).click();
  await row.first().getByTestId('monitor-code').filter({ hasText: b.code }).click();
  await page.waitForURL(new RegExp(`/inspection/inspections/${b.id}$`));
  await page.setViewportSize({ width: 1366, height: 860 });
}
