/** The roles of SPEC.md and their Chinese names, with no imports (contracts and the web use them). */
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

/** The kernel's own actions (each module lists its own in its labels; the web's `Action` is their union). */
export const KERNEL_ACTIONS = ['calendar.read', 'calendar.manage', 'audit.read', 'settings.manage'] as const;
export type KernelAction = (typeof KERNEL_ACTIONS)[number];
