/**
 * Unstorable input and what the logs may hold (issue 11 §6): a U+0000 or a lone surrogate in any
 * field, query or path of any operation is refused with the app's error format (400, the field
 * named) and never reaches the database; a failed query is logged without its parameters; an
 * over-long path answers in the app's format.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOperations, Client, countRows, createTestEnv, setupOrg, type TestEnv } from '../../test/harness.js';
import { findUnstorable, storableFileName, unstorableChar } from './unstorable.js';
import { loggableError, loggableUrl, loggerOptions, redactMessage } from './logging.js';

const ID_NUMBER = '110101199003071234';

describe('unstorableChar / findUnstorable', () => {
  it.each([
    ['plain', '档案馆 abc 😀', null],
    ['NUL', 'a\u0000b', '空字符 U+0000'],
    ['lone high surrogate', 'a\uD800b', '不成对的 UTF-16 代理项 U+D800（不是有效的 Unicode 字符）'],
    ['lone low surrogate', '\uDC01', '不成对的 UTF-16 代理项 U+DC01（不是有效的 Unicode 字符）'],
    ['high surrogate at the end', 'x\uDBFF', '不成对的 UTF-16 代理项 U+DBFF（不是有效的 Unicode 字符）'],
    ['a real pair', '\uD83D\uDE00', null],
  ])('%s', (_name, s, what) => {
    expect(unstorableChar(s)).toBe(what);
  });

  it('names the path of the first bad value or key, however deep', () => {
    expect(findUnstorable({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ path: 'a.1.c', what: '空字符 U+0000' });
    expect(findUnstorable({ ['k\u0000']: 1 })).toEqual({ path: 'k\\u0000', what: '字段名含有空字符 U+0000' });
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findUnstorable(deep)?.what).toBe('空字符 U+0000');
    expect(findUnstorable({ n: 1, b: true, z: null })).toBeNull();
  });

  it('cleans a browser’s file name', () => {
    expect(storableFileName('照片\u0000\u0001.jpg', 'x')).toBe('照片.jpg');
    expect(storableFileName('\uD800', '未命名')).toBe('未命名');
    expect(storableFileName('a'.repeat(300), 'x')).toHaveLength(255);
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

  it('refuses NUL in the body (400, field named) on every operation that takes one, signed in or not, writing nothing', async () => {
    const ops = (await operations()).filter((o) => o.hasBody);
    expect(ops.length).toBeGreaterThan(60);
    const before = await countRows(env, 'audit_events');
    const anon = new Client(env.app);
    const wrong: string[] = [];
    for (const op of ops) {
      for (const [who, c] of [
        ['admin', admin],
        ['anonymous', anon],
      ] as const) {
        const res = await c.request(op.method, op.path, { name: `某\u0000单位`, text: ID_NUMBER, items: [{ content: 'x\uD800' }] });
        const body = res.json() as { error?: { code: string; fields?: Record<string, string> } };
        if (res.statusCode !== 400 || body.error?.code !== 'validation' || !body.error.fields?.name?.includes('U+0000')) {
          wrong.push(`${who} ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await countRows(env, 'audit_events')).toBe(before);
  }, 120_000);

  it('refuses NUL and lone surrogates in ?q= and every query on every GET, and in path parameters', async () => {
    const gets = (await operations()).filter((o) => o.method === 'GET');
    const wrong: string[] = [];
    for (const op of gets) {
      const res = await admin.get(`${op.path}?q=${encodeURIComponent('张三\u0000')}`);
      if (res.statusCode !== 400 || res.json().error?.fields?.q === undefined) wrong.push(`${op.path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    // a lone surrogate cannot be percent-encoded as UTF-8: a raw %ED%A0%80 (CESU) decodes to U+FFFD or is refused, never a 500
    const raw = await admin.get('/api/units?q=%ED%A0%80');
    expect(raw.statusCode).toBeLessThan(500);
    const path = await admin.get('/api/units/%00');
    expect(path.statusCode).toBe(400);
    expect(path.json().error.message).toMatch(/路径参数有误.*U\+0000/);
    // the public portal too (anonymous)
    const track = await new Client(env.app).get(`/api/public/disclosure/applications/${encodeURIComponent('A\u0000')}`);
    expect(track.statusCode).toBe(400);
  }, 120_000);

  it('answers an over-long path in the app’s format (414, Chinese), not fastify’s', async () => {
    const res = await admin.get(`/api/units/${'a'.repeat(500)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: { code: 'uri_too_long', message: expect.stringMatching(/^请求地址过长/) } });
    const bad = await admin.get('/api/units/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/无法识别的字符编码/);
  });
});

describe('logs', () => {
  /** What pino writes for `{ err }` with the app's logger options. */
  function logged(err: unknown, url?: string): string {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const opts = loggerOptions('info', stream);
    const log = pino({ level: 'info', serializers: opts.serializers as pino.LoggerOptions['serializers'] }, stream);
    log.error({ err, req: url ? { method: 'GET', url } : undefined }, 'request failed');
    return lines.join('');
  }

  it('never carries the parameters, the detail or a quoted value of a failed query', () => {
    // the shape of drizzle's DrizzleQueryError around pg's DatabaseError
    const pgError = Object.assign(new Error(`duplicate key value violates unique constraint "units_credit_code_uq"`), {
      code: '23505',
      detail: `Key (credit_code)=(${ID_NUMBER}) already exists.`,
      constraint: 'units_credit_code_uq',
      table: 'units',
    });
    const drizzleError = Object.assign(new Error(`Failed query: insert into "units" ("name", "id_number") values ($1, $2)\nparams: 某单位,${ID_NUMBER}`), {
      query: 'insert into "units" ("name", "id_number") values ($1, $2)',
      params: ['某单位', ID_NUMBER],
      cause: pgError,
    });
    const line = logged(drizzleError, `/api/units?q=${ID_NUMBER}&page=2`);
    expect(line).not.toContain(ID_NUMBER);
    expect(line).not.toContain('某单位');
    const parsed = JSON.parse(line) as { err: Record<string, unknown> & { cause: Record<string, unknown> } };
    expect(parsed.err.query).toBe('insert into "units" ("name", "id_number") values ($1, $2)');
    expect(parsed.err.cause).toMatchObject({ code: '23505', constraint: 'units_credit_code_uq', table: 'units' });
    expect(parsed.err.cause.detail).toBeUndefined();
  });

  it.each([
    [`invalid input syntax for type uuid: "${ID_NUMBER}"`, 'invalid input syntax for type uuid: "[redacted]"'],
    [`Failed query: select 1\nparams: ${ID_NUMBER}`, 'Failed query: select 1\nparams: [redacted]'],
    [`Key (id_number)=(${ID_NUMBER}) already exists.`, 'Key (id_number)=([redacted]) already exists.'],
    ['connection terminated', 'connection terminated'],
  ])('redacts %j', (message, expected) => {
    expect(redactMessage(message)).toBe(expected);
  });

  it('logs a URL with its query names, not their values', () => {
    expect(loggableUrl(`/api/units?q=${ID_NUMBER}&page=2`)).toBe('/api/units?q=…&page=…');
    expect(loggableUrl('/api/units')).toBe('/api/units');
    expect(loggableError('not an error')).toMatchObject({ message: '[non-error value]' });
  });
});
