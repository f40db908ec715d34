/**
 * Codes of the orgs & people module and their Chinese names, with no imports at all (the contracts,
 * other modules' contracts and the web use them).
 */

/** 检查对象 types (ARCHITECTURE.md glossary), in the catalogue's order. */
export const UNIT_TYPES = ['agency', 'institution', 'soe', 'private', 'archive_service', 'community', 'township'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  agency: '机关',
  institution: '事业单位',
  soe: '国有企业',
  private: '民营企业',
  archive_service: '档案服务企业',
  community: '社区',
  township: '乡镇村',
};

/** 风险等级, from the least to the most severe. */
export const RISK_TIERS = ['low', 'medium', 'high'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
export const RISK_TIER_LABELS: Record<RiskTier, string> = { low: '低风险', medium: '一般风险', high: '高风险' };

export const UNIT_STATUSES = ['active', 'closed'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = { active: '正常', closed: '已注销' };

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = { active: '正常', disabled: '已停用' };

export const INSPECTOR_STATUSES = ['active', 'inactive'] as const;
export type InspectorStatus = (typeof INSPECTOR_STATUSES)[number];
export const INSPECTOR_STATUS_LABELS: Record<InspectorStatus, string> = { active: '在岗', inactive: '停用' };

/** 执法证 validity: valid through its expiry date; expiring within the org's `certificateWarnDays`. */
export const CERT_STATES = ['valid', 'expiring', 'expired'] as const;
export type CertState = (typeof CERT_STATES)[number];
export const CERT_STATE_LABELS: Record<CertState, string> = { valid: '有效', expiring: '即将到期', expired: '已过期' };

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const ORGS_ACTIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'unit.read',
  'unit.write',
  'inspector.read',
  'inspector.write',
  'ownUnit.read',
] as const;
export type OrgsAction = (typeof ORGS_ACTIONS)[number];
