/**
 * Hand-checked Clock cases. The disclosure cases follow 政府信息公开条例 arts. 30, 32–34:
 * application received 2025-01-20 (Mon), reply within 20 working days → 2025-02-21 (Fri):
 *   Jan 21-24 (1-4), 25 Sat, 26 Sun 调休 (5), 27 (6), Jan 28-Feb 4 春节, Feb 5-7 (7-9),
 *   8 Sat 调休 (10), 9 Sun, 10-14 (11-15), 15-16 weekend, 17-21 (16-20).
 */
import { describe, expect, it } from 'vitest';
import { CalendarError, chineseDaysSeed, WorkCalendar } from './calendar.js';
import { type ClockSpec, ClockSpecError, type ClockState, computeClock, provisionalNote } from './clock.js';

const cal = new WorkCalendar(chineseDaysSeed());

const disclosure: ClockSpec = { start: '2025-01-20', period: 20, unit: 'working' };

interface Case {
  name: string;
  spec: ClockSpec;
  today: string;
  due: string | null;
  state: ClockState;
  daysLeft: number | null;
  counted?: number;
}

const cases: Case[] = [
  // --- plain disclosure request -------------------------------------------------------------
  {
    name: 'running: (Feb 10, Feb 21] = Feb 11-14, 17-21 = 9 working days left',
    spec: disclosure,
    today: '2025-02-10',
    due: '2025-02-21',
    state: 'running',
    daysLeft: 9,
    counted: 20,
  },
  {
    name: 'on the start day itself: all 20 working days left',
    spec: disclosure,
    today: '2025-01-20',
    due: '2025-02-21',
    state: 'running',
    daysLeft: 20,
  },
  {
    name: 'running at 4 left: (Feb 17, Feb 21] = 18-21',
    spec: disclosure,
    today: '2025-02-17',
    due: '2025-02-21',
    state: 'running',
    daysLeft: 4,
  },
  {
    name: 'due soon at 3 left: (Feb 18, Feb 21] = 19-21',
    spec: disclosure,
    today: '2025-02-18',
    due: '2025-02-21',
    state: 'due_soon',
    daysLeft: 3,
  },
  {
    name: 'due soon on the due date: 0 left',
    spec: disclosure,
    today: '2025-02-21',
    due: '2025-02-21',
    state: 'due_soon',
    daysLeft: 0,
  },
  {
    name: 'custom dueSoonDays = 5 makes 4 left due soon',
    spec: { ...disclosure, dueSoonDays: 5 },
    today: '2025-02-17',
    due: '2025-02-21',
    state: 'due_soon',
    daysLeft: 4,
  },
  {
    name: 'overdue on the Saturday after the Friday due date: −1',
    spec: disclosure,
    today: '2025-02-22',
    due: '2025-02-21',
    state: 'overdue',
    daysLeft: -1,
  },
  {
    name: 'overdue on Monday: (Feb 21, Feb 24] = 1 working day late',
    spec: disclosure,
    today: '2025-02-24',
    due: '2025-02-21',
    state: 'overdue',
    daysLeft: -1,
  },
  {
    name: 'overdue on Tuesday: 2 working days late',
    spec: disclosure,
    today: '2025-02-25',
    due: '2025-02-21',
    state: 'overdue',
    daysLeft: -2,
  },
  {
    name: 'met on the due date (margin 0)',
    spec: { ...disclosure, completedOn: '2025-02-21' },
    today: '2025-03-10',
    due: '2025-02-21',
    state: 'met',
    daysLeft: 0,
  },
  {
    name: 'met a week early: (Feb 14, Feb 21] = 5 working days to spare',
    spec: { ...disclosure, completedOn: '2025-02-14' },
    today: '2025-03-10',
    due: '2025-02-21',
    state: 'met',
    daysLeft: 5,
  },
  {
    name: 'missed: replied Monday Feb 24, 1 working day late',
    spec: { ...disclosure, completedOn: '2025-02-24' },
    today: '2025-03-10',
    due: '2025-02-21',
    state: 'missed',
    daysLeft: -1,
  },

  // --- correction restart (art. 30) -----------------------------------------------------------
  {
    name: 'restart: corrected application received 2025-02-10 → Feb 11-14 (4), 17-21 (9), 24-28 (14), Mar 3-7 (19), Mar 10 (20)',
    spec: {
      ...disclosure,
      // given out of order: the latest restart wins
      restarts: [
        { on: '2025-02-10', reason: '收到补正后的申请' },
        { on: '2025-01-24', reason: '误录的重新起算' },
      ],
    },
    today: '2025-02-24',
    due: '2025-03-10',
    state: 'running',
    daysLeft: 10,
    counted: 20,
  },

  // --- third-party consultation excluded (arts. 32, 34) ---------------------------------------
  {
    name: 'exclusion Feb 10-28 (15 working days): 10 counted by Feb 8, Mar 3-7 (15), Mar 10-14 (20) → Mar 14; ' + '(Mar 5, Mar 14] = 7 left',
    spec: { ...disclosure, exclusions: [{ from: '2025-02-10', to: '2025-02-28', reason: '征求第三方意见' }] },
    today: '2025-03-05',
    due: '2025-03-14',
    state: 'running',
    daysLeft: 7,
    counted: 20,
  },
  {
    name: 'paused: consultation open since Feb 10; 10 working days counted (Jan 21-24, 26, 27, Feb 5-8)',
    spec: { ...disclosure, exclusions: [{ from: '2025-02-10', reason: '征求第三方意见' }] },
    today: '2025-02-20',
    due: null,
    state: 'paused',
    daysLeft: null,
    counted: 10,
  },
  {
    name: 'paused on the very day the pause starts',
    spec: { ...disclosure, exclusions: [{ from: '2025-02-10', reason: '征求第三方意见' }] },
    today: '2025-02-10',
    due: null,
    state: 'paused',
    daysLeft: null,
    counted: 10,
  },
  {
    name: 'completed while paused counts as met',
    spec: { ...disclosure, exclusions: [{ from: '2025-02-10', reason: '征求第三方意见' }], completedOn: '2025-02-25' },
    today: '2025-03-10',
    due: null,
    state: 'met',
    daysLeft: null,
    counted: 10,
  },
  {
    name: 'an open pause that starts after the period ended does not revive it: (Feb 21, Feb 26] = 3 late',
    spec: { ...disclosure, exclusions: [{ from: '2025-02-24', reason: '征求第三方意见' }] },
    today: '2025-02-26',
    due: '2025-02-21',
    state: 'overdue',
    daysLeft: -3,
  },
  {
    name: 'an open pause that has not begun yet is ignored: (Feb 12, Feb 21] = 7 left',
    spec: { ...disclosure, exclusions: [{ from: '2025-02-15', reason: '拟征求第三方意见' }] },
    today: '2025-02-12',
    due: '2025-02-21',
    state: 'running',
    daysLeft: 7,
  },

  // --- extension (art. 33) ----------------------------------------------------------------------
  {
    name: 'extension +20: Feb 21 (20), Feb 24-28 (25), Mar 3-7 (30), 10-14 (35), 17-21 (40); (Mar 18, 21] = 3',
    spec: {
      ...disclosure,
      extensions: [{ days: 20, reason: '需要延长答复期限', approvedBy: '政府信息公开工作机构负责人', approvedOn: '2025-02-19' }],
    },
    today: '2025-03-18',
    due: '2025-03-21',
    state: 'due_soon',
    daysLeft: 3,
    counted: 40,
  },

  // --- all together ---------------------------------------------------------------------------
  {
    name:
      'restart Feb 10 + consultation Feb 17-Mar 7 + 20-day extension: Feb 11-14 (4), Mar 10-14 (9), 17-21 (14), ' +
      '24-28 (19), Mar 31-Apr 3 (23), 清明 Apr 4-6, Apr 7-11 (28), 14-18 (33), 21-25 (38), Apr 27 Sun 调休 (39), ' +
      'Apr 28 (40); (Apr 25, Apr 28] = Apr 27, 28',
    spec: {
      ...disclosure,
      restarts: [{ on: '2025-02-10', reason: '收到补正后的申请' }],
      exclusions: [{ from: '2025-02-17', to: '2025-03-07', reason: '征求第三方意见' }],
      extensions: [{ days: 20, reason: '需要延长答复期限' }],
    },
    today: '2025-04-25',
    due: '2025-04-28',
    state: 'due_soon',
    daysLeft: 2,
    counted: 40,
  },

  // --- National Day 2024 --------------------------------------------------------------------------
  {
    name: 'received 2024-09-27, 20 working days → 2024-10-30; (Oct 25, Oct 30] = 28, 29, 30',
    spec: { start: '2024-09-27', period: 20, unit: 'working' },
    today: '2024-10-25',
    due: '2024-10-30',
    state: 'due_soon',
    daysLeft: 3,
  },

  // --- calendar-day periods (行政复议法: 60 days) -------------------------------------------------
  {
    name: 'reconsideration application within 60 days of 2024-12-01: Jan 30 (春节) rolls to Feb 5; Jan 20 → 16 days left',
    spec: { start: '2024-12-01', period: 60, unit: 'calendar' },
    today: '2025-01-20',
    due: '2025-02-05',
    state: 'running',
    daysLeft: 16,
    counted: 60,
  },
  {
    name: 'same, 2 calendar days left on Feb 3 (a holiday)',
    spec: { start: '2024-12-01', period: 60, unit: 'calendar' },
    today: '2025-02-03',
    due: '2025-02-05',
    state: 'due_soon',
    daysLeft: 2,
  },
  {
    name: 'same, overdue by 1 on Feb 6',
    spec: { start: '2024-12-01', period: 60, unit: 'calendar' },
    today: '2025-02-06',
    due: '2025-02-05',
    state: 'overdue',
    daysLeft: -1,
  },
  {
    name: 'reconsideration decision 60 + 30 days from 2025-03-04: Jun 2 (端午) rolls to Jun 3; May 6 → 28 days left',
    spec: { start: '2025-03-04', period: 60, unit: 'calendar', extensions: [{ days: 30, reason: '情况复杂，延长审理期限' }] },
    today: '2025-05-06',
    due: '2025-06-03',
    state: 'running',
    daysLeft: 28,
    counted: 90,
  },
  {
    name: 'calendar clock with a 10-day 中止 Mar 10-19: Mar 5-9 (5), Mar 20-31 (17), Apr (47), May 1-13 (60)',
    spec: {
      start: '2025-03-04',
      period: 60,
      unit: 'calendar',
      exclusions: [{ from: '2025-03-10', to: '2025-03-19', reason: '行政复议中止' }],
      completedOn: '2025-05-13',
    },
    today: '2025-06-01',
    due: '2025-05-13',
    state: 'met',
    daysLeft: 0,
    counted: 60,
  },
  {
    name: 'calendar clock missed by 2 days',
    spec: { start: '2025-03-04', period: 60, unit: 'calendar', completedOn: '2025-05-08' },
    today: '2025-06-01',
    due: '2025-05-06',
    state: 'missed',
    daysLeft: -2,
  },
];

