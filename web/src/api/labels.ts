/**
 * Chinese labels of the codes the API uses in a timeline (全过程记录): how the web names records, actions
 * and fields. The server's own labels (roles, org levels, unit types, risk tiers, statuses, clock
 * states …) are imported from its contracts/labels — pages import them from there too; nothing here
 * repeats one.
 */
import { ROLE_LABELS, ORG_LEVEL_LABELS, type OrgLevel, type Role } from '@server/kernel/contracts';
import { DUE_STATE_LABELS, type DueState } from '@server/kernel/calendar/contracts';
import {
  INSPECTOR_STATUS_LABELS,
  RISK_TIER_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
  USER_STATUS_LABELS,
  type RiskTier,
  type UnitType,
} from '@server/modules/orgs/contracts';
import {
  ACCESS_MODE_LABELS,
  APPLICANT_TYPE_LABELS,
  APPLICATION_STATUS_LABELS,
  CHANNEL_LABELS,
  LETTER_LABELS,
  OUTCOME_LABELS,
  type ApplicantType,
  type Channel,
  type LetterKind,
} from '@server/modules/disclosure/labels';
import { DISPUTE_KIND_LABELS, DISPUTE_OUTCOME_LABELS, type DisputeKind, type DisputeOutcome } from '@server/modules/disputes/labels';
import { INSPECTION_STATUS_LABELS, type InspectionStatus } from '@server/modules/inspections/loop/labels';

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
  disclosureRegisterEntry: '主动公开目录条目',
  disclosureAnnualReport: '政府信息公开年度报告',
};

/** Actions of the whole-process record that read better spelled out. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'org.create_child': '新建下级机构',
  'user.password_change': '修改本人密码',
  'user.reset_password': '重置密码',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'inspectorConflict.create': '登记回避关系',
  'inspectorConflict.delete': '解除回避关系',
  'unitImport.create': '上传导入文件并检查',
  'unitImport.confirm': '确认导入',
  'calendar.year_set': '录入年度节假日安排',
  'calendar.due_recomputed': '录入节假日安排后重新计算期限',
  'settings.update': '修改系统设置',
  'inspectionDraw.create': '冻结候选名单',
  'inspectionDraw.redraw': '重新抽取（冻结名单）',
  'inspectionDraw.execute': '执行抽取',
  'inspectionDraw.publish': '公布抽取结果',
  'inspection.create': '新建检查任务',
  'inspection.notify': '送达检查通知书',
  'inspection.notice.amend': '变更检查通知（另行送达检查通知书）',
  'inspection.self_inspection.save': '保存自查表',
  'inspection.self_inspection.submit': '提交自查表',
  'inspection.record.save': '保存现场检查记录',
  'inspection.photo.add': '上传现场照片',
  'inspection.sign': '现场检查记录签字',
  'inspection.feedback': '出具反馈意见书',
  'inspection.rectification.evidence': '上传整改佐证材料',
  'inspection.rectification.report': '报送整改情况',
  'inspection.rectification.review': '审核整改情况',
  'inspection.publish': '公开检查结果',
  'inspection.publication.correct': '更正公开的检查结果',
  'inspection.exemplary.mark': '标记典型',
  'inspection.exemplary.unmark': '取消典型',
  'inspection.interview': '约谈',
  'inspection.follow_up': '组织回头看',
  'inspection.refer': '移送立案',
  'inspection.close': '办结',
  'inspection.doc_settings.update': '修改检查文书机关代字',
  'enforcement.referral.create': '收到移送的案件线索',
  'enforcement.referral.decline': '不予立案',
  'inspectionPlan.publish': '公开检查计划',
  'checklistVersion.publish': '发布检查表版本',
  'checklistVersion.items': '修改检查项',
  'checklistVersion.addItem': '添加检查项',
  'disclosure.application.create': '登记政府信息公开申请',
  'disclosure.application.import': '导入政府信息公开申请',
  'disclosure.application.correction': '发出补正通知',
  'disclosure.application.corrected': '收到补正申请',
  'disclosure.application.consultation_start': '征求意见',
  'disclosure.application.consultation_end': '收到征求意见答复',
  'disclosure.application.extension': '延长答复期限',
  'disclosure.application.decide': '答复',
  'disclosure.application.consultation_lapsed': '征求意见逾期未答复，答复期限恢复计算',
  'disclosure.application.fee': '计算信息处理费',
  'disclosure.application.fee_served': '登记收费通知送达日期',
  'disclosure.application.fee_paid': '登记缴费',
  'disclosure.remedy_settings.update': '修改答复书的行政复议机关和人民法院',
  'letter.issue': '出具文书',
  'disclosure.report.narrative': '编辑年度报告文字部分',
};

/** Verbs (action = `<entity>.<verb>`), combined with the entity's label. */
const VERB_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  import: '导入',
  disable: '停用',
  enable: '启用',
  close: '注销',
};

