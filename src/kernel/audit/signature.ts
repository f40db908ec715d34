/**
 * A signed checkpoint: an org's chain head (seq, hash) at a moment, under HMAC-SHA256 with a key kept
 * outside the database. The signed text is `lantai-audit-checkpoint-v1|<orgId>|<seq>|<hash>|<at>`, so
 * whoever holds the key can check an export without this code:
 *   printf '%s' 'lantai-audit-checkpoint-v1|…' | openssl dgst -sha256 -hmac "$(cat audit-checkpoint.key)"
 */
import crypto from 'node:crypto';

export const CHECKPOINT_FORMAT = 'lantai-audit-checkpoint-v1' as const;

export interface CheckpointRecord {
  orgId: string;
  /** The Beijing date it was made. */
  day: string;
  seq: number;
  hash: string;
  /** ISO 8601 with milliseconds. */
  at: string;
  keyId: string;
  signature: string;
  madeBy: string;
}

export function checkpointMessage(c: Pick<CheckpointRecord, 'orgId' | 'seq' | 'hash' | 'at'>): string {
  return `${CHECKPOINT_FORMAT}|${c.orgId}|${c.seq}|${c.hash}|${c.at}`;
}

export function signCheckpoint(key: Buffer, c: Pick<CheckpointRecord, 'orgId' | 'seq' | 'hash' | 'at'>): string {
  return crypto.createHmac('sha256', key).update(checkpointMessage(c)).digest('hex');
}

export function checkpointSignatureValid(key: Buffer, c: Pick<CheckpointRecord, 'orgId' | 'seq' | 'hash' | 'at' | 'signature'>): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(c.signature) ? c.signature : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
