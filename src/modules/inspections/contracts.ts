/**
 * Request shapes and labels of the inspections module shared by its areas (the web imports these too):
 * the areas of 档案法第四十二条, checklist kinds, item results, and the field helpers every area's
 * contracts use. Imports zod and other contracts only.
 */
import { z } from 'zod';
import { CLOCK_STATES } from '../../kernel/calendar/contracts.js';

export {
  AREAS,
  AREA_LABELS,
  CHECKLIST_KINDS,
  CHECKLIST_KIND_LABELS,
  DRAW_STATUSES,
  DRAW_STATUS_LABELS,
  ENTROPY_SOURCES,
  ITEM_RESULTS,
  ITEM_RESULT_LABELS,
  PLAN_STATUS_LABELS,
  VERSION_STATUS_LABELS,
  type Area,
  type ChecklistKind,
  type ItemResult,
} from './labels.js';

export const text = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).nullable().optional();
/** A day that exists on the calendar (no 2025-02-30, no year 0–99 read as 19xx), checked without the kernel's calendar. */
export function isRealDay(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const back = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return back.getUTCFullYear() === Number(m[1]) && back.getUTCMonth() === Number(m[2]) - 1 && back.getUTCDate() === Number(m[3]);
}
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDay, '日期不存在');
export const IdParams = z.object({ id: z.uuid('ID 格式不正确') });

// ---- Shared by the loop's areas (loop, follow-up, publication) ----
/** A team of inspectors for an inspection or an interview (the draw's rule: at least two). */
export const InspectorIds = z
  .array(z.uuid('执法人员 ID 格式不正确'))
  .min(2, '检查组至少 2 名执法人员（行政处罚法第四十二条：执法人员不得少于两人）')
  .max(10, '检查组人数不超过 10 名');

export { CLOCK_STATES };
/**
 * A clock as every page of the module shows it (loop.ts `clockView`): the due date, state, days left,
 * the calculation, and whether the due date is provisional (预计) with the years and the one sentence why.
 */
export const ClockView = z.object({
  due: z.string().nullable(),
  state: z.enum(CLOCK_STATES),
  daysLeft: z.number().nullable(),
  /** One line per step. */
  explanation: z.array(z.string()),
  /** The due date depends on a year whose holiday schedule is not entered (预计, RULES.md §1). */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number()),
  /** The one sentence why, when provisional. */
  provisionalNote: z.string().nullable(),
});
export type ClockView = z.infer<typeof ClockView>;
