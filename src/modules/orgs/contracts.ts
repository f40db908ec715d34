/**
 * Contracts shared by the areas of the orgs & people module (orgs/, users/, units/, inspectors/): the
 * labels, the id parameter, the common list query and the field rules used by several areas. Each
 * area's own requests and responses are in its `contracts.ts`. Zod and labels only, so other modules'
 * contracts and the web import it.
 */
import { z } from 'zod';

export { ORG_LEVELS, ORG_LEVEL_LABELS, type OrgLevel } from '../../kernel/tenancy/labels.js';
export {
  CERT_STATES,
  CERT_STATE_LABELS,
  INSPECTOR_STATUSES,
  INSPECTOR_STATUS_LABELS,
  RISK_TIERS,
  RISK_TIER_LABELS,
  UNIT_STATUSES,
  UNIT_STATUS_LABELS,
  UNIT_TYPES,
  UNIT_TYPE_LABELS,
  USER_STATUSES,
  USER_STATUS_LABELS,
  type CertState,
  type InspectorStatus,
  type RiskTier,
  type UnitStatus,
  type UnitType,
  type UserStatus,
} from './labels.js';

export const IdParams = z.object({ id: z.uuid('ID 格式不正确') });

/** A required text of at most `max` characters, with Chinese messages naming `label`. */
export const requiredText = (label: string, max = 100) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const RegionCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '行政区划代码应为 6 位数字');
export const Username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, '用户名为 3–32 位字母、数字或 . _ -，以字母开头');
export const Password = z.string().min(1, '请填写密码').max(128);

/** Common list query: server-side pagination, sorting, filtering and search. */
export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  orgId: z.uuid().optional(),
});
