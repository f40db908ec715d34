/**
 * Test harness: a fresh database per test file (cloned from the migrated template) and the app
 * over it, connected as the app's restricted role like in production (the clone keeps the
 * template's grants), plus an HTTP client that keeps cookies and the CSRF token like a browser.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, withCredentials, withDatabaseName, type Database } from '../kernel/db/index.js';
import { assertAppRoleRestricted } from '../kernel/db/roles.js';

export interface TestEnv {
  app: FastifyInstance;
  /** The app's pool: the restricted app role, like the running app. */
  database: Database;
  /** The app role's URL of this test file's database. */
  url: string;
  /** The owner's URL of the same database (to act as a DBA outside the app: tampering tests). */
  ownerUrl: string;
  /** The key the app signs audit checkpoints with. */
  auditKey: Buffer;
  /** Move the app's clock (for idle timeouts, lockouts and deadlines). */
  setNow: (d: Date | string) => void;
  close: () => Promise<void>;
}

/** The audit checkpoint key of every test app (not secret). */
export const TEST_AUDIT_KEY = Buffer.from('lantai-test-audit-checkpoint-key-0123456789abcdef', 'utf8');

/** A fresh database cloned from the template; `url` signs in as the owner. */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `lantai_t_${inject('pgRunId')}_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await c.end();
  return { url: withDatabaseName(adminUrl, name), name };
}

export async function createTestEnv(opts: { now?: Date | string; trustProxy?: string[]; cookieSecure?: boolean } = {}): Promise<TestEnv> {
  const { url: ownerUrl } = await createTestDatabase();
  const url = withCredentials(ownerUrl, inject('pgAppRole'), inject('pgAppPassword'));
  const database = openDatabase(url, 'external', 5);
  await assertAppRoleRestricted(database.pool);
  let now: Date | null = opts.now ? new Date(opts.now) : null;
  const app = await buildApp({
    db: database.db,
    config: { cookieSecure: opts.cookieSecure ?? false, trustProxy: opts.trustProxy ?? [], uploadLimitBytes: 2 * 1024 * 1024, logLevel: 'silent' },
    database: { kind: 'external', version: 'test' },
    auditKey: TEST_AUDIT_KEY,
    now: () => (now ? new Date(now) : new Date()),
    serveWeb: false,
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    url,
    ownerUrl,
    auditKey: TEST_AUDIT_KEY,
    setNow: (d) => {
      now = new Date(d);
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type Json = Record<string, unknown> | unknown[];

/** A browser-like client: cookie jar + CSRF header on writes (fetched again when the session cookie changes, as it is bound to it). */
export class Client {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  /** `remoteAddress`: the TCP peer the app sees (default 127.0.0.1); `headers`: sent with every request (X-Forwarded-For …). */
  constructor(
    private app: FastifyInstance,
    private opts: { remoteAddress?: string; headers?: Record<string, string> } = {},
  ) {}

  /** The cookie jar's value of `name` (to replay a session from elsewhere). */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.name === 'lantai_session') this.csrf = null;
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: string, url: string, body?: Json | Buffer, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...this.opts.headers, ...headers };
    const peer = this.opts.remoteAddress ? { remoteAddress: this.opts.remoteAddress } : {};
    if (method !== 'GET' && method !== 'HEAD') {
      if (!this.csrf) {
        const t = await this.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { ...this.opts.headers, cookie: this.cookieHeader() }, ...peer });
        this.keep(t);
        this.csrf = t.json().token;
      }
      h['x-csrf-token'] ??= this.csrf!;
    }
    if (this.cookies.size) h.cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...peer,
      ...(body === undefined ? {} : Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
    this.keep(res);
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: Json) => this.request('POST', url, body ?? {});
  put = (url: string, body?: Json) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: Json) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/login', { username, password });
  }

  /** Upload one file as multipart/form-data. */
  async upload(url: string, field: string, fileName: string, content: Buffer, type = 'application/octet-stream') {
    const boundary = `----lantai${crypto.randomBytes(8).toString('hex')}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
}

/** Set up an org and admin through the API; returns a signed-in admin client. */
export async function setupOrg(app: FastifyInstance, opts: { demo?: boolean; demoHistory?: boolean } = {}) {
  const client = new Client(app);
  const res = await client.post('/api/setup', {
    org: { name: '测试市档案局', level: 'city', regionCode: '110100' },
    admin: { username: 'admin', password: 'Admin-Pass-2024', displayName: '管理员' },
    demo: opts.demo ?? false,
    demoHistory: opts.demoHistory ?? false,
  });
  if (res.statusCode !== 200) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const login = await client.login('admin', 'Admin-Pass-2024');
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return { client, setup: res.json() as SetupResponse };
}

export interface SetupResponse {
  org: { id: string; name: string };
  admin: { id: string; username: string };
  demoAccounts?: { username: string; password: string; role: string; displayName: string; org: string }[];
}

/** Sign in as one of the demo accounts that setup returned (from `remoteAddress`, default 127.0.0.1). */
export async function signInDemo(app: FastifyInstance, setup: SetupResponse, username: string, remoteAddress?: string): Promise<Client> {
  const account = setup.demoAccounts?.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  const c = new Client(app, remoteAddress ? { remoteAddress } : {});
  const res = await c.login(account.username, account.password);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return c;
}

/** Row count of a table (optionally `WHERE org_id = $1`), for "nothing was written" assertions. */
export async function countRows(env: TestEnv, table: string, orgId?: string): Promise<number> {
  const r = await env.database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}${orgId ? ' WHERE org_id = $1' : ''}`, orgId ? [orgId] : []);
  return Number(r.rows[0]!.n);
}

/** The JSON body of a response that must have `status` (200); a failure shows the body. */
export function ok<T = Record<string, unknown>>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/** A refused request: its status, the field it names (a key equal to `field` or under it) and a message matching `message`. */
export function refused(res: { statusCode: number; body: string; json: () => unknown }, status: number, field: string | null, message: RegExp): void {
  expect(res.statusCode, res.body).toBe(status);
  const err = (res.json() as { error: { message: string; fields?: Record<string, string> } }).error;
  if (field)
    expect(
      Object.keys(err.fields ?? {}).some((k) => k === field || k.startsWith(`${field}.`)),
      `${field} in ${res.body}`,
    ).toBe(true);
  expect(`${err.message} ${JSON.stringify(err.fields ?? {})}`, res.body).toMatch(message);
}

/** One operation of the API as its OpenAPI description lists it: every path parameter a well-formed id (refusals must come before any lookup). */
export interface ApiOperation {
  method: string;
  path: string;
  hasBody: boolean;
  /** The query parameters it documents. */
  query: string[];
}

/** Every operation of the app's API, from /api/openapi.json. */
export async function apiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const paths = (await app.inject({ url: '/api/openapi.json' })).json().paths as Record<
    string,
    Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>
  >;
  return Object.entries(paths).flatMap(([p, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({
      method: m.toUpperCase(),
      path: p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      hasBody: op.requestBody !== undefined,
      query: (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
    })),
  );
}
