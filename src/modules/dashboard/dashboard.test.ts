import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-02-18T02:00:00Z' }); // 10:00 Beijing time, 2025-02-18
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
});
afterAll(async () => env.close());

describe('工作台: my due and overdue items', () => {
  it('shows the admin the expired and the expiring certificate of the demo inspectors', async () => {
    const r = (await admin.get('/api/dashboard')).json();
    // The demo draw's inspections (planned 2025-03-04) each carry a running notice clock, counted apart below.
    const notices = r.items.filter((i: { kind: string }) => i.kind === 'inspection.notice').length;
    expect(notices).toBeGreaterThanOrEqual(7);
    expect(r.counts).toEqual({ overdue: 1, dueSoon: 1, running: notices });
    r.items = r.items.filter((i: { kind: string }) => i.kind !== 'inspection.notice');
    expect(r.items.map((i: { kind: string; state: string; daysLeft: number; due: string }) => [i.kind, i.state, i.daysLeft, i.due])).toEqual([
      ['certificate', 'overdue', -20, '2025-01-29'],
      ['certificate', 'due_soon', 20, '2025-03-10'],
    ]);
    expect(r.items[0].label).toMatch(/高海燕 的执法证（\d+）已过期/);
  });

  it('shows a statutory clock with its explanation, and nothing to a user with no items', async () => {
    const org = setup.org.id;
    await env.database.pool.query(
      `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec) VALUES ($1, 'disclosure', 'GK-2025-001', 'disclosure.reply', '依申请公开答复期限（GK-2025-001）', $2)`,
      [org, JSON.stringify({ start: '2025-01-20', period: 20, unit: 'working' })],
    );
    const r = (await admin.get('/api/dashboard')).json();
    const clock = r.items.find((i: { kind: string }) => i.kind === 'disclosure.reply');
    // 2025-01-20 + 20 working days = 2025-02-21; on 02-18 three working days remain (19, 20, 21).
    expect(clock).toMatchObject({ due: '2025-02-21', daysLeft: 3, state: 'due_soon', entityId: 'GK-2025-001' });
    expect(clock.explanation.join('\n')).toMatch(/春节/);

    const inspector = await signInDemo(env.app, setup, 'inspector');
    const mine = (await inspector.get('/api/dashboard')).json();
    // the demo inspector's own certificate is valid; the clock is unassigned so it shows to everyone in the org
    expect(mine.items.map((i: { kind: string }) => i.kind).filter((k: string) => k !== 'inspection.notice')).toEqual(['disclosure.reply']);

    const county = await signInDemo(env.app, setup, 'county.admin');
    expect((await county.get('/api/dashboard')).json()).toEqual({ items: [], counts: { overdue: 0, dueSoon: 0, running: 0 } });
  });

  it('keeps working when a clock runs into a year whose calendar is not entered', async () => {
    await env.database.pool.query(
      `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec) VALUES ($1, 'disclosure', 'GK-2026-999', 'disclosure.reply', '依申请公开答复期限（GK-2026-999）', $2)`,
      [setup.org.id, JSON.stringify({ start: '2026-12-20', period: 20, unit: 'working' })],
    );
    const r = await admin.get('/api/dashboard');
    expect(r.statusCode).toBe(200);
    const item = r.json().items.find((i: { entityId: string }) => i.entityId === 'GK-2026-999');
    expect(item).toMatchObject({ due: null, daysLeft: null, state: 'running', kindLabel: '依申请公开答复' });
    expect(item.explanation[0]).toMatch(/2027年的节假日安排尚未录入/);
  });
});
