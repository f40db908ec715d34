/** Open the configured database for a command-line script (holding the data-dir lock when embedded). */
import { loadConfig } from '../src/config.js';
import { acquireDataDirLock } from '../src/kernel/db/embedded.js';
import { openConfiguredDatabase, type OpenedDatabase } from '../src/kernel/db/open.js';

export async function withDatabase<T>(fn: (db: OpenedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let release = () => {};
  if (!config.databaseUrl) {
    try {
      release = acquireDataDirLock(config.dataDir);
    } catch (e) {
      throw new Error(
        `${(e as Error).message}\nThe app is running on this data directory: use its API instead (e.g. GET /api/audit/verify, POST /api/setup).`,
        { cause: e },
      );
    }
  }
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.shutdown();
    release();
  }
}
