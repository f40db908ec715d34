/**
 * (l) The portal's front door on a phone (390×844), signed out: the sign-in page leads to /public
 * (and names no 行政许可); the home page names the bureau and its two sections; from it and the
 * header, the citizen walks to apply, track, the annual reports, the plans, the draws and the
 * results, each page in the same frame and none wider than the phone. The demo draw's page leads
 * with the units and the teams by name (certificate numbers), a plain 已验证 line, and no npm, API
 * path, algorithm id or record id outside the 技术复核 fold; opened, the fold shows the browser's
 * recomputation 已验证. A path that does not exist, under /public or anywhere else, shows the
 * portal's 404, whose button leads to the portal home.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, assert, see, seeText, type FlowContext } from '../lib.js';

export const name = '公众服务门户：首页、栏目导航、抽取公示与 404（手机）';

const PHONE = { width: 390, height: 844 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `portal-${name}.png`), fullPage: true }).catch(() => undefined);
}

/** The page is no wider than the phone: nothing to scroll sideways. */
async function fitsPhone(page: Page, what: string) {
  // Let antd's responsive grid settle after the viewport or the page changed.
  await page.waitForTimeout(300);
  // A string, so the e2e code (typed for Node, without the DOM) hands the browser its own expression.
  const { scroll, inner } = await page.evaluate<{ scroll: number; inner: number }>(
    '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
  );
  assert(scroll <= inner, `${what}: the page is ${scroll}px wide on a ${inner}px phone (scrolls sideways)`);
}

/** Back to the portal home through the brand in the header. */
async function home(page: Page) {
  await page.getByTestId('portal-home-link').click();
  await page.waitForURL(/\/public(\?.*)?$/);
  await see(page.getByTestId('portal-section-disclosure'), 'the 政务公开 section on the home page');
}

