/**
 * `npm run backup [FILE | -- --out FILE | -- --out - | -- --dir DIR]`: a consistent backup of the database (every
 * table in one snapshot, uploaded files included: they are bytea rows) in the `lantai-backup` format
 * (scripts/backup-archive.ts). Default file: `backups/lantai-backup-<UTC time>.jsonl.gz` in the project folder, mode
 * 0600; a FILE or DIR given is relative to the folder the command is typed in.
 *
 * - DATABASE_URL set: that database, through that (the owner's) connection.
 * - Embedded (DATA_DIR): while the app runs, through the running PostgreSQL (its port in
 *   DATA_DIR/pg/postmaster.pid, the superuser's password in DATA_DIR/pg-password); the app keeps
 *   working. When the app is stopped, the script starts PostgreSQL on the data dir itself (holding the
 *   data-dir lock, so the app cannot start meanwhile) and stops it afterwards.
 *
 * Not in the file: DATA_DIR's secrets (pg-password and any key kept beside it); see README "Backup and restore".
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { acquireDataDirLock, isAlive, startEmbeddedPostgres } from '../src/kernel/db/embedded.js';
import { writeBackup, type BackupSummary } from './backup-archive.js';

const USAGE = '用法：npm run backup [<文件> | -- --out <文件> | -- --out - | -- --dir <目录>]';
let parsed: { values: { out?: string; dir?: string }; positionals: string[] };
try {
  parsed = parseArgs({ options: { out: { type: 'string' }, dir: { type: 'string' } }, allowPositionals: true });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (positionals.length > 1 || (positionals.length && values.out) || (values.dir && (values.out || positionals.length))) {
  console.error(USAGE);
  process.exit(2);
}

const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, 'Z')
  .replace(/:/g, '-');
// npm runs the script in the package's folder: a relative path means the one the operator typed it in.
const here = (p: string) => path.resolve(process.env.INIT_CWD ?? '.', p);
const named = values.out ?? positionals[0];
const out = named === '-' ? '-' : named ? here(named) : path.join(values.dir ? here(values.dir) : path.resolve('backups'), `lantai-backup-${stamp}.jsonl.gz`);
const toStdout = out === '-';
const say = (m: string) => (toStdout ? process.stderr : process.stdout).write(m + '\n');

/** The running embedded PostgreSQL of `dataDir` (the app's, or one left by a killed app), as the superuser. */
function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return null;
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://lantai:${encodeURIComponent(password)}@127.0.0.1:${port}/lantai`;
}

async function backupEmbedded(dataDir: string): Promise<BackupSummary> {
  if (!fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) throw new Error(`数据目录 ${dataDir} 中没有数据库：没有可以备份的内容。`);
  const running = runningEmbeddedUrl(dataDir);
  if (running) {
    say(`数据库正在运行（数据目录 ${dataDir}）：在线备份，应用照常工作。`);
    return writeBackup(running, toStdout ? process.stdout : out, { source: 'embedded' });
  }
  const release = acquireDataDirLock(dataDir);
  try {
    const server = await startEmbeddedPostgres(dataDir);
    try {
      return await writeBackup(server.url('lantai'), toStdout ? process.stdout : out, { source: 'embedded' });
    } finally {
      await server.stop();
    }
  } finally {
    release();
  }
}

try {
  const config = loadConfig();
  const t0 = Date.now();
  const r = config.databaseUrl
    ? await writeBackup(config.databaseUrl, toStdout ? process.stdout : out, { source: 'external' })
    : await backupEmbedded(config.dataDir);
  const size = toStdout ? '' : `，${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB`;
  say(`已备份：${toStdout ? '标准输出' : out}${size}，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
  say(`  ${Object.keys(r.tables).length} 张表，${r.rows} 行；迁移 ${r.header.migrations.at(-1)}；PostgreSQL ${r.header.server}；SHA-256 ${r.sha256}`);
  say('  不含：登录会话，以及数据目录中的密钥文件（见 README “Backup and restore”）。');
} catch (e) {
  console.error(`备份失败：${(e as Error).message}`);
  process.exit(1);
}
