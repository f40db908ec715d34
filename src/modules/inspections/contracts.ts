/** Request shapes and labels of the inspections module (the web imports these too). */
import { z } from 'zod';
import { isValidDate } from '../../kernel/calendar/index.js';
import { RISK_TIERS, UNIT_TYPES } from '../orgs/contracts.js';

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

export const CHECKLIST_KINDS = ['inspection', 'self_inspection', 'evaluation'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const CHECKLIST_KIND_LABELS: Record<ChecklistKind, string> = { inspection: '检查表', self_inspection: '自查表', evaluation: '考评表' };
export const VERSION_STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;
export const PLAN_STATUS_LABELS = { draft: '草稿', published: '已公开' } as const;
export const DRAW_STATUSES = ['pool_frozen', 'drawn', 'published'] as const;
export const DRAW_STATUS_LABELS = { pool_frozen: '名单已冻结', drawn: '已抽取', published: '已公布' } as const;
export const ENTROPY_SOURCES = ['server', 'public'] as const;
export const ITEM_RESULTS = ['compliant', 'non_compliant', 'not_applicable'] as const;

const text = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).nullable().optional();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isValidDate, '日期不存在');
export const IdParams = z.object({ id: z.uuid('ID 格式不正确') });

// ---- 检查事项 ----
export const ItemInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, '事项编号为 1–20 位字母、数字、点或连字符'),
  title: text('事项名称', 200),
  area: z.enum(AREAS, { error: '检查内容类别应为 a1–a6（档案法第四十二条第（一）至（六）项）' }),
  legalBasis: text('法律依据', 500),
  method: optionalText(200),
  evidenceHint: optionalText(500),
});
export const ItemPatch = z.object({
  code: ItemInput.shape.code.optional(),
  title: ItemInput.shape.title.optional(),
  area: ItemInput.shape.area.optional(),
  legalBasis: ItemInput.shape.legalBasis.optional(),
  method: optionalText(200),
  evidenceHint: optionalText(500),
  status: z.enum(['active', 'retired'], { error: '状态应为 active（启用）或 retired（停用）' }).optional(),
});
export const ItemListQuery = z.object({
  area: z.enum(AREAS).optional(),
  status: z.enum(['active', 'retired']).optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
});

// ---- 检查表与版本 ----
const share = (label: string) =>
  z.number({ error: `${label}应为数字` }).gt(0, `${label}应大于 0`).max(1, `${label}不能超过 1（按比例填写，如 0.8 表示 80%）`);
export const Thresholds = z
  .object({ excellent: share('优秀线'), good: share('良好线'), pass: share('合格线') })
  .refine((t) => t.pass <= t.good && t.good <= t.excellent, { message: '等级线应满足 合格 ≤ 良好 ≤ 优秀', path: ['pass'] });

export const ChecklistInput = z.object({
  name: text('检查表名称', 100),
  kind: z.enum(CHECKLIST_KINDS, { error: '类型应为 inspection（检查表）、self_inspection（自查表）或 evaluation（考评表）' }),
  description: optionalText(1000),
  thresholds: Thresholds.nullable().optional(),
});
export const ChecklistPatch = z.object({ name: text('检查表名称', 100).optional(), description: optionalText(1000) });
export const ChecklistListQuery = z.object({ kind: z.enum(CHECKLIST_KINDS).optional(), orgId: z.uuid().optional() });

const Points = z.number({ error: '分值应为数字' }).min(0, '分值不能为负').max(1000, '分值不能超过 1000');
export const VersionItemInput = z.object({
  itemId: z.uuid('检查事项 ID 格式不正确'),
  points: Points.nullable().optional(),
  veto: z.boolean().optional(),
});
export const VersionItemsInput = z.object({ items: z.array(VersionItemInput).max(500, '一个检查表最多 500 项') });
export const VersionPatch = z.object({ thresholds: Thresholds.nullable().optional(), note: optionalText(1000) });
export const VersionParams = z.object({ id: z.uuid('ID 格式不正确') });

// ---- 年度检查计划 ----
const Percent = z.number({ error: '覆盖率应为数字' }).gt(0, '覆盖率应大于 0').max(100, '覆盖率不能超过 100（%）');
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
export const PlanListQuery = z.object({ year: z.coerce.number().int().optional(), orgId: z.uuid().optional() });

