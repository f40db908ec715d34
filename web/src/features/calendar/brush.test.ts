/**
 * Picking days on the year grid (ScheduleEntryDrawer's brush). 2027: 1 January is a Friday, so
 * 2027-01-02/03 are a Saturday and a Sunday, 2027-01-04 a Monday.
 */
import { describe, expect, it } from 'vitest';
import { BRUSHES, nearestHoliday, paintDay, type Brush } from './brush';

const brush = (value: string): Brush => BRUSHES.find((b) => b.value === value)!.brush;
const newYear = [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦' }];

describe('paintDay', () => {
  it('refuses a 调休上班 day on a weekday, and leaves the days as they were', () => {
    expect(paintDay(newYear, '2027-01-04', brush('w'))).toEqual({ refused: '调休上班日只能是周六或周日' });
    expect(newYear).toHaveLength(1);
  });

  it('takes a 调休上班 Saturday or Sunday, named after the nearest holiday within two weeks', () => {
    expect(paintDay(newYear, '2027-01-02', brush('w'))).toEqual({
      days: [...newYear, { date: '2027-01-02', kind: 'workday', name: '元旦' }],
    });
    // 2027-01-30 is a Saturday 29 days after 元旦: no holiday near, so it is just 调休上班.
    expect(paintDay(newYear, '2027-01-30', brush('w'))).toEqual({ days: [...newYear, { date: '2027-01-30', kind: 'workday', name: '调休上班' }] });
  });

  it('a holiday brush marks any day, replacing what the day was, and keeps the days in date order', () => {
    const r = paintDay([...newYear, { date: '2027-02-06', kind: 'workday', name: '春节' }], '2027-02-06', brush('h:春节'));
    expect(r).toEqual({ days: [...newYear, { date: '2027-02-06', kind: 'holiday', name: '春节' }] });
    const earlier = paintDay([{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }], '2027-05-03', brush('h:劳动节'));
    expect('days' in earlier && earlier.days.map((d) => d.date)).toEqual(['2027-05-03', '2027-10-01']);
  });

  it('clear makes the day ordinary again', () => {
    expect(paintDay(newYear, '2027-01-01', brush('c'))).toEqual({ days: [] });
    expect(paintDay(newYear, '2027-03-01', brush('c'))).toEqual({ days: newYear });
  });
});

describe('nearestHoliday', () => {
  it('picks the closest holiday day, ignoring other 调休上班 days', () => {
    const days = [
      { date: '2027-02-05', kind: 'holiday' as const, name: '春节' },
      { date: '2027-02-14', kind: 'workday' as const, name: '春节' },
      { date: '2027-04-05', kind: 'holiday' as const, name: '清明节' },
    ];
    expect(nearestHoliday(days, '2027-02-13')).toBe('春节');
    expect(nearestHoliday(days, '2027-04-10')).toBe('清明节');
    expect(nearestHoliday(days, '2027-06-01')).toBe('调休上班');
  });
});
