/**
 * Open the configured database: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR. The owner
 * (the embedded superuser `lantai`, or DATABASE_URL's user) migrates and grants; the app then
 * connects as its own role, which owns nothing and may only append to the whole-process record
 * (kernel/db/roles.ts). Checked at start: a role that could rewrite the record is refused.
 */
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.js';
import { loadCheckpointKey } from '../audit/key.js';
import { startEmbeddedPostgres } from './embedded.js';
import { databaseNameOf, openDatabase, serverVersion, withCredentials, type Database } from './index.js';
import { prepareDatabase } from './prepare.js';
import { appRoleName, assertAppRoleRestricted, ensureAppRole, readOrCreateSecret } from './roles.js';

export interface OpenedDatabase extends Database {
  version: string;
  /** The role the app connects as. */
  appRole: string;
  /** The HMAC key of the signed audit checkpoints (DATA_DIR/audit-checkpoint.key or AUDIT_CHECKPOINT_KEY). */
  auditKey: Buffer;
  /** The owner's connection (migrations; maintenance such as ANALYZE, which the app role may not run). */
  ownerUrl: string;
  /** Close the pool and, for the embedded server, stop PostgreSQL. */
  shutdown: () => Promise<void>;
}

/** The app role's password, beside the embedded superuser's (`pg-password`) in DATA_DIR. */
export const APP_PASSWORD_FILE = 'pg-app-password';

export async function openConfiguredDatabase(config: Config, log: (m: string) => void = () => {}): Promise<OpenedDatabase> {
  const auditKey = loadCheckpointKey(config, (m) => console.warn(m)); // once per install: not PostgreSQL's log
  if (config.databaseUrl) {
    const { url, role } = await prepareAsOwner(config.databaseUrl, config.appDatabaseUrl ?? null, config.dataDir);
    const database = await openAsApp(url, 'external', role);
    return {
      ...database,
      appRole: role,
      ownerUrl: config.databaseUrl,
      auditKey,
      version: await serverVersion(database.pool),
      shutdown: () => database.close(),
    };
  }
  const server = await startEmbeddedPostgres(config.dataDir, log);
  // PostgreSQL killed or crashed under a running app: start it again (backing off), the pool reconnects.
  server.onUnexpectedExit(() => void restartWithBackoff(server, log));
  try {
    await ensureDatabase(server.url('postgres'), 'lantai');
    const { url, role } = await prepareAsOwner(server.url('lantai'), null, config.dataDir);
    const database = await openAsApp(url, 'embedded', role);
    return {
      ...database,
      appRole: role,
      ownerUrl: server.url('lantai'),
      auditKey,
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

/**
 * As the owner: make sure the app role exists (unless APP_DATABASE_URL names one), migrate, seed and
 * grant. Returns the URL the app connects with.
 */
async function prepareAsOwner(ownerUrl: string, appUrl: string | null, dataDir: string): Promise<{ url: string; role: string }> {
  const owner = openDatabase(ownerUrl, 'external', 2);
  try {
    let url = appUrl;
    let role: string;
    if (url) {
      role = decodeURIComponent(new URL(url).username);
      if (!role) throw new Error('APP_DATABASE_URL names no user: give the app role in it (postgres://role:password@host/db).');
      if (databaseNameOf(url) !== databaseNameOf(ownerUrl)) throw new Error('APP_DATABASE_URL must name the same database as DATABASE_URL.');
    } else {
      role = appRoleName(databaseNameOf(ownerUrl));
      const password = readOrCreateSecret(path.join(dataDir, APP_PASSWORD_FILE));
      try {
        await ensureAppRole(owner.db, role, password);
      } catch (e) {
        throw new Error(
          `Could not create or update the app's database role "${role}" (${(e as Error).message}). ` +
            "DATABASE_URL's user needs CREATEROLE for this; or create a role yourself and give it as APP_DATABASE_URL.",
          { cause: e },
        );
      }
      url = withCredentials(ownerUrl, role, password);
    }
    await prepareDatabase(owner.db, { appRole: role });
    return { url, role };
  } finally {
    await owner.close();
  }
}

async function openAsApp(url: string, kind: Database['kind'], role: string): Promise<Database> {
  const database = openDatabase(url, kind);
  try {
    await assertAppRoleRestricted(database.pool);
  } catch (e) {
    await database.close();
    const m = (e as Error).message;
    throw new Error(/could rewrite/.test(m) ? m : `The app could not connect as its database role "${role}": ${m}`, { cause: e });
  }
  return database;
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

async function restartWithBackoff(server: { restart: () => Promise<void> }, log: (m: string) => void, attempt = 1): Promise<void> {
  await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** (attempt - 1))));
  try {
    await server.restart();
    log(`PostgreSQL restarted (attempt ${attempt})`);
  } catch (e) {
    log(`PostgreSQL restart failed (attempt ${attempt}): ${e instanceof Error ? e.message : String(e)}`);
    if (attempt < 10) await restartWithBackoff(server, log, attempt + 1);
  }
}
