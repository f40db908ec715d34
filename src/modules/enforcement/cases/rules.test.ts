/**
 * The clocks and rules of a penalty case, hand-checked against the 2025 schedule (chinese-days):
 * 春节 01-28…02-04 off with 01-26 (Sun) and 02-08 (Sat) worked; 劳动节 05-01…05 off with 04-27 (Sun)
 * worked; 国庆 10-01…08 off with 09-28 (Sun) and 10-11 (Sat) worked. Counting starts the day after.
 */
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed, computeClock, WorkCalendar } from '../../../kernel/calendar/index.js';
import {
  allowedCaseActions,
  decisionClock,
  earliestHearingDay,
  hearingEligible,
  hearingRequestClock,
  heaviestPenalty,
  paymentClock,
  penaltyProblems,
  publicationClock,
  reviewReasons,
  withdrawalClock,
  type CaseState,
} from './rules.js';
import { standardBenchmarks } from '../benchmarks/standard.js';

const cal = new WorkCalendar(chineseDaysSeed());
const due = (spec: Parameters<typeof computeClock>[1]) => computeClock(cal, spec, '2025-01-01').due;

describe('90 calendar days from filing to decision (行政处罚法第六十条)', () => {
  it.each([
    // Jan 3…31 = 29, Feb = 28 (57), Mar = 31 (88), Apr 1…2 (90)
    ['2025-01-02', [], '2025-04-02'],
    // Jul 5…31 = 27, Aug 31 (58), Sep 30 (88), Oct 2 (90) — 国庆, rolled to the next working day 10-09
    ['2025-07-04', [], '2025-10-09'],
    // + 30 approved: 2025-04-02 + 30 = 2025-05-02 (劳动节) → 2025-05-06
    ['2025-01-02', [{ days: 30, reason: '案情复杂', approvedOn: '2025-03-20' }], '2025-05-06'],
  ] as const)('filed %s, extensions %j → due %s', (filed, ext, expected) => {
    expect(due(decisionClock(filed, ext, null))).toBe(expected);
  });
});

describe('5 working days to ask for a hearing, from the service of the notice', () => {
  it.each([
    ['2025-03-05', '2025-03-12'], // 06 07 10 11 12
    ['2025-09-26', '2025-10-10'], // 09-28 (调休) 29 30, 10-09 10
    ['2025-01-24', '2025-02-07'], // 01-26 (调休) 27, 02-05 06 07
  ])('served %s → last day %s', (served, expected) => {
    expect(due(hearingRequestClock(served, null))).toBe(expected);
  });
});

describe('the hearing noticed 7 working days before it', () => {
  it.each([
    ['2025-03-10', '2025-03-19'], // 11 12 13 14 17 18 19
    ['2025-04-30', '2025-05-14'], // 05-06 07 08 09 12 13 14
    ['2025-04-25', '2025-05-08'], // 04-27 (调休) 28 29 30, 05-06 07 08
  ])('notice %s → earliest hearing %s', (notice, expected) => {
    expect(earliestHearingDay(cal, notice)).toBe(expected);
  });
});

describe('7 working days to publish a decision, 3 to withdraw a revoked one', () => {
  it.each([
    ['2025-03-20', '2025-03-31'], // 21 24 25 26 27 28 31
    ['2025-01-24', '2025-02-10'], // 01-26 27, 02-05 06 07 08 (调休) 10
  ])('decided %s → publish by %s', (decided, expected) => {
    expect(due(publicationClock(decided, null))).toBe(expected);
  });
  it.each([
    ['2025-03-20', '2025-03-25'], // 21 24 25
    ['2025-09-30', '2025-10-11'], // 10-09 10 11 (Saturday, 调休上班)
  ])('revoked %s → withdrawn by %s', (revoked, expected) => {
    expect(due(withdrawalClock(revoked, null))).toBe(expected);
  });
});

describe('the heaviest penalty: confiscation > fine > warning > other', () => {
  it.each([
    [['warning', 'fine'], 'fine'],
    [['fine', 'confiscation', 'warning'], 'confiscation'],
    [['other', 'warning'], 'warning'],
    [['other'], 'other'],
    [[], null],
  ] as const)('%j → %s', (types, expected) => {
    expect(heaviestPenalty(types.map((type) => ({ type })))).toBe(expected);
  });
});

