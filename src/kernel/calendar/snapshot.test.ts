/**
 * The stored clock snapshot (what lets the dashboard sort, count and page clocks in SQL): hand-checked
 * "due soon" days, and, for every day from the snapshot's day until it goes stale, the state it
 * gives equals what computeClock says on that day.
 */
import { describe, expect, it } from 'vitest';
import { addDays, chineseDaysSeed, WorkCalendar } from './calendar.js';
import { type ClockSpec, clockSnapshot, computeClock, snapshotState } from './clock.js';

const cal = new WorkCalendar(chineseDaysSeed());

describe('clockSnapshot', () => {
  it.each([
    // 2025-01-20 + 20 working days = Fri 2025-02-21; 3 working days left from Tue 02-18 (19, 20, 21).
    ['disclosure reply, 3 working days', { start: '2025-01-20', period: 20, unit: 'working' }, '2025-02-01', '2025-02-21', '2025-02-18'],
    // due Mon 2025-02-10 (5 working days from 02-01: Feb 5, 6, 7, 8 调休 Sat, 10): within 3 from Thu 02-06 (7, 8, 10).
    ['across a make-up Saturday', { start: '2025-01-31', period: 5, unit: 'working' }, '2025-02-01', '2025-02-10', '2025-02-06'],
    // calendar days: 2025-03-01 + 15 = Sun 03-16, rolled over to Mon 03-17; 3 days left from 03-14.
    ['calendar days ending on a Sunday', { start: '2025-03-01', period: 15, unit: 'calendar' }, '2025-03-02', '2025-03-17', '2025-03-14'],
    // 10 working days from Fri 09-26: 9-28 Sun 调休 (1), 29, 30, 国庆 10-1…8, 10-9, 10, 11 Sat 调休, 13, 14, 15, 16 (10) → Thu 10-16.
    // Within 7: (Sep 30, Oct 16] = 9, 10, 11, 13, 14, 15, 16 = 7 working days; (Sep 29, …] adds the 30th (8). So from 09-30.
    ['dueSoonDays 7 over 国庆', { start: '2025-09-26', period: 10, unit: 'working', dueSoonDays: 7 }, '2025-09-27', '2025-10-16', '2025-09-30'],
  ] as const)('%s', (_name, spec, today, due, from) => {
    const s = clockSnapshot(cal, spec as ClockSpec, today);
    expect(s).toMatchObject({ due, dueSoonFrom: from, paused: false, settled: null, provisional: false, staleFrom: null });
  });

  it('a paused clock has no due date; a met one is settled; a later exclusion makes it stale from its day', () => {
    const paused: ClockSpec = { start: '2025-01-20', period: 20, unit: 'working', exclusions: [{ from: '2025-02-10', reason: '征求第三方意见' }] };
    expect(clockSnapshot(cal, paused, '2025-02-12')).toMatchObject({ due: null, paused: true, settled: null });
    expect(clockSnapshot(cal, paused, '2025-02-05')).toMatchObject({ due: '2025-02-21', paused: false, staleFrom: '2025-02-10' });
    expect(clockSnapshot(cal, { start: '2025-01-20', period: 20, unit: 'working', completedOn: '2025-02-20' }, '2025-03-01')).toMatchObject({
      settled: 'met',
      dueSoonFrom: null,
    });
    expect(clockSnapshot(cal, { start: '2025-01-20', period: 20, unit: 'working', completedOn: '2025-02-24' }, '2025-03-01').settled).toBe('missed');
    // a year not announced: provisional
    expect(clockSnapshot(cal, { start: '2026-12-20', period: 20, unit: 'working' }, '2026-12-21')).toMatchObject({ due: '2027-01-18', provisional: true });
  });

  const specs: ClockSpec[] = [
    { start: '2025-01-20', period: 20, unit: 'working' },
    { start: '2025-09-20', period: 15, unit: 'working', dueSoonDays: 5 },
    { start: '2025-04-28', period: 3, unit: 'working' },
    { start: '2025-12-25', period: 30, unit: 'calendar', dueSoonDays: 7 },
    { start: '2025-01-20', period: 20, unit: 'working', extensions: [{ days: 20, approvedOn: '2025-02-18', reason: '延长答复期限' }] },
    { start: '2025-01-20', period: 20, unit: 'working', exclusions: [{ from: '2025-02-10', to: '2025-02-20', reason: '征求第三方意见' }] },
    { start: '2025-05-01', period: 5, unit: 'working', exclusions: [{ from: '2025-05-20', reason: '征求第三方意见' }] },
  ];
  it.each(specs.map((s, i) => [i, s] as const))('spec %i: the stored state equals computeClock on every day until it goes stale', (_i, spec) => {
    for (let t0 = spec.start; t0 <= addDays(spec.start, 90); t0 = addDays(t0, 7)) {
      const s = clockSnapshot(cal, spec, t0);
      for (let d = t0; d <= addDays(t0, 80) && (!s.staleFrom || d < s.staleFrom); d = addDays(d, 1)) {
        expect(snapshotState(s, d), `snapshot of ${t0} on ${d}`).toBe(computeClock(cal, spec, d).state);
      }
    }
  });
});
