/**
 * Contracts of 年度检查计划 (annual plans, 事前公开) and the portal's /api/public/plans: every request
 * and response as a zod schema. Imports zod, labels and contracts only, so the web takes its types
 * from this file.
 */
import { z } from 'zod';
import { PageQuery, Timestamp, paged } from '../../../kernel/http/responses.js';
import { RISK_TIERS, UNIT_TYPES } from '../../orgs/contracts.js';
import { optionalText, text } from '../contracts.js';
import { DRAW_STATUSES, PLAN_ACTIONS, PLAN_STATUSES } from '../labels.js';

const Percent = z.number({ error: '覆盖率应为数字' }).gt(0, '覆盖率应大于 0').max(100, '覆盖率不能超过 100（%）');
/** Target coverage in percent (目标覆盖率): overall, per risk tier, per unit type. */
export const TargetCoverage = z.object({
  overall: Percent.optional(),
  byRiskTier: z.partialRecord(z.enum(RISK_TIERS), Percent).optional(),
  byUnitType: z.partialRecord(z.enum(UNIT_TYPES), Percent).optional(),
});
export type TargetCoverage = z.infer<typeof TargetCoverage>;

export const PlanInput = z.object({
  year: z.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于 2000').max(2100, '年度不晚于 2100'),
  title: text('计划名称', 200),
  scope: text('检查范围', 2000),
  unitTypes: z.array(z.enum(UNIT_TYPES, { error: '单位类型不正确' })).default([]),
  riskTiers: z.array(z.enum(RISK_TIERS, { error: '风险等级应为 low、medium 或 high' })).default([]),
  stratifyByRisk: z.boolean().default(false),
  targetCoverage: TargetCoverage.default({}),
  schedule: optionalText(500),
  checklistVersionId: z.uuid('检查表版本 ID 格式不正确').nullable().optional(),
});
export type PlanInput = z.infer<typeof PlanInput>;
/** The body as sent (defaults not yet applied). */
export type PlanBody = z.input<typeof PlanInput>;
export const PlanPatch = z.object({
  year: PlanInput.shape.year.optional(),
  title: PlanInput.shape.title.optional(),
  scope: PlanInput.shape.scope.optional(),
  unitTypes: z.array(z.enum(UNIT_TYPES, { error: '单位类型不正确' })).optional(),
  riskTiers: z.array(z.enum(RISK_TIERS, { error: '风险等级应为 low、medium 或 high' })).optional(),
  stratifyByRisk: z.boolean().optional(),
  targetCoverage: TargetCoverage.optional(),
  schedule: optionalText(500),
  checklistVersionId: z.uuid('检查表版本 ID 格式不正确').nullable().optional(),
});
export type PlanPatch = z.infer<typeof PlanPatch>;
const Year = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于 2000').max(2100, '年度不晚于 2100');
/** A page of the plans (newest year first, then by title), filtered by year and status. */
export const PlanListQuery = PageQuery.extend({
  year: Year.optional(),
  status: z.enum(PLAN_STATUSES, { error: '状态应为 draft（草稿）或 published（已公开）' }).optional(),
  orgId: z.uuid().optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

/** An inspector as published with a plan or frozen with a draw: certified and valid on that day. */
export const InspectorSnapshot = z.object({ id: z.string(), name: z.string(), certificateNo: z.string(), certExpiresOn: z.string() });
export type InspectorSnapshot = z.infer<typeof InspectorSnapshot>;

export const PlanView = z.object({
  id: z.string(),
  orgId: z.string(),
  year: z.number().int(),
  title: z.string(),
  scope: z.string(),
  unitTypes: z.array(z.enum(UNIT_TYPES)),
  unitTypeLabels: z.array(z.string()),
  riskTiers: z.array(z.enum(RISK_TIERS)),
  riskTierLabels: z.array(z.string()),
  stratifyByRisk: z.boolean(),
  targetCoverage: TargetCoverage,
  schedule: z.string().nullable(),
  checklistVersionId: z.string().nullable(),
  /** The certified inspectors published with the plan (null while a draft). */
  inspectors: z.array(InspectorSnapshot).nullable(),
  status: z.enum(PLAN_STATUSES),
  statusLabel: z.string(),
  publishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PlanView = z.infer<typeof PlanView>;
export const PlanList = paged(PlanView);
export type PlanList = z.infer<typeof PlanList>;

/** A draw of the plan as its page lists it. */
export const PlanDraw = z.object({
  id: z.string(),
  drawId: z.string(),
  plannedDate: z.string(),
  status: z.enum(DRAW_STATUSES),
  statusLabel: z.string(),
  k: z.number().int(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  redrawReason: z.string().nullable(),
});
export type PlanDraw = z.infer<typeof PlanDraw>;

export const PlanDetail = PlanView.extend({
  /** The checklist version the plan inspects against. */
  checklist: z.object({ id: z.string(), version: z.number().int(), status: z.string(), name: z.string(), checklistId: z.string() }).nullable(),
  draws: z.array(PlanDraw),
  /** What the reader may do now (edit and publish a draft, draw from a published plan). */
  allowedActions: z.array(z.enum(PLAN_ACTIONS)),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

/** A page of the portal's published plans (most recently published first), of one bureau or year. */
export const PublicPlanQuery = PageQuery.extend({ orgId: z.uuid('机构 ID 格式不正确').optional(), year: Year.optional() });
export type PublicPlanQuery = z.infer<typeof PublicPlanQuery>;

/** A published plan on the portal (事前公开): scope, coverage, items with their basis, inspectors with certificates. */
export const PublicPlan = z.object({
  id: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  scope: z.string(),
  schedule: z.string().nullable(),
  /** Scope filters (empty = every type / tier), stratification and the target coverage in % (目标覆盖率). */
  unitTypes: z.array(z.enum(UNIT_TYPES)),
  riskTiers: z.array(z.enum(RISK_TIERS)),
  stratifyByRisk: z.boolean(),
  targetCoverage: TargetCoverage,
  publishedAt: Timestamp.nullable(),
  /** 检查事项清单: `area` is the label of 档案法第四十二条's item. */
  items: z.array(z.object({ code: z.string(), title: z.string(), area: z.string(), legalBasis: z.string(), method: z.string().nullable() })),
  inspectors: z.array(z.object({ name: z.string(), certificateNo: z.string() })),
});
export type PublicPlan = z.infer<typeof PublicPlan>;
export const PublicPlanList = paged(PublicPlan);
export type PublicPlanList = z.infer<typeof PublicPlanList>;
