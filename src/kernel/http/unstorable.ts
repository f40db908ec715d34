/**
 * Input PostgreSQL cannot store: U+0000 (text and jsonb refuse it) and lone UTF-16 surrogates (not
 * Unicode at all: text would silently become U+FFFD, jsonb refuses the escape). One hook refuses them
 * in the body, the query string and the path parameters of every request, before validation and long
 * before the database, with the app's error format: 400 `validation`, the field named.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';
import { fieldLabel } from './field-labels.js';

/** A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface Unstorable {
  /** Where: `name`, `items.0.text`, or `q`; a bad key is named by its parent path and the key shown escaped. */
  path: string;
  /** What, in Chinese: 空字符 U+0000 / 不成对的代理项 U+D800. */
  what: string;
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first unstorable character of a string, described, or null. */
export function unstorableChar(s: string): string | null {
  const m = UNSTORABLE.exec(s);
  if (!m) return null;
  const c = m[0].charCodeAt(0);
  return c === 0 ? '空字符 U+0000' : `不成对的 UTF-16 代理项 ${hex(c)}（不是有效的 Unicode 字符）`;
}

/** Shows a key with its bad characters escaped (\u0000), so the answer itself stays storable and readable. */
const shown = (key: string) => key.replace(/[\u0000-\u001F\uD800-\uDFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The first string (value or key) in a JSON-like value that PostgreSQL cannot store. Walks with its
 * own stack, so no nesting depth overflows it.
 */
export function findUnstorable(value: unknown): Unstorable | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const what = unstorableChar(v);
      if (what) return { path: path || '_', what };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const what = unstorableChar(k);
        if (what) return { path: path ? `${path}.${shown(k)}` : shown(k), what: `字段名含有${what}` };
        stack.push([(v as Record<string, unknown>)[k], path ? `${path}.${k}` : k]);
      }
    }
  }
  return null;
}

const PART = { body: '请求内容', query: '查询参数', params: '路径参数' } as const;

/** The field's Chinese name for the summary line: its full path, else its last named segment. */
function labelOf(path: string): string {
  const last = path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .at(-1);
  return fieldLabel(path) ?? (last ? fieldLabel(last) : undefined) ?? path;
}

/** The 400 of a request carrying an unstorable character, or null. */
export function unstorableRequest(req: { body?: unknown; query?: unknown; params?: unknown }): AppError | null {
  for (const part of ['params', 'query', 'body'] as const) {
    const bad = findUnstorable(req[part]);
    if (!bad) continue;
    const message = `含有无法保存的字符（${bad.what}），请删除后重试`;
    return new AppError('validation', `${PART[part]}有误：${labelOf(bad.path)} ${message}`, { fields: { [bad.path]: message } });
  }
  return null;
}

/** Refuses such requests on every route (a root `preValidation` hook: after parsing, before the route's schema). */
export function installUnstorableGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const refused = unstorableRequest(req);
    if (refused) throw refused;
  });
}

/** A file name as given by a browser, made storable: control characters and lone surrogates dropped, at most 255 characters. */
export function storableFileName(name: string | undefined, fallback: string): string {
  const clean = [...(name ?? '').replace(/[\u0000-\u001F\u007F]/g, '')]
    .filter((ch) => !/^[\uD800-\uDFFF]$/.test(ch))
    .slice(0, 255)
    .join('')
    .trim();
  return clean || fallback;
}
