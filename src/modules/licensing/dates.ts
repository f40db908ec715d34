/**
 * The date rules the licensing writes share: a day the working calendar can count, a day not before
 * the fact it follows, a thing that happened not recorded ahead of time. Each refusal names its field.
 */
import type { Ctx } from '../../kernel/context.js';
import { CalendarError, type WorkCalendar } from '../../kernel/calendar/index.js';
import { todayInChina } from '../../kernel/calendar/store.js';
import { fieldError } from '../../kernel/http/errors.js';

/**
 * A date whose working days the calendar can tell (entered, or computed provisionally): else a
 * refusal naming the field, never an internal error.
 */
export function knownDay(cal: WorkCalendar, field: string, date: string, label: string): void {
  try {
    cal.assertKnown(date);
  } catch (e) {
    if (e instanceof CalendarError) throw fieldError(field, `${label} ${date} 超出工作日历的范围：${e.message}`);
    throw e;
  }
}

/** "Not before `earlier`": a rule's message naming the field and the fact it depends on. */
export function notBefore(field: string, date: string, label: string, earlier: string | null | undefined, earlierLabel: string): void {
  if (earlier && date < earlier) throw fieldError(field, `${label} ${date} 早于${earlierLabel} ${earlier}`);
}

/** Things that happened are not recorded ahead of time: a date after today (Beijing) is refused. */
export function notFuture(ctx: Ctx, field: string, date: string, label: string): void {
  const today = todayInChina(ctx.now());
  if (date > today) throw fieldError(field, `${label} ${date} 晚于今天（${today}）`);
}
