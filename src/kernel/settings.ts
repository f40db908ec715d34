/**
 * Settings per org with defaults in code (RULES.md: local practice is a setting, not a constant).
 *
 * The kernel owns the sign-in settings. A module declares its own in its descriptor
 * (`settings: { key: defineSetting(schema, default, label) }`) and types them by augmenting
 * {@link SettingValues}; `installModules` registers them, so `getSetting(db, orgId, 'key')` is typed
 * and the settings page lists them, without the kernel knowing the module.
 */
import { eq } from 'drizzle-orm';
import { readCache } from './db/read-cache.js';
import { z } from 'zod';
import type { DbOrTx } from './db/index.js';
import { settings } from './schema.js';

/** The value type of each setting. Modules add theirs: `declare module '…/kernel/settings.js' { interface SettingValues { x: number } }`. */
export interface SettingValues {
  /** Idle session timeout, minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime, hours: a session ends this long after sign-in, however busy. */
  sessionMaxHours: number;
  /** Failed sign-ins before the account is locked. */
  loginMaxFailures: number;
  /** Lock duration after too many failures, minutes (the first lock; each further lock in a row doubles). */
  loginLockMinutes: number;
  /** The longest a lock grows to, minutes. */
  loginLockMaxMinutes: number;
}
export type SettingKey = keyof SettingValues;
export type SettingValue<K extends SettingKey> = SettingValues[K];

/** One setting: how a value is checked, its default, and its Chinese label. */
export interface SettingDef<T = unknown> {
  schema: z.ZodType<T>;
  default: T;
  label: string;
}

/** A module's settings, keyed and typed by {@link SettingValues}. */
export type SettingDefs<K extends SettingKey = SettingKey> = { [P in K]: SettingDef<SettingValues[P]> };

export const defineSetting = <T>(schema: z.ZodType<T>, defaultValue: T, label: string): SettingDef<T> => ({ schema, default: defaultValue, label });

/** A whole number of days/times/minutes with a Chinese message for each bound. */
export const count = (min: number, max: number, unit: string) =>
  z
    .number({ error: '请填写数字' })
    .int('须为整数')
    .min(min, min === 0 ? '不能为负数' : `不能少于 ${min} ${unit}`)
    .max(max, `不能超过 ${max} ${unit}`);

export const KERNEL_SETTINGS: SettingDefs<'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'loginLockMaxMinutes'> = {
  sessionIdleMinutes: defineSetting(count(5, 24 * 60, '分钟'), 30, '会话空闲超时（分钟）'),
  sessionMaxHours: defineSetting(count(1, 7 * 24, '小时'), 12, '会话最长有效期（小时，到期须重新登录）'),
  loginMaxFailures: defineSetting(count(3, 20, '次'), 5, '连续登录失败锁定次数'),
  loginLockMinutes: defineSetting(count(1, 24 * 60, '分钟'), 15, '账号锁定时长（分钟，再次锁定时加倍）'),
  loginLockMaxMinutes: defineSetting(count(1, 7 * 24 * 60, '分钟'), 24 * 60, '账号锁定最长时长（分钟）'),
};

const registry = new Map<string, SettingDef>();

/** Installs the settings (kernel first, then each module's in order). Replaces what was there. */
export function setSettings(parts: readonly Partial<Record<string, SettingDef>>[]): void {
  registry.clear();
  for (const part of parts) {
    for (const [key, def] of Object.entries(part)) {
      if (!def) continue;
      if (registry.has(key)) throw new Error(`setting ${key} is declared twice`);
      registry.set(key, def);
    }
  }
}
setSettings([KERNEL_SETTINGS as Record<string, SettingDef>]);

/** Every registered setting, in order. */
export function settingDefs(): ReadonlyMap<string, SettingDef> {
  return registry;
}

function defOf(key: string): SettingDef {
  const def = registry.get(key);
  if (!def) throw new Error(`setting ${key} is not registered (is its module installed?)`);
  return def;
}

export async function getSetting<K extends SettingKey>(db: DbOrTx, orgId: string, key: K): Promise<SettingValue<K>> {
  return settingOrDefault(key, (await storedSettings(db, orgId)).get(key));
}

/**
 * An org's stored settings, read once for all keys and cached for a few seconds through the pool (a
 * detail page reads three or four of them per request; db/read-cache.ts). The settings route drops the
 * cache in and after its transaction (`invalidateSettings`).
 */
const settingsCache = readCache<string, ReadonlyMap<string, unknown>>(5_000);

function storedSettings(db: DbOrTx, orgId: string): Promise<ReadonlyMap<string, unknown>> {
  return settingsCache.get(db, orgId, async () => {
    const rows = await db.select({ key: settings.key, value: settings.value }).from(settings).where(eq(settings.orgId, orgId));
    return new Map(rows.map((r) => [r.key, r.value]));
  });
}

/** Drops the cached settings (every writer of a registered setting calls this, in and after its transaction). */
export function invalidateSettings(): void {
  settingsCache.clear();
}

/** A stored value if it is valid for `key`, else the default. */
export function settingOrDefault<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const def = defOf(key);
  const parsed = def.schema.safeParse(stored);
  return (parsed.success ? parsed.data : def.default) as SettingValue<K>;
}

/** Every registered setting of an org: stored values where valid, defaults elsewhere. */
export async function getAllSettings(db: DbOrTx, orgId: string): Promise<Record<string, unknown>> {
  const rows = await db.select().from(settings).where(eq(settings.orgId, orgId));
  const out: Record<string, unknown> = Object.fromEntries([...registry].map(([k, d]) => [k, d.default]));
  for (const r of rows) {
    const def = registry.get(r.key);
    if (def?.schema.safeParse(r.value).success) out[r.key] = r.value;
  }
  return out;
}
