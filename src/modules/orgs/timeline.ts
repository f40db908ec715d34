/** How the orgs module's records read in a timeline (全过程记录): kinds, actions, fields, values, references. */
import { inArray } from 'drizzle-orm';
import type { TimelineWords } from '../../kernel/audit/present.js';
import { departments, inspectors, units } from './schema.js';
import { INSPECTOR_STATUS_LABELS, RISK_TIER_LABELS, UNIT_STATUS_LABELS, UNIT_TYPE_LABELS, USER_STATUS_LABELS } from './labels.js';

export const orgsTimelineWords: TimelineWords = {
  entities: { unit: '检查对象', user: '用户', inspector: '执法人员', org: '机构', department: '科室', inspectorConflict: '回避关系', unitImport: '导入批次' },
  actions: {
    'org.create': '建立了本机构',
    'org.create_child': '新建了下级机构',
    'org.update': '修改了机构信息',
    'department.create': '新建了科室',
    'department.update': '修改了科室',
    'user.create': '开通了用户账号',
    'user.update': '修改了用户账号',
    'user.password_change': '修改了本人密码',
    'user.reset_password': '重置了密码',
    'user.disable': '停用了账号',
    'user.enable': '启用了账号',
    'unit.create': '登记了检查对象',
    'unit.update': '修改了检查对象信息',
    'inspector.create': '登记了执法人员',
    'inspector.update': '修改了执法人员信息',
    'inspectorConflict.create': '登记了回避关系',
    'inspectorConflict.delete': '解除了回避关系',
    'unitImport.create': '上传了导入文件并完成检查',
    'unitImport.confirm': '确认了导入',
  },
  fields: {
    name: '名称',
    'inspector.name': '姓名',
    creditCode: '统一社会信用代码',
    type: '类型',
    industry: '行业',
    address: '地址',
    contactName: '联系人',
    contactPhone: '联系电话',
    telephone: '联系电话',
    officeTelephone: '办公电话',
    riskTier: '风险等级',
    username: '用户名',
    displayName: '姓名',
    departmentId: '科室',
    unitId: '检查对象',
    'user.unitId': '所属单位',
    regionCode: '行政区划代码',
    parentId: '上级机构',
    childId: '下级机构',
    certificateNo: '执法证号',
    certIssuedOn: '发证日期',
    certExpiresOn: '有效期至',
    userId: '关联账号',
    inspectorId: '执法人员',
    mustChangePassword: '首次登录须修改密码',
    certificateWarnDays: '执法证到期提前提醒（天）',
    fileName: '文件名',
    totalRows: '数据行',
    validRows: '有效行',
    errorCount: '有误条目',
    created: '导入条数',
  },
  values: {
    'importBatch.kind': { unit: '检查对象名录' },
    type: UNIT_TYPE_LABELS,
    riskTier: RISK_TIER_LABELS,
    'unit.status': UNIT_STATUS_LABELS,
    'user.status': USER_STATUS_LABELS,
    'inspector.status': INSPECTOR_STATUS_LABELS,
  },
  refs: { unitId: 'unit', inspectorId: 'inspector', departmentId: 'department' },
  resolvers: {
    unit: async (db, orgId, ids) => named(await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))),
    inspector: async (db, orgId, ids) =>
      named(await db.select({ id: inspectors.id, name: inspectors.name }).from(inspectors).where(inArray(inspectors.id, ids))),
    department: async (db, orgId, ids) =>
      named(await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids))),
  },
};

function named(rows: { id: string; name: string }[]): Map<string, string> {
  return new Map(rows.map((r) => [r.id, r.name]));
}
