/**
 * The app's own database role. Migrations run as the owner (the embedded cluster's superuser
 * `lantai`, or DATABASE_URL's user); the app connects as a LOGIN role that is no superuser, owns
 * nothing, and may only read and append to the whole-process record. `grantAppRole` runs after every
 * migrate, so tables added by later migrations get the same grants.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from './index.js';

/** Tables of the whole-process record the app may read and append to, never change or delete. */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints', 'audit_alerts'] as const;
/** The chain heads: the app inserts a genesis head and moves it forward (a trigger refuses anything else). */
export const HEAD_TABLE = 'audit_heads';

/** The app role of a database: `<database>_app` (`lantai_app` for the embedded `lantai`). */
export function appRoleName(database: string): string {
  const name = `${database}_app`;
  return Buffer.byteLength(name) <= 63 ? name : `lantai_app_${crypto.createHash('sha256').update(database).digest('hex').slice(0, 16)}`;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A secret kept in a file (created once, mode 0600): a database password, the checkpoint key. */
export function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) {
    const s = fs.readFileSync(file, 'utf8').trim();
    if (s) return s;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Create the app role (LOGIN, no superuser, no CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS) or set its
 * password again. Run as the owner, who needs CREATEROLE for this (a superuser has it).
 */
export async function ensureAppRole(owner: Db, role: string, password: string): Promise<void> {
  const exists = await owner.execute(sql`SELECT 1 FROM pg_roles WHERE rolname = ${role}`);
  const attrs = `LOGIN PASSWORD ${literal(password)}`;
  if (exists.rows.length === 0) {
    try {
      await owner.execute(sql.raw(`CREATE ROLE ${ident(role)} WITH NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ${attrs}`));
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '42710') throw e; // created meanwhile by another process
    }
  }
  // Only LOGIN and the password: changing the other attributes needs a superuser. assertAppRoleRestricted checks them.
  await owner.execute(sql.raw(`ALTER ROLE ${ident(role)} WITH ${attrs}`));
}

/**
 * The app role's grants, from scratch: read and write every table of the schema, use its sequences;
 * on the whole-process record only SELECT and INSERT; on the heads SELECT, INSERT and UPDATE of
 * (seq, hash) — what appending and its row lock need. Run as the owner after every migrate.
 */
export async function grantAppRole(owner: Db, role: string): Promise<void> {
  const r = ident(role);
  const audit = APPEND_ONLY_TABLES.map(ident).join(', ');
  await owner.transaction(async (tx) => {
    const run = (statement: string) => tx.execute(sql.raw(statement));
    const { rows } = await tx.execute<{ connect: boolean; usage: boolean; db: string }>(
      sql`SELECT has_database_privilege(${role}, current_database(), 'CONNECT') AS connect, has_schema_privilege(${role}, 'public', 'USAGE') AS usage, current_database() AS db`,
    );
    if (!rows[0]?.connect) await run(`GRANT CONNECT ON DATABASE ${ident(rows[0]!.db)} TO ${r}`);
    if (!rows[0]?.usage) await run(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await run(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await run(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`);
    await run(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await run(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await run(`REVOKE UPDATE, DELETE ON ${audit}, ${ident(HEAD_TABLE)} FROM ${r}`);
    await run(`GRANT UPDATE (seq, hash) ON ${ident(HEAD_TABLE)} TO ${r}`);
  });
}

/**
 * Run on the app's own connection at start (and by the test harness): refuses a role that could
 * rewrite the whole-process record — a superuser, a member of a role owning any table, or one
 * holding UPDATE, DELETE or TRUNCATE on an audit table.
 */
export async function assertAppRoleRestricted(pool: pg.Pool): Promise<void> {
  const tables = [...APPEND_ONLY_TABLES, HEAD_TABLE];
  const { rows } = await pool.query<{ role: string; superuser: boolean; owns: string; writable: string[] | null }>(
    `SELECT current_user AS role,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns,
            (SELECT array_agg(t || ' ' || p) FROM unnest($1::text[]) t, unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) p
              WHERE has_table_privilege(t, p)) AS writable`,
    [tables],
  );
  const r = rows[0]!;
  const problems = [
    r.superuser ? 'is a superuser (or bypasses row security)' : null,
    Number(r.owns) > 0 ? `owns ${r.owns} relation(s) of the schema (or may act as their owner)` : null,
    r.writable?.length ? `holds ${r.writable.join(', ')}` : null,
  ].filter(Boolean);
  if (problems.length) {
    throw new Error(
      `The app's database role "${r.role}" could rewrite the whole-process record: it ${problems.join('; ')}. ` +
        'Connect the app as a role that owns nothing (README, "Security in operation"; APP_DATABASE_URL).',
    );
  }
}
