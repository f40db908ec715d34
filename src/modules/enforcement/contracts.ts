/** zod contracts of the enforcement module (行政处罚): so far the 案件线索 inbox; statuses, labels and response shapes live in labels.ts (imported by the web too). */
import { z } from 'zod';

export { REFERRAL_SOURCE_LABELS, REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, type ReferralEntry, type ReferralStatus, type ReferralView } from './labels.js';
import { REFERRAL_STATUSES } from './labels.js';

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
