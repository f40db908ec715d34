import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

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
    // The demo draw's inspections (planned 2025-03-04) each carry a running notice clock (and the
    // archivist's notified one its 自查表 clock), counted apart below.
    const notices = r.items.filter((i: { kind: string }) => i.kind === 'inspection.notice' || i.kind === 'inspection.self').length;
    expect(notices).toBeGreaterThanOrEqual(7);
    expect(r.counts).toEqual({ overdue: 1, dueSoon: 1, running: notices, paused: 0 });
    expect(r).toMatchObject({ total: notices + 2, page: 1, pageSize: 20 });
    r.items = r.items.filter((i: { kind: string }) => !i.kind.startsWith('inspection.'));
    expect(
      r.items.map((i: { kind: string; state: string; daysLeft: number; due: string; daysText: string }) => [i.kind, i.state, i.daysLeft, i.due, i.daysText]),
    ).toEqual([
      ['certificate', 'overdue', -20, '2025-01-29', '已过期 20 个自然日'],
      ['certificate', 'due_soon', 20, '2025-03-10', '剩余 20 个自然日'],
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
    expect(clock).toMatchObject({ due: '2025-02-21', daysLeft: 3, state: 'due_soon', entityId: 'GK-2025-001', unit: 'working', daysText: '剩余 3 个工作日' });
    expect(clock.explanation.join('\n')).toMatch(/春节/);

    // A due item passes the policy of the record it names: the disclosure desk sees the reply clock,
    // an inspector (no disclosure.read) does not — only the inspections' clocks.
    const staff = await signInDemo(env.app, setup, 'staff');
    expect((await staff.get('/api/dashboard')).json().items.map((i: { kind: string }) => i.kind)).toContain('disclosure.reply');
    const inspector = await signInDemo(env.app, setup, 'inspector');
    const mine = (await inspector.get('/api/dashboard')).json();
    expect(mine.items.map((i: { kind: string }) => i.kind).filter((k: string) => !k.startsWith('inspection.'))).toEqual([]);

    const county = await signInDemo(env.app, setup, 'county.admin');
    expect((await county.get('/api/dashboard')).json()).toEqual({
      calendarNotice: null,
      below: [],
      approvals: [],
      // its own annual report for last year is still to be published (条例第五十条), by its desk
      publications: [expect.objectContaining({ entityType: 'disclosureAnnualReport', entityId: '2024', kindLabel: '年度报告', due: '2025-01-31' })],
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
      counts: { overdue: 0, dueSoon: 0, running: 0, paused: 0 },
    });
  });

  it('dates a clock that runs into a year whose calendar is not entered provisionally (预计)', async () => {
    await env.database.pool.query(
      `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec) VALUES ($1, 'disclosure', 'GK-2026-999', 'disclosure.reply', '依申请公开答复期限（GK-2026-999）', $2)`,
      [setup.org.id, JSON.stringify({ start: '2026-12-20', period: 20, unit: 'working' })],
    );
    const r = await admin.get('/api/dashboard');
    expect(r.statusCode).toBe(200);
    const item = r.json().items.find((i: { entityId: string }) => i.entityId === 'GK-2026-999');
    // 2026-12-20 (Sun) + 20: Dec 21–25, 28–31 (9); 2027-01-01 元旦 (statutory, provisional); Jan 4–8, 11–15 (19), 18 (20).
    expect(item).toMatchObject({ due: '2027-01-18', provisional: true, provisionalYears: [2027], state: 'running', kindLabel: '依申请公开答复' });
    expect(item.provisionalNote).toMatch(/^2027年节假日安排尚未公布/);
    expect(item.explanation.join('\n')).toMatch(/届满日：2027-01-18（星期一），预计/);
  });

  it('pages in SQL, most urgent first; filters by state; counts stay those of every page', async () => {
    // 45 reply clocks of the disclosure desk: 15 overdue, 10 due soon, 20 running, written by SQL alone
    // (no stored snapshot yet: the first read computes it).
    const org = setup.org.id;
    const starts = [...Array(15).fill('2024-12-02'), ...Array(10).fill('2025-01-20'), ...Array(20).fill('2025-02-14')];
    for (const [i, start] of starts.entries()) {
      await env.database.pool.query(
        `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec) VALUES ($1, 'disclosure', $2, 'disclosure.reply', $3, $4)`,
        [org, `P-${i}`, `分页测试（P-${i}）`, JSON.stringify({ start, period: 20, unit: 'working' })],
      );
    }
    const all = ok<{
      items: { key: string; state: string; due: string | null }[];
      total: number;
      counts: { overdue: number; dueSoon: number; running: number; paused: number };
    }>(await admin.get('/api/dashboard?pageSize=200'));
    const rank: Record<string, number> = { overdue: 0, due_soon: 1, running: 2, paused: 3 };
    const order = all.items.map((i) => ({ rank: rank[i.state]!, due: i.due ?? '9999' }));
    expect(order).toEqual([...order].sort((a, b) => a.rank - b.rank || a.due.localeCompare(b.due)));
    expect(all.total).toBe(all.items.length);
    expect(all.counts.overdue + all.counts.dueSoon + all.counts.running + all.counts.paused).toBe(all.total);
    expect(all.counts.overdue).toBeGreaterThanOrEqual(16); // 15 + the expired certificate

    const pages: string[] = [];
    for (let p = 1; p <= Math.ceil(all.total / 20); p++) {
      const r = ok<{ items: { key: string }[]; total: number; page: number; counts: unknown }>(await admin.get(`/api/dashboard?page=${p}&pageSize=20`));
      expect(r).toMatchObject({ total: all.total, page: p, counts: all.counts });
      pages.push(...r.items.map((i) => i.key));
    }
    expect(pages).toEqual(all.items.map((i) => i.key));

    const overdue = ok<{ items: { state: string }[]; total: number }>(await admin.get('/api/dashboard?state=overdue&pageSize=5&page=2'));
    expect(overdue.total).toBe(all.counts.overdue);
    expect(overdue.items).toHaveLength(5);
    expect(overdue.items.every((i) => i.state === 'overdue')).toBe(true);
    // past the last page: no items, the total still right
    expect(ok<{ items: unknown[]; total: number }>(await admin.get('/api/dashboard?page=99'))).toMatchObject({ items: [], total: all.total });

    const big = await admin.get('/api/dashboard?pageSize=201');
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toMatch(/每页最多 200 条/);
    expect((await admin.get('/api/dashboard?state=late')).statusCode).toBe(400);
  });

  it('a clock whose exclusion begins later is recomputed on that day (its stored snapshot goes stale)', async () => {
    await env.database.pool.query(
      `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec) VALUES ($1, 'disclosure', 'X-1', 'disclosure.reply', '中止测试（X-1）', $2)`,
      [setup.org.id, JSON.stringify({ start: '2025-02-10', period: 20, unit: 'working', exclusions: [{ from: '2025-02-20', reason: '征求第三方意见' }] })],
    );
    const find = async (c: Client) =>
      ok<{ items: { entityId: string; state: string; due: string | null }[] }>(await c.get('/api/dashboard?pageSize=200')).items.find(
        (i) => i.entityId === 'X-1',
      );
    expect(await find(admin)).toMatchObject({ state: 'running', due: '2025-03-10' });
    env.setNow('2025-02-21T02:00:00Z');
    try {
      const later = new Client(env.app);
      ok(await later.login('admin', 'Admin-Pass-2024'));
      expect(await find(later)).toMatchObject({ state: 'paused', due: null });
      const [row] = (await env.database.pool.query(`SELECT due, due_paused, due_stale_from FROM clocks WHERE entity_id = 'X-1'`)).rows;
      expect(row).toMatchObject({ due: null, due_paused: true, due_stale_from: null });
    } finally {
      env.setNow('2025-02-18T02:00:00Z');
    }
  });
});
