/** What every browser flow gets, and small helpers they share. */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

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
    last = (await locator.first().textContent().catch(() => '')) ?? '';
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
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await see(page.getByRole('heading', { name: '用户登录' }), 'the sign-in page after signing out');
}

/** The labels of the left menu's first level (pages and group titles), in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('ul.ant-menu-root > li.ant-menu-item, ul.ant-menu-root > li.ant-menu-submenu > .ant-menu-submenu-title');
  await see(items, 'the left menu items');
  return (await items.allTextContents()).map((t) => t.trim());
}
