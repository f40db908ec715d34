/**
 * Contracts of 一公开 (publication of inspection results) and 典型: the bureau's
 * /api/inspections/:id/{publication,publish,exemplary} and the portal's /api/public/inspections.
 * Imports zod and other contracts/labels only, so the web takes its types from this very file.
 */
import { z } from 'zod';
import { PageQuery, paged } from '../../../kernel/http/responses.js';
import { UNIT_TYPES } from '../../orgs/contracts.js';
import { ClockView, Day, text } from '../contracts.js';

// ---- Requests ----
export const PublishInput = z.object({
  /** The text shown on the portal; default: generated from the record (items checked, 符合/不符合, rectification). */
  publicResult: z.string().trim().min(1, '请填写公开的检查结果').max(5000, '公开的检查结果不能超过 5000 个字').optional(),
  /** Day of publication (default today): not after today, not before the feedback letter. */
  publishedOn: Day.optional(),
});
export type PublishInput = z.infer<typeof PublishInput>;
export const PublicationCorrectionInput = z.object({
  publicResult: z.string().trim().min(1, '请填写更正后的检查结果').max(5000, '公开的检查结果不能超过 5000 个字'),
  reason: text('更正理由', 500),
});
export type PublicationCorrectionInput = z.infer<typeof PublicationCorrectionInput>;
export const ExemplaryInput = z.object({
  exemplary: z.boolean({ error: 'exemplary 应为 true（标记典型）或 false（取消典型）' }),
  /** Why the unit is exemplary (required when marking); the reason when unmarking (optional). */
  note: z.string().trim().max(1000, '说明不能超过 1000 个字').nullable().optional(),
});
export type ExemplaryInput = z.infer<typeof ExemplaryInput>;
export const PublicInspectionQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于 2000').max(2100, '年度不晚于 2100').optional(),
  unitType: z.enum(UNIT_TYPES, { error: '单位类型不正确' }).optional(),
  orgId: z.uuid('机构 ID 格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicInspectionQuery = z.infer<typeof PublicInspectionQuery>;
/** A page of the 典型 list, with the filters of the results list. */
export const PublicExemplaryQuery = PageQuery.extend(PublicInspectionQuery.pick({ year: true, unitType: true, orgId: true }).shape);
export type PublicExemplaryQuery = z.infer<typeof PublicExemplaryQuery>;

// ---- Responses ----
export const RECTIFICATION_PROGRESS_CODES = ['none', 'in_progress', 'done', 'closed', 'overdue'] as const;
export type RectificationProgressCode = (typeof RECTIFICATION_PROGRESS_CODES)[number];

/** The rectification status as the portal shows it (computed live from the items and the deadline). */
export const RectificationProgress = z.object({
  code: z.enum(RECTIFICATION_PROGRESS_CODES),
  label: z.string(),
  accepted: z.number(),
  total: z.number(),
  due: z.string().nullable(),
  /** The deadline depends on a year whose holiday schedule is not entered (预计). */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number()),
});
export type RectificationProgress = z.infer<typeof RectificationProgress>;

/** GET /api/inspections/:id/publication (and the answer of every write there). */
export const PublicationView = z.object({
  inspectionId: z.string(),
  code: z.string(),
  /** 20 working days from the feedback letter. */
  requiredDays: z.number(),
  feedbackOn: z.string().nullable(),
  /** null before the feedback letter. */
  clock: ClockView.nullable(),
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  publicResult: z.string().nullable(),
  /** Generated from the record (no names of persons); null before the feedback letter. */
  defaultText: z.string().nullable(),
  exemplary: z.boolean(),
  exemplaryNote: z.string().nullable(),
  exemplaryOn: z.string().nullable(),
  rectification: RectificationProgress,
  /** 'publish' (also covers a correction once published) and 'markExemplary' (once published), for the bureau. */
  allowedActions: z.array(z.enum(['publish', 'markExemplary'])),
});
export type PublicationView = z.infer<typeof PublicationView>;

/** One published result on the portal (no persons, photos or signatures). */
export const PublicInspection = z.object({
  id: z.string(),
  code: z.string(),
  orgName: z.string(),
  unitName: z.string(),
  unitType: z.enum(UNIT_TYPES),
  unitTypeLabel: z.string(),
  sourceLabel: z.string(),
  /** The published draw the inspection came from (id for /public/draws/$id). */
  draw: z.object({ id: z.string(), drawId: z.string() }).nullable(),
  onSiteDate: z.string().nullable(),
  checklistName: z.string(),
  itemsChecked: z.number(),
  areas: z.array(z.string()),
  results: z.object({ compliant: z.number(), nonCompliant: z.number(), notApplicable: z.number() }),
  /** The published text. */
  conclusion: z.string(),
  rectification: RectificationProgress,
  publishedOn: z.string(),
  exemplary: z.boolean(),
  exemplaryNote: z.string().nullable(),
});
export type PublicInspection = z.infer<typeof PublicInspection>;

export const PublicInspectionPage = paged(PublicInspection);
export type PublicInspectionPage = z.infer<typeof PublicInspectionPage>;
export const PublicExemplaryPage = paged(PublicInspection);
export type PublicExemplaryPage = z.infer<typeof PublicExemplaryPage>;
