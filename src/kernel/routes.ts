/** Kernel HTTP surface: health, sign-in, the whole-process record, settings. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordEvent, verifyAudit } from './audit/index.js';
import { auditEvents, orgs, settings, users } from './schema.js';
import { changeOwnPassword, login, logout } from './auth/login.js';
import { SESSION_COOKIE } from './auth/sessions.js';
import { hasAction } from './auth/policy.js';
import { ACTIONS, ROLE_LABELS, type Action } from './auth/roles.js';
import { authed, ctxOf, signedIn } from './http/context.js';
import { inTx } from './context.js';
import { notFound } from './http/errors.js';
import { SETTING_DEFAULTS, SETTING_LABELS, SETTING_SCHEMAS, getAllSettings, type SettingKey } from './settings.js';
import { readableOrg } from './tenancy/index.js';
import { calendarRoutes } from './calendar/routes.js';

const TIMELINE_ACTION: Record<string, Action> = {
  unit: 'unit.read',
  inspector: 'inspector.read',
  inspectorConflict: 'inspector.read',
  user: 'user.read',
  org: 'org.read',
  department: 'org.read',
  calendarYear: 'calendar.read',
  inspectionItem: 'inspection.read',
  checklist: 'inspection.read',
  checklistVersion: 'inspection.read',
  inspectionPlan: 'inspection.read',
  inspectionDraw: 'inspection.read',
  evaluation: 'inspection.read',
  inspection: 'inspection.read',
  disclosureApplication: 'disclosure.read',
  disclosureLetter: 'disclosure.read',
  disclosureRegisterEntry: 'disclosure.read',
  disclosureAnnualReport: 'disclosure.read',
  dispute: 'dispute.read',
  enforcementReferral: 'enforcement.read',
};

export const kernelRoutes: FastifyPluginAsyncZod<{ database: { kind: 'embedded' | 'external'; version: string } }> = async (app, opts) => {
  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await app.db.execute('SELECT 1');
    return { status: 'ok', database: opts.database };
  });

  // ---- sign-in ----
  app.get('/api/auth/csrf', { schema: { tags: ['登录'], summary: '取得 CSRF 令牌（写操作放入 x-csrf-token 请求头）' } }, async (_req, reply) => {
    return { token: reply.generateCsrf() };
  });

  const Credentials = z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(200) });
  app.post(
    '/api/auth/login',
    { schema: { tags: ['登录'], summary: '登录', body: Credentials }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const res = await login(ctxOf(req), req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      if (!res.ok) throw res.error;
      reply.setCookie(SESSION_COOKIE, res.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.initialConfig.https ? true : undefined });
      return { ok: true };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['登录'], summary: '退出' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(ctxOf(req), token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['登录'], summary: '当前用户、机构与可用功能' } }, async (req) => {
    const actor = signedIn(req);
    const [org] = await app.db.select({ id: orgs.id, name: orgs.name, level: orgs.level, parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, actor.orgId));
    const [u] = await app.db.select({ mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, actor.userId));
    return {
      user: {
        id: actor.userId,
        username: actor.username,
        displayName: actor.displayName,
        roles: actor.roles,
        roleLabels: actor.roles.map((r) => ROLE_LABELS[r]),
        unitId: actor.unitId,
        mustChangePassword: u?.mustChangePassword ?? false,
      },
      org,
      actions: ACTIONS.filter((a: Action) => hasAction(actor, a)),
    };
  });

  app.post(
    '/api/auth/password',
    { schema: { tags: ['登录'], summary: '修改本人密码', body: z.object({ current: z.string().min(1, '请输入当前密码'), next: z.string().min(1, '请输入新密码') }) } },
    async (req) => {
      const actor = signedIn(req);
      await changeOwnPassword({ ...ctxOf(req), actor }, req.body);
      return { ok: true };
    },
  );

  // ---- whole-process record (全过程记录) ----
  app.get('/api/audit/verify', { schema: { tags: ['全过程记录'], summary: '校验哈希链（本机构及下级）' } }, async (req) => {
    const ctx = authed(req, 'audit.read');
    const ids = await ctx.db.execute<{ id: string }>(sql`SELECT id FROM orgs WHERE path LIKE ${ctx.actor.orgPath + '%'}`);
    return verifyAudit(ctx.db, ids.rows.map((r) => r.id));
  });

  app.get(
    '/api/audit/timeline',
    {
      schema: {
        tags: ['全过程记录'],
        summary: '某条记录的时间线',
        querystring: z.object({ entityType: z.string().min(1).max(40), entityId: z.string().min(1).max(80), orgId: z.uuid().optional() }),
      },
    },
    async (req) => {
      // Whoever may read a kind of record may read its timeline; anything else needs audit.read.
      const action = TIMELINE_ACTION[req.query.entityType] ?? 'audit.read';
      const actor = signedIn(req);
      const ctx = { ...ctxOf(req), actor };
      if (!hasAction(actor, action) && !hasAction(actor, 'audit.read')) throw notFound();
      const org = await readableOrg(ctx, req.query.orgId);
      const rows = await app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.entityType, req.query.entityType), eq(auditEvents.entityId, req.query.entityId)))
        .orderBy(asc(auditEvents.seq));
      if (rows.length === 0) throw notFound();
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          at: new Date(r.at).toISOString(),
          actorName: r.actorName,
          action: r.action,
          before: r.before,
          after: r.after,
          hash: r.hash,
          prevHash: r.prevHash,
        })),
      };
    },
  );

  // ---- settings ----
  app.get('/api/settings', { schema: { tags: ['设置'], summary: '本机构设置' } }, async (req) => {
    const ctx = authed(req, 'settings.manage');
    const values = await getAllSettings(ctx.db, ctx.actor.orgId);
    return {
      items: (Object.keys(SETTING_DEFAULTS) as SettingKey[]).map((key) => ({ key, label: SETTING_LABELS[key], value: values[key], default: SETTING_DEFAULTS[key] })),
    };
  });

  const SettingsPatch = z
    .object(Object.fromEntries(Object.entries(SETTING_SCHEMAS).map(([k, s]) => [k, s.optional()])) as { [K in SettingKey]: z.ZodOptional<(typeof SETTING_SCHEMAS)[K]> })
    .strict();
  app.put('/api/settings', { schema: { tags: ['设置'], summary: '修改本机构设置', body: SettingsPatch } }, async (req) => {
    const ctx = authed(req, 'settings.manage');
    await inTx(ctx, async (tx) => {
      const before = await getAllSettings(tx.db, ctx.actor.orgId);
      for (const [key, value] of Object.entries(req.body)) {
        if (value === undefined) continue;
        await tx.db
          .insert(settings)
          .values({ orgId: ctx.actor.orgId, key, value, updatedAt: tx.now() })
          .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value, updatedAt: tx.now() } });
      }
      await recordEvent(tx, { orgId: ctx.actor.orgId, action: 'settings.update', entityType: 'settings', entityId: ctx.actor.orgId, before, after: await getAllSettings(tx.db, ctx.actor.orgId) });
    });
    return { ok: true };
  });

  await app.register(calendarRoutes);
};
