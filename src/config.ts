import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** One address or CIDR block (`10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`). */
function isAddressOrCidr(s: string): boolean {
  const [addr = '', bits, ...rest] = s.split('/');
  const kind = net.isIP(addr);
  if (!kind || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128);
}

/** Environment, parsed in one place. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /**
   * With DATABASE_URL (the owner, which migrates): the app's own restricted role. Unset, the app
   * creates `<database>_app` itself (the owner needs CREATEROLE) with a password in DATA_DIR.
   */
  APP_DATABASE_URL: z.string().url().optional(),
  /** The HMAC key of the signed audit checkpoints (≥ 32 characters); unset, DATA_DIR/audit-checkpoint.key, generated once. */
  AUDIT_CHECKPOINT_KEY: z.string().min(32).optional(),
  /** Set when served over HTTPS so session cookies carry the Secure flag. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed: a comma-separated list of addresses or
   * CIDRs. Default none: the client address is the TCP peer's, whatever a request says.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), 'must be a comma-separated list of IP addresses or CIDRs'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted upload in bytes (default 10 MiB). */
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Uploaded .xlsx files (kernel/documents/xlsx.ts; unset = its defaults): uncompressed size, cells, time, worker heap, reads at once. */
  XLSX_MAX_UNCOMPRESSED_MB: z.coerce.number().int().min(1).max(4000).optional(),
  XLSX_MAX_CELLS: z.coerce.number().int().min(1000).optional(),
  XLSX_READ_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
  XLSX_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(8192).optional(),
  XLSX_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** The app's restricted role on DATABASE_URL's database (else `<database>_app`, managed by the app). */
  appDatabaseUrl?: string;
  /** The audit checkpoint key from the environment (else a file in DATA_DIR). */
  auditCheckpointKey?: string;
  cookieSecure: boolean;
  /** Proxies trusted for X-Forwarded-For (addresses/CIDRs); empty = trust none. */
  trustProxy: string[];
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  uploadLimitBytes: number;
  /** How uploaded .xlsx files are read; what is not set keeps the defaults of kernel/documents/xlsx.ts. */
  xlsx: Partial<{ maxUncompressedBytes: number; maxCells: number; timeoutMs: number; workerMemoryMb: number; workers: number }>;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    auditCheckpointKey: e.AUDIT_CHECKPOINT_KEY,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    xlsx: {
      ...(e.XLSX_MAX_UNCOMPRESSED_MB !== undefined ? { maxUncompressedBytes: e.XLSX_MAX_UNCOMPRESSED_MB * 1024 * 1024 } : {}),
      ...(e.XLSX_MAX_CELLS !== undefined ? { maxCells: e.XLSX_MAX_CELLS } : {}),
      ...(e.XLSX_READ_TIMEOUT_SECONDS !== undefined ? { timeoutMs: e.XLSX_READ_TIMEOUT_SECONDS * 1000 } : {}),
      ...(e.XLSX_WORKER_MEMORY_MB !== undefined ? { workerMemoryMb: e.XLSX_WORKER_MEMORY_MB } : {}),
      ...(e.XLSX_WORKERS !== undefined ? { workers: e.XLSX_WORKERS } : {}),
    },
  };
}
