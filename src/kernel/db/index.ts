import path from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// DATE columns come back as 'YYYY-MM-DD' strings, never shifted into a JS Date.
pg.types.setTypeParser(1082, (v) => v);

export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle; services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'drizzle');

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'embedded' | 'external';
  close: () => Promise<void>;
}

export function openPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // idle client errors are surfaced on next use
  // A checked-out client whose server goes away (restart, crash) emits 'error' besides failing its
  // query; without a listener that would end the process. The pool drops the broken client and the
  // next request connects afresh.
  pool.on('connect', (client) => client.on('error', () => {}));
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

/** The same URL signing in as another role. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The database a URL names. */
export function databaseNameOf(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
}
