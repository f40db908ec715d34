/**
 * Recompute every chain and check it against its head and its signed checkpoints; report it intact
 * or name the first break. Every org that has events, a head or a checkpoint is walked: an org whose
 * head was deleted is reported, never dropped.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { GENESIS_HASH, eventHash } from './hash.js';
import { checkpointKeyId } from './key.js';
import { checkpointSignatureValid, type CheckpointRecord } from './signature.js';

export interface BrokenEvent {
  orgId: string;
  seq: number;
  /** The row's id; for a missing row, its id when its neighbours pin it down (else the reason gives the range). */
  id?: number;
  reason: string;
  /** The record the broken event is about, when the event row exists. */
  entityType?: string;
  entityId?: string;
}
export interface VerifyResult {
  intact: boolean;
  orgs: number;
  events: number;
  /** Signed checkpoints checked: their signature, and that the chain still holds their (seq, hash). */
  checkpoints: number;
  firstBroken?: BrokenEvent;
}
export interface VerifyOptions {
  /** Only these orgs (an actor's org tree). */
  orgIds?: string[];
  /** Checkpoints kept outside the database (an export): each must still be in it, unchanged, and hold. */
  external?: CheckpointRecord[];
}

type Row = {
  id: string;
  org_id: string;
  seq: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  at: Date | string;
  prev_hash: string;
  hash: string;
};

const BATCH = 2000;
const short = (h: string) => `${h.slice(0, 12)}…`;

export async function verifyAudit(db: DbOrTx, key: Buffer, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const scope = opts.orgIds ? new Set(opts.orgIds) : null;
  const external = (opts.external ?? []).filter((c) => !scope || scope.has(c.orgId));
  const orgIds = [...new Set([...(await chainOrgs(db)), ...external.map((c) => c.orgId)])].filter((o) => !scope || scope.has(o)).sort();
  let events = 0;
  let checkpoints = 0;
  for (const orgId of orgIds) {
    const r = await verifyOrg(
      db,
      key,
      orgId,
      external.filter((c) => c.orgId === orgId),
    );
    events += r.events;
    checkpoints += r.checkpoints;
    if (r.broken) return { intact: false, orgs: orgIds.length, events, checkpoints, firstBroken: r.broken };
  }
  return { intact: true, orgs: orgIds.length, events, checkpoints };
}

/** Every org with events (a loose index scan over the primary key), a head or a checkpoint. */
export async function chainOrgs(db: DbOrTx): Promise<string[]> {
  const r = await db.execute<{ org_id: string }>(sql`
    WITH RECURSIVE o AS (
      (SELECT org_id FROM audit_events ORDER BY org_id LIMIT 1)
      UNION ALL
      SELECT (SELECT e.org_id FROM audit_events e WHERE e.org_id > o.org_id ORDER BY e.org_id LIMIT 1) FROM o WHERE o.org_id IS NOT NULL
    )
    SELECT org_id FROM o WHERE org_id IS NOT NULL
    UNION SELECT org_id FROM audit_heads
    UNION SELECT org_id FROM audit_checkpoints
    ORDER BY 1`);
  return r.rows.map((x) => x.org_id);
}

export async function storedCheckpoints(db: DbOrTx, orgId: string): Promise<CheckpointRecord[]> {
  const r = await db.execute<{ day: string; seq: string; hash: string; at: Date | string; key_id: string; signature: string; made_by: string }>(
    sql`SELECT day, seq, hash, at, key_id, signature, made_by FROM audit_checkpoints WHERE org_id = ${orgId} ORDER BY seq`,
  );
  return r.rows.map((c) => ({
    orgId,
    day: c.day,
    seq: Number(c.seq),
    hash: c.hash,
    at: new Date(c.at).toISOString(),
    keyId: c.key_id,
    signature: c.signature,
    madeBy: c.made_by,
  }));
}

function badSignature(key: Buffer, c: CheckpointRecord, where: string): string {
  const otherKey = c.keyId !== checkpointKeyId(key) ? `（签名密钥 ${c.keyId} 不是当前密钥 ${checkpointKeyId(key)}）` : '';
  return `${where}${c.day} 签署的检查点（第 ${c.seq} 条）签名无效${otherKey}：检查点被伪造或改动过`;
}