describe('fine ranges of the benchmarks (档案法第四十九条)', () => {
  const b = standardBenchmarks().find((x) => x.code === 'a48_2' && x.partyKind === 'unit')!;
  const ind = standardBenchmarks().find((x) => x.code === 'a48_1' && x.partyKind === 'individual')!;
  const svc = standardBenchmarks().find((x) => x.code === 'a48_4' && x.partyKind === 'archive_service')!;
  it('has the statutory ranges and quarters as recommended ranges', () => {
    expect([b.statutoryMin, b.statutoryMax, ind.statutoryMin, ind.statutoryMax, svc.statutoryMin, svc.statutoryMax]).toEqual([
      10_000, 100_000, 500, 5_000, 20_000, 200_000,
    ]);
    expect(b.levels.map((l) => [l.min, l.max])).toEqual([
      [10_000, 32_500],
      [32_500, 55_000],
      [55_000, 77_500],
      [77_500, 100_000],
    ]);
    expect(
      standardBenchmarks()
        .filter((x) => x.confiscation)
        .map((x) => `${x.code}/${x.partyKind}`),
    ).toEqual(['a48_3/unit', 'a48_3/individual', 'a48_5/unit', 'a48_5/individual']);
  });
  it.each([
    [[{ type: 'fine', amount: 40_000 }], undefined, []],
    [[{ type: 'fine', amount: 9_999 }], undefined, ['penalties.0.amount']],
    [[{ type: 'warning' }, { type: 'fine', amount: 100_001 }], '理由', ['penalties.1.amount']],
    [[{ type: 'fine', amount: 60_000 }], undefined, ['discretionReason']],
    [[{ type: 'fine', amount: 60_000 }], '多次违法', []],
    [[{ type: 'confiscation' }], undefined, ['penalties.0.type']],
    [[{ type: 'fine' }], undefined, ['penalties.0.amount']],
  ] as const)('%j (reason %s) → %j', (ps, reason, fields) => {
    expect(penaltyProblems(b, 'general', ps as never, reason).map((p) => p.field)).toEqual(fields);
  });
});

describe('hearing and review thresholds (settings: units 50,000, individuals 3,000)', () => {
  const t = { unit: 50_000, individual: 3_000 };
  it.each([
    ['unit', 49_999, false],
    ['unit', 50_000, true],
    ['individual', 2_999, false],
    ['individual', 3_000, true],
  ] as const)('%s fined %d → hearing %s', (kind, amount, expected) => {
    expect(hearingEligible(kind, [{ type: 'fine', amount }], t)).toBe(expected);
  });
  it('review is required after a hearing, at the threshold, or for a major case', () => {
    expect(reviewReasons({ partyKind: 'unit', penalties: [{ type: 'warning' }], hearingHeldOn: null, major: false }, t)).toEqual([]);
    expect(reviewReasons({ partyKind: 'unit', penalties: [{ type: 'fine', amount: 50_000 }], hearingHeldOn: '2025-03-19', major: true }, t)).toHaveLength(3);
  });
});

