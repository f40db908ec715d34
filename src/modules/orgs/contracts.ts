/** Request/response shapes of the orgs & people module (the web imports these too). */
import { z } from 'zod';
import { ROLES } from '../../kernel/auth/roles.js';

export const ORG_LEVELS = ['province', 'city', 'county'] as const;
export const ORG_LEVEL_LABELS = { province: '省级', city: '市级', county: '县级' } as const;

export const UNIT_TYPES = ['agency', 'institution', 'soe', 'private', 'archive_service', 'community', 'township'] as const;
export const UNIT_TYPE_LABELS: Record<(typeof UNIT_TYPES)[number], string> = {
  agency: '机关',
  institution: '事业单位',
  soe: '国有企业',
  private: '民营企业',
  archive_service: '档案服务企业',
  community: '社区',
  township: '乡镇村',
};
export const RISK_TIERS = ['low', 'medium', 'high'] as const;
export const RISK_TIER_LABELS = { low: '低风险', medium: '一般风险', high: '高风险' } as const;

const name = (label: string, max = 100) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const RegionCode = z.string().trim().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
export const Username = z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, '用户名为 3–32 位字母、数字或 . _ -，以字母开头');
export const Password = z.string().min(1, '请填写密码').max(128);

export const OrgInput = z.object({
  name: name('机构名称'),
  level: z.enum(ORG_LEVELS, { error: '层级应为 province（省）、city（市）或 county（县）' }),
  regionCode: RegionCode,
});
export const SetupInput = z.object({
  org: OrgInput,
  admin: z.object({ username: Username, password: Password, displayName: name('姓名', 40) }),
  demo: z.boolean().default(false),
  /** With `demo`: also about eight months of past inspection work (demo-history.ts in inspections). */
  demoHistory: z.boolean().default(false),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const ChildOrgInput = OrgInput.extend({ parentId: z.uuid('上级机构 ID 格式不正确') });
export const OrgPatch = OrgInput.partial();

export const DepartmentInput = z.object({ name: name('科室名称', 40) });

export const Roles = z.array(z.enum(ROLES, { error: '未知角色' })).min(1, '至少选择一个角色');
export const UserInput = z.object({
  username: Username,
  displayName: name('姓名', 40),
  password: Password,
  roles: Roles,
  departmentId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
});
export const UserPatch = z.object({
  displayName: name('姓名', 40).optional(),
  roles: Roles.optional(),
  departmentId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
});

/** Common list query: server-side pagination, sorting, filtering and search. */
export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  orgId: z.uuid().optional(),
});

export const UserListQuery = ListQuery.extend({
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

const UnitFields = z.object({
  name: name('单位名称'),
  creditCode: z.string().trim().toUpperCase(),
  type: z.enum(UNIT_TYPES, { error: '单位类型不正确' }),
  industry: z.string().trim().max(60).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  contactName: z.string().trim().max(40).nullable().optional(),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确').nullable().optional().or(z.literal('').transform(() => null)),
  riskTier: z.enum(RISK_TIERS, { error: '风险等级应为 low、medium 或 high' }),
});
export const UnitInput = UnitFields.extend({ riskTier: UnitFields.shape.riskTier.default('medium') });
/** PATCH body: no defaults, so an absent field stays as it is. */
export const UnitPatch = UnitFields.partial().extend({ status: z.enum(['active', 'closed'], { error: '状态应为 active 或 closed' }).optional() });
export const UnitListQuery = ListQuery.extend({
  type: z.enum(UNIT_TYPES).optional(),
  riskTier: z.enum(RISK_TIERS).optional(),
  status: z.enum(['active', 'closed']).optional(),
});

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const InspectorInput = z.object({
  name: name('姓名', 40),
  certificateNo: z.string().trim().min(4, '请填写执法证号').max(40),
  certIssuedOn: isoDate,
  certExpiresOn: isoDate,
  userId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
});
export const InspectorPatch = InspectorInput.partial().extend({ status: z.enum(['active', 'inactive']).optional() });
export const InspectorListQuery = ListQuery.extend({
  certState: z.enum(['valid', 'expiring', 'expired']).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});
export const ConflictInput = z.object({ unitId: z.uuid('请选择单位'), reason: name('回避事由', 200) });

// ---------------------------------------------------------------------------------------------
// Regulated units (检查对象名录库) and inspectors (执法人员名录库): additions for their API.
// ---------------------------------------------------------------------------------------------

export const UNIT_STATUS_LABELS = { active: '正常', closed: '已注销' } as const;
export const UNIT_SORTS = ['name', 'creditCode', 'type', 'riskTier', 'createdAt', 'updatedAt'] as const;

/** Columns of the unit spreadsheet (import template, import, export), in order. */
export const UNIT_SHEET_HEADERS = ['单位名称', '统一社会信用代码', '单位类型', '所属行业', '地址', '联系人', '联系电话', '风险等级'] as const;
export const UNIT_SHEET_REQUIRED = ['单位名称', '统一社会信用代码', '单位类型'] as const;

export const INSPECTOR_STATUS_LABELS = { active: '在岗', inactive: '停用' } as const;
export const INSPECTOR_SORTS = ['name', 'certificateNo', 'certIssuedOn', 'certExpiresOn', 'createdAt', 'updatedAt'] as const;
export const CERT_STATES = ['valid', 'expiring', 'expired'] as const;
export const CERT_STATE_LABELS = { valid: '有效', expiring: '即将到期', expired: '已过期' } as const;

export const ImportBatchParams = z.object({ batchId: z.uuid('批次 ID 格式不正确') });
export const ConflictParams = z.object({ id: z.uuid('ID 格式不正确'), conflictId: z.uuid('ID 格式不正确') });

/** Response shapes (types only; the web builds its pages on these). */
export interface UnitView {
  id: string;
  orgId: string;
  name: string;
  creditCode: string;
  type: (typeof UNIT_TYPES)[number];
  typeLabel: string;
  industry: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  riskTier: (typeof RISK_TIERS)[number];
  riskTierLabel: string;
  status: 'active' | 'closed';
  statusLabel: string;
  createdAt: string;
  updatedAt: string;
}
export interface UnitImportError {
  /** Row number in the spreadsheet (the header is row 1). */
  row: number;
  /** The Chinese column header, or '' for a problem with the whole row. */
  column: string;
  value: string | null;
  reason: string;
}
export interface UnitImportPreview {
  batchId: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  errors: UnitImportError[];
}
export interface InspectorView {
  id: string;
  orgId: string;
  userId: string | null;
  username: string | null;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  certificateNo: string;
  certIssuedOn: string;
  certExpiresOn: string;
  certState: (typeof CERT_STATES)[number];
  certStateLabel: string;
  status: 'active' | 'inactive';
  statusLabel: string;
  conflictCount: number;
  createdAt: string;
  updatedAt: string;
}
export interface InspectorConflictView {
  id: string;
  inspectorId: string;
  unitId: string;
  unitName: string;
  unitCreditCode: string;
  reason: string;
  createdAt: string;
}
