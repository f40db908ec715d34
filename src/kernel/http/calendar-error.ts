/** Recognise the calendar's error without importing it (kernel/calendar throws `code: 'calendar.*'`). */
export function CalendarErrorLike(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && (e as unknown as { code: string }).code.startsWith('calendar.');
}
