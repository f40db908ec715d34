import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// DATE columns come back as 'YYYY-MM-DD' strings, never shifted into a JS Date.
pg.types.setTypeParser(1082, (v) => v);

export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle; services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'embedded' | 'external';
  close: () => Promise<void>;
}

export function openPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // idle client errors are surfaced on next use
  return pool;
}

export function openDatabase(url: string, kind: Database['kind'], max = 20): Database {
  const pool = openPool(url, max);
  const db = drizzle(pool) as Db;
  return { db, pool, kind, close: () => pool.end() };
}

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

export async function serverVersion(pool: pg.Pool): Promise<string> {
  const r = await pool.query<{ server_version: string }>('SHOW server_version');
  return r.rows[0]?.server_version ?? 'unknown';
}

/** The same server's URL with another database name (tests, bench and CI make fresh databases). */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
