import { describe, expect, it } from 'vitest';
import { GradingError, gradeEvaluation, percent, type EvaluationItem, type GradeThresholds, type ItemResult } from './grading.js';

/** c compliant, x non-compliant, na not-applicable items (ids I1, I2, …), optionally preceded by veto items. */
function items(c: number, x: number, na = 0, veto: Partial<Record<string, ItemResult>> = {}): EvaluationItem[] {
  const out: EvaluationItem[] = Object.entries(veto).map(([id, result]) => ({ id, veto: true, result: result! }));
  const counts = { compliant: c, non_compliant: x, not_applicable: na };
  for (const r of out) counts[r.result] -= 1; // veto items count among the totals
  let n = 0;
  for (const result of ['compliant', 'non_compliant', 'not_applicable'] as const) {
    for (let i = 0; i < counts[result]; i++) out.push({ id: `I${++n}`, result });
  }
  return out;
}

function gradingError(f: () => unknown): GradingError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GradingError);
    return e as GradingError;
  }
  throw new Error('expected a GradingError');
}

describe('gradeEvaluation: by count of compliant items', () => {
  // Hand-checked: share = compliant / (compliant + non-compliant); 不适用 left out; bounds inclusive.
  it.each([
    // name, items, expected compliant/applicable, share text, grade
    {
      name: '60 of 74 with a failed veto item → 不合格, not 优秀 (60/74 = 81.08%)',
      items: items(60, 14, 0, { V1: 'non_compliant' }),
      c: 60,
      a: 74,
      pct: '81.08%',
      grade: 'fail',
      label: '不合格',
      veto: ['V1'],
    },
    { name: '60 of 74 without veto → 优秀', items: items(60, 14), c: 60, a: 74, pct: '81.08%', grade: 'excellent', label: '优秀', veto: [] },
    { name: 'exactly 80% (8/10) → 优秀', items: items(8, 2), c: 8, a: 10, pct: '80.00%', grade: 'excellent', label: '优秀', veto: [] },
    { name: 'exactly 80% (56/70) → 优秀', items: items(56, 14), c: 56, a: 70, pct: '80.00%', grade: 'excellent', label: '优秀', veto: [] },
    { name: '79.9% (799/1000) → 良好', items: items(799, 201), c: 799, a: 1000, pct: '79.90%', grade: 'good', label: '良好', veto: [] },
    { name: 'exactly 70% (7/10) → 良好', items: items(7, 3), c: 7, a: 10, pct: '70.00%', grade: 'good', label: '良好', veto: [] },
    { name: '69.9% (699/1000) → 合格', items: items(699, 301), c: 699, a: 1000, pct: '69.90%', grade: 'pass', label: '合格', veto: [] },
    { name: 'exactly 60% (6/10) → 合格', items: items(6, 4), c: 6, a: 10, pct: '60.00%', grade: 'pass', label: '合格', veto: [] },
    { name: 'exactly 60% (3/5) → 合格', items: items(3, 2), c: 3, a: 5, pct: '60.00%', grade: 'pass', label: '合格', veto: [] },
    { name: '59% (59/100) → 不合格', items: items(59, 41), c: 59, a: 100, pct: '59.00%', grade: 'fail', label: '不合格', veto: [] },
    { name: '100% → 优秀', items: items(12, 0), c: 12, a: 12, pct: '100.00%', grade: 'excellent', label: '优秀', veto: [] },
    { name: '0% → 不合格', items: items(0, 3), c: 0, a: 3, pct: '0.00%', grade: 'fail', label: '不合格', veto: [] },
    // 8 / (8 + 2) = 80% when the 5 N/A items are left out; counting them would give 8/15 = 53.33%.
    {
      name: 'not-applicable items left out: 8 ✓, 2 ✗, 5 N/A → 80% 优秀',
      items: items(8, 2, 5),
      c: 8,
      a: 10,
      pct: '80.00%',
      grade: 'excellent',
      label: '优秀',
      veto: [],
    },
    {
      name: 'a not-applicable veto item does not fail',
      items: items(8, 2, 1, { V1: 'not_applicable' }),
      c: 8,
      a: 10,
      pct: '80.00%',
      grade: 'excellent',
      label: '优秀',
      veto: [],
    },
    {
      name: 'a compliant veto item does not fail',
      items: items(8, 2, 0, { V1: 'compliant' }),
      c: 8,
      a: 10,
      pct: '80.00%',
      grade: 'excellent',
      label: '优秀',
      veto: [],
    },
    {
      name: 'two failed veto items, already 不合格 by share',
      items: items(5, 5, 0, { V1: 'non_compliant', V2: 'non_compliant' }),
      c: 5,
      a: 10,
      pct: '50.00%',
      grade: 'fail',
      label: '不合格',
      veto: ['V1', 'V2'],
    },
  ])('$name', ({ items: list, c, a, pct, grade, label, veto }) => {
    const g = gradeEvaluation({ items: list });
    expect(g.compliant).toBe(c);
    expect(g.applicable).toBe(a);
    expect(g.share).toBeCloseTo(c / a, 12);
    expect(percent(g.share)).toBe(pct);
    expect(g.grade).toBe(grade);
    expect(g.gradeLabel).toBe(label);
    expect(g.vetoFailed).toEqual(veto);
    expect(g.score).toBeUndefined();
  });

  it('explains the veto case step by step', () => {
    const g = gradeEvaluation({ items: items(60, 14, 2, { V1: 'non_compliant' }) });
    expect(g.notApplicable).toBe(2);
    expect(g.explanation).toEqual([
      '适用项目 74 项，其中符合 60 项、不符合 14 项；不适用 2 项，不计入',
      '符合率 = 60 / 74 = 81.08%',
      '81.08% ≥ 80.00%（优秀线），按比例为优秀',
      '否决项不符合：V1，一票否决，评定为不合格（按比例本为优秀）',
      '评定等级：不合格',
    ]);
  });

  it('explains a plain fail', () => {
    expect(gradeEvaluation({ items: items(59, 41) }).explanation).toEqual([
      '适用项目 100 项，其中符合 59 项、不符合 41 项',
      '符合率 = 59 / 100 = 59.00%',
      '59.00% < 60.00%（合格线），按比例为不合格',
      '评定等级：不合格',
    ]);
  });
});

