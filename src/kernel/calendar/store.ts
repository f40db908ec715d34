/**
 * The calendar as stored: `calendar_years` (which years are known) and `calendar_days` (holidays
 * and adjusted working days). Seeded from chinese-days; admins enter new years (e.g. 2027) when the
 * State Council publishes them, without waiting for a package release.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { readCache } from '../db/read-cache.js';
import type { DbOrTx } from '../db/index.js';
import { calendarDays, calendarYears } from '../schema.js';
import { chineseDaysSeed, WorkCalendar, type CalendarDay } from './calendar.js';

/** Today's date in China (UTC+8, no daylight saving). */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Insert the chinese-days years that the table does not have yet (admin-entered years are kept). */
export async function seedCalendar(db: DbOrTx): Promise<number> {
  const seed = chineseDaysSeed();
  const have = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const missing = seed.years.filter((y) => !have.has(y));
  if (missing.length === 0) return 0;
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarYears)
      .values(missing.map((year) => ({ year, source: 'chinese-days', note: '国务院办公厅公布的节假日安排（系统内置）' })))
      .onConflictDoNothing();
    const days = seed.days.filter((d) => missing.includes(Number(d.date.slice(0, 4))));
    for (let i = 0; i < days.length; i += 500) {
      await tx
        .insert(calendarDays)
        .values(days.slice(i, i + 500).map((d) => ({ day: d.date, year: Number(d.date.slice(0, 4)), kind: d.kind, name: d.name })))
        .onConflictDoNothing();
    }
  });
  return missing.length;
}

const calendarCache = readCache<'calendar', WorkCalendar>(60_000, { hitsInTransactions: true });

/** The working calendar as stored now, read through `db` (inside a transaction: what it sees). */
export async function readWorkCalendar(db: DbOrTx): Promise<WorkCalendar> {
  const years = (await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year);
  const days = await db.select().from(calendarDays).orderBy(asc(calendarDays.day));
  return new WorkCalendar({ years, days: days.map((d) => ({ date: d.day, kind: d.kind as CalendarDay['kind'], name: d.name })) });
}

/**
 * The working calendar, cached for a minute (and dropped at once when an admin edits a year). Only a
 * read through the pool fills the cache: what a transaction reads may be uncommitted (a preview that
 * is rolled back); a fresh entry serves transactions too (db/read-cache.ts).
 */
export async function loadWorkCalendar(db: DbOrTx): Promise<WorkCalendar> {
  return calendarCache.get(db, 'calendar', () => readWorkCalendar(db));
}

export function invalidateCalendar(): void {
  calendarCache.clear();
}

export async function listYears(db: DbOrTx) {
  return db
    .select({
      year: calendarYears.year,
      source: calendarYears.source,
      note: calendarYears.note,
      enteredAt: calendarYears.enteredAt,
      holidays: sql<number>`(SELECT count(*) FROM calendar_days d WHERE d.year = calendar_years.year AND d.kind = 'holiday')`.mapWith(Number),
      workdays: sql<number>`(SELECT count(*) FROM calendar_days d WHERE d.year = calendar_years.year AND d.kind = 'workday')`.mapWith(Number),
    })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
}

export async function getYear(db: DbOrTx, year: number) {
  const [y] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (!y) return null;
  const days = await db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.day));
  return { year: y.year, source: y.source, note: y.note, enteredAt: y.enteredAt, days: days.map((d) => ({ date: d.day, kind: d.kind, name: d.name })) };
}

/** Replace one year's schedule (caller audits and runs this in its transaction). */
export async function replaceYear(db: DbOrTx, year: number, days: CalendarDay[], meta: { note?: string | null; enteredBy: string; at: Date }) {
  await db.delete(calendarDays).where(eq(calendarDays.year, year));
  if (days.length) await db.insert(calendarDays).values(days.map((d) => ({ day: d.date, year, kind: d.kind, name: d.name })));
  await db
    .insert(calendarYears)
    .values({ year, source: 'admin', note: meta.note ?? null, enteredBy: meta.enteredBy, enteredAt: meta.at })
    .onConflictDoUpdate({ target: calendarYears.year, set: { source: 'admin', note: meta.note ?? null, enteredBy: meta.enteredBy, enteredAt: meta.at } });
}
