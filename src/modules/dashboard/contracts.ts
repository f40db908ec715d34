/** Contracts of the dashboard (工作台): my due and overdue items. Zod only: the web imports this very file. */
import { z } from 'zod';
import { CLOCK_STATES } from '../../kernel/calendar/contracts.js';
import { PageQuery } from '../../kernel/http/responses.js';

/** One due item: a statutory clock of a record, or an inspector's certificate. */
export const DueItem = z.object({
  key: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  label: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  due: z.string().nullable(),
  /** The due date depends on a year whose holiday schedule is not entered yet (预计). */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  provisionalNote: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  /** The unit the clock counts in: 工作日 or 自然日 (a certificate: 自然日). */
  unit: z.enum(['working', 'calendar']),
  /** The days as one line, labelled by the unit: 逾期 3 个工作日 / 剩余 5 个自然日 / 今日到期 / 已按期完成 … */
  daysText: z.string(),
  state: z.enum(CLOCK_STATES),
  /** Why this day: one line per step. */
  explanation: z.array(z.string()),
});
export type DueItem = z.infer<typeof DueItem>;

/**
 * 待我审批 / 待我公开: what awaits the actor's approval or publication, derived from the records by the
 * modules (kernel/module.ts `awaiting`) or an open publication deadline, each naming its record and its day.
 */
export const ApprovalItem = z.object({
  key: z.string(),
  /** What kind of approval, in Chinese (发布年度报告 …). */
  kindLabel: z.string(),
  label: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  due: z.string(),
  state: z.enum(CLOCK_STATES),
  /** 逾期 N 个自然日 / 剩余 N 个自然日 / 今日到期. */
  daysText: z.string(),
  /** The rule behind the date. */
  basis: z.string(),
});
export type ApprovalItem = z.infer<typeof ApprovalItem>;

/** For an admin from 1 October: next year's schedule is missing and how many open clocks reach into it. */
export const CalendarNotice = z.object({ year: z.number().int(), openClocks: z.number().int(), message: z.string() });
export type CalendarNotice = z.infer<typeof CalendarNotice>;

/** The states a due item can be listed by (open items only: met and missed ones are off the dashboard). */
export const DUE_ITEM_STATES = ['overdue', 'due_soon', 'running', 'paused'] as const;

/** GET /api/dashboard: a page of my items, most urgent first (overdue, due soon, running, paused; then by date). */
export const DashboardQuery = PageQuery.extend({
  state: z.enum(DUE_ITEM_STATES, { error: '状态应为 overdue、due_soon、running 或 paused' }).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** One org below the actor's: its open due items that are late or due soon (the kinds the actor may read). */
export const OrgLateness = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** Levels below the actor's org (1 = directly below). */
  depth: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  open: z.number().int(),
});
export type OrgLateness = z.infer<typeof OrgLateness>;

export const DashboardResponse = z.object({
  calendarNotice: CalendarNotice.nullable(),
  /** 下级机构: every org below the actor's, latest first (empty for an org with none). */
  below: z.array(OrgLateness),
  /** 待我审批 (whatever the page and filter); empty for a role that approves nothing. */
  approvals: z.array(ApprovalItem),
  /** 待我公开: what the actor must publish and by when (publication deadlines, reports to submit). */
  publications: z.array(ApprovalItem),
  /** The page asked for (of the state asked for, if any). */
  items: z.array(DueItem),
  /** Items over every page (of the state asked for). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** All my open items by state, whatever the page and filter. */
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), running: z.number().int(), paused: z.number().int() }),
});
export type Dashboard = z.infer<typeof DashboardResponse>;

/** GET /api/dashboard/below/:orgId: one org below mine, its open items of the kinds I may read. */
export const BelowParams = z.object({ orgId: z.uuid('机构 ID 格式不正确') });
export const BelowQuery = DashboardQuery;
export type BelowQuery = z.infer<typeof BelowQuery>;
export const BelowResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  items: z.array(DueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type BelowResponse = z.infer<typeof BelowResponse>;

/** The action this module declares (its index.ts augments the kernel's ActionRegistry with it). */
export const DASHBOARD_ACTIONS = ['dashboard.read'] as const;
export type DashboardAction = (typeof DASHBOARD_ACTIONS)[number];
