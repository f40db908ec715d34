/**
 * The one fetch client of the back office.
 *
 * - same-origin cookies (the session cookie is httpOnly);
 * - every non-GET request carries `x-csrf-token`, fetched once from `GET /api/auth/csrf`
 *   (and fetched again, with one retry, when the server says the token is stale);
 * - errors `{"error":{"code","message","fields"}}` become an {@link ApiError};
 * - a 401 sends the user to the sign-in page (except for calls that handle it themselves).
 */
import type { z } from 'zod';
import type { ErrorBody } from '@server/kernel/http/responses';
import type { CsrfResponse } from '@server/kernel/contracts';

/** The server's refusal, as every route answers it (kernel/http/responses.ts `ErrorBody`). */
type Refusal = z.infer<typeof ErrorBody>;
export type FieldErrors = NonNullable<Refusal['error']['fields']>;
type CsrfToken = z.infer<typeof CsrfResponse>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: FieldErrors;
  readonly details?: unknown;
  constructor(status: number, code: string, message: string, fields?: FieldErrors, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

/** Turns anything thrown into a Chinese sentence for a message/alert. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  if (e instanceof Error && e.message) return e.message;
  return '操作失败，请稍后重试';
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Set false for calls whose 401 the caller handles (sign-in, who-am-I). */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let csrfPending: Promise<string> | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The app registers where a 401 leads (the sign-in page). */
export function onUnauthorized(fn: () => void): void {
  unauthorizedHandler = fn;
}

export function resetCsrf(): void {
  csrfToken = null;
  csrfPending = null;
}

async function getCsrf(): Promise<string> {
  if (csrfToken) return csrfToken;
  csrfPending ??= fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (r) => {
      if (!r.ok) throw await toError(r);
      const j = (await r.json()) as CsrfToken;
      csrfToken = j.token;
      return j.token;
    })
    .finally(() => {
      csrfPending = null;
    });
  return csrfPending;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

async function toError(r: Response): Promise<ApiError> {
  let code = 'http_' + r.status;
  let message = defaultMessage(r.status);
  let fields: FieldErrors | undefined;
  let details: unknown;
  try {
    const j = (await r.json()) as Partial<Refusal>;
    if (j?.error) {
      code = j.error.code ?? code;
      message = j.error.message || message;
      fields = j.error.fields;
      details = j.error.details;
    }
  } catch {
    /* not JSON */
  }
  return new ApiError(r.status, code, message, fields, details);
}

function defaultMessage(status: number): string {
  if (status === 401) return '未登录或登录已超时，请重新登录';
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '记录不存在或无权访问';
  if (status === 413) return '上传内容超过大小限制';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return '服务器内部错误，请稍后重试或联系管理员';
  return `请求失败（${status}）`;
}

async function send(method: string, path: string, opts: RequestOptions, raw: boolean, retried = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = await getCsrf();
  const r = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (r.ok) return r;
  const err = await toError(r);
  if (err.code === 'csrf' && !retried) {
    resetCsrf();
    return send(method, path, opts, raw, true);
  }
  if (r.status === 401 && opts.redirectOn401 !== false) unauthorizedHandler?.();
  throw err;
}

async function json<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const r = await send(method, path, opts, false);
  if (r.status === 204) return undefined as T;
  const text = await r.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => json<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => json<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => json<T>('PUT', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => json<T>('PATCH', path, { ...opts, body: body ?? {} }),
  delete: <T>(path: string, opts: Omit<RequestOptions, 'body'> = {}) => json<T>('DELETE', path, opts),
  /** multipart upload, one file under `field` */
  upload: <T>(path: string, file: Blob, fileName: string, field = 'file') => {
    const fd = new FormData();
    fd.append(field, file, fileName);
    return json<T>('POST', path, { body: fd });
  },
};

/** Downloads a file (GET) through fetch, so errors show as messages instead of a JSON page. */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<string> {
  const r = await send('GET', path, { query }, true);
  const blob = await r.blob();
  const name = fileNameOf(r.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

function fileNameOf(cd: string | null): string | null {
  if (!cd) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? null;
}
