/**
 * Entering the official schedule of a year recomputes every open clock (issue 9 §2) and, from
 * 1 October, the admin is warned that next year is missing (§3). Its own file: the calendar cache
 * is per process, and this file needs 2027 not entered at first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, type TestEnv } from '../../test/harness.js';
import { NOTICE_2027 } from './fixtures/notices.js';

describe('entering the official schedule recomputes open clocks (issue 9 §2)', () => {
  let env2: TestEnv;
  let admin2: Client;
  let orgId: string;
  const entityId = '00000000-0000-4000-8000-000000000001';
  beforeAll(async () => {
    env2 = await createTestEnv({ now: '2026-12-07T02:00:00Z' });
    const s = await setupOrg(env2.app);
    admin2 = s.client;
    orgId = s.setup.org.id;
    // Three open clocks of a record kind the kernel knows nothing about, and one closed one:
    // A 2027-01-25 + 20 working days across 春节 (moves), B 2026-12-10 + 20 (same date, no longer 预计),
    // C 2026-11-02 + 20 (inside 2026, untouched), D like A but closed (never recomputed).
    const insert = (id: string, label: string, spec: object, closed = false) =>
      env2.database.pool.query(
        `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec, closed_at) VALUES ($1, 'disclosureApplication', $2, 'disclosure.reply', $3, $4, ${closed ? 'now()' : 'NULL'})`,
        [orgId, id, label, JSON.stringify(spec)],
      );
    await insert(entityId, '答复期限 A', { start: '2027-01-25', period: 20, unit: 'working' });
    await insert('00000000-0000-4000-8000-000000000002', '答复期限 B', { start: '2026-12-10', period: 20, unit: 'working' });
    await insert('00000000-0000-4000-8000-000000000003', '答复期限 C', { start: '2026-11-02', period: 20, unit: 'working' });
    await insert('00000000-0000-4000-8000-000000000004', '答复期限 D', { start: '2027-01-25', period: 20, unit: 'working' }, true);
  });
  afterAll(async () => env2.close());

  it('warns the admin from 1 October, with the open clocks that reach into next year', async () => {
    const d = ok<{
      calendarNotice: { year: number; openClocks: number; message: string } | null;
      items: { label: string; due: string; provisional: boolean }[];
    }>(await admin2.get('/api/dashboard'));
    expect(d.calendarNotice).toMatchObject({ year: 2027, openClocks: 2 }); // A and B
    expect(d.calendarNotice!.message).toMatch(/已有 2 个未办结的期限延伸到 2027 年/);
    expect(d.items.find((i) => i.label === '答复期限 A')).toMatchObject({ due: '2027-02-26', provisional: true });
    expect(d.items.find((i) => i.label === '答复期限 C')).toMatchObject({ due: '2026-11-30', provisional: false });
    env2.setNow('2026-09-30T02:00:00Z');
    expect(ok<{ calendarNotice: unknown }>(await admin2.get('/api/dashboard')).calendarNotice).toBeNull();
    env2.setNow('2026-12-07T02:00:00Z');
  });

  it('previews the parsed days, the checks and the dates that would move, writing nothing', async () => {
    const p = ok<{
      days: unknown[];
      lines: { name: string }[];
      lineErrors: unknown[];
      errors: string[];
      warnings: string[];
      moved: { label: string; before: { due: string }; after: { due: string } }[];
      checked: number;
    }>(await admin2.post('/api/calendar/years/2027/preview', { text: NOTICE_2027 }));
    expect(p.lines.map((l) => l.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect([p.lineErrors, p.errors, p.warnings]).toEqual([[], [], []]);
    expect(p.checked).toBe(3);
    expect(p.moved.map((m) => [m.label, m.before.due, m.after.due])).toEqual([['答复期限 A', '2027-02-26', '2027-03-01']]);
    const bad = ok<{ lineErrors: { line: number; message: string }[] }>(
      await admin2.post('/api/calendar/years/2027/preview', { text: '一、元旦：1月1日（周一）放假。' }),
    );
    expect(bad.lineErrors).toEqual([{ line: 1, text: '一、元旦：1月1日（周一）放假。', message: '第1行：1月1日（周一）标注为星期一，但 2027-01-01 是星期五' }]);
    expect(ok<{ items: { year: number }[] }>(await admin2.get('/api/calendar/years')).items.map((y) => y.year)).not.toContain(2027);
  });

  it("on saving lists each moved due date old → new and writes it on the record's timeline", async () => {
    // A, provisional: Jan 26–29 (1–4), Feb 1–4 (5–8), 02-05..02-10 off (除夕–初三 + two days made up), Feb 11–12 (9–10),
    // 15–19 (11–15), 22–26 (16–20) → 02-26. Official: Feb 5–13 off, Feb 20 (Sat) worked: Feb 15–19 (9–13),
    // 20 (14), 22–26 (15–19), Mar 1 (20) → 03-01.
    const r = ok<{
      moved: { orgName: string; label: string; before: { due: string; provisional: boolean }; after: { due: string; provisional: boolean } }[];
      recomputed: number;
      confirmed: number;
    }>(await admin2.put('/api/calendar/years/2027', { text: NOTICE_2027, reason: '国办发明电（测试）' }));
    expect(r.recomputed).toBe(3);
    expect(r.confirmed).toBe(1); // B: same date, no longer provisional
    expect(r.moved).toEqual([
      {
        orgId,
        orgName: '测试市档案局',
        entityType: 'disclosureApplication',
        entityId,
        kind: 'disclosure.reply',
        label: '答复期限 A',
        before: { due: '2027-02-26', provisional: true },
        after: { due: '2027-03-01', provisional: false },
      },
    ]);
    const t = ok<{ items: { action: string; before: { due: string }; after: { due: string; reason: string } }[] }>(
      await admin2.get(`/api/audit/timeline?entityType=disclosureApplication&entityId=${entityId}`),
    );
    expect(t.items).toHaveLength(1);
    expect(t.items[0]).toMatchObject({ action: 'calendar.due_recomputed', before: { due: '2027-02-26' }, after: { due: '2027-03-01' } });
    expect(t.items[0]!.after.reason).toBe('录入国务院公布的2027年节假日安排后重新计算：2027-02-26（预计） → 2027-03-01');
    const d = ok<{ calendarNotice: unknown; items: { label: string; due: string; provisional: boolean }[] }>(await admin2.get('/api/dashboard'));
    expect(d.calendarNotice).toBeNull();
    expect(d.items.find((i) => i.label === '答复期限 A')).toMatchObject({ due: '2027-03-01', provisional: false });
    expect(ok<{ items: { valid: boolean }[] | { valid: boolean } }>(await admin2.get('/api/audit/verify'))).toMatchObject({ intact: true });
  });
});
