/**
 * The inspections module's enumerations and their Chinese labels, with no imports at all: the
 * contracts of every area and the web (`@server/modules/inspections/labels`) use them.
 */

/** 档案法（2020）第四十二条 — what an inspection covers, areas (一)…(六). */
export const AREAS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] as const;
export type Area = (typeof AREAS)[number];
export const AREA_LABELS: Record<Area, string> = {
  a1: '（一）档案工作责任制和管理制度落实情况',
  a2: '（二）档案库房、设施、设备配置使用情况',
  a3: '（三）档案工作人员管理情况',
  a4: '（四）档案收集、整理、保管、提供利用等情况',
  a5: '（五）档案信息化建设和信息安全保障情况',
  a6: '（六）对所属单位等的档案工作监督和指导情况',
};
/** Short form for tags: 第四十二条（一）. */
export const areaShort = (a: Area) => `第四十二条${AREA_LABELS[a]?.slice(0, 3) ?? a}`;

/** A catalogue item in use, or retired (停用: kept in published versions, never added again). */
export const ITEM_STATUSES = ['active', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { active: '启用', retired: '停用' };

export const CHECKLIST_KINDS = ['inspection', 'self_inspection', 'evaluation'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const CHECKLIST_KIND_LABELS: Record<ChecklistKind, string> = { inspection: '检查表', self_inspection: '自查表', evaluation: '考评表' };

export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { draft: '草稿', published: '已发布' };

export const PLAN_STATUSES = ['draft', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: '草稿', published: '已公开' };

/** pool_frozen 名单已冻结 → drawn 已抽取 → published 已公布. */
export const DRAW_STATUSES = ['pool_frozen', 'drawn', 'published'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];
export const DRAW_STATUS_LABELS: Record<DrawStatus, string> = { pool_frozen: '名单已冻结', drawn: '已抽取', published: '已公布' };

/** Where a draw's entropy comes from: 32 random bytes of the server, or a public value named in advance. */
export const ENTROPY_SOURCES = ['server', 'public'] as const;
export type EntropySource = (typeof ENTROPY_SOURCES)[number];

/** The result of one checklist entry (自查、现场检查、考评). */
export const ITEM_RESULTS = ['compliant', 'non_compliant', 'not_applicable'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const ITEM_RESULT_LABELS: Record<ItemResult, string> = { compliant: '符合', non_compliant: '不符合', not_applicable: '不适用' };

/** The grade of a scored evaluation (RULES.md §3). */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export type GradeLabel = '优秀' | '良好' | '合格' | '不合格';
export const GRADE_LABELS: Record<Grade, GradeLabel> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** Percentage text with two decimals: 0.8108… → "81.08%". */
export const percent = (share: number) => `${(Math.round(share * 10000) / 100).toFixed(2)}%`;

/** What a reader may do with a checklist version now (`allowedActions`: the page offers only these). */
export const VERSION_ACTIONS = ['edit', 'publish'] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];
/** What a reader may do with a checklist now: a new draft from the published version. */
export const CHECKLIST_ACTIONS = ['newDraft'] as const;
export type ChecklistAction = (typeof CHECKLIST_ACTIONS)[number];
/** What a reader may do with a plan now. */
export const PLAN_ACTIONS = ['edit', 'publish', 'draw'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
/** What a reader may do with a draw now. */
export const DRAW_ACTIONS = ['execute', 'publish', 'generateInspections', 'redraw'] as const;
export type DrawAction = (typeof DRAW_ACTIONS)[number];

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const INSPECTIONS_ACTIONS = ['inspection.read', 'inspection.manage', 'ownUnit.inspect', 'inspection.oversee'] as const;
export type InspectionsAction = (typeof INSPECTIONS_ACTIONS)[number];
