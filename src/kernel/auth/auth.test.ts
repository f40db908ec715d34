import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  admin = (await setupOrg(env.app)).client;
  const r = await admin.post('/api/users', { username: 'wang', displayName: '王五', password: 'Wang-Pass-2024', roles: ['staff'] });
  expect(r.statusCode).toBe(200);
});
afterAll(async () => env.close());

describe('sign-in, sessions, lockout', () => {
  it('signs in, reports who I am, signs out', async () => {
    const c = new Client(env.app);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const res = await c.login('wang', 'Wang-Pass-2024');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'lantai_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = (await c.get('/api/auth/me')).json();
    expect(me.user.username).toBe('wang');
    expect(me.user.mustChangePassword).toBe(true);
    expect(me.actions).toContain('unit.read');
    expect(me.actions).not.toContain('user.manage');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a mutating request without the CSRF token', async () => {
    const raw = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wang', password: 'Wang-Pass-2024' } });
    expect(raw.statusCode).toBe(403);
    expect(raw.json().error.code).toBe('csrf');
    const c = new Client(env.app);
    const bad = await c.request('POST', '/api/auth/login', { username: 'wang', password: 'Wang-Pass-2024' }, { 'x-csrf-token': 'forged' });
    expect(bad.statusCode).toBe(403);
  });

  it('expires an idle session after 30 minutes (setting)', async () => {
    env.setNow('2025-03-03T02:00:00Z');
    const c = new Client(env.app);
    await c.login('wang', 'Wang-Pass-2024');
    env.setNow('2025-03-03T02:29:00Z');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    env.setNow('2025-03-03T03:00:00Z'); // 31 min after the last request
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    env.setNow('2025-03-03T02:00:00Z');
  });

  it('locks the account for 15 minutes after 5 failures, counting down the attempts', async () => {
    env.setNow('2025-03-04T01:00:00Z');
    const c = new Client(env.app);
    const msgs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.login('wang', 'wrong-password');
      msgs.push(`${r.statusCode} ${r.json().error.message}`);
    }
    expect(msgs).toEqual([
      '401 用户名或密码错误（再失败 4 次将锁定账号）',
      '401 用户名或密码错误（再失败 3 次将锁定账号）',
      '401 用户名或密码错误（再失败 2 次将锁定账号）',
      '401 用户名或密码错误（再失败 1 次将锁定账号）',
      '423 连续 5 次登录失败，账号已锁定 15 分钟',
    ]);
    const locked = await c.login('wang', 'Wang-Pass-2024');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toBe('连续登录失败次数过多，账号已锁定，请 15 分钟后再试');
    env.setNow('2025-03-04T01:16:00Z');
    expect((await c.login('wang', 'Wang-Pass-2024')).statusCode).toBe(200);
    // the record holds the failures and the lock (the admin signs in again: a day has passed)
    admin = new Client(env.app);
    await admin.login('admin', 'Admin-Pass-2024');
    const users = (await admin.get('/api/users?q=wang')).json().items;
    const tl = (await admin.get(`/api/audit/timeline?entityType=user&entityId=${users[0].id}`)).json().items.map((e: { action: string }) => e.action);
    expect(tl.filter((a: string) => a === 'auth.login_failed')).toHaveLength(4);
    expect(tl).toContain('auth.locked');
  });

  it('an unknown user gets the same message as a wrong password (more in sign-in.test.ts)', async () => {
    const r = await new Client(env.app).login('nobody', 'whatever-Pass-1');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toBe('用户名或密码错误（再失败 4 次将锁定账号）');
  });

  it('enforces the password policy on change', async () => {
    env.setNow('2025-03-05T01:00:00Z');
    const c = new Client(env.app);
    await c.login('wang', 'Wang-Pass-2024');
    const weak = await c.post('/api/auth/password', { current: 'Wang-Pass-2024', next: 'abcdefghijk' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.next).toBe('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
    const wrong = await c.post('/api/auth/password', { current: 'nope', next: 'New-Pass-2025' });
    expect(wrong.json().error.fields.current).toBe('当前密码不正确');
    expect((await c.post('/api/auth/password', { current: 'Wang-Pass-2024', next: 'New-Pass-2025' })).statusCode).toBe(200);
    expect((await new Client(env.app).login('wang', 'New-Pass-2025')).statusCode).toBe(200);
  });
});

describe('HTTP basics', () => {
  it('health tells the public only that the app is up; versions need a session', async () => {
    const h = await env.app.inject({ url: '/api/health' });
    expect(h.statusCode).toBe(200);
    expect(h.json()).toEqual({ status: 'ok' });
    const anon = await env.app.inject({ url: '/api/health/details' });
    expect(anon.statusCode).toBe(401);
    expect(anon.body).not.toMatch(/external|test|v\d+\./);
    const c = new Client(env.app);
    await c.login('admin', 'Admin-Pass-2024');
    const details = (await c.get('/api/health/details')).json();
    expect(details).toEqual({ status: 'ok', database: { kind: 'external', version: 'test' }, node: process.version });
  });

  it('JSON 404 and OpenAPI', async () => {
    const nf = await env.app.inject({ url: '/api/no-such-thing' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error.code).toBe('not_found');
    const spec = (await env.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/calendar/due');
    const docs = await env.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
