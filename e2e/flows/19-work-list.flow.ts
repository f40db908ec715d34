/**
 * (issue 13 §1) A work list per role, at 1440×900. The admin notifies an ad-hoc inspection of the
 * demo archivist's unit; her 工作台 then lists its 自查表 with its due date in 工作日, only items of her
 * own unit, and the row opens her own inspection page. The inspector's list holds only inspections
 * of teams he is on; 法制科 sees its 待我公开 and asks for an extension of an application's reply
 * period; the leader finds the request in 待我审批, opens it and approves it. No row shows a bare "天"
 * without its unit.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, api, assert, assertEqual, see, seeText, signIn, signOut, teamAndChecklist, todayInChina, type FlowContext } from '../lib.js';

export const name = '各角色工作台：单位档案员的自查与整改、执法人员本组检查、局领导待我审批';

const DESKTOP = { width: 1440, height: 900 };

interface DashItem {
  kind: string;
  label: string;
  entityType: string;
  entityId: string;
  daysText: string;
}
interface Dash {
  items: DashItem[];
  approvals: { label: string; entityType: string }[];
}

const plus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `19-${name}.png`), fullPage: true });

async function openDashboard(page: Page) {
  await page.getByTestId('side-menu').getByText('工作台').click();
  await see(page.getByTestId('dashboard-table').or(page.getByTestId('dashboard-empty')), 'the dashboard list');
}

export async function run({ page, baseUrl, state, log }: FlowContext): Promise<void> {
  await page.setViewportSize(DESKTOP);
  const account = (u: string) => {
    const a = state.accounts.find((x) => x.username === u);
    assert(a, `the demo account ${u}`);
    return a;
  };
  const today = todayInChina();

  // ---- The archivist's unit, as her own account knows it ----
  const unit = account('unit');
  await signIn(page, baseUrl, unit.username, unit.password);
  const me = await api(page.request, baseUrl).get<{ user: { unitId: string | null } }>('/api/auth/me');
  assert(me.user.unitId, 'the demo archivist belongs to a unit');
  await signOut(page);

  // ---- The admin notifies an ad-hoc inspection of her unit, three weeks ahead ----
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  let http = api(page.request, baseUrl);
  const plannedDate = plus(today, 21);
  const { team, versionId } = await teamAndChecklist(http, plannedDate);
  const created = await http.send<{ id: string; code: string }>('POST', '/api/inspections', {
    unitId: me.user.unitId,
    inspectorIds: team.map((t) => t.id),
    checklistVersionId: versionId,
    plannedDate,
    reason: '浏览器测试：单位档案员的工作台',
  });
  await http.send('POST', `/api/inspections/${created.id}/notice`, {});
  log(`notified ${created.code} of the archivist's unit, inspection on ${plannedDate}`);
  await signOut(page);

  // ---- Her 工作台: the 自查表 with its clock, only her unit's items, the row opens her inspection ----
  await signIn(page, baseUrl, unit.username, unit.password);
  http = api(page.request, baseUrl);
  const mine = await http.get<{ items: { id: string }[] }>('/api/my/inspections?pageSize=100');
  const dash = await http.get<Dash>('/api/dashboard?pageSize=200');
  const own = new Set(mine.items.map((i) => i.id));
  for (const i of dash.items) assert(i.entityType === 'inspection' && own.has(i.entityId), `${i.label}: an item of her own unit`);
  const self = dash.items.find((i) => i.kind === 'inspection.self' && i.entityId === created.id);
  assert(self, `her 自查表 of ${created.code} is on her 工作台`);
  await openDashboard(page);
  const row = page.getByTestId('dashboard-table').locator('tr', { hasText: created.code });
  await seeText(row, /填报并提交自查表/, 'the 自查表 row');
  await seeText(row, /(剩余|逾期) \d+ 个工作日|今日到期/, 'its days, in 工作日');
  assertEqual(await page.getByTestId('dashboard-empty').count(), 0, 'no “暂无待办期限”');
  await shot(page, 'unit-dashboard');
  await row.getByTestId('dashboard-item-link').click();
  await page.waitForURL(`**/my/inspections/${created.id}`);
  await seeText(page.locator('main, body').first(), new RegExp(created.code), 'her inspection page');
  await signOut(page);

  // ---- The inspector: only inspections of teams he is on ----
  const inspector = account('inspector');
  await signIn(page, baseUrl, inspector.username, inspector.password);
  http = api(page.request, baseUrl);
  const who = await http.get<{ user: { displayName: string } }>('/api/auth/me');
  const his = (await http.get<Dash>('/api/dashboard?pageSize=200')).items.filter((i) => i.entityType === 'inspection');
  for (const i of his) {
    const d = await http.get<{ code: string; team: { name: string }[] }>(`/api/inspections/${i.entityId}`);
    assert(
      d.team.some((t) => t.name === who.user.displayName),
      `${d.code}: ${who.user.displayName} is on its team`,
    );
  }
  log(`inspector ${who.user.displayName}: ${his.length} inspection deadlines, all of his teams`);
  await openDashboard(page);
  await shot(page, 'inspector-dashboard');
  await signOut(page);

  // ---- The desk (法制科) asks for an extension of an open application; its 待我公开 lists what it must publish ----
  const legal = account('legal');
  await signIn(page, baseUrl, legal.username, legal.password);
  http = api(page.request, baseUrl);
  const open = await http.get<{ items: { id: string; trackingCode: string; status: string }[] }>('/api/disclosure/applications?status=processing&pageSize=100');
  let asked: { id: string; trackingCode: string } | null = null;
  for (const x of open.items) {
    const d = await http.get<{ allowedActions: string[] }>(`/api/disclosure/applications/${x.id}`);
    if (d.allowedActions.includes('extensionRequest')) {
      asked = x;
      break;
    }
  }
  assert(asked, 'an open application the desk may ask to extend');
  await openDashboard(page);
  const pubs = (await http.get<{ publications: { label: string }[] }>('/api/dashboard')).publications;
  if (pubs.length)
    await seeText(await see(page.getByTestId('dashboard-publications'), 'the 待我公开 section'), new RegExp(pubs[0]!.label.slice(0, 10)), 'its first item');
  log(`legal: ${pubs.length} to publish`);
  await shot(page, 'legal-dashboard');
  await page.goto(`${baseUrl}/disclosure/applications/${asked.id}`);
  await page.getByTestId('action-extension-request').click();
  const form = await see(page.getByTestId('extension-request-form'), 'the extension request form');
  await form.getByLabel('报请延长（工作日）').fill('10');
  await form.getByLabel('延期理由').fill('需调取库房档案逐卷核对（浏览器测试）');
  await page.getByRole('button', { name: '报请批准' }).click();
  await seeText(page.getByTestId('extension-request-pending'), /等待政府信息公开工作机构负责人批准/, 'the request waiting');
  await signOut(page);

  // ---- The county bureau below registers an application received three weeks ago ----
  const countyAdmin = account('county.admin');
  await signIn(page, baseUrl, countyAdmin.username, countyAdmin.password);
  await api(page.request, baseUrl).send('POST', '/api/disclosure/applications', {
    channel: 'in_person',
    receivedOn: plus(today, -21),
    applicantType: 'natural',
    applicantName: '县局来访申请人',
    content: '本县 2020 年档案移交目录（浏览器测试）',
  });
  await signOut(page);

  // ---- The leader: 待我审批, each item opening its record ----
  const leader = account('leader');
  await signIn(page, baseUrl, leader.username, leader.password);
  http = api(page.request, baseUrl);
  await openDashboard(page);
  const card = await see(page.getByTestId('dashboard-approvals'), 'the 待我审批 section');
  await seeText(card, new RegExp(asked.trackingCode), 'the desk’s request for extension');
  // the county bureau below the leader's org, with its lateness
  const below = await see(page.getByTestId('dashboard-below'), 'the 下级机构期限情况 section');
  await seeText(below, /区档案局/, 'the county bureau below');
  await below.getByTestId('dashboard-below-org').first().click();
  const drawer = await see(page.getByTestId('dashboard-below-drawer'), 'the county bureau’s open items');
  await seeText(drawer, /县局来访申请人/, 'the county’s application with its clock');
  await seeText(drawer, /(剩余|逾期) \d+ 个工作日|今日到期/, 'its days, in 工作日');
  await shot(page, 'leader-below');
  await page.keyboard.press('Escape');
  const approvals = (await http.get<Dash>('/api/dashboard')).approvals;
  log(`leader: ${approvals.length} awaiting approval`);
  await shot(page, 'leader-dashboard');
  const ext = approvals.find((x) => x.label.includes(asked.trackingCode));
  assert(ext, `the request for ${asked.trackingCode} awaits the leader's approval`);
  await card.getByRole('link', { name: ext.label }).click();
  await page.waitForURL(`**/disclosure/applications/${asked.id}`);
  await page.getByTestId('action-extension-decision').click();
  await see(page.getByTestId('extension-decision-form'), 'the decision form');
  await page
    .getByRole('button', { name: '确 定' })
    .or(page.getByRole('button', { name: '确定' }))
    .click();
  await seeText(page.getByTestId('application-detail'), /延长[\s\S]*10 个工作日/, 'the extension on the application');
  await openDashboard(page);
  const report = (await http.get<Dash>('/api/dashboard')).approvals.find((x) => x.entityType === 'disclosureAnnualReport');
  if (report) {
    await page.getByTestId('dashboard-approvals').getByRole('link', { name: report.label }).click();
    await page.waitForURL('**/disclosure/annual-reports');
  }
  const bare = await page
    .getByTestId('dashboard-table')
    .locator('td', { hasText: /^(剩余|逾期) \d+ 天$/ })
    .count();
  assertEqual(bare, 0, 'no day count without its unit');
  await signOut(page);
}
