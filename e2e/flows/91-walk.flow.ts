/**
 * (issue 13, "I will check") The walk per role at three sizes. Each demo account signs in and opens
 * every page of its side menu (read from the menu itself), plus one detail of each kind its lists
 * lead to (a unit, an inspector, an inspection, a checklist, a plan, a draw, a referral, an
 * application, the archivist's own inspection); then, signed out, the portal (its home page, apply,
 * track and a tracking result, the annual reports and one report, the plans, the draws and one draw,
 * the results, the 行政执法公示 pages, the 404 and the sign-in page). At 1440×900, 820×1180 and 390×844 each page gets a
 * full-page screenshot (artifacts/walk/) and a scan of what a user reads (the body's text, `title`
 * and `placeholder` attributes) for record ids, JSON, API paths and English keys (camelCase,
 * snake_case, dotted); at 820 and 390 the page must not scroll sideways (tables scroll inside their
 * own container). The other tabs of a detail (its 时间线 …) have their text scanned at 1440. On the
 * phone the admin's menu must open over the page, not squeeze it. The flow fails listing every
 * finding as "role · size · page: text" (also in artifacts/walk/findings.txt).
 *
 * To stay within a couple of minutes: two browser contexts walk the roles side by side, pages open
 * inside the running app (no reload), and a page whose content at 1440 reads exactly as one already
 * walked (another role's identical view of it) takes that walk's findings at all three sizes instead
 * of being resized and photographed again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, AssertionError, api, assert, see, signIn, signOut, type Account, type FlowContext } from '../lib.js';

export const name = '逐角色逐页巡检（1440 / 820 / 390）：无英文键名、JSON、记录 ID，页面不横向溢出';
/** About 1½ minutes on a quiet machine; the limit leaves room for a busy one. */
export const timeout = 240_000;

const SIZES = [
  { tag: '1440', width: 1440, height: 900 },
  { tag: '820', width: 820, height: 1180 },
  { tag: '390', width: 390, height: 844 },
] as const;
type Size = (typeof SIZES)[number];
const WIDE = SIZES[0];

const SHOTS = path.join(ARTIFACTS_DIR, 'walk');
/** Browser pages walking side by side (a third one gains nothing on two CPUs). */
const WALKERS = 2;

