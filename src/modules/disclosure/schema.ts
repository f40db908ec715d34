/**
 * 政府信息公开 (SPEC module 5): applications with everything their statutory clock needs
 * (条例第三十、三十一、三十二、三十三、三十四条; RULES.md §2). The clock itself is computed by the
 * kernel Clock model from these columns; a copy of its spec lives in the kernel `clocks` table
 * for the dashboard.
 */
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';

/** One consultation of a third party or another agency (征求意见, arts. 32, 34). */
export interface ConsultationRecord {
  id: string;
  kind: 'third_party' | 'agency';
  party: string;
  /** Day the consultation letter was sent. */
  from: string;
  /** Day the answer came (or the consultation ended); missing = still open. */
  to?: string;
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
    // 答复
    decidedOn: date('decided_on', { mode: 'string' }),
    outcome: text('outcome'), // exactly one code of outcomes.ts
    // 信息处理费
    feeMethod: text('fee_method'), // item | page
    feeAmount: numeric('fee_amount', { precision: 12, scale: 2 }),
    feePaidOn: date('fee_paid_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('disclosure_applications_tracking_idx').on(t.trackingCode),
    index('disclosure_applications_org_received_idx').on(t.orgId, t.receivedOn),
    index('disclosure_applications_org_decided_idx').on(t.orgId, t.decidedOn),
    index('disclosure_applications_org_applicant_idx').on(t.orgId, t.applicantName),
  ],
);
