/**
 * Statuses, labels and response shapes of the 案件线索 inbox with no imports at all, so the web app
 * imports this very file (web/src/api/enforcement.ts) instead of repeating it.
 */

/** pending 待立案 → accepted 已立案 (a case picks it up) | declined 不予立案 (with a reason). */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { pending: '待立案', accepted: '已立案', declined: '不予立案' };

/** Where a referral came from: a finding of an inspection's on-site record (later: complaints). */
export const REFERRAL_SOURCE_LABELS: Record<string, string> = { inspection: '行政检查' };

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
