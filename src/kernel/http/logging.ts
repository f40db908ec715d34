/**
 * The logger's configuration (pino, through fastify). What a log line may carry is decided here, once:
 *
 * - an error (`{ err }`, anywhere: the error handler, sweeps, hooks) is logged by name, code and
 *   stack, never with the values of a failed query: drizzle's `DrizzleQueryError` puts every
 *   parameter in `params` and in its message ("params: …"), and PostgreSQL's `detail` ("Key
 *   (x)=(110101…) already exists"), `where` and quoted values in a message ('invalid input syntax for
 *   type uuid: "…"') can hold personal data such as a 身份证号;
 * - a request is logged with its path and the names of its query parameters, not their values
 *   (`?q=` is a search and may be a name or an ID number).
 */
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.js';

/** Fields of an error that describe it without carrying data (pg's DatabaseError, fastify's, node's). */
const SAFE_FIELDS = [
  'code',
  'severity',
  'routine',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'file',
  'line',
  'statusCode',
  'errno',
  'syscall',
] as const;

const MAX_QUERY = 2000;

/** A message without the values it may quote: drizzle's "params: …" and whatever PostgreSQL put in double quotes after a colon. */
export function redactMessage(message: string): string {
  return message
    .replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]')
    .replace(/: "[\s\S]*"\s*$/, ': "[redacted]"')
    .replace(/(Key \([^)]*\)=)\([\s\S]*?\)/g, '$1([redacted])');
}

/** An error as it may be logged: type, redacted message, frames, the safe fields, the SQL text (placeholders only), its causes. */
export function loggableError(err: unknown, depth = 0): { [key: string]: unknown; type: string; message: string; stack: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: '[non-error value]', stack: '' };
  const e = err as Error & Record<string, unknown>;
  const message = redactMessage(e.message);
  const frames = typeof e.stack === 'string' && e.stack.includes('\n    at ') ? e.stack.slice(e.stack.indexOf('\n    at ')) : '';
  const out: { [key: string]: unknown; type: string; message: string; stack: string } = {
    type: e.constructor?.name ?? e.name,
    message,
    stack: `${e.name}: ${message}${frames}`,
  };
  for (const k of SAFE_FIELDS) {
    const v = e[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  // The statement with its $1, $2 placeholders — never `params`, `detail`, `where`, `parameters`.
  if (typeof e.query === 'string') out.query = e.query.length > MAX_QUERY ? `${e.query.slice(0, MAX_QUERY)}…` : e.query;
  if (e.cause !== undefined && depth < 4) out.cause = loggableError(e.cause, depth + 1);
  return out;
}

/** A request URL with its query values dropped: `/api/units?q=…&page=…`. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's logger options: level, the serializers above, and (tests) a stream to write to. */
export function loggerOptions(
  level: Config['logLevel'],
  stream?: { write(line: string): void },
): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    serializers: {
      err: (e: unknown) => loggableError(e),
      error: (e: unknown) => loggableError(e),
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: loggableUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    ...(stream ? { stream } : {}),
  };
}
