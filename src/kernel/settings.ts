/**
 * Settings per org with defaults in code (RULES.md: local practice is a setting, not a constant).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from './db/index.js';
import { settings } from './schema.js';

export const SETTING_SCHEMAS = {
  /** Idle session timeout, minutes. */
  sessionIdleMinutes: z.number({ error: '请填写数字' }).int('须为整数').min(5, '不能少于 5 分钟').max(24 * 60, '不能超过 1440 分钟'),
  /** Failed sign-ins before the account is locked. */
  loginMaxFailures: z.number({ error: '请填写数字' }).int('须为整数').min(3, '不能少于 3 次').max(20, '不能超过 20 次'),
  /** Lock duration after too many failures, minutes. */
  loginLockMinutes: z.number({ error: '请填写数字' }).int('须为整数').min(1, '不能少于 1 分钟').max(24 * 60, '不能超过 1440 分钟'),
  /** Days before a certificate's expiry when the dashboard warns. */
  certificateWarnDays: z.number({ error: '请填写数字' }).int('须为整数').min(0, '不能为负数').max(365, '不能超过 365 天'),
  /** Double-random draw: units inspected within this many months are left out of the pool (0 = never). */
  drawRecentMonths: z.number().int().min(0).max(60),
  /** 1: high-risk units stay in the pool even when inspected recently. */
  drawRecentKeepHighRisk: z.number().int().min(0).max(1),
  /** 1: units complained about stay in the pool even when inspected recently. */
  drawRecentKeepComplained: z.number().int().min(0).max(1),
  /** 政府信息公开 fee notice: working days the applicant has to pay (国办函〔2020〕109号: 20). */
  disclosureFeePayDays: z.number({ error: '请填写数字' }).int('须为整数').min(1, '不能少于 1 个工作日').max(60, '不能超过 60 个工作日'),
  /** 行政检查: the notice (检查通知书) reaches the unit at least this many working days before the inspection (local practice: 5). */
  inspectionNoticeDays: z.number({ error: '请填写数字' }).int('须为整数').min(0, '不能为负数').max(60, '不能超过 60 个工作日'),
  /** 行政检查: the on-site record is filed (signed) within this many working days of the inspection (local practice: 3). */
  inspectionRecordDays: z.number({ error: '请填写数字' }).int('须为整数').min(1, '不能少于 1 个工作日').max(30, '不能超过 30 个工作日'),
  /** 行政检查: rectification deadline, working days after the on-site inspection (local practice: 30). */
  rectificationDays: z.number({ error: '请填写数字' }).int('须为整数').min(1, '不能少于 1 个工作日').max(250, '不能超过 250 个工作日'),
  /** 监测预警: the same unit inspected again within this many calendar days is a repeat inspection (重复检查). */
  repeatInspectionDays: z.number({ error: '请填写数字' }).int('须为整数').min(1, '不能少于 1 天').max(1095, '不能超过 1095 天'),
  /** 监测预警: an inspector on more inspections than this in one calendar month is overloaded. */
  inspectorMonthlyMax: z.number({ error: '请填写数字' }).int('须为整数').min(1, '不能少于 1 次').max(100, '不能超过 100 次'),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  sessionIdleMinutes: 30,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  certificateWarnDays: 30,
  drawRecentMonths: 12,
  drawRecentKeepHighRisk: 1,
  drawRecentKeepComplained: 1,
  disclosureFeePayDays: 20,
  inspectionNoticeDays: 5,
  inspectionRecordDays: 3,
  rectificationDays: 30,
  repeatInspectionDays: 180,
  inspectorMonthlyMax: 8,
};

export const SETTING_LABELS: Record<SettingKey, string> = {
  sessionIdleMinutes: '会话空闲超时（分钟）',
  loginMaxFailures: '连续登录失败锁定次数',
  loginLockMinutes: '账号锁定时长（分钟）',
  certificateWarnDays: '执法证到期提前提醒（天）',
  drawRecentMonths: '双随机抽取：近期已检查单位不再抽取的月数（0 为不排除）',
  drawRecentKeepHighRisk: '双随机抽取：高风险单位近期已检查仍参加抽取（1 是，0 否）',
  drawRecentKeepComplained: '双随机抽取：被投诉举报的单位近期已检查仍参加抽取（1 是，0 否）',
  disclosureFeePayDays: '政府信息公开：收费通知的缴费期限（工作日）',
  inspectionNoticeDays: '行政检查：检查通知书至迟于检查日前送达的工作日数',
  inspectionRecordDays: '行政检查：现场检查记录签字归档期限（检查之日起，工作日）',
  rectificationDays: '行政检查：整改期限（现场检查之日起，工作日）',
  repeatInspectionDays: '监测预警：同一单位在此天数内再次检查即提示重复检查（日）',
  inspectorMonthlyMax: '监测预警：执法人员每月参加检查次数上限（次）',
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
