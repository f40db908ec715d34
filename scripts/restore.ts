/**
 * `npm run restore <file> [-- --new-checkpoint-key]`: bring a `lantai-backup` file (npm run backup) back into an EMPTY
 * database — a new data dir (embedded: DATA_DIR/pg must not exist yet; a fresh PostgreSQL is created
 * there) or a new, empty database at DATABASE_URL (the owner's connection). Never overwrites data.
 *
 * Loads in one transaction (scripts/backup-archive.ts), then brings the schema up to this version's
 * migrations, seeds the calendar as every start does, and checks the whole-process record (verifyAudit).
 * The signed audit checkpoints in the backup need the key that signed them, which is not in the file:
 * copy the old DATA_DIR/audit-checkpoint.key into the new DATA_DIR (or set AUDIT_CHECKPOINT_KEY) first;
 * the restore refuses otherwise. `--new-checkpoint-key` restores anyway (the key is lost): the data
 * comes back, and the old checkpoints are reported as not verifiable.
 *
 * Exit 0 restored and intact; 1 refused or failed (nothing restored); 2 usage; 3 restored but the
 * record does not verify.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../src/config.js';
import { checkpointKeyId, loadCheckpointKey, verifyAudit } from '../src/kernel/audit/index.js';
import { CHECKPOINT_KEY_FILE } from '../src/kernel/audit/key.js';
import { acquireDataDirLock, startEmbeddedPostgres } from '../src/kernel/db/embedded.js';
import { openDatabase } from '../src/kernel/db/index.js';
import { ensureDatabase } from '../src/kernel/db/open.js';
import { prepareDatabase } from '../src/kernel/db/prepare.js';
import { readBackupHeader, restoreBackup, type RestoreSummary } from './backup-archive.js';

const USAGE = '用法：npm run restore <备份文件> [-- --new-checkpoint-key]（恢复到空的数据目录 DATA_DIR，或 DATABASE_URL 指向的空数据库）';
let args: { values: { 'new-checkpoint-key'?: boolean }; positionals: string[] };
try {
  args = parseArgs({ options: { 'new-checkpoint-key': { type: 'boolean', default: false } }, allowPositionals: true });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
// npm runs the script in the package's folder: a relative path means the one the operator typed it in.
const file = path.resolve(process.env.INIT_CWD ?? '.', args.positionals[0]!);
// `npm run restore <file> --new-checkpoint-key` (without `--`): npm keeps the flag for itself and passes it on as this variable.
const newCheckpointKey = !!args.values['new-checkpoint-key'] || process.env.npm_config_new_checkpoint_key === 'true';
const config = loadConfig();

/** The checkpoint key this install would use, without making one: AUDIT_CHECKPOINT_KEY, else DATA_DIR's file. */
function existingCheckpointKey(c: Config): Buffer | null {
  if (c.auditCheckpointKey) return Buffer.from(c.auditCheckpointKey, 'utf8');
  const f = path.join(c.dataDir, CHECKPOINT_KEY_FILE);
  const text = fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim() : '';
  return text ? Buffer.from(text, 'utf8') : null;
}

/** Refused before anything is written when the backup's checkpoints were signed with a key this install lacks. */
function checkKey(signedWith: string[]): void {
  if (!signedWith.length) return;
  const key = existingCheckpointKey(config);
  const id = key ? checkpointKeyId(key) : null;
  if (id && signedWith.includes(id)) return;
  const where = config.auditCheckpointKey ? 'AUDIT_CHECKPOINT_KEY' : path.join(config.dataDir, CHECKPOINT_KEY_FILE);
  const problem = id ? `${where} 是另一把密钥（${id}）` : `${where} 不存在`;
  if (newCheckpointKey) {
    console.log(`注意：备份中的全过程记录检查点由密钥 ${signedWith.join('、')} 签署，${problem}；按 --new-checkpoint-key 继续，这些检查点将无法校验。`);
    return;
  }
  throw new Error(
    `备份中的全过程记录检查点由密钥 ${signedWith.join('、')} 签署，而${problem}。` +
      `请先把原数据目录中的 ${CHECKPOINT_KEY_FILE} 复制到 ${config.dataDir}（或设置 AUDIT_CHECKPOINT_KEY），再恢复。` +
      '密钥确已丢失时，加 --new-checkpoint-key 恢复：数据照常恢复，已签署的检查点将无法校验。',
  );
}

