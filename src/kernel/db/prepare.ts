import { seedCalendar } from '../calendar/store.js';
import { migrateDatabase, type Db } from './index.js';

/** Migrate, then load reference data (the working-day calendar). Idempotent; run at every start. */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrateDatabase(db);
  await seedCalendar(db);
}
