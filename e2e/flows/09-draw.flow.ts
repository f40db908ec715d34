/**
 * (i) 双随机抽取, reproducible by anyone: the public page (no sign-in) recomputes the demo draw in the
 * browser and shows 已验证; the browser's algorithm matches the published test vector; then, signed
 * in once as admin, a new draw of the demo plan with a public value (体彩排列五) is frozen, executed,
 * published and verified on the public page, and a redraw (with its reason) leaves the old draw
 * visible as 已被重抽.
 */
import { assert, assertEqual, see, seeText, signIn, type FlowContext } from '../lib.js';
import { drawSeed, listHash, selectK, sha256Js, sortIds, verifyDraw } from '../../web/src/features/draws/verifyDraw.js';

export const name = '双随机抽取：公示页浏览器复核、公开随机值抽取与重抽';

const ENTROPY = '35701';

async function seeVerified(page: FlowContext['page'], what: string) {
  // The page leads with names and a plain line; the recomputation's steps sit under the 技术复核 fold.
  await seeText(page.getByTestId('public-draw-verified'), /已验证/, `${what}: the plain 已验证 line`, 30_000);
  await page.getByTestId('tech-review-toggle').click();
  await seeText(page.getByTestId('verify-result'), /^已验证$/, `${what}: the big verification result`, 30_000);
  const steps = page.getByTestId('verify-step');
  const titles = (await steps.allTextContents()).map((t) => t.trim());
  for (const step of ['名单哈希', '种子', '抽取结果', '检查组'])
    assert(
      titles.some((t) => t.startsWith(step)),
      `${what}: the step “${step}” is shown (got ${titles.join(' | ')})`,
    );
  const failed = await page.locator('[data-testid="verify-step"][data-ok="0"]').count();
  assertEqual(failed, 0, `${what}: failed verification steps`);
  // 一公开: the drawn units are named.
  await seeText(page.getByTestId('public-unit-name').first(), /\p{Script=Han}{2,}/u, `${what}: the first drawn unit is named`, 15_000);
  return titles;
}

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  // 1. The browser algorithm against the published test vector (issue 3), run here in Node.
  const ids = sortIds(Array.from({ length: 100 }, (_, i) => `U${String(i + 1).padStart(4, '0')}`));
  const hash = await listHash(ids);
  assertEqual(hash, 'da11684beafe97a68bbbb53c08f3ef7b011da96b3978a4b0580070eee1dfd173', 'test vector listHash');
  // The fallback SHA-256 (for pages served over plain HTTP, where crypto.subtle is missing) agrees.
  assertEqual(Buffer.from(sha256Js(new TextEncoder().encode(ids.join('\n')))).toString('hex'), hash, 'fallback SHA-256 of the test vector list');
  const seed = await drawSeed(hash, 'D-2025-001', '0'.repeat(64));
  assertEqual(seed, '06be80b13916f769b4db50624cc4135c0819794c37cb40e132bb7168399c2f37', 'test vector seed');
  assertEqual(await selectK(ids, seed, 5), ['U0072', 'U0006', 'U0027', 'U0058', 'U0074'], 'test vector selection');
  const bad = await verifyDraw({
    drawId: 'D-2025-001',
    algorithm: 'lantai-draw-v1',
    entropy: '0'.repeat(64),
    listHash: hash,
    seed,
    candidates: ids,
    k: 5,
    selected: ['U0072', 'U0006', 'U0027', 'U0074', 'U0058'],
  });
  assert(!bad.ok, 'a tampered selection (two ids swapped) fails verification');

  // 2. 事前公开: the published plan with its items and certified inspectors, without signing in.
  await page.goto(`${baseUrl}/public/plans`);
  const plan = page.getByTestId('public-plan').first();
  await seeText(plan, /年度档案行政检查“双随机、一公开”抽查计划/, 'the published plan on the portal');
  await seeText(plan, /按风险等级分层抽取/, 'the plan says it is stratified by risk tier');
  await seeText(plan, /检查事项清单（37 项）/, 'the item list of the demo checklist');
  await plan.getByRole('button', { name: /检查事项清单（/ }).click();
  await seeText(plan.getByTestId('public-plan-items'), /档案法/, 'each item with its legal basis');
  await plan.getByRole('button', { name: /执法检查人员（/ }).click();
  await seeText(plan.getByTestId('public-plan-inspectors'), /\d{6,}/, 'the inspectors with their certificate numbers');
  assertEqual(await page.getByTestId('side-menu').count(), 0, 'back-office menu on the public plans page');
  await page.getByTestId('portal-nav').getByText('抽取公示').click();

  // 3. The public list and the demo draw, without signing in.
  await page.waitForURL(/\/public\/draws$/);
  await see(page.getByTestId('public-draws').locator('tbody tr.ant-table-row'), 'a published draw on the public page');
  assert(/\/public\/draws$/.test(page.url()), `the public page stays public (url ${page.url()})`);
  assertEqual(await page.getByTestId('side-menu').count(), 0, 'back-office menu on the public page');
  await page.getByTestId('public-draw-link').first().click();
  await page.waitForURL(/\/public\/draws\/[0-9a-f-]{36}$/);
  const titles = await seeVerified(page, 'the demo draw');
  assert(
    titles.some((t) => t.startsWith('分层')),
    `the demo draw (stratified by risk tier) shows each stratum (got ${titles.join(' | ')})`,
  );
  await see(page.getByTestId('raw-json'), 'the raw JSON record');
  await see(page.getByTestId('download-json'), 'the download button');
  // The same record verifies with the algorithm run outside the page.
  const demoId = page.url().split('/').pop()!;
  const record = (await (await page.request.get(`${baseUrl}/api/public/draws/${demoId}`)).json()) as unknown;
  assert((await verifyDraw(record)).ok, 'the demo record verifies in Node as well');

  // 4. Signed in once: a new draw of the demo plan with a public value.
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  await page.getByTestId('side-menu').getByText('行政检查').click();
  await page.getByTestId('side-menu').getByText('双随机抽取').click();
  await see(page.getByTestId('draws-table').locator('tbody tr.ant-table-row'), 'the demo draw in the back office');
  await page.getByTestId('new-draw').click();
  const form = page.getByTestId('draw-form');
  await see(form, 'the new-draw form');
  await form.getByText('公开随机值（如彩票开奖号码）').click();
  await form.getByLabel('公开随机值名称').fill('体彩排列五');
  await page.getByRole('button', { name: '冻结名单' }).click();
  await page.waitForURL(/\/inspection\/draws\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await seeText(page.getByTestId('draw-status'), /名单已冻结/, 'the new draw status');
  const frozenHash = await seeText(page.getByTestId('list-hash'), /^[0-9a-f]{64}$/, 'the frozen list hash');
  const newId = page.url().split('/').pop()!;

  await page.getByTestId('execute-draw').click();
  await page.getByLabel('公开随机值：体彩排列五').fill(ENTROPY);
  await page.getByTestId('confirm-execute').click();
  await seeText(page.getByTestId('draw-status'), /已抽取/, 'the status after execution');
  await see(page.getByTestId('team-member'), 'the drawn units with their teams');
  await seeText(page.getByTestId('server-verification'), /记录校验通过/, "the server's verification");
  await page.getByTestId('publish-draw').click();
  await page.getByRole('button', { name: /^公\s*布$/ }).click();
  await seeText(page.getByTestId('draw-status'), /已公布/, 'the status after publication');
  await seeText(page.getByTestId('list-hash'), new RegExp(`^${frozenHash}$`), 'the list hash is unchanged by the draw');

  // 5. The public page verifies it, with the public value as its entropy.
  await page.goto(`${baseUrl}/public/draws/${newId}`);
  await seeVerified(page, 'the new draw');
  await seeText(page.getByTestId('public-entropy'), new RegExp(`^${ENTROPY}$`), 'the public value as entropy');

  // 6. A redraw needs a reason; the old draw stays, tagged 已被重抽.
  await page.goto(`${baseUrl}/inspection/draws/${newId}`);
  await page.getByTestId('redraw').click();
  await see(form, 'the redraw form');
  await page.getByRole('button', { name: '冻结名单' }).click();
  await see(form.getByText('请填写重新抽取的理由'), 'the message asking for a reason');
  await form.getByLabel('重新抽取理由').fill('计划检查日期调整，重新抽取');
  await page.getByRole('button', { name: '冻结名单' }).click();
  await page.waitForURL((u) => /\/inspection\/draws\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(newId), { timeout: 15_000 });
  await seeText(page.locator('.ant-alert'), /取代/, 'the redraw names the draw it replaces');
  await page.goto(`${baseUrl}/inspection/draws/${newId}`);
  await see(page.getByTestId('superseded-tag'), 'the 已被重抽 tag on the old draw');
  await seeText(page.getByTestId('draw-status'), /已公布/, 'the old draw is still published');

  // 7. Checklist versions: a published version is read-only; a new draft is edited, saved and published.
  await page.goto(`${baseUrl}/inspection/checklists`);
  await page.getByTestId('checklist-link').filter({ hasText: '机关档案工作目标管理考评表' }).click();
  await seeText(page.getByTestId('version-status'), /已发布 · 只读/, 'the published version is read-only');
  await page.getByTestId('new-draft').click();
  await seeText(page.getByTestId('version-status'), /草稿（可修改）/, 'the new draft version');
  const rows = page.getByTestId('version-items').locator('tbody tr.ant-table-row');
  await see(rows, 'the items carried over into the draft');
  const before = await rows.count();
  await rows.first().getByRole('button', { name: '下移' }).click();
  await rows.last().getByRole('button', { name: '移除' }).click();
  assertEqual(await rows.count(), before - 1, 'items after removing one');
  await page.getByTestId('save-version').click();
  await see(page.getByText(`已保存第 2 版的 ${before - 1} 项`), 'the save confirmation');
  await page.getByTestId('publish-version').click();
  await page
    .getByRole('button', { name: /^发\s*布$/ })
    .last()
    .click();
  await seeText(page.getByTestId('version-status'), /已发布 · 只读/, 'the draft once published');

  // 8. The demo evaluation shows its grade (RULES.md §3).
  await page.goto(`${baseUrl}/inspection/evaluations`);
  await seeText(page.getByTestId('evaluations-table').getByTestId('grade'), /^(优秀|良好|合格|不合格)$/, 'the grade of the demo evaluation');
  // …and the unit it evaluated, by name
  await seeText(
    page.getByTestId('evaluations-table').locator('tbody tr').first(),
    /单位|学校|医院|局|公司|中心|馆/,
    'the evaluated unit of the demo evaluation',
  );
}
