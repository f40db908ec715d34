/** Kernel HTTP surface: health, sign-in, the whole-process record, settings. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import {
  Credentials,
  CsrfResponse,
  HealthDetailsResponse,
  HealthResponse,
  MeResponse,
  PasswordChange,
  SettingsResponse,
  TimelineQuery,
  TimelineResponse,
} from './contracts.js';
import { Ok } from './http/responses.js';
import type { OrgLevel } from './tenancy/labels.js';
import { recordEvent } from './audit/index.js';
import { timelinePage } from './audit/timeline.service.js';
import { orgs, settings, users } from './schema.js';
import { changeOwnPassword, login, logout } from './auth/login.js';
import { SESSION_COOKIE, csrfBinding } from './auth/sessions.js';
import { hasAction } from './auth/policy.js';
import { ROLE_LABELS } from './auth/labels.js';
import { allActions, type Action } from './auth/roles.js';
import { authed, ctxOf, signedIn } from './http/context.js';
import { inTx } from './context.js';
import { notFound } from './http/errors.js';
import { getAllSettings, invalidateSettings, settingDefs } from './settings.js';
import { readableOrg } from './tenancy/index.js';
import { calendarRoutes } from './calendar/routes.js';
import { figureRoutes } from './figures/routes.js';
import { calendarHooks, timelineAction } from './module.js';

export const kernelRoutes: FastifyPluginAsyncZod<{ database: { kind: 'embedded' | 'external'; version: string }; cookieSecure: boolean }> = async (
  app,
  opts,
) => {
  // The public learns only that the app and its database answer; versions need a session.
  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查（公开：仅运行状态）', response: { 200: HealthResponse } } }, async () => {
    await app.db.execute('SELECT 1');
    return { status: 'ok' as const };
  });
  app.get(
    '/api/health/details',
    { schema: { tags: ['系统'], summary: '运行状态与数据库版本（须登录）', response: { 200: HealthDetailsResponse } } },
    async (req) => {
      signedIn(req);
      await app.db.execute('SELECT 1');
      return { status: 'ok' as const, database: opts.database, node: process.version };
    },
  );

  // ---- sign-in ----
  app.get(
    '/api/auth/csrf',
    { schema: { tags: ['登录'], summary: '取得 CSRF 令牌（写操作放入 x-csrf-token 请求头）', response: { 200: CsrfResponse } } },
    async (req, reply) => {
      // bound to the session cookie the browser sends now (app.ts `getUserInfo`): a new one after signing in or out
      return { token: reply.generateCsrf({ userInfo: csrfBinding(req.cookies) }) };
    },
  );

  app.post(
    '/api/auth/login',
    { schema: { tags: ['登录'], summary: '登录', body: Credentials, response: { 200: Ok } }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const res = await login(ctxOf(req), req.body, { ip: req.ip, userAgent: req.headers['user-agent'], replacesToken: req.cookies[SESSION_COOKIE] });
      if (!res.ok) throw res.error;
      reply.setCookie(SESSION_COOKIE, res.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.cookieSecure });
      return { ok: true as const };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['登录'], summary: '退出', response: { 200: Ok } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(ctxOf(req), token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags: ['登录'], summary: '当前用户、机构与可用功能', response: { 200: MeResponse } } }, async (req) => {
    const actor = signedIn(req);
    const [org] = await app.db.select({ id: orgs.id, name: orgs.name, level: orgs.level, parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, actor.orgId));
    if (!org) throw notFound('机构');
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
      org: { ...org, level: org.level as OrgLevel },
      actions: allActions().filter((a: Action) => hasAction(actor, a)),
    };
  });

  app.post('/api/auth/password', { schema: { tags: ['登录'], summary: '修改本人密码', body: PasswordChange, response: { 200: Ok } } }, async (req) => {
    const actor = signedIn(req);
    await changeOwnPassword({ ...ctxOf(req), actor }, req.body, req.sessionId!);
    return { ok: true as const };
  });

  // ---- whole-process record (全过程记录) ----
  // verification and signed checkpoints: audit/routes.ts
  app.get(
    '/api/audit/timeline',
    {
      schema: {
        tags: ['全过程记录'],
        summary: '某条记录的时间线（分页，默认每页 50 条；order=desc 最新的在前）',
        querystring: TimelineQuery,
        response: { 200: TimelineResponse },
      },
    },
    async (req) => {
      // Whoever may read a kind of record may read its timeline; anything else needs audit.read.
      const action = timelineAction(req.query.entityType) ?? 'audit.read';
      const actor = signedIn(req);
      const ctx = { ...ctxOf(req), actor };
      if (!hasAction(actor, action) && !hasAction(actor, 'audit.read')) throw notFound();
      const org = await readableOrg(ctx, req.query.orgId);
      return timelinePage(app.db, org.id, req.query);
    },
  );

  // ---- settings ----
  app.get('/api/settings', { schema: { tags: ['设置'], summary: '本机构设置', response: { 200: SettingsResponse } } }, async (req) => {
    const ctx = authed(req, 'settings.manage');
    const values = await getAllSettings(ctx.db, ctx.actor.orgId);
    return {
      items: [...settingDefs()].map(([key, def]) => ({ key, label: def.label, value: values[key], default: def.default })),
    };
  });

  // Built when the routes are registered, after installModules: every module's settings.
  const SettingsPatch = z.object(Object.fromEntries([...settingDefs()].map(([k, d]) => [k, d.schema.optional()]))).strict();
  app.put('/api/settings', { schema: { tags: ['设置'], summary: '修改本机构设置', body: SettingsPatch, response: { 200: Ok } } }, async (req) => {
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
      invalidateSettings();
      await recordEvent(tx, {
        orgId: ctx.actor.orgId,
        action: 'settings.update',
        entityType: 'settings',
        entityId: ctx.actor.orgId,
        before,
        after: await getAllSettings(tx.db, ctx.actor.orgId),
      });
    }).finally(invalidateSettings);
    return { ok: true as const };
  });

  await app.register(calendarRoutes, { hooks: calendarHooks() });
  await app.register(figureRoutes);
};
