/** Query shapes of 检查统计 (/api/inspections/figures) and 监测预警 (/api/inspections/monitors). */
import { z } from 'zod';
import { isValidDate } from '../../kernel/calendar/index.js';
import { UNIT_TYPES } from '../orgs/contracts.js';
import { FIGURE_NAMES } from './figures.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isValidDate, '日期不存在');
/** `true`/`1` → true; `false`/`0`/absent → false. */
const Flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1');

const FiguresBase = z.object({
    /** First day of the period (default 1 January of this year). */
    from: Day.optional(),
    /** Last day of the period (default today). */
    to: Day.optional(),
    unitType: z.enum(UNIT_TYPES, { error: '单位类型不正确' }).optional(),
    /** The actor's org (default) or a readable descendant. */
    orgId: z.uuid('机构 ID 格式不正确').optional(),
    /** 含下级: the org and every org below it, with a by-org breakdown. */
    includeDescendants: Flag,
});
const ordered = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const ORDER = { message: '起始日期不能晚于截止日期', path: ['from'] };
export const FiguresQuery = FiguresBase.refine(ordered, ORDER);

export const FigureParams = z.object({ name: z.enum(FIGURE_NAMES as [string, ...string[]], { error: '没有这项统计' }) });

export const FigureRecordsQuery = FiguresBase.extend({
  /** A distribution's bucket (e.g. non_compliant, excellent); absent: every record. */
  key: z.string().trim().max(40).optional(),
  /** Only the records of this org (a by-org cell); must be in the scope. */
  recordOrgId: z.uuid('机构 ID 格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
}).refine(ordered, ORDER);

export const MonitorsQuery = z
  .object({
    /** Period of the repeat and workload monitors (default the calendar year of today). */
    from: Day.optional(),
    to: Day.optional(),
    orgId: z.uuid('机构 ID 格式不正确').optional(),
    includeDescendants: Flag,
  })
  .refine(ordered, ORDER);
