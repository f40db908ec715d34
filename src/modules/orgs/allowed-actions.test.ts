/**
 * Every org, user and unit the API sends carries what the signed-in actor may do with it
 * (`allowedActions`), so pages offer only what the server accepts. Demo data: the city bureau (admin,
 * superior …) with the 示例区档案局 below it (county.admin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

type Node = { id: string; name: string; allowedActions: string[]; children: Node[] };
type Row = { id: string; username?: string; name?: string; status?: string; allowedActions: string[] };

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const signIn = (u: string) => signInDemo(env.app, setup, u);

beforeAll(async () => {
  env = await createTestEnv();
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
});
afterAll(async () => env.close());

describe('allowedActions', () => {
  it('org tree: the admin edits its own org and creates below it; a county creates nothing below; a superior only reads', async () => {
    const [city] = (await admin.get('/api/orgs')).json().items as Node[];
    expect(city!.allowedActions).toEqual(['edit', 'createChild']);
    expect(city!.children.map((c) => c.allowedActions)).toEqual([[]]);
    const [county] = (await (await signIn('county.admin')).get('/api/orgs')).json().items as Node[];
    expect(county!.allowedActions).toEqual(['edit']);
    const [seen] = (await (await signIn('superior')).get('/api/orgs')).json().items as Node[];
    expect(seen!.allowedActions).toEqual([]);
  });

  it('users: the admin manages its org’s accounts but never disables itself; a descendant’s accounts are read only', async () => {
    const users = (await admin.get('/api/users?pageSize=50')).json().items as Row[];
    const by = (u: string) => users.find((x) => x.username === u)!.allowedActions;
    expect(by('admin')).toEqual(['edit', 'resetPassword', 'notice']);
    expect(by('legal')).toEqual(['edit', 'disable', 'resetPassword', 'notice']);
    const legal = users.find((x) => x.username === 'legal')!;
    expect((await admin.post(`/api/users/${legal.id}/disable`)).json().allowedActions).toEqual(['edit', 'enable', 'resetPassword', 'notice']);

    const [county] = (await admin.get('/api/orgs')).json().items[0].children as Node[];
    const theirs = (await admin.get(`/api/users?orgId=${county!.id}`)).json().items as Row[];
    expect(theirs.length).toBeGreaterThan(0);
    for (const u of theirs) expect(u.allowedActions).toEqual([]);
    expect((await (await signIn('superior')).get(`/api/users/${legal.id}`)).json().allowedActions).toEqual([]);
  });

  it('units: whoever keeps the directory edits its own org’s units, not a descendant’s', async () => {
    const own = (await admin.get('/api/units?pageSize=1')).json().items as Row[];
    expect(own[0]!.allowedActions).toEqual(['edit']);
    expect((await admin.get(`/api/units/${own[0]!.id}`)).json().allowedActions).toEqual(['edit']);
    const inspector = await signIn('inspector');
    expect((await inspector.get(`/api/units/${own[0]!.id}`)).json().allowedActions).toEqual(['edit']);
    const staff = await signIn('staff');
    expect((await staff.get(`/api/units/${own[0]!.id}`)).json().allowedActions).toEqual([]);

    const [county] = (await admin.get('/api/orgs')).json().items[0].children as Node[];
    const theirs = (await admin.get(`/api/units?orgId=${county!.id}&pageSize=1`)).json().items as Row[];
    expect(theirs[0]!.allowedActions).toEqual([]);
    expect((await admin.get(`/api/units/${theirs[0]!.id}`)).json().allowedActions).toEqual([]);
  });
});
