/** Public face of the inspections module (行政检查, 双随机一公开): its descriptor, and the draw algorithm for scripts/verify-draw.ts. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { hasAction } from '../../kernel/auth/policy.js';
import type { ActorCtx, DueKind, ModuleDescriptor } from '../../kernel/module.js';
import type { FigureSet } from '../../kernel/figures/registry.js';
import { count, defineSetting } from '../../kernel/settings.js';
import { z } from 'zod';
import { inspectionCalendarHook } from './loop/calendar-hook.js';
import { inspectionFigureSet } from './figures/figures.service.js';
import { loadInspectionDemo } from './demo.js';
import { inspectionRoutes } from './routes.js';
import { inspections } from './schema.js';
import { inspectors } from '../orgs/index.js';
import { inspectionsTimelineWords } from './timeline.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'inspection.read': true;
    'inspection.manage': true;
    /** A unit's archivist: its own inspections, 自查表, rectification reports and interviews. */
    'ownUnit.inspect': true;
    /** The 工作台 lists the deadlines of every inspection of the org (else an inspector's: the teams they are on). */
    'inspection.oversee': true;
  }
}

declare module '../../kernel/settings.js' {
  interface SettingValues {
    drawRecentMonths: number;
    drawRecentKeepHighRisk: number;
    drawRecentKeepComplained: number;
    inspectionNoticeDays: number;
    inspectionRecordDays: number;
    rectificationDays: number;
    repeatInspectionDays: number;
    inspectorMonthlyMax: number;
    evidenceQuotaPerUnitMb: number;
    evidenceQuotaPerOrgMb: number;
  }
}

/** A unit's archivist sees the rectification deadline and interview commitment of its own unit's inspections. */
async function ownUnitInspections(ctx: ActorCtx, entityIds: string[]): Promise<Set<string>> {
  const unitId = ctx.actor.unitId;
  if (!unitId || !entityIds.length || !hasAction(ctx.actor, 'ownUnit.inspect')) return new Set();
  const rows = await ctx.db
    .select({ id: inspections.id })
    .from(inspections)
    .where(and(eq(inspections.orgId, ctx.actor.orgId), eq(inspections.unitId, unitId), inArray(inspections.id, entityIds)));
  return new Set(rows.map((r) => r.id));
}

/**
 * An inspector's 工作台 (issue 13 §1): the inspections of the teams they are on — their own work — not
 * every inspection of the org they may read. The team is stored with the inspection (ids of the
 * inspector directory, linked to the account by `inspectors.user_id`).
 */
async function teamInspections(ctx: ActorCtx, entityIds: string[]): Promise<Set<string>> {
  if (!entityIds.length || !hasAction(ctx.actor, 'inspection.read')) return new Set();
  const rows = await ctx.db
    .select({ id: inspections.id })
    .from(inspections)
    .innerJoin(inspectors, and(eq(inspectors.orgId, inspections.orgId), eq(inspectors.userId, ctx.actor.userId)))
    .where(
      and(
        eq(inspections.orgId, ctx.actor.orgId),
        inArray(inspections.id, entityIds),
        sql`${inspections.team} @> jsonb_build_array(jsonb_build_object('id', ${inspectors.id}::text))`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * A kind of inspection deadline on the 工作台: every inspection's for those who oversee them (admin,
 * leader, legal, staff, superior: `inspection.oversee`), the teams' own for an inspector, and — for the
 * unit's own steps — its own unit's for a unit's archivist.
 */
const due = (label: string, ownUnit = false): DueKind => ({
  label,
  read: 'inspection.oversee',
  visibleWithout: async (ctx, ids) =>
    hasAction(ctx.actor, 'inspection.read') ? teamInspections(ctx, ids) : ownUnit ? ownUnitInspections(ctx, ids) : new Set(),
});
const flag = z.number().int().min(0).max(1);

export const inspectionsModule: ModuleDescriptor = {
  name: 'inspections',
  routes: inspectionRoutes,
  grants: {
    admin: ['inspection.read', 'inspection.manage', 'inspection.oversee'],
    leader: ['inspection.read', 'inspection.oversee'],
    legal: ['inspection.read', 'inspection.oversee'],
    inspector: ['inspection.read', 'inspection.manage'],
    staff: ['inspection.read', 'inspection.oversee'],
    unit: ['ownUnit.inspect'],
    superior: ['inspection.read', 'inspection.oversee'],
  },
  settings: {
    drawRecentMonths: defineSetting(z.number().int().min(0).max(60), 12, '双随机抽取：近期已检查单位不再抽取的月数（0 为不排除）'),
    drawRecentKeepHighRisk: defineSetting(flag, 1, '双随机抽取：高风险单位近期已检查仍参加抽取（1 是，0 否）'),
    drawRecentKeepComplained: defineSetting(flag, 1, '双随机抽取：被投诉举报的单位近期已检查仍参加抽取（1 是，0 否）'),
    inspectionNoticeDays: defineSetting(count(0, 60, '个工作日'), 5, '行政检查：检查通知书至迟于检查日前送达的工作日数'),
    inspectionRecordDays: defineSetting(count(1, 30, '个工作日'), 3, '行政检查：现场检查记录签字归档期限（检查之日起，工作日）'),
    rectificationDays: defineSetting(count(1, 250, '个工作日'), 30, '行政检查：整改期限（现场检查之日起，工作日）'),
    repeatInspectionDays: defineSetting(count(1, 1095, '天'), 180, '监测预警：同一单位在此天数内再次检查即提示重复检查（日）'),
    inspectorMonthlyMax: defineSetting(count(1, 100, '次'), 8, '监测预警：执法人员每月参加检查次数上限（次）'),
    evidenceQuotaPerUnitMb: defineSetting(count(1, 100 * 1024, 'MB'), 200, '行政检查：每个被检查单位的现场照片和整改佐证材料存储上限（MB，各次检查合计）'),
    evidenceQuotaPerOrgMb: defineSetting(count(1, 1024 * 1024, 'MB'), 20 * 1024, '行政检查：本机关全部现场照片和整改佐证材料存储上限（MB）'),
  },
  timelineWords: inspectionsTimelineWords,
  timeline: {
    inspectionItem: 'inspection.read',
    checklist: 'inspection.read',
    checklistVersion: 'inspection.read',
    inspectionPlan: 'inspection.read',
    inspectionDraw: 'inspection.read',
    evaluation: 'inspection.read',
    inspection: 'inspection.read',
  },
  dueKinds: {
    'inspection.notice': due('检查通知书送达'),
    'inspection.self': due('自查表提交', true),
    'inspection.record': due('现场检查记录归档'),
    'inspection.rectification': due('检查整改期限', true),
    'inspection.commitment': due('约谈整改承诺', true),
    'inspection.publication': { ...due('检查结果公开'), publication: true },
  },
  figures: [inspectionFigureSet as FigureSet],
  calendarHooks: [inspectionCalendarHook],
  demo: async (ctx, demo) => {
    await loadInspectionDemo(ctx, demo.org, { history: demo.history });
  },
};
/** The draw algorithm (lantai-draw-v1): scripts/verify-draw.ts recomputes published records with it. */
export { runDraw, verifyDraw } from './draws/draw.js';
/** The catalogue of inspection items (检查事项清单): the 行政执法公示 lists an org's active items among its powers. */
export { inspectionItems } from './schema.js';