describe('gradeEvaluation: by points', () => {
  it('share = points earned / points possible; N/A points left out', () => {
    // A 10 ✓, B 20 ✗, C 30 ✓, D 40 ✓, E 50 N/A → earned 10 + 30 + 40 = 80 of 10 + 20 + 30 + 40 = 100 → 80% 优秀.
    // By count it would be 3 of 4 = 75% 良好: the points decide.
    const g = gradeEvaluation({
      items: [
        { id: 'A', points: 10, result: 'compliant' },
        { id: 'B', points: 20, result: 'non_compliant' },
        { id: 'C', points: 30, result: 'compliant' },
        { id: 'D', points: 40, result: 'compliant' },
        { id: 'E', points: 50, result: 'not_applicable' },
      ],
    });
    expect(g).toMatchObject({
      compliant: 3,
      applicable: 4,
      notApplicable: 1,
      share: 0.8,
      score: 80,
      maxScore: 100,
      grade: 'excellent',
      gradeLabel: '优秀',
      vetoFailed: [],
    });
    expect(g.explanation[1]).toBe('按分值计：应得 100 分，实得 80 分，得分率 80.00%');
  });

  it.each([
    // 40 ✗ of 100: earned 60 → 60% 合格; the same items by count (3 of 4) would be 75%.
    { name: '60 of 100 points → 合格', pts: [10, 20, 30, 40], fail: [3], score: 60, grade: 'pass' },
    // 30 + 40 = 70 of 100 → 70% 良好.
    { name: '70 of 100 points → 良好', pts: [10, 20, 30, 40], fail: [0, 1], score: 70, grade: 'good' },
    // 10 + 20 + 29 = 59 of 100 → 59% 不合格.
    { name: '59 of 100 points → 不合格', pts: [10, 20, 29, 41], fail: [3], score: 59, grade: 'fail' },
    // Decimal points: 12 of 15 items worth 0.1 → 1.2 of 1.5 = 80% (naive floating point: 0.7999999999999998).
    { name: '12 × 0.1 of 15 × 0.1 points → exactly 80% 优秀', pts: Array(15).fill(0.1), fail: [12, 13, 14], score: 1.2, grade: 'excellent' },
    // 21 × 0.1 of 30 × 0.1 = 70% (naive: 0.6999999999999998).
    {
      name: '21 × 0.1 of 30 × 0.1 points → exactly 70% 良好',
      pts: Array(30).fill(0.1),
      fail: Array.from({ length: 9 }, (_, i) => 21 + i),
      score: 2.1,
      grade: 'good',
    },
    // Half points: 2.5 + 2.5 + 1 = 6 of 10 → 60% 合格.
    { name: 'half points, 6 of 10 → 合格', pts: [2.5, 2.5, 1, 4], fail: [3], score: 6, grade: 'pass' },
  ])('$name', ({ pts, fail, score, grade }) => {
    const g = gradeEvaluation({
      items: pts.map((points: number, i: number) => ({ id: `P${i + 1}`, points, result: fail.includes(i) ? 'non_compliant' : 'compliant' })),
    });
    expect(g.score).toBe(score);
    expect(g.grade).toBe(grade);
  });

  it('a failed veto item worth 0 points still fails the evaluation', () => {
    const g = gradeEvaluation({
      items: [
        { id: '安全事故', points: 0, veto: true, result: 'non_compliant' },
        { id: 'A', points: 50, result: 'compliant' },
        { id: 'B', points: 50, result: 'compliant' },
      ],
    });
    expect(g).toMatchObject({ share: 1, score: 100, maxScore: 100, grade: 'fail', gradeLabel: '不合格', vetoFailed: ['安全事故'] });
  });
});