async function verifyOrg(
  db: DbOrTx,
  key: Buffer,
  orgId: string,
  external: CheckpointRecord[],
): Promise<{ events: number; checkpoints: number; broken?: BrokenEvent }> {
  const stored = await storedCheckpoints(db, orgId);
  const fail = (broken: Omit<BrokenEvent, 'orgId'>) => ({ events: 0, checkpoints: 0, broken: { orgId, ...broken } });
  for (const c of stored) if (!checkpointSignatureValid(key, c)) return fail({ seq: c.seq, reason: badSignature(key, c, '') });
  const merged = [...stored];
  const missingFromDb: CheckpointRecord[] = [];
  for (const x of external) {
    if (!checkpointSignatureValid(key, x)) return fail({ seq: x.seq, reason: badSignature(key, x, '导出件中') });
    const same = stored.find((c) => c.seq === x.seq);
    if (!same || same.hash !== x.hash || same.at !== x.at || same.signature !== x.signature) {
      missingFromDb.push(x);
      merged.push(x);
    }
  }
  merged.sort((a, b) => a.seq - b.seq);

  const walk = await walkChain(db, orgId, { seq: 0, hash: GENESIS_HASH, id: null }, merged);
  const done = (broken?: Omit<BrokenEvent, 'orgId'>) => ({
    events: walk.events,
    checkpoints: merged.length,
    ...(broken ? { broken: { orgId, ...broken } } : {}),
  });
  if (walk.broken) return done(walk.broken);
  const beyond = merged.find((c) => c.seq > walk.lastSeq);
  if (beyond) {
    return done({
      seq: walk.lastSeq + 1,
      reason: `链在第 ${walk.lastSeq} 条之后被截断：${beyond.day} 签署的检查点记有第 ${beyond.seq} 条（哈希 ${short(beyond.hash)}）${afterId(walk.lastId)}`,
    });
  }
  const headRow = (await db.execute<{ seq: string; hash: string }>(sql`SELECT seq, hash FROM audit_heads WHERE org_id = ${orgId}`)).rows[0];
  if (!headRow) {
    if (walk.lastSeq > 0) {
      return done({
        seq: walk.lastSeq,
        id: walk.lastId ?? undefined,
        reason: `链头记录（audit_heads）已被删除：本机构有 ${walk.lastSeq} 条记录却没有链头，记录被篡改过`,
      });
    }
  } else {
    const head = { seq: Number(headRow.seq), hash: headRow.hash };
    if (head.seq > walk.lastSeq) {
      return done({ seq: walk.lastSeq + 1, reason: `链尾记录缺失：链头为第 ${head.seq} 条，链上只有 ${walk.lastSeq} 条${afterId(walk.lastId)}` });
    }
    if (head.seq < walk.lastSeq) {
      const next = await eventAt(db, orgId, head.seq + 1);
      return done({ seq: head.seq + 1, ...next, reason: `链头被移回：链头为第 ${head.seq} 条，链上却有 ${walk.lastSeq} 条` });
    }
    if (head.hash !== walk.lastHash) {
      return done({ seq: head.seq, id: walk.lastId ?? undefined, reason: `链头的哈希与第 ${head.seq} 条记录不符` });
    }
  }
  const gone = missingFromDb[0];
  if (gone) {
    return done({ seq: gone.seq, reason: `数据库中 ${gone.day} 签署的检查点（第 ${gone.seq} 条）缺失或被改动：导出件中有，数据库中没有` });
  }
  return done();
}

const afterId = (lastId: number | null) => (lastId === null ? '' : `（缺失记录的 id 大于 ${lastId}）`);

async function eventAt(db: DbOrTx, orgId: string, seq: number): Promise<Pick<BrokenEvent, 'id' | 'entityType' | 'entityId'>> {
  const r = (
    await db.execute<{ id: string; entity_type: string; entity_id: string }>(
      sql`SELECT id, entity_type, entity_id FROM audit_events WHERE org_id = ${orgId} AND seq = ${seq}`,
    )
  ).rows[0];
  return r ? { id: Number(r.id), entityType: r.entity_type, entityId: r.entity_id } : {};
}