export async function run({ page, baseUrl }: FlowContext): Promise<void> {
  await page.setViewportSize(PHONE);

  // 1. The sign-in page leads citizens to the portal and names only what exists.
  await page.goto(`${baseUrl}/login`);
  const portalLink = await see(page.getByTestId('login-portal-link'), 'the portal link on the sign-in page');
  assert(!(await page.locator('body').innerText()).includes('行政许可'), 'the sign-in page does not offer 行政许可');
  await portalLink.click();
  await page.waitForURL(/\/public(\?.*)?$/);

  // 2. The home page: the bureau and its two sections.
  await seeText(page.getByTestId('portal-bureau-name'), /\p{Script=Han}{2,}/u, 'the bureau named on the home page');
  await seeText(page.getByTestId('portal-section-disclosure'), /申请政府信息公开.*查询办理进度.*年度报告/s, 'the 政务公开 section');
  await seeText(page.getByTestId('portal-section-inspection'), /检查计划.*抽取公示.*检查结果.*典型单位/s, 'the 双随机一公开 section');
  assert((await page.getByTestId('side-menu').count()) === 0, 'no back-office menu on the portal');
  await fitsPhone(page, 'the home page');
  await shot(page, '1-home');

  // 3. 政务公开: apply (from the home page), track and the annual reports (from the header).
  await page.getByTestId('home-apply-link').click();
  await page.waitForURL(/\/public\/disclosure\/apply/);
  await see(page.getByTestId('apply-form').or(page.getByTestId('apply-orgs')), 'the application form (or the bureaus to choose from)');
  await fitsPhone(page, 'the application page');
  await shot(page, '2-apply');
  await page.getByTestId('portal-track-link').click();
  await page.waitForURL(/\/public\/disclosure\/track/);
  await see(page.getByPlaceholder(/查询码/).or(page.getByLabel(/查询码/)), 'the tracking-code field');
  await fitsPhone(page, 'the tracking page');
  await page.getByTestId('portal-reports-link').click();
  await page.waitForURL(/\/public\/disclosure\/reports$/);
  await see(page.getByTestId('public-reports-table'), 'the annual reports');
  await fitsPhone(page, 'the annual reports page');
  await shot(page, '3-reports');

  // 4. 双随机一公开: the plans from the home page, the draws from the header.
  await home(page);
  await page.getByTestId('home-plans-link').click();
  await page.waitForURL(/\/public\/plans$/);
  await see(page.getByTestId('public-plan'), 'a published plan');
  await fitsPhone(page, 'the plans page');
  await page.getByTestId('portal-draws-link').click();
  await page.waitForURL(/\/public\/draws$/);
  await see(page.getByTestId('public-draw-link'), 'a published draw');
  await fitsPhone(page, 'the draws list');
  await shot(page, '4-draws');

  // 5. The demo draw: names first, a plain line, the technical part folded away.
  await page.getByTestId('public-draw-link').first().click();
  await page.waitForURL(/\/public\/draws\/[0-9a-f-]{36}$/);
  await seeText(page.getByTestId('public-draw-plan'), /抽查计划/, 'the plan named in the title');
  await seeText(page.getByTestId('public-draw-sentence'), /从 \d+ 家检查对象中随机抽取 \d+ 家/, 'the draw in one sentence');
  await seeText(page.getByTestId('public-unit-name'), /\p{Script=Han}{2,}/u, 'the first drawn unit by name');
  await seeText(page.getByTestId('public-team-member'), /\p{Script=Han}{2,}（执法证号 \S+）/u, 'an inspector by name with the certificate number');
  await seeText(page.getByTestId('public-draw-check'), /任何人都可以核对/, 'the line that anyone can check the draw');
  await seeText(page.getByTestId('public-draw-verified'), /已验证/, 'the browser checked the draw', 30_000);
  const visible = await page.locator('body').innerText();
  for (const [re, what] of [
    [/npm/i, 'npm'],
    [/\/api\//, 'an API path'],
    [/lantai-draw/i, 'the algorithm id'],
    [UUID, 'a record id'],
    [/[0-9a-f]{64}/, 'a hash'],
  ] as const)
    assert(!re.test(visible), `no ${what} outside the 技术复核 fold (found “${re.exec(visible)?.[0]}”)`);
  assert((await page.getByTestId('verify-result').count()) === 0, 'the step-by-step check is folded away');
  await fitsPhone(page, 'the draw page');
  await shot(page, '5-draw');
  await page.getByTestId('tech-review-toggle').click();
  await seeText(page.getByTestId('verify-result'), /^已验证$/, 'the recomputation under 技术复核', 30_000);
  assert((await page.locator('[data-testid="verify-step"][data-ok="0"]').count()) === 0, 'every step of the recomputation agrees');
  await see(page.getByTestId('public-entropy'), 'the random value under the fold');
  await fitsPhone(page, 'the draw page with 技术复核 open');
  await shot(page, '6-draw-tech');

  // 6. The results, from the header.
  await page.getByTestId('portal-inspections-link').click();
  await page.waitForURL(/\/public\/inspections$/);
  await see(page.getByTestId('public-filters'), 'the published results page');
  await fitsPhone(page, 'the results page');
  await shot(page, '7-results');

  // 7. A page that does not exist: the portal's 404 leads home (under /public and elsewhere, signed out).
  for (const p of ['/public/no-such-page', '/no-such-page']) {
    await page.goto(`${baseUrl}${p}`);
    await see(page.getByTestId('portal-not-found'), `the portal's 404 for ${p}`);
    assert(!page.url().includes('/login'), `${p} does not send a citizen to the sign-in page (url ${page.url()})`);
    await fitsPhone(page, `the 404 page for ${p}`);
  }
  await shot(page, '8-not-found');
  await page.getByTestId('not-found-home').click();
  await page.waitForURL(/\/public(\?.*)?$/);
  await see(page.getByTestId('portal-section-inspection'), 'the portal home after the 404');
}
