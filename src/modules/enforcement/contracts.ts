/** zod contracts and labels of the enforcement module (行政处罚): so far the 案件线索 inbox. The web imports these too. */
import { z } from 'zod';

/** pending 待立案 → accepted 已立案 (a case picks it up) | declined 不予立案 (with a reason). */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { pending: '待立案', accepted: '已立案', declined: '不予立案' };

/** Where a referral came from: a finding of an inspection's on-site record (later: complaints). */
export const REFERRAL_SOURCE_LABELS: Record<string, string> = { inspection: '行政检查' };

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

/** A checklist entry the referral concerns (as it stood in the checklist version of the source). */
export interface ReferralEntry {
  entryId: string;
  code: string;
  title: string;
  legalBasis: string;
  note?: string | null;
}

export interface ReferralView {
  id: string;
  orgId: string;
  code: string;
  sourceType: string;
  sourceLabel: string;
  sourceId: string;
  sourceRef: string;
  unitId: string;
  unitName: string;
  referredOn: string;
  facts: string;
  entries: ReferralEntry[];
  suspectedBasis: string | null;
  status: ReferralStatus;
  statusLabel: string;
  caseId: string | null;
  decisionNote: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}