/**
 * The id a missing row had: one org's rows take ids in seq order, so when the ids between its two
 * neighbours are exactly as many as the missing rows, the row's id is known. Else undefined.
 */
export function missingRowId(prev: { seq: number; id: number } | null, next: { seq: number; id: number }, seq: number): number | undefined {
  if (!prev) return undefined;
  return next.id - prev.id === next.seq - prev.seq ? prev.id + (seq - prev.seq) : undefined;
}

export interface Walk {
  events: number;
  lastSeq: number;
  lastHash: string;
  lastId: number | null;
  broken?: Omit<BrokenEvent, 'orgId'>;
}

/**
 * Walk one org's chain from `start` (the genesis, or a checkpointed event) up to `until`: every seq
 * present, each event's hash recomputed and chained, and each checkpoint's (seq, hash) held.
 */
export async function walkChain(
  db: DbOrTx,
  orgId: string,
  start: { seq: number; hash: string; id: number | null },
  checkpoints: CheckpointRecord[],
  until?: number,
): Promise<Walk> {
  let expectSeq = start.seq + 1;
  let prevHash = start.hash;
  let prevId = start.id;
  let lastSeq = start.seq;
  let lastGood = start.seq; // the last seq a checkpoint confirmed
  let events = 0;
  let cp = 0;
  const result = (broken?: Walk['broken']): Walk => ({ events, lastSeq, lastHash: prevHash, lastId: prevId, ...(broken ? { broken } : {}) });
  for (;;) {
    const page = await db.execute<Row>(
      until === undefined
        ? sql`SELECT * FROM audit_events WHERE org_id = ${orgId} AND seq >= ${expectSeq} ORDER BY seq LIMIT ${BATCH}`
        : sql`SELECT * FROM audit_events WHERE org_id = ${orgId} AND seq >= ${expectSeq} AND seq <= ${until} ORDER BY seq LIMIT ${BATCH}`,
    );
    for (const r of page.rows) {
      const seq = Number(r.seq);
      const id = Number(r.id);
      const entity = { id, entityType: r.entity_type, entityId: r.entity_id };
      if (seq !== expectSeq) {
        const missing = missingRowId(prevId === null ? null : { seq: lastSeq, id: prevId }, { seq, id }, expectSeq);
        const which = missing !== undefined ? `id ${missing}` : prevId === null ? `原 id 小于 ${id}` : `原 id 在 ${prevId} 与 ${id} 之间`;
        const span = seq - expectSeq > 1 ? `第 ${expectSeq}–${seq - 1} 条` : `第 ${expectSeq} 条`;
        return result({
          seq: expectSeq,
          ...(missing !== undefined ? { id: missing } : {}),
          reason: `${span}记录缺失（${which}；链从第 ${expectSeq - 1} 条跳到第 ${seq} 条）`,
        });
      }
      if (r.prev_hash !== prevHash) return result({ seq, ...entity, reason: '前一哈希与上一条记录不符' });
      const recomputed = eventHash({
        orgId: r.org_id,
        seq,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        at: new Date(r.at).toISOString(),
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) return result({ seq, ...entity, reason: '记录内容与其哈希不符（已被改动）' });
      while (checkpoints[cp] && checkpoints[cp]!.seq < seq) cp++;
      for (; checkpoints[cp]?.seq === seq; cp++) {
        const c = checkpoints[cp]!;
        if (c.hash !== r.hash) {
          return result({
            seq,
            ...entity,
            reason: `第 ${seq} 条记录与 ${c.day} 签署的检查点不符（检查点哈希 ${short(c.hash)}，现为 ${short(r.hash)}）：第 ${lastGood + 1}–${seq} 条之间的记录被改写后重算了哈希`,
          });
        }
        lastGood = seq;
      }
      prevHash = r.hash;
      prevId = id;
      lastSeq = seq;
      expectSeq = seq + 1;
      events++;
    }
    if (page.rows.length < BATCH) break;
  }
  return result();
}
