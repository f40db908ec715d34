import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays, CalendarError, chineseDaysSeed, daysBetween, InvalidDateError, isValidDate, WorkCalendar, weekdayOf } from './calendar.js';

const seed = chineseDaysSeed();
const cal = new WorkCalendar(seed);

describe('plain-date helpers', () => {
  it.each([
    ['2025-01-20', 1, '2025-01-21'],
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-12-01', 60, '2025-01-30'],
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });

  it.each([
    ['2025-01-20', 1], // Monday
    ['2025-01-26', 0], // Sunday
    ['2025-02-08', 6], // Saturday
    ['2024-10-01', 2], // Tuesday
    ['1970-01-01', 4], // Thursday
  ])('weekdayOf(%s) = %i', (d, wd) => {
    expect(weekdayOf(d)).toBe(wd);
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-5', '20250105', '', '0099-01-01x']) {
      expect(isValidDate(bad)).toBe(false);
    }
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(InvalidDateError);
  });
});

describe('chineseDaysSeed', () => {
  it('covers every year from 2004 to 2026', () => {
    expect(seed.years[0]).toBe(2004);
    expect(seed.years[seed.years.length - 1]).toBe(2026);
    expect(seed.years).toHaveLength(23);
    for (let y = 2004; y <= 2026; y++) expect(cal.isKnownYear(y)).toBe(true);
    expect(cal.isKnownYear(2003)).toBe(false);
    expect(cal.isKnownYear(2027)).toBe(false);
  });

  it('uses Chinese names', () => {
    expect(seed.days.find((d) => d.date === '2025-01-29')).toEqual({ date: '2025-01-29', kind: 'holiday', name: '春节' });
    expect(seed.days.find((d) => d.date === '2024-10-12')).toEqual({ date: '2024-10-12', kind: 'workday', name: '国庆节' });
  });

  it('agrees with chinese-days isWorkday on every day of 2004–2026', () => {
    const mismatches: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (cal.isWorkingDay(d) !== chineseDays.isWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('WorkCalendar.dayInfo', () => {
  it.each([
    // date, weekday, working, reason, name
    ['2025-01-20', 1, true, '工作日', undefined],
    ['2025-01-25', 6, false, '周末', undefined],
    ['2025-01-26', 0, true, '调休上班', '春节'],
    ['2025-01-28', 2, false, '法定节假日', '春节'],
    ['2025-02-01', 6, false, '法定节假日', '春节'], // weekend inside the holiday block
    ['2025-02-04', 2, false, '法定节假日', '春节'],
    ['2025-02-08', 6, true, '调休上班', '春节'],
    ['2024-09-29', 0, true, '调休上班', '国庆节'],
    ['2024-10-07', 1, false, '法定节假日', '国庆节'],
    ['2024-10-12', 6, true, '调休上班', '国庆节'],
    ['2025-04-27', 0, true, '调休上班', '劳动节'],
    ['2025-05-05', 1, false, '法定节假日', '劳动节'],
    ['2025-05-06', 2, true, '工作日', undefined],
  ] as const)('%s', (date, weekday, working, reason, name) => {
    const info = cal.dayInfo(date);
    expect(info).toEqual(name === undefined ? { date, weekday, working, reason } : { date, weekday, working, reason, name });
    expect(cal.isWorkingDay(date)).toBe(working);
  });
});

describe('a year not entered is provisional; a year out of range fails loudly', () => {
  it('computes 2027 from the statutory holidays and marks every day of it provisional', () => {
    expect(cal.isKnownYear(2027)).toBe(false);
    expect(cal.isProvisionalYear(2027)).toBe(true);
    // 2027-01-01 Fri 元旦; 2027-02-05 Fri 除夕; 2027-02-09 Tue 春节 made up (初一 Sat, 初二 Sun).
    expect(cal.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', weekday: 5, working: false, reason: '法定节假日', name: '元旦', provisional: true });
    expect(cal.dayInfo('2027-01-04')).toEqual({ date: '2027-01-04', weekday: 1, working: true, reason: '工作日', provisional: true });
    expect(cal.dayInfo('2027-02-09')).toEqual({
      date: '2027-02-09',
      weekday: 2,
      working: false,
      reason: '法定节假日',
      name: '春节（补假）',
      provisional: true,
    });
    expect(cal.dayInfo('2027-01-02')).toEqual({ date: '2027-01-02', weekday: 6, working: false, reason: '周末', provisional: true });
    // An entered year's day has no mark.
    expect(cal.dayInfo('2026-12-31')).toEqual({ date: '2026-12-31', weekday: 4, working: true, reason: '工作日' });
  });

  it('throws CalendarError for a year before 2025 that is not entered, or after 2099', () => {
    let err: unknown;
    try {
      cal.isWorkingDay('2003-12-31');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarError);
    const ce = err as CalendarError;
    expect(ce.code).toBe('calendar.unknown_year');
    expect(ce.year).toBe(2003);
    expect(ce.message).toBe('2003年的节假日安排未录入，且超出可按法定节假日推算的范围（2025–2099 年），无法计算工作日');
    expect(() => cal.dayInfo('2100-01-04')).toThrow(CalendarError);
    expect(() => cal.assertKnown('2099-12-31')).not.toThrow();
    expect(cal.isProvisionalYear(2024)).toBe(false); // entered (seeded)
  });

  it('works once an administrator enters the 2027 schedule', () => {
    const admin = new WorkCalendar({
      years: [...seed.years, 2027],
      days: [...seed.days, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(admin.isKnownYear(2027)).toBe(true);
    expect(admin.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      weekday: 5,
      working: false,
      reason: '法定节假日',
      name: '元旦',
    });
    expect(admin.isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(admin.isWorkingDay('2027-01-04')).toBe(true); // Monday
  });
});

describe('WorkCalendar construction', () => {
  it('rejects an adjusted workday on a weekday', () => {
    expect(() => new WorkCalendar({ years: [2027], days: [{ date: '2027-01-05', kind: 'workday', name: '元旦' }] })).toThrow(InvalidDateError);
  });

  it('rejects conflicting duplicate entries', () => {
    expect(
      () =>
        new WorkCalendar({
          years: [2027],
          days: [
            { date: '2027-01-02', kind: 'workday', name: '元旦' },
            { date: '2027-01-02', kind: 'holiday', name: '元旦' },
          ],
        }),
    ).toThrow(InvalidDateError);
  });

  it('exposes its years and days sorted', () => {
    const c = new WorkCalendar({
      years: [2027, 2026],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
    expect(c.years).toEqual([2026, 2027]);
    expect(c.days.map((d) => d.date)).toEqual(['2026-10-01', '2027-01-01']);
  });
});