/** What a user must never read. */
const RULES: [string, RegExp][] = [
  ['记录 ID', /[0-9a-f]{8}-[0-9a-f]{4}-/gi],
  ['JSON', /[{[]\s*"/g],
  ['API 路径', /\/api\//g],
  ['camelCase', /\b[a-z]+[A-Z][a-zA-Z]*\b/g],
  ['snake_case', /\b[a-z]+_[a-z_]+\b/g],
  ['dotted key', /\b[a-z]+\.[a-z_]+\b/g],
  // package and algorithm names (chinese-days, lantai-draw-v1)
  ['kebab-case', /\b[a-z]+-[a-z][a-z0-9-]*\b/g],
];

/** Latin text pages show on purpose; a match is allowed when one of these matches it. Keep it short and say why. */
const ALLOW: RegExp[] = [
  // file names people download or upload (模板.xlsx, 告知书.docx, the photos of an on-site record)
  /^[a-z]+\.(docx|xlsx|pdf|png|jpe?g)$/i,
];

interface Scan {
  text: string;
  /** The text apart from the frame (the menu and the header name the user). */
  content: string;
  scrollWidth: number;
  innerWidth: number;
  /** The elements sticking out of the viewport (not inside a scrolling container). */
  wide: string[];
}

/** Runs in the page (a string: the e2e code is typed for Node, without the DOM). */
const SCAN = `(() => {
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[title], [placeholder]')) {
    if (!el.getClientRects().length) continue;
    for (const a of ['title', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v) parts.push(v);
    }
  }
  let content = document.body.innerText;
  for (const f of document.querySelectorAll('.app-sider, .app-header')) content = content.replace(f.innerText, '');
  const vw = window.innerWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    return false;
  };
  const name = (el) => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
    return el.tagName.toLowerCase() + (id ? '[' + id + ']' : '') + (cls ? '.' + cls : '') + ' “' + (el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 24) + '”';
  };
  const wide = [];
  if (document.documentElement.scrollWidth > vw + 1) {
    const all = [...document.body.querySelectorAll('*')].filter((el) => !clipped(el));
    // the innermost boxes sticking out of the viewport
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1 || [...el.children].some((c) => c.getBoundingClientRect().right > vw + 1)) continue;
      wide.push(name(el));
      if (wide.length >= 3) break;
    }
    // else the innermost box whose own content (a long word) spills out
    if (!wide.length) {
      const spill = all.filter((el) => el.scrollWidth > el.clientWidth + 1 && el.getBoundingClientRect().left + el.scrollWidth > vw + 1);
      wide.push(...spill.slice(-3).map(name));
    }
  }
  return { text: parts.join('\\n'), content, scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, wide };
})()`;

/** The findings of one page at one size, as "size · label: text" (each offending word once, with its context). */
function findingsOf(scan: Scan, size: Size, label: string): string[] {
  const out = new Map<string, string>();
  for (const [what, re] of RULES) {
    for (const m of scan.text.matchAll(re)) {
      if (ALLOW.some((a) => a.test(m[0])) || out.has(`${what}:${m[0]}`)) continue;
      const at = m.index ?? 0;
      const context = scan.text
        .slice(Math.max(0, at - 16), at + m[0].length + 24)
        .replace(/\s+/g, ' ')
        .trim();
      out.set(`${what}:${m[0]}`, `${size.tag} · ${label}: ${what} “${context}”`);
    }
  }
  if (size.width < WIDE.width && scan.scrollWidth > scan.innerWidth + 1)
    out.set(
      'overflow',
      `${size.tag} · ${label}: 横向溢出 ${scan.scrollWidth}px > ${scan.innerWidth}px${scan.wide.length ? `（${scan.wide.join('；')}）` : ''}`,
    );
  return [...out.values()];
}

/** What the walkers share: the findings, and the pages walked so far (label and content at 1440 → findings). */
interface Walk {
  findings: string[];
  walked: Map<string, Promise<string[]>>;
  /** the findings in the tabs of a page walked so far (by the page's key) */
  tabs: Map<string, Promise<string[]>>;
  shots: number;
  log: (msg: string) => void;
}

/** One browser page walking some roles. */
interface Walker {
  walk: Walk;
  page: Page;
  /** requests in flight */
  pending: () => number;
  baseUrl: string;
}

function walker(walk: Walk, page: Page, baseUrl: string): Walker {
  let n = 0;
  page.on('request', () => n++);
  page.on('requestfinished', () => n--);
  page.on('requestfailed', () => n--);
  return { walk, page, pending: () => n, baseUrl };
}

/**
 * Whether the page still moves: a spinner, a skeleton, or an antd motion under way (the side menu
 * folding its groups away). Finite CSS animations and transitions are run to their end first.
 */
const BUSY = `(() => {
  for (const a of document.getAnimations()) {
    try { if (a.effect && a.effect.getTiming().iterations !== Infinity) a.finish(); } catch { /* not finishable */ }
  }
  return !!document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .page-loading, [class*="-leave-active"], [class*="-enter-active"], [class*="-appear-active"]');
})()`;

/**
 * Until no request is in flight and nothing moves (BUSY), for `calm` ms (10 s at most). After a
 * change of size nothing loads, so a first calm look is enough there (`calm` 0).
 */
async function settle(w: Walker, calm = 60): Promise<void> {
  const t0 = Date.now();
  let calmSince = 0;
  while (Date.now() - t0 < 10_000) {
    const busy = w.pending() > 0 || (await w.page.evaluate<boolean>(BUSY));
    if (busy) calmSince = 0;
    else if (!calmSince) calmSince = Date.now();
    if (calmSince && Date.now() - calmSince >= calm) return;
    await w.page.waitForTimeout(30);
  }
}

/**
 * The layout after a change of size: antd's breakpoints re-render on the next frames, and the
 * transitions they start (the side menu folding) are run to their end, as a screenshot would.
 */
const STILL = `new Promise((done) => requestAnimationFrame(() => {
  for (const a of document.getAnimations()) { try { a.finish(); } catch { /* an endless one (a spinner) */ } }
  requestAnimationFrame(() => done(undefined));
}))`;

async function resize(w: Walker, size: Size): Promise<void> {
  if (w.page.viewportSize()?.width === size.width) return;
  await w.page.setViewportSize({ width: size.width, height: size.height });
  await w.page.evaluate(STILL);
}

/**
 * Opens a path inside the running app, as its own links do (the router follows history.pushState),
 * instead of loading the whole app again.
 */
async function visit(w: Walker, url: string): Promise<void> {
  await w.page.evaluate(`(() => {
    const s = history.state || {};
    history.pushState({ ...s, __TSR_index: (s.__TSR_index || 0) + 1 }, '', ${JSON.stringify(url)});
  })()`);
  await w.page.waitForURL((u) => u.pathname + u.search === url);
}

/** A role walking: its walker, its name and the pages it has seen (for the screenshots' names). */
interface Role {
  w: Walker;
  who: string;
  n: number;
}

/**
 * The current page (at 1440) at each size: scan and screenshot; back to 1440. With `textOnly` (the
 * tabs inside a page), the text at 1440 is scanned and nothing else.
 */
async function check(r: Role, label: string, textOnly = false): Promise<{ key: string; fresh: boolean; found: string[] }> {
  const { w, who } = r;
  const { page, walk } = w;
  const n = ++r.n;
  await settle(w);
  const first = await page.evaluate<Scan>(SCAN);
  const key = `${label}\n${first.content}`;
  let found = walk.walked.get(key);
  const fresh = !found;
  if (!found) {
    found = (async () => {
      if (textOnly) return findingsOf(first, WIDE, label);
      const out: string[] = [];
      const file = `${who}-${String(n).padStart(2, '0')}-${label.replace(/\s*·\s*/g, '-')}`;
      for (const size of SIZES) {
        await resize(w, size);
        await settle(w, 0);
        out.push(...findingsOf(size === WIDE ? first : await page.evaluate<Scan>(SCAN), size, label));
        await page.screenshot({ path: path.join(SHOTS, `${file}-${size.tag}.png`), fullPage: true });
        walk.shots++;
      }
      await resize(w, WIDE);
      await settle(w, 0);
      return out;
    })();
    walk.walked.set(key, found);
  }
  const out = await found;
  walk.findings.push(...out.map((f) => `${who} · ${f}`));
  return { key, fresh, found: out };
}

/**
 * The text of each tab of the drawer or page after its first one (the timelines live there). A page
 * that reads as one already walked has the same tabs: their findings are taken over.
 */
async function tabs(r: Role, label: string, scope: string, parent: { key: string; fresh: boolean }): Promise<void> {
  const { walk, page } = r.w;
  if (!parent.fresh) {
    const known = await walk.tabs.get(parent.key);
    walk.findings.push(...(known ?? []).map((f) => `${r.who} · ${f}`));
    return;
  }
  let done!: (found: string[]) => void;
  walk.tabs.set(parent.key, new Promise((resolve) => (done = resolve)));
  const found: string[] = [];
  try {
    const nav = page.locator(`${scope} .ant-tabs-nav`).first();
    if (!(await nav.count())) return;
    for (const title of (await nav.locator('.ant-tabs-tab:not(.ant-tabs-tab-active)').allTextContents()).map((t) => t.trim())) {
      await nav.locator('.ant-tabs-tab', { hasText: title }).first().click();
      await see(nav.locator('.ant-tabs-tab-active', { hasText: title }), `the tab ${title} of ${label}`);
      found.push(...(await check(r, `${label} · ${title}`, true)).found);
    }
  } finally {
    done(found);
  }
}

/** The side menu's pages, in order: every group opened, each leaf by its label. */
async function menuPages(page: Page): Promise<string[]> {
  const menu = page.getByTestId('side-menu');
  const closed = menu.locator('li.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  for (let n = await closed.count(); n > 0; n--) {
    await closed.first().click();
    await page.waitForTimeout(50);
  }
  await page.evaluate(STILL);
  return (await menu.locator('li.ant-menu-item').allTextContents()).map((t) => t.trim());
}

/** The lists whose rows open a drawer: the drawer's name and the row link's test id. */
const DRAWERS: Record<string, [string, string]> = {
  检查对象名录: ['单位详情', 'unit-name'],
  执法人员名录: ['执法人员详情', 'inspector-name'],
  案件线索: ['线索详情', 'referral-link'],
};

/** The first row's drawer of the list on screen, and its tabs. */
async function drawer(r: Role, list: string): Promise<void> {
  const [what, link] = DRAWERS[list]!;
  const label = `${list} · ${what}`;
  const { page } = r.w;
  const links = page.getByTestId(link);
  if (!(await links.count())) return r.w.walk.log(`${r.who} · ${label}: no record in the list`);
  await links.first().click();
  await see(page.locator('.ant-drawer-open'), `${label} drawer`);
  await tabs(r, label, '.ant-drawer-open', await check(r, label));
  await page.keyboard.press('Escape');
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
}

/** One detail page of each kind the role's lists lead to (the records as the role's own API lists them), and its tabs. */
async function details(r: Role, pages: string[]): Promise<void> {
  const { page, baseUrl } = r.w;
  const http = api(page.request, baseUrl);
  const has = (label: string) => pages.includes(label);
  const pick = async <T extends { id: string }>(url: string, choose?: (items: T[]) => T | undefined) => {
    const items = (await http.get<{ items: T[] }>(url)).items;
    return (choose?.(items) ?? items[0])?.id;
  };
  const open = async (label: string, url: string | undefined) => {
    if (!url) return r.w.walk.log(`${r.who} · ${label}: no record to open in the demo data`);
    await visit(r.w, url);
    await tabs(r, label, 'main', await check(r, label));
  };

  if (has('检查任务')) {
    // the furthest along: its page shows the whole loop
    const order = ['planned', 'notified', 'self_inspected', 'on_site_signed', 'feedback_issued', 'rectifying', 'closed'];
    const id = await pick<{ id: string; status: string }>('/api/inspections?page=1&pageSize=100', (xs) =>
      [...xs].sort((a, b) => order.indexOf(b.status) - order.indexOf(a.status)).at(0),
    );
    await open('检查任务 · 检查详情', id && `/inspection/inspections/${id}`);
  }
  if (has('检查表')) await open('检查表 · 检查表详情', await pick('/api/inspections/checklists').then((id) => id && `/inspection/checklists/${id}`));
  if (has('年度检查计划'))
    await open('年度检查计划 · 计划详情', await pick('/api/inspections/plans?page=1&pageSize=20').then((id) => id && `/inspection/plans/${id}`));
  if (has('双随机抽取'))
    await open('双随机抽取 · 抽取详情', await pick('/api/inspections/draws?page=1&pageSize=20').then((id) => id && `/inspection/draws/${id}`));
  if (has('依申请公开')) {
    // a decided application: its page has the letters and the whole timeline
    const id = await pick<{ id: string; status: string }>('/api/disclosure/applications?page=1&pageSize=100', (xs) => xs.find((x) => x.status === 'decided'));
    await open('依申请公开 · 申请详情', id && `/disclosure/applications/${id}`);
  }
  if (has('检查与整改'))
    await open('检查与整改 · 本单位检查详情', await pick('/api/my/inspections?page=1&pageSize=20').then((id) => id && `/my/inspections/${id}`));
}

/** On a phone the menu opens over the page (not squeezing it) and a tap beside it closes it. */
async function phoneMenu(r: Role): Promise<void> {
  const { w } = r;
  const { page } = w;
  const phone = SIZES[2];
  await resize(w, phone);
  await settle(w, 0);
  const mainWidth = () => page.evaluate<number>(`document.querySelector('main').getBoundingClientRect().width`);
  const before = await mainWidth();
  await page.getByRole('button', { name: '展开菜单' }).click();
  await see(page.getByTestId('side-menu').getByText('工作台'), 'the menu opened on the phone');
  await settle(w, 0);
  await page.screenshot({ path: path.join(SHOTS, `${r.who}-menu-${phone.tag}.png`) });
  const after = await mainWidth();
  if (after < before) r.w.walk.findings.push(`${r.who} · ${phone.tag} · 菜单: 打开菜单后页面被挤压（${before}px → ${after}px）`);
  await page.getByTestId('side-menu-mask').click({ position: { x: phone.width - 20, y: 400 } });
  await see(page.getByRole('button', { name: '展开菜单' }), 'the menu closed by a tap beside it');
  await resize(w, WIDE);
  await settle(w, 0);
}

async function walkRole(w: Walker, who: string, account: Account, renewed: boolean): Promise<void> {
  const { page, baseUrl } = w;
  const t0 = Date.now();
  // after the previous role signed out, the sign-in page is already there
  if (!page.url().endsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await see(page.getByTestId('side-menu'), `the back office after signing in as ${who}`);
  if (renewed) {
    // a reset password must be changed first
    const dialog = page.locator('.ant-modal').filter({ hasText: '请先修改初始密码' });
    await see(dialog, `the forced password change of ${who}`);
    const next = `${account.password}#Walk`;
    await dialog.getByLabel('当前密码').fill(account.password);
    await dialog.getByLabel('新密码', { exact: true }).fill(next);
    await dialog.getByLabel('确认新密码').fill(next);
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
    account.password = next;
  }
  const pages = await menuPages(page);
  assert(pages.length > 0, `${who}: the side menu lists pages`);
  const r: Role = { w, who, n: 0 };
  const menu = page.getByTestId('side-menu');
  for (const label of pages) {
    // a click that lands while the menu still unfolds (back at 1440) is lost: once more then
    for (let attempt = 1; ; attempt++) {
      await menu.locator('li.ant-menu-item', { hasText: label }).first().click();
      try {
        await menu.locator('li.ant-menu-item-selected', { hasText: label }).waitFor({ timeout: 3_000 });
        break;
      } catch {
        if (attempt === 2) throw new AssertionError(`${who}: ${label} is not selected after clicking it in the menu`);
      }
    }
    await check(r, label);
    if (DRAWERS[label]) await drawer(r, label);
  }
  await details(r, pages);
  await visit(w, '/');
  if (who === 'admin') await phoneMenu(r);
  await signOut(page);
  w.walk.log(`${who}: ${r.n} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function walkPortal(w: Walker, trackingCode: string | undefined): Promise<void> {
  const who = '公众';
  const t0 = Date.now();
  const http = api(w.page.request, w.baseUrl);
  const draw = (await http.get<{ items: { id: string }[] }>('/api/public/draws')).items[0]?.id;
  const report = (await http.get<{ items: { id: string }[] }>('/api/public/disclosure/annual-reports')).items[0]?.id;
  const stops: [string, string | undefined][] = [
    ['门户首页', '/public'],
    ['申请政府信息公开', '/public/disclosure/apply'],
    ['查询办理进度', '/public/disclosure/track'],
    ['查询办理进度 · 查询结果', trackingCode && `/public/disclosure/track?code=${encodeURIComponent(trackingCode)}`],
    ['年度报告', '/public/disclosure/reports'],
    ['年度报告 · 报告全文', report && `/public/disclosure/reports/${report}`],
    ['检查计划', '/public/plans'],
    ['抽取公示', '/public/draws'],
    ['抽取公示 · 抽取详情', draw && `/public/draws/${draw}`],
    ['检查结果', '/public/inspections'],
    ['行政执法公示 · 事前公开', '/public/enforcement'],
    ['行政执法公示 · 执法人员', '/public/enforcement/officers'],
    ['行政执法公示 · 执法流程', '/public/enforcement/procedures'],
    ['行政执法公示 · 处罚决定公开', '/public/enforcement/decisions'],
    ['页面不存在', '/public/no-such-page'],
    ['用户登录', '/login'],
  ];
  await w.page.goto(`${w.baseUrl}/public`);
  const r: Role = { w, who, n: 0 };
  for (const [label, url] of stops) {
    if (!url) {
      w.walk.log(`${who} · ${label}: no record to open in the demo data`);
      continue;
    }
    await visit(w, url);
    await check(r, label);
  }
  w.walk.log(`${who}: ${r.n} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: WIDE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

export async function run({ browser, page, baseUrl, state, log }: FlowContext): Promise<void> {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const walk: Walk = { findings: [], walked: new Map(), tabs: new Map(), shots: 0, log };
  const account = (u: string) => {
    const a = state.accounts.find((x) => x.username === u);
    assert(a, `the demo account ${u} (did the setup flow pass?)`);
    return a;
  };

  // As the admin: a tracking code for the portal's tracking page, and the demo accounts an earlier
  // flow locked (05-lockout: 业务科室) reset, so that they can sign in (with a new password).
  await signIn(page, baseUrl, state.admin.username, state.admin.password);
  const http = api(page.request, baseUrl);
  const trackingCode = (await http.get<{ items: { trackingCode: string }[] }>('/api/disclosure/applications?page=1&pageSize=1')).items[0]?.trackingCode;
  const users = (await http.get<{ items: { id: string; username: string; lockedUntil: string | null }[] }>('/api/users?page=1&pageSize=100')).items;
  const renewed = new Set<string>();
  for (const u of users.filter((x) => x.lockedUntil && Date.parse(x.lockedUntil) > Date.now())) {
    const a = state.accounts.find((x) => x.username === u.username);
    if (!a) continue;
    a.password = (await http.send<{ password: string }>('POST', `/api/users/${u.id}/reset-password`, {})).password;
    renewed.add(a.username);
    log(`${a.username} was locked: password reset`);
  }
  await signOut(page);

  // WALKERS browser pages side by side, each taking the next job; the admin (who sees the most) goes first.
  const jobs: ((w: Walker) => Promise<void>)[] = [
    (w) => walkRole(w, 'admin', state.admin, false),
    (w) => walkPortal(w, trackingCode),
    ...['unit', 'inspector', 'staff', 'legal', 'leader', 'superior'].map((u) => (w: Walker) => walkRole(w, u, account(u), renewed.has(u))),
  ];
  await page.setViewportSize(WIDE);
  const others = await Promise.all(Array.from({ length: WALKERS - 1 }, () => newPage(browser)));
  try {
    const ends = await Promise.allSettled(
      [page, ...others].map(async (p) => {
        const w = walker(walk, p, baseUrl);
        for (let job = jobs.shift(); job; job = jobs.shift()) await job(w);
      }),
    );
    for (const end of ends) if (end.status === 'rejected') throw end.reason;
  } finally {
    for (const p of others) await p.context().close();
  }

  log(`${walk.shots} screenshots, ${walk.walked.size} distinct pages`);
  fs.writeFileSync(path.join(SHOTS, 'findings.txt'), walk.findings.join('\n') + '\n');
  assert(walk.findings.length === 0, `${walk.findings.length} findings:\n${walk.findings.join('\n')}`);
}
