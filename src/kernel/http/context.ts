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
  }
  interface FastifyInstance {
    db: Db;
    now: () => Date;
  }
}

/** Resolves the session cookie to `req.actor` on every /api request. */
export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token && req.url.startsWith('/api/') ? await resolveSession(app.db, token, app.now()) : null;
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
