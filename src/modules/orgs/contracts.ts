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

/**
 * A Chinese telephone number: a fixed line with its area code (3-digit codes 010 and 02X, 4-digit codes
 * 03XX–09XX; local number of 7 or 8 digits, not starting with 0 or 1; an extension after "-" or "转"), or
 * an 11-digit mobile number. Spaces and a missing "-" after the area code are accepted.
 */
export const TELEPHONE_RE = /^(?:0(?:[12]\d|[3-9]\d{2})[- ]?[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?|1[3-9]\d{9})$/;
export const TELEPHONE_HINT = '应为带区号的固定电话（如 0931-8812345）或 11 位手机号码';
/** The stored form: `0931-8812345`, `010-62345678-123`, `13912345678`. */
function canonicalTelephone(v: string): string {
  if (v.startsWith('1')) return v;
  const area = /^0[12]/.test(v) ? 3 : 4;
  const rest = v.slice(area).replace(/^[- ]/, '');
  return `${v.slice(0, area)}-${rest}`;
}
/** A telephone field that may be left empty (''): the empty text is ''; anything else must be a telephone, stored as {@link canonicalTelephone}. */
export const TelephoneText = z
  .string()
  .trim()
  .refine((v) => v === '' || TELEPHONE_RE.test(v), { message: TELEPHONE_HINT })
  .transform((v) => (v === '' ? '' : canonicalTelephone(v)));
/** A person's 联系电话: a telephone, or null / '' for none. */
export const Telephone = TelephoneText.transform((v) => (v === '' ? null : v)).nullable();

/** Common list query: server-side pagination, sorting, filtering and search. */
export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  orgId: z.uuid().optional(),
});
