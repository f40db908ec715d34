import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env.close());

describe('first run (初始化)', () => {
  it('reports that setup is needed, refuses bad input, sets up once, then refuses', async () => {
    const c = new Client(env.app);
    expect((await c.get('/api/setup/status')).json()).toEqual({ needsSetup: true });

    const weak = await c.post('/api/setup', {
      org: { name: '某市档案局', level: 'city', regionCode: '210800' },
      admin: { username: 'admin', password: 'short', displayName: '管理员' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields['admin.password']).toBe('密码至少 10 位');

    const badRegion = await c.post('/api/setup', {
      org: { name: '某市档案局', level: 'town', regionCode: '21080' },
      admin: { username: 'admin', password: 'Good-Pass-2024', displayName: '管理员' },
    });
    expect(badRegion.statusCode).toBe(400);
    expect(Object.keys(badRegion.json().error.fields).sort()).toEqual(['org.level', 'org.regionCode']);
    expect((await c.get('/api/setup/status')).json()).toEqual({ needsSetup: true });

    const ok = await c.post('/api/setup', {
      org: { name: '某市档案局', level: 'city', regionCode: '210800' },
      admin: { username: 'admin', password: 'Good-Pass-2024', displayName: '管理员' },
      demo: true,
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.org.name).toBe('某市档案局');
    expect(body.demoAccounts.map((a: { role: string }) => a.role).sort()).toEqual(['admin', 'inspector', 'leader', 'legal', 'staff', 'superior', 'unit']);

    const again = await c.post('/api/setup', {
      org: { name: '另一个局', level: 'city', regionCode: '210800' },
      admin: { username: 'admin2', password: 'Good-Pass-2024', displayName: '管理员' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('系统已完成初始化，不能再次初始化');

    expect((await c.login('admin', 'Good-Pass-2024')).statusCode).toBe(200);
    const me = (await c.get('/api/auth/me')).json();
    expect(me.user.roles).toEqual(['admin']);
    const tree = (await c.get('/api/orgs')).json().items;
    expect(tree[0].children.map((o: { name: string }) => o.name)).toEqual(['示例区档案局']);
  });
});

describe('demo data for a county bureau', () => {
  it('seeds the county itself, with no org below it', async () => {
    const e = await createTestEnv();
    try {
      const c = new Client(e.app);
      const r = await c.post('/api/setup', {
        org: { name: '某县档案局', level: 'county', regionCode: '210821' },
        admin: { username: 'admin', password: 'Good-Pass-2024', displayName: '管理员' },
        demo: true,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().demoAccounts.map((a: { username: string }) => a.username)).not.toContain('county.admin');
      await c.login('admin', 'Good-Pass-2024');
      expect((await c.get('/api/orgs')).json().items[0].children).toEqual([]);
      const units = (await c.get('/api/units?pageSize=1')).json();
      expect(units.total).toBe(46);
      expect(units.items[0].name).toMatch(/^某县/);
    } finally {
      await e.close();
    }
  });
});
