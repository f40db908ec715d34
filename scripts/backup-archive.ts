/**
 * The backup archive (`npm run backup`, `npm run restore`): a logical dump made by the app itself, so it
 * works with the embedded PostgreSQL 17 (whose package ships no pg_dump) and with any external server
 * (15 and later), and moves data between the two.
 *
 * Format `lantai-backup` version 1: a gzip-compressed text file of UTF-8 JSON lines.
 *
 *   line 1            header  {"format":"lantai-backup","version":1,"createdAt","app","server","source",
 *                              "migrations":[tags applied, in order],"skipped":[tables left out]}
 *   per table         section {"table":"orgs","columns":[{"name","type"}…]}
 *                     rows    one JSON array per row: each column's PostgreSQL text form (what COPY and
 *                             psql show: bytea as \x…, timestamps in ISO with offset) or null
 *   then              {"sequences":[{"name","lastValue","isCalled"}…]}
 *   last line         trailer {"end":{"tables":{name: rows},"rows":n,"sha256": of every line before it}}
 *
 * The dump reads every table of schema `public` (except `sessions`) in one REPEATABLE READ READ ONLY
 * transaction: one snapshot, consistent across tables, taken while the app keeps working. Tables come
 * in foreign-key order (parents first), rows in primary-key order. Uploaded files are bytea columns
 * (inspection photos, signatures, evidence; frozen report .docx), so they are rows like any other.
 *
 * A restore needs an empty database. In one transaction it applies the migrations the backup was made
 * at (the schema is the code's, the archive holds only data), loads every table in file order, sets the
 * sequences, checks the trailer (row counts and the SHA-256) and only then commits: a damaged or
 * truncated archive leaves the database as empty as it was. Each value
 * goes back through its type's input function (`'…'::type`), exactly as COPY would load it. The
 * tables' own triggers (the whole-process record's append-only tables, its forward-only heads) are
 * off for the load and on again before the commit, as with pg_restore --disable-triggers: the rows are
 * history as it was, and `verifyAudit` checks the chain after the restore.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../src/kernel/db/index.js';

export const BACKUP_FORMAT = 'lantai-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Left out of every backup: sign-in sessions (after a restore everybody signs in again). */
export const SKIPPED_TABLES = ['sessions'] as const;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  app: string;
  server: string;
  source: 'embedded' | 'external';
  migrations: string[];
  skipped: string[];
  /** Key ids (checkpointKeyId) of the signed audit checkpoints in the backup: the key itself is not in it. */
  checkpointKeys: string[];
}
interface Column {
  name: string;
  type: string;
}
interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}
export interface BackupSummary {
  header: BackupHeader;
  tables: Record<string, number>;
  rows: number;
  sequences: number;
  sha256: string;
}

/** Session settings that make every value's text form unambiguous and its input exact. */
const SESSION = [
  "SET datestyle = 'ISO, YMD'",
  "SET intervalstyle = 'postgres'",
  "SET timezone = 'UTC'",
  'SET extra_float_digits = 3',
  "SET bytea_output = 'hex'",
  "SET client_encoding = 'UTF8'",
];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qt = (table: string) => `public.${q(table)}`;

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}
const readJournal = (dir = MIGRATIONS_DIR): Journal => JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;

function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.resolve(MIGRATIONS_DIR, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The migrations applied to the database, as the journal's tags (refused when the code does not know one). */
async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) throw new Error('数据库尚未建立（没有迁移记录）：没有可以备份的内容。');
  const rows = await client.query<{ created_at: string }>('SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at');
  const byWhen = new Map(readJournal().entries.map((e) => [String(e.when), e.tag]));
  return rows.rows.map((r) => {
    const tag = byWhen.get(String(r.created_at));
    if (!tag) throw new Error(`数据库含有本程序不认识的迁移（${r.created_at}）：请用与数据库相同或更新版本的程序备份。`);
    return tag;
  });
}

