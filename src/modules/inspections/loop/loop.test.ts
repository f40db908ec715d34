/** The inspection flow as data and the notice rule (RULES.md §3 local practice, §1 counting), hand-checked. */
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed, computeClock, WorkCalendar } from '../../../kernel/calendar/index.js';
import {
  actionsInContext,
  allowedActions,
  certificateProblem,
  rectificationFlags,
  lastWorkingDayOnOrBefore,
  latestNotice,
  latestNoticeDate,
  transitionProblem,
} from './loop.js';
import { noticeClockSpec } from './loop.js';
import { imageType } from './record.service.js';

const cal = new WorkCalendar(chineseDaysSeed());

describe('latest notice date: n working days after it, up to and including the planned date; always a working day', () => {
  it.each([
    // planned, n, latest (a working day), why
    ['2025-03-17', 5, '2025-03-10', 'Mon: 03-11…03-14 and 03-17'],
    ['2025-03-20', 5, '2025-03-13', 'Thu: 03-14, 17, 18, 19, 20'],
    ['2025-03-21', 5, '2025-03-14', 'Fri: 03-17…03-21; the day before is Sunday 03-16 → Friday 03-14 (across a weekend)'],
    ['2025-03-17', 1, '2025-03-14', 'Mon with n = 1: the Sunday before → Friday'],
    ['2025-04-11', 5, '2025-04-03', 'Fri: 04-07…04-11; before it 04-06 (Sun), 04-05 (Sat), 04-04 清明 → Thursday 04-03 (across a holiday)'],
    ['2025-10-14', 5, '2025-09-30', 'Tue: 10-14, 13, 11 (Sat, 调休上班), 10, 09; before it 10-01…10-08 国庆中秋 → 09-30'],
    ['2025-02-07', 5, '2025-01-24', '春节 01-28…02-04 off; 01-26 (Sun) is 调休上班 and counts: 02-07, 06, 05, 01-27, 01-26; 01-25 (Sat) → 01-24'],
    ['2025-10-09', 5, '2025-09-25', '国庆 10-01…10-08 off; 09-28 (Sun) 调休上班: 10-09, 09-30, 29, 28, 26'],
    ['2025-03-17', 0, '2025-03-17', 'n = 0: the day itself'],
  ])('planned %s, n = %i → %s (%s)', (planned, n, latest) => {
    expect(latestNoticeDate(cal, planned, n)).toBe(latest);
    expect(cal.isWorkingDay(latest)).toBe(true);
    expect(lastWorkingDayOnOrBefore(cal, latest)).toBe(latest);
  });

  it('across the year into one not entered (2027): the latest day is provisional (预计) when the count passes its days', () => {
    // Planned Tue 2027-01-05, n = 5: 01-05, 01-04, (01-03 Sun, 01-02 Sat, 01-01 元旦 — provisional), 12-31, 12-30, 12-29 → Mon 2026-12-28.
    expect(latestNotice(cal, '2027-01-05', 5)).toEqual({ date: '2026-12-28', provisional: true, provisionalYears: [2027] });
    // Planned in 2026: nothing provisional.
    expect(latestNotice(cal, '2026-12-21', 5)).toEqual({ date: '2026-12-14', provisional: false, provisionalYears: [] });
  });

  it('the dashboard clock is due on the last working day that still fits', () => {
    // Created Monday 2025-03-03 for 2025-03-17: 5 working days to 03-10 (04, 05, 06, 07, 10).
    const { spec, latest } = noticeClockSpec(cal, { plannedDate: '2025-03-17', noticeOn: null }, '2025-03-03', 5);
    expect(latest).toBe('2025-03-10');
    expect(spec).toMatchObject({ start: '2025-03-03', period: 5, unit: 'working' });
    expect(computeClock(cal, spec, '2025-03-03')).toMatchObject({ due: '2025-03-10', daysLeft: 5, state: 'running' });
    expect(computeClock(cal, spec, '2025-03-07')).toMatchObject({ due: '2025-03-10', daysLeft: 1, state: 'due_soon' });
    // Created too late (2025-03-12 for 2025-03-17): due 03-10 already passed.
    const late = noticeClockSpec(cal, { plannedDate: '2025-03-17', noticeOn: null }, '2025-03-12', 5);
    expect(computeClock(cal, late.spec, '2025-03-12')).toMatchObject({ due: '2025-03-10', state: 'overdue' });
    // Sent: met.
    const sent = noticeClockSpec(cal, { plannedDate: '2025-03-17', noticeOn: '2025-03-05' }, '2025-03-03', 5);
    expect(computeClock(cal, sent.spec, '2025-03-12').state).toBe('met');
  });
});

