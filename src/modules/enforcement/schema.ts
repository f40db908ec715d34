/**
 * Enforcement (行政处罚). Its first table is the intake: 案件线索 handed over by other modules
 * (a serious inspection finding today; complaints later). A case (立案) picks a referral up and
 * sets `case_id`; a referral is never deleted.
 */
import { boolean, customType, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * 裁量基准 (discretion benchmarks), per org: one row per violation (档案法第四十八条 act) and kind of
 * party, with the statutory range (第四十九条) and, per circumstance (轻微/一般/较重/严重), the
 * recommended range and penalty types. Published on the portal (行政处罚法第三十四条).
 */
export const enforcementBenchmarks = pgTable(
  'enforcement_benchmarks',
  {
    id: id(),
    orgId: orgId(),
    /** e.g. a48_1 (第四十八条第（一）项). */
    code: text('code').notNull(),
    /** unit | individual | archive_service. */
    partyKind: text('party_kind').notNull(),
    violation: text('violation').notNull(),
    /** 违反的规定 and 处罚依据, as the decision letter cites them. */
    breachBasis: text('breach_basis').notNull(),
    penaltyBasis: text('penalty_basis').notNull(),
    statutoryMin: integer('statutory_min').notNull(),
    statutoryMax: integer('statutory_max').notNull(),
    /** Confiscation of illegal gains comes with the fine (第四十八条第（三）（五）项). */
    confiscation: boolean('confiscation').notNull().default(false),
    /** [{circumstance, min, max, penalties, description}] per circumstance. */
    levels: jsonb('levels').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('enforcement_benchmarks_org_code_idx').on(t.orgId, t.code, t.partyKind)],
);

/**
 * 行政处罚案件: filed (立案) from a referral, a complaint or an officer's own finding; its steps are
 * recorded on the row (dates, actors, jsonb parts) and each on the whole-process record. Imported past
 * cases (`imported`) carry only what the import gives.
 */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    id: id(),
    orgId: orgId(),
    /** 立案编号, e.g. 测档罚〔2026〕1号 (the org's 机关代字, yearly). */
    caseNo: text('case_no').notNull(),
    source: text('source').notNull(),
    referralId: uuid('referral_id'),
    /** unit | individual; a unit is one of the org's units. */
    partyKind: text('party_kind').notNull(),
    unitId: uuid('unit_id'),
    partyName: text('party_name').notNull(),
    partyIdNo: text('party_id_no'),
    partyAddress: text('party_address'),
    benchmarkId: uuid('benchmark_id'),
    violation: text('violation'),
    facts: text('facts'),
    /** Inspector ids (执法人员), at least two. */
    officerIds: jsonb('officer_ids').notNull().default([]),
    major: boolean('major').notNull().default(false),
    status: text('status').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    approverId: uuid('approver_id'),
    /** [{days, reason, approverId, approvedOn}] of the 90-day period. */
    extensions: jsonb('extensions').notNull().default([]),
    /** 回避 requests: [{id, inspectorId, reason, requestedOn, status, decidedOn, decidedBy}]. */
    withdrawals: jsonb('withdrawals').notNull().default([]),
    /** 询问笔录: [{id, heldOn, place, person, officerIds, content, recordedBy}]. */
    inquiries: jsonb('inquiries').notNull().default([]),
    /** 告知: the intended penalty and the day the notice was served. */
    proposal: jsonb('proposal'),
    noticeOn: date('notice_on', { mode: 'string' }),
    noticeServedOn: date('notice_served_on', { mode: 'string' }),
    hearingRequestedOn: date('hearing_requested_on', { mode: 'string' }),
    hearingNoticeOn: date('hearing_notice_on', { mode: 'string' }),
    hearingOn: date('hearing_on', { mode: 'string' }),
    hearingHeldOn: date('hearing_held_on', { mode: 'string' }),
    hearingRecord: text('hearing_record'),
    /** 法制审核: [{reviewerId, reviewerName, on, checklist, opinion, result}]. */
    reviews: jsonb('reviews').notNull().default([]),
    reviewResult: text('review_result'),
    discussion: jsonb('discussion'),
    /** 决定: result penalty | no_penalty | not_established; penalties [{type, amount?, note?}]. */
    result: text('result'),
    decidedOn: date('decided_on', { mode: 'string' }),
    penalties: jsonb('penalties').notNull().default([]),
    heaviestPenalty: text('heaviest_penalty'),
    fineAmount: numeric('fine_amount', { precision: 14, scale: 2, mode: 'number' }),
    discretionReason: text('discretion_reason'),
    firstViolation: boolean('first_violation').notNull().default(false),
    educationRecord: text('education_record'),
    decisionDocNo: text('decision_doc_no'),
    decisionContact: jsonb('decision_contact'),
    servedOn: date('served_on', { mode: 'string' }),
    serviceMethod: text('service_method'),
    /** 执行: payments [{paidOn, amount}], instalments approved, or an application to the court. */
    payments: jsonb('payments').notNull().default([]),
    fineCollected: numeric('fine_collected', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    instalments: jsonb('instalments'),
    courtApplication: jsonb('court_application'),
    publishedOn: date('published_on', { mode: 'string' }),
    revokedOn: date('revoked_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    /** [{step, on, actorId, actorName}] — each step with its date and actor. */
    steps: jsonb('steps').notNull().default([]),
    imported: boolean('imported').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enforcement_cases_org_no_idx').on(t.orgId, t.caseNo),
    index('enforcement_cases_org_filed_idx').on(t.orgId, t.filedOn),
    index('enforcement_cases_org_status_idx').on(t.orgId, t.status, t.filedOn),
    index('enforcement_cases_org_decided_idx').on(t.orgId, t.decidedOn),
  ],
);

/** Evidence files of a case (photos, documents, audio, video), as bytes. */
export const enforcementCaseFiles = pgTable(
  'enforcement_case_files',
  {
    id: id(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    /** photo | document | audio | video */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    collectedOn: date('collected_on', { mode: 'string' }).notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('enforcement_case_files_case_idx').on(t.caseId)],
);
