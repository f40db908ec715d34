/**
 * Inspections (行政检查, 双随机一公开): the item catalogue (检查事项清单), checklists with immutable
 * versions, annual plans (年度检查计划), reproducible draws (双随机抽取, RULES.md §4) and scored
 * evaluations (目标管理考评 …). Every table is tenant-owned (`org_id`).
 */
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';
import type { LetterContact } from '../../kernel/documents/index.js';

/** 检查事项 — one item of the catalogue, citing 档案法第四十二条 (一)…(六) as area a1…a6. */
export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: id(),
    orgId: orgId(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    area: text('area').notNull(), // a1 … a6 (档案法第四十二条第（一）…（六）项)
    legalBasis: text('legal_basis').notNull(), // e.g. 《中华人民共和国档案法》第十一条
    method: text('method'), // 查阅资料、实地查看 …
    evidenceHint: text('evidence_hint'),
    status: text('status').notNull().default('active'), // active | retired
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inspection_items_org_code_idx').on(t.orgId, t.code), index('inspection_items_org_area_idx').on(t.orgId, t.area)],
);

/** A checklist (检查表 / 自查表 / 考评表); its content lives in versions. */
export const checklists = pgTable(
  'checklists',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // inspection | self_inspection | evaluation
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('checklists_org_name_idx').on(t.orgId, t.name)],
);

