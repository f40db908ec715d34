/**
 * The key of the signed checkpoints, kept outside the database: env AUDIT_CHECKPOINT_KEY (an
 * external setup keeps it in its secret store), else DATA_DIR/audit-checkpoint.key, generated once.
 * Its text is the HMAC key, so anyone holding it can check an export with `openssl dgst -hmac`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readOrCreateSecret } from '../db/roles.js';

export const CHECKPOINT_KEY_FILE = 'audit-checkpoint.key';

export function loadCheckpointKey(opts: { dataDir: string; auditCheckpointKey?: string }, log: (m: string) => void = () => {}): Buffer {
  if (opts.auditCheckpointKey) return Buffer.from(opts.auditCheckpointKey, 'utf8');
  const file = path.join(opts.dataDir, CHECKPOINT_KEY_FILE);
  const existed = fs.existsSync(file);
  const key = readOrCreateSecret(file);
  if (!existed) log(`generated the audit checkpoint key ${file}: keep a copy away from this machine (see README, "Whole-process record")`);
  return Buffer.from(key, 'utf8');
}

/** A short public fingerprint of a key: says which key signed a checkpoint without revealing it. */
export function checkpointKeyId(key: Buffer): string {
  return crypto.createHash('sha256').update('lantai-audit-checkpoint-key-id|').update(key).digest('hex').slice(0, 16);
}