describe('gradeEvaluation: thresholds are settings', () => {
  it.each<{ name: string; thresholds: Partial<GradeThresholds>; c: number; x: number; grade: string }>([
    { name: 'stricter: 90/80/60, 85% → 良好', thresholds: { excellent: 0.9, good: 0.8, pass: 0.6 }, c: 85, x: 15, grade: 'good' },
    { name: 'stricter: 90/80/60, exactly 90% → 优秀', thresholds: { excellent: 0.9, good: 0.8, pass: 0.6 }, c: 9, x: 1, grade: 'excellent' },
    { name: 'partial: pass 50%, 55% → 合格', thresholds: { pass: 0.5 }, c: 55, x: 45, grade: 'pass' },
    { name: 'partial: pass 50%, 49% → 不合格', thresholds: { pass: 0.5 }, c: 49, x: 51, grade: 'fail' },
  ])('$name', ({ thresholds, c, x, grade }) => {
    expect(gradeEvaluation({ items: items(c, x), thresholds }).grade).toBe(grade);
  });
});

describe('gradeEvaluation: refused input', () => {
  it.each<{ name: string; input: Parameters<typeof gradeEvaluation>[0]; code: string; message: string }>([
    {
      name: 'all items not applicable',
      input: { items: items(0, 0, 3) },
      code: 'grading.no_applicable_items',
      message: '全部 3 个检查项目均为“不适用”，没有适用项目，无法评定等级',
    },
    { name: 'no items at all', input: { items: [] }, code: 'grading.no_applicable_items', message: '没有检查项目，无法评定等级' },
    {
      name: 'applicable points add up to 0',
      input: {
        items: [
          { id: 'A', points: 0, result: 'compliant' },
          { id: 'B', points: 5, result: 'not_applicable' },
        ],
      },
      code: 'grading.no_applicable_items',
      message: '适用项目的分值合计为 0，无法计算得分率',
    },
    {
      name: 'some items with points, some without',
      input: {
        items: [
          { id: 'A', points: 10, result: 'compliant' },
          { id: 'B', result: 'compliant' },
        ],
      },
      code: 'grading.invalid_item',
      message: '部分检查项目有分值、部分没有（1 / 2 项有分值）；应全部设置分值或全部不设',
    },
    {
      name: 'negative points',
      input: { items: [{ id: 'A', points: -1, result: 'compliant' }] },
      code: 'grading.invalid_item',
      message: '检查项目“A”的分值应为不小于 0 的数，实为 -1',
    },
    {
      name: 'duplicate item',
      input: {
        items: [
          { id: 'A', result: 'compliant' },
          { id: 'A', result: 'non_compliant' },
        ],
      },
      code: 'grading.invalid_item',
      message: '检查项目“A”重复',
    },
    {
      name: 'unknown result',
      input: { items: [{ id: 'A', result: 'yes' as ItemResult }] },
      code: 'grading.invalid_item',
      message: '检查项目“A”的结果“yes”无效（应为 符合、不符合 或 不适用）',
    },
    {
      name: 'bounds out of order',
      input: { items: items(1, 0), thresholds: { pass: 0.75 } },
      code: 'grading.invalid_thresholds',
      message: '等级线应满足 合格 ≤ 良好 ≤ 优秀（实为 合格 75.00%、良好 70.00%、优秀 80.00%）',
    },
    {
      name: 'bound given in percent instead of a fraction',
      input: { items: items(1, 0), thresholds: { excellent: 80 } },
      code: 'grading.invalid_thresholds',
      message: '等级线 excellent 应为大于 0、不超过 1 的比例，实为 80',
    },
  ])('$name', ({ input, code, message }) => {
    const e = gradingError(() => gradeEvaluation(input));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
    expect(e.status).toBe(422);
  });
});