/** One version of a checklist: a draft can be edited; publishing freezes it for good. */
export const checklistVersions = pgTable(
  'checklist_versions',
  {
    id: id(),
    orgId: orgId(),
    checklistId: uuid('checklist_id').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull().default('draft'), // draft | published
    /** Grade thresholds (fractions of 1) for scored evaluations: {excellent, good, pass}. */
    thresholds: jsonb('thresholds'),
    note: text('note'),
    basedOnId: uuid('based_on_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('checklist_versions_no_idx').on(t.checklistId, t.version),
    // At most one draft per checklist.
    uniqueIndex('checklist_versions_one_draft_idx')
      .on(t.checklistId)
      .where(sql`status = 'draft'`),
    index('checklist_versions_org_idx').on(t.orgId),
  ],
);

/** The items of a version, in order, with a snapshot of the catalogue text taken when added. */
export const checklistVersionItems = pgTable(
  'checklist_version_items',
  {
    id: id(),
    orgId: orgId(),
    versionId: uuid('version_id').notNull(),
    itemId: uuid('item_id').notNull(),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    area: text('area').notNull(),
    legalBasis: text('legal_basis').notNull(),
    method: text('method'),
    evidenceHint: text('evidence_hint'),
    points: doublePrecision('points'),
    veto: boolean('veto').notNull().default(false),
  },
  (t) => [uniqueIndex('checklist_version_items_item_idx').on(t.versionId, t.itemId), index('checklist_version_items_version_idx').on(t.versionId, t.position)],
);

/** 年度检查计划 — published in advance (事前公开) with its item list and certified inspectors. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    orgId: orgId(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    /** Unit types in scope (empty: all types). */
    unitTypes: text('unit_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Risk tiers in scope (empty: all tiers). */
    riskTiers: text('risk_tiers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Draw each risk tier as its own stratum. */
    stratifyByRisk: boolean('stratify_by_risk').notNull().default(false),
    /** Target coverage in percent: {overall?, byRiskTier?: {high?, medium?, low?}, byUnitType?: {…}}. */
    targetCoverage: jsonb('target_coverage').notNull(),
    schedule: text('schedule'),
    checklistVersionId: uuid('checklist_version_id'),
    /** Certified inspectors published with the plan: [{id, name, certificateNo, certExpiresOn}]. */
    inspectorsSnapshot: jsonb('inspectors_snapshot'),
    status: text('status').notNull().default('draft'), // draft | published
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspection_plans_org_year_idx').on(t.orgId, t.year)],
);

/**
 * 双随机抽取 — one draw. Created with the pool frozen (candidates, listHash, strata, k, the eligible
 * inspectors and their conflicts) before any entropy exists; executed once; published. Never
 * deleted: a redraw is a new draw that names the one it supersedes and why.
 */
export const inspectionDraws = pgTable(
  'inspection_draws',
  {
    id: id(),
    orgId: orgId(),
    planId: uuid('plan_id').notNull(),
    drawId: text('draw_id').notNull(), // D-2025-001
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    /** Sorted candidate unit ids (UTF-8 byte order). */
    candidates: jsonb('candidates').notNull(),
    listHash: text('list_hash').notNull(),
    /** Strata definition [{name, riskTier, candidates, k}] or null for an unstratified draw. */
    strata: jsonb('strata'),
    k: integer('k').notNull(),
    teamSize: integer('team_size').notNull(),
    /** Units of the scope left out, with the reason: [{unitId, name, reason}]. */
    exclusions: jsonb('exclusions').notNull(),
    /**
     * Display snapshot of the pool, aligned with `candidates` (position i is candidates[i]):
     * {names: [...], types: [...], riskTiers: [...]} (arrays of text parse several times faster than
     * 100,000 objects; rows written before 0020 held [{id, name, type, riskTier}] and were converted).
     */
    units: jsonb('units').notNull(),
    /** Inspectors certified and valid on the planned date: [{id, name, certificateNo, certExpiresOn}]. */
    inspectorPool: jsonb('inspector_pool').notNull(),
    /** Conflicts (回避) between pool inspectors and candidate units: {unitId: [inspectorId]}. */
    conflicts: jsonb('conflicts').notNull(),
    entropySource: text('entropy_source').notNull().default('server'), // server | public
    publicValueName: text('public_value_name'),
    entropy: text('entropy'),
    seed: text('seed'),
    /**
     * The published record (runDraw's output): what anyone can recompute. Its candidate lists (top level and
     * each stratum's) are left out when they are exactly the frozen `candidates` and `strata` lists, and put
     * back when the record is read (GET …/draws/:id/record, /api/public/draws/:id).
     */
    result: jsonb('result'),
    /** Summary of the frozen pool, kept by the database (lists never read the jsonb). */
    candidateCount: integer('candidate_count')
      .notNull()
      .generatedAlwaysAs(sql`CASE WHEN jsonb_typeof(candidates) = 'array' THEN jsonb_array_length(candidates) ELSE 0 END`),
    /** Units drawn (null until executed), kept by the database. */
    selectedCount: integer('selected_count').generatedAlwaysAs(
      sql`CASE WHEN jsonb_typeof(result -> 'selected') = 'array' THEN jsonb_array_length(result -> 'selected') END`,
    ),
    /** The server's recomputation of `result` (verifyDraw), made at execution and publication: {ok, problems, checks}. */
    verification: jsonb('verification'),
    /** Its outcome (null until verified), kept by the database. */
    verified: boolean('verified').generatedAlwaysAs(sql`(verification ->> 'ok')::boolean`),
    /** Hash of everything the record is read from (result and the frozen lists), kept by the database: changes whenever any of them does. */
    resultDigest: text('result_digest').generatedAlwaysAs(
      sql`jsonb_hash_extended(result, 0)::text || '/' || jsonb_hash_extended(candidates, 0)::text || '/' || coalesce(jsonb_hash_extended(strata, 0)::text, '-')`,
    ),
    /** `result_digest` when the result was verified: a result changed since (by anyone) is verified again when read. */
    verifiedDigest: text('verified_digest'),
    /** The strata without their pools [{name, riskTier, k, candidateCount}] (null: unstratified), written with them. */
    strataSummary: jsonb('strata_summary'),
    /** Display snapshot of the drawn units in draw order with their teams [{unitId, name, type, riskTier, team: [inspectorId]}], written at execution. */
    drawnUnits: jsonb('drawn_units'),
    status: text('status').notNull().default('pool_frozen'), // pool_frozen | drawn | published
    supersedesId: uuid('supersedes_id'),
    redrawReason: text('redraw_reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    executedBy: uuid('executed_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('inspection_draws_org_draw_idx').on(t.orgId, t.drawId),
    // A draw is superseded at most once.
    uniqueIndex('inspection_draws_supersedes_idx').on(t.supersedesId),
    index('inspection_draws_plan_idx').on(t.planId),
    index('inspection_draws_status_idx').on(t.status),
  ],
);

/** A scored evaluation (目标管理考评 …): each item's result and the grade (RULES.md §3). */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    orgId: orgId(),
    checklistVersionId: uuid('checklist_version_id').notNull(),
    unitId: uuid('unit_id'),
    title: text('title').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    /** [{entryId, code, title, points, veto, result, note}] in checklist order. */
    results: jsonb('results').notNull(),
    compliant: integer('compliant').notNull(),
    applicable: integer('applicable').notNull(),
    notApplicable: integer('not_applicable').notNull(),
    share: doublePrecision('share').notNull(),
    score: doublePrecision('score'),
    maxScore: doublePrecision('max_score'),
    grade: text('grade').notNull(), // excellent | good | pass | fail
    vetoFailed: jsonb('veto_failed').notNull(),
    explanation: jsonb('explanation').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('evaluations_org_idx').on(t.orgId, t.evaluatedOn)],
);

/**
 * 行政检查 — one inspection of one unit: from a published draw (its drawn team, the plan's checklist
 * version, the draw's planned date) or ad hoc (with a reason). Moves through INSPECTION_FLOW
 * (loop/loop.ts); the notice (检查通知书) takes a 发文字号 of the kernel series `inspection.doc`; the unit's
 * self-inspection (自查表) is kept per checklist entry.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    orgId: orgId(),
    /** J-2025-001 per org and year of the planned date. */
    code: text('code').notNull(),
    unitId: uuid('unit_id').notNull(),
    source: text('source').notNull(), // draw | ad_hoc
    drawId: uuid('draw_id'),
    reason: text('reason'),
    checklistVersionId: uuid('checklist_version_id').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    /** The team as on the planned date: [{id, name, certificateNo, certExpiresOn}]. */
    team: jsonb('team').notNull(),
    status: text('status').notNull().default('planned'),
    noticeOn: date('notice_on', { mode: 'string' }),
    noticeDocNumber: text('notice_doc_number'),
    noticeYear: integer('notice_year'),
    noticeSeq: integer('notice_seq'),
    /** 自查表: [{entryId, result, note}] in checklist order (draft until submitted). */
    selfInspection: jsonb('self_inspection'),
    selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
    selfSubmittedBy: uuid('self_submitted_by'),
    /** 现场检查记录: {onSiteDate, items: [{entryId, result, note}], inspectorsPresent: [id], representative: {name, title}, findings}. */
    record: jsonb('record'),
    onSiteDate: date('on_site_date', { mode: 'string' }),
    /** Signed (and so frozen) on this day; the signatures are rows of `inspection_files`. */
    signedOn: date('signed_on', { mode: 'string' }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** 反馈意见书: issued on, 发文字号, rectification items [{id, entryId, code, title, text}], deadline. */
    feedbackOn: date('feedback_on', { mode: 'string' }),
    feedbackDocNumber: text('feedback_doc_number'),
    feedbackYear: integer('feedback_year'),
    feedbackSeq: integer('feedback_seq'),
    /** The 反馈意见书's 附注: 联系人 and telephone as on the day of issue. */
    feedbackContact: jsonb('feedback_contact').$type<LetterContact>(),
    conclusion: text('conclusion'),
    rectificationItems: jsonb('rectification_items'),
    rectificationDue: date('rectification_due', { mode: 'string' }),
    /** 回头看: the inspection this one follows up, and the rectification item ids it re-checks. */
    parentInspectionId: uuid('parent_inspection_id'),
    followUpItemIds: jsonb('follow_up_item_ids'),
    /** The day it was closed: by the last acceptance, by a letter without items, or by hand (办结) with a note (e.g. after an interview or a follow-up; the note is null otherwise). */
    closedOn: date('closed_on', { mode: 'string' }),
    closeNote: text('close_note'),
    /** 一公开: the result published on the portal (within 20 working days of the feedback letter). */
    publishedOn: date('published_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    publicResult: text('public_result'),
    /** 典型: the unit shown on the portal as an exemplary case of this inspection. */
    exemplary: boolean('exemplary').notNull().default(false),
    exemplaryNote: text('exemplary_note'),
    exemplaryOn: date('exemplary_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('inspections_org_code_idx').on(t.orgId, t.code),
    uniqueIndex('inspections_draw_unit_idx').on(t.drawId, t.unitId),
    uniqueIndex('inspections_notice_number_idx').on(t.orgId, t.noticeYear, t.noticeSeq),
    uniqueIndex('inspections_feedback_number_idx').on(t.orgId, t.feedbackYear, t.feedbackSeq),
    index('inspections_org_status_idx').on(t.orgId, t.status),
    index('inspections_unit_idx').on(t.unitId),
    index('inspections_parent_idx').on(t.parentInspectionId),
    index('inspections_org_published_idx').on(t.orgId, t.publishedOn),
  ],
);

/**
 * 检查通知书 — every notice of an inspection, in order: the first (送达检查通知书) and each amendment
 * (变更检查通知: a new notice with its own 发文字号, announced date and lead time, the reason, and the
 * notice it replaces). Never updated or deleted: the old notices stay for the record, each one's
 * .docx can be rendered again from its row. The inspection row carries the notice in force
 * (`notice_on`, `notice_doc_number`, `planned_date` = its announced date).
 */
export const inspectionNotices = pgTable(
  'inspection_notices',
  {
    id: id(),
    orgId: orgId(),
    inspectionId: uuid('inspection_id').notNull(),
    /** 1 for the first notice, 2 for the first amendment … */
    seq: integer('seq').notNull(),
    docNumber: text('doc_number').notNull(),
    docYear: integer('doc_year').notNull(),
    docSeq: integer('doc_seq').notNull(),
    /** The day the notice was sent (送达). */
    noticeOn: date('notice_on', { mode: 'string' }).notNull(),
    /** The inspection date the notice announced. */
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    /** An amendment: the notice it replaces, and why. */
    supersedesId: uuid('supersedes_id'),
    reason: text('reason'),
    /** Working days between the notice and the announced date, and the number required then. */
    workingDaysAhead: integer('working_days_ahead'),
    requiredWorkingDays: integer('required_working_days'),
    /** The notice's 附注: 联系人 and telephone as on the day of issue. */
    contact: jsonb('contact').$type<LetterContact>(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inspection_notices_seq_idx').on(t.inspectionId, t.seq),
    uniqueIndex('inspection_notices_number_idx').on(t.orgId, t.docYear, t.docSeq),
    index('inspection_notices_org_idx').on(t.orgId),
  ],
);

/**
 * 约谈 — an interview with the unit's responsible people about rectification items that were
 * returned twice or not accepted by the deadline (RULES.md §3), recorded on the inspection.
 */
export const inspectionInterviews = pgTable(
  'inspection_interviews',
  {
    id: id(),
    orgId: orgId(),
    inspectionId: uuid('inspection_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    /** The bureau's side: [{id, name, certificateNo}] from the inspector directory. */
    interviewers: jsonb('interviewers').notNull(),
    /** The unit's side: [{name, title}]. */
    attendees: jsonb('attendees').notNull(),
    /** Rectification item ids discussed. */
    itemIds: jsonb('item_ids').notNull(),
    content: text('content').notNull(),
    /** What the unit undertakes, and by when. */
    commitments: text('commitments'),
    commitmentDue: date('commitment_due', { mode: 'string' }),
    /** The record's 附注: 联系人 (who recorded it) and telephone as on the day. */
    contact: jsonb('contact').$type<LetterContact>(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('inspection_interviews_inspection_idx').on(t.inspectionId), index('inspection_interviews_org_held_idx').on(t.orgId, t.heldOn)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Photos of the on-site record (per checklist entry) and the signatures drawn on screen, as bytes. */
export const inspectionFiles = pgTable(
  'inspection_files',
  {
    id: id(),
    orgId: orgId(),
    inspectionId: uuid('inspection_id').notNull(),
    kind: text('kind').notNull(), // photo | signature | evidence
    /** A photo's checklist entry. */
    entryId: uuid('entry_id'),
    /** A signature's signer: inspector id, or null for the unit's representative. */
    inspectorId: uuid('inspector_id'),
    signerName: text('signer_name'),
    fileName: text('file_name'),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_files_inspection_idx').on(t.inspectionId, t.kind),
    // Evidence quotas sum `size` per org and kind without reading the bytes (loop/evidence-quota.service.ts).
    index('inspection_files_org_kind_size_idx').on(t.orgId, t.kind, t.size),
  ],
);
