/**
 * Contracts of 检查统计 (/api/inspections/figures, …/figures/:name/records) and 监测预警
 * (/api/inspections/monitors): the queries, the figure names, and every answer — the records a figure
 * counts and the monitors' warnings are the shapes figures.ts returns. Imports zod and other
 * contracts/labels only, so the web takes its types from this very file.
 */
import { z } from 'zod';
import { UNIT_TYPES } from '../../orgs/contracts.js';
import { Day } from '../contracts.js';
import { RECTIFICATION_ITEM_STATUSES } from '../loop/labels.js';

/** Every figure of the 检查统计 page, in display order (figures.ts `FIGURES` defines each). */
export const FIGURE_NAMES = [
  'inspectionsDone',
  'unitsInspected',
  'feedbackLetters',
  'followUps',
  'interviews',
  'rectificationRaised',
  'rectificationClosed',
  'rectificationOverdue',
  'resultDistribution',
  'gradeDistribution',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
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
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const FigureParams = z.object({ name: z.enum(FIGURE_NAMES, { error: '没有这项统计' }) });

export const FigureRecordsQuery = FiguresBase.extend({
  /** A distribution's bucket (e.g. non_compliant, excellent); absent: every record. */
  key: z.string().trim().max(40).optional(),
  /** Only the records of this org (a by-org cell); must be in the scope. */
  recordOrgId: z.uuid('机构 ID 格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
}).refine(ordered, ORDER);
export type FigureRecordsQuery = z.infer<typeof FigureRecordsQuery>;

export const MonitorsQuery = z
  .object({
    /** Period of the repeat and workload monitors (default the calendar year of today). */
    from: Day.optional(),
    to: Day.optional(),
    orgId: z.uuid('机构 ID 格式不正确').optional(),
    includeDescendants: Flag,
  })
  .refine(ordered, ORDER);
export type MonitorsQuery = z.infer<typeof MonitorsQuery>;

// ---------------------------------------------------------------------------------------------
// Responses

/** One record behind a figure: what placed it there (`date`), and the inspection or evaluation it links to. */
export const FigureRecord = z.object({
  /** Unique within the figure (inspection id, `inspectionId:itemId`, unit id …). */
  key: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  inspectionId: z.string().nullable(),
  inspectionCode: z.string().nullable(),
  evaluationId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  unitType: z.string().nullable(),
  source: z.string().nullable(),
  sourceLabel: z.string().nullable(),
  /** The day that counts for the figure, and what it is. */
  date: z.string(),
  dateLabel: z.string(),
  /** Other dates of the record worth showing (签字、反馈、整改期限 …). */
  dates: z.record(z.string(), z.string().nullable()),
  itemCode: z.string().nullable(),
  itemTitle: z.string().nullable(),
  itemStatusLabel: z.string().nullable(),
  /** A distribution's bucket. */
  bucket: z.string().nullable(),
  bucketLabel: z.string().nullable(),
  note: z.string().nullable(),
});
export type FigureRecord = z.infer<typeof FigureRecord>;

export const OrgCount = z.object({ orgId: z.string(), orgName: z.string(), value: z.number() });
export type OrgCount = z.infer<typeof OrgCount>;

export const FigureBucket = z.object({ key: z.string(), label: z.string(), value: z.number(), byOrg: z.array(OrgCount) });
export type FigureBucket = z.infer<typeof FigureBucket>;

export const Figure = z.object({
  name: z.enum(FIGURE_NAMES),
  label: z.string(),
  unit: z.string(),
  /** The precise definition (the figure's tooltip). */
  definition: z.string(),
  value: z.number(),
  byOrg: z.array(OrgCount),
  /** A distribution's buckets in order; null for a plain count. */
  buckets: z.array(FigureBucket).nullable(),
});
export type Figure = z.infer<typeof Figure>;

/** GET /api/inspections/figures */
export const FiguresResult = z.object({
  /** `asOf` = min(to, today): the day a stock figure (整改逾期) is taken on. */
  period: z.object({ from: z.string(), to: z.string(), asOf: z.string(), today: z.string() }),
  org: z.object({ id: z.string(), name: z.string() }),
  includeDescendants: z.boolean(),
  unitType: z.enum(UNIT_TYPES).nullable(),
  /** The orgs in scope; `depth` below the chosen org (0 = itself). */
  orgs: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number() })),
  figures: z.array(Figure),
});
export type FiguresResult = z.infer<typeof FiguresResult>;

/** GET /api/inspections/figures/:name/records */
export const FigureRecordsResult = z.object({
  name: z.enum(FIGURE_NAMES),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
  key: z.string().nullable(),
  keyLabel: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string(), asOf: z.string() }),
  total: z.number(),
  items: z.array(FigureRecord),
  page: z.number(),
  pageSize: z.number(),
});
export type FigureRecordsResult = z.infer<typeof FigureRecordsResult>;

// ---- 监测预警 ----

/** One side of a repeat warning. */
export const InspectionBrief = z.object({
  id: z.string(),
  code: z.string(),
  orgName: z.string(),
  /** The day the unit was inspected: on site, else planned. */
  date: z.string(),
  /** The on-site record is signed. */
  done: z.boolean(),
  sourceLabel: z.string(),
});
export type InspectionBrief = z.infer<typeof InspectionBrief>;

/** 重复检查: two inspections of one unit (by credit code) within the setting's days. */
export const RepeatWarning = z.object({
  unitName: z.string(),
  unitId: z.string(),
  earlier: InspectionBrief,
  later: InspectionBrief,
  /** Days between the two. */
  days: z.number(),
  message: z.string(),
});
export type RepeatWarning = z.infer<typeof RepeatWarning>;

export const OverdueRectification = z.object({
  inspectionId: z.string(),
  code: z.string(),
  orgName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  feedbackOn: z.string().nullable(),
  rectificationDue: z.string(),
  /** Days late in the rectification clock's unit (working days): the 工作台's number for the same item. */
  daysOverdue: z.number(),
  /** "逾期 N 个工作日". */
  overdueText: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.enum(RECTIFICATION_ITEM_STATUSES),
      statusLabel: z.string(),
      returnCount: z.number(),
    }),
  ),
});
export type OverdueRectification = z.infer<typeof OverdueRectification>;

export const InspectorLoad = z.object({
  inspectorId: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  /** Signed inspections of the period the inspector was present at (到场并签字). */
  done: z.number(),
  /** Not yet signed, not closed, planned today or later (within the period). */
  upcoming: z.number(),
  /** Every inspection of the period by calendar month of its day (done or planned). */
  months: z.array(z.object({ month: z.string(), count: z.number(), codes: z.array(z.string()) })),
  /** Months above the monthly maximum. */
  overloaded: z.array(z.object({ month: z.string(), count: z.number() })),
  warning: z.string().nullable(),
});
export type InspectorLoad = z.infer<typeof InspectorLoad>;

/** GET /api/inspections/monitors */
export const MonitorsResult = z.object({
  today: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  org: z.object({ id: z.string(), name: z.string() }),
  includeDescendants: z.boolean(),
  settings: z.object({ repeatInspectionDays: z.number(), inspectorMonthlyMax: z.number() }),
  repeats: z.array(RepeatWarning),
  overdue: z.array(OverdueRectification),
  workload: z.array(InspectorLoad),
});
export type MonitorsResult = z.infer<typeof MonitorsResult>;
