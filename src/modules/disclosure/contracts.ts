/**
 * Shapes every area of the disclosure module shares (政府信息公开): ids, years and org queries, a date
 * field, and the views of a clock and of a single due date. Imports zod and the kernel's response
 * shapes only; the areas' own contracts (applications/, letters/, fees/, register/, annual-report/)
 * build on these, and the web takes its types from them (`@server/modules/disclosure/…/contracts`).
 */
import { z } from 'zod';
import { CLOCK_STATES } from '../../kernel/calendar/contracts.js';

/** A `YYYY-MM-DD` field, refused with a message naming it. */
export const day = (what: string) => z.iso.date(`${what}应为 YYYY-MM-DD 格式的日期`);

export const IdParams = z.object({ id: z.uuid('ID 格式不正确') });
export const YearParams = z.object({ year: z.coerce.number().int('年度应为整数').min(2019, '报告年度不早于 2019').max(2100) });
/** The own org (default) or a readable descendant (read-only roll-up). */
export const OrgQuery = z.object({ orgId: z.uuid().optional() });

/** The states of a clock (期限), as the kernel Clock model computes them. */
export { CLOCK_STATES };
export const ClockState = z.enum(CLOCK_STATES);
export type ClockState = z.infer<typeof ClockState>;

/** A single date with its provisionality (预计: it depends on a year whose official schedule is not entered yet). */
export const DueView = z.object({ due: z.string(), provisional: z.boolean(), provisionalYears: z.array(z.number().int()) });
export type DueView = z.infer<typeof DueView>;

/** A statutory clock as pages show it: the due date (null while paused), its state, and why it is that day. */
export const ClockView = z.object({
  due: z.string().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  state: ClockState,
  daysLeft: z.number().int().nullable(),
  totalDays: z.number().int(),
  effectiveStart: z.string(),
  explanation: z.array(z.string()),
});
export type ClockView = z.infer<typeof ClockView>;
