/**
 * Statuses and their Chinese labels of the 案件线索 inbox, with no imports at all (the contracts and
 * the web both use them).
 */

/** pending 待立案 → accepted 已立案 (a case picks it up) | declined 不予立案 (with a reason). */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { pending: '待立案', accepted: '已立案', declined: '不予立案' };

/** Where a referral came from: a finding of an inspection's on-site record (later: complaints). */
export const REFERRAL_SOURCE_LABELS: Record<string, string> = { inspection: '行政检查' };

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const ENFORCEMENT_ACTIONS = ['enforcement.read', 'enforcement.manage'] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];
