/**
 * Contracts of the enforcement module (行政处罚) — so far the 案件线索 inbox: every request and
 * response as a zod schema. Imports zod, its labels and the kernel's response shapes only, so the web
 * takes its types from this very file (`@server/modules/enforcement/contracts`).
 */
import { z } from 'zod';
import { paged, Timestamp } from '../../kernel/http/responses.js';
import { REFERRAL_STATUSES } from './labels.js';

export { REFERRAL_SOURCE_LABELS, REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, type ReferralStatus } from './labels.js';

export const ReferralIdParams = z.object({ id: z.uuid('ID 格式不正确') });

export const ReferralListQuery = z.object({
  status: z.enum(REFERRAL_STATUSES, { error: '状态应为 pending（待立案）、accepted（已立案）或 declined（不予立案）' }).optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const DeclineInput = z.object({
  reason: z.string().trim().min(1, '请填写不予立案的理由').max(2000, '理由不能超过 2000 个字'),
});
export type DeclineInput = z.infer<typeof DeclineInput>;

/** A checklist entry the referral concerns (as it stood in the checklist version of the source). */
export const ReferralEntry = z.object({
  entryId: z.string(),
  code: z.string(),
  title: z.string(),
  legalBasis: z.string(),
  note: z.string().nullable().optional(),
});
export type ReferralEntry = z.infer<typeof ReferralEntry>;

export const ReferralView = z.object({
  id: z.string(),
  orgId: z.string(),
  code: z.string(),
  sourceType: z.string(),
  sourceLabel: z.string(),
  sourceId: z.string(),
  sourceRef: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  referredOn: z.string(),
  facts: z.string(),
  entries: z.array(ReferralEntry),
  suspectedBasis: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  statusLabel: z.string(),
  caseId: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReferralView = z.infer<typeof ReferralView>;

export const ReferralPage = paged(ReferralView);
export type ReferralPage = z.infer<typeof ReferralPage>;
