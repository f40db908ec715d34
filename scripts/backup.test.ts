/**
 * Backup and restore (issue 11 §9), on the suite's PostgreSQL (embedded, or DATABASE_URL's server):
 * a database with the demo data, writes through the app, an uploaded photo and a signed checkpoint is
 * backed up by the real `npm run backup`, restored by `restoreBackup` and by the real `npm run restore`
 * into new, empty databases, and compared — every table's rows (sessions aside), each org's audit
 * head, the record's verification, the photo's bytes — and the restored install starts and writes.
 * A non-empty target is refused untouched; a damaged or truncated archive leaves the target empty.
 * Then the embedded path: restore into an empty DATA_DIR, start the app there, back it up online,
 * restore that into a second DATA_DIR and start it.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { verifyAudit } from '../src/kernel/audit/index.js';
import { CHECKPOINT_KEY_FILE } from '../src/kernel/audit/key.js';
import { openDatabase, withDatabaseName } from '../src/kernel/db/index.js';
import { openConfiguredDatabase, type OpenedDatabase } from '../src/kernel/db/open.js';
import { appRoleName } from '../src/kernel/db/roles.js';
import { Client, createTestEnv, ok, setupOrg, TEST_AUDIT_KEY, type TestEnv } from '../src/test/harness.js';
import { readBackupHeader, restoreBackup } from './backup-archive.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2025-03-03T02:00:00Z';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const KEY_TEXT = TEST_AUDIT_KEY.toString('utf8');

let env: TestEnv;
let tmp: string;
let archive: string;
let photoId: string;
const databases: string[] = [];
const roles: string[] = [];

/** A statement on the suite's server as its administrator. */
async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A new, empty database (CREATE DATABASE, nothing in it): its owner's URL. */
async function emptyDatabase(): Promise<{ url: string; name: string }> {
  const name = `lantai_t_${inject('pgRunId')}_bk_${crypto.randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  databases.push(name);
  return { url: withDatabaseName(inject('pgAdminUrl'), name), name };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Every table of schema public (sessions aside): its row count and a digest of its rows. */
async function snapshot(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname <> 'sessions' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const r = await c.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
      );
      out[name] = `${r.rows[0]!.n} ${r.rows[0]!.md5 ?? '-'}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

const counts = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).map(([t, v]) => [t, Number(v.split(' ')[0])]));

/**
 * Row counts after a restore and a start: every table as in the source, except that the started app may
 * have signed a checkpoint of its own (it signs one on start when the chain moved since the last).
 */
function expectRestored(actual: Record<string, number>, source: Record<string, number>): void {
  const { audit_checkpoints: checkpoints, ...rest } = actual;
  const { audit_checkpoints: sourceCheckpoints, ...sourceRest } = source;
  expect(rest).toEqual(sourceRest);
  expect(checkpoints).toBeGreaterThanOrEqual(sourceCheckpoints!);
}

const heads = (url: string) => query<{ org_id: string; seq: string; hash: string }>(url, 'SELECT org_id, seq::text, hash FROM audit_heads ORDER BY org_id');

/** Nothing at all: no table in public, no migration record. */
async function isEmpty(url: string): Promise<boolean> {
  const [r] = await query<{ tables: string; migrated: boolean }>(
    url,
    `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace) AS tables, to_regnamespace('drizzle') IS NOT NULL AS migrated`,
  );
  return Number(r!.tables) === 0 && !r!.migrated;
}

async function verified(url: string) {
  const database = openDatabase(url, 'external', 2);
  try {
    return await verifyAudit(database.db, TEST_AUDIT_KEY);
  } finally {
    await database.close();
  }
}

/** `npm run <args>` in the project folder with exactly these Lantai settings; its exit code and output. */
function npm(args: string[], settings: Record<string, string>): Promise<{ code: number; out: string }> {
  const childEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'APP_DATABASE_URL', 'AUDIT_CHECKPOINT_KEY', 'DATA_DIR']) delete childEnv[k];
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ...childEnv, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** What `npm start` does up to listening: open (owner migrates and grants, app role connects), build the app. */
async function start(settings: Record<string, string>): Promise<{ app: FastifyInstance; database: OpenedDatabase; close: () => Promise<void> }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...settings });
  const database = await openConfiguredDatabase(config);
  try {
    const app = await buildApp({
      db: database.db,
      config,
      database: { kind: database.kind, version: database.version },
      auditKey: database.auditKey,
      serveWeb: false,
      logger: false,
    });
    await app.ready();
    return {
      app,
      database,
      close: async () => {
        await app.close();
        await database.shutdown();
      },
    };
  } catch (e) {
    await database.shutdown();
    throw e;
  }
}

