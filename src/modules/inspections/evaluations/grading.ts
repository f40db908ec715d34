/**
 * Scored evaluations (目标管理考评, 业务建设评价, 专项验收; RULES.md §3): grade by the share of
 * compliant items — 优秀 ≥ 80%, 良好 ≥ 70%, 合格 ≥ 60%, else 不合格 (boundaries inclusive);
 * a failed veto item (否决项) forces 不合格. Thresholds are settings of the checklist.
 *
 *   share = compliant / applicable              (不适用 items are left out)
 *   share = points earned / points possible     (when the items carry points)
 *
 * Pure: the one function the evaluation pages and the reports use.
 */
import { AppError } from '../../../kernel/http/errors.js';
import { GRADE_LABELS, ITEM_RESULTS, percent, type Grade, type GradeLabel, type ItemResult } from '../labels.js';

export { percent, type ItemResult } from '../labels.js';

export interface EvaluationItem {
  id: string;
  /** Points of the item; either every item carries points or none does. */
  points?: number;
  /** A veto item (否决项): non-compliance forces 不合格 whatever the share. */
  veto?: boolean;
  result: ItemResult;
}

/** Lower bounds (inclusive) as fractions of 1. */
export interface GradeThresholds {
  excellent: number;
  good: number;
  pass: number;
}
export const DEFAULT_THRESHOLDS: Readonly<GradeThresholds> = Object.freeze({ excellent: 0.8, good: 0.7, pass: 0.6 });

export interface EvaluationInput {
  items: readonly EvaluationItem[];
  /** Defaults to DEFAULT_THRESHOLDS; a partial object overrides only the given bounds. */
  thresholds?: Partial<GradeThresholds>;
}

export interface EvaluationGrade {
  /** Items found compliant. */
  compliant: number;
  /** Items compliant or non-compliant (不适用 excluded). */
  applicable: number;
  /** Items not applicable. */
  notApplicable: number;
  /** compliant / applicable, or points earned / points possible. */
  share: number;
  /** Points earned (points-based evaluations only). */
  score?: number;
  /** Points possible over the applicable items (points-based evaluations only). */
  maxScore?: number;
  grade: Grade;
  gradeLabel: GradeLabel;
  /** Ids of veto items found non-compliant. */
  vetoFailed: string[];
  /** How the grade was reached, in Chinese, one step a line. */
  explanation: string[];
}

export type GradingErrorCode = 'grading.no_applicable_items' | 'grading.invalid_item' | 'grading.invalid_thresholds';

/** A refused evaluation input. The code's first segment `grading` maps to HTTP 422 through AppError. */
export class GradingError extends AppError {
  declare readonly code: GradingErrorCode;
  constructor(code: GradingErrorCode, message: string, details?: unknown) {
    super(code, message, { details });
    this.name = 'GradingError';
  }
}

/**
 * Tolerance for comparing a share with a bound: decimal points (0.1 + 0.1 + …) do not add up
 * exactly in binary floating point — 12 of 15 items worth 0.1 each computes as 0.7999999999999998.
 */
const EPSILON = 1e-9;
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;
const RESULTS: readonly ItemResult[] = ITEM_RESULTS;

const pointsText = (x: number) => String(round9(x));

function resolveThresholds(given: Partial<GradeThresholds> | undefined): GradeThresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...given };
  for (const key of ['excellent', 'good', 'pass'] as const) {
    const v = t[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1) {
      throw new GradingError('grading.invalid_thresholds', `等级线 ${key} 应为大于 0、不超过 1 的比例，实为 ${String(v)}`);
    }
  }
  if (!(t.pass <= t.good && t.good <= t.excellent)) {
    throw new GradingError(
      'grading.invalid_thresholds',
      `等级线应满足 合格 ≤ 良好 ≤ 优秀（实为 合格 ${percent(t.pass)}、良好 ${percent(t.good)}、优秀 ${percent(t.excellent)}）`,
    );
  }
  return t;
}

