/**
 * Entering 2027's official schedule while a consultation's 15 working days run across 春节: the
 * reply clock's pause ends at the consultation's due date, which the official schedule moves, so the
 * stored reply clock is rewritten (disclosureCalendarHook) before the kernel compares the open clocks
 * and lists the moved dates. Its own file: the calendar cache is per process and 2027 must start not
 * entered. Provisional 春节 2027: Fri Feb 5, Mon Feb 8 (初三) and Feb 9–10 (Sat/Sun made up); the
 * test notice (kernel fixtures): Feb 5–13 off, Sat Feb 20 worked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../../test/harness.js';
import { NOTICE_2027 } from '../../../kernel/calendar/fixtures/notices.js';

let env: TestEnv;
let admin: Client;
let staff: Client;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: '2027-02-01T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  staff = await signInDemo(env.app, setup, 'staff');
});
afterAll(async () => env.close());

describe('the official schedule moves a consultation’s due date, and the reply clock with it', () => {
  it('rewrites the stored reply clock and lists it among the moved dates', async () => {
    const a = ok<{ application: { id: string } }>(
      await staff.post('/api/disclosure/applications', {
        channel: 'in_person',
        applicantType: 'natural',
        applicantName: '跨春节',
        receivedOn: '2027-01-20',
        content: '请公开2026年度档案执法检查结果',
      }),
    ).application.id;
    // consultation Wed Jan 27. Provisional: Jan 28–29 (2), Feb 1–4 (6), Feb 11–12 (8), 15–19 (13), 22–23 (15) → Feb 23.
    // Reply: Jan 21–22, 25–26 (4); paused Jan 27–Feb 23; Feb 24–26 (7), Mar 1–5 (12), 8–12 (17), 15–17 (20) → Mar 17.
    const c = ok<{ clock: { due: string; provisional: boolean }; consultations: { clock: { due: string; provisional: boolean } }[] }>(
      await staff.post(`/api/disclosure/applications/${a}/consultations`, { kind: 'third_party', party: '某某公司', startedOn: '2027-01-27' }),
    );
    expect(c.consultations[0]!.clock).toMatchObject({ due: '2027-02-23', provisional: true });
    expect(c.clock).toMatchObject({ due: '2027-03-17', provisional: true });

    // Official: Jan 28–29 (2), Feb 1–4 (6), Feb 15–19 (11), Sat Feb 20 (12), Feb 22–24 (15) → Feb 24;
    // reply: paused to Feb 24; Feb 25–26 (6), Mar 1–5 (11), 8–12 (16), 15–18 (20) → Mar 18.
    const r = ok<{ moved: { entityId: string; kind: string; before: { due: string; provisional: boolean }; after: { due: string; provisional: boolean } }[] }>(
      await admin.put('/api/calendar/years/2027', { reason: '测试', text: NOTICE_2027 }),
    );
    const mine = r.moved.filter((m) => m.entityId === a);
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'disclosure.reply', before: { due: '2027-03-17', provisional: true }, after: { due: '2027-03-18', provisional: false } }),
    ]);
    const d = ok<{ clock: { due: string; provisional: boolean }; consultations: { clock: { due: string; provisional: boolean } }[] }>(
      await staff.get(`/api/disclosure/applications/${a}`),
    );
    expect(d.clock).toMatchObject({ due: '2027-03-18', provisional: false });
    expect(d.consultations[0]!.clock).toMatchObject({ due: '2027-02-24', provisional: false });
  });
});
