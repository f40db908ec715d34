import { describe, expect, it } from 'vitest';
import { applyExclusions, monthsBefore, type PoolUnit, type UnitHistory } from './pool.js';

describe('monthsBefore', () => {
  it.each([
    ['2025-03-03', 12, '2024-03-03'],
    ['2025-01-15', 1, '2024-12-15'],
    ['2025-03-31', 1, '2025-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2025-12-31', 6, '2025-06-30'],
    ['2025-03-03', 0, '2025-03-03'],
  ])('%s − %i months = %s', (day, months, expected) => {
    expect(monthsBefore(day, months)).toBe(expected);
  });
});

describe('applyExclusions (stub history; today 2025-03-03, 12 months → cutoff 2024-03-03)', () => {
  const units: PoolUnit[] = [
    { id: 'U1', name: '甲局', type: 'agency', riskTier: 'low' },
    { id: 'U2', name: '乙公司', type: 'private', riskTier: 'high' },
    { id: 'U3', name: '丙医院', type: 'institution', riskTier: 'medium' },
    { id: 'U4', name: '丁社区', type: 'community', riskTier: 'low' },
    { id: 'U5', name: '戊镇', type: 'township', riskTier: 'medium' },
    { id: 'U6', name: '己公司', type: 'private', riskTier: 'medium' },
  ];
  const history = new Map<string, UnitHistory>([
    ['U1', { lastInspectedOn: '2025-01-10', complained: false }], // recent → out
    ['U2', { lastInspectedOn: '2025-01-10', complained: false }], // recent, high risk → kept
    ['U3', { lastInspectedOn: '2024-12-01', complained: true }], // recent, complained → kept
    ['U4', { lastInspectedOn: '2024-03-03', complained: false }], // exactly 12 months ago → eligible again
    ['U6', { lastInspectedOn: '2024-03-04', complained: false }], // one day inside the window → out
  ]);
  const rules = { recentMonths: 12, keepHighRisk: true, keepComplained: true };

  it('leaves out the recently inspected, keeps high risk and complained-about units, with reasons', () => {
    const r = applyExclusions(units, history, rules, '2025-03-03');
    expect(r.pool.map((u) => u.id)).toEqual(['U2', 'U3', 'U4', 'U5']);
    expect(r.excluded).toEqual([
      { unitId: 'U1', name: '甲局', reason: '2025-01-10 已检查（12 个月内），本次不再抽取' },
      { unitId: 'U6', name: '己公司', reason: '2024-03-04 已检查（12 个月内），本次不再抽取' },
    ]);
    expect(r.kept).toEqual([
      { unitId: 'U2', name: '乙公司', note: '2025-01-10 已检查（12 个月内），但为高风险单位，仍参加抽取' },
      { unitId: 'U3', name: '丙医院', note: '2024-12-01 已检查（12 个月内），但有投诉举报，仍参加抽取' },
    ]);
  });

  it('follows the settings: no exceptions, a shorter window, or off', () => {
    const strict = applyExclusions(units, history, { ...rules, keepHighRisk: false, keepComplained: false }, '2025-03-03');
    expect(strict.pool.map((u) => u.id)).toEqual(['U4', 'U5']);
    const threeMonths = applyExclusions(units, history, { ...rules, recentMonths: 3, keepHighRisk: false, keepComplained: false }, '2025-03-03');
    // cutoff 2024-12-03: U1, U2 (2025-01-10) out; U3 (2024-12-01) back in.
    expect(threeMonths.excluded.map((e) => e.unitId)).toEqual(['U1', 'U2']);
    const off = applyExclusions(units, history, { ...rules, recentMonths: 0 }, '2025-03-03');
    expect(off.pool).toHaveLength(6);
    expect(off.excluded).toEqual([]);
  });

  it('an empty history (today: no inspections recorded yet) excludes nobody', () => {
    expect(applyExclusions(units, new Map(), rules, '2025-03-03').pool).toHaveLength(6);
  });
});

describe('applyExclusions: inspections planned or under way (issue 9 item 8; today 2025-03-03, 12 months)', () => {
  const u = (id: string, riskTier = 'medium'): PoolUnit => ({ id, name: `单位${id}`, type: 'agency', riskTier });
  const open = (code: string, status: string, plannedDate: string) => ({ code, status, plannedDate });
  const rules = { recentMonths: 12, keepHighRisk: true, keepComplained: true };
  it.each([
    // unit, history, in the pool?, the reason shown where excluded units are listed (or the kept note)
    [
      'planned (待通知): out',
      u('P'),
      { lastInspectedOn: null, complained: false, open: [open('J-2025-004', 'planned', '2025-03-17')] },
      false,
      '已有检查 J-2025-004（待通知，检查日 2025-03-17）尚未办结，本次不再抽取',
    ],
    [
      'notified: out',
      u('N'),
      { lastInspectedOn: null, complained: false, open: [open('J-2025-005', 'notified', '2025-03-17')] },
      false,
      '已有检查 J-2025-005（已通知，检查日 2025-03-17）尚未办结，本次不再抽取',
    ],
    [
      'rectifying, signed 2024-02-01 (outside the 12 months): out all the same',
      u('R'),
      { lastInspectedOn: '2024-02-01', complained: false, open: [open('J-2024-009', 'rectifying', '2024-02-01')] },
      false,
      '已有检查 J-2024-009（整改中，检查日 2024-02-01）尚未办结，本次不再抽取',
    ],
    [
      'high risk and complained about: no exception for an open inspection',
      u('H', 'high'),
      { lastInspectedOn: '2025-01-10', complained: true, open: [open('J-2025-001', 'feedback_issued', '2025-01-10')] },
      false,
      '已有检查 J-2025-001（已反馈，检查日 2025-01-10）尚未办结，本次不再抽取',
    ],
    [
      'two open: the earliest named, the count given',
      u('T'),
      { lastInspectedOn: null, complained: false, open: [open('J-2025-002', 'self_inspected', '2025-03-06'), open('J-2025-007', 'planned', '2025-03-27')] },
      false,
      '已有检查 J-2025-002（已自查，检查日 2025-03-06）等 2 项检查尚未办结，本次不再抽取',
    ],
    ['closed long ago, nothing open: in', u('C'), { lastInspectedOn: '2023-05-01', complained: false, open: [] }, true, null],
    [
      'closed recently, high risk, nothing open: kept by the recent-inspection rule',
      u('K', 'high'),
      { lastInspectedOn: '2025-02-20', complained: false },
      true,
      '2025-02-20 已检查（12 个月内），但为高风险单位，仍参加抽取',
    ],
  ] as [string, PoolUnit, UnitHistory, boolean, string | null][])('%s', (_why, unit, h, inPool, text) => {
    const r = applyExclusions([unit], new Map<string, UnitHistory>([[unit.id, h]]), rules, '2025-03-03');
    expect(r.pool.map((x) => x.id)).toEqual(inPool ? [unit.id] : []);
    if (!inPool) expect(r.excluded).toEqual([{ unitId: unit.id, name: unit.name, reason: text }]);
    else expect(r.kept.map((k) => k.note)).toEqual(text ? [text] : []);
  });
});
