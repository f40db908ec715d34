/**
 * 政府信息公开 (SPEC module 5): applications with everything their statutory clock needs
 * (条例第三十、三十一、三十二、三十三、三十四条; RULES.md §2). The clock itself is computed by the
 * kernel Clock model from these columns; a copy of its spec lives in the kernel `clocks` table
 * for the dashboard.
 */
import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';
import type { LetterContact } from '../../kernel/documents/index.js';

/** One consultation of a third party or another agency (征求意见, arts. 32, 34). */
export interface ConsultationRecord {
  id: string;
  kind: 'third_party' | 'agency';
  party: string;
  /** Day the consultation letter was sent. */
  from: string;
  /** Day the answer came (or the consultation ended); missing = still open. */
  to?: string;
  /** A third party's kind when known (how its letter addresses it: 你 / 你单位; unknown → 贵方). */
  partyType?: 'natural' | 'organisation';
  /**
   * Set once the 15 working days passed without an answer (条例第三十二、三十四条): the first working
   * day after the consultation's due date, from which the reply period runs again. The reply clock
   * ends the pause at the due date whether or not this is set; it records that the timeline said so.
   */
  lapsedOn?: string;
}

export const disclosureApplications = pgTable(
  'disclosure_applications',
  {
    id: id(),
    orgId: orgId(),
    trackingCode: text('tracking_code').notNull(), // 查询码, shown to the public
    channel: text('channel').notNull(), // online | letter | in_person | fax_email
    source: text('source').notNull().default('desk'), // desk | portal | import
    receivedOn: date('received_on', { mode: 'string' }).notNull(), // 收到申请之日 (art. 31)
    applicantType: text('applicant_type').notNull(), // natural | business | research | public_interest | legal_service | other
    applicantName: text('applicant_name').notNull(),
    idType: text('id_type'),
    idNumber: text('id_number'), // masked in every list and export
    contact: text('contact'),
    content: text('content').notNull(), // 所需政府信息的名称、文号或者便于查询的其他特征性描述
    contentKey: text('content_key').notNull(), // normalised content, for the duplicate warning
    formRequested: text('form_requested'), // 纸质 / 电子 / 查阅 …
    status: text('status').notNull(), // processing | awaiting_correction | consulting | decided
    // 补正 (art. 30)
    correctionSentOn: date('correction_sent_on', { mode: 'string' }),
    correctionDeadline: date('correction_deadline', { mode: 'string' }),
    correctionItems: text('correction_items'),
    correctionLate: boolean('correction_late').notNull().default(false),
    correctedOn: date('corrected_on', { mode: 'string' }),
    // 征求意见 (arts. 32, 34) — excluded from the period
    consultations: jsonb('consultations').$type<ConsultationRecord[]>().notNull().default([]),
    // 延期 (art. 33): one, ≤ 20 working days
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    extensionApprovedBy: uuid('extension_approved_by'),
    extensionApprovedOn: date('extension_approved_on', { mode: 'string' }),
    extensionNoticeOn: date('extension_notice_on', { mode: 'string' }),
    // 延期的报批: the desk asks, the head decides (待我审批); cleared when decided
    extensionRequestDays: integer('extension_request_days'),
    extensionRequestReason: text('extension_request_reason'),
    extensionRequestedBy: uuid('extension_requested_by'),
    extensionRequestedOn: date('extension_requested_on', { mode: 'string' }),
    extensionRefusedOn: date('extension_refused_on', { mode: 'string' }),
    extensionRefusalReason: text('extension_refusal_reason'),
    // 答复
    decidedOn: date('decided_on', { mode: 'string' }),
    outcome: text('outcome'), // exactly one code of outcomes.ts
    // 予以公开 / 部分公开: how the applicant gets the information (条例第三十六条第（一）（二）项)
    accessMode: text('access_mode'), // attached 随答复书提供 | published 已主动公开 | arranged 告知获取的方式、途径和时间
    accessNote: text('access_note'), // where / how / when, for published and arranged
    // 非本机关负责公开 (条例第三十六条第（五）项): the agency that holds the information
    holderAgency: text('holder_agency'),
    holderContact: text('holder_contact'),
    // 信息处理费
    feeMethod: text('fee_method'), // item | page
    feeAmount: numeric('fee_amount', { precision: 12, scale: 2 }),
    feePaidOn: date('fee_paid_on', { mode: 'string' }),
    feeUnits: integer('fee_units'), // items (件) or pages (页) charged
    feeNoticeOn: date('fee_notice_on', { mode: 'string' }), // 收费通知 sent (the reply period pauses from this day)
    feeServedOn: date('fee_served_on', { mode: 'string' }), // 收费通知 served (送达): the payment period counts from the next day
    feeExplanation: text('fee_explanation'),
    feeBands: jsonb('fee_bands'), // the marginal bands charged (fees.ts FeeBand[])
    decisionReason: text('decision_reason'), // the reason the reply letter gives, beyond the outcome's own
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('disclosure_applications_tracking_idx').on(t.trackingCode),
    index('disclosure_applications_org_received_idx').on(t.orgId, t.receivedOn),
    index('disclosure_applications_org_decided_idx').on(t.orgId, t.decidedOn),
    index('disclosure_applications_org_applicant_idx').on(t.orgId, t.applicantName),
    // fees collected in a year (report section 六): the few applications with a payment, for one org or a subtree
    index('disclosure_applications_fee_paid_idx')
      .on(t.feePaidOn, t.orgId)
      .where(sql`${t.feePaidOn} IS NOT NULL`),
  ],
);
export type ApplicationRow = typeof disclosureApplications.$inferSelect;

