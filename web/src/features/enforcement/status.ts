/** How a referral's status looks: the server's labels (contracts), the colours only the pages need. */
import type { ReferralStatus } from '@server/modules/enforcement/contracts';

export { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS } from '@server/modules/enforcement/labels';

export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, string> = { pending: 'orange', accepted: 'green', declined: 'default' };
