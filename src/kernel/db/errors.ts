/** Telling PostgreSQL's refusals apart, through drizzle's wrapping (the error or its causes). */

/** True when `e` is PostgreSQL's unique violation (23505) on the constraint named `constraint`. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let x: unknown = e, i = 0; x && i < 3; x = (x as { cause?: unknown }).cause, i++) {
    const pg = x as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
  }
  return false;
}
