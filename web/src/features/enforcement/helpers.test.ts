/**
 * What the penalty-case pages decide before asking the server: the buttons a user is offered (the
 * server's `allowedActions`, 法制审核 only to the legal reviewer, nothing on another org's case), the
 * benchmarks that fit a party, when a fine needs a discretion reason, and the penalties as sent.
 */
import { describe, expect, it } from 'vitest';
import type { BenchmarkView } from '@server/modules/enforcement/benchmarks/contracts';
import { actionsFor, benchmarksFor, caseYears, cleanPenalties, outsideRange, penaltiesText } from './helpers';

const bench = (partyKind: BenchmarkView['partyKind'], over: Partial<BenchmarkView> = {}): BenchmarkView => ({
  id: `b-${partyKind}`,
  orgId: 'o1',
  orgName: '某某市档案局',
  code: 'a48_2',
  partyKind,
  partyKindLabel: partyKind,
  violation: '擅自提供档案',
  breachBasis: '《中华人民共和国档案法》第四十八条第（二）项',
  penaltyBasis: '《中华人民共和国档案法》第四十九条第一款',
  statutoryMin: 10_000,
  statutoryMax: 100_000,
  confiscation: false,
  levels: [
    {
      circumstance: 'minor',
      circumstanceLabel: '轻微',
      min: 10_000,
      max: 32_500,
      penalties: ['warning', 'fine'],
      penaltiesLabel: '警告、罚款',
      description: '',
    },
    {
      circumstance: 'general',
      circumstanceLabel: '一般',
      min: 32_500,
      max: 55_000,
      penalties: ['warning', 'fine'],
      penaltiesLabel: '警告、罚款',
      description: '',
    },
  ],
  ...over,
});

describe('actionsFor', () => {
  const c = { orgId: 'o1', allowedActions: ['decide', 'addEvidence', 'review', 'notify'] as const };
  it('offers the server’s actions in the lifecycle’s order, 法制审核 only to a reviewer', () => {
    expect(actionsFor({ ...c, allowedActions: [...c.allowedActions] }, { manage: true, review: false, approve: false, orgId: 'o1' })).toEqual([
      'addEvidence',
      'notify',
      'decide',
    ]);
    expect(actionsFor({ ...c, allowedActions: [...c.allowedActions] }, { manage: true, review: true, approve: false, orgId: 'o1' })).toEqual([
      'addEvidence',
      'notify',
      'review',
      'decide',
    ]);
    expect(actionsFor({ ...c, allowedActions: [...c.allowedActions] }, { manage: false, review: true, approve: false, orgId: 'o1' })).toEqual(['review']);
  });
  it('offers 立案审批 only to the head, who offers nothing else', () => {
    const filing = { orgId: 'o1', allowedActions: ['approveFiling' as const] };
    expect(actionsFor(filing, { manage: true, review: true, approve: false, orgId: 'o1' })).toEqual([]);
    expect(actionsFor(filing, { manage: false, review: false, approve: true, orgId: 'o1' })).toEqual(['approveFiling']);
    expect(actionsFor({ ...c, allowedActions: [...c.allowedActions] }, { manage: false, review: false, approve: true, orgId: 'o1' })).toEqual([]);
  });
  it('offers nothing on a subordinate org’s case, nor what the server does not allow', () => {
    expect(actionsFor({ ...c, allowedActions: [...c.allowedActions] }, { manage: true, review: true, approve: true, orgId: 'o2' })).toEqual([]);
    expect(actionsFor({ orgId: 'o1', allowedActions: [] }, { manage: true, review: true, approve: false, orgId: 'o1' })).toEqual([]);
  });
});

describe('benchmarksFor', () => {
  const all = [bench('unit'), bench('individual'), bench('archive_service')];
  it('an individual, a unit and an archive-service company each get their own', () => {
    expect(benchmarksFor(all, 'individual', null).map((b) => b.partyKind)).toEqual(['individual']);
    expect(benchmarksFor(all, 'unit', 'agency').map((b) => b.partyKind)).toEqual(['unit']);
    expect(benchmarksFor(all, 'unit', 'archive_service').map((b) => b.partyKind)).toEqual(['archive_service']);
    expect(benchmarksFor(all, 'unit', undefined).map((b) => b.partyKind)).toEqual(['unit', 'archive_service']);
  });
});

describe('outsideRange', () => {
  const b = bench('unit');
  it('names the recommended range a fine lies outside of; inside, or without a fine, nothing', () => {
    expect(outsideRange(b, 'general', [{ type: 'warning' }, { type: 'fine', amount: 60_000 }])).toEqual({ min: 32_500, max: 55_000 });
    expect(outsideRange(b, 'general', [{ type: 'fine', amount: 40_000 }])).toBeNull();
    expect(outsideRange(b, 'general', [{ type: 'warning' }])).toBeNull();
    expect(outsideRange(b, 'minor', [{ type: 'fine', amount: 40_000 }])).toEqual({ min: 10_000, max: 32_500 });
    expect(outsideRange(undefined, 'general', [{ type: 'fine', amount: 1 }])).toBeNull();
  });
});

describe('penalties', () => {
  it('sends an amount only for a fine or a confiscation, drops empty rows, and reads in Chinese', () => {
    const rows = [
      { type: 'warning' as const, amount: 5 },
      undefined,
      {},
      { type: 'fine' as const, amount: 40_000, note: ' ' },
      { type: 'other' as const, note: '通报批评' },
    ];
    expect(cleanPenalties(rows)).toEqual([{ type: 'warning' }, { type: 'fine', amount: 40_000 }, { type: 'other', note: '通报批评' }]);
    expect(penaltiesText(cleanPenalties(rows))).toBe('警告；罚款 40,000 元；其他（通报批评）');
  });
  it('the year filter offers this year and nine before', () => {
    expect(caseYears(new Date('2025-06-01T00:00:00Z'))).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2019', '2018', '2017', '2016']);
  });
});
