/** 复议、诉讼 register through HTTP: create, update with the closing rules, list filters, roles, tenancy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, countRows, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let legal: Client;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-20T02:00:00Z' });
  ({ setup } = await setupOrg(env.app, { demo: true }));
  legal = await signInDemo(env.app, setup, 'legal');
});
afterAll(async () => env.close());

describe('disputes', () => {
  it('creates a case, closes it with an outcome, and refuses inconsistent closings naming the field', async () => {
    const created = await legal.post('/api/disputes', {
      kind: 'reconsideration',
      filedOn: '2025-02-10',
      caseNo: '测复〔2025〕3号',
      subject: '对政府信息公开答复不服',
    });
    expect(created.statusCode, created.body).toBe(200);
    const d = created.json();
    expect(d).toMatchObject({ kind: 'reconsideration', kindLabel: '行政复议', outcome: 'pending', outcomeLabel: '尚未审结', closedOn: null });

    const early = await legal.patch(`/api/disputes/${d.id}`, { outcome: 'upheld', closedOn: '2025-02-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('closedOn');
    const noDate = await legal.patch(`/api/disputes/${d.id}`, { outcome: 'corrected' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.fields).toHaveProperty('closedOn');
    const badKind = await legal.post('/api/disputes', { kind: 'appeal', filedOn: '2025-02-10' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.fields).toHaveProperty('kind');

    const closed = await legal.patch(`/api/disputes/${d.id}`, { outcome: 'corrected', closedOn: '2025-03-15' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'corrected', outcomeLabel: '纠正', closedOn: '2025-03-15' });
    const events = await env.database.pool.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [d.id]);
    expect(events.rows.map((e: { action: string }) => e.action)).toEqual(['dispute.create', 'dispute.update']);

    expect((await legal.get('/api/disputes?outcome=corrected')).json().total).toBe(1);
    expect((await legal.get('/api/disputes?kind=litigation_direct')).json().total).toBe(0);
  });

  it('lets the leader read but not change; another org gets 404', async () => {
    const leader = await signInDemo(env.app, setup, 'leader');
    expect((await leader.get('/api/disputes')).json().total).toBe(1);
    const n = await countRows(env, 'disputes');
    expect((await leader.post('/api/disputes', { kind: 'reconsideration', filedOn: '2025-02-10' })).statusCode).toBe(403);
    expect(await countRows(env, 'disputes')).toBe(n);
    const county = await signInDemo(env.app, setup, 'county.admin');
    const id = (await legal.get('/api/disputes')).json().items[0].id;
    expect((await county.get(`/api/disputes/${id}`)).statusCode).toBe(404);
  });

  it('documents the disclosure and disputes endpoints in the OpenAPI description', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/disputes',
      '/api/disputes/import',
      '/api/disclosure/applications',
      '/api/disclosure/annual-reports/{year}/tables',
      '/api/public/disclosure/applications/{trackingCode}',
    ])
      expect(paths).toContain(p);
  });
});
