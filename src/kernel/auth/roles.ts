/**
 * Roles of SPEC.md and what each may do. Policy is data: one table, one `can`.
 */
export const ROLES = ['admin', 'leader', 'legal', 'inspector', 'staff', 'unit', 'superior'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  leader: '局领导',
  legal: '法制科',
  inspector: '执法人员',
  staff: '业务科室',
  unit: '立档单位',
  superior: '上级机关',
};

/** Actions. `*.read` may reach descendant orgs; every other action only the actor's own org. */
export const ACTIONS = [
  'dashboard.read',
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'unit.read',
  'unit.write',
  'inspector.read',
  'inspector.write',
  'calendar.read',
  'calendar.manage',
  'audit.read',
  'settings.manage',
  'ownUnit.read',
  'ownUnit.inspect',
  'inspection.read',
  'inspection.manage',
  'disclosure.read',
  'disclosure.handle',
  'disclosure.approve',
  'dispute.read',
  'dispute.manage',
  'enforcement.read',
  'enforcement.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF_READS: Action[] = ['dashboard.read', 'org.read', 'unit.read', 'inspector.read', 'calendar.read', 'inspection.read'];
/** 政府信息公开 desk: read and handle applications. */
const DISCLOSURE_DESK: Action[] = ['disclosure.read', 'disclosure.handle'];
/** 复议、诉讼 register. */
const DISPUTE_DESK: Action[] = ['dispute.read', 'dispute.manage'];
/** 行政处罚: the intake of 案件线索 (referrals) and, later, cases. */
const ENFORCEMENT: Action[] = ['enforcement.read', 'enforcement.manage'];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [...STAFF_READS, 'org.manage', 'user.read', 'user.manage', 'unit.write', 'inspector.write', 'calendar.manage', 'audit.read', 'settings.manage', 'inspection.manage', ...DISCLOSURE_DESK, ...DISPUTE_DESK, ...ENFORCEMENT],
  // 延期 is approved by the head of the disclosure office (条例第三十三条), a leader.
  leader: [...STAFF_READS, 'user.read', 'audit.read', 'disclosure.read', 'disclosure.approve', 'dispute.read', 'enforcement.read'],
  legal: [...STAFF_READS, 'audit.read', ...DISCLOSURE_DESK, ...DISPUTE_DESK, ...ENFORCEMENT],
  inspector: [...STAFF_READS, 'unit.write', 'inspection.manage', ...ENFORCEMENT],
  staff: [...STAFF_READS, ...DISCLOSURE_DESK, 'dispute.read', 'enforcement.read'],
  unit: ['dashboard.read', 'calendar.read', 'ownUnit.read', 'ownUnit.inspect'],
  superior: [...STAFF_READS, 'user.read', 'audit.read', 'disclosure.read', 'dispute.read', 'enforcement.read'],
};

export function isReadAction(a: Action): boolean {
  return a.endsWith('.read');
}