export function actionLabel(action: string, after?: unknown): string {
  const dot = action.indexOf('.');
  const entity = dot >= 0 ? action.slice(0, dot) : '';
  const verb = dot >= 0 ? action.slice(dot + 1) : action;
  // A unit created by a spreadsheet import carries its batch id.
  if (verb === 'create' && after && typeof after === 'object' && 'importBatchId' in after) return `导入${ENTITY_TYPE_LABELS[entity] ?? ''}`;
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  const v = VERB_LABELS[verb] ?? verb;
  const e = ENTITY_TYPE_LABELS[entity];
  return e ? `${v}${e}` : v;
}

/** Labels of record fields, for the before/after diff in a timeline. */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  creditCode: '统一社会信用代码',
  type: '类型',
  industry: '行业',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  riskTier: '风险等级',
  status: '状态',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  departmentId: '科室',
  unitId: '所属单位',
  level: '层级',
  regionCode: '行政区划代码',
  parentId: '上级机构',
  certificateNo: '执法证号',
  certIssuedOn: '发证日期',
  certExpiresOn: '有效期至',
  userId: '关联账号',
  reason: '事由',
  failures: '连续失败次数',
  lockedUntil: '锁定至',
  ip: 'IP 地址',
  mustChangePassword: '须修改密码',
  sessionIdleMinutes: '会话空闲超时（分钟）',
  loginMaxFailures: '连续登录失败锁定次数',
  loginLockMinutes: '账号锁定时长（分钟）',
  certificateWarnDays: '执法证到期提前提醒（天）',
  note: '说明',
  fileName: '文件名',
  batchId: '导入批次',
  kind: '类别',
  totalRows: '数据行',
  validRows: '有效行',
  errorCount: '有误条目',
  created: '导入条数',
  childId: '下级机构',
  enteredBy: '录入人',
  trackingCode: '查询码',
  channel: '申请渠道',
  source: '来源',
  receivedOn: '收到申请日期',
  applicantType: '申请人类型',
  applicantName: '申请人',
  idType: '证件类型',
  idNumber: '证件号码',
  contact: '联系方式',
  content: '申请内容',
  formRequested: '获取方式',
  correctionSentOn: '补正通知发出日期',
  correctionDeadline: '补正期限',
  correctionItems: '补正事项',
  correctionLate: '补正通知逾期',
  correctedOn: '收到补正申请日期',
  consultations: '征求意见',
  extensionDays: '延长工作日',
  extensionReason: '延期理由',
  extensionApprovedBy: '延期批准人',
  extensionApprovedOn: '延期批准日期',
  extensionNoticeOn: '延期告知日期',
  decidedOn: '答复日期',
  outcome: '办理结果',
  holderAgency: '负责公开的行政机关',
  holderContact: '负责公开的行政机关联系方式',
  accessMode: '提供方式',
  accessNote: '获取方式说明',
  feeNoticeOn: '收费通知日期',
  feeServedOn: '收费通知送达日期',
  feePaidOn: '缴费日期',
  reviewOrgan: '行政复议机关',
  court: '人民法院',
  filedOn: '立案日期',
  closedOn: '审结日期',
  caseNo: '案号',
  subject: '案由',
  applicationId: '关联申请',
  title: '标题',
  docNumber: '文号',
  issuedOn: '出具日期',
  publishedOn: '公开日期',
  publicResult: '公开内容',
  exemplary: '典型',
  exemplaryNote: '典型理由',
  exemplaryOn: '标记典型日期',
  feedbackOn: '反馈意见书出具日期',
  clockState: '期限状态',
  referralCode: '线索编号',
  referredOn: '移送日期',
  facts: '违法事实',
  suspectedBasis: '涉嫌违反的规定',
  heldOn: '约谈日期',
  place: '约谈地点',
  commitments: '整改承诺',
  commitmentDue: '承诺完成日期',
  followUpCode: '回头看检查编号',
  plannedDate: '计划检查日期',
  noticeOn: '检查通知书送达日期',
  supersedes: '取代',
  workingDaysAhead: '距检查日工作日数',
  requiredWorkingDays: '应提前送达工作日数',
  defaultText: '采用默认文本',
  clock: '期限',
  due: '届满日',
  provisional: '预计日期（按法定节假日推算）',
  days: '节假日安排',
  recomputed: '重新计算的期限',
  moved: '届满日变化的期限',
  warnings: '确认的提示',
};

