/**
 * Contracts of the catalogue (检查事项清单) and the checklists with their versions (检查表 / 自查表 /
 * 考评表): every request and response as a zod schema. Imports zod, the module's labels and shared
 * field helpers and the kernel's response shapes only, so the web takes its types from this file.
 */
import { z } from 'zod';
import { PageQuery, paged, Timestamp } from '../../../kernel/http/responses.js';
import { optionalText, text } from '../contracts.js';
import { AREAS, CHECKLIST_ACTIONS, CHECKLIST_KINDS, ITEM_STATUSES, VERSION_ACTIONS, VERSION_STATUSES } from '../labels.js';

// ---- 检查事项 ----
export const ItemInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, '事项编号为 1–20 位字母、数字、点或连字符'),
  title: text('事项名称', 200),
  area: z.enum(AREAS, { error: '检查内容类别应为 a1–a6（档案法第四十二条第（一）至（六）项）' }),
  legalBasis: text('法律依据', 500),
  method: optionalText(200),
  evidenceHint: optionalText(500),
});
export type ItemInput = z.infer<typeof ItemInput>;
export const ItemPatch = z.object({
  code: ItemInput.shape.code.optional(),
  title: ItemInput.shape.title.optional(),
  area: ItemInput.shape.area.optional(),
  legalBasis: ItemInput.shape.legalBasis.optional(),
  method: optionalText(200),
  evidenceHint: optionalText(500),
  status: z.enum(ITEM_STATUSES, { error: '状态应为 active（启用）或 retired（停用）' }).optional(),
});
export type ItemPatch = z.infer<typeof ItemPatch>;
/** A page of the catalogue (by area, then code), filtered; `q` searches the code, title and legal basis. */
export const ItemListQuery = PageQuery.extend({
  area: z.enum(AREAS).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const ItemView = z.object({
  id: z.string(),
  orgId: z.string(),
  code: z.string(),
  title: z.string(),
  area: z.enum(AREAS),
  areaLabel: z.string(),
  legalBasis: z.string(),
  method: z.string().nullable(),
  evidenceHint: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  statusLabel: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ItemView = z.infer<typeof ItemView>;
/** A page of an org's catalogue. */
export const ItemList = paged(ItemView);
export type ItemList = z.infer<typeof ItemList>;

// ---- 检查表与版本 ----
const share = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .gt(0, `${label}应大于 0`)
    .max(1, `${label}不能超过 1（按比例填写，如 0.8 表示 80%）`);
export const Thresholds = z
  .object({ excellent: share('优秀线'), good: share('良好线'), pass: share('合格线') })
  .refine((t) => t.pass <= t.good && t.good <= t.excellent, { message: '等级线应满足 合格 ≤ 良好 ≤ 优秀', path: ['pass'] });
export type Thresholds = z.infer<typeof Thresholds>;

export const ChecklistInput = z.object({
  name: text('检查表名称', 100),
  kind: z.enum(CHECKLIST_KINDS, { error: '类型应为 inspection（检查表）、self_inspection（自查表）或 evaluation（考评表）' }),
  description: optionalText(1000),
  thresholds: Thresholds.nullable().optional(),
});
export type ChecklistInput = z.infer<typeof ChecklistInput>;
export const ChecklistPatch = z.object({ name: text('检查表名称', 100).optional(), description: optionalText(1000) });
export type ChecklistPatch = z.infer<typeof ChecklistPatch>;
/** A page of the checklists (by kind, then name), filtered; `q` searches the name. */
export const ChecklistListQuery = PageQuery.extend({
  kind: z.enum(CHECKLIST_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
});
export type ChecklistListQuery = z.infer<typeof ChecklistListQuery>;

const Points = z.number({ error: '分值应为数字' }).min(0, '分值不能为负').max(1000, '分值不能超过 1000');
export const VersionItemInput = z.object({
  itemId: z.uuid('检查事项 ID 格式不正确'),
  points: Points.nullable().optional(),
  veto: z.boolean().optional(),
});
export type VersionItemInput = z.infer<typeof VersionItemInput>;
export const VersionItemsInput = z.object({ items: z.array(VersionItemInput).max(500, '一个检查表最多 500 项') });
export type VersionItemsInput = z.infer<typeof VersionItemsInput>;
export const VersionPatch = z.object({ thresholds: Thresholds.nullable().optional(), note: optionalText(1000) });
export type VersionPatch = z.infer<typeof VersionPatch>;

export const ChecklistView = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  kind: z.enum(CHECKLIST_KINDS),
  kindLabel: z.string(),
  description: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ChecklistView = z.infer<typeof ChecklistView>;

/** Grade thresholds of a version as stored (fractions of 1). */
export const ThresholdsView = z.object({ excellent: z.number(), good: z.number(), pass: z.number() });

export const VersionSummary = z.object({
  id: z.string(),
  checklistId: z.string(),
  version: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  statusLabel: z.string(),
  thresholds: ThresholdsView.nullable(),
  note: z.string().nullable(),
  basedOnId: z.string().nullable(),
  publishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  itemCount: z.number().int().optional(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

/** A row of the checklists page: the checklist with its latest published version and its draft. */
export const ChecklistRow = ChecklistView.extend({ latestPublished: VersionSummary.nullable(), draft: VersionSummary.nullable() });
export type ChecklistRow = z.infer<typeof ChecklistRow>;
export const ChecklistList = paged(ChecklistRow);
export type ChecklistList = z.infer<typeof ChecklistList>;

export const ChecklistDetail = ChecklistView.extend({
  versions: z.array(VersionSummary),
  /** What the reader may do now (a new draft from the published version). */
  allowedActions: z.array(z.enum(CHECKLIST_ACTIONS)),
});
export type ChecklistDetail = z.infer<typeof ChecklistDetail>;

/** One entry of a version: the catalogue text of the day it was added, its points and veto flag. */
export const VersionEntry = z.object({
  id: z.string(),
  itemId: z.string(),
  position: z.number().int(),
  code: z.string(),
  title: z.string(),
  area: z.enum(AREAS),
  areaLabel: z.string(),
  legalBasis: z.string(),
  method: z.string().nullable(),
  evidenceHint: z.string().nullable(),
  points: z.number().nullable(),
  veto: z.boolean(),
});
export type VersionEntry = z.infer<typeof VersionEntry>;

export const VersionDetail = VersionSummary.extend({
  checklist: ChecklistView,
  items: z.array(VersionEntry),
  /** What the reader may do now (edit and publish a draft). */
  allowedActions: z.array(z.enum(VERSION_ACTIONS)),
});
export type VersionDetail = z.infer<typeof VersionDetail>;
