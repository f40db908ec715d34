import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, countRows, createTestEnv, ok, refused, setupOrg, type TestEnv } from '../../test/harness.js';
import { NOTICE_2027 } from './fixtures/notices.js';

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv();
  admin = (await setupOrg(env.app)).client;
});
afterAll(async () => env.close());

describe('GET /api/calendar/due', () => {
  it.each([
    // from, days, unit, due — hand-checked against the State Council schedules
    ['2025-01-20', 20, 'working', '2025-02-21'], // across Spring Festival 2025 (01-28..02-04 off; 01-26, 02-08 worked)
    ['2024-09-27', 20, 'working', '2024-10-30'], // across National Day 2024 (10-01..10-07 off; 09-29, 10-12 worked)
    ['2025-04-25', 5, 'working', '2025-05-06'], // 04-27 (Sun) worked, 05-01..05-05 off
    ['2024-12-01', 60, 'calendar', '2025-02-05'], // lands on 01-30 (春节), rolls to the next working day
    ['2025-03-04', 60, 'calendar', '2025-05-06'], // lands on 05-03 (劳动节), rolls
  ])('%s + %i %s days = %s', async (from, days, unit, due) => {
    const r = await admin.get(`/api/calendar/due?from=${from}&days=${days}&unit=${unit}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().due).toBe(due);
    expect(r.json().explanation.length).toBeGreaterThan(1);
  });

  it('explains which days were skipped', async () => {
    const r = (await admin.get('/api/calendar/due?from=2025-01-20&days=20&unit=working')).json();
    expect(r.skipped.filter((d: { reason: string }) => d.reason === '法定节假日')).toHaveLength(8);
    expect(r.counted).toContain('2025-01-26'); // 调休上班 Sunday counts
    expect(r.explanation.join('\n')).toMatch(/春节/);
  });

  it('dates a period reaching a year not yet announced provisionally, and for good once the year is entered (issue 9 contract)', async () => {
    const before = ok<{ due: string; provisional: boolean; provisionalYears: number[]; provisionalNote: string }>(
      await admin.get('/api/calendar/due?from=2026-12-10&days=20&unit=working'),
    );
    expect(before).toMatchObject({ due: '2027-01-08', provisional: true, provisionalYears: [2027] });
    expect(before.provisionalNote).toMatch(/^2027年节假日安排尚未公布/);
    // A period inside entered years is not provisional.
    expect(ok(await admin.get('/api/calendar/due?from=2026-11-02&days=20&unit=working'))).toMatchObject({
      due: '2026-11-30',
      provisional: false,
      provisionalYears: [],
      provisionalNote: null,
    });

    const put = ok<{ source: string; days: unknown[]; moved: unknown[]; warnings: string[] }>(
      await admin.put('/api/calendar/years/2027', { reason: '国办发明电〔2026〕x号（测试）', text: NOTICE_2027 }),
    );
    expect(put.source).toBe('admin');
    expect(put.warnings).toEqual([]);
    expect(ok(await admin.get('/api/calendar/due?from=2026-12-10&days=20&unit=working'))).toMatchObject({
      due: '2027-01-08',
      provisional: false,
      provisionalYears: [],
    });
    // 2026-12-20 (Sun) + 20 working days: Dec 21–25 (5), 28–31 (9); Jan 1–3 off; Jan 4–8 (14), 11–15 (19), 18 (20)
    expect(ok(await admin.get('/api/calendar/due?from=2026-12-20&days=20&unit=working'))).toMatchObject({ due: '2027-01-18', provisional: false });
    const years = ok<{ items: { year: number; source: string; holidays: number; workdays: number }[] }>(await admin.get('/api/calendar/years')).items;
    expect(years.at(-1)).toMatchObject({ year: 2027, source: 'admin', holidays: 29, workdays: 5 });
    expect(years[0]).toMatchObject({ year: 2004, source: 'chinese-days' });
  });

  it('refuses a bad schedule with the field named, changing nothing', async () => {
    const r = await admin.put('/api/calendar/years/2028', {
      reason: '测试',
      days: [
        { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
        { date: '2028-05-01', kind: 'holiday', name: '劳动节' },
        { date: '2028-05-01', kind: 'holiday', name: '劳动节' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual({ 'days.0.date': '日期不在 2028 年内', 'days.2.date': '日期重复' });
    refused(
      await admin.put('/api/calendar/years/2028', { reason: '测试', days: [{ date: '2028-05-02', kind: 'workday', name: '劳动节' }] }),
      400,
      'days',
      /调休上班日应为周六或周日：5月2日是星期二/,
    );
    // 春节 missing: refused, naming what is missing.
    const noSpring = NOTICE_2027.replace(/^二、春节.*$/mu, '');
    refused(
      await admin.put('/api/calendar/years/2029', { reason: '测试', text: noSpring.replace(/（[^）]*）/gu, '').replaceAll('2027', '2029') }),
      400,
      'text',
      /缺少春节的放假安排/,
    );
    // A line that cannot be read: refused, naming the line.
    refused(
      await admin.put('/api/calendar/years/2028', { reason: '测试', text: '一、元旦：1月1日（周五）放假1天。' }),
      400,
      'text',
      /第1行：1月1日（周五）标注为星期五，但 2028-01-01 是星期六/,
    );
    refused(await admin.put('/api/calendar/years/2028', { reason: '测试' }), 400, 'text', /请粘贴国务院办公厅的通知/);
    // The reason (依据) is required: missing or blank, refused naming it.
    refused(await admin.put('/api/calendar/years/2028', { text: NOTICE_2027.replaceAll('2027', '2028') }), 400, 'reason', /请填写依据/);
    refused(await admin.put('/api/calendar/years/2028', { reason: '   ', text: NOTICE_2027.replaceAll('2027', '2028') }), 400, 'reason', /请填写依据/);
    // Nothing written: 2028 and 2029 are still provisional.
    expect(ok(await admin.get('/api/calendar/years/2028'))).toMatchObject({ year: 2028, source: 'provisional', provisional: true });
    expect(await countRows(env, "audit_events WHERE action = 'calendar.year_set' AND entity_id IN ('2028','2029')")).toBe(0);
  });

  it('shows a provisional year as computed, and lists the provisional years ahead', async () => {
    env.setNow('2027-12-07T02:00:00Z'); // 2027 entered above; 2028 not
    try {
      const later = new Client(env.app); // a year on, the morning's session has long expired
      await later.login('admin', 'Admin-Pass-2024');
      const y = ok<{ source: string; days: { date: string; name: string }[] }>(await later.get('/api/calendar/years/2028'));
      expect(y.source).toBe('provisional');
      expect(y.days.map((d) => `${d.date.slice(5)} ${d.name}`)).toContain('10-05 中秋节（补假）');
      const list = ok<{ provisional: { year: number; holidays: number }[] }>(await later.get('/api/calendar/years'));
      expect(list.provisional).toEqual([{ year: 2028, holidays: 16, note: expect.stringMatching(/^2028年节假日安排尚未公布/) }]);
      expect((await later.get('/api/calendar/years/2100')).statusCode).toBe(404);
    } finally {
      env.setNow(new Date());
    }
  });

  it('validates the query and needs a signed-in user', async () => {
    const bad = await admin.get('/api/calendar/due?from=2025-02-30&days=0');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['days', 'from']);
    expect((await new Client(env.app).get('/api/calendar/due?from=2025-01-20&days=20')).statusCode).toBe(401);
  });

  it('only an admin may enter a year', async () => {
    await admin.post('/api/users', { username: 'staff1', displayName: '员工', password: 'Staff-Pass-2024', roles: ['staff'] });
    const c = new Client(env.app);
    await c.login('staff1', 'Staff-Pass-2024');
    await c.post('/api/auth/password', { current: 'Staff-Pass-2024', next: 'Staff-Pass-2024' }); // the initial password must be changed first
    expect((await c.get('/api/calendar/years')).statusCode).toBe(200);
    expect((await c.put('/api/calendar/years/2029', { reason: '测试', days: [] })).statusCode).toBe(403);
    expect((await c.post('/api/calendar/years/2029/preview', { text: NOTICE_2027 })).statusCode).toBe(403);
  });
});
