/**
 * Enforcement (行政处罚). Its first table is the intake: 案件线索 handed over by other modules
 * (a serious inspection finding today; complaints later). A case (立案) picks a referral up and
 * sets `case_id`; a referral is never deleted.
 */
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';

export const enforcementReferrals = pgTable(
  'enforcement_referrals',
  {
    id: id(),
    orgId: orgId(),
    /** R-2025-001 per org and year of referral. */
    code: text('code').notNull(),
    /** Where it came from: 'inspection' (a finding of an on-site record), later 'complaint'. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** Human reference of the source, e.g. the inspection code J-2025-003. */
    sourceRef: text('source_ref').notNull(),
    unitId: uuid('unit_id').notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    /** The facts found (违法事实), the checklist entries concerned [{entryId, code, title, legalBasis}]. */
    facts: text('facts').notNull(),
    entries: jsonb('entries').notNull(),
    /** The suspected violation's legal basis as the referring officer sees it (e.g. 档案法第四十八条). */
    suspectedBasis: text('suspected_basis'),
    /** pending 待立案 → accepted 已立案 (case_id set) | declined 不予立案 (with reason). */
    status: text('status').notNull().default('pending'),
    caseId: uuid('case_id'),
    decisionNote: text('decision_note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enforcement_referrals_org_code_idx').on(t.orgId, t.code),
    index('enforcement_referrals_org_status_idx').on(t.orgId, t.status),
    index('enforcement_referrals_source_idx').on(t.sourceType, t.sourceId),
  ],
);