// ---- 双随机抽取 ----
const PublicValueName = z.string().trim().min(1, '请填写公开随机值的名称').max(200, '公开随机值名称不能超过 200 个字');
export const DrawCreateInput = z.object({
  plannedDate: Day,
  /** Units to draw (unstratified); default from the plan's target coverage. */
  k: z.number({ error: '抽取数量应为数字' }).int('抽取数量应为整数').min(1, '抽取数量至少为 1').optional(),
  /** Units to draw per risk tier (stratified plans); default from the plan's target coverage. */
  strataK: z.partialRecord(z.enum(RISK_TIERS), z.number().int('抽取数量应为整数').min(1, '每层抽取数量至少为 1')).optional(),
  teamSize: z
    .number({ error: '检查组人数应为数字' })
    .int('检查组人数应为整数')
    .min(2, '检查组至少 2 名执法人员（行政处罚法第四十二条：执法人员不得少于两人）')
    .max(10, '检查组人数不超过 10 名')
    .default(2),
  /** Name a public value in advance (e.g. 某期福利彩票开奖号码); it is entered at execution. */
  entropySource: z.enum(ENTROPY_SOURCES, { error: '随机源应为 server（服务器随机数）或 public（公开随机值）' }).default('server'),
  publicValueName: PublicValueName.optional(),
  /** A redraw: the draw it replaces and why. */
  supersedes: z.uuid('被取代批次 ID 格式不正确').optional(),
  reason: z.string().trim().max(500, '重新抽取理由不能超过 500 个字').optional(),
});
export const DrawExecuteInput = z.object({
  entropySource: z.enum(ENTROPY_SOURCES, { error: '随机源应为 server（服务器随机数）或 public（公开随机值）' }),
  entropy: z.string().trim().min(1, '请填写公开随机值').max(200, '公开随机值不能超过 200 个字符').optional(),
  publicValueName: PublicValueName.optional(),
});
export const DrawListQuery = z.object({ planId: z.uuid().optional(), orgId: z.uuid().optional() });
export const PublicDrawParams = z.object({ id: z.string().trim().min(1).max(100) });

// ---- 考评 ----
export const EvaluationInput = z.object({
  checklistVersionId: z.uuid('检查表版本 ID 格式不正确'),
  unitId: z.uuid('单位 ID 格式不正确').nullable().optional(),
  title: text('考评名称', 200),
  evaluatedOn: Day,
  results: z
    .array(
      z.object({
        entryId: z.uuid('检查项 ID 格式不正确'),
        result: z.enum(ITEM_RESULTS, { error: '结果应为 compliant（符合）、non_compliant（不符合）或 not_applicable（不适用）' }),
        note: optionalText(1000),
      }),
    )
    .max(500),
});
export const EvaluationListQuery = z.object({ orgId: z.uuid().optional(), checklistVersionId: z.uuid().optional() });

// ---- 行政检查（检查通知书、自查） ----
export const INSPECTION_SOURCES = ['draw', 'ad_hoc', 'follow_up'] as const;
export const INSPECTION_SOURCE_LABELS = { draw: '双随机抽查', ad_hoc: '专项/临时检查', follow_up: '回头看' } as const;
export const SELF_RESULT_LABELS = { compliant: '符合', non_compliant: '不符合', not_applicable: '不适用' } as const;

export const AdHocInspectionInput = z.object({
  unitId: z.uuid('检查对象 ID 格式不正确'),
  inspectorIds: z.array(z.uuid('执法人员 ID 格式不正确')).min(2, '检查组至少 2 名执法人员（行政处罚法第四十二条：执法人员不得少于两人）').max(10, '检查组人数不超过 10 名'),
  checklistVersionId: z.uuid('检查表版本 ID 格式不正确'),
  plannedDate: Day,
  reason: text('检查事由', 500),
});
export const InspectionListQuery = z.object({
  status: z.enum(['planned', 'notified', 'self_inspected', 'on_site_signed', 'feedback_issued', 'rectifying', 'closed']).optional(),
  source: z.enum(INSPECTION_SOURCES).optional(),
  unitId: z.uuid().optional(),
  drawId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const NoticeInput = z.object({
  /** The day the notice is sent (default today). */
  noticeOn: Day.optional(),
});
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
  representative: z.object({ name: text('被检查单位代表姓名', 50), title: text('被检查单位代表职务', 50) }).nullable().optional(),
  findings: optionalText(5000),
});
const SignatureDataUrl = z.string().max(400_000, '签名图片过大').regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, '签名应为 PNG 图片的 data URL（data:image/png;base64,…）');
export const SignInput = z.object({
  inspectors: z.array(z.object({ inspectorId: z.uuid('执法人员 ID 格式不正确'), signature: SignatureDataUrl })).max(10),
  representative: z.object({ signature: SignatureDataUrl }).nullable().optional(),
});
export const PhotoQuery = z.object({ entryId: z.uuid('检查项 ID 格式不正确') });
export const FileParams = z.object({ id: z.uuid('ID 格式不正确'), fileId: z.uuid('ID 格式不正确') });

