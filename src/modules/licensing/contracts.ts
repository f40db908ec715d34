/**
 * Shapes every area of the licensing module shares (行政许可): ids, a date field, the views of a clock
 * and of a single due date (the same as disclosure's, so pages show every statutory clock alike).
 * Imports zod and contracts only; the web takes its types from here (`@server/modules/licensing/…`).
 */
import { z } from 'zod';

export { ClockState, ClockView, DueView } from '../disclosure/contracts.js';

/** A `YYYY-MM-DD` field, refused with a message naming it. */
export const day = (what: string) => z.iso.date(`${what}应为 YYYY-MM-DD 格式的日期`);

export const IdParams = z.object({ id: z.uuid('ID 格式不正确') });
