/**
 * Unknown query parameters (issue 12 §5): refused with 400 on every operation, the parameter named;
 * every parameter an operation documents is still accepted.
 */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOperations, Client, countRows, createTestEnv, setupOrg, type TestEnv } from '../../test/harness.js';
import { queryKeys } from './query-guard.js';

describe('queryKeys reads the names a querystring schema accepts', () => {
  const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
  it.each([
    ['no schema', undefined, []],
    ['an object', z.object({ page: z.coerce.number().optional(), q: z.string().optional() }), ['page', 'q']],
    ['optional, default and transform wrappers', z.object({ a: Flag.default(false), b: z.string().optional() }).optional(), ['a', 'b']],
    ['a refined object', z.object({ from: z.string(), to: z.string() }).refine((v) => v.from <= v.to), ['from', 'to']],
    ['an object piped into a transform', z.object({ x: z.string() }).transform((v) => v.x), ['x']],
    ['extend', z.object({ page: z.string() }).extend({ year: z.string() }), ['page', 'year']],
    ['a union of objects', z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]), ['a', 'b']],
    ['an intersection', z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })), ['a', 'b']],
    ['a JSON schema', { type: 'object', properties: { orgId: { type: 'string' } } }, ['orgId']],
  ] as const)('%s', (_name, schema, keys) => {
    expect([...queryKeys(schema)!].sort()).toEqual([...keys].sort());
  });
  it.each([
    ['a catch-all object', z.object({ a: z.string() }).catchall(z.string())],
    ['a loose object', z.looseObject({ a: z.string() })],
    ['a record', z.record(z.string(), z.string())],
  ])('%s accepts any name (null)', (_name, schema) => {
    expect(queryKeys(schema)).toBeNull();
  });
});

describe('through HTTP, on every operation', () => {
  let env: TestEnv;
  let admin: Client;
  beforeAll(async () => {
    env = await createTestEnv();
    admin = (await setupOrg(env.app, { demo: true })).client;
  }, 120_000);
  afterAll(async () => env.close());

  const operations = () => apiOperations(env.app);

  it('refuses a parameter the operation does not document (400, named), signed in or not, writing nothing', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(150);
    const before = await countRows(env, 'audit_events');
    const anon = new Client(env.app);
    const wrong: string[] = [];
    for (const op of ops) {
      for (const [who, c] of [
        ['admin', admin],
        ['anonymous', anon],
      ] as const) {
        const res = await c.request(op.method, `${op.path}?zzUnknown=1`, op.method === 'GET' ? undefined : {});
        const body = res.json() as { error?: { code: string; message: string; fields?: Record<string, string> } };
        if (
          res.statusCode !== 400 ||
          body.error?.code !== 'validation' ||
          !body.error.fields?.zzUnknown ||
          !/查询参数有误：不支持 zzUnknown/.test(body.error.message)
        ) {
          wrong.push(`${who} ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await countRows(env, 'audit_events')).toBe(before);
  }, 120_000);

  it('never refuses a parameter the operation documents', async () => {
    const ops = (await operations()).filter((o) => o.query.length);
    expect(ops.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const op of ops) {
      const qs = op.query.map((k) => `${k}=1`).join('&');
      const res = await admin.request(op.method, `${op.path}?${qs}`, op.method === 'GET' ? undefined : {});
      // The values may be wrong for the parameter (400 naming it), but never "not supported".
      if (/查询参数有误：不支持/.test(res.body)) wrong.push(`${op.method} ${op.path} → ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('names what the operation accepts; a route without query parameters says it takes none', async () => {
    const units = await admin.get('/api/units?page=1&pagesize=10');
    expect(units.statusCode).toBe(400);
    expect(units.json().error.message).toMatch(/不支持 pagesize；本接口可用的查询参数：.*pageSize/);
    const me = await admin.get('/api/auth/me?orgId=x');
    expect(me.statusCode).toBe(400);
    expect(me.json().error.message).toMatch(/本接口不接受查询参数/);
    // Declared parameters still work, and the web app's pages (outside /api) take any.
    expect((await admin.get('/api/units?page=1&pageSize=10')).statusCode).toBe(200);
    expect((await admin.get('/api/openapi.json?x=1')).statusCode).toBe(200);
  });
});
