/**
 * The demo's past disclosure work (demo.ts), set up on 2026-12-07, counted by hand.
 *
 * One application every 14 days from 2026-12-07 − 520 = Sat 2025-07-05 (→ Mon 07-07): 37 in all, the
 * last three (received 10-26, 11-09, 11-23 of 2026) open. Received in 2025: positions 0–12 (12-20 is a
 * Saturday → 12-22) = 13; none carried in. Answered in 2025: 0–11 (#12's reply falls in January) = 12:
 * 予以公开 6 (#0, #1, #7 after its extension, #9, #10 after its fee, #11), 部分公开 2 (#3, #4 after the
 * third party answered), 不予公开 1 (#6), 无法提供 2 (#2 after its correction, #5 非本机关), 不予处理 1 (#8);
 * carried forward 1. #6's refusal went to reconsideration in 2025 (upheld in 2026: pending on 31 December).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestEnv, createTestEnv, setupOrg, signInDemo, type SetupResponse } from '../../test/harness.js';

const NOW = '2026-12-07T02:00:00Z';
let env: TestEnv;
let admin: Client;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true, demoHistory: true }));
}, 180_000);
afterAll(async () => env?.close());

const q = async (text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows;

describe('demo history of the disclosure module', () => {
  it('holds a year and a half of applications through the services, three still open', async () => {
    const [n] = await q(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE decided_on IS NULL)::int AS open, count(*) FILTER (WHERE correction_sent_on IS NOT NULL)::int AS corrections,
              count(*) FILTER (WHERE jsonb_array_length(consultations) > 0)::int AS consulted, count(*) FILTER (WHERE fee_amount IS NOT NULL)::int AS fees,
              count(*) FILTER (WHERE extension_days IS NOT NULL)::int AS extended, min(received_on)::text AS first
       FROM disclosure_applications WHERE org_id = $1`,
      [setup.org.id],
    );
    expect(n).toEqual({ all: 37, open: 3, corrections: 1, consulted: 1, fees: 1, extended: 1, first: '2025-07-07' });
    // every step is on the record, on its day
    const events = await q(
      `SELECT seq, at, action FROM audit_events WHERE org_id = $1 AND (action LIKE 'disclosure.%' OR action LIKE 'dispute.%') ORDER BY seq`,
      [setup.org.id],
    );
    expect(events.length).toBeGreaterThan(80);
    expect(new Date(events[0].at).toISOString().slice(0, 10)).toBe('2025-07-07');
    const backwards = events.filter((e, i) => i > 0 && new Date(e.at) < new Date(events[i - 1].at));
    expect(backwards.map((e) => `${e.seq} ${e.action}`)).toEqual([]);
    const disputes = await q(`SELECT kind, outcome FROM disputes WHERE org_id = $1 ORDER BY filed_on`, [setup.org.id]);
    expect(disputes).toEqual([
      { kind: 'reconsideration', outcome: 'upheld' },
      { kind: 'litigation_direct', outcome: 'pending' },
    ]);
  });

  it('gives 2025’s report real numbers and a narrative, so the leader can publish it whole', async () => {
    const staff = await signInDemo(env.app, setup, 'staff');
    const t = (await staff.get('/api/disclosure/annual-reports/2025/tables')).json();
    const total = (kind: string) => t.section3.rows.find((r: { kind: string }) => r.kind === kind).cells.total;
    expect([total('received'), total('carried_in'), total('total'), total('carried_out')]).toEqual([13, 0, 12, 1]);
    expect(t.checks.ok).toBe(true);
    expect(t.section4.rows.find((r: { key: string }) => r.key === 'reconsideration').cells).toMatchObject({ pending: 1, total: 1 });
    expect(t.section6.feesCollected.applications).toBe(1);

    const n = (await staff.get('/api/disclosure/annual-reports/2025/narrative')).json();
    expect(n.overview).toContain(
      '全年共收到政府信息公开申请 13 件，上年结转 0 件；办结 12 件，其中予以公开 6 件、部分公开 2 件、不予公开 1 件、无法提供 2 件、不予处理 1 件；结转下年度继续办理 1 件。',
    );
    expect(n.overview).toContain('被申请行政复议 1 件、被提起行政诉讼 0 件');
    expect(n.problems).not.toBe('');
    expect(n.other).toContain('对 1 件政府信息公开申请收取信息处理费');
    expect(n.drafts).toEqual({ overview: null, other: null });

    const leader = await signInDemo(env.app, setup, 'leader');
    const pub = await leader.post('/api/disclosure/annual-reports/2025/publish', {});
    expect(pub.statusCode, pub.body).toBe(200);
  });

  it('puts the open applications on the desk’s 工作台, the oldest late', async () => {
    const staff = await signInDemo(env.app, setup, 'staff', '10.0.0.2');
    const dash = (await staff.get('/api/dashboard?pageSize=100')).json() as { items: { kind: string; state: string }[] };
    const replies = dash.items.filter((i) => i.kind === 'disclosure.reply');
    expect(replies).toHaveLength(3);
    expect(replies.some((i) => i.state === 'overdue')).toBe(true);
    void admin;
  });
});