describe('allowed actions', () => {
  const base: CaseState = {
    status: 'investigating',
    imported: false,
    pendingWithdrawal: false,
    result: null,
    hearingEligible: false,
    hearingRequestOpen: false,
    hearingRequestedOn: null,
    hearingOn: null,
    hearingHeldOn: null,
    reviewRequired: false,
    reviewPassed: false,
    discussionRequired: false,
    discussed: false,
    fine: 0,
    fineCollected: 0,
    courtApplied: false,
    instalments: false,
    publishedOn: null,
    revokedOn: null,
    withdrawnOn: null,
  };
  it.each([
    [{}, ['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'notify', 'review', 'decide']],
    [{ pendingWithdrawal: true }, ['decideWithdrawal']],
    [
      { status: 'notified', hearingEligible: true, hearingRequestOpen: true },
      ['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'requestHearing', 'review'],
    ],
    [{ status: 'notified', reviewRequired: true }, ['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'review']],
    [
      { status: 'notified', reviewRequired: true, reviewPassed: true, discussionRequired: true },
      ['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'discuss'],
    ],
    [{ status: 'hearing' }, ['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'scheduleHearing']],
    [{ status: 'hearing', hearingOn: '2025-03-19' }, ['addEvidence', 'addInquiry', 'requestWithdrawal', 'extend', 'holdHearing']],
    [{ status: 'decided', result: 'penalty' }, ['serve', 'publish', 'revoke']],
    [{ status: 'served', result: 'penalty', fine: 100, publishedOn: '2025-03-25' }, ['pay', 'instalments', 'applyCourt', 'revoke']],
    [{ status: 'served', result: 'penalty', fine: 100, fineCollected: 40, instalments: true, publishedOn: '2025-03-25' }, ['pay', 'applyCourt', 'revoke']],
    [{ status: 'filing' }, ['approveFiling']],
    [{ status: 'filing', pendingWithdrawal: true }, ['approveFiling']],
    [{ status: 'not_filed' }, []],
    [{ status: 'served', result: 'no_penalty' }, ['close', 'revoke']],
    [{ status: 'closed', result: 'penalty', publishedOn: '2025-03-25', revokedOn: '2025-04-01' }, ['withdrawPublication']],
    [{ status: 'closed', imported: true }, []],
  ] as const)('%j → %j', (over, expected) => {
    expect(allowedCaseActions({ ...base, ...over } as CaseState)).toEqual(expected);
  });
});

describe('payment clock (行政处罚法第六十六、六十七条)', () => {
  const plan = {
    approvedOn: '2025-04-01',
    schedule: [
      { dueOn: '2025-05-01', amount: 20_000 },
      { dueOn: '2025-06-01', amount: 20_000 },
      { dueOn: '2025-07-01', amount: 10_000 },
    ],
  };
  it.each([
    // 15 calendar days from service; met the day the whole fine is paid
    ['no plan, unpaid', 60_000, [], null, null, { start: '2025-03-21', period: 15 }, undefined],
    [
      'no plan, paid in two',
      60_000,
      [
        { paidOn: '2025-03-30', amount: 30_000 },
        { paidOn: '2025-03-25', amount: 30_000 },
      ],
      null,
      null,
      { period: 15 },
      '2025-03-30',
    ],
    ['no plan, part paid then court', 60_000, [{ paidOn: '2025-03-25', amount: 10_000 }], null, '2025-07-01', { period: 15 }, '2025-07-01'],
    // 10,000 paid before the approval; the schedule covers the 50,000 left: first part due 2025-05-01 (30 days)
    ['plan, nothing since', 60_000, [{ paidOn: '2025-03-25', amount: 10_000 }], plan, null, { start: '2025-04-01', period: 30 }, undefined],
    // 20,000 more covers the first part: the next is due 2025-06-01 (61 days from 04-01)
    [
      'plan, first part paid',
      60_000,
      [
        { paidOn: '2025-03-25', amount: 10_000 },
        { paidOn: '2025-04-28', amount: 20_000 },
      ],
      plan,
      null,
      { period: 61 },
      undefined,
    ],
    // 15,000 does not cover the first part yet
    [
      'plan, first part short',
      60_000,
      [
        { paidOn: '2025-03-25', amount: 10_000 },
        { paidOn: '2025-04-28', amount: 15_000 },
      ],
      plan,
      null,
      { period: 30 },
      undefined,
    ],
    [
      'plan, all paid',
      60_000,
      [
        { paidOn: '2025-03-25', amount: 10_000 },
        { paidOn: '2025-04-28', amount: 20_000 },
        { paidOn: '2025-05-28', amount: 20_000 },
        { paidOn: '2025-06-20', amount: 10_000 },
      ],
      plan,
      null,
      { period: 91 },
      '2025-06-20',
    ],
  ] as const)('%s', (_name, fine, payments, p, court, expected, completedOn) => {
    const spec = paymentClock('2025-03-21', fine, payments, p, court);
    expect(spec).toMatchObject({ unit: 'calendar', ...expected });
    expect(spec.completedOn).toBe(completedOn);
  });
});
