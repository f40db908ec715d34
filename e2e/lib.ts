/** What every browser flow gets, and small helpers they share. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Where flows put screenshots and logs: E2E_ARTIFACTS, else e2e/artifacts (the runner uses the same rule). */
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS
  ? path.resolve(process.env.E2E_ARTIFACTS)
  : path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

export interface Account {
  username: string;
  password: string;
  role: string;
  displayName: string;
}

/** State handed from one flow to the next (they run in order against one server). */
export interface SharedState {
  admin: Account;
  /** Demo accounts as read from the setup result page. */
  accounts: Account[];
  /** Units created by the import flow. */
  importedUnits: string[];
}

export interface FlowContext {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  state: SharedState;
  log: (msg: string) => void;
}

export interface Flow {
  name: string;
  run: (ctx: FlowContext) => Promise<void>;
  /** Its own time limit in ms (a long walk), instead of the runner's default; E2E_FLOW_TIMEOUT still overrides it. */
  timeout?: number;
}

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

/** Waits until the locator is visible; a readable error names what was awaited. */
export async function see(locator: Locator, what: string, timeout = 15_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new AssertionError(`not shown within ${timeout / 1000}s: ${what}`);
  }
  return locator.first();
}

/** Waits until the locator's text matches. */
export async function seeText(locator: Locator, re: RegExp, what: string, timeout = 15_000): Promise<string> {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeout) {
    last =
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? '';
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new AssertionError(`${what}: expected text matching ${re}, last seen “${last.slice(0, 200)}”`);
}

/** Signs in through the login page and waits for the back office frame. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await see(page.getByTestId('side-menu'), `the back office after signing in as ${username}`);
}

export async function signOut(page: Page): Promise<void> {
  const signInHeading = page.getByRole('heading', { name: '用户登录' });
  // The dropdown opens with an animation; a click that lands while it moves (or while a long page
  // scrolls under the sticky header) is lost, so try again a couple of times before failing.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    try {
      await signInHeading.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch {
      if (attempt === 3) break;
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  await see(signInHeading, 'the sign-in page after signing out');
}

/** The labels of the left menu's first level (pages and group titles), in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('ul.ant-menu-root > li.ant-menu-item, ul.ant-menu-root > li.ant-menu-submenu > .ant-menu-submenu-title');
  await see(items, 'the left menu items');
  return (await items.allTextContents()).map((t) => t.trim());
}

/** Today in Beijing (YYYY-MM-DD), as the server counts it. */
export const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The JSON API through the page's cookies: GET, and POST/PUT with the CSRF header; a non-2xx answer fails the flow. */
export function api(req: APIRequestContext, baseUrl: string) {
  let token: string | null = null;
  const csrf = async () => {
    if (!token) token = ((await (await req.get(`${baseUrl}/api/auth/csrf`)).json()) as { token: string }).token;
    return token;
  };
  return {
    async get<T>(p: string): Promise<T> {
      const r = await req.get(`${baseUrl}${p}`);
      assert(r.ok(), `GET ${p}: ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
    async send<T>(method: 'POST' | 'PUT', p: string, data: unknown): Promise<T> {
      const r = await req.fetch(`${baseUrl}${p}`, { method, headers: { 'x-csrf-token': await csrf() }, data });
      assert(r.ok(), `${method} ${p}: ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}
export type Api = ReturnType<typeof api>;

export interface TeamMember {
  id: string;
  name: string;
}

/**
 * What an ad-hoc inspection on `plannedDate` needs: two active inspectors without any conflict of
 * interest whose certificates outlast the date, and the published inspection checklist version.
 */
export async function teamAndChecklist(http: Api, plannedDate: string): Promise<{ team: TeamMember[]; versionId: string }> {
  const inspectors = await http.get<{ items: { id: string; name: string; status: string; conflictCount: number; certExpiresOn: string }[] }>(
    '/api/inspectors?page=1&pageSize=100',
  );
  const team = inspectors.items.filter((i) => i.status === 'active' && i.conflictCount === 0 && i.certExpiresOn > plannedDate).slice(0, 2);
  assert(team.length === 2, `two inspectors without conflicts (got ${team.length})`);
  const checklists = await http.get<{ items: { kind: string; latestPublished: { id: string } | null }[] }>('/api/inspections/checklists?kind=inspection');
  const versionId = checklists.items.find((c) => c.kind === 'inspection' && c.latestPublished)?.latestPublished?.id;
  assert(versionId, 'a published inspection checklist');
  return { team, versionId };
}

/** The first active unit in the directory with no inspection at all (earlier flows and the demo leave some). */
export async function uninspectedUnit(http: Api): Promise<{ id: string; name: string; type: string; typeLabel: string }> {
  const units = await http.get<{ items: { id: string; name: string; type: string; typeLabel: string }[] }>('/api/units?page=1&pageSize=100&status=active');
  for (const u of units.items) {
    if ((await http.get<{ total: number }>(`/api/inspections?unitId=${u.id}&page=1&pageSize=1`)).total === 0) return u;
  }
  throw new AssertionError('a unit that has not been inspected yet');
}