/** Sign in as the set-up admin, check the record over HTTP and write through the app (grants, sequences, chain all work). */
async function useRestoredApp(app: FastifyInstance, department: string): Promise<void> {
  const admin = new Client(app);
  ok(await admin.login('admin', 'Admin-Pass-2024'));
  expect(ok<{ intact: boolean }>(await admin.get('/api/audit/verify')).intact).toBe(true);
  ok(await admin.post('/api/departments', { name: department }));
  expect(ok<{ intact: boolean }>(await admin.get('/api/audit/verify')).intact).toBe(true);
  expect(ok<{ total: number }>(await admin.get('/api/inspections')).total).toBeGreaterThan(0);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-backup-test-'));
  env = await createTestEnv({ now: NOW });
  const { client: admin } = await setupOrg(env.app, { demo: true });
  for (const name of ['备份测试科', '恢复测试科']) ok(await admin.post('/api/departments', { name }));
  // An uploaded file: a photo on the on-site record of a new inspection (after its notice).
  const [unit] = await query<{ id: string }>(env.ownerUrl, `SELECT id FROM units ORDER BY name LIMIT 1`);
  const [plan] = await query<{ v: string }>(env.ownerUrl, `SELECT checklist_version_id AS v FROM inspection_plans LIMIT 1`);
  const inspectors = await query<{ id: string }>(env.ownerUrl, `SELECT id FROM inspectors ORDER BY name LIMIT 2`);
  const inspection = ok<{ id: string; items: { entryId: string }[] }>(
    await admin.post('/api/inspections', {
      unitId: unit!.id,
      inspectorIds: inspectors.map((i) => i.id),
      checklistVersionId: plan!.v,
      plannedDate: '2025-03-20',
      reason: '专项检查',
    }),
  );
  ok(await admin.post(`/api/inspections/${inspection.id}/notice`, {}));
  photoId = ok<{ id: string }>(
    await admin.upload(`/api/inspections/${inspection.id}/photos?entryId=${inspection.items[0]!.entryId}`, 'file', '库房.png', PNG, 'image/png'),
  ).id;
  // A signed checkpoint: the restore needs the key that signed it.
  ok(await admin.post('/api/audit/checkpoints'));
  await env.close();

  // The real command, on the owner's connection of that database.
  archive = path.join(tmp, 'source.jsonl.gz');
  const r = await npm(['backup', archive], { DATABASE_URL: env.ownerUrl, DATA_DIR: path.join(tmp, 'unused') });
  expect(r.code, r.out).toBe(0);
  expect(r.out).toMatch(/已备份：/);
}, 120_000);

