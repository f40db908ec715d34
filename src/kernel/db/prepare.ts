import { seedCalendar } from '../calendar/store.js';
import { migrateDatabase, type Db } from './index.js';
import { grantAppRole } from './roles.js';

/**
 * As the owner: migrate, load reference data (the working-day calendar) and, when the app connects
 * as its own role, give that role its grants again (so tables of every migration have them).
 * Idempotent; run at every start and in tests.
 */
export async function prepareDatabase(db: Db, opts: { appRole?: string } = {}): Promise<void> {
  await migrateDatabase(db);
  await seedCalendar(db);
  if (opts.appRole) await grantAppRole(db, opts.appRole);
}