describe('computeClock', () => {
  it.each(cases)('$name', ({ spec, today, due, state, daysLeft, counted }) => {
    const r = computeClock(cal, spec, today);
    expect({ due: r.due, state: r.state, daysLeft: r.daysLeft }).toEqual({ due, state, daysLeft });
    if (counted !== undefined) expect(r.countedDays).toHaveLength(counted);
    if (r.due !== null) expect(r.countedDays[r.countedDays.length - 1]! <= r.due).toBe(true);
    expect(r.explanation.length).toBeGreaterThan(2);
  });

  it('explains each step in Chinese', () => {
    const r = computeClock(cal, disclosure, '2025-02-10');
    expect(r.explanation).toEqual([
      '起算：2025-01-20（星期一）为起算事件日，期间自次日 2025-01-21 起计算，期限 20 个工作日。',
      '计入：2025-01-21 至 2025-01-24（第1–4个工作日）。',
      '跳过：2025-01-25（周末），不计入期限。',
      '计入：2025-01-26（第5个工作日，调休上班·春节）。',
      '计入：2025-01-27（第6个工作日）。',
      '跳过：2025-01-28 至 2025-02-04（法定节假日·春节），不计入期限。',
      '计入：2025-02-05 至 2025-02-07（第7–9个工作日）。',
      '计入：2025-02-08（第10个工作日，调休上班·春节）。',
      '跳过：2025-02-09（周末），不计入期限。',
      '计入：2025-02-10 至 2025-02-14（第11–15个工作日）。',
      '跳过：2025-02-15 至 2025-02-16（周末），不计入期限。',
      '计入：2025-02-17 至 2025-02-21（第16–20个工作日）。',
      '届满日：2025-02-21（星期五）。',
      '结果：截至 2025-02-10 距届满日尚余 9 个工作日，正常计时。',
    ]);
  });

  it('explains restarts, extensions, exclusions and roll-forward', () => {
    const restarted = computeClock(
      cal,
      {
        ...disclosure,
        restarts: [{ on: '2025-02-10', reason: '收到补正后的申请' }],
        exclusions: [{ from: '2025-02-17', to: '2025-03-07', reason: '征求第三方意见' }],
        extensions: [{ days: 20, reason: '需要延长答复期限', approvedBy: '张三', approvedOn: '2025-03-20' }],
      },
      '2025-04-25',
    );
    expect(restarted.explanation).toEqual(
      expect.arrayContaining([
        '重新起算：2025-02-10，收到补正后的申请。',
        '以最后一次重新起算日 2025-02-10 为准，期间自次日 2025-02-11 起重新计算。',
        '延期：延长 20 个工作日，需要延长答复期限（批准人：张三；批准日期：2025-03-20）。',
        '延期后期限合计 40 个工作日。',
        '中止：2025-02-17 至 2025-03-07，征求第三方意见，该期间不计入期限。',
        '跳过：2025-02-17 至 2025-03-07（中止期间·征求第三方意见），不计入期限。',
        '跳过：2025-04-04 至 2025-04-06（法定节假日·清明），不计入期限。',
        '计入：2025-04-27（第39个工作日，调休上班·劳动节）。',
        '届满日：2025-04-28（星期一）。',
      ]),
    );
    expect(restarted.effectiveStart).toBe('2025-02-10');
    expect(restarted.totalDays).toBe(40);

    const rolled = computeClock(cal, { start: '2024-12-01', period: 60, unit: 'calendar' }, '2025-01-20');
    expect(rolled.explanation).toContain(
      '顺延：期间最后一日 2025-01-30（法定节假日·春节）不是工作日，顺延至其后第一个工作日 2025-02-05（跳过 2025-01-30 至 2025-02-04）。',
    );
    expect(rolled.skippedDays.map((s) => s.date)).toEqual(['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);

    const paused = computeClock(cal, { ...disclosure, exclusions: [{ from: '2025-02-10', reason: '征求第三方意见' }] }, '2025-02-20');
    expect(paused.explanation).toContain('中止中：自 2025-02-10 起暂停计算（征求第三方意见），已计入 10 个工作日，尚余 10 个工作日，恢复计算后确定届满日。');
  });

  it('lists excluded days with their reason', () => {
    const r = computeClock(cal, { ...disclosure, exclusions: [{ from: '2025-02-10', to: '2025-02-28', reason: '征求第三方意见' }] }, '2025-03-05');
    const excluded = r.skippedDays.filter((s) => s.reason === '中止期间');
    expect(excluded).toHaveLength(19); // Feb 10-28, weekends included
    expect(excluded[0]).toEqual({ date: '2025-02-10', reason: '中止期间', name: '征求第三方意见' });
    expect(r.skippedDays).toHaveLength(33); // (Jan 20, Mar 14] has 53 days, 20 counted
  });

  it('runs into a provisional year with a 预计 due date and the sentence that says why', () => {
    // RULES.md §1 / issue 9 contract: 2026-12-10 (Thu) + 20 working days — Dec 11 (1), 14–18 (2–6),
    // 21–25 (7–11), 28–31 (12–15); 2027-01-01 元旦 and 01-02/03 weekend skipped; Jan 4–8 (16–20).
    const r = computeClock(cal, { start: '2026-12-10', period: 20, unit: 'working' }, '2026-12-10');
    expect(r.due).toBe('2027-01-08');
    expect(r.provisional).toBe(true);
    expect(r.provisionalYears).toEqual([2027]);
    expect(r.explanation).toContain('跳过：2027-01-01（法定节假日·元旦，推算），不计入期限。');
    expect(r.explanation).toContain('届满日：2027-01-08（星期五），预计。');
    expect(r.explanation.join('\n')).toContain(provisionalNote([2027]));
    expect(provisionalNote([2027])).toBe(
      '2027年节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的法定节假日推算，为预计日期；国务院公布2027年节假日安排后，以据此重新计算的日期为准。',
    );
    // Completed before 2027 is reached: the due date still depends on 2027.
    expect(computeClock(cal, { start: '2026-12-10', period: 20, unit: 'working', completedOn: '2026-12-20' }, '2026-12-21')).toMatchObject({
      state: 'met',
      provisional: true,
    });
    // A clock inside 2026 is not provisional; past 2099 the year is unknown.
    expect(computeClock(cal, { start: '2026-11-02', period: 20, unit: 'working' }, '2026-11-02')).toMatchObject({
      due: '2026-11-30',
      provisional: false,
      provisionalYears: [],
    });
    expect(() => computeClock(cal, { start: '2099-12-20', period: 20, unit: 'working' }, '2099-12-21')).toThrow(CalendarError);
  });

  it('works across an administrator-entered 2027', () => {
    const seed = chineseDaysSeed();
    const admin = new WorkCalendar({
      years: [...seed.years, 2027],
      days: [...seed.days, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    // 2026-12-28 Mon: Dec 29-31 (1-3), Jan 1 元旦, Jan 2-3 weekend, Jan 4-5 (4-5)
    const r = computeClock(admin, { start: '2026-12-28', period: 5, unit: 'working' }, '2026-12-31');
    expect(r.due).toBe('2027-01-05');
    expect(r.state).toBe('due_soon');
    expect(r.daysLeft).toBe(2);
  });

  it.each<[string, ClockSpec]>([
    ['restart before start', { ...disclosure, restarts: [{ on: '2025-01-19', reason: 'x' }] }],
    ['exclusion ending before it starts', { ...disclosure, exclusions: [{ from: '2025-02-10', to: '2025-02-09', reason: 'x' }] }],
    ['non-positive period', { ...disclosure, period: 0 }],
    ['fractional extension', { ...disclosure, extensions: [{ days: 1.5, reason: 'x' }] }],
    ['invalid date', { ...disclosure, start: '2025-02-30' }],
    ['completion before start', { ...disclosure, completedOn: '2025-01-19' }],
  ])('rejects an inconsistent spec: %s', (_name, spec) => {
    expect(() => computeClock(cal, spec, '2025-02-10')).toThrow(ClockSpecError);
  });
});
