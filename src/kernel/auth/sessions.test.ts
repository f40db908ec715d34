/**
 * Sessions through HTTP: the cookie's Secure flag follows COOKIE_SECURE; a session ends on a password
 * change (the others), a role change, a new sign-in in the same browser and after its absolute
 * lifetime; the first-sign-in password change is enforced by the server; the CSRF token is bound to
 * the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, refused, setupOrg, type TestEnv } from '../../test/harness.js';
import { clearSessionCache } from './sessions.js';

let env: TestEnv;
let admin: Client;
const ids: Record<string, string> = {};
const PW: Record<string, string> = { wang: 'Wang-Pass-2024', zhao: 'Zhao-Pass-2024', fresh: 'Fresh-Pass-2024' };

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  admin = (await setupOrg(env.app)).client;
  for (const [username, password] of Object.entries(PW)) {
    ids[username] = ok<{ id: string }>(await admin.post('/api/users', { username, displayName: username, password, roles: ['staff'] })).id;
  }
  // wang and zhao have changed their initial passwords; `fresh` has not
  for (const u of ['wang', 'zhao']) {
    const c = browser();
    ok(await c.login(u, PW[u]!));
    const next = `${PW[u]}!`;
    ok(await c.post('/api/auth/password', { current: PW[u], next }));
    PW[u] = next;
  }
});
afterAll(async () => env.close());

/** A new browser, each at its own address (the login route allows 30 a minute per address). */
let browsers = 0;
const browser = () => new Client(env.app, { remoteAddress: `10.30.${Math.floor(browsers / 250)}.${(browsers++ % 250) + 1}` });

async function signedIn(username: string): Promise<Client> {
  const c = browser();
  ok(await c.login(username, username === 'admin' ? 'Admin-Pass-2024' : PW[username]!));
  return c;
}
const me = async (c: Client) => (await c.get('/api/auth/me')).statusCode;
/** A request carrying only `session` as its session cookie (a session replayed from elsewhere). */
const replay = async (session: string) => (await env.app.inject({ url: '/api/auth/me', headers: { cookie: `lantai_session=${session}` } })).statusCode;

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Lax, and Secure only with COOKIE_SECURE', async () => {
    const r = await browser().login('wang', PW.wang!);
    const plain = r.cookies.find((c) => c.name === 'lantai_session')!;
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(plain.secure).toBeFalsy();

    const secureEnv = await createTestEnv({ cookieSecure: true });
    try {
      const c = new Client(secureEnv.app);
      const csrf = await secureEnv.app.inject({ url: '/api/auth/csrf' });
      expect(csrf.cookies.find((x) => x.name === 'lantai_csrf')?.secure).toBe(true);
      ok(
        await c.post('/api/setup', {
          org: { name: '测试市档案局', level: 'city', regionCode: '110100' },
          admin: { username: 'admin', password: 'Admin-Pass-2024', displayName: '管理员' },
        }),
      );
      const res = await c.login('admin', 'Admin-Pass-2024');
      expect(res.cookies.find((x) => x.name === 'lantai_session')).toMatchObject({ secure: true, httpOnly: true });
    } finally {
      await secureEnv.close();
    }
  });
});

