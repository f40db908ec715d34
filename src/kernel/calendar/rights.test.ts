/**
 * The national calendar is national (issue 11 §8): every org counts its periods on it, so only the top
 * org's admin enters or corrects a year (and sees, in the preview and the result, the due dates of every
 * org it moves). Any other admin — a county's — and every other role is refused, writing nothing; the
 * page is told (`mayEnter`) and offers the entry to the top admin alone. Every save says why (依据),
 * recorded with who in the whole-process record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, countRows, createTestEnv, ok, refused, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';
import { NOTICE_2027 } from './fixtures/notices.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;

beforeAll(async () => {
  // 12 October 2026: 2027 is not entered yet, and the admin's dashboard asks for it.
  env = await createTestEnv({ now: '2026-10-12T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
});
afterAll(async () => env.close());

const REASON = '国办发明电〔2026〕x号（2026年11月4日）';

describe('only the top org’s admin enters the national calendar (issue 11 §8)', () => {
  it.each([
    // account, refusal message
    ['county.admin', /工作日历全国通用.*只能由测试市档案局的系统管理员录入或更正/],
    ['leader', /无权/],
    ['legal', /无权/],
    ['inspector', /无权/],
    ['staff', /无权/],
    ['unit', /无权/],
    ['superior', /无权/],
  ])('%s: the preview and the save are refused (403), the page offers no entry, nothing is written', async (username, message) => {
    const c = await signInDemo(env.app, setup, username);
    refused(await c.post('/api/calendar/years/2027/preview', { text: NOTICE_2027 }), 403, null, message);
    refused(await c.put('/api/calendar/years/2027', { text: NOTICE_2027, reason: REASON }), 403, null, message);
    // Refused before the days are read: a bad body from a county admin is still 403, not a check of its days.
    refused(await c.put('/api/calendar/years/2027', { days: [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }], reason: REASON }), 403, null, message);
    const years = ok<{ mayEnter: boolean; editorOrg: string }>(await c.get('/api/calendar/years'));
    expect(years).toMatchObject({ mayEnter: false, editorOrg: '测试市档案局' });
    // Not asked to enter next year either.
    expect(ok<{ calendarNotice: unknown }>(await c.get('/api/dashboard')).calendarNotice).toBeNull();
    expect(ok(await c.get('/api/calendar/years/2027'))).toMatchObject({ source: 'provisional' });
    expect(await countRows(env, "audit_events WHERE action = 'calendar.year_set'")).toBe(0);
  });

  it('the top admin is asked, previews, and saves only with a reason, recorded with who and why', async () => {
    expect(ok<{ mayEnter: boolean }>(await admin.get('/api/calendar/years')).mayEnter).toBe(true);
    expect(ok<{ calendarNotice: { year: number } | null }>(await admin.get('/api/dashboard')).calendarNotice).toMatchObject({ year: 2027 });
    const preview = ok<{ errors: string[]; lineErrors: unknown[] }>(await admin.post('/api/calendar/years/2027/preview', { text: NOTICE_2027 }));
    expect([preview.errors, preview.lineErrors]).toEqual([[], []]);
    refused(await admin.put('/api/calendar/years/2027', { text: NOTICE_2027 }), 400, 'reason', /请填写依据/);
    refused(await admin.put('/api/calendar/years/2027', { text: NOTICE_2027, reason: ' ' }), 400, 'reason', /请填写依据/);
    expect(await countRows(env, "audit_events WHERE action = 'calendar.year_set'")).toBe(0);

    ok(await admin.put('/api/calendar/years/2027', { text: NOTICE_2027, reason: REASON }));
    const year = ok<{ items: { year: number; source: string; note: string }[] }>(await admin.get('/api/calendar/years')).items.find((y) => y.year === 2027);
    expect(year).toMatchObject({ source: 'admin', note: REASON });
    const t = ok<{ items: { action: string; actorName: string; after: { reason: string; note: string; source: string } }[] }>(
      await admin.get('/api/audit/timeline?entityType=calendarYear&entityId=2027'),
    );
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ action: 'calendar.year_set', actorName: '管理员（admin）', after: { source: 'admin', reason: REASON, note: REASON } });

    // A correction says why too; the event keeps the old note beside the new reason.
    const fix = '更正：按国办发明电〔2026〕y号';
    ok(await admin.put('/api/calendar/years/2027', { text: NOTICE_2027, reason: fix }));
    const t2 = ok<{ items: { after: { reason: string }; before: { note: string } }[] }>(
      await admin.get('/api/audit/timeline?entityType=calendarYear&entityId=2027'),
    );
    expect(t2.items.map((i) => i.after.reason)).toEqual(expect.arrayContaining([REASON, fix]));
    expect(t2.items.find((i) => i.after.reason === fix)!.before.note).toBe(REASON);
    expect(ok<{ calendarNotice: unknown }>(await admin.get('/api/dashboard')).calendarNotice).toBeNull();
  });
});
