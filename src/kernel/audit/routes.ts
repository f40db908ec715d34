/**
 * The record's checks over HTTP: verify the chains, export and sign checkpoints; the daily checkpoint
 * job; and the tamper alert of a write refused because a chain's head was deleted.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../context.js';
import { authed } from '../http/context.js';
import { conflict } from '../http/errors.js';
import { limitOffset } from '../http/responses.js';
import { readableOrg } from '../tenancy/index.js';
import { AuditVerifyResponse, CheckpointQuery, CheckpointsResponse, CheckpointWriteResponse } from './contracts.js';
import { listCheckpoints, listTamperAlerts, recordTamperAlert, scheduleCheckpoints, writeCheckpoints } from './checkpoints.service.js';
import { checkpointKeyId } from './key.js';
import { AuditTamperedError } from './recorder.js';
import { CHECKPOINT_FORMAT } from './signature.js';
import { verifyAudit } from './verify.js';

/** The actor's org and every org below it. */
async function orgTree(ctx: Ctx & { actor: Actor }): Promise<string[]> {
  const r = await ctx.db.execute<{ id: string }>(sql`SELECT id FROM orgs WHERE path LIKE ${ctx.actor.orgPath + '%'}`);
  return r.rows.map((x) => x.id);
}

const auditRoutes: FastifyPluginAsyncZod<{ key: Buffer }> = async (app, { key }) => {
  app.get(
    '/api/audit/verify',
    { schema: { tags: ['全过程记录'], summary: '校验哈希链、链头与签名检查点（本机构及下级）', response: { 200: AuditVerifyResponse } } },
    async (req) => {
      const ctx = authed(req, 'audit.read');
      const orgIds = await orgTree(ctx);
      return { ...(await verifyAudit(ctx.db, key, { orgIds })), alerts: await listTamperAlerts(ctx.db, orgIds) };
    },
  );

  app.get(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['全过程记录'],
        summary: '导出签名检查点（本机构及下级，或 orgId 指定的一个；含签名；分页，最新在前，完整导出请逐页读取）',
        querystring: CheckpointQuery,
        response: { 200: CheckpointsResponse },
      },
    },
    async (req) => {
      const ctx = authed(req, 'audit.read');
      const q = req.query;
      const orgIds = q.orgId ? [(await readableOrg(ctx, q.orgId)).id] : await orgTree(ctx);
      const page = await listCheckpoints(ctx.db, { orgIds, from: q.from, to: q.to, ...limitOffset(q) });
      return {
        format: CHECKPOINT_FORMAT,
        algorithm: 'HMAC-SHA256' as const,
        message: `${CHECKPOINT_FORMAT}|<orgId>|<seq>|<hash>|<at>`,
        keyId: checkpointKeyId(key),
        ...page,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.post(
    '/api/audit/checkpoints',
    { schema: { tags: ['全过程记录'], summary: '立即为本机构的链头签署检查点', response: { 200: CheckpointWriteResponse } } },
    async (req) => {
      const ctx = authed(req, 'audit.read');
      const run = await writeCheckpoints(ctx, key, { daily: false, orgIds: [ctx.actor.orgId], madeBy: `${ctx.actor.displayName}（${ctx.actor.username}）` });
      const refused = run.refused[0];
      if (refused) throw conflict(`全过程记录校验未通过，不能签署检查点：第 ${refused.seq} 条，${refused.reason}`);
      return { written: run.written };
    },
  );
};

/**
 * Registered before every other route (its hook covers them all): the routes above, the daily
 * checkpoint job, and the tamper alert of a refused write, kept once the refused transaction has
 * rolled back.
 */
export const auditPlugin = fp(async (app: FastifyInstance, opts: { key: Buffer }) => {
  app.addHook('onError', async (req, _reply, err) => {
    if (!(err instanceof AuditTamperedError)) return;
    const actor = req.actor;
    await recordTamperAlert(app.db, {
      orgId: err.orgId,
      at: app.now().toISOString(),
      kind: 'head_missing',
      message: err.message,
      actorName: actor ? `${actor.displayName}（${actor.username}）` : null,
      action: err.action,
    }).catch((e: unknown) => req.log.error({ err: e }, 'audit: could not record the tamper alert'));
  });
  scheduleCheckpoints(app, opts.key);
  await app.register(auditRoutes, opts);
});
