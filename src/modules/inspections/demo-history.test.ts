/**
 * The demo's past inspection work (demo-history.ts), set up on 2025-11-20, counted by hand.
 *
 * Dates (State Council 2025 schedule: 清明 04-04…06 off; 劳动节 05-01…05 off, Sunday 04-27 调休上班):
 *   draw date: the first working Thursday on or after 2025-11-20 − 250 days = 2025-03-15 → 2025-03-20;
 *   drawn and published on 2025-03-06; notices on 2025-03-11 (latest allowed 03-13, 5 working days ahead).
 *   Inspections in the draw's order: #0, #1 on site 03-20 (letters 03-21); #2, #3 on 03-27 (letters 03-28);
 *   #4, #5 on 04-03 (letters 04-07, after 清明).
 *   #3's deadline: 03-27 + 30 working days = 03-28 (1), 03-31…04-03 (5), 04-07…11 (10), 04-14…18 (15),
 *   04-21…25 (20), Sun 04-27 (21), 04-28…30 (24), 05-06…09 (28), 05-12 (29), 05-13 (30) → 2025-05-13;
 *   overdue on 11-20 by working days, the clock's unit (as the 工作台 says it): 13 (05-14…30) + 20 (June, 06-02
 *   端午) + 23 (July) + 21 (August) + 23 (September, Sun 09-28 worked) + 18 (October: 10-01…08 off, Sat 10-11
 *   worked) + 14 (11-03…20) = 132 working days (191 calendar days).
 *
 * What the history holds (the scenarios of demo-history.ts):
 *   signed records: the six of the draw, #2's 回头看, two 专项 (a complaint; unit #1 again) = 9 inspections of
 *   7 units (the 回头看 and the second 专项 revisit units already counted); 9 feedback letters;
 *   rectification items: #1 2, #2 1, #3 2, #4 2, #5 1, the complaint 1 = 9; accepted: all but #3's A5-04 = 8;
 *   records with a 不符合: #1–#5 and the complaint = 6, all compliant: #0, the 回头看, unit #1 again = 3;
 *   evaluations: 94 and 66 points in the history, 87 on the day of setup (A2-03 and A5-04, 6 + 7 points) →
 *   优秀 2, 合格 1; one 约谈; one referral (#4, pending); nine results published, one 典型.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestEnv, createTestEnv, setupOrg, ok } from '../../test/harness.js';

const NOW = '2025-11-20T02:00:00Z';
let env: TestEnv;
let admin: Client;
let orgId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  const s = await setupOrg(env.app, { demo: true, demoHistory: true });
  admin = s.client;
  orgId = s.setup.org.id;
}, 180_000);
afterAll(async () => env?.close());

type Figures = { figures: { name: string; value: number; buckets: { key: string; value: number }[] | null }[] };
type Summary = {
  id: string;
  code: string;
  source: string;
  status: string;
  plannedDate: string;
  unitId: string;
  publishedOn: string | null;
  exemplary: boolean;
};

describe('demo history (demoHistory: true)', () => {
  it('runs the loop through the draw, the scenarios and the 专项 on the days they happen', async () => {
    const list = ok<{ items: Summary[]; total: number }>(await admin.get('/api/inspections?pageSize=100'));
    const past = list.items.filter((i) => i.plannedDate < '2025-11-20').sort((a, b) => a.code.localeCompare(b.code));
    expect(past.map((i) => [i.code, i.source, i.status])).toEqual([
      ['J-2025-001', 'draw', 'closed'],
      ['J-2025-002', 'draw', 'closed'],
      ['J-2025-003', 'draw', 'closed'],
      ['J-2025-004', 'draw', 'rectifying'],
      ['J-2025-005', 'draw', 'closed'],
      ['J-2025-006', 'draw', 'closed'],
      ['J-2025-007', 'follow_up', 'closed'],
      ['J-2025-008', 'ad_hoc', 'closed'],
      ['J-2025-009', 'ad_hoc', 'closed'],
    ]);
    expect(past.filter((i) => i.publishedOn).length).toBe(9);
    expect(past.filter((i) => i.exemplary).map((i) => i.code)).toEqual(['J-2025-001']);
    // The 回头看 revisits #2's unit; the second 专项 revisits #1's.
    expect(past[6]!.unitId).toBe(past[2]!.unitId);
    expect(past[8]!.unitId).toBe(past[1]!.unitId);

    const d3 = ok<{ feedback: { issuedOn: string; rectificationDue: string; items: { code: string; status: string }[] }; record: { signedOn: string } }>(
      await admin.get(`/api/inspections/${past[3]!.id}`),
    );
    expect(d3.record.signedOn).toBe('2025-03-27');
    expect(d3.feedback).toMatchObject({ issuedOn: '2025-03-28', rectificationDue: '2025-05-13' });
    expect(d3.feedback.items.map((x) => [x.code, x.status])).toEqual([
      ['A1-05', 'accepted'],
      ['A5-04', 'open'],
    ]);
    const d2 = ok<{ interviews: { heldOn: string; itemCodes: string[] }[]; followUps: { code: string; status: string }[]; status: string }>(
      await admin.get(`/api/inspections/${past[2]!.id}`),
    );
    expect(d2.interviews.map((i) => i.itemCodes)).toEqual([['A2-02']]);
    expect(d2.followUps.map((f) => [f.code, f.status])).toEqual([['J-2025-007', 'closed']]);
    const refs = ok<{ items: { sourceRef: string; status: string; entries: { code: string }[] }[] }>(await admin.get('/api/enforcement/referrals'));
    expect(refs.items.map((r) => [r.sourceRef, r.status, r.entries.map((e) => e.code)])).toEqual([['J-2025-005', 'pending', ['A3-06']]]);
  });

  it('gives the figures counted by hand for 2025-01-01 … 2025-11-20', async () => {
    const f = ok<Figures>(await admin.get('/api/inspections/figures?from=2025-01-01&to=2025-11-20'));
    const v = Object.fromEntries(f.figures.map((x) => [x.name, x.value]));
    expect(v).toEqual({
      inspectionsDone: 9,
      unitsInspected: 7,
      feedbackLetters: 9,
      followUps: 1,
      interviews: 1,
      rectificationRaised: 9,
      rectificationClosed: 8,
      rectificationOverdue: 1,
      resultDistribution: 9,
      gradeDistribution: 3,
    });
    const buckets = (name: string) => Object.fromEntries(f.figures.find((x) => x.name === name)!.buckets!.map((b) => [b.key, b.value]));
    expect(buckets('resultDistribution')).toEqual({ non_compliant: 6, compliant: 3 });
    expect(buckets('gradeDistribution')).toEqual({ excellent: 2, good: 0, pass: 1, fail: 0 });
    const overdue = ok<{ items: { inspectionCode: string; itemCode: string; note: string }[] }>(
      await admin.get('/api/inspections/figures/rectificationOverdue/records?from=2025-01-01&to=2025-11-20'),
    );
    expect(overdue.items.map((r) => [r.inspectionCode, r.itemCode, r.note])).toEqual([['J-2025-004', 'A5-04', '截至 2025-11-20 逾期 132 个工作日']]);
  });

  it('warns on the monitors: unit #1 inspected again after 105 days, #3 overdue by 132 working days', async () => {
    const m = ok<{
      repeats: { earlier: { code: string }; later: { code: string }; days: number }[];
      overdue: { code: string; daysOverdue: number; items: { code: string }[] }[];
    }>(await admin.get('/api/inspections/monitors'));
    // 2025-03-20 → 2025-07-03 (the first working Thursday on or after 03-20 + 100 days = 06-28).
    expect(m.repeats.find((r) => r.later.code === 'J-2025-009')).toMatchObject({ earlier: { code: 'J-2025-002' }, days: 105 });
    expect(m.overdue.map((o) => [o.code, o.daysOverdue, o.items.map((x) => x.code)])).toEqual([['J-2025-004', 132, ['A5-04']]]);
  });

  it('publishes nine results and one 典型 on the portal', async () => {
    const pub = ok<{ total: number }>(await new Client(env.app).get('/api/public/inspections?year=2025'));
    expect(pub.total).toBe(9);
    const ex = ok<{ items: { code: string }[] }>(await new Client(env.app).get('/api/public/inspections/exemplary'));
    expect(ex.items.map((i) => i.code)).toEqual(['J-2025-001']);
  });

  it('keeps the whole-process record intact and in time order from the catalogue on', async () => {
    expect(ok<{ intact: boolean }>(await admin.get('/api/audit/verify')).intact).toBe(true);
    const rows = (
      await env.database.pool.query<{ seq: string; at: Date; action: string }>(
        // the inspection history's own events (the disclosure, licensing and penalty-case histories, each module's demo.ts, run after it in their own day order)
        `SELECT seq, at, action FROM audit_events WHERE org_id = $1 AND seq >= (SELECT min(seq) FROM audit_events WHERE org_id = $1 AND action = 'inspectionItem.create')
           AND action NOT LIKE 'disclosure.%' AND action NOT LIKE 'dispute.%' AND action NOT LIKE 'licensing.%'
           AND action NOT LIKE 'enforcement.case.%' ORDER BY seq`,
        [orgId],
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(150);
    const backwards = rows.filter((r, i) => i > 0 && r.at < rows[i - 1]!.at);
    expect(backwards.map((r) => `${r.seq} ${r.action}`)).toEqual([]);
    expect(rows[0]!.at.toISOString().slice(0, 10)).toBe('2025-01-20');
  });
});
