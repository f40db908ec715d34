import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, setupOrg, type TestEnv } from '../../test/harness.js';

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

  it('refuses a year whose schedule is not known, until an admin enters it', async () => {
    const r = await admin.get('/api/calendar/due?from=2026-12-20&days=20&unit=working');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('calendar.unknown_year');
    expect(r.json().error.message).toMatch(/2027年的节假日安排尚未录入/);

    const put = await admin.put('/api/calendar/years/2027', {
      note: '国办发明电〔2026〕x号（测试）',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().source).toBe('admin');
    // 2026-12-20 (Sun) + 20 working days: Dec 21–25 (5), 28–31 (9), Jan 4–8 (14), 11–15 (19), 18 (20)
    expect((await admin.get('/api/calendar/due?from=2026-12-20&days=20&unit=working')).json().due).toBe('2027-01-18');
    const years = (await admin.get('/api/calendar/years')).json().items;
    expect(years.at(-1)).toMatchObject({ year: 2027, source: 'admin', holidays: 3, workdays: 0 });
    expect(years[0]).toMatchObject({ year: 2004, source: 'chinese-days' });
  });

  it('refuses a bad schedule with the field named, changing nothing', async () => {
    const r = await admin.put('/api/calendar/years/2028', {
      days: [
        { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
        { date: '2028-05-01', kind: 'holiday', name: '劳动节' },
        { date: '2028-05-01', kind: 'holiday', name: '劳动节' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual({ 'days.0.date': '日期不在 2028 年内', 'days.2.date': '日期重复' });
    const weekdayWork = await admin.put('/api/calendar/years/2028', { days: [{ date: '2028-05-02', kind: 'workday', name: '劳动节' }] });
    expect(weekdayWork.statusCode).toBe(400);
    expect((await admin.get('/api/calendar/years/2028')).statusCode).toBe(404);
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
    expect((await c.get('/api/calendar/years')).statusCode).toBe(200);
    expect((await c.put('/api/calendar/years/2029', { days: [] })).statusCode).toBe(403);
  });
});
