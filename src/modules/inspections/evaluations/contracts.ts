/**
 * Contracts of scored evaluations (目标管理考评, 业务建设评价, 专项验收): every request and response as
 * a zod schema. Imports zod, labels and contracts only, so the web takes its types from this file.
 */
import { z } from 'zod';
import { PageQuery, Timestamp, paged } from '../../../kernel/http/responses.js';
import { Day, optionalText, text } from '../contracts.js';
import { GRADES, ITEM_RESULTS } from '../labels.js';

export const EvaluationInput = z.object({
  checklistVersionId: z.uuid('检查表版本 ID 格式不正确'),
  unitId: z.uuid('单位 ID 格式不正确').nullable().optional(),
  title: text('考评名称', 200),
  evaluatedOn: Day,
  results: z
    .array(
      z.object({
        entryId: z.uuid('检查项 ID 格式不正确'),
        result: z.enum(ITEM_RESULTS, { error: '结果应为 compliant（符合）、non_compliant（不符合）或 not_applicable（不适用）' }),
        note: optionalText(1000),
      }),
    )
    .max(500),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;
/** A stored evaluation names the unit it evaluated (试算 does not need one). */
export const EvaluationCreateInput = EvaluationInput.extend({ unitId: z.uuid({ error: '请选择被考评单位' }) });
export type EvaluationCreateInput = z.infer<typeof EvaluationCreateInput>;
/** A page of the evaluations (latest evaluation day first), optionally of one checklist version. */
export const EvaluationListQuery = PageQuery.extend({ orgId: z.uuid().optional(), checklistVersionId: z.uuid().optional(), unitId: z.uuid().optional() });
export type EvaluationListQuery = z.infer<typeof EvaluationListQuery>;

/** One entry's result as graded and stored: the version's code, title, points and veto flag. */
export const EvaluationResult = z.object({
  entryId: z.string(),
  code: z.string(),
  title: z.string(),
  points: z.number().nullable(),
  veto: z.boolean(),
  result: z.enum(ITEM_RESULTS),
  resultLabel: z.string(),
  note: z.string().nullable(),
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;

const gradeFields = {
  /** Items found compliant. */
  compliant: z.number().int(),
  /** Items compliant or non-compliant (不适用 excluded). */
  applicable: z.number().int(),
  notApplicable: z.number().int(),
  /** compliant / applicable, or points earned / points possible. */
  share: z.number(),
  grade: z.enum(GRADES),
  gradeLabel: z.string(),
  /** Codes of veto items found non-compliant. */
  vetoFailed: z.array(z.string()),
  /** How the grade was reached, in Chinese, one step a line. */
  explanation: z.array(z.string()),
};

/** 试算: the grade of a filled form, nothing stored. `score` and `maxScore` only when the items carry points. */
export const GradeView = z.object({
  results: z.array(EvaluationResult),
  ...gradeFields,
  score: z.number().optional(),
  maxScore: z.number().optional(),
});
export type GradeView = z.infer<typeof GradeView>;

/** A stored evaluation. */
export const EvaluationView = z.object({
  id: z.string(),
  orgId: z.string(),
  checklistVersionId: z.string(),
  unitId: z.string().nullable(),
  /** The evaluated unit's name (null for an evaluation recorded before a unit was required). */
  unitName: z.string().nullable(),
  title: z.string(),
  evaluatedOn: z.string(),
  results: z.array(EvaluationResult),
  ...gradeFields,
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  createdAt: Timestamp,
});
export type EvaluationView = z.infer<typeof EvaluationView>;
export const EvaluationList = paged(EvaluationView);
export type EvaluationList = z.infer<typeof EvaluationList>;
