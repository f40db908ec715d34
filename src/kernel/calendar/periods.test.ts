/**
 * Hand-checked period cases. Reference schedule (State Council notices, confirmed against the
 * chinese-days data in calendar.test.ts):
 *   中秋 2024: 09-15..09-17 off, 09-14 (Sat) worked.
 *   国庆节 2024: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) worked.
 *   元旦 2025: 01-01 off.
 *   春节 2025: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) worked.
 *   劳动节 2025: 05-01..05-05 off, 04-27 (Sun) worked.
 *   端午 2025: 05-31..06-02 off.
 */
import { describe, expect, it } from 'vitest';
import { CalendarError, chineseDaysSeed, daysBetween, WorkCalendar } from './calendar.js';
import { addCalendarDays, addWorkingDays, workingDaysBetween } from './periods.js';

const cal = new WorkCalendar(chineseDaysSeed());

describe('addWorkingDays', () => {
  // [from, n, due, skipped count, how it was worked out]
  const cases: [string, number, string, number, string][] = [
    [
      '2025-01-20',
      20,
      '2025-02-21',
      12,
      'Jan 21-24 (1-4), 25 Sat skip, 26 Sun 调休 (5), 27 (6), Jan 28-Feb 4 春节 skip 8, Feb 5-7 (7-9), ' +
        '8 Sat 调休 (10), 9 Sun skip, 10-14 (11-15), 15-16 skip, 17-21 (16-20)',
    ],
    [
      '2024-09-27',
      20,
      '2024-10-30',
      13,
      'Sep 28 Sat skip, 29 Sun 调休 (1), 30 (2), Oct 1-7 国庆 skip 7, 8-11 (3-6), 12 Sat 调休 (7), 13 skip, ' +
        '14-18 (8-12), 19-20 skip, 21-25 (13-17), 26-27 skip, 28-30 (18-20)',
    ],
    ['2025-03-03', 5, '2025-03-10', 2, 'ordinary week: Mar 4-7 (1-4), 8-9 weekend, 10 Mon (5)'],
    ['2025-03-03', 0, '2025-03-03', 0, 'n = 0: the day itself'],
    ['2025-03-07', 1, '2025-03-10', 2, 'n = 1 from a Friday: Sat/Sun skipped, Monday'],
    ['2025-01-24', 1, '2025-01-26', 1, 'Fri + 1: Sat skipped, Sun 2025-01-26 is 调休上班'],
    ['2025-01-29', 1, '2025-02-05', 6, 'start on a holiday (春节): Jan 30-Feb 4 skipped, Feb 5 Wed'],
    ['2025-03-08', 3, '2025-03-12', 1, 'start on a Saturday: Sun skipped, Mar 10-12'],
    ['2025-01-27', 3, '2025-02-07', 8, 'day before 春节: Jan 28-Feb 4 skipped, Feb 5-7'],
    ['2025-02-07', 1, '2025-02-08', 0, 'Fri + 1: Sat 2025-02-08 is 调休上班'],
    ['2025-04-25', 5, '2025-05-06', 6, 'Apr 26 Sat skip, 27 Sun 调休 (1), 28-30 (2-4), May 1-5 劳动节 skip, May 6 (5)'],
    ['2025-04-30', 7, '2025-05-14', 7, 'May 1-5 skip, 6-9 (1-4), 10-11 skip, 12-14 (5-7)'],
    ['2024-09-30', 1, '2024-10-08', 7, 'Mon before 国庆: Oct 1-7 skipped, Tue Oct 8'],
    ['2024-10-11', 1, '2024-10-12', 0, 'Fri + 1: Sat 2024-10-12 is 调休上班'],
    ['2024-09-13', 2, '2024-09-18', 3, 'Sep 14 Sat 调休 (1), 15-17 中秋 skip, 18 Wed (2)'],
    ['2024-12-31', 3, '2025-01-06', 3, 'across the year: Jan 1 元旦 skip, 2-3 (1-2), 4-5 weekend, 6 Mon (3)'],
  ];

  it.each(cases)('%s + %i working days = %s', (from, n, due, skippedCount) => {
    const r = addWorkingDays(cal, from, n);
    expect(r.due).toBe(due);
    expect(r.counted).toHaveLength(n);
    expect(r.skipped).toHaveLength(skippedCount);
    if (n > 0) expect(r.counted[n - 1]).toBe(due);
    for (const d of r.counted) expect(cal.isWorkingDay(d)).toBe(true);
    for (const s of r.skipped) expect(cal.isWorkingDay(s.date)).toBe(false);
    // counted ∪ skipped is exactly the days (from, due]
    expect(workingDaysBetween(cal, from, due)).toBe(n);
  });

  it('records why each day was skipped', () => {
    const r = addWorkingDays(cal, '2025-01-20', 20);
    expect(r.skipped.slice(0, 2)).toEqual([
      { date: '2025-01-25', reason: '周末' },
      { date: '2025-01-28', reason: '法定节假日', name: '春节' },
    ]);
    expect(r.counted).toContain('2025-01-26');
    expect(r.counted).toContain('2025-02-08');
  });

  it('rejects a negative or fractional n', () => {
    expect(() => addWorkingDays(cal, '2025-01-20', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-01-20', 1.5)).toThrow(RangeError);
  });

  it('counts into a provisional 2027 and says so', () => {
    // 2026-12-20 Sun: Dec 21–25 (1–5), 28–31 (6–9); 2027: Jan 1 元旦 (provisional), Jan 4–8 (10–14), 11–15 (15–19), 18 (20).
    const r = addWorkingDays(cal, '2026-12-20', 20);
    expect(r.due).toBe('2027-01-18');
    expect(r.provisional).toBe(true);
    expect(r.provisionalYears).toEqual([2027]);
    expect(r.skipped).toContainEqual({ date: '2027-01-01', reason: '法定节假日', name: '元旦', provisional: true });
    // A period that stays in 2026 does not depend on 2027.
    const inside = addWorkingDays(cal, '2026-12-01', 20);
    expect(inside.due).toBe('2026-12-29');
    expect(inside.provisional).toBe(false);
    expect(inside.provisionalYears).toEqual([]);
    expect(() => addWorkingDays(cal, '2099-12-30', 5)).toThrow(CalendarError);
  });

  it('counts into an administrator-entered 2027', () => {
    const seed = chineseDaysSeed();
    const admin = new WorkCalendar({
      years: [...seed.years, 2027],
      days: [...seed.days, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    // 2026-12-31 Thu; 2027-01-01 Fri 元旦, 01-02/03 weekend; Mon 2027-01-04.
    expect(addWorkingDays(admin, '2026-12-31', 1)).toEqual({
      due: '2027-01-04',
      provisional: false,
      provisionalYears: [],
      counted: ['2027-01-04'],
      skipped: [
        { date: '2027-01-01', reason: '法定节假日', name: '元旦' },
        { date: '2027-01-02', reason: '周末' },
        { date: '2027-01-03', reason: '周末' },
      ],
    });
  });
});

describe('addCalendarDays', () => {
  // [from, n, due, rolledFrom, how it was worked out]
  const cases: [string, number, string, string | undefined, string][] = [
    ['2024-12-01', 60, '2025-02-05', '2025-01-30', 'Dec 1 + 30 = Dec 31, + 30 = Jan 30 (春节) → Jan 31-Feb 4 off → Feb 5 Wed'],
    ['2025-03-04', 60, '2025-05-06', '2025-05-03', 'Mar 4 + 27 = Mar 31, + 30 = Apr 30, + 3 = May 3 (劳动节) → May 6 Tue'],
    ['2025-01-07', 60, '2025-03-10', '2025-03-08', 'Jan 7 + 24 = Jan 31, + 28 = Feb 28, + 8 = Mar 8 Sat → Mon Mar 10'],
    ['2025-01-06', 60, '2025-03-07', undefined, 'Jan 6 + 60 = Mar 7 Fri, a working day: no roll'],
    ['2024-11-27', 60, '2025-01-26', undefined, 'Nov 27 + 3 = Nov 30, + 31 = Dec 31, + 26 = Jan 26 Sun, 调休上班: no roll'],
    ['2024-09-01', 30, '2024-10-08', '2024-10-01', 'Sep 1 + 30 = Oct 1 (国庆) → Oct 2-7 off → Oct 8 Tue'],
    ['2025-03-04', 90, '2025-06-03', '2025-06-02', 'Mar 4 + 90 = Jun 2 (端午) → Jun 3 Tue'],
    ['2025-02-01', 0, '2025-02-01', undefined, 'n = 0: the day itself, no roll'],
  ];

  it.each(cases)('%s + %i calendar days = %s', (from, n, due, rolledFrom) => {
    const r = addCalendarDays(cal, from, n);
    expect(r.due).toBe(due);
    expect(r.rolledFrom).toBe(rolledFrom);
    expect(r.counted).toHaveLength(n);
    if (rolledFrom) {
      // every day from the nominal last day up to (not including) due was rolled over
      expect(r.skipped[0]?.date).toBe(rolledFrom);
      expect(r.skipped).toHaveLength(daysBetween(rolledFrom, due));
      for (const s of r.skipped) expect(cal.isWorkingDay(s.date)).toBe(false);
    } else {
      expect(r.skipped).toEqual([]);
    }
    expect(cal.isWorkingDay(r.due) || n === 0).toBe(true);
  });

  it('throws CalendarError when the span reaches an unknown year', () => {
    // 2026-12-01 + 60 = 2027-01-30 (Sat, provisional) → Feb 1 (Mon). Only the roll-forward depends on 2027.
    const r = addCalendarDays(cal, '2026-12-01', 60);
    expect([r.due, r.rolledFrom, r.provisional, r.provisionalYears]).toEqual(['2027-02-01', '2027-01-30', true, [2027]]);
    // 2026-11-01 + 30 = 2026-12-01 (Tue): nothing of 2027 is looked at.
    expect(addCalendarDays(cal, '2026-11-01', 30)).toMatchObject({ due: '2026-12-01', provisional: false });
    expect(() => addCalendarDays(cal, '2099-12-01', 60)).toThrow(CalendarError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-01-20', '2025-02-21', 20],
    ['2025-02-21', '2025-01-20', -20],
    ['2025-02-21', '2025-02-21', 0],
    ['2025-01-27', '2025-02-05', 1], // (Jan 27, Feb 5]: only Feb 5 — 春节 in between
    ['2025-02-21', '2025-02-22', 0], // Fri → Sat
    ['2025-02-22', '2025-02-24', 1], // Sat → Mon
    ['2024-09-27', '2024-10-30', 20],
  ])('(%s, %s] = %i', (a, b, n) => {
    expect(workingDaysBetween(cal, a, b)).toBe(n);
  });

  it('counts a provisional year and throws CalendarError past 2099', () => {
    // (Dec 30, Jan 5]: Dec 31, Jan 4, Jan 5 (Jan 1 元旦 provisional, Jan 2–3 weekend)
    expect(workingDaysBetween(cal, '2026-12-30', '2027-01-05')).toBe(3);
    expect(() => workingDaysBetween(cal, '2099-12-30', '2100-01-05')).toThrow(CalendarError);
  });
});
