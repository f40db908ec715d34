/**
 * Picking a year's days on the grid (录入 → 在年历上选择): the brushes, and what one click does to the
 * days. Pure, so the rule the admin meets on the page — a 调休上班 day is a Saturday or Sunday — is tested
 * without a browser (the server checks the whole schedule again on 核对 and on saving).
 */
import dayjs from 'dayjs';
import type { CalendarDayView as CalendarDay } from '@server/kernel/calendar/contracts';

const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export type Brush = { kind: 'holiday'; name: string } | { kind: 'workday' } | { kind: 'clear' };

export const BRUSHES: { value: string; label: string; brush: Brush }[] = [
  ...HOLIDAYS.map((h) => ({ value: `h:${h}`, label: `放假：${h}`, brush: { kind: 'holiday' as const, name: h } })),
  { value: 'w', label: '调休上班（周六、周日）', brush: { kind: 'workday' } },
  { value: 'c', label: '清除（恢复为普通日）', brush: { kind: 'clear' } },
];

/** The holiday a 调休上班 day belongs to: the nearest holiday day within two weeks. */
export function nearestHoliday(days: readonly CalendarDay[], date: string): string {
  let best: { name: string; d: number } | null = null;
  for (const x of days) {
    if (x.kind !== 'holiday') continue;
    const d = Math.abs(dayjs(x.date).diff(dayjs(date), 'day'));
    if (d <= 14 && (!best || d < best.d)) best = { name: x.name, d };
  }
  return best?.name ?? '调休上班';
}

const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);

/**
 * The days after clicking `date` with `brush`: a holiday or a 调休上班 day replaces whatever the date
 * was, `clear` removes it. A 调休上班 day on a weekday is refused with the sentence to show.
 */
export function paintDay(days: readonly CalendarDay[], date: string, brush: Brush): { days: CalendarDay[] } | { refused: string } {
  const rest = days.filter((d) => d.date !== date);
  if (brush.kind === 'clear') return { days: rest };
  if (brush.kind === 'holiday') return { days: [...rest, { date, kind: 'holiday' as const, name: brush.name }].sort(byDate) };
  const wd = dayjs(date).day();
  if (wd !== 0 && wd !== 6) return { refused: '调休上班日只能是周六或周日' };
  return { days: [...rest, { date, kind: 'workday' as const, name: nearestHoliday(rest, date) }].sort(byDate) };
}
