/**
 * Signed checkpoints: the chain's head anchored outside the rows it covers. A daily job (at start and
 * every hour, at most one per org and Beijing day) and an on-demand request sign each org's head after
 * checking the chain since the previous checkpoint. Verification then checks every checkpoint's
 * signature and that the chain still holds its (seq, hash): a rewrite of the past, or a truncation
 * below a checkpoint, is found even when every row and the head were rewritten consistently.
 */
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { inTx, type Ctx } from '../context.js';
import type { DbOrTx } from '../db/index.js';
import { todayInChina } from '../calendar/store.js';
import { auditAlerts, auditCheckpoints } from '../schema.js';
import { GENESIS_HASH } from './hash.js';
import { checkpointKeyId } from './key.js';
import { checkpointSignatureValid, signCheckpoint, type CheckpointRecord } from './signature.js';
import { chainOrgs, walkChain, type BrokenEvent } from './verify.js';

export const CHECKPOINT_JOB_MS = 60 * 60_000;
export const DAILY_JOB = '每日任务';

export interface CheckpointRun {
  written: CheckpointRecord[];
  /** Orgs whose chain did not verify: nothing was signed for them. */
  refused: BrokenEvent[];
}

/**
 * Sign the head of each org (all, or `orgIds`) whose chain moved since its last checkpoint. `daily`
 * writes at most one per org and day. An org whose chain does not verify since its last checkpoint
 * gets none (it is reported in `refused`).
 */
export async function writeCheckpoints(ctx: Ctx, key: Buffer, opts: { daily: boolean; orgIds?: string[]; madeBy: string }): Promise<CheckpointRun> {
  const heads = await ctx.db.execute<{ org_id: string; seq: string; hash: string }>(
    opts.orgIds
      ? sql`SELECT org_id, seq, hash FROM audit_heads WHERE org_id IN (${sql.join(
          opts.orgIds.map((o) => sql`${o}`),
          sql`, `,
        )})`
      : sql`SELECT org_id, seq, hash FROM audit_heads`,
  );
  const run: CheckpointRun = { written: [], refused: [] };
  const withHead = new Set(heads.rows.map((h) => h.org_id));
  for (const orgId of await chainOrgs(ctx.db)) {
    if (withHead.has(orgId) || (opts.orgIds && !opts.orgIds.includes(orgId))) continue;
    run.refused.push({ orgId, seq: 0, reason: '链头记录（audit_heads）已被删除，不能签署检查点' });
  }
  const at = ctx.now();
  const day = todayInChina(at);
  for (const h of heads.rows) {
    const head = { seq: Number(h.seq), hash: h.hash };
    if (head.seq === 0) continue;
    const r = await inTx(ctx, async ({ db: tx }) => {
      // one writer per org at a time (the job and a request may meet)
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit_checkpoint:${h.org_id}`}, 0))`);
      const [last] = await tx.select().from(auditCheckpoints).where(eq(auditCheckpoints.orgId, h.org_id)).orderBy(desc(auditCheckpoints.seq)).limit(1);
      if (opts.daily && last?.day === day) return null;
      if (last && last.seq === head.seq && last.hash === head.hash) return null;
      const broken = await chainSinceCheckpoint(tx, key, h.org_id, head, last ? { ...last, at: new Date(last.at).toISOString() } : null);
      if (broken) return { broken, record: null };
      const c = { orgId: h.org_id, seq: head.seq, hash: head.hash, at: at.toISOString() };
      const record: CheckpointRecord = { ...c, day, keyId: checkpointKeyId(key), signature: signCheckpoint(key, c), madeBy: opts.madeBy };
      await tx.insert(auditCheckpoints).values(record).onConflictDoNothing();
      return { broken: null, record };
    });
    if (r?.broken) run.refused.push(r.broken);
    if (r?.record) run.written.push(r.record);
  }
  return run;
}