/** The tables of schema public (not partitions), parents before children by foreign key, then by name. */
async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const t = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  const fk = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`,
  );
  const names = t.rows.map((r) => r.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const r of fk.rows) parents.get(r.child)?.add(r.parent);
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (n: string, path: string[]) => {
    if (done.has(n)) return;
    if (path.includes(n)) throw new Error(`外键循环引用：${[...path, n].join(' → ')}`);
    for (const p of [...(parents.get(n) ?? [])].sort()) visit(p, [...path, n]);
    done.add(n);
    out.push(n);
  };
  for (const n of names) visit(n, []);
  return out;
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<(Column & { generated: boolean })[]> {
  const r = await client.query<{ name: string; type: string; generated: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated AS generated
       FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [qt(table)],
  );
  return r.rows.map((c) => ({ name: c.name, type: c.type, generated: c.generated !== '' }));
}

async function primaryKeyOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.ord`,
    [qt(table)],
  );
  return r.rows.map((x) => x.name);
}

async function sequencesOf(client: pg.ClientBase): Promise<SequenceValue[]> {
  const names = await client.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`);
  const out: SequenceValue[] = [];
  for (const { name } of names.rows) {
    const v = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${qt(name)}`);
    out.push({ name, lastValue: v.rows[0]!.last_value, isCalled: v.rows[0]!.is_called });
  }
  return out;
}

/** The keys that signed the audit checkpoints (by id): a restore needs the same key to verify them. */
async function checkpointKeysOf(client: pg.ClientBase): Promise<string[]> {
  const t = await client.query(`SELECT to_regclass('public.audit_checkpoints') IS NOT NULL AS ok`);
  if (!t.rows[0].ok) return [];
  return (await client.query<{ k: string }>('SELECT DISTINCT key_id AS k FROM audit_checkpoints ORDER BY 1')).rows.map((r) => r.k);
}

/** Lines out through gzip, hashed, with back-pressure. */
class LineWriter {
  private hash = crypto.createHash('sha256');
  private gzip = createGzip({ level: 6 });
  private finished: Promise<void>;
  constructor(out: NodeJS.WritableStream) {
    this.gzip.pipe(out);
    this.finished = new Promise((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.gzip.on('error', reject);
      // stdout does not emit 'finish' on its own terms: the gzip end is enough there.
      if (out === process.stdout) this.gzip.on('end', resolve);
    });
  }
  async line(value: unknown, raw?: string): Promise<void> {
    const text = (raw ?? JSON.stringify(value)) + '\n';
    this.hash.update(text);
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }
  digest = () => this.hash.digest('hex');
  async end(value: unknown): Promise<void> {
    this.gzip.end(JSON.stringify(value) + '\n');
    await this.finished;
  }
}

/**
 * Write a backup of the database at `url` (the owner's connection) to `out` (a file path, written as
 * `<path>.part` and renamed when complete, mode 0600; or a writable stream).
 */
