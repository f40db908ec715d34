/**
 * Sign-in limits through HTTP: no account-existence oracle, the back-off schedule on an injected
 * clock, per-address counting (one address locks only itself out; a flood from many never locks out
 * the usual address), the per-address budget, and X-Forwarded-For believed only from TRUST_PROXY.
 * Each part signs in from its own addresses (`remoteAddress`), as the login route allows 30 a minute per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
const PASSWORDS: Record<string, string> = {
  wang: 'Wang-Pass-2024',
  zhao: 'Zhao-Pass-2024',
  qian: 'Qian-Pass-2024',
  sun: 'Sun-Pass-2024x',
  lisi: 'Li-Pass-2024xy',
};

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  admin = (await setupOrg(env.app)).client;
  for (const [username, password] of Object.entries(PASSWORDS))
    ok(await admin.post('/api/users', { username, displayName: username, password, roles: ['staff'] }));
});
afterAll(async () => env.close());

/** One sign-in from `address` (a fresh browser), as status, code and message. */
async function attempt(address: string, username: string, password: string, headers: Record<string, string> = {}) {
  const r = await new Client(env.app, { remoteAddress: address }).request('POST', '/api/auth/login', { username, password }, headers);
  const err = r.statusCode === 200 ? null : (r.json() as { error: { code: string; message: string } }).error;
  return { status: r.statusCode, code: err?.code ?? 'ok', message: err?.message ?? '' };
}
const line = (a: { status: number; code: string; message: string }) => `${a.status} ${a.code} ${a.message}`;

async function freshAdmin(): Promise<Client> {
  const c = new Client(env.app);
  ok(await c.login('admin', 'Admin-Pass-2024'));
  return c;
}

async function timeline(username: string) {
  const a = await freshAdmin();
  const [u] = ok<{ items: { id: string; lockedUntil: string | null }[] }>(await a.get(`/api/users?q=${username}`)).items;
  const items = ok<{ items: { action: string; after: Record<string, unknown> }[] }>(await a.get(`/api/audit/timeline?entityType=user&entityId=${u!.id}`)).items;
  return { user: u!, items };
}