/** The chain from the org's latest checkpoint (or the genesis) up to `head`, checked; the first break or null. */
async function chainSinceCheckpoint(
  db: DbOrTx,
  key: Buffer,
  orgId: string,
  head: { seq: number; hash: string },
  last: CheckpointRecord | null,
): Promise<BrokenEvent | null> {
  const broken = (b: Omit<BrokenEvent, 'orgId'>): BrokenEvent => ({ orgId, ...b });
  let start: { seq: number; hash: string; id: number | null } = { seq: 0, hash: GENESIS_HASH, id: null };
  if (last) {
    if (!checkpointSignatureValid(key, last)) return broken({ seq: last.seq, reason: `${last.day} 签署的检查点（第 ${last.seq} 条）签名无效` });
    if (last.seq > head.seq)
      return broken({ seq: head.seq + 1, reason: `链头（第 ${head.seq} 条）落在 ${last.day} 的检查点（第 ${last.seq} 条）之前：链被截断或链头被移回` });
    const row = (await db.execute<{ id: string; hash: string }>(sql`SELECT id, hash FROM audit_events WHERE org_id = ${orgId} AND seq = ${last.seq}`)).rows[0];
    if (!row || row.hash !== last.hash) return broken({ seq: last.seq, reason: `第 ${last.seq} 条记录与 ${last.day} 签署的检查点不符` });
    start = { seq: last.seq, hash: last.hash, id: Number(row.id) };
  }
  const walk = await walkChain(db, orgId, start, [], head.seq);
  if (walk.broken) return broken(walk.broken);
  if (walk.lastSeq !== head.seq || walk.lastHash !== head.hash) return broken({ seq: walk.lastSeq + 1, reason: `链头（第 ${head.seq} 条）与链上的记录不符` });
  return null;
}

const toRecord = (r: typeof auditCheckpoints.$inferSelect): CheckpointRecord => ({
  orgId: r.orgId,
  day: r.day,
  seq: r.seq,
  hash: r.hash,
  at: new Date(r.at).toISOString(),
  keyId: r.keyId,
  signature: r.signature,
  madeBy: r.madeBy,
});

/** A page of the checkpoints of some orgs, newest first (id breaks ties), optionally between two days, with the total. */
export async function listCheckpoints(
  db: DbOrTx,
  q: { orgIds: string[]; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
): Promise<{ items: CheckpointRecord[]; total: number }> {
  if (!q.orgIds.length) return { items: [], total: 0 };
  const t = auditCheckpoints;
  const where: SQL[] = [inArray(t.orgId, q.orgIds)];
  if (q.from) where.push(gte(t.day, q.from));
  if (q.to) where.push(lte(t.day, q.to));
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(t).where(cond);
  const rows = await db.select().from(t).where(cond).orderBy(desc(t.at), desc(t.id)).limit(q.limit).offset(q.offset);
  return { items: rows.map(toRecord), total };
}

// ---- tamper alerts: writes refused because a chain was tampered with ----

export interface TamperAlert {
  orgId: string;
  at: string;
  kind: string;
  message: string;
  actorName: string | null;
  action: string | null;
}

/** Kept outside the refused transaction (it rolled back): the app's pool, after the error. */
export async function recordTamperAlert(db: DbOrTx, alert: TamperAlert): Promise<void> {
  await db.insert(auditAlerts).values(alert);
}

export async function listTamperAlerts(db: DbOrTx, orgIds: string[], limit = 20): Promise<TamperAlert[]> {
  if (!orgIds.length) return [];
  const rows = await db.select().from(auditAlerts).where(inArray(auditAlerts.orgId, orgIds)).orderBy(desc(auditAlerts.at), desc(auditAlerts.id)).limit(limit);
  return rows.map((r) => ({ orgId: r.orgId, at: new Date(r.at).toISOString(), kind: r.kind, message: r.message, actorName: r.actorName, action: r.action }));
}

// ---- the daily job ----

/** Runs the checkpoint job when the app is ready and then every `everyMs`; at most one checkpoint per org and day. Stops with the app. */
export function scheduleCheckpoints(app: FastifyInstance, key: Buffer, everyMs = CHECKPOINT_JOB_MS): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= writeCheckpoints({ db: app.db, actor: null, now: app.now }, key, { daily: true, madeBy: DAILY_JOB })
      .then(({ written, refused }) => {
        if (written.length) app.log.info(`audit: signed ${written.length} checkpoint(s)`);
        for (const b of refused) app.log.error(`audit: no checkpoint for org ${b.orgId}, its chain does not verify: ${b.reason}`);
      })
      .catch((err: unknown) => app.log.error({ err }, 'audit: checkpoint job failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(() => void run(), everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