// ---- 反馈意见书 ----
export const FeedbackInput = z.object({
  /** Day the letter is issued (default today). */
  issuedOn: Day.optional(),
  /** Rectification items, one per non-compliant on-site item; default: every non-compliant item with its note. */
  items: z.array(z.object({ entryId: z.uuid('检查项 ID 格式不正确'), text: text('整改要求', 1000) })).max(500).optional(),
  conclusion: optionalText(2000),
});

// ---- 整改 ----
export const RectificationReportInput = z.object({
  items: z.array(z.object({ itemId: z.uuid('整改事项 ID 格式不正确'), text: text('整改情况', 2000) })).min(1, '请至少报送一项整改情况').max(500),
});
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
export const EvidenceQuery = z.object({ itemId: z.uuid('整改事项 ID 格式不正确') });

// ---- 一公开（检查结果公开）与典型 ----
export const PublishInput = z.object({
  /** The text shown on the portal; default: generated from the record (items checked, 符合/不符合, rectification). */
  publicResult: z.string().trim().min(1, '请填写公开的检查结果').max(5000, '公开的检查结果不能超过 5000 个字').optional(),
  /** Day of publication (default today): not after today, not before the feedback letter. */
  publishedOn: Day.optional(),
});
export const PublicationCorrectionInput = z.object({
  publicResult: z.string().trim().min(1, '请填写更正后的检查结果').max(5000, '公开的检查结果不能超过 5000 个字'),
  reason: text('更正理由', 500),
});
export const ExemplaryInput = z.object({
  exemplary: z.boolean({ error: 'exemplary 应为 true（标记典型）或 false（取消典型）' }),
  /** Why the unit is exemplary (required when marking); the reason when unmarking (optional). */
  note: z.string().trim().max(1000, '说明不能超过 1000 个字').nullable().optional(),
});
export const PublicInspectionQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不早于 2000').max(2100, '年度不晚于 2100').optional(),
  unitType: z.enum(UNIT_TYPES, { error: '单位类型不正确' }).optional(),
  orgId: z.uuid('机构 ID 格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PublicExemplaryQuery = PublicInspectionQuery.pick({ year: true, unitType: true, orgId: true });

// ---- 约谈、回头看、移送立案、办结 (after the rectification flags) ----
const uuidList = (what: string) => z.array(z.uuid(`${what} ID 格式不正确`));
export const InterviewInput = z.object({
  heldOn: Day,
  place: text('约谈地点', 200),
  interviewerIds: uuidList('约谈人').min(2, '约谈人至少 2 名执法人员').max(10, '约谈人不超过 10 名'),
  attendees: z
    .array(z.object({ name: text('被约谈人姓名', 50), title: text('被约谈人职务', 50) }))
    .min(1, '请至少填写 1 名被约谈人（单位负责人或档案工作负责人）')
    .max(20, '被约谈人不超过 20 名'),
  itemIds: uuidList('整改事项').min(1, '请选择约谈涉及的整改事项').max(500),
  content: text('约谈内容', 5000),
  commitments: optionalText(5000),
  commitmentDue: Day.nullable().optional(),
});
export const InterviewParams = z.object({ id: z.uuid('ID 格式不正确'), interviewId: z.uuid('ID 格式不正确') });
export const FollowUpInput = z.object({
  plannedDate: Day,
  inspectorIds: AdHocInspectionInput.shape.inspectorIds,
  itemIds: uuidList('整改事项').min(1, '请选择回头看要复查的整改事项').max(500),
  reason: optionalText(500),
});
export const ReferralInput = z.object({
  entryIds: uuidList('检查项').min(1, '请选择移送的不符合项').max(500),
  facts: text('违法事实', 5000),
  suspectedBasis: optionalText(500),
});
export const CloseInput = z.object({
  note: text('办结说明', 2000),
  /** Day of closure (default today). */
  closedOn: Day.optional(),
});