describe('no account-existence oracle', () => {
  it('answers an unknown username exactly like a wrong password: message, code, status, then the lock', async () => {
    env.setNow('2025-03-04T01:00:00Z');
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 1; i <= 5; i++) {
      known.push(line(await attempt('10.1.0.1', 'wang', `Wrong-pass-${i}`)));
      unknown.push(line(await attempt('10.1.0.2', 'nobody', `Wrong-pass-${i}`)));
    }
    // the right password while locked, and any password for the name that is no account
    known.push(line(await attempt('10.1.0.1', 'wang', PASSWORDS.wang!)));
    unknown.push(line(await attempt('10.1.0.2', 'nobody', PASSWORDS.wang!)));
    expect(unknown).toEqual(known);
    expect(known).toEqual([
      '401 unauthenticated 用户名或密码错误（再失败 4 次将锁定账号）',
      '401 unauthenticated 用户名或密码错误（再失败 3 次将锁定账号）',
      '401 unauthenticated 用户名或密码错误（再失败 2 次将锁定账号）',
      '401 unauthenticated 用户名或密码错误（再失败 1 次将锁定账号）',
      '423 locked 连续 5 次登录失败，账号已锁定 15 分钟',
      '423 locked 连续登录失败次数过多，账号已锁定，请 15 分钟后再试',
    ]);
  });

  it('a disabled account answers a wrong password like any other; only the right one hears it is disabled', async () => {
    env.setNow('2025-03-04T02:00:00Z');
    const a = await freshAdmin();
    const [sun] = ok<{ items: { id: string }[] }>(await a.get('/api/users?q=sun')).items;
    ok(await a.post(`/api/users/${sun!.id}/disable`));
    expect(line(await attempt('10.1.1.1', 'sun', 'Wrong-pass-1'))).toBe(line(await attempt('10.1.1.2', 'nobody.else', 'Wrong-pass-1')));
    expect(line(await attempt('10.1.1.1', 'sun', PASSWORDS.sun!))).toBe('401 unauthenticated 账号已停用，请联系系统管理员');
  });

  it('hashes a password for an unknown username too: both answers take the same time class', async () => {
    env.setNow('2025-03-04T03:00:00Z');
    const time = async (username: string, address: string) => {
      const t = performance.now();
      await attempt(address, username, 'Wrong-pass-x');
      return performance.now() - t;
    };
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < 4; i++) {
      knownMs.push(await time('lisi', `10.1.2.${i}`));
      unknownMs.push(await time('no.such.user', `10.1.3.${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknownMs) / median(knownMs);
    expect(ratio, `unknown ${unknownMs.map(Math.round)} ms vs known ${knownMs.map(Math.round)} ms`).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});

describe('back-off: each lock in a row lasts twice as long, up to the cap (injected clock)', () => {
  it('locks 10, 20, 40, 60, 60 minutes; a quiet hour forgets; a successful sign-in starts over', async () => {
    env.setNow('2025-03-05T00:00:00Z');
    const a = await freshAdmin();
    ok(await a.put('/api/settings', { loginMaxFailures: 3, loginLockMinutes: 10, loginLockMaxMinutes: 60 }));
    const MIN = 60_000;
    let t = new Date('2025-03-05T01:00:00Z').getTime();
    const lockAfterThree = async () => {
      let last = '';
      for (let i = 0; i < 3; i++) {
        env.setNow(new Date(t + i * 1000));
        last = line(await attempt('10.2.0.1', 'zhao', `Wrong-pass-${i}`));
      }
      return last;
    };
    const rows: [lock: number, minutes: number, probe: boolean][] = [
      [1, 10, true],
      [2, 20, true],
      [3, 40, false],
      [4, 60, false], // the cap
      [5, 60, false],
    ];
    for (const [lock, minutes, probe] of rows) {
      expect(await lockAfterThree(), `lock ${lock}`).toBe(`423 locked 连续 3 次登录失败，账号已锁定 ${minutes} 分钟`);
      if (probe) {
        env.setNow(new Date(t + minutes * MIN - 30_000)); // the right password half a minute before the end
        expect(line(await attempt('10.2.0.1', 'zhao', PASSWORDS.zhao!))).toBe('423 locked 连续登录失败次数过多，账号已锁定，请 1 分钟后再试');
      }
      t += minutes * MIN + 2000; // just after the lock ends
    }
    // quiet for more than the cap (an hour) after the last lock ended: the level is forgotten
    t += 61 * MIN;
    expect(await lockAfterThree()).toBe('423 locked 连续 3 次登录失败，账号已锁定 10 分钟');
    t += 10 * MIN + 2000;
    expect(await lockAfterThree()).toBe('423 locked 连续 3 次登录失败，账号已锁定 20 分钟');
    // after that lock, the right password signs in, and the next lock is the first again
    t += 20 * MIN + 2000;
    env.setNow(new Date(t));
    expect(line(await attempt('10.2.0.1', 'zhao', PASSWORDS.zhao!))).toBe('200 ok ');
    t += 5000;
    expect(await lockAfterThree()).toBe('423 locked 连续 3 次登录失败，账号已锁定 10 分钟');
    env.setNow(new Date(t + MIN));
    ok(await (await freshAdmin()).put('/api/settings', { loginMaxFailures: 5, loginLockMinutes: 15, loginLockMaxMinutes: 1440 }));
  });
});

describe('per-address limits', () => {
  it('an attacker at one address locks only that address out; the user signs in from the usual one and from a new one', async () => {
    env.setNow('2025-03-06T01:00:00Z');
    expect(line(await attempt('10.3.0.5', 'qian', PASSWORDS.qian!))).toBe('200 ok '); // her usual address
    for (let i = 1; i <= 5; i++) await attempt('10.3.0.66', 'qian', `Wrong-pass-${i}`);
    expect((await attempt('10.3.0.66', 'qian', PASSWORDS.qian!)).status).toBe(423);
    expect(line(await attempt('10.3.0.5', 'qian', PASSWORDS.qian!))).toBe('200 ok ');
    expect(line(await attempt('10.3.0.77', 'qian', PASSWORDS.qian!))).toBe('200 ok '); // one address never locks the account
    const { items } = await timeline('qian');
    const locked = items.filter((e) => e.action === 'auth.locked');
    expect(locked.at(-1)?.after).toMatchObject({ ip: '10.3.0.66', scope: 'pair', locks: 1 });
  });

  it('a flood from many addresses locks the account for unknown addresses, never for the usual one, with back-off', async () => {
    env.setNow('2025-03-07T01:00:00Z');
    const MIN = 60_000;
    const t0 = new Date('2025-03-07T01:00:00Z').getTime();
    const flood = async (from: number) => {
      const out: string[] = [];
      for (let i = from; i < from + 5; i++) out.push(line(await attempt(`10.4.0.${i}`, 'qian', `Wrong-pass-${i}`)));
      return out;
    };
    const first = await flood(1);
    expect(first.slice(0, 4)).toEqual(Array(4).fill('401 unauthenticated 用户名或密码错误（再失败 4 次将锁定账号）'));
    expect(first[4]).toBe('423 locked 登录失败次数过多，账号已锁定 15 分钟');
    // a new address is shut out, the usual one is not, while the flood goes on
    expect(line(await attempt('10.4.1.1', 'qian', PASSWORDS.qian!))).toBe('423 locked 连续登录失败次数过多，账号已锁定，请 15 分钟后再试');
    expect((await flood(10)).every((l) => l.startsWith('423'))).toBe(true);
    expect(line(await attempt('10.3.0.5', 'qian', PASSWORDS.qian!))).toBe('200 ok ');
    // the lock ends; the flood locks again, twice as long; the usual address still signs in
    env.setNow(new Date(t0 + 16 * MIN));
    expect((await flood(20))[4]).toBe('423 locked 登录失败次数过多，账号已锁定 30 分钟');
    expect(line(await attempt('10.3.0.5', 'qian', PASSWORDS.qian!))).toBe('200 ok ');
    const { user, items } = await timeline('qian');
    expect(items.filter((e) => e.action === 'auth.locked').at(-1)?.after).toMatchObject({ ip: '10.4.0.24', scope: 'account', locks: 2 });
    expect(user.lockedUntil).toBe(new Date(t0 + 46 * MIN).toISOString());
  });

  it('one address has a budget of 20 failures over any usernames; then it is refused for every name, others are not', async () => {
    env.setNow('2025-03-08T01:00:00Z');
    const out: string[] = [];
    for (let i = 1; i <= 20; i++) out.push(line(await attempt('10.5.0.1', `guess${i}`, 'Wrong-pass-1')));
    expect(out.slice(0, 19).every((l) => l.startsWith('401'))).toBe(true);
    expect(out[19]).toBe('429 rate_limited 本地址登录失败次数过多，请 15 分钟后再试');
    expect(line(await attempt('10.5.0.1', 'wang', PASSWORDS.wang!))).toBe('429 rate_limited 本地址登录失败次数过多，请 15 分钟后再试');
    expect(line(await attempt('10.5.0.2', 'wang', PASSWORDS.wang!))).toBe('200 ok ');
    env.setNow('2025-03-08T01:16:00Z');
    expect(line(await attempt('10.5.0.1', 'wang', PASSWORDS.wang!))).toBe('200 ok ');
  });
});

describe('X-Forwarded-For', () => {
  it('without TRUST_PROXY a rotating X-Forwarded-For neither gets past the limits nor lands in the record', async () => {
    env.setNow('2025-03-09T01:00:00Z');
    const forged = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });
    // the per-address budget counts the real peer
    const out: string[] = [];
    for (let i = 1; i <= 21; i++) out.push(line(await attempt('10.6.0.1', `rot${i}`, 'Wrong-pass-1', forged(i))));
    expect(out.slice(20)).toEqual(['429 rate_limited 本地址登录失败次数过多，请 15 分钟后再试']);
    // the route's own limit (30 a minute) counts the real peer too
    const statuses: number[] = [];
    for (let i = 1; i <= 31; i++) statuses.push((await attempt('10.6.0.2', 'wang', PASSWORDS.wang!, forged(i))).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    // the portal's public application (10 a minute): the eleventh is refused whatever it claims
    const portal: number[] = [];
    for (let i = 1; i <= 11; i++)
      portal.push((await new Client(env.app, { remoteAddress: '10.6.0.3', headers: forged(i) }).post('/api/public/disclosure/applications', {})).statusCode);
    expect(portal.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(portal[10]).toBe(429);
    // and the record holds the real address
    await attempt('10.6.0.4', 'wang', 'Wrong-pass-9', forged(99));
    const { items } = await timeline('wang');
    expect(items.filter((e) => e.action === 'auth.login_failed').at(-1)?.after).toMatchObject({ ip: '10.6.0.4' });
    expect(items.filter((e) => e.action === 'auth.login').at(-1)?.after).toMatchObject({ ip: '10.6.0.2' });
  });
});

describe('TRUST_PROXY', () => {
  let proxied: TestEnv;
  beforeAll(async () => {
    proxied = await createTestEnv({ now: '2025-03-10T01:00:00Z', trustProxy: ['10.9.0.1', '10.9.1.0/24'] });
    const a = (await setupOrg(proxied.app)).client;
    ok(await a.post('/api/users', { username: 'wang', displayName: '王五', password: PASSWORDS.wang, roles: ['staff'] }));
  });
  afterAll(async () => proxied.close());

  const via = (peer: string, client: string) => new Client(proxied.app, { remoteAddress: peer, headers: { 'x-forwarded-for': client } });

  it('uses and records the forwarded address from a trusted proxy, and the peer from anybody else', async () => {
    ok(await via('10.9.0.1', '203.0.113.7').login('wang', PASSWORDS.wang!));
    ok(await via('10.9.1.20', '203.0.113.8').login('wang', PASSWORDS.wang!));
    ok(await via('10.9.2.1', '203.0.113.9').login('wang', PASSWORDS.wang!)); // not a proxy of ours
    const rows = await proxied.database.pool.query<{ ip: string }>(`SELECT ip FROM sessions ORDER BY created_at, ip`);
    expect(rows.rows.map((r) => r.ip)).toEqual(expect.arrayContaining(['203.0.113.7', '203.0.113.8', '10.9.2.1']));
    const logins = await proxied.database.pool.query<{ ip: string }>(`SELECT after->>'ip' AS ip FROM audit_events WHERE action = 'auth.login' ORDER BY seq`);
    expect(logins.rows.map((r) => r.ip).slice(-3)).toEqual(['203.0.113.7', '203.0.113.8', '10.9.2.1']);
  });

  it('counts the limits per forwarded client: one client locked out, another behind the same proxy not', async () => {
    for (let i = 1; i <= 20; i++) await via('10.9.0.1', '203.0.113.50').login(`guess${i}`, 'Wrong-pass-1');
    expect((await via('10.9.0.1', '203.0.113.50').login('wang', PASSWORDS.wang!)).statusCode).toBe(429);
    expect((await via('10.9.0.1', '203.0.113.51').login('wang', PASSWORDS.wang!)).statusCode).toBe(200);
  });
});
