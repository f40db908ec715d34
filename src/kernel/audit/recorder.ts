/**
 * 全过程记录 (whole-process record): append one event per change, in the caller's transaction,
 * chained per org by SHA-256 (each event carries the previous event's hash). The org's head row is
 * locked while appending and only moves forward (a trigger refuses anything else); a head missing
 * while the org has events was deleted: the write is refused ({@link AuditTamperedError}).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { AppError } from '../http/errors.js';
import { GENESIS_HASH, eventHash } from './hash.js';

export interface AuditInput {
  orgId: string;
  action: string; // e.g. 'unit.create'
  entityType: string; // e.g. 'unit'
  entityId: string;
  before?: unknown;
  after?: unknown;
  /**
   * Who acted when no user is signed in, e.g. '申请人' on the portal (holding a tracking code); ignored
   * when the context has an actor. Default '系统'.
   */
  actorName?: string;
}

/**
 * A write refused because the org's chain head is gone while its events remain (deleted outside the
 * app): starting a new chain would hide the tampering. The app records it as a tamper alert.
 */
export class AuditTamperedError extends AppError {
  constructor(
    readonly orgId: string,
    readonly action: string,
    readonly events: number,
  ) {
    super(
      'unavailable.audit_tampered',
      `本机构全过程记录的链头已被删除（已有 ${events} 条记录），记录被篡改过；为保全证据暂停写入，请系统管理员核查数据库（npm run audit:verify）`,
    );
  }
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'password_hash', 'token']);

/** Drop secrets and normalise values so the stored JSON hashes the same when read back. */
export function auditSnapshot(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(auditSnapshot);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (SECRET_KEYS.has(k)) out[k] = x == null ? null : '[已隐去]';
      else if (x !== undefined) out[k] = auditSnapshot(x);
    }
    return out;
  }
  return v;
}

export async function recordEvent(ctx: Ctx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  return recordEvents(ctx, [input]);
}

/**
 * Append many events to one org's chain under one lock on its head (bulk imports), in multi-row
 * inserts. Returns the new head.
 */
export async function recordEvents(ctx: Ctx, inputs: AuditInput[]): Promise<{ seq: number; hash: string }> {
  const orgId = inputs[0]?.orgId;
  if (!orgId) throw new Error('recordEvents: no events');
  if (inputs.some((i) => i.orgId !== orgId)) throw new Error('recordEvents: all events must belong to one org');
  const { db } = ctx;
  const lockHead = async () =>
    (await db.execute<{ seq: string; hash: string }>(sql`SELECT seq, hash FROM audit_heads WHERE org_id = ${orgId} FOR UPDATE`)).rows[0];
  let head = await lockHead();
  if (!head) {
    // A new chain only for an org without events: a missing head over existing events was deleted.
    const last = await db.execute<{ seq: string }>(sql`SELECT seq FROM audit_events WHERE org_id = ${orgId} ORDER BY seq DESC LIMIT 1`);
    if (last.rows[0]) throw new AuditTamperedError(orgId, inputs[0]!.action, Number(last.rows[0].seq));
    await db.execute(sql`INSERT INTO audit_heads (org_id, seq, hash) VALUES (${orgId}, 0, ${GENESIS_HASH}) ON CONFLICT (org_id) DO NOTHING`);
    head = await lockHead();
  }
  let seq = Number(head!.seq);
  let prevHash = head!.hash;
  const at = ctx.now().toISOString();
  const actorId = ctx.actor?.userId ?? null;
  const userName = ctx.actor ? `${ctx.actor.displayName}（${ctx.actor.username}）` : null;
  const values: SQL[] = [];
  for (const input of inputs) {
    seq += 1;
    const actorName = userName ?? input.actorName ?? '系统';
    const fields = {
      orgId,
      seq,
      actorId,
      actorName,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: auditSnapshot(input.before),
      after: auditSnapshot(input.after),
      at,
      prevHash,
    };
    const hash = eventHash(fields);
    values.push(sql`(${orgId}, ${seq}, ${actorId}, ${actorName}, ${fields.action}, ${fields.entityType}, ${fields.entityId},
      ${JSON.stringify(fields.before)}::jsonb, ${JSON.stringify(fields.after)}::jsonb, ${at}, ${prevHash}, ${hash})`);
    prevHash = hash;
  }
  for (let i = 0; i < values.length; i += 500) {
    await db.execute(sql`
      INSERT INTO audit_events (org_id, seq, actor_id, actor_name, action, entity_type, entity_id, before, after, at, prev_hash, hash)
      VALUES ${sql.join(values.slice(i, i + 500), sql`, `)}`);
  }
  await db.execute(sql`UPDATE audit_heads SET seq = ${seq}, hash = ${prevHash} WHERE org_id = ${orgId}`);
  return { seq, hash: prevHash };
}