describe('sessions end', () => {
  it('on a password change: every other session of the user; the one that changed stays', async () => {
    env.setNow('2025-03-04T01:00:00Z');
    const [a, b, other] = [await signedIn('wang'), await signedIn('wang'), await signedIn('zhao')];
    const next = 'Wang-Pass-2025#';
    ok(await a.post('/api/auth/password', { current: PW.wang, next }));
    PW.wang = next;
    expect(await me(a)).toBe(200);
    expect(await me(b)).toBe(401);
    expect(await me(other)).toBe(200); // another user's session is not touched
    const left = await env.database.pool.query(`SELECT id FROM sessions WHERE user_id = $1`, [ids.wang]);
    expect(left.rows).toHaveLength(1); // older, idle ones went too
    const rows = await env.database.pool.query(
      `SELECT after FROM audit_events WHERE action = 'user.password_change' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [ids.wang],
    );
    expect(rows.rows[0].after.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    ok(await a.post('/api/auth/logout')); // the kept session still writes (its CSRF token holds)
  });

  it('on a role change by an admin: every session of that user; other edits keep them', async () => {
    env.setNow('2025-03-05T01:00:00Z');
    const a = await signedIn('admin');
    const [z1, z2] = [await signedIn('zhao'), await signedIn('zhao')];
    ok(await a.patch(`/api/users/${ids.zhao}`, { displayName: '赵六' }));
    expect([await me(z1), await me(z2)]).toEqual([200, 200]);
    ok(await a.patch(`/api/users/${ids.zhao}`, { roles: ['staff', 'leader'] }));
    expect([await me(z1), await me(z2)]).toEqual([401, 401]);
    const again = await signedIn('zhao');
    expect(((await again.get('/api/auth/me')).json() as { user: { roles: string[] } }).user.roles).toEqual(['staff', 'leader']);
  });

  it('on a new sign-in in the same browser: the old session of that browser', async () => {
    env.setNow('2025-03-06T01:00:00Z');
    const b = await signedIn('wang');
    const old = b.cookie('lantai_session')!;
    expect(await replay(old)).toBe(200);
    ok(await b.login('zhao', PW.zhao!));
    expect(await replay(old)).toBe(401);
    expect(((await b.get('/api/auth/me')).json() as { user: { username: string } }).user.username).toBe('zhao');
    // the same user signing in again in the same browser: one session, the new one
    const before = b.cookie('lantai_session')!;
    ok(await b.login('zhao', PW.zhao!));
    expect(await replay(before)).toBe(401);
    expect(await me(b)).toBe(200);
    const other = await signedIn('wang'); // another browser keeps its own
    expect(await me(other)).toBe(200);
  });

  it.each([
    ['an active session ends 12 hours after sign-in (default)', null, 12],
    ['the org may set another lifetime', 2, 2],
  ] as [string, number | null, number][])('%s', async (_what, setting, hours) => {
    const start = new Date('2025-03-07T00:00:00Z').getTime() + (setting ?? 0) * 86_400_000;
    env.setNow(new Date(start));
    const a = await signedIn('admin');
    if (setting) ok(await a.put('/api/settings', { sessionMaxHours: setting }));
    const c = await signedIn('wang');
    // busy all along (every 25 minutes, inside the idle timeout)
    let t = start;
    while (t + 25 * 60_000 < start + hours * 3_600_000) {
      t += 25 * 60_000;
      env.setNow(new Date(t));
      expect(await me(c), `at ${(t - start) / 60_000} min`).toBe(200);
    }
    env.setNow(new Date(start + hours * 3_600_000 + 60_000));
    expect(await me(c)).toBe(401);
    if (setting) ok(await (await signedIn('admin')).put('/api/settings', { sessionMaxHours: 12 }));
  });
});

describe('the first-sign-in password change is enforced by the server', () => {
  it.each([
    ['GET', '/api/units', 403],
    ['GET', '/api/dashboard', 403],
    ['GET', '/api/settings', 403],
    ['GET', '/api/health/details', 403],
    ['POST', '/api/units', 403],
    ['GET', '/api/auth/me', 200],
    ['GET', '/api/auth/csrf', 200],
    ['GET', '/api/public/orgs', 200], // the portal: anonymous, as anybody's
  ] as [string, string, number][])('%s %s answers %i until the password is changed', async (method, url, status) => {
    env.setNow('2025-03-10T01:00:00Z');
    const c = browser();
    ok(await c.login('fresh', PW.fresh!));
    const r = await c.request(method, url, method === 'GET' ? undefined : {});
    expect(r.statusCode, r.body).toBe(status);
    if (status === 403) refused(r, 403, null, /^首次登录须先修改初始密码，修改后才能继续操作/);
  });

  it('after the change everything answers; sign-out works before it', async () => {
    env.setNow('2025-03-10T02:00:00Z');
    const quitter = browser();
    ok(await quitter.login('fresh', PW.fresh!));
    ok(await quitter.post('/api/auth/logout'));
    expect(await me(quitter)).toBe(401);
    const c = browser();
    ok(await c.login('fresh', PW.fresh!));
    expect((await c.get('/api/units')).statusCode).toBe(403);
    ok(await c.post('/api/auth/password', { current: PW.fresh, next: 'Fresh-Pass-2025#' }));
    expect((await c.get('/api/units')).statusCode).toBe(200);
    expect(((await c.get('/api/auth/me')).json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
  });
});

describe('the CSRF token is bound to the session', () => {
  it('refuses a token issued to another session, even in the same browser', async () => {
    env.setNow('2025-03-11T01:00:00Z');
    const b = await signedIn('wang');
    const tokenOfWang = ((await b.get('/api/auth/csrf')).json() as { token: string }).token;
    ok(await b.login('wang', PW.wang!));
    // same csrf secret cookie, new session: the old session's token is refused
    refused(await b.request('PUT', '/api/settings', {}, { 'x-csrf-token': tokenOfWang }), 403, null, /CSRF/);
    // another browser's session with this browser's token and secret
    const other = await signedIn('zhao');
    const mine = ((await b.get('/api/auth/csrf')).json() as { token: string }).token;
    const secret = b.cookie('lantai_csrf')!;
    const forged = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `lantai_csrf=${secret}; lantai_session=${other.cookie('lantai_session')}`, 'x-csrf-token': mine },
      payload: {},
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf');
    expect(await me(other)).toBe(200);
    // its own token works
    expect((await b.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': mine })).statusCode).toBe(200);
  });

  it('keeps the anonymous flows working: sign-in and the portal’s public writes take an anonymous token', async () => {
    const c = new Client(env.app, { remoteAddress: '10.20.0.1' });
    const portal = await c.post('/api/public/disclosure/applications', {});
    expect(portal.statusCode).toBe(400); // past CSRF, refused by its contract
    expect(portal.json().error.code).toBe('validation');
    ok(await c.login('wang', PW.wang!));
  });
});

describe('the session cache (issue 12)', () => {
  /** The SQL the app sends through its pool while `fn` runs. */
  async function statements(fn: () => Promise<unknown>): Promise<string[]> {
    const pool = env.database.pool as unknown as { query: (...a: unknown[]) => unknown };
    const original = pool.query;
    const seen: string[] = [];
    pool.query = function (this: unknown, ...args: unknown[]) {
      const q = args[0];
      seen.push(typeof q === 'string' ? q : ((q as { text?: string }).text ?? ''));
      return original.apply(this, args);
    };
    try {
      await fn();
    } finally {
      pool.query = original;
    }
    return seen;
  }

  it('answers a busy session from memory, and touches it once for 50 concurrent requests', async () => {
    env.setNow('2025-03-10T02:00:00Z');
    clearSessionCache(); // earlier tests ended zhao's sessions moments ago (real time): nothing of theirs is cached for 5 s after that
    const c = await signedIn('zhao');
    expect(await me(c)).toBe(200);
    const warm = await statements(async () => {
      for (let i = 0; i < 5; i++) expect(await me(c)).toBe(200);
    });
    expect(warm.filter((q) => /from "sessions"/i.test(q))).toEqual([]);
    // 31 s later (the cache has expired, the last touch is older than 30 s): 50 at once, one read, one UPDATE.
    env.setNow('2025-03-10T02:00:31Z');
    const busy = await statements(async () => {
      const codes = await Promise.all(Array.from({ length: 50 }, () => me(c)));
      expect(new Set(codes)).toEqual(new Set([200]));
      await new Promise((r) => setTimeout(r, 100));
    });
    expect(busy.filter((q) => /^update "sessions"/i.test(q))).toHaveLength(1);
    expect(busy.filter((q) => /from "sessions"/i.test(q))).toHaveLength(1);
  });

  it('an ended session is refused at once although it was cached: disabled, signed out', async () => {
    env.setNow('2025-03-11T02:00:00Z');
    const c = await signedIn('zhao');
    expect(await me(c)).toBe(200);
    const signedOut = c.cookie('lantai_session')!;
    ok(await c.post('/api/auth/logout'));
    expect(await replay(signedOut)).toBe(401);
    const d = await signedIn('zhao');
    expect(await me(d)).toBe(200);
    const a = await signedIn('admin');
    ok(await a.post(`/api/users/${ids.zhao}/disable`));
    expect(await me(d)).toBe(401);
    ok(await a.post(`/api/users/${ids.zhao}/enable`));
  });
});
