import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const signIn = (u: string) => signInDemo(env.app, setup, u);

beforeAll(async () => {
  env = await createTestEnv();
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
});
afterAll(async () => env.close());

describe('org tree and departments', () => {
  it('creates a child org below, refuses a level that is not lower, and records both sides', async () => {
    const tree = (await admin.get('/api/orgs')).json().items;
    const top = tree[0];
    const bad = await admin.post('/api/orgs', { parentId: top.id, name: '又一个市局', level: 'city', regionCode: '110100' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.level).toBe('下级机构的层级必须低于上级机构');
    const ok = await admin.post('/api/orgs', { parentId: top.id, name: '北区档案局', level: 'county', regionCode: '110103' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().path).toBe(`${top.path}${ok.json().id}/`);
    const dup = await admin.post('/api/orgs', { parentId: top.id, name: '北区档案局', level: 'county', regionCode: '110103' });
    expect(dup.statusCode).toBe(409);
    const names = (await admin.get('/api/orgs'))
      .json()
      .items[0].children.map((c: { name: string }) => c.name)
      .sort();
    expect(names).toEqual(['北区档案局', '示例区档案局']);
  });

  it('a county admin sees only its own org; the city reads the county but cannot change it', async () => {
    const county = await signIn('county.admin');
    const countyTree = (await county.get('/api/orgs')).json().items;
    expect(countyTree.map((o: { name: string }) => o.name)).toEqual(['示例区档案局']);
    const top = (await admin.get('/api/orgs')).json().items[0];
    expect((await county.get(`/api/orgs/${top.id}`)).statusCode).toBe(404);
    expect((await county.patch(`/api/orgs/${top.id}`, { name: '改名' })).statusCode).toBe(404);

    const countyOrg = countyTree[0];
    expect((await admin.get(`/api/orgs/${countyOrg.id}`)).json().name).toBe('示例区档案局');
    expect((await admin.get(`/api/departments?orgId=${countyOrg.id}`)).json().items).toHaveLength(5);
    expect((await admin.patch(`/api/orgs/${countyOrg.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await county.patch(`/api/orgs/${countyOrg.id}`, { regionCode: '110199' })).statusCode).toBe(200);
  });

  it('superior reads the roll-up; staff cannot manage orgs', async () => {
    const superior = await signIn('superior');
    const tree = (await superior.get('/api/orgs')).json().items;
    expect(tree[0].children).toHaveLength(2);
    expect((await superior.post('/api/departments', { name: '新科室' })).statusCode).toBe(403);
    const staff = await signIn('staff');
    expect((await staff.post('/api/orgs', { parentId: tree[0].id, name: 'x', level: 'county', regionCode: '110111' })).statusCode).toBe(403);
  });

  it('departments: create, rename, duplicate refused', async () => {
    const d = await admin.post('/api/departments', { name: '行政审批科' });
    expect(d.statusCode).toBe(200);
    expect((await admin.post('/api/departments', { name: '行政审批科' })).statusCode).toBe(409);
    expect((await admin.patch(`/api/departments/${d.json().id}`, { name: '办公室' })).statusCode).toBe(409);
    const r = await admin.patch(`/api/departments/${d.json().id}`, { name: '政务服务科' });
    expect(r.json().name).toBe('政务服务科');
    const tl = (await admin.get(`/api/audit/timeline?entityType=department&entityId=${d.json().id}`)).json().items;
    expect(tl.map((e: { action: string }) => e.action)).toEqual(['department.create', 'department.update']);
  });

  it('lists the bureaus publicly (id, name, level) for the portal', async () => {
    const r = await new Client(env.app).get('/api/public/orgs');
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { id: string; name: string; level: string; parentId: string | null }[];
    expect(items[0]).toEqual({ id: setup.org.id, name: '测试市档案局', level: 'city', parentId: null });
    expect(items.map((o) => o.name)).toContain('示例区档案局');
    expect(Object.keys(items[0]!).sort()).toEqual(['id', 'level', 'name', 'parentId']);
  });

  it('the unit role cannot read other records’ timelines', async () => {
    const unit = await signIn('unit');
    const me = (await admin.get('/api/auth/me')).json();
    expect((await unit.get(`/api/audit/timeline?entityType=settings&entityId=${me.org.id}`)).statusCode).toBe(404);
    expect((await unit.get('/api/units')).statusCode).toBe(403);
  });
});
