/**
 * Settings per org with defaults in code (RULES.md: local practice is a setting, not a constant).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from './db/index.js';
import { settings } from './schema.js';

export const SETTING_SCHEMAS = {
  /** Idle session timeout, minutes. */
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
  /** Failed sign-ins before the account is locked. */
  loginMaxFailures: z.number().int().min(3).max(20),
  /** Lock duration after too many failures, minutes. */
  loginLockMinutes: z.number().int().min(1).max(24 * 60),
  /** Days before a certificate's expiry when the dashboard warns. */
  certificateWarnDays: z.number().int().min(0).max(365),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  sessionIdleMinutes: 30,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  certificateWarnDays: 30,
};

export const SETTING_LABELS: Record<SettingKey, string> = {
  sessionIdleMinutes: '会话空闲超时（分钟）',
  loginMaxFailures: '连续登录失败锁定次数',
  loginLockMinutes: '账号锁定时长（分钟）',
  certificateWarnDays: '执法证到期提前提醒（天）',
};

export async function getSetting<K extends SettingKey>(db: DbOrTx, orgId: string, key: K): Promise<SettingValue<K>> {
  const rows = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.orgId, orgId), eq(settings.key, key)))
    .limit(1);
  return settingOrDefault(key, rows[0]?.value);
}

/** A stored value if it is valid for `key`, else the default. */
export function settingOrDefault<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const parsed = SETTING_SCHEMAS[key].safeParse(stored);
  return (parsed.success ? parsed.data : SETTING_DEFAULTS[key]) as SettingValue<K>;
}

export async function getAllSettings(db: DbOrTx, orgId: string): Promise<{ [K in SettingKey]: SettingValue<K> }> {
  const rows = await db.select().from(settings).where(eq(settings.orgId, orgId));
  const out = { ...SETTING_DEFAULTS } as Record<string, unknown>;
  for (const r of rows) {
    const schema = SETTING_SCHEMAS[r.key as SettingKey];
    if (schema?.safeParse(r.value).success) out[r.key] = r.value;
  }
  return out as { [K in SettingKey]: SettingValue<K> };
}