describe('the flow', () => {
  // Every status × party, hand-written from the table in loop.ts.
  it.each([
    ['planned', 'bureau', ['notify']],
    ['planned', 'unit', []],
    ['notified', 'bureau', ['amendNotice', 'editRecord', 'sign']],
    ['notified', 'unit', ['saveSelfInspection', 'submitSelfInspection']],
    ['self_inspected', 'bureau', ['amendNotice', 'editRecord', 'sign']],
    ['self_inspected', 'unit', []],
    ['on_site_signed', 'bureau', ['issueFeedback', 'refer']],
    ['on_site_signed', 'unit', []],
    ['feedback_issued', 'bureau', ['interview', 'followUp', 'refer', 'close', 'publish', 'markExemplary']],
    ['feedback_issued', 'unit', ['reportRectification']],
    ['rectifying', 'bureau', ['reviewRectification', 'interview', 'followUp', 'refer', 'close', 'publish', 'markExemplary']],
    ['rectifying', 'unit', ['reportRectification']],
    ['closed', 'bureau', ['followUp', 'refer', 'publish', 'markExemplary']],
    ['closed', 'unit', []],
  ] as const)('in %s the %s may %j', (status, party, actions) => {
    expect(allowedActions(status, party)).toEqual(actions);
  });

  const none = { items: 0, flags: 0, unaddressedFlags: 0, inProgress: 0, referable: 0, published: false };
  it.each([
    // status, context, the bureau's actions
    ['on_site_signed', { ...none, referable: 1 }, ['issueFeedback', 'refer']],
    ['on_site_signed', none, ['issueFeedback']],
    // Within the deadline, nothing flagged, unpublished: review (in rectifying) and publish only.
    ['feedback_issued', { ...none, items: 2, inProgress: 2 }, ['publish']],
    ['rectifying', { ...none, items: 2, inProgress: 2 }, ['reviewRectification', 'publish']],
    // A flag not yet addressed: interview, follow-up; not yet close.
    [
      'rectifying',
      { ...none, items: 2, flags: 1, unaddressedFlags: 1, inProgress: 1, referable: 2 },
      ['reviewRectification', 'interview', 'followUp', 'refer', 'publish'],
    ],
    // Flag addressed but another item still within its deadline: no close.
    ['rectifying', { ...none, items: 2, flags: 1, inProgress: 1, published: true }, ['reviewRectification', 'interview', 'followUp', 'markExemplary']],
    // Every item accepted or flagged-and-addressed: close.
    ['rectifying', { ...none, items: 2, flags: 1, published: true }, ['reviewRectification', 'interview', 'followUp', 'close', 'markExemplary']],
    // Closed: a follow-up only when there were items; no close, no interview.
    ['closed', { ...none, items: 1, published: true }, ['followUp', 'markExemplary']],
    ['closed', none, ['publish']],
  ] as const)('in %s with %j the bureau may %j', (status, c, actions) => {
    expect(actionsInContext(status, 'bureau', c)).toEqual(actions);
  });
  it("the unit is never offered the bureau's actions", () => {
    expect(actionsInContext('rectifying', 'unit', { ...none, items: 1, flags: 1, referable: 1 })).toEqual(['reportRectification']);
  });

  it('names the status and where the action is allowed', () => {
    expect(transitionProblem('notified', 'notify')).toBe('检查当前状态为“已通知”，不能送达检查通知书（仅在“待通知”状态下可以）');
    expect(transitionProblem('planned', 'submitSelfInspection')).toMatch(/“待通知”.*仅在“已通知”/);
    expect(transitionProblem('planned', 'notify')).toBeNull();
  });

  it.each([
    [{ status: 'active', certIssuedOn: '2024-01-01', certExpiresOn: '2025-03-17' }, null],
    [{ status: 'active', certIssuedOn: '2024-01-01', certExpiresOn: '2025-03-16' }, '甲（执法证 X1 于 2025-03-16 到期）'],
    [{ status: 'active', certIssuedOn: '2025-03-18', certExpiresOn: '2028-01-01' }, '甲（执法证 X1 自 2025-03-18 起有效）'],
    [{ status: 'inactive', certIssuedOn: '2024-01-01', certExpiresOn: '2028-01-01' }, '甲（已停用）'],
  ])('certificate on 2025-03-17: %j → %s', (i, problem) => {
    expect(certificateProblem({ name: '甲', certificateNo: 'X1', ...i }, '2025-03-17')).toBe(problem);
  });
});

describe('photo type by magic bytes', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    [[...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBP')], 'image/webp'],
    [[...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WAVE')], null],
    [[...Buffer.from('GIF89a')], null],
    [[...Buffer.from('%PDF-1.7')], null],
    [[0x89, 0x50, 0x4e, 0x47], null],
    [[], null],
  ])('%j → %s', (bytes, type) => {
    expect(imageType(Buffer.from(bytes))).toBe(type);
  });
});

describe('rectification flags (约谈 / 回头看): returned twice, or not accepted by the deadline', () => {
  const item = (code: string, status: 'open' | 'reported' | 'accepted' | 'returned', returnCount = 0) => ({
    id: code,
    entryId: code,
    code,
    title: code,
    text: code,
    status,
    returnCount,
  });
  it.each([
    [[item('A', 'returned', 1)], '2025-05-06', '2025-05-06', []],
    [[item('A', 'returned', 2)], '2025-05-06', '2025-04-01', ['A：整改情况已被退回 2 次，应约谈或组织回头看']],
    [[item('A', 'reported')], '2025-05-06', '2025-05-07', ['A：整改期限 2025-05-06 已过仍未通过审核，应约谈或组织回头看']],
    [[item('A', 'accepted'), item('B', 'open')], '2025-05-06', '2025-05-07', ['B：整改期限 2025-05-06 已过仍未通过审核，应约谈或组织回头看']],
    [[item('A', 'accepted')], '2025-05-06', '2025-06-01', []],
    // Accepted in the end after two returns: rectified, nothing more to do.
    [[item('A', 'accepted', 2), item('B', 'reported', 2)], '2025-05-06', '2025-04-01', ['B：整改情况已被退回 2 次，应约谈或组织回头看']],
  ] as const)('%j due %s on %s → %j', (items, due, today, expected) => {
    expect(rectificationFlags([...items], due, today).map((f) => `${f.code}：${f.reason}`)).toEqual(expected);
  });
});
