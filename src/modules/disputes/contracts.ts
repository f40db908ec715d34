/** zod contracts of the disputes module (复议、诉讼). The web imports these too. */
import { z } from 'zod';

export const DISPUTE_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export const DISPUTE_KIND_LABELS: Record<DisputeKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** 维持 (upheld, or application rejected) / 纠正 / 其他 / 尚未审结 (RULES.md §6). */
export const DISPUTE_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = { upheld: '维持', corrected: '纠正', other: '其他', pending: '尚未审结' };

const day = (what: string) => z.iso.date(`${what}应为 YYYY-MM-DD 格式的日期`);

export const DisputeInput = z.object({
  kind: z.enum(DISPUTE_KINDS, '类别应为 reconsideration（行政复议）、litigation_direct（未经复议直接起诉）或 litigation_after_reconsideration（复议后起诉）'),
  filedOn: day('立案日期'),
  outcome: z.enum(DISPUTE_OUTCOMES, '结果应为 upheld（维持）、corrected（纠正）、other（其他）或 pending（尚未审结）').default('pending'),
  closedOn: day('审结日期').nullable().optional(),
  applicationId: z.uuid('关联申请 ID 格式不正确').nullable().optional(),
  caseNo: z.string().trim().max(100).nullable().optional(),
  subject: z.string().trim().max(500).nullable().optional(),
});
export type DisputeInputT = z.infer<typeof DisputeInput>;

export const DisputePatch = z.object({
  outcome: z.enum(DISPUTE_OUTCOMES, '结果应为 upheld、corrected、other 或 pending').optional(),
  closedOn: day('审结日期').nullable().optional(),
  caseNo: z.string().trim().max(100).nullable().optional(),
  subject: z.string().trim().max(500).nullable().optional(),
});

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

export interface DisputeView {
  id: string;
  orgId: string;
  kind: DisputeKind;
  kindLabel: string;
  caseNo: string | null;
  subject: string | null;
  filedOn: string;
  outcome: DisputeOutcome;
  outcomeLabel: string;
  closedOn: string | null;
  applicationId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One problem of an import row: spreadsheet/array row (1-based data row or sheet row), field, value, reason. */
export interface ImportRowError {
  row: number;
  field: string;
  value: unknown;
  reason: string;
}