/** Grade a scored evaluation. Throws `GradingError` for bad input or when no item applies. */
export function gradeEvaluation(input: EvaluationInput): EvaluationGrade {
  const { items } = input;
  const t = resolveThresholds(input.thresholds);
  if (!Array.isArray(items)) throw new GradingError('grading.invalid_item', '检查项目 items 应为列表');

  const ids = new Set<string>();
  const withPoints = items.filter((it) => it.points !== undefined).length;
  const byPoints = withPoints > 0;
  if (byPoints && withPoints !== items.length) {
    throw new GradingError('grading.invalid_item', `部分检查项目有分值、部分没有（${withPoints} / ${items.length} 项有分值）；应全部设置分值或全部不设`);
  }
  for (const [index, it] of items.entries()) {
    const where = `第 ${index + 1} 项`;
    if (typeof it.id !== 'string' || it.id === '') throw new GradingError('grading.invalid_item', `${where}缺少编号`);
    if (ids.has(it.id)) throw new GradingError('grading.invalid_item', `检查项目“${it.id}”重复`, { id: it.id });
    ids.add(it.id);
    if (!RESULTS.includes(it.result)) {
      throw new GradingError('grading.invalid_item', `检查项目“${it.id}”的结果“${String(it.result)}”无效（应为 符合、不符合 或 不适用）`, { id: it.id });
    }
    if (byPoints && (typeof it.points !== 'number' || !Number.isFinite(it.points) || it.points < 0)) {
      throw new GradingError('grading.invalid_item', `检查项目“${it.id}”的分值应为不小于 0 的数，实为 ${String(it.points)}`, { id: it.id });
    }
  }

  const applicableItems = items.filter((it) => it.result !== 'not_applicable');
  const notApplicable = items.length - applicableItems.length;
  const compliant = applicableItems.filter((it) => it.result === 'compliant').length;
  const applicable = applicableItems.length;
  if (applicable === 0) {
    throw new GradingError(
      'grading.no_applicable_items',
      items.length === 0 ? '没有检查项目，无法评定等级' : `全部 ${items.length} 个检查项目均为“不适用”，没有适用项目，无法评定等级`,
    );
  }

  const explanation: string[] = [];
  explanation.push(
    `适用项目 ${applicable} 项，其中符合 ${compliant} 项、不符合 ${applicable - compliant} 项` + (notApplicable ? `；不适用 ${notApplicable} 项，不计入` : ''),
  );

  let share: number;
  let score: number | undefined;
  let maxScore: number | undefined;
  if (byPoints) {
    maxScore = round9(applicableItems.reduce((sum, it) => sum + it.points!, 0));
    score = round9(applicableItems.filter((it) => it.result === 'compliant').reduce((sum, it) => sum + it.points!, 0));
    if (maxScore === 0) {
      throw new GradingError('grading.no_applicable_items', '适用项目的分值合计为 0，无法计算得分率');
    }
    share = score / maxScore;
    explanation.push(`按分值计：应得 ${pointsText(maxScore)} 分，实得 ${pointsText(score)} 分，得分率 ${percent(share)}`);
  } else {
    share = compliant / applicable;
    explanation.push(`符合率 = ${compliant} / ${applicable} = ${percent(share)}`);
  }

  const reached = (bound: number) => share + EPSILON >= bound;
  const byShare: Grade = reached(t.excellent) ? 'excellent' : reached(t.good) ? 'good' : reached(t.pass) ? 'pass' : 'fail';
  const bounds: Record<Exclude<Grade, 'fail'>, number> = { excellent: t.excellent, good: t.good, pass: t.pass };
  explanation.push(
    byShare === 'fail'
      ? `${percent(share)} < ${percent(t.pass)}（合格线），按比例为不合格`
      : `${percent(share)} ≥ ${percent(bounds[byShare])}（${GRADE_LABELS[byShare]}线），按比例为${GRADE_LABELS[byShare]}`,
  );

  const vetoFailed = items.filter((it) => it.veto === true && it.result === 'non_compliant').map((it) => it.id);
  let grade = byShare;
  if (vetoFailed.length) {
    grade = 'fail';
    explanation.push(`否决项不符合：${vetoFailed.join('、')}，一票否决，评定为不合格` + (byShare === 'fail' ? '' : `（按比例本为${GRADE_LABELS[byShare]}）`));
  }
  explanation.push(`评定等级：${GRADE_LABELS[grade]}`);

  const result: EvaluationGrade = { compliant, applicable, notApplicable, share, grade, gradeLabel: GRADE_LABELS[grade], vetoFailed, explanation };
  if (byPoints) {
    result.score = score;
    result.maxScore = maxScore;
  }
  return result;
}
