/**
 * Shapes of 行政处罚's 案件线索 inbox (/api/enforcement/referrals) as the pages read them — see the
 * server's src/modules/enforcement/contracts.ts and referrals.service.ts.
 */

/** pending 待立案 → accepted 已立案 (a case picks it up) | declined 不予立案 (with a reason). */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { pending: '待立案', accepted: '已立案', declined: '不予立案' };
export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, string> = { pending: 'orange', accepted: 'green', declined: 'default' };

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
  /** R-2025-001 per org and year. */
  code: string;
  /** 'inspection' today. */
  sourceType: string;
  sourceLabel: string;
  /** The source record's id (an inspection's id for /inspection/inspections/$id). */
  sourceId: string;
  /** The source record's code (J-2025-001). */
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
  /** The reason of a 不予立案. */
  decisionNote: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/enforcement/referrals/:id/decline */
export interface DeclineBody {
  reason: string;
}
