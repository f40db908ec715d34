/** Shapes of the calendar shared by its files (no imports, so nothing here can form a cycle). */

/** `holiday` = statutory day off (放假); `workday` = adjusted working weekend day (调休上班). */
export type DayKind = 'holiday' | 'workday';

/** One exceptional day in the official schedule. */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  kind: DayKind;
  /** Chinese name of the holiday the day belongs to, e.g. 春节, 国庆节. */
  name: string;
}