export async function writeBackup(url: string, out: string | NodeJS.WritableStream, opts: { source: BackupHeader['source'] }): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url, application_name: 'lantai-backup' });
  await client.connect();
  const part = typeof out === 'string' ? `${out}.part` : null;
  let stream: NodeJS.WritableStream;
  if (part) {
    fs.mkdirSync(path.dirname(part), { recursive: true });
    stream = fs.createWriteStream(part, { mode: 0o600 });
  } else stream = out as NodeJS.WritableStream;
  try {
    for (const s of SESSION) await client.query(s);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const server = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: appVersion(),
      server,
      source: opts.source,
      migrations: await appliedMigrations(client),
      skipped: [...SKIPPED_TABLES],
      checkpointKeys: await checkpointKeysOf(client),
    };
    const w = new LineWriter(stream);
    await w.line(header);
    const tables: Record<string, number> = {};
    let rows = 0;
    for (const table of await tablesInOrder(client)) {
      if ((SKIPPED_TABLES as readonly string[]).includes(table)) continue;
      const cols = await columnsOf(client, table);
      const pk = await primaryKeyOf(client, table);
      await w.line({ table, columns: cols.map(({ name, type }) => ({ name, type })) });
      const order = (pk.length ? pk : cols.map((c) => c.name)).map((c) => `t.${q(c)}`).join(', ');
      // Rows holding files come a few at a time; the others in larger batches.
      const batch = cols.some((c) => c.type === 'bytea') ? 8 : 1000;
      await client.query(
        `DECLARE lantai_backup NO SCROLL CURSOR FOR SELECT array_to_json(ARRAY[${cols.map((c) => `t.${q(c.name)}::text`).join(', ')}])::text AS r FROM ${qt(table)} t ORDER BY ${order}`,
      );
      let n = 0;
      for (;;) {
        const page = await client.query<{ r: string }>(`FETCH ${batch} FROM lantai_backup`);
        for (const r of page.rows) await w.line(null, r.r);
        n += page.rows.length;
        if (page.rows.length < batch) break;
      }
      await client.query('CLOSE lantai_backup');
      tables[table] = n;
      rows += n;
    }
    const sequences = await sequencesOf(client);
    await w.line({ sequences });
    await client.query('COMMIT');
    const sha256 = w.digest();
    await w.end({ end: { tables, rows, sha256 } });
    if (part) fs.renameSync(part, out as string);
    return { header, tables, rows, sequences: sequences.length, sha256 };
  } catch (e) {
    if (part) fs.rmSync(part, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads the archive line by line (gunzipped), so a large one never sits in memory whole. */
async function* archiveLines(file: string): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of archiveLines(file)) return parseHeader(line);
  throw new Error('备份文件是空的');
}

function parseHeader(line: string): BackupHeader {
  let h: Partial<BackupHeader>;
  try {
    h = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new Error('不是兰台备份文件（第一行不是 JSON）');
  }
  if (h.format !== BACKUP_FORMAT) throw new Error('不是兰台备份文件（format 不是 lantai-backup）');
  if (h.version !== BACKUP_FORMAT_VERSION) throw new Error(`备份格式版本 ${String(h.version)} 不受支持（本程序读取版本 ${BACKUP_FORMAT_VERSION}）`);
  return h as BackupHeader;
}

/**
 * The migrations the backup was made at, read from the code's folder (refused when the backup has one
 * the code does not), so the rows load into the schema they were dumped from; the app applies any newer
 * ones at its next start as usual.
 */
function migrationsAt(tags: string[]): MigrationMeta[] {
  const all = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const known = readJournal().entries.map((e) => e.tag);
  const unknown = tags.find((t, i) => t !== known[i]);
  if (unknown !== undefined) {
    throw new Error(`备份来自更新或不同版本的程序（迁移 ${unknown} 本程序没有）：请用与备份相同或更新版本的程序恢复。`);
  }
  return all.slice(0, tags.length);
}

/** What drizzle's migrator does, inside the caller's transaction (so a failed restore leaves the database empty). */
async function applyMigrations(client: pg.ClientBase, migrations: MigrationMeta[]): Promise<void> {
  await client.query('CREATE SCHEMA IF NOT EXISTS drizzle');
  await client.query('CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
  for (const m of migrations) {
    for (const stmt of m.sql) if (stmt.trim()) await client.query(stmt);
    await client.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [m.hash, m.folderMillis]);
  }
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: Record<string, number>;
  rows: number;
}

