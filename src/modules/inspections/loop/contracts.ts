/**
 * Contracts of the inspection loop (行政检查 from creation to closing): every request and response of
 * /api/inspections (the loop's routes) and /api/my/inspections (the unit's own account) as zod
 * schemas. Imports zod and other contracts/labels only, so the web takes its types from this very file
 * (`@server/modules/inspections/loop/contracts`).
 */
import { z } from 'zod';
import { Timestamp, paged } from '../../../kernel/http/responses.js';
import { AREAS, ClockView, Day, ITEM_RESULTS, InspectorIds, optionalText, text } from '../contracts.js';
import { Flag, FollowUpPart } from '../followup/contracts.js';
import { FLOW_ACTIONS, INSPECTION_SOURCES, INSPECTION_STATUSES, RECTIFICATION_ITEM_STATUSES } from './labels.js';

export {
  FLOW_ACTIONS,
  INSPECTION_SOURCES,
  INSPECTION_SOURCE_LABELS,
  INSPECTION_STATUSES,
  INSPECTION_STATUS_LABELS,
  RECTIFICATION_ITEM_STATUS_LABELS,
  type FlowActionName,
  type InspectionSource,
  type InspectionStatus,
  type RectificationItemStatus,
} from './labels.js';
export { ClockView } from '../contracts.js';

// ---------------------------------------------------------------------------------------------
// Requests

export const NoticeParams = z.object({ id: z.uuid('ID 格式不正确'), noticeId: z.uuid('ID 格式不正确') });
export const FileParams = z.object({ id: z.uuid('ID 格式不正确'), fileId: z.uuid('ID 格式不正确') });

export const AdHocInspectionInput = z.object({
  unitId: z.uuid('检查对象 ID 格式不正确'),
  inspectorIds: InspectorIds,
  checklistVersionId: z.uuid('检查表版本 ID 格式不正确'),
  plannedDate: Day,
  reason: text('检查事由', 500),
});
export type AdHocInspectionInput = z.infer<typeof AdHocInspectionInput>;

