/**
 * The licence clocks, table-driven, each due date counted by hand on the 2025 schedule (春节 1月28日—
 * 2月4日 with 1月26日 and 2月8日 worked; 清明 4月4日—6日; 劳动节 5月1日—5日 with 4月27日 worked; 国庆、中秋
 * 10月1日—8日 with 9月28日 and 10月11日 worked). All periods are working days (行政许可法第八十二条).
 */
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed, computeClock, WorkCalendar } from '../../../kernel/calendar/index.js';
import type { ApplicationRow, ExclusionRecord } from '../schema.js';
import { allowedActions } from './rules.js';
import { acceptanceSpec, certificateSpec, decisionSpec, deemedAcceptance, publicationSpec, statusOf, withDeemed } from './clock.js';

const cal = new WorkCalendar(chineseDaysSeed());

const base = {
  id: 'a',
  orgId: 'o',
  source: 'desk',
  status: 'submitted',
  receivedOn: '2025-03-03',
  acceptedOn: null,
  acceptanceDeemed: false,
  correctionSentOn: null,
  correctionItems: null,
  correctedOn: null,
  exclusions: [] as ExclusionRecord[],
  extensionRequestedOn: null,
  extensionDays: null,
  extensionReason: null,
  extensionApprovedOn: null,
  decidedOn: null,
  result: null,
  certificateIssuedOn: null,
  publishedOn: null,
  withdrawnOn: null,
  materials: [],
} as unknown as ApplicationRow;
const row = (over: Partial<ApplicationRow>) => ({ ...base, ...over }) as ApplicationRow;
const due = (spec: Parameters<typeof computeClock>[1], today = '2025-03-03') => computeClock(cal, spec, today).due;

describe('受理: 5 working days, silence = accepted as of receipt (第三十二条)', () => {
  it.each<[string, string | null, string, string]>([
    // received, corrected, acceptance due, why
    ['2025-03-03', null, '2025-03-10', 'Mon → the next Monday (3月4—7日, 10日)'],
    ['2025-01-24', null, '2025-02-07', '春节: 1月26日 (worked Sunday), 27日, then 2月5—7日'],
    ['2025-03-03', '2025-03-12', '2025-03-19', 'restarts from the corrected materials: 3月13、14、17、18、19日'],
  ])('received %s, corrected %s → due %s (%s)', (receivedOn, correctedOn, expected) => {
    const r = row({ receivedOn, correctedOn, correctionSentOn: correctedOn ? '2025-03-05' : null });
    expect(due(acceptanceSpec(r), receivedOn)).toBe(expected);
  });

  it.each([
    // today, deemed
    ['2025-03-10', null],
    ['2025-03-11', '2025-03-03'],
  ])('received 2025-03-03, nothing done, on %s: deemed accepted as of %s', (today, on) => {
    expect(deemedAcceptance(cal, base, today)?.on ?? null).toBe(on);
  });

  it('no deemed acceptance while the correction list is out; after the corrected materials, as of their day', () => {
    expect(deemedAcceptance(cal, row({ correctionSentOn: '2025-03-05' }), '2025-04-30')).toBeNull();
    expect(deemedAcceptance(cal, row({ correctionSentOn: '2025-03-05', correctedOn: '2025-03-12' }), '2025-03-19')).toBeNull();
    expect(deemedAcceptance(cal, row({ correctionSentOn: '2025-03-05', correctedOn: '2025-03-12' }), '2025-03-20')).toEqual({
      on: '2025-03-12',
      due: '2025-03-19',
    });
  });

  it('reads as accepted (审查中) once deemed, and offers the review actions', () => {
    const r = withDeemed(cal, base, '2025-03-11');
    expect(r).toMatchObject({ status: 'reviewing', acceptedOn: '2025-03-03', acceptanceDeemed: true });
    expect(allowedActions(r, { own: true, handle: true, approve: false })).toEqual(['exclusionStart', 'extensionRequest', 'decision', 'withdraw']);
    expect(allowedActions(base, { own: true, handle: true, approve: false })).toEqual(['accept', 'correction', 'withdraw']);
  });
});

describe('决定: 20 working days from acceptance, excluded periods, +10 approved (第四十二、四十五条)', () => {
  const x = (from: string, to?: string): ExclusionRecord => ({ id: from, kind: 'expert_review', from, ...(to ? { to } : {}), note: '' });
  it.each([
    ['accepted 3月3日', row({ acceptedOn: '2025-03-03' }), '2025-03-31'],
    ['deemed after silence: from receipt', row({ acceptedOn: '2025-03-03', acceptanceDeemed: true }), '2025-03-31'],
    ['expert review 3月10—14日 not counted; 清明 passed over', row({ acceptedOn: '2025-03-03', exclusions: [x('2025-03-10', '2025-03-14')] }), '2025-04-08'],
    ['extension of 10 approved', row({ acceptedOn: '2025-03-03', extensionDays: 10, extensionApprovedOn: '2025-03-28' }), '2025-04-15'],
    ['silent after corrected materials on 3月12日', row({ acceptedOn: '2025-03-12', acceptanceDeemed: true, correctedOn: '2025-03-12' }), '2025-04-10'],
  ])('%s → due %s', (_what, r, expected) => {
    expect(due(decisionSpec(r, 20))).toBe(expected);
  });

  it('an excluded period still running pauses the clock (no due date)', () => {
    const c = computeClock(cal, decisionSpec(row({ acceptedOn: '2025-03-03', exclusions: [x('2025-03-10')] }), 20), '2025-03-20');
    expect(c).toMatchObject({ due: null, state: 'paused' });
  });

  it('a decision on the due day is met, the next working day missed', () => {
    expect(computeClock(cal, decisionSpec(row({ acceptedOn: '2025-03-03', decidedOn: '2025-03-31' }), 20), '2025-04-01').state).toBe('met');
    expect(computeClock(cal, decisionSpec(row({ acceptedOn: '2025-03-03', decidedOn: '2025-04-01' }), 20), '2025-04-01').state).toBe('missed');
  });
});

describe('证件 and 公开', () => {
  it.each([
    ['publication 7 days from 4月25日 (劳动节, 4月27日 worked)', publicationSpec(row({ decidedOn: '2025-04-25' })), '2025-05-08'],
    ['certificate 10 days from 9月26日 (国庆, 9月28日 and 10月11日 worked)', certificateSpec(row({ decidedOn: '2025-09-26' })), '2025-10-16'],
  ])('%s → %s', (_what, spec, expected) => {
    expect(due(spec, '2025-04-25')).toBe(expected);
  });
});

describe('statusOf', () => {
  it.each([
    [{}, 'submitted'],
    [{ correctionSentOn: '2025-03-05' }, 'correcting'],
    [{ correctionSentOn: '2025-03-05', correctedOn: '2025-03-07' }, 'submitted'],
    [{ acceptedOn: '2025-03-04' }, 'reviewing'],
    [{ acceptedOn: '2025-03-04', decidedOn: '2025-03-20' }, 'decided'],
    [{ acceptedOn: '2025-03-04', decidedOn: '2025-03-20', publishedOn: '2025-03-21' }, 'published'],
    [{ acceptedOn: '2025-03-04', withdrawnOn: '2025-03-10' }, 'withdrawn'],
  ] as const)('%o → %s', (over, status) => {
    expect(statusOf(row(over as Partial<ApplicationRow>))).toBe(status);
  });
});
