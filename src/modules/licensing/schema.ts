/**
 * 行政许可 (SPEC module 4; 行政许可法, RULES.md §5): the catalogue of items with their service guides
 * (办事指南) and validity, the applications with everything their statutory clocks need (受理 or 一次性告知
 * 补正 within 5 working days, excluded periods, the one approved extension, the decision, the certificate,
 * the publication), and the materials uploaded on the portal. The clocks themselves are computed by the
 * kernel Clock model from these columns (clock.ts); a copy of their specs lives in the kernel `clocks` table.
 */
import { boolean, customType, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';
import type { LetterContact } from '../../kernel/documents/index.js';

/** One material of an item's guide (申请材料目录). */
export interface ItemMaterial {
  name: string;
  /** Required for acceptance (申请材料齐全). */
  required: boolean;
  /** 原件/复印件、份数、格式 … */
  note?: string;
}

/** 许可事项: an item of the catalogue and its service guide (办事指南). */
export const licensingItems = pgTable(
  'licensing_items',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(), // 事项名称, as the history import names it
    code: text('code'), // 事项编码
    category: text('category').notNull().default('licensing'), // labels.ts ITEM_CATEGORIES
    department: text('department'), // 承办科室
    legalBasis: text('legal_basis').notNull(), // 设定和实施依据
    conditions: text('conditions').notNull(), // 申请条件
    materials: jsonb('materials').$type<ItemMaterial[]>().notNull().default([]),
    procedure: text('procedure').notNull(), // 办理流程
    statutoryDays: integer('statutory_days').notNull().default(20), // 法定办结时限（工作日，行政许可法第四十二条）
    promisedDays: integer('promised_days'), // 承诺办结时限（工作日）
    fee: text('fee').notNull().default('不收费'), // 收费标准及依据
    remedies: text('remedies').notNull(), // 救济途径 (a refusal's letter names it)
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    status: text('status').notNull().default('active'), // active | abolished
    abolishedOn: date('abolished_on', { mode: 'string' }),
    abolishedReason: text('abolished_reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('licensing_items_org_name_idx').on(t.orgId, t.name)],
);
export type ItemRow = typeof licensingItems.$inferSelect;

/** A desk checklist entry: a material of the guide and whether it was handed in. */
export interface MaterialCheck {
  name: string;
  received: boolean;
}

/** A period not counted in the decision period (行政许可法第四十五条). */
export interface ExclusionRecord {
  id: string;
  kind: 'hearing' | 'testing' | 'expert_review';
  /** First day not counted. */
  from: string;
  /** Last day not counted; missing while it lasts. */
  to?: string;
  note: string;
}

/**
 * A letter to the applicant as issued with its step (受理通知书, 补正材料通知书, 决定书): its number and
 * date, and what it names as on that day — the 联系人 and telephone, the expected decision day (受理),
 * the 复议机关 and court (决定) — so that a later change of a telephone or a setting never alters a
 * letter already sent.
 */
export interface IssuedLetter {
  docNumber: string | null;
  issuedOn: string;
  /** Null telephone only for a deemed acceptance recorded while the org had no 办公电话. */
  contact: LetterContact;
  /** 受理通知书: the last day of the decision period as counted on the day of acceptance. */
  decisionBy?: { due: string; provisional: boolean; provisionalYears: number[] };
  /** 决定书: the 行政复议机关 and the court named (行政复议法第二十条、行政诉讼法第四十六条). */
  reviewOrgan?: string;
  court?: string;
}
/** The letters issued so far, by kind (labels.ts LETTER_KINDS without the certificate, which is its own record). */
export type IssuedLetters = Partial<Record<'acceptance' | 'correction' | 'decision', IssuedLetter>>;

export const licensingApplications = pgTable(
  'licensing_applications',
  {
    id: id(),
    orgId: orgId(),
    itemId: uuid('item_id').notNull(),
    code: text('code').notNull(), // XK-2025-001 per org and year of receipt
    trackingCode: text('tracking_code').notNull(), // 查询码, shown to the public
    channel: text('channel').notNull(), // online | desk
    source: text('source').notNull().default('desk'), // desk | portal | import
    receivedOn: date('received_on', { mode: 'string' }).notNull(), // 收到申请材料之日
    applicantType: text('applicant_type').notNull(), // unit | individual
    applicantName: text('applicant_name').notNull(),
    idNumber: text('id_number'), // 统一社会信用代码 / 身份证件号码: masked outside the desk
    contact: text('contact'),
    summary: text('summary'), // 申请事项说明
    materials: jsonb('materials').$type<MaterialCheck[]>().notNull().default([]),
    status: text('status').notNull(), // labels.ts APPLICATION_STATUSES
    // 受理 (art. 32): explicit, or deemed (silence for 5 working days: accepted as of receipt)
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptanceDeemed: boolean('acceptance_deemed').notNull().default(false),
    // 一次性告知补正 (art. 32(四))
    correctionSentOn: date('correction_sent_on', { mode: 'string' }),
    correctionItems: jsonb('correction_items').$type<string[]>(),
    correctedOn: date('corrected_on', { mode: 'string' }),
    // 听证、检验检测检疫、专家评审 (art. 45): not counted
    exclusions: jsonb('exclusions').$type<ExclusionRecord[]>().notNull().default([]),
    // 延长十日 (art. 42): the desk asks, the head decides
    extensionRequestReason: text('extension_request_reason'),
    extensionRequestedBy: uuid('extension_requested_by'),
    extensionRequestedOn: date('extension_requested_on', { mode: 'string' }),
    extensionRefusedOn: date('extension_refused_on', { mode: 'string' }),
    extensionRefusalReason: text('extension_refusal_reason'),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    extensionApprovedBy: uuid('extension_approved_by'),
    extensionApprovedOn: date('extension_approved_on', { mode: 'string' }),
    // 决定 (arts. 38, 42)
    decidedOn: date('decided_on', { mode: 'string' }),
    result: text('result'), // granted | refused
    decisionNo: text('decision_no'), // 决定书文号
    decisionReason: text('decision_reason'), // a refusal's reasons (第三十八条第二款); a grant's note
    remedies: text('remedies'), // a refusal's remedies as told to the applicant
    lateReason: text('late_reason'), // a decision after the deadline: why
    // 颁发许可证件 (art. 44)
    certificateNo: text('certificate_no'),
    certificateIssuedOn: date('certificate_issued_on', { mode: 'string' }),
    // 公开 (国办发〔2018〕118号: within 7 working days of the decision)
    publishedOn: date('published_on', { mode: 'string' }),
    // 撤回
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
    // 文书: each letter as issued with its step
    letters: jsonb('letters').$type<IssuedLetters>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('licensing_applications_tracking_idx').on(t.trackingCode),
    uniqueIndex('licensing_applications_org_code_idx').on(t.orgId, t.code),
    index('licensing_applications_org_received_idx').on(t.orgId, t.receivedOn),
    index('licensing_applications_org_decided_idx').on(t.orgId, t.decidedOn),
    index('licensing_applications_org_status_idx').on(t.orgId, t.status),
    index('licensing_applications_item_idx').on(t.itemId),
  ],
);
export type ApplicationRow = typeof licensingApplications.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The materials an applicant uploaded on the portal (PDF or images, by magic bytes). */
export const licensingFiles = pgTable(
  'licensing_files',
  {
    id: id(),
    orgId: orgId(),
    applicationId: uuid('application_id').notNull(),
    material: text('material').notNull(), // the guide's material it is for
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('licensing_files_application_idx').on(t.applicationId)],
);
