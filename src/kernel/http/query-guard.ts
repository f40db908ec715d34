/**
 * A query parameter the route does not know is refused with 400, never silently ignored (issue 12 §5:
 * `?includeChildren=true` on a route without it used to answer the org's own figures with 200, which
 * reads as a roll-up that did not happen).
 *
 * At registration (`onRoute`) each /api route's querystring schema (zod, as the routes declare it, or
 * JSON schema) is read for the names it accepts; a route without one accepts none. A route-level
 * `preValidation` hook then compares the request's names with them, after the root hooks (the
 * unstorable-input guard answers first) and before the schema. The OpenAPI description and the
 * Swagger UI (`/api/docs`, its assets take their own parameters) are left alone.
 */
import type { FastifyInstance, preValidationHookHandler, RouteOptions } from 'fastify';
import { AppError } from './errors.js';
import { fieldLabel } from './field-labels.js';

/** The zod 4 internals this reads: a schema's definition (`_zod.def`), enough to find an object's keys. */
interface ZodLike {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, unknown>;
      catchall?: ZodLike;
      innerType?: ZodLike;
      in?: ZodLike;
      out?: ZodLike;
      options?: ZodLike[];
      left?: ZodLike;
      right?: ZodLike;
    };
  };
}

const isZod = (s: unknown): s is ZodLike => typeof s === 'object' && s !== null && '_zod' in s;

/**
 * The parameter names a querystring schema accepts, or null when it accepts any (a record, a
 * catch-all object, a schema this cannot read). Wrappers (optional, default, pipe/transform,
 * refinements) are looked through; unions and intersections accept the names of their parts.
 */
export function queryKeys(schema: unknown): Set<string> | null {
  if (schema === undefined || schema === null) return new Set();
  if (isZod(schema)) {
    const def = schema._zod.def;
    switch (def.type) {
      case 'object':
        if (def.catchall && def.catchall._zod.def.type !== 'never') return null;
        return new Set(Object.keys(def.shape ?? {}));
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        return def.innerType ? queryKeys(def.innerType) : null;
      case 'pipe':
        return def.in ? queryKeys(def.in) : null;
      case 'union': {
        const all = new Set<string>();
        for (const o of def.options ?? []) {
          const k = queryKeys(o);
          if (!k) return null;
          for (const x of k) all.add(x);
        }
        return all;
      }
      case 'intersection': {
        const l = def.left ? queryKeys(def.left) : null;
        const r = def.right ? queryKeys(def.right) : null;
        return l && r ? new Set([...l, ...r]) : null;
      }
      default:
        return null;
    }
  }
  // A plain JSON schema.
  const json = schema as { type?: string; properties?: Record<string, unknown>; additionalProperties?: unknown };
  if (json.properties && json.additionalProperties === false) return new Set(Object.keys(json.properties));
  if (json.properties && json.additionalProperties === undefined) return new Set(Object.keys(json.properties));
  return null;
}

const guarded = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs') && url !== '/api/openapi.json';

function refuse(unknown: string[], allowed: Set<string>): AppError {
  const named = unknown.map((k) => (fieldLabel(k) ? `${k}（${fieldLabel(k)}）` : k)).join('、');
  const accepts = allowed.size ? `本接口可用的查询参数：${[...allowed].join('、')}` : '本接口不接受查询参数';
  const message = `查询参数有误：不支持 ${named}；${accepts}`;
  return new AppError('validation', message, { fields: Object.fromEntries(unknown.map((k) => [k, '本接口不支持此查询参数'])) });
}

/** Adds the check to every /api route registered after this call (call before the routes). */
export function installQueryGuard(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!guarded(route.url) || route.method === 'OPTIONS' || (Array.isArray(route.method) && route.method.includes('OPTIONS'))) return;
    const allowed = queryKeys(route.schema?.querystring);
    if (!allowed) return;
    const check: preValidationHookHandler = (req, _reply, done) => {
      const q = req.query as Record<string, unknown> | undefined;
      const unknown = q ? Object.keys(q).filter((k) => !allowed.has(k)) : [];
      done(unknown.length ? refuse(unknown, allowed) : undefined);
    };
    const existing = route.preValidation;
    route.preValidation = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : check;
  });
}
