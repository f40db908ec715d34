/**
 * Contracts of the regulated-unit directory (检查对象名录库): requests, the unit as the API sends it,
 * the spreadsheet's columns and the import's answers. Zod and labels only: the web imports this very file.
 */
import { z } from 'zod';
import { paged, Timestamp } from '../../../kernel/http/responses.js';
import { RISK_TIERS, UNIT_STATUSES, UNIT_TYPES } from '../labels.js';
import { ListQuery, requiredText } from '../contracts.js';

// ---- requests ----

const UnitFields = z.object({
  name: requiredText('单位名称'),
  creditCode: z.string().trim().toUpperCase(),
  type: z.enum(UNIT_TYPES, { error: '单位类型不正确' }),
  industry: z.string().trim().max(60).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  contactName: z.string().trim().max(40).nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  riskTier: z.enum(RISK_TIERS, { error: '风险等级应为 low、medium 或 high' }),
});
export const UnitInput = UnitFields.extend({ riskTier: UnitFields.shape.riskTier.default('medium') });
export type UnitInput = z.infer<typeof UnitInput>;
/** PATCH body: no defaults, so an absent field stays as it is. */
export const UnitPatch = UnitFields.partial().extend({ status: z.enum(UNIT_STATUSES, { error: '状态应为 active 或 closed' }).optional() });
export type UnitPatch = z.infer<typeof UnitPatch>;

export const UNIT_SORTS = ['name', 'creditCode', 'type', 'riskTier', 'createdAt', 'updatedAt'] as const;
export const UnitListQuery = ListQuery.extend({
  type: z.enum(UNIT_TYPES).optional(),
  riskTier: z.enum(RISK_TIERS).optional(),
  status: z.enum(UNIT_STATUSES).optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

/** Each field of a unit as the spreadsheet names it (import template, import errors, export), in column order. */
export const UNIT_IMPORT_COLUMNS = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  type: '单位类型',
  industry: '所属行业',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  riskTier: '风险等级',
} as const satisfies Record<keyof UnitInput, string>;
/** The spreadsheet's column headings, in order. */
export const UNIT_SHEET_HEADERS = Object.values(UNIT_IMPORT_COLUMNS);

// ---- responses ----

/** What the actor may do with a unit (the page offers only these). */
export const UNIT_ACTIONS = ['edit'] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

export const UnitView = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  type: z.enum(UNIT_TYPES),
  typeLabel: z.string(),
  industry: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  riskTier: z.enum(RISK_TIERS),
  riskTierLabel: z.string(),
  status: z.enum(UNIT_STATUSES),
  statusLabel: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** For the signed-in actor: `edit` when it keeps the directory of the unit's org (its own). */
  allowedActions: z.array(z.enum(UNIT_ACTIONS)),
});
export type UnitView = z.infer<typeof UnitView>;
/** One unit with the name of its org (a superior org reads its descendants' units). */
export const UnitDetail = UnitView.extend({ orgName: z.string() });
export type UnitDetail = z.infer<typeof UnitDetail>;
export const UnitsPage = paged(UnitView);

/** An import: every row went in (all or nothing; a refused import names each problem by row and column). */
export const UnitImportResult = z.object({ created: z.number().int() });
export type UnitImportResult = z.infer<typeof UnitImportResult>;
