/** Recompute every chain and report it intact or name the first broken event. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { GENESIS_HASH, eventHash } from './hash.js';

export interface BrokenEvent {
  orgId: string;
  seq: number;
  id: number;
  reason: string;
  /** The record the broken event is about, when the event row exists. */
  entityType?: string;
  entityId?: string;
}
export interface VerifyResult {
  intact: boolean;
  orgs: number;
  events: number;
  firstBroken?: BrokenEvent;
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

export async function verifyAudit(db: DbOrTx, orgIds?: string[]): Promise<VerifyResult> {
  const heads = await db.execute<{ org_id: string; seq: string; hash: string }>(
    orgIds
      ? sql`SELECT org_id, seq, hash FROM audit_heads WHERE org_id IN (${sql.join(orgIds.map((o) => sql`${o}`), sql`, `)}) ORDER BY org_id`
      : sql`SELECT org_id, seq, hash FROM audit_heads ORDER BY org_id`,
  );
  let events = 0;
  for (const head of heads.rows) {
    let prevHash = GENESIS_HASH;
    let expectSeq = 1;
    let lastSeq = 0;
    for (;;) {
      const page = await db.execute<Row>(
        sql`SELECT * FROM audit_events WHERE org_id = ${head.org_id} AND seq >= ${expectSeq} ORDER BY seq LIMIT ${BATCH}`,
      );
      for (const r of page.rows) {
        const seq = Number(r.seq);
        const broken = (reason: string): VerifyResult => ({
          intact: false,
          orgs: heads.rows.length,
          events,
          firstBroken: { orgId: r.org_id, seq, id: Number(r.id), reason, entityType: r.entity_type, entityId: r.entity_id },
        });
        if (seq !== expectSeq) {
          return {
            intact: false,
            orgs: heads.rows.length,
            events,
            firstBroken: { orgId: r.org_id, seq: expectSeq, id: Number(r.id), reason: `第 ${expectSeq} 条记录缺失（链从 ${expectSeq - 1} 跳到 ${seq}）` },
          };
        }
        if (r.prev_hash !== prevHash) return broken('前一哈希与上一条记录不符');
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
        if (recomputed !== r.hash) return broken('记录内容与其哈希不符（已被改动）');
        prevHash = r.hash;
        lastSeq = seq;
        expectSeq = seq + 1;
        events++;
      }
      if (page.rows.length < BATCH) break;
    }
    if (lastSeq !== Number(head.seq) || prevHash !== head.hash) {
      return {
        intact: false,
        orgs: heads.rows.length,
        events,
        firstBroken: { orgId: head.org_id, seq: lastSeq + 1, id: 0, reason: `链尾记录缺失：应有 ${head.seq} 条，实有 ${lastSeq} 条` },
      };
    }
  }
  return { intact: true, orgs: heads.rows.length, events };
}