afterAll(async () => {
  for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  for (const role of roles) await adminQuery(`DROP ROLE IF EXISTS "${role}"`).catch(() => {});
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run backup → restore into an empty database', () => {
  it('writes a gzip file, mode 0600, whose header names the migrations and the checkpoint key, without sessions', async () => {
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${archive}.part`)).toBe(false);
    const header = await readBackupHeader(archive);
    expect(header).toMatchObject({ format: 'lantai-backup', version: 1, source: 'external', skipped: ['sessions'] });
    expect(header.migrations.length).toBeGreaterThan(10);
    expect(header.checkpointKeys).toHaveLength(1);
    const text = gunzipSync(fs.readFileSync(archive)).toString('utf8');
    expect(text).not.toMatch(/"table":"sessions"/);
  });

  it('restoreBackup brings back every row of every table, each org audit head, an intact record and the photo bytes', async () => {
    const source = await snapshot(env.ownerUrl);
    const target = await emptyDatabase();
    const r = await restoreBackup(target.url, archive);
    expect(r.rows).toBeGreaterThan(1000);
    const restored = await snapshot(target.url);
    expect(counts(restored)).toEqual(counts(source));
    expect(restored).toEqual(source);
    expect(await heads(target.url)).toEqual(await heads(env.ownerUrl));
    const v = await verified(target.url);
    expect(v).toMatchObject({ intact: true, orgs: (await heads(env.ownerUrl)).length });
    expect(v.checkpoints).toBeGreaterThan(0);
    const [photo] = await query<{ data: Buffer; sha256: string }>(target.url, 'SELECT data, sha256 FROM inspection_files WHERE id = $1', [photoId]);
    expect(Buffer.compare(photo!.data, PNG)).toBe(0);
    expect(photo!.sha256).toBe(crypto.createHash('sha256').update(PNG).digest('hex'));
    // The sequences come back too: a new event appends after the restored head.
    const seq = (url: string) => query<{ v: string }>(url, 'SELECT last_value::text AS v FROM audit_events_id_seq');
    expect(await seq(target.url)).toEqual(await seq(env.ownerUrl));
  });

  it('npm run restore <file> (DATABASE_URL, key from AUDIT_CHECKPOINT_KEY) restores, and the install starts, signs in and writes', async () => {
    const source = await snapshot(env.ownerUrl);
    const target = await emptyDatabase();
    const dataDir = path.join(tmp, 'external-data');
    const settings = { DATABASE_URL: target.url, DATA_DIR: dataDir, AUDIT_CHECKPOINT_KEY: KEY_TEXT };
    const r = await npm(['restore', archive], settings);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(new RegExp(`全过程记录完整：${(await heads(env.ownerUrl)).length} 个机构`));
    expect(counts(await snapshot(target.url))).toEqual(counts(source));
    expect(await heads(target.url)).toEqual(await heads(env.ownerUrl));

    roles.push(appRoleName(target.name));
    const app = await start(settings);
    try {
      expect(app.database.appRole).toBe(appRoleName(target.name));
      await useRestoredApp(app.app, '恢复后新建科');
    } finally {
      await app.close();
    }
  });

  it('refuses a database that is not empty, and changes nothing in it', async () => {
    const before = await snapshot(env.ownerUrl);
    const headsBefore = await heads(env.ownerUrl);
    await expect(restoreBackup(env.ownerUrl, archive)).rejects.toThrow(/目标数据库不是空的/);
    const r = await npm(['restore', archive], { DATABASE_URL: env.ownerUrl, DATA_DIR: path.join(tmp, 'unused'), AUDIT_CHECKPOINT_KEY: KEY_TEXT });
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/恢复失败：目标数据库不是空的/);
    expect(await snapshot(env.ownerUrl)).toEqual(before);
    expect(await heads(env.ownerUrl)).toEqual(headsBefore);
    // Merely migrated (no rows) is not empty either.
    const migrated = await emptyDatabase();
    await query(migrated.url, 'CREATE SCHEMA drizzle');
    await expect(restoreBackup(migrated.url, archive)).rejects.toThrow(/目标数据库不是空的/);
  });

  it('a truncated, damaged or foreign archive restores nothing: the target stays empty', async () => {
    const lines = gunzipSync(fs.readFileSync(archive)).toString('utf8').split('\n');
    const variants: [string, Buffer, RegExp][] = [];
    // cut at a line: the trailer is missing
    variants.push(['no-trailer', gzipSync(lines.slice(0, Math.floor(lines.length * 0.9)).join('\n') + '\n'), /不完整/]);
    // one row changed: the SHA-256 does not match (a changed value that still loads)
    const i = lines.findIndex((l) => l.includes('备份测试科'));
    const changed = [...lines];
    changed[i] = changed[i]!.replace('备份测试科', '篡改测试科');
    variants.push(['changed-row', gzipSync(changed.join('\n')), /SHA-256/]);
    // one row dropped from the file (the trailer still counts it)
    const dropped = lines.filter((_, j) => j !== i);
    variants.push(['dropped-row', gzipSync(dropped.join('\n')), /SHA-256|行数不符/]);
    // the compressed file cut in the middle
    const raw = fs.readFileSync(archive);
    variants.push(['cut-gzip', raw.subarray(0, Math.floor(raw.length / 2)), /unexpected end of file|不完整/]);
    // not a backup at all
    variants.push(['foreign', gzipSync('{"hello":"world"}\n'), /不是兰台备份文件/]);
    variants.push(['not-gzip', Buffer.from('plain text\n'), /incorrect header check|不是兰台备份文件/]);
    for (const [name, bytes, message] of variants) {
      const file = path.join(tmp, `${name}.jsonl.gz`);
      fs.writeFileSync(file, bytes);
      const target = await emptyDatabase();
      await expect(restoreBackup(target.url, file), name).rejects.toThrow(message);
      expect(await isEmpty(target.url), name).toBe(true);
    }
    // The command says so and exits 1.
    const target = await emptyDatabase();
    const r = await npm(['restore', path.join(tmp, 'no-trailer.jsonl.gz')], {
      DATABASE_URL: target.url,
      DATA_DIR: path.join(tmp, 'unused'),
      AUDIT_CHECKPOINT_KEY: KEY_TEXT,
    });
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/恢复失败：备份文件不完整/);
    expect(await isEmpty(target.url)).toBe(true);
  });

  it('usage: no file is exit 2; a missing file is exit 1', async () => {
    expect((await npm(['restore'], { DATA_DIR: path.join(tmp, 'unused') })).code).toBe(2);
    const r = await npm(['restore', path.join(tmp, 'nope.jsonl.gz')], { DATA_DIR: path.join(tmp, 'unused') });
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/找不到备份文件/);
  });
});

describe('embedded: restore into an empty DATA_DIR, start, back up online, restore again', () => {
  it('round trips through two data dirs, with the checkpoint key copied beside them', async () => {
    const a = path.join(tmp, 'data-a');
    // Without the key that signed the checkpoints: refused before anything is written.
    const refused = await npm(['restore', archive], { DATA_DIR: a });
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toMatch(new RegExp(`${CHECKPOINT_KEY_FILE} 不存在`));
    expect(fs.existsSync(path.join(a, 'pg'))).toBe(false);

    // The operator copies the key into the new data dir, as the README says.
    fs.mkdirSync(a, { recursive: true });
    fs.writeFileSync(path.join(a, CHECKPOINT_KEY_FILE), KEY_TEXT + '\n', { mode: 0o600 });
    const restored = await npm(['restore', archive], { DATA_DIR: a });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(new RegExp(`全过程记录完整：${(await heads(env.ownerUrl)).length} 个机构`));

    // A second restore into the same (now full) data dir is refused, and it still starts.
    const again = await npm(['restore', archive], { DATA_DIR: a });
    expect(again.code, again.out).toBe(1);
    expect(again.out).toMatch(/已有数据库/);

    const source = counts(await snapshot(env.ownerUrl));
    const b = path.join(tmp, 'data-b');
    const second = path.join(tmp, 'embedded.jsonl.gz');
    let before: Record<string, number>;
    let headsBefore: unknown;
    const appA = await start({ DATA_DIR: a });
    try {
      expect(appA.database.kind).toBe('embedded');
      const superuser = `postgres://lantai:${encodeURIComponent(fs.readFileSync(path.join(a, 'pg-password'), 'utf8').trim())}@127.0.0.1:${await portOf(a)}/lantai`;
      expectRestored(counts(await snapshot(superuser)), source);
      await useRestoredApp(appA.app, '内置库新建科');
      before = counts(await snapshot(superuser));
      headsBefore = await heads(superuser);
      // Online: the app keeps running, the script goes through its PostgreSQL.
      const r = await npm(['backup', '--', '--out', second], { DATA_DIR: a });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/在线备份/);
    } finally {
      await appA.close();
    }
    expect((await readBackupHeader(second)).source).toBe('embedded');

    fs.mkdirSync(b, { recursive: true });
    fs.copyFileSync(path.join(a, CHECKPOINT_KEY_FILE), path.join(b, CHECKPOINT_KEY_FILE));
    const r = await npm(['restore', second], { DATA_DIR: b });
    expect(r.code, r.out).toBe(0);
    const appB = await start({ DATA_DIR: b });
    try {
      const superuser = `postgres://lantai:${encodeURIComponent(fs.readFileSync(path.join(b, 'pg-password'), 'utf8').trim())}@127.0.0.1:${await portOf(b)}/lantai`;
      expectRestored(counts(await snapshot(superuser)), before);
      expect(await heads(superuser)).toEqual(headsBefore);
      await useRestoredApp(appB.app, '第二次恢复后新建科');
    } finally {
      await appB.close();
    }
  }, 120_000);
});

/** The port of the embedded PostgreSQL running on `dataDir` (its postmaster.pid, line 4). */
async function portOf(dataDir: string): Promise<number> {
  return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
}
