/**
 * Kinds and outcomes of the 复议、诉讼 register with their Chinese names, with no imports at all (the
 * contracts, section 四 of the disclosure annual report and the web all use them).
 */

/** 行政复议, 行政诉讼 without reconsideration first, 行政诉讼 after reconsideration (section 四 of the report). */
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

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const DISPUTES_ACTIONS = ['dispute.read', 'dispute.manage'] as const;
export type DisputesAction = (typeof DISPUTES_ACTIONS)[number];
