/**
 * The bench's machinery: logging, things to stop, an HTTP client like the browser's, autocannon in a
 * child process, capturing the SQL a piece of code sends through pg, and small statistics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import pg from 'pg';

export const log = (s = '') => console.log(s);
export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2))) as [number, number, number];
export const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Run `fn` `n` times (after `warm` untimed runs); the wall times in ms. */
export async function timeRuns(n: number, fn: () => Promise<unknown>, warm = 1): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Things to stop, newest first.
const cleanups: { name: string; fn: () => Promise<unknown> | unknown }[] = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | null = null;
export const isCleaning = () => cleaning !== null;
export function onCleanup(name: string, fn: () => Promise<unknown> | unknown): void {
  cleanups.push({ name, fn });
}
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.on('exit', () => children.delete(child));
}
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of children) c.kill('SIGKILL');
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c.fn();
      } catch (e) {
        console.error(`cleanup (${c.name}) failed: ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}

// ---------------------------------------------------------------------------------------------
/** The app answered with an error: a measurement (reported), not a broken bench. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A minimal HTTP client with a cookie jar and the CSRF header, like the browser. */
export class Client {
  private jar = new Map<string, string>();
  private csrf: string | null = null;
  constructor(readonly base: string) {}
  cookie(name: string) {
    return this.jar.get(name);
  }
  private header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async request(method: string, url: string, body?: unknown, form?: FormData): Promise<{ status: number; json: unknown; bytes: number }> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') {
      if (!this.csrf) this.csrf = ((await this.request('GET', '/api/auth/csrf')).json as { token: string }).token;
      headers['x-csrf-token'] = this.csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
    }
    if (this.jar.size) headers.cookie = this.header();
    const res = await fetch(this.base + url, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      if (name === 'lantai_session') this.csrf = null; // the CSRF token is bound to the session
      this.jar.set(name, pair!.slice(i + 1).trim());
    }
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, bytes: Buffer.byteLength(text) };
  }
  async ok<T>(method: string, url: string, body?: unknown, form?: FormData): Promise<T> {
    const r = await this.request(method, url, body, form);
    if (r.status !== 200) throw new ApiError(r.status, `${method} ${url.split('?')[0]} → ${r.status} ${errorText(r.json)}`);
    return r.json as T;
  }
  async upload<T>(url: string, field: string, fileName: string, data: Buffer, type: string): Promise<T> {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(data)], { type }), fileName);
    return this.ok<T>('POST', url, undefined, form);
  }
}

/** The app's error message (`{ error: { code, message } }`), shortened. */
export function errorText(json: unknown): string {
  const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
  const s = e ? `${e.code ?? ''} ${e.message ?? ''}`.trim() : JSON.stringify(json);
  return (s ?? '').slice(0, 300);
}

export async function signIn(base: string, username: string, password: string): Promise<Client> {
  const c = new Client(base);
  await c.ok('POST', '/api/auth/login', { username, password });
  if (!c.cookie('lantai_session')) throw new Error(`signing in as ${username} set no lantai_session cookie`);
  return c;
}

// ---------------------------------------------------------------------------------------------
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts. */
  bad: number;
}

/**
 * Waits until nothing runs or waits on the pool: the requests a load run left in flight (autocannon
 * stops, the server goes on answering what it accepted) would otherwise slow the next run. Returns the
 * time waited (ms); gives up after `timeoutMs`.
 */
export async function drain(pool: pg.Pool, timeoutMs = 120_000): Promise<number> {
  const t = performance.now();
  while ((pool.waitingCount > 0 || pool.idleCount < pool.totalCount) && performance.now() - t < timeoutMs) await new Promise((r) => setTimeout(r, 50));
  return performance.now() - t;
}

/** autocannon in a child process (it does not share the servers' event loop); resolves with its summary. */
export function autocannon(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [cli, '--json', '--connections', String(connections), '--duration', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('--headers', `${k}:${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    trackChild(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      try {
        const j = JSON.parse(out.slice(out.indexOf('{')));
        resolve({
          rps: j.requests.average,
          p50: j.latency.p50,
          p99: j.latency.p99,
          requests: j.requests.total,
          bad: (j.non2xx ?? 0) + (j.errors ?? 0) + (j.timeouts ?? 0),
        });
      } catch {
        reject(new Error(`autocannon exited with ${code}: ${err.slice(-2000)}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
/** A query as pg was given it: text, parameters and drizzle's rowMode / type parsers. */
export type CapturedQuery = { text: string; values?: unknown[]; rowMode?: string; types?: unknown };

type QueryFn = (...a: unknown[]) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: QueryFn };

/** Calls `onQuery` for every query any pg client of this process sends while `fn` runs. */
export async function watchQueries<T>(fn: () => Promise<T>, onQuery: (q: CapturedQuery) => void): Promise<T> {
  const original = clientProto.query;
  clientProto.query = function (this: unknown, ...a: unknown[]) {
    const first = a[0];
    if (typeof first === 'string') onQuery({ text: first, values: Array.isArray(a[1]) ? a[1] : undefined });
    else if (first && typeof first === 'object' && 'text' in first) {
      // drizzle sends ({ text, rowMode, types }, values)
      const config = first as CapturedQuery;
      onQuery({ ...config, values: config.values ?? (Array.isArray(a[1]) ? a[1] : undefined) });
    }
    return original.apply(this, a);
  };
  try {
    return await fn();
  } finally {
    clientProto.query = original;
  }
}

export interface TimedQuery {
  text: string;
  /** From the call to pg's answer (queueing on the client included). */
  ms: number;
  rows: number;
}

/**
 * Every query any pg client sends while `fn` runs, with its time to the answer and its number of rows
 * (pg.Pool calls Client#query with a callback; a direct caller may take the promise).
 */
export async function timeQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: TimedQuery[] }> {
  const original = clientProto.query;
  const queries: TimedQuery[] = [];
  type Res = { rows?: unknown[]; rowCount?: number | null } | undefined;
  clientProto.query = function (this: unknown, ...a: unknown[]) {
    const first = a[0];
    const text = typeof first === 'string' ? first : first && typeof first === 'object' && 'text' in first ? String((first as { text: unknown }).text) : '';
    if (!text) return original.apply(this, a);
    const q: TimedQuery = { text: text.replace(/\s+/g, ' ').trim(), ms: NaN, rows: 0 };
    queries.push(q);
    const t = performance.now();
    const done = (r: Res) => {
      q.ms = performance.now() - t;
      q.rows = r?.rows?.length ?? r?.rowCount ?? 0;
    };
    const last = a.length - 1;
    const cb = a[last];
    if (typeof cb === 'function') {
      a[last] = (err: unknown, r: Res) => {
        done(r);
        return (cb as (e: unknown, r: Res) => unknown)(err, r);
      };
      return original.apply(this, a);
    }
    const out = original.apply(this, a);
    if (out && typeof (out as Promise<Res>).then === 'function') (out as Promise<Res>).then(done, () => done(undefined));
    return out;
  };
  try {
    return { result: await fn(), queries };
  } finally {
    clientProto.query = original;
  }
}

/** Every query `fn` sends through pg, with the exact config it was sent with. */
export async function captureQueries(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = [];
  await watchQueries(fn, (q) => seen.push(q));
  return seen;
}

/**
 * Runs captured statements again in order with the same parameters: each through the pool (as the
 * app's statements outside a transaction go), or all on one client when they include a transaction.
 */
export function replayer(pool: pg.Pool, queries: CapturedQuery[]): () => Promise<unknown[][]> {
  const inTx = queries.some((q) => /^\s*(begin|start transaction)\b/i.test(q.text));
  if (!inTx) {
    return async () => {
      const out: unknown[][] = [];
      for (const q of queries) out.push((await pool.query(q as pg.QueryConfig)).rows);
      return out;
    };
  }
  return async () => {
    const c = await pool.connect();
    const out: unknown[][] = [];
    try {
      for (const q of queries) out.push((await c.query(q as pg.QueryConfig)).rows);
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };
}
