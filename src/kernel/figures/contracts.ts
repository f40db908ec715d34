/**
 * Shapes of the figure registry (GET /api/figures, GET /api/figures/:key/records). Imports zod only,
 * so the web takes its types from this very file.
 */
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** `true`/`1` → true; `false`/`0`/absent → false. */
const Flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1');

export const FiguresQuery = z
  .object({
    /** First day of the period (default 1 January of `to`'s year). */
    from: Day.optional(),
    /** Last day of the period (default today). */
    to: Day.optional(),
    /** The actor's org (default) or a readable descendant. */
    org: z.uuid('机构 ID 格式不正确').optional(),
    /** The org and every org below it (summed in SQL by each figure). */
    includeChildren: Flag,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '起始日期不能晚于截止日期', path: ['from'] });

/** `<module>.<name>`, the name itself possibly dotted (`licensing.applications.received`). */
export const FigureKeyParams = z.object({ key: z.string().regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/, '统计项名称不正确') });

export const FigureRecordsQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    org: z.uuid('机构 ID 格式不正确').optional(),
    includeChildren: Flag,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '起始日期不能晚于截止日期', path: ['from'] });

/** One record a figure counts: what it is, whose it is, the day that placed it in the period, and where it links. */
export const FigureRecord = z.object({
  /** Unique within the figure. */
  key: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** How people name the record, e.g. J-2026-001 某某市档案馆. */
  title: z.string(),
  /** The day that placed it in the period, and what that day is (检查日, 收到申请日 …). */
  date: z.string().nullable(),
  dateLabel: z.string(),
  /** The record it links to (for its page and timeline). */
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  note: z.string().nullable(),
});
export type FigureRecord = z.infer<typeof FigureRecord>;

export const FigureValue = z.object({ value: z.number(), label: z.string(), unit: z.string(), module: z.string() });
export type FigureValue = z.infer<typeof FigureValue>;

export const FigureScopeView = z.object({
  from: z.string(),
  to: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  includeChildren: z.boolean(),
});

export const FiguresResponse = FigureScopeView.extend({ figures: z.record(z.string(), FigureValue) });
export type FiguresResponse = z.infer<typeof FiguresResponse>;

export const FigureRecordsResponse = FigureScopeView.extend({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number(),
  items: z.array(FigureRecord),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type FigureRecordsResponse = z.infer<typeof FigureRecordsResponse>;