export const InspectionListQuery = z.object({
  status: z.enum(INSPECTION_STATUSES).optional(),
  source: z.enum(INSPECTION_SOURCES).optional(),
  unitId: z.uuid().optional(),
  drawId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InspectionListQuery = z.infer<typeof InspectionListQuery>;

export const NoticeInput = z.object({
  /** The day the notice is sent (default today). */
  noticeOn: Day.optional(),
});
export type NoticeInput = z.infer<typeof NoticeInput>;

/** 变更检查通知: a new notice announcing a new date (its own lead time), with the reason. */
export const NoticeAmendInput = z.object({
  /** The new inspection date the new notice announces. */
  plannedDate: Day,
  /** The day the new notice is sent (default today). */
  noticeOn: Day.optional(),
  reason: text('变更理由', 500),
});
export type NoticeAmendInput = z.infer<typeof NoticeAmendInput>;

export const SelfInspectionInput = z.object({
  results: z
    .array(
      z.object({
        entryId: z.uuid('检查项 ID 格式不正确'),
        result: z.enum(ITEM_RESULTS, { error: '自查结果应为 compliant（符合）、non_compliant（不符合）或 not_applicable（不适用）' }),
        note: optionalText(1000),
      }),
    )
    .max(500),
});
export type SelfInspectionInput = z.infer<typeof SelfInspectionInput>;

// ---- 现场检查记录 ----
export const RecordInput = z.object({
  onSiteDate: Day,
  items: z
    .array(
      z.object({
        entryId: z.uuid('检查项 ID 格式不正确'),
        result: z.enum(ITEM_RESULTS, { error: '检查结果应为 compliant（符合）、non_compliant（不符合）或 not_applicable（不适用）' }).nullable().optional(),
        note: optionalText(1000),
      }),
    )
    .max(500),
  inspectorsPresent: z.array(z.uuid('执法人员 ID 格式不正确')).max(10),
  representative: z
    .object({ name: text('被检查单位代表姓名', 50), title: text('被检查单位代表职务', 50) })
    .nullable()
    .optional(),
  findings: optionalText(5000),
});
export type RecordInput = z.infer<typeof RecordInput>;
const SignatureDataUrl = z
  .string()
  .max(400_000, '签名图片过大')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, '签名应为 PNG 图片的 data URL（data:image/png;base64,…）');
export const SignInput = z.object({
  inspectors: z.array(z.object({ inspectorId: z.uuid('执法人员 ID 格式不正确'), signature: SignatureDataUrl })).max(10),
  representative: z.object({ signature: SignatureDataUrl }).nullable().optional(),
});
export type SignInput = z.infer<typeof SignInput>;
export const PhotoQuery = z.object({ entryId: z.uuid('检查项 ID 格式不正确') });

// ---- 反馈意见书 ----
export const FeedbackInput = z.object({
  /** Day the letter is issued (default today). */
  issuedOn: Day.optional(),
  /** Rectification items, one per non-compliant on-site item; default: every non-compliant item with its note. */
  items: z
    .array(z.object({ entryId: z.uuid('检查项 ID 格式不正确'), text: text('整改要求', 1000) }))
    .max(500)
    .optional(),
  conclusion: optionalText(2000),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

// ---- 整改 ----
export const RectificationReportInput = z.object({
  items: z
    .array(z.object({ itemId: z.uuid('整改事项 ID 格式不正确'), text: text('整改情况', 2000) }))
    .min(1, '请至少报送一项整改情况')
    .max(500),
});
export type RectificationReportInput = z.infer<typeof RectificationReportInput>;
export const RectificationReviewInput = z.object({
  items: z
    .array(
      z.object({
        itemId: z.uuid('整改事项 ID 格式不正确'),
        decision: z.enum(['accepted', 'returned'], { error: '审核结论应为 accepted（通过）或 returned（退回）' }),
        comment: optionalText(1000),
      }),
    )
    .min(1, '请至少审核一项')
    .max(500),
});
export type RectificationReviewInput = z.infer<typeof RectificationReviewInput>;
export const EvidenceQuery = z.object({ itemId: z.uuid('整改事项 ID 格式不正确') });

// ---------------------------------------------------------------------------------------------
// Responses

const InspectionStatus = z.enum(INSPECTION_STATUSES);
const ItemResult = z.enum(ITEM_RESULTS);

/** One row of the inspection list (and the head of the detail). */
export const InspectionSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  code: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  source: z.enum(INSPECTION_SOURCES),
  sourceLabel: z.string(),
  drawId: z.string().nullable(),
  reason: z.string().nullable(),
  plannedDate: z.string(),
  status: InspectionStatus,
  statusLabel: z.string(),
  team: z.array(z.object({ id: z.string(), name: z.string(), certificateNo: z.string() })),
  noticeOn: z.string().nullable(),
  noticeDocNumber: z.string().nullable(),
  selfSubmittedAt: Timestamp.nullable(),
  /** 一公开 (publication): the day the result was published, and 典型. */
  publishedOn: z.string().nullable(),
  exemplary: z.boolean(),
  createdAt: Timestamp,
});
export type InspectionSummary = z.infer<typeof InspectionSummary>;

export const InspectionPage = paged(InspectionSummary);
export type InspectionPage = z.infer<typeof InspectionPage>;

/** POST /api/inspections/draws/:id/inspections: the inspections made, and repeat-inspection warnings (监测预警, never a refusal). */
export const FromDrawResult = z.object({ items: z.array(InspectionSummary), warnings: z.array(z.string()) });
export type FromDrawResult = z.infer<typeof FromDrawResult>;

/** A photo, a signature image or a piece of evidence kept with the inspection. */
export const FileRef = z.object({ id: z.string(), fileName: z.string().nullable(), mime: z.string(), size: z.number(), sha256: z.string() });
export type FileRef = z.infer<typeof FileRef>;

/** One 检查通知书 of an inspection. */
export const NoticeView = z.object({
  id: z.string(),
  seq: z.number(),
  docNumber: z.string(),
  noticeOn: z.string(),
  /** The inspection date it announced. */
  plannedDate: z.string(),
  /** An amendment's reason. */
  reason: z.string().nullable(),
  /** The notice it replaced. */
  supersedes: z.string().nullable(),
  inForce: z.boolean(),
});
export type NoticeView = z.infer<typeof NoticeView>;

/** One checklist entry of the inspection with the unit's self-inspection and the on-site result. */
export const InspectionEntry = z.object({
  entryId: z.string(),
  code: z.string(),
  title: z.string(),
  area: z.enum(AREAS),
  areaLabel: z.string(),
  legalBasis: z.string(),
  method: z.string().nullable(),
  evidenceHint: z.string().nullable(),
  self: z.object({ result: ItemResult, resultLabel: z.string(), note: z.string().nullable() }).nullable(),
  onSite: z.object({ result: ItemResult.nullable(), resultLabel: z.string().nullable(), note: z.string().nullable() }).nullable(),
  photos: z.array(FileRef),
});
export type InspectionEntry = z.infer<typeof InspectionEntry>;

/** A rectification item of the feedback letter with its reports, reviews and evidence. */
export const RectificationItemView = z.object({
  id: z.string(),
  entryId: z.string(),
  code: z.string(),
  title: z.string(),
  text: z.string(),
  status: z.enum(RECTIFICATION_ITEM_STATUSES),
  statusLabel: z.string(),
  reports: z.array(z.object({ on: z.string(), text: z.string(), evidence: z.array(z.string()), by: z.string() })),
  reviews: z.array(z.object({ on: z.string(), decision: z.enum(['accepted', 'returned']), comment: z.string().nullable(), by: z.string() })),
  returnCount: z.number(),
  evidence: z.array(FileRef),
});
export type RectificationItemView = z.infer<typeof RectificationItemView>;

export const FeedbackView = z.object({
  issuedOn: z.string().nullable(),
  docNumber: z.string(),
  conclusion: z.string().nullable(),
  /** As it stands today (from the clock): provisional (预计) while its year's schedule is not entered. */
  rectificationDue: z.string().nullable(),
  rectificationDueProvisional: z.boolean(),
  rectificationDueProvisionalYears: z.array(z.number()),
  rectificationClock: ClockView.nullable(),
  items: z.array(RectificationItemView),
  /** The follow-up part's flags, without what addressed them. */
  flags: z.array(Flag),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

/** 现场检查记录 as the detail shows it (signed or draft). */
export const RecordView = z.object({
  onSiteDate: z.string(),
  inspectorsPresent: z.array(z.object({ id: z.string(), name: z.string(), certificateNo: z.string().nullable() })),
  representative: z.object({ name: z.string(), title: z.string() }).nullable(),
  findings: z.string().nullable(),
  signedOn: z.string().nullable(),
  signatures: z.array(
    z.object({
      id: z.string(),
      signerName: z.string().nullable(),
      inspectorId: z.string().nullable(),
      role: z.enum(['inspector', 'representative']),
      sha256: z.string(),
    }),
  ),
  clock: ClockView.nullable(),
});
export type RecordView = z.infer<typeof RecordView>;

/** Bytes of photos and evidence stored against a quota (settings evidenceQuotaPerUnitMb / evidenceQuotaPerOrgMb), with the line the page shows. */
export const QuotaUsage = z.object({ usedBytes: z.number(), quotaBytes: z.number(), text: z.string() });
/** The inspected unit's usage; the bureau's (org) usage only for the bureau's readers, null for the unit's own account. */
export const EvidenceUsage = z.object({ unit: QuotaUsage, org: QuotaUsage.nullable() });
export type EvidenceUsage = z.infer<typeof EvidenceUsage>;

/**
 * GET /api/inspections/:id (and the unit's GET /api/my/inspections/:id): the record from the notice to
 * the closing, with the follow-up part and the actions the reader may take now (`allowedActions`).
 */
export const InspectionDetail = InspectionSummary.extend({
  unitAddress: z.string().nullable(),
  drawCode: z.string().nullable(),
  checklist: z.object({ versionId: z.string(), name: z.string().nullable(), version: z.number().nullable() }),
  notice: z.object({
    requiredWorkingDays: z.number(),
    latestDate: z.string(),
    latestProvisional: z.boolean(),
    latestProvisionalYears: z.array(z.number()),
    sentOn: z.string().nullable(),
    docNumber: z.string().nullable(),
    clock: ClockView,
    /** Every 检查通知书, first to last; the last is in force (变更检查通知 adds one, the old ones stay). */
    history: z.array(NoticeView),
  }),
  /** The unit's 自查表: when submitted, how far filled, and its clock (due the last working day before the visit; null before the notice). */
  selfInspection: z.object({ submittedAt: Timestamp.nullable(), answered: z.number(), total: z.number(), clock: ClockView.nullable() }),
  items: z.array(InspectionEntry),
  feedback: FeedbackView.nullable(),
  record: RecordView.nullable(),
  /** Before the feedback letter: the deadline it would set if issued today. */
  rectificationPreview: ClockView.extend({ days: z.number() }).nullable(),
  /** On-site photos and rectification evidence stored against the quotas. */
  evidenceUsage: EvidenceUsage,
  ...FollowUpPart.shape,
  allowedActions: z.array(z.enum(FLOW_ACTIONS)),
});
export type InspectionDetail = z.infer<typeof InspectionDetail>;

/** POST /api/inspections (ad hoc): the new inspection, and repeat-inspection warnings. */
export const AdHocResult = InspectionDetail.extend({ warnings: z.array(z.string()) });
export type AdHocResult = z.infer<typeof AdHocResult>;

/** A photo added to the on-site record. */
export const PhotoAdded = z.object({ id: z.string(), entryId: z.string(), mime: z.string(), size: z.number(), sha256: z.string() });
/** A piece of evidence added for a rectification item. */
export const EvidenceAdded = z.object({ id: z.string(), itemId: z.string(), mime: z.string(), size: z.number(), sha256: z.string() });

/** The 机关代字 of inspection documents, its default and an example number of this year (the kernel's shape). */
export { DocPrefixSettings } from '../../../kernel/documents/contracts.js';
