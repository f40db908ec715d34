/**
 * Public face of the enforcement module (行政处罚). So far the intake of 案件线索: other modules
 * hand a referral over with `createReferral` in their own transaction and list their own with
 * `referralsOfSource`; the inbox is /api/enforcement/referrals.
 */
export { enforcementRoutes } from './routes.js';
export { enforcementReferrals } from './schema.js';
export { createReferral, referralsOfSource, type NewReferral } from './referrals.service.js';
export { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, type ReferralEntry, type ReferralStatus, type ReferralView } from './contracts.js';