/** After the load: this version's newer migrations and the calendar seed (what every start does), then the record's check. */
async function finish(url: string): Promise<{ intact: boolean; orgs: number; events: number; checkpoints: number; broken?: string }> {
  const database = openDatabase(url, 'external', 2);
  try {
    await prepareDatabase(database.db);
    const v = await verifyAudit(database.db, loadCheckpointKey(config));
    const b = v.firstBroken;
    return {
      intact: v.intact,
      orgs: v.orgs,
      events: v.events,
      checkpoints: v.checkpoints,
      ...(b ? { broken: `机构 ${b.orgId} 第 ${b.seq} 条：${b.reason}` } : {}),
    };
  } finally {
    await database.close();
  }
}

async function restoreEmbedded(dataDir: string): Promise<{ r: RestoreSummary; check: Awaited<ReturnType<typeof finish>> }> {
  const pgDir = path.join(dataDir, 'pg');
  if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length) {
    throw new Error(`数据目录 ${dataDir} 中已有数据库（${pgDir}）：恢复只写入空的数据目录。请另设 DATA_DIR，或先把现有目录移走。`);
  }
  const hadPassword = fs.existsSync(path.join(dataDir, 'pg-password'));
  const release = acquireDataDirLock(dataDir);
  let ok = false;
  try {
    const server = await startEmbeddedPostgres(dataDir);
    try {
      await ensureDatabase(server.url('postgres'), 'lantai');
      const r = await restoreBackup(server.url('lantai'), file);
      const check = await finish(server.url('lantai'));
      ok = true;
      return { r, check };
    } finally {
      await server.stop();
    }
  } finally {
    // A failed restore leaves the data dir as it found it (empty), so it can simply be run again.
    if (!ok) {
      fs.rmSync(pgDir, { recursive: true, force: true });
      if (!hadPassword) fs.rmSync(path.join(dataDir, 'pg-password'), { force: true });
    }
    release();
  }
}

try {
  if (!fs.existsSync(file)) throw new Error(`找不到备份文件 ${file}`);
  const header = await readBackupHeader(file);
  console.log(
    `备份文件：${file}（${header.createdAt}，兰台 ${header.app}，PostgreSQL ${header.server}，${header.source === 'embedded' ? '内置数据库' : '外部数据库'}，迁移 ${header.migrations.at(-1)}）`,
  );
  checkKey(header.checkpointKeys ?? []);
  const t0 = Date.now();
  let r: RestoreSummary;
  let check: Awaited<ReturnType<typeof finish>>;
  if (config.databaseUrl) {
    r = await restoreBackup(config.databaseUrl, file);
    check = await finish(config.databaseUrl);
  } else {
    ({ r, check } = await restoreEmbedded(config.dataDir));
  }
  console.log(
    `已恢复到${config.databaseUrl ? ' DATABASE_URL 指向的数据库' : `数据目录 ${config.dataDir}`}：${Object.keys(r.tables).length} 张表，${r.rows} 行，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`,
  );
  console.log('  登录会话不在备份中：所有用户需重新登录。数据目录中的密钥文件不在备份中（见 README “Backup and restore”）。');
  if (!check.intact) {
    console.log(`全过程记录校验未通过：${check.broken}`);
    process.exit(3);
  }
  console.log(`全过程记录完整：${check.orgs} 个机构，${check.events} 条记录，${check.checkpoints} 个检查点，哈希链和签名校验通过。`);
} catch (e) {
  console.error(`恢复失败：${(e as Error).message}`);
  process.exit(1);
}
