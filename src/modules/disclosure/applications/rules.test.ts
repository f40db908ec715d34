/** What the page may offer (`allowedActions`) and the outcome guards it checks before sending, from the record. */
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed, WorkCalendar } from '../../../kernel/calendar/index.js';
import type { ApplicationRow } from '../schema.js';
import { allowedActions, outcomeGuards } from './rules.js';

const base = {
  id: 'a',
  orgId: 'o',
  receivedOn: '2025-03-03',
  decidedOn: null,
  outcome: null,
  correctionSentOn: null,
  correctionDeadline: null,
  correctedOn: null,
  consultations: [],
  extensionDays: null,
  extensionRequestedOn: null,
  feeMethod: null,
  feeNoticeOn: null,
  feeServedOn: null,
  feePaidOn: null,
} as unknown as ApplicationRow;
const row = (over: Partial<ApplicationRow>) => ({ ...base, ...over }) as ApplicationRow;
const desk = { own: true, handle: true, extend: true };

describe('allowedActions', () => {
  it('a fresh application: everything but recording a correction, an answer or a payment', () => {
    expect(allowedActions(base, desk)).toEqual(['correction', 'consult', 'extension', 'decision', 'fee']);
  });
  it('awaiting correction: only the corrected application, the extension, the decision', () => {
    expect(allowedActions(row({ correctionSentOn: '2025-03-05' }), desk)).toEqual(['corrected', 'extension', 'decision', 'fee']);
  });
  it('an open consultation: its answer; no second consultation, no correction', () => {
    const c = { id: 'c', kind: 'third_party' as const, party: 'X', from: '2025-03-05' };
    expect(allowedActions(row({ consultations: [c] }), desk)).toEqual(['consultEnd', 'extension', 'decision', 'fee']);
    // lapsed (15 working days passed): a new consultation may start, its late answer may still be recorded
    expect(allowedActions(row({ consultations: [{ ...c, lapsedOn: '2025-03-27' }] }), desk)).toEqual([
      'correction',
      'consult',
      'consultEnd',
      'extension',
      'decision',
      'fee',
    ]);
  });
  it('an unpaid fee notice: its service date and payment; once extended, no second extension', () => {
    expect(allowedActions(row({ feeMethod: 'page', feeNoticeOn: '2025-03-05', extensionDays: 10 }), desk)).toEqual([
      'correction',
      'consult',
      'decision',
      'feeServed',
      'feePaid',
    ]);
  });
  it('decided, another org, a reader, a leader', () => {
    expect(allowedActions(row({ decidedOn: '2025-03-20', outcome: 'disclosed' }), desk)).toEqual([]);
    expect(allowedActions(base, { ...desk, own: false })).toEqual([]);
    expect(allowedActions(base, { own: true, handle: false, extend: false })).toEqual([]);
    expect(allowedActions(base, { own: true, handle: false, extend: true })).toEqual(['extension']);
  });
  it('a desk without the user directory asks for an extension; the head decides a pending request', () => {
    const staff = { own: true, handle: true, extend: false };
    expect(allowedActions(base, staff)).toEqual(['correction', 'consult', 'extensionRequest', 'decision', 'fee']);
    const asked = row({ extensionRequestedOn: '2025-03-10', extensionRequestDays: 10 });
    expect(allowedActions(asked, staff)).toEqual(['correction', 'consult', 'decision', 'fee']);
    expect(allowedActions(asked, { own: true, handle: false, extend: true, approve: true })).toEqual(['extension', 'extensionDecision']);
    expect(allowedActions(row({ extensionRequestedOn: null }), { own: true, handle: false, extend: true, approve: true })).toEqual(['extension']);
  });
});

describe('outcomeGuards', () => {
  const cal = new WorkCalendar(chineseDaysSeed());
  const guard = (r: ApplicationRow, outcome: string) => outcomeGuards(r, cal, 20).find((g) => g.outcome === outcome)!;
  it('逾期不补正: refused without a notice or after a corrected application; otherwise only after the deadline', () => {
    expect(guard(base, 'other.no_correction').refused).toMatch(/须先发出补正通知/);
    expect(guard(row({ correctionSentOn: '2025-03-05', correctedOn: '2025-03-10' }), 'other.no_correction').refused).toMatch(/2025-03-10/);
    expect(guard(row({ correctionSentOn: '2025-03-05', correctionDeadline: '2025-03-20' }), 'other.no_correction')).toMatchObject({
      refused: null,
      onlyAfter: { date: '2025-03-20' },
    });
  });
  it('补正后仍不明确: only after a corrected application', () => {
    expect(guard(base, 'unavailable.unclear_after_correction').refused).not.toBeNull();
    expect(guard(row({ correctionSentOn: '2025-03-05', correctedOn: '2025-03-10' }), 'unavailable.unclear_after_correction').refused).toBeNull();
  });
  it('逾期不缴费: refused without a notice or once paid; otherwise only after the payment deadline', () => {
    expect(guard(base, 'other.unpaid_fee').refused).toMatch(/须先发出收费通知/);
    expect(guard(row({ feeNoticeOn: '2025-03-05', feePaidOn: '2025-03-06' }), 'other.unpaid_fee').refused).toMatch(/已于 2025-03-06 缴费/);
    // served Wed 5 March, 20 working days from the next day: Mar 6–7 (2), 10–14 (7), 17–21 (12), 24–28 (17), 31 (18), Apr 1–2 (20)
    expect(guard(row({ feeNoticeOn: '2025-03-05', feeServedOn: '2025-03-05' }), 'other.unpaid_fee').onlyAfter).toEqual({
      date: '2025-04-02',
      message: '缴费期限至 2025-04-02 届满，届满前不能按“逾期不缴费”处理',
    });
  });
});
