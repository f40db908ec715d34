/**
 * Names of record kinds the audit page offers (its entity filter and the first broken event). A
 * timeline's words — actions, fields, values — are the server's: each event comes presented
 * (`summary`, `changes`: src/kernel/audit/present.ts with each module's `timelineWords`).
 */
import { UNIT_TYPE_LABELS } from '@server/modules/orgs/contracts';

/** Still imported from here by pages that have not moved to `@server/modules/orgs/contracts` yet. */
export { UNIT_TYPE_LABELS };

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  unit: '检查对象',
  user: '用户',
  inspector: '执法人员',
  org: '机构',
  department: '科室',
  settings: '系统设置',
  inspectorConflict: '回避关系',
  calendar: '工作日历',
  calendarYear: '工作日历',
  importBatch: '导入批次',
  unitImport: '导入批次',
  inspectionItem: '检查事项',
  checklist: '检查表',
  checklistVersion: '检查表版本',
  inspectionPlan: '检查计划',
  inspectionDraw: '抽取批次',
  inspection: '检查任务',
  evaluation: '考评',
  disclosureApplication: '政府信息公开申请',
  dispute: '复议诉讼案件',
  enforcementReferral: '案件线索',
  enforcementCase: '行政处罚案件',
  enforcementBenchmark: '裁量基准',
  disclosureRegisterEntry: '主动公开目录条目',
  disclosureAnnualReport: '政府信息公开年度报告',
  licensingItem: '许可事项',
  licensingApplication: '行政许可申请',
};
