/** Open the configured database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR. */
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { openDatabase, serverVersion, type Database } from './index.js';
import { prepareDatabase } from './prepare.js';

export interface OpenedDatabase extends Database {
  version: string;
  /** Close the pool and, for the embedded server, stop PostgreSQL. */
  shutdown: () => Promise<void>;
}

export async function openConfiguredDatabase(config: Config, log: (m: string) => void = () => {}): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = openDatabase(config.databaseUrl, 'external');
    await prepareDatabase(database.db);
    return { ...database, version: await serverVersion(database.pool), shutdown: () => database.close() };
  }
  const server = await startEmbeddedPostgres(config.dataDir, log);
  try {
    await ensureDatabase(server.url('postgres'), 'lantai');
    const database = openDatabase(server.url('lantai'), 'embedded');
    await prepareDatabase(database.db);
    return {
      ...database,
      version: await serverVersion(database.pool),
      shutdown: async () => {
        await database.close();
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export const dataPath = (config: Config, ...p: string[]) => path.join(config.dataDir, ...p);
