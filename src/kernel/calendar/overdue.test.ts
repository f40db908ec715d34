/**
 * 逾期 N 天, one definition (issue 13 §1): `overdueDays` counts in the clock's unit, `overdueText` labels
 * it 工作日 / 自然日, `clockDaysText` is the one line lists show. Hand-checked on the 2025 schedule:
 * 劳动节 05-01–05-05 off with Sunday 04-27 worked; 国庆/中秋 10-01–10-08 off with Sunday 09-28 and
 * Saturday 10-11 worked.
 */
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed, WorkCalendar } from './index.js';
import { clockDaysText, computeClock, overdueDays, overdueText } from './clock.js';

const cal = new WorkCalendar(chineseDaysSeed());

describe('overdueDays', () => {
  it.each([
    // unit, due, today → days late
    ['working', '2025-03-14', '2025-03-13', 0], // before the due date
    ['working', '2025-03-14', '2025-03-14', 0], // the due date itself is not late
    ['working', '2025-03-14', '2025-03-15', 1], // Saturday right after a Friday due date: already a day late
    ['working', '2025-03-14', '2025-03-16', 1], // Sunday: still 1
    ['working', '2025-03-14', '2025-03-17', 1], // Monday: the first working day late
    ['working', '2025-03-14', '2025-03-18', 2],
    ['calendar', '2025-03-14', '2025-03-15', 1],
    ['calendar', '2025-03-14', '2025-03-17', 3],
    ['working', '2025-04-30', '2025-05-05', 1], // 05-01–05-05 劳动节: none worked; on a day off the next working day (05-06) counts
    ['working', '2025-04-30', '2025-05-06', 1], // 05-06 the first working day
    ['calendar', '2025-04-30', '2025-05-06', 6],
    ['working', '2025-09-26', '2025-09-28', 1], // Sunday 09-28 调休上班 counts
    ['working', '2025-09-26', '2025-10-08', 4], // 09-28, 29, 30 and — on a day off — the next working day 10-09 already
    ['working', '2025-09-26', '2025-10-09', 4],
    ['working', '2025-09-26', '2025-10-11', 6], // 10-10, and Saturday 10-11 调休上班
    ['calendar', '2025-09-26', '2025-10-11', 15],
    ['working', '2025-04-16', '2025-05-12', 16], // 04-17, 18, 21–25, 27, 28–30, 05-06–09, 05-12 (监测预警's hand count)
  ] as const)('%s clock due %s, on %s: %i', (unit, due, today, n) => {
    expect(overdueDays(cal, unit, due, today)).toBe(n);
  });

  it('is the clock’s own −daysLeft on every overdue day (so the 工作台 and 监测预警 agree)', () => {
    for (const unit of ['working', 'calendar'] as const) {
      const spec = { start: '2025-09-01', period: 15, unit };
      const due = computeClock(cal, spec, '2025-09-01').due!;
      for (let i = 1; i <= 60; i++) {
        const today = new Date(Date.parse(`${due}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
        const c = computeClock(cal, spec, today);
        expect(c.state).toBe('overdue');
        expect(overdueDays(cal, unit, due, today), `${unit} ${today}`).toBe(-c.daysLeft!);
      }
    }
  });
});

describe('the words', () => {
  it.each([
    [3, 'working', '逾期 3 个工作日'],
    [3, 'calendar', '逾期 3 个自然日'],
  ] as const)('overdueText(%i, %s) = %s', (n, unit, text) => {
    expect(overdueText(n, unit)).toBe(text);
  });

  it.each([
    [{ state: 'met', daysLeft: 4, unit: 'working' }, '已按期完成'],
    [{ state: 'met', daysLeft: null, unit: 'working' }, '已按期完成'],
    [{ state: 'missed', daysLeft: -2, unit: 'working' }, '逾期 2 个工作日完成'],
    [{ state: 'overdue', daysLeft: -3, unit: 'calendar' }, '逾期 3 个自然日'],
    [{ state: 'overdue', daysLeft: -134, unit: 'working' }, '逾期 134 个工作日'],
    [{ state: 'due_soon', daysLeft: 0, unit: 'working' }, '今日到期'],
    [{ state: 'due_soon', daysLeft: 2, unit: 'calendar' }, '剩余 2 个自然日'],
    [{ state: 'running', daysLeft: 10, unit: 'working' }, '剩余 10 个工作日'],
    [{ state: 'paused', daysLeft: null, unit: 'working' }, '计时暂停'],
    [{ state: 'running', daysLeft: null, unit: 'working' }, '—'],
  ] as const)('%o → %s', (c, text) => {
    expect(clockDaysText(c)).toBe(text);
  });
});
