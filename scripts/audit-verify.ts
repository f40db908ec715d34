/**
 * `npm run audit:verify [-- --checkpoints <export.json>]`: recompute every org's hash chain, check
 * it against its head and its signed checkpoints; exit 1 and name the first break.
 *
 * `--checkpoints` adds checkpoints kept outside the database (the file of 全过程记录 → 导出, every page of GET /api/audit/checkpoints in one,
 * saved earlier): each must still be in the database, unchanged, and hold — so deleting checkpoint
 * rows does not hide a rewrite either.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAudit, type CheckpointRecord } from '../src/kernel/audit/index.js';
import { withDatabase } from './db.js';

const args = parseArgs({ options: { checkpoints: { type: 'string' } } });

function readExport(file: string): CheckpointRecord[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; items?: CheckpointRecord[] };
  if (json.format !== 'lantai-audit-checkpoint-v1' || !Array.isArray(json.items)) {
    throw new Error(`${file} 不是导出的检查点文件（GET /api/audit/checkpoints 的 JSON）`);
  }
  return json.items;
}

try {
  const external = args.values.checkpoints ? readExport(args.values.checkpoints) : [];
  const r = await withDatabase((db) => verifyAudit(db.db, db.auditKey, { external }));
  const cps = `${r.checkpoints} 个签名检查点${external.length ? `（其中导出件 ${external.length} 个）` : ''}`;
  if (r.intact) {
    console.log(`全过程记录完整：${r.orgs} 个机构，${r.events} 条记录，${cps}，哈希链、链头与检查点校验通过。`);
  } else {
    const b = r.firstBroken!;
    console.log(`全过程记录已被改动：机构 ${b.orgId} 第 ${b.seq} 条${b.id === undefined ? '' : `（id ${b.id}）`}：${b.reason}`);
    process.exit(1);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
