/**
 * buildApp: kernel plugins in a fixed order, then each module's routes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './kernel/paths.js';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
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
import { clientErrorHandler, frameworkErrors, installErrorHandler, MAX_PARAM_LENGTH } from './kernel/http/error-handler.js';
import { loggerOptions } from './kernel/http/logging.js';
import { installUnstorableGuard } from './kernel/http/unstorable.js';
import { installQueryGuard } from './kernel/http/query-guard.js';
import { configureXlsxReading } from './kernel/documents/index.js';
import { sessionPlugin } from './kernel/http/context.js';
import { csrfBinding } from './kernel/auth/sessions.js';
import { kernelRoutes } from './kernel/routes.js';
import { auditPlugin } from './kernel/audit/routes.js';
import { installModules } from './kernel/module.js';
import { MODULES } from './modules/index.js';

z.config(z.locales.zhCN());

/** The built back office; LANTAI_WEB_DIST serves another build (parallel test runs, a packaged release). */
export const WEB_DIST = process.env.LANTAI_WEB_DIST ? path.resolve(process.env.LANTAI_WEB_DIST) : path.join(PROJECT_ROOT, 'web', 'dist');

export interface AppDeps {
  db: Db;
  config: Pick<Config, 'cookieSecure' | 'trustProxy' | 'uploadLimitBytes' | 'logLevel'> & Partial<Pick<Config, 'xlsx'>>;
  database: { kind: 'embedded' | 'external'; version: string };
  /** The HMAC key of the signed audit checkpoints (kept outside the database: kernel/audit/key.ts). */
  auditKey: Buffer;
  now?: () => Date;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read what would be logged). */
  logStream?: { write(line: string): void };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // error and request serializers that never log query parameters or ?q= values (kernel/http/logging.ts)
    logger: deps.logger === false ? false : loggerOptions(deps.config.logLevel, deps.logStream),
    // one line per request, when it is answered (below), instead of fastify's two
    logController: new LogController({ disableRequestLogging: true }),
    // X-Forwarded-For only from the configured proxies (TRUST_PROXY); else req.ip is the TCP peer
    trustProxy: deps.config.trustProxy.length ? deps.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    // over-long paths and undecodable URLs answer in the app's format (kernel/http/error-handler.ts)
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('now', deps.now ?? (() => new Date()));
  installErrorHandler(app);
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ req, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, 'request completed');
    done();
  });
  installUnstorableGuard(app); // NUL and lone surrogates refused (400) before validation and the database
  installQueryGuard(app); // a query parameter the route does not declare is refused (400), never ignored
  if (deps.config.xlsx) configureXlsxReading(deps.config.xlsx);

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
    // the token is bound to the session cookie (kernel/auth/sessions.ts csrfBinding): another session's is refused
    getUserInfo: (req) => csrfBinding(req.cookies),
    csrfOpts: { hmacKey: crypto.randomBytes(32) },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lantai 兰台 API',
        version: '0.1.0',
        description: '档案行政执法与法治政府建设平台 API。写操作需携带会话 Cookie 与 x-csrf-token 请求头（由 GET /api/auth/csrf 取得）。',
      },
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

  installModules(MODULES);
  await app.register(auditPlugin, { key: deps.auditKey }); // first: its tamper-alert hook covers every route
  await app.register(kernelRoutes, { database: deps.database, cookieSecure: deps.config.cookieSecure });
  for (const m of MODULES) if (m.routes) await app.register(m.routes);

  const serveWeb = deps.serveWeb ?? true;
  const hasWeb = serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 300, timeWindow: '1 minute' }) }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/assets/') || !hasWeb || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send({ error: { code: 'not_found', message: '没有这项服务：页面可能已更新，请刷新后重试' } });
    }
    // Single-page app: every other GET gets index.html; the client router takes over.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
