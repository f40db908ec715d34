import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Ctx, Actor } from '../context.js';
import type { Db } from '../db/index.js';
import { SESSION_COOKIE, resolveSession } from '../auth/sessions.js';
import { authorize, type Resource } from '../auth/policy.js';
import type { Action } from '../auth/roles.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's id (SHA-256 of its token), when the cookie names a live session. */
    sessionId: string | null;
  }
  interface FastifyInstance {
    db: Db;
    now: () => Date;
  }
}

/** What a session that must change its initial password may still do: who am I, the change itself, sign out or in. */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set([
  '/api/auth/me',
  '/api/auth/password',
  '/api/auth/logout',
  '/api/auth/csrf',
  '/api/auth/login',
]);

/** Routes that serve anybody without a session (the portal, first-run setup, the public health check, the API docs). */
const isAnonymousRoute = (path: string) =>
  path === '/api/health' || path === '/api/openapi.json' || ['/api/public/', '/api/setup', '/api/docs'].some((p) => path.startsWith(p));

/**
 * Resolves the session cookie to `req.actor` on every /api request. Until the first-sign-in password
 * change (`mustChangePassword`) a session may use only {@link PASSWORD_CHANGE_ROUTES}: every other API
 * call answers 403 (anonymous routes answer as to anybody, without an actor).
 */
export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token && req.url.startsWith('/api/') ? await resolveSession(app.db, token, app.now()) : null;
    if (!session) return;
    req.sessionId = session.sessionId;
    const path = req.url.split('?')[0] ?? '';
    if (session.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(path)) {
      if (isAnonymousRoute(path)) return;
      throw new AppError('forbidden.password_change', '首次登录须先修改初始密码，修改后才能继续操作');
    }
    req.actor = session.actor;
  });
});

export function ctxOf(req: FastifyRequest): Ctx {
  return { db: req.server.db, actor: req.actor, now: req.server.now };
}

/** The signed-in actor, or 401. */
export function signedIn(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', '未登录或登录已超时，请重新登录');
  return req.actor;
}

/** Ctx for a signed-in actor allowed to `action` (on `resource` if given). */
export function authed(req: FastifyRequest, action: Action, resource?: Resource): Ctx & { actor: Actor } {
  const actor = signedIn(req);
  authorize(actor, action, resource);
  return { db: req.server.db, actor, now: req.server.now };
}

export function sendFile(reply: FastifyReply, buf: Buffer, fileName: string, type: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buf);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
