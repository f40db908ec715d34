/**
 * The provisional schedule (RULES.md §1, 全国年节及纪念日放假办法 2024 art. 2 and art. 6), worked out
 * by hand from the lunar calendar and the weekday of each day.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chineseDaysSeed } from './calendar.js';
import { provisionalSchedule, qingmingDay, springFestivalDay, statutoryDates } from './provisional.js';

const short = (year: number) => provisionalSchedule(year).map((d) => `${d.date.slice(5)} ${d.name}`);

describe('provisionalSchedule', () => {
  it.each<[number, string[], string]>([
    [
      2027,
      [
        '01-01 元旦',
        '02-05 春节',
        '02-06 春节',
        '02-07 春节',
        '02-08 春节',
        '02-09 春节（补假）',
        '02-10 春节（补假）',
        '04-05 清明节',
        '05-01 劳动节',
        '05-02 劳动节',
        '05-03 劳动节（补假）',
        '05-04 劳动节（补假）',
        '06-09 端午节',
        '09-15 中秋节',
        '10-01 国庆节',
        '10-02 国庆节',
        '10-03 国庆节',
        '10-04 国庆节（补假）',
        '10-05 国庆节（补假）',
      ],
      '元旦 Fri; 除夕 Fri 02-05, 初一 Sat, 初二 Sun, 初三 Mon → two days made up Tue/Wed; 清明 Mon; 5-1 Sat, 5-2 Sun → Mon/Tue; 端午 (五月初五) Wed; 中秋 (八月十五) Wed; 10-1 Fri, 10-2 Sat, 10-3 Sun → Mon/Tue',
    ],
    [
      2028,
      [
        '01-01 元旦',
        '01-03 元旦（补假）',
        '01-25 春节',
        '01-26 春节',
        '01-27 春节',
        '01-28 春节',
        '04-04 清明节',
        '05-01 劳动节',
        '05-02 劳动节',
        '05-28 端午节',
        '05-29 端午节（补假）',
        '10-01 国庆节',
        '10-02 国庆节',
        '10-03 国庆节',
        '10-04 国庆节（补假）',
        '10-05 中秋节（补假）',
      ],
      '元旦 Sat → Mon 01-03; 除夕 Tue 01-25 … 初三 Fri; 清明 Tue; 5-1 Mon, 5-2 Tue; 端午 Sun 05-28 → Mon; 10-1 Sun → Wed 10-04; 中秋 falls on 10-03, already off for 国庆 → made up Thu 10-05',
    ],
    [
      2030,
      [
        '01-01 元旦',
        '02-02 春节',
        '02-03 春节',
        '02-04 春节',
        '02-05 春节',
        '02-06 春节（补假）',
        '02-07 春节（补假）',
        '04-05 清明节',
        '05-01 劳动节',
        '05-02 劳动节',
        '06-05 端午节',
        '09-12 中秋节',
        '10-01 国庆节',
        '10-02 国庆节',
        '10-03 国庆节',
      ],
      '元旦 Tue; 除夕 Sat 02-02, 初一 Sun → made up Wed/Thu after 初三 Tue; 清明 Fri; 5-1 Wed; 端午 Wed; 中秋 Thu; 10-1 Tue',
    ],
  ])('%i', (year, expected) => {
    expect(short(year)).toEqual(expected);
  });

  it('agrees with the official schedules of 2025 and 2026 on every statutory day (each is a day off there)', () => {
    const official = new Set(
      chineseDaysSeed()
        .days.filter((d) => d.kind === 'holiday')
        .map((d) => d.date),
    );
    for (const year of [2025, 2026]) {
      for (const h of statutoryDates(year)) for (const d of h.dates) expect(official.has(d), `${year} ${h.name} ${d}`).toBe(true);
    }
  });

  it('refuses a year outside the 2024 revision or the lunar tables', () => {
    expect(() => provisionalSchedule(2024)).toThrow(RangeError);
    expect(() => provisionalSchedule(2100)).toThrow(RangeError);
  });
});

describe('lunar and solar-term dates do not depend on the server time zone', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('%s', (zone) => {
    process.env.TZ = zone;
    expect(springFestivalDay(2027)).toBe('2027-02-06');
    expect(qingmingDay(2027)).toBe('2027-04-05');
    expect(qingmingDay(2028)).toBe('2028-04-04');
    expect(statutoryDates(2027).find((h) => h.name === '中秋节')!.dates).toEqual(['2027-09-15']);
  });
});
