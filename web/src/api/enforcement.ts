/**
 * Shapes of 行政处罚's 案件线索 inbox (/api/enforcement/referrals): the server's own dependency-free
 * labels file, so the two cannot drift apart; plus what only the pages need.
 */
import type { ReferralStatus } from '../../../src/modules/enforcement/labels';

export { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, type ReferralEntry, type ReferralStatus, type ReferralView } from '../../../src/modules/enforcement/labels';

export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, string> = { pending: 'orange', accepted: 'green', declined: 'default' };

/** POST /api/enforcement/referrals/:id/decline */
export interface DeclineBody {
  reason: string;
}