const BATCH_ROWS = 1000;
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Restore `file` into the empty database at `url` (the owner's connection). Refused, with nothing
 * written, unless the database is empty (no table in schema public, no migration applied); on a damaged
 * or truncated archive everything is rolled back.
 */
export async function restoreBackup(url: string, file: string): Promise<RestoreSummary> {
  const client = new pg.Client({ connectionString: url, application_name: 'lantai-restore' });
  await client.connect();
  let lines: AsyncGenerator<string> | null = null;
  try {
    for (const s of SESSION) await client.query(s);
    lines = archiveLines(file);
    const first = await lines.next();
    if (first.done) throw new Error('备份文件是空的');
    const header = parseHeader(first.value);
    const hash = crypto.createHash('sha256').update(first.value + '\n');

    const tablesThere = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    // Any trace of a migration run (even an empty drizzle schema) counts as not empty.
    const migrated = await client.query(`SELECT to_regnamespace('drizzle') IS NOT NULL AS ok`);
    if (Number(tablesThere.rows[0]!.n) > 0 || migrated.rows[0].ok) {
      throw new Error('目标数据库不是空的：恢复只能写入一个新建的空数据库（或空的数据目录），不会覆盖已有数据。');
    }
    const migrations = migrationsAt(header.migrations);
    await client.query('BEGIN');
    await applyMigrations(client, migrations);
    const tables: Record<string, number> = {};
    let rows = 0;
    let table: string | null = null;
    let insert = '';
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pending.length) return;
      await client.query(insert, [`[${pending.join(',')}]`]);
      tables[table!] = (tables[table!] ?? 0) + pending.length;
      rows += pending.length;
      pending = [];
      pendingBytes = 0;
    };
    let trailer: { tables: Record<string, number>; rows: number; sha256: string } | null = null;
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const line = next.value;
      if (line.startsWith('[')) {
        if (!table) throw new Error('备份文件已损坏：数据行前没有表头');
        hash.update(line + '\n');
        pending.push(line);
        pendingBytes += line.length;
        if (pending.length >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) await flush();
        continue;
      }
      await flush();
      const rec = JSON.parse(line) as {
        table?: string;
        columns?: Column[];
        sequences?: SequenceValue[];
        end?: { tables: Record<string, number>; rows: number; sha256: string };
      };
      if (rec.end) {
        trailer = rec.end;
        break;
      }
      hash.update(line + '\n');
      if (rec.table && rec.columns) {
        table = rec.table;
        tables[table] = 0;
        insert = await insertFor(client, table, rec.columns);
        // The rows are history, loaded as they were: the tables' own triggers (the record's append-only
        // and forward-only heads) stay off until the end of this transaction, as with pg_restore
        // --disable-triggers; foreign keys (internal triggers) still hold. Needs the owner.
        await client.query(`ALTER TABLE ${qt(table)} DISABLE TRIGGER USER`);
      } else if (rec.sequences) {
        for (const s of rec.sequences) await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [qt(s.name), s.lastValue, s.isCalled]);
      } else throw new Error('备份文件已损坏：无法识别的行');
    }
    if (!trailer) throw new Error('备份文件不完整（缺少结尾校验行）：可能在写入时中断，未恢复任何数据。');
    const sha256 = hash.digest('hex');
    if (sha256 !== trailer.sha256) throw new Error('备份文件校验失败（SHA-256 不符）：文件已损坏或被改动，未恢复任何数据。');
    const wrong = Object.entries(trailer.tables).filter(([t, n]) => (tables[t] ?? 0) !== n);
    if (wrong.length || rows !== trailer.rows) throw new Error(`备份文件行数不符（${wrong.map(([t]) => t).join('、') || '合计'}）：未恢复任何数据。`);
    for (const t of Object.keys(tables)) await client.query(`ALTER TABLE ${qt(t)} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
    return { header, tables, rows };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await lines?.return?.(undefined);
    await client.end().catch(() => {});
  }
}

/** INSERT … SELECT each value cast from its text form by the target column's type. */
async function insertFor(client: pg.ClientBase, table: string, columns: Column[]): Promise<string> {
  const target = await columnsOf(client, table).catch(() => null);
  if (!target?.length) throw new Error(`备份中的表 ${table} 在恢复的数据库结构中不存在`);
  const byName = new Map(target.map((c) => [c.name, c]));
  const parts: { col: string; expr: string }[] = [];
  columns.forEach((c, i) => {
    const t = byName.get(c.name);
    if (!t) throw new Error(`备份中的列 ${table}.${c.name} 在恢复的数据库结构中不存在`);
    if (t.generated) return;
    parts.push({ col: q(c.name), expr: `(r->>${i})::${t.type}` });
  });
  return `INSERT INTO ${qt(table)} (${parts.map((p) => p.col).join(', ')}) OVERRIDING SYSTEM VALUE SELECT ${parts.map((p) => p.expr).join(', ')} FROM json_array_elements($1::json) AS r`;
}
