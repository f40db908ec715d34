/**
 * 下级机构 on the 工作台 (issue 13 §1): an org's accounts see how late each org below theirs is — its
 * open due items overdue and due soon — counted in SQL, and only of the kinds they may read; an org
 * with nothing below shows none. Hand-made: the county bureau of the demo receives two applications,
 * one on 2025-02-10 (reply due 03-10: overdue on 03-20) and one on 03-17 (due 04-15, 清明 4 April off: running).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';
import type { Dashboard } from './contracts.js';

let env: TestEnv;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true }));
  const county = await signInDemo(env.app, setup, 'county.admin');
  for (const receivedOn of ['2025-02-10', '2025-03-17']) {
    const r = await county.post('/api/disclosure/applications', {
      channel: 'letter',
      receivedOn,
      applicantType: 'natural',
      applicantName: '县局申请人',
      content: '某档案',
    });
    expect(r.statusCode, r.body).toBe(200);
  }
});
afterAll(async () => env.close());

const below = async (account: string) => ok<Dashboard>(await (await signInDemo(env.app, setup, account)).get('/api/dashboard')).below;

describe('下级机构 on the 工作台', () => {
  it('shows the county bureau late by one application to the top org’s leader and superior', async () => {
    for (const account of ['leader', 'superior']) {
      const rows = await below(account);
      const county = rows.find((r) => r.orgName.includes('区档案局'));
      expect(county, account).toMatchObject({ depth: expect.any(Number), overdue: 1, open: 2 });
      expect(rows[0]!.overdue).toBeGreaterThanOrEqual(1); // the latest first
    }
  });

  it('counts only the kinds the account may read: the inspector sees no disclosure application below', async () => {
    const county = (await below('inspector')).find((r) => r.orgName.includes('区档案局'));
    expect(county).toMatchObject({ overdue: 0, open: 0 });
  });

  it('is empty for an org with nothing below it', async () => {
    expect(await below('county.admin')).toEqual([]);
  });

  it('opens one org below: its items of the kinds the account may read, the late one first, filtered by state; 404 for an org not below', async () => {
    const leader = await signInDemo(env.app, setup, 'leader');
    const county = ok<Dashboard>(await leader.get('/api/dashboard')).below.find((r) => r.orgName.includes('区档案局'))!;
    type Below = { org: { name: string }; items: { kind: string; label: string; due: string; state: string; daysText: string }[]; total: number };
    const all = ok<Below>(await leader.get(`/api/dashboard/below/${county.orgId}`));
    expect(all.org.name).toBe(county.orgName);
    expect(all.total).toBe(2);
    // hand-checked: received 02-10 → due 03-10 (20 working days), 8 working days late on 03-20; received 03-17 → due 04-15 (4 April is 清明, not a working day)
    expect(all.items.map((i) => [i.kind, i.due, i.state, i.daysText])).toEqual([
      ['disclosure.reply', '2025-03-10', 'overdue', '逾期 8 个工作日'],
      ['disclosure.reply', '2025-04-15', 'running', '剩余 17 个工作日'],
    ]);
    const late = ok<Below>(await leader.get(`/api/dashboard/below/${county.orgId}?state=overdue`));
    expect(late.items.map((i) => i.due)).toEqual(['2025-03-10']);
    expect(late.total).toBe(1);
    // the inspector may read no application: nothing
    expect(ok<Below>(await (await signInDemo(env.app, setup, 'inspector')).get(`/api/dashboard/below/${county.orgId}`)).items).toEqual([]);
    // not below: the own org, and from the county, the city above it
    expect((await leader.get(`/api/dashboard/below/${setup.org.id}`)).statusCode).toBe(404);
    expect((await (await signInDemo(env.app, setup, 'county.admin')).get(`/api/dashboard/below/${setup.org.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/dashboard/below/${county.orgId}?bogus=1`)).statusCode).toBe(400);
  });
});
