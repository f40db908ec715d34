/**
 * Contracts of the disputes module (复议、诉讼): every request and response as a zod schema. Imports zod,
 * its labels and the kernel's response shapes only, so the web takes its types from this very file
 * (`@server/modules/disputes/contracts`).
 */
import { z } from 'zod';
import { paged, Timestamp } from '../../kernel/http/responses.js';
import { DISPUTE_KINDS, DISPUTE_OUTCOMES } from './labels.js';

export { DISPUTE_KIND_LABELS, DISPUTE_KINDS, DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeKind, type DisputeOutcome } from './labels.js';

const day = (what: string) => z.iso.date(`${what}应为 YYYY-MM-DD 格式的日期`);

export const DisputeIdParams = z.object({ id: z.uuid('ID 格式不正确') });

export const DisputeInput = z.object({
  kind: z.enum(DISPUTE_KINDS, '类别应为 reconsideration（行政复议）、litigation_direct（未经复议直接起诉）或 litigation_after_reconsideration（复议后起诉）'),
  filedOn: day('立案日期'),
  outcome: z.enum(DISPUTE_OUTCOMES, '结果应为 upheld（维持）、corrected（纠正）、other（其他）或 pending（尚未审结）').default('pending'),
  closedOn: day('审结日期').nullable().optional(),
  applicationId: z.uuid('关联申请 ID 格式不正确').nullable().optional(),
  caseNo: z.string().trim().max(100).nullable().optional(),
  subject: z.string().trim().max(500).nullable().optional(),
});
export type DisputeInput = z.infer<typeof DisputeInput>;

export const DisputePatch = z.object({
  outcome: z.enum(DISPUTE_OUTCOMES, '结果应为 upheld、corrected、other 或 pending').optional(),
  closedOn: day('审结日期').nullable().optional(),
  caseNo: z.string().trim().max(100).nullable().optional(),
  subject: z.string().trim().max(500).nullable().optional(),
});
export type DisputePatch = z.infer<typeof DisputePatch>;

export const DisputeListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  kind: z.enum(DISPUTE_KINDS).optional(),
  outcome: z.enum(DISPUTE_OUTCOMES).optional(),
  filedFrom: day('起始日期').optional(),
  filedTo: day('截止日期').optional(),
  applicationId: z.uuid().optional(),
  orgId: z.uuid().optional(),
});
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

export const DisputeView = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: z.enum(DISPUTE_KINDS),
  kindLabel: z.string(),
  caseNo: z.string().nullable(),
  subject: z.string().nullable(),
  filedOn: z.string(),
  outcome: z.enum(DISPUTE_OUTCOMES),
  outcomeLabel: z.string(),
  closedOn: z.string().nullable(),
  applicationId: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DisputeView = z.infer<typeof DisputeView>;

export const DisputePage = paged(DisputeView);
export type DisputePage = z.infer<typeof DisputePage>;

/** What an import wrote (all rows, or nothing: a refused import answers 422 with every row problem). */
export const DisputeImportResult = z.object({ created: z.number().int() });
export type DisputeImportResult = z.infer<typeof DisputeImportResult>;

/** One problem of an import row: spreadsheet/array row (1-based data row or sheet row), field, value, reason. */
export interface ImportRowError {
  row: number;
  field: string;
  /** The field's column heading in the template (set when the import is refused). */
  column?: string;
  value: unknown;
  reason: string;
}
