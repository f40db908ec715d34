/**
 * buildApp: kernel plugins in a fixed order, then each module's routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Db } from './kernel/db/index.js';
import { installErrorHandler } from './kernel/http/error-handler.js';
import { sessionPlugin } from './kernel/http/context.js';
import { kernelRoutes } from './kernel/routes.js';
import { moduleRoutes } from './modules/index.js';

z.config(z.locales.zhCN());

/** The built back office; LANTAI_WEB_DIST serves another build (parallel test runs, a packaged release). */
export const WEB_DIST = process.env.LANTAI_WEB_DIST ? path.resolve(process.env.LANTAI_WEB_DIST) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppDeps {
  db: Db;
  config: Pick<Config, 'cookieSecure' | 'uploadLimitBytes' | 'logLevel'>;
  database: { kind: 'embedded' | 'external'; version: string };
  now?: () => Date;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : { level: deps.config.logLevel },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('now', deps.now ?? (() => new Date()));
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects style tags
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: 'lantai_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.cookieSecure, signed: false },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lantai 兰台 API', version: '0.1.0', description: '档案行政执法与法治政府建设平台 API。写操作需携带会话 Cookie 与 x-csrf-token 请求头（由 GET /api/auth/csrf 取得）。' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // CSRF on every mutating request (double-submit token bound to a secret cookie).
  app.addHook('onRequest', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !req.url.startsWith('/api/')) return done();
    app.csrfProtection(req, reply, done);
  });
  await app.register(sessionPlugin);

  await app.register(kernelRoutes, { database: deps.database });
  await app.register(moduleRoutes);

  const serveWeb = deps.serveWeb ?? true;
  const hasWeb = serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 300, timeWindow: '1 minute' }) }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/assets/') || !hasWeb || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
    }
    // Single-page app: every other GET gets index.html; the client router takes over.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