/** Fields never worth showing in a diff. */
export const HIDDEN_FIELDS = new Set([
  'id',
  'orgId',
  'createdAt',
  'updatedAt',
  'passwordHash',
  'failedAttempts',
  'path',
  'importBatchId',
  'statusLabel',
  'typeLabel',
  'riskTierLabel',
  'createdBy',
  'contentKey',
  'consultationId',
]);

/** Values shown in Chinese where the code is known. */
export function valueLabel(field: string, v: unknown, entityType?: string): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'status' && entityType === 'inspection' && typeof v === 'string') return INSPECTION_STATUS_LABELS[v as InspectionStatus] ?? v;
  if (field === 'type' && typeof v === 'string') return UNIT_TYPE_LABELS[v as UnitType] ?? v;
  if (field === 'riskTier' && typeof v === 'string') return RISK_TIER_LABELS[v as RiskTier] ?? v;
  if (field === 'level' && typeof v === 'string') return ORG_LEVEL_LABELS[v as OrgLevel] ?? v;
  if (field === 'roles' && Array.isArray(v)) return v.map((r) => ROLE_LABELS[r as Role] ?? String(r)).join('、');
  if (field === 'clockState' && typeof v === 'string') return DUE_STATE_LABELS[v as DueState] ?? v;
  if (field === 'status' && typeof v === 'string') return STATUS_WORDS[v] ?? v;
  if (field === 'channel' && typeof v === 'string') return CHANNEL_LABELS[v as Channel] ?? v;
  if (field === 'applicantType' && typeof v === 'string') return APPLICANT_TYPE_LABELS[v as ApplicantType] ?? v;
  if (field === 'outcome' && typeof v === 'string') return (OUTCOME_LABELS as Record<string, string>)[v] ?? DISPUTE_OUTCOME_LABELS[v as DisputeOutcome] ?? v;
  if (field === 'accessMode' && typeof v === 'string') return (ACCESS_MODE_LABELS as Record<string, string>)[v] ?? v;
  if (field === 'kind' && typeof v === 'string' && v in DISPUTE_KIND_LABELS) return DISPUTE_KIND_LABELS[v as DisputeKind];
  if (field === 'kind' && typeof v === 'string' && v in LETTER_LABELS) return LETTER_LABELS[v as LetterKind];
  if (field === 'source' && typeof v === 'string')
    return (
      (
        {
          desk: '窗口登记',
          portal: '门户在线申请',
          import: '批量导入',
          admin: '管理员录入',
          provisional: '暂定（按法定节假日推算）',
          'chinese-days': '内置数据',
        } as Record<string, string>
      )[v] ?? v
    );
  if (field === 'days' && Array.isArray(v) && entityType === 'calendarYear') {
    const kinds = v.map((d) => (d && typeof d === 'object' ? (d as { kind?: string }).kind : undefined));
    return `放假 ${kinds.filter((k) => k === 'holiday').length} 天，调休上班 ${kinds.filter((k) => k === 'workday').length} 天`;
  }
  if ((field === 'recomputed' || field === 'moved') && typeof v === 'number') return `${v} 个`;
  if (field === 'warnings' && Array.isArray(v)) return v.length ? v.join('；') : '（无）';
  if (Array.isArray(v) && v.length === 0) return '（无）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const STATUS_WORDS: Record<string, string> = {
  ...INSPECTOR_STATUS_LABELS,
  ...UNIT_STATUS_LABELS,
  ...USER_STATUS_LABELS,
  pending: '待确认',
  confirmed: '已确认',
  ...APPLICATION_STATUS_LABELS,
};