/**
 * Letters issued for an application (受理回执, 补正告知书, 延期答复告知书, 征求意见函, 答复书, 收费通知):
 * one row per letter, numbered once from the org's yearly sequence (kernel `doc_sequences`, series
 * `disclosure.doc`); regenerating returns the same number.
 */
export const disclosureLetters = pgTable(
  'disclosure_letters',
  {
    id: id(),
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    kind: text('kind').notNull(), // receipt | correction | extension | consultation | reply | fee
    subjectKey: text('subject_key').notNull().default(''), // the consultation id for a consultation letter
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    docNumber: text('doc_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** 附注's 联系人 and telephone as on the day of issue (the issuing user's, else the org's office telephone). */
    contact: jsonb('contact').$type<LetterContact>(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('disclosure_letters_subject_idx').on(t.orgId, t.applicationId, t.kind, t.subjectKey),
    uniqueIndex('disclosure_letters_number_idx').on(t.orgId, t.year, t.seq),
  ],
);

/**
 * 主动公开目录 (条例第二十条, 第二十六条): what the agency published on its own initiative, by art. 20
 * category. `madeOn` is the day the information was made or changed; it must be published within
 * 20 working days (a kernel clock). Feeds section 二 of the annual report.
 */
export const disclosureRegister = pgTable(
  'disclosure_register',
  {
    id: id(),
    orgId: orgId(),
    category: text('category').notNull(), // see register.ts REGISTER_CATEGORIES
    entryKind: text('entry_kind').notNull(), // document | item | decision
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    link: text('link'),
    madeOn: date('made_on', { mode: 'string' }).notNull(), // 制作或者变更之日
    publishedOn: date('published_on', { mode: 'string' }),
    abolishedOn: date('abolished_on', { mode: 'string' }),
    amount: numeric('amount', { precision: 16, scale: 2 }), // 元: fees collected, procurement amount
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('disclosure_register_org_cat_idx').on(t.orgId, t.category), index('disclosure_register_org_made_idx').on(t.orgId, t.madeOn)],
);

/** Narrative sections of the annual report (一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项). */
export const disclosureReportNarratives = pgTable(
  'disclosure_report_narratives',
  {
    orgId: orgId(),
    year: integer('year').notNull(),
    overview: text('overview').notNull().default(''),
    problems: text('problems').notNull().default(''),
    other: text('other').notNull().default(''),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A published 政府信息公开工作年度报告, frozen (SPEC: "a published report is frozen"): the tables as
 * `GET …/tables` returned them at publication, the narrative and the .docx bytes. Never updated; a
 * correction is a new version that `supersedes` the previous one, which stays visible.
 */
export const disclosureAnnualReports = pgTable(
  'disclosure_annual_reports',
  {
    id: id(),
    orgId: orgId(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    templateId: text('template_id').notNull(),
    tables: jsonb('tables').notNull(),
    narrative: jsonb('narrative').$type<{ overview: string; problems: string; other: string }>().notNull(),
    docx: bytea('docx').notNull(),
    docxFileName: text('docx_file_name').notNull(),
    reason: text('reason'), // why a corrected version was published
    supersedes: uuid('supersedes'),
    publishedBy: uuid('published_by').notNull(),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('disclosure_annual_reports_version_idx').on(t.orgId, t.year, t.version),
    index('disclosure_annual_reports_published_idx').on(t.publishedAt),
  ],
);
