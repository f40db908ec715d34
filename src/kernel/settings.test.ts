import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, type TestEnv } from '../test/harness.js';

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv({ now: '2025-06-02T01:00:00Z' });
  admin = (await setupOrg(env.app)).client;
});
afterAll(async () => env.close());

describe('settings', () => {
  it('lists defaults, changes a value with a record, refuses bad values', async () => {
    // never changed: an empty 修改记录, not a missing record
    const me0 = (await admin.get('/api/auth/me')).json();
    const empty = await admin.get(`/api/audit/timeline?entityType=settings&entityId=${me0.org.id}`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ items: [], total: 0 });
    expect((await admin.get(`/api/audit/timeline?entityType=settings&entityId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    const list = (await admin.get('/api/settings')).json().items;
    expect(list.find((s: { key: string }) => s.key === 'sessionIdleMinutes')).toEqual({
      key: 'sessionIdleMinutes',
      label: '会话空闲超时（分钟）',
      value: 30,
      default: 30,
    });
    const bad = await admin.put('/api/settings', { sessionIdleMinutes: 2, unknownKey: 1 });
    expect(bad.statusCode).toBe(400);
    expect((await admin.get('/api/settings')).json().items.find((s: { key: string }) => s.key === 'sessionIdleMinutes').value).toBe(30);
    expect((await admin.put('/api/settings', { sessionIdleMinutes: 10 })).statusCode).toBe(200);
    const me = (await admin.get('/api/auth/me')).json();
    const tl = (await admin.get(`/api/audit/timeline?entityType=settings&entityId=${me.org.id}`)).json().items;
    expect(tl.at(-1)).toMatchObject({ action: 'settings.update' });
    expect(tl.at(-1).before.sessionIdleMinutes).toBe(30);
    expect(tl.at(-1).after.sessionIdleMinutes).toBe(10);
    // the new idle timeout applies: 11 minutes idle signs the admin out
    env.setNow('2025-06-02T01:11:00Z');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('is for admins only', async () => {
    env.setNow('2025-06-03T01:00:00Z');
    const a = new Client(env.app);
    await a.login('admin', 'Admin-Pass-2024');
    await a.post('/api/users', { username: 'leader1', displayName: '局长', password: 'Leader-Pass-2024', roles: ['leader'] });
    const l = new Client(env.app);
    await l.login('leader1', 'Leader-Pass-2024');
    expect((await l.get('/api/settings')).statusCode).toBe(403);
    expect((await l.put('/api/settings', { sessionIdleMinutes: 60 })).statusCode).toBe(403);
  });
});
