/**
 * (issue 14 §4) 行政执法公示 on the portal, signed out, on a phone (390×844) and then wide: from the portal
 * home's 行政执法公示 section to 事前公开 (the bureau, its licensing, inspection and penalty powers, the laws
 * they cite, the remedies), 执法人员 (the demo's officers with a valid certificate by name and number; the
 * one whose certificate expired is not there), 执法流程 (the flow chart of 行政处罚一般程序 from 立案 to 结案,
 * each step with its limit) and 处罚决定公开: the demo's unit decision shown whole with its penalty, the
 * person's name masked (never the full name), the revoked decision's publication marked 已撤回 without
 * its content; its links lead to the inspection results and the licensing decisions. No page is wider
 * than the phone, and none shows a record id.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, assert, see, seeText, type FlowContext } from '../lib.js';

export const name = '行政执法公示：事前公开、执法人员、执法流程、处罚决定公开（门户，免登录）';

const PHONE = { width: 390, height: 844 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `enforcement-portal-${name}.png`), fullPage: true }).catch(() => undefined);
}

/** No sideways scrolling, and no record id in what the page says. */
async function clean(page: Page, what: string) {
  await page.waitForTimeout(300);
  const { scroll, inner } = await page.evaluate<{ scroll: number; inner: number }>(
    '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
  );
  assert(scroll <= inner, `${what}: the page is ${scroll}px wide on a ${inner}px screen (scrolls sideways)`);
  const text = await page.locator('body').innerText();
  assert(!UUID.test(text), `${what}: no record id on the page (found “${UUID.exec(text)?.[0]}”)`);
  assert(!text.includes('/api/'), `${what}: no API path on the page`);
}

export async function run({ page, baseUrl }: FlowContext): Promise<void> {
  await page.setViewportSize(PHONE);

  // 1. The portal home's section leads to 事前公开.
  await page.goto(`${baseUrl}/public`);
  const section = await see(page.getByTestId('portal-section-enforcement'), 'the 行政执法公示 section on the portal home');
  await seeText(section, /事前公开.*执法人员.*执法流程.*行政处罚决定公开.*裁量基准/s, 'the section’s pages');
  await page.getByTestId('home-enforcement-link').click();
  await page.waitForURL(/\/public\/enforcement\?org=/);

  // 2. 事前公开: the body, its powers, the bases and the remedies.
  const body = await see(page.getByTestId('enforcement-body'), 'the enforcing body');
  await seeText(body, /机关名称\s*\S*档案局/, 'the bureau named');
  await seeText(body, /办公电话\s*\d{3,4}-\d{7,8}/, 'its office telephone');
  await seeText(page.getByTestId('powers-licensing-list'), /延期移交档案审批/, 'a licensing item in force');
  const licensing = await page.getByTestId('powers-licensing-list').innerText();
  assert(!licensing.includes('出卖、转让'), 'the abolished licensing item is not among the powers');
  await seeText(page.getByTestId('powers-inspection-list'), /档案法第四十二条（一）/, 'the random-inspection items by area');
  await seeText(page.getByTestId('powers-penalty-list'), /丢失属于国家所有的档案[\s\S]*单位 1 万元—10 万元/, 'a violation with its statutory range');
  await seeText(page.getByTestId('enforcement-bases-list'), /《中华人民共和国档案法》/, 'the archives law among the bases');
  await seeText(page.getByTestId('enforcement-remedies'), /六十日内，向\S+人民政府申请行政复议/, 'the review organ among the remedies');
  await clean(page, '事前公开');
  await shot(page, '1-advance');

  // 3. 执法人员: valid certificates only, by name and number.
  await page.getByTestId('enforcement-tab-officers').click();
  await page.waitForURL(/\/public\/enforcement\/officers\?org=/);
  const officers = await see(page.getByTestId('public-officers'), 'the officers');
  await seeText(
    officers,
    /王执法[\s\S]*执法证号：\d+[\s\S]*有效期：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/,
    'an officer with the certificate and its validity',
  );
  assert(!(await officers.innerText()).includes('高海燕'), 'the officer whose certificate expired is not listed');
  await clean(page, '执法人员');
  await shot(page, '2-officers');

  // 4. 执法流程: the flow chart of the penalty procedure, step by step with limits.
  await page.getByTestId('enforcement-tab-procedures').click();
  await page.waitForURL(/\/public\/enforcement\/procedures\?org=/);
  const flow = await see(page.getByTestId('flow-penalty'), 'the flow chart of 行政处罚一般程序');
  const steps = flow.getByTestId('flow-step');
  assert((await steps.count()) === 10, `ten steps from 立案 to 结案 (got ${await steps.count()})`);
  await seeText(steps.first(), /立案/, 'the first step');
  await seeText(steps.nth(6), /决定[\s\S]*90 日/, 'the decision with its 90 days');
  await seeText(page.getByTestId('flow-licensing'), /受理 \/ 补正[\s\S]*5 个工作日/, 'the licensing acceptance with its 5 working days');
  await see(page.getByTestId('flow-inspection'), 'the flow chart of the double-random inspection');
  await clean(page, '执法流程');
  await shot(page, '3-procedures');

  // 5. 处罚决定公开: the unit whole, the person masked, the withdrawn one marked without content.
  await page.getByTestId('enforcement-tab-decisions').click();
  await page.waitForURL(/\/public\/enforcement\/decisions\?org=/);
  const list = await see(page.getByTestId('public-penalty-decisions'), 'the published decisions');
  const unit = list.getByTestId('public-penalty-decision').filter({ hasText: '城市建设投资集团有限公司' });
  await seeText(unit, /当事人\s*\S+城市建设投资集团有限公司[\s\S]*警告；罚款 40,000 元/, 'the unit’s decision with its penalty');
  await seeText(list.getByTestId('public-penalty-decision').filter({ hasText: '个人' }), /李\*\*/, 'the person’s name masked');
  const withdrawn = list.getByTestId('public-penalty-decision-withdrawn');
  await seeText(withdrawn, /已撤回[\s\S]*已于 \d{4}-\d{2}-\d{2} 被依法撤销，原公开内容已于 \d{4}-\d{2}-\d{2} 撤回/, 'the withdrawn publication marked');
  const all = await list.innerText();
  assert(!all.includes('李明华'), 'the person’s full name is never shown');
  assert(!(await withdrawn.innerText()).includes('不动产登记中心'), 'the withdrawn decision’s party is no longer shown');
  await clean(page, '处罚决定公开');
  await shot(page, '4-decisions');

  // 6. The other published results, from the same page.
  await page.getByTestId('link-public-licensing-decisions').click();
  await page.waitForURL(/\/public\/licensing\/decisions\?org=/);
  await see(page.getByTestId('public-decisions'), 'the licensing decisions');
  await page.goBack();
  await page.getByTestId('link-public-inspections').click();
  await page.waitForURL(/\/public\/inspections$/);
  await see(page.getByTestId('public-filters'), 'the inspection results');

  // 7. Wide: the flow chart reads left to right, still inside the page.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${baseUrl}/public/enforcement/procedures`);
  await see(page.getByTestId('flow-penalty'), 'the flow chart at 1440');
  await clean(page, '执法流程（1440）');
  await shot(page, '5-procedures-wide');
}
