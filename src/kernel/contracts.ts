/**
 * Contracts of the kernel's own HTTP surface: health, sign-in, the whole-process record, settings.
 * Zod and labels only, so the web takes its types from this very file (`@server/kernel/contracts`).
 * The calendar's are in `calendar/contracts.ts`, the figure registry's in `figures/contracts.ts`.
 */
import { z } from 'zod';
import { listOf, PageQuery, paged, Timestamp } from './http/responses.js';
import { ROLES } from './auth/labels.js';
import { ORG_LEVELS } from './tenancy/labels.js';

export { ROLES, ROLE_LABELS, type Role } from './auth/labels.js';
export { ORG_LEVELS, ORG_LEVEL_LABELS, type OrgLevel } from './tenancy/labels.js';

// ---- password policy (the server checks it; the forms check it first with the same words) ----

/** The policy in words, for form hints and letters. */
export const PASSWORD_HINT = '至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类';

/**
 * Password policy: at least 10 characters from at least 3 of 4 classes (lower, upper, digit, other).
 * Returns a Chinese message when the password fails, else null.
 */
export function passwordProblem(pw: string): string | null {
  if (pw.length < 10) return '密码至少 10 位';
  if (pw.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类';
  return null;
}

// ---- system ----

/** What anybody may know: the app and its database answer. */
export const HealthResponse = z.object({ status: z.literal('ok') });

/** For a signed-in user: which database, which versions. */
export const HealthDetailsResponse = z.object({
  status: z.literal('ok'),
  database: z.object({ kind: z.enum(['embedded', 'external']), version: z.string() }),
  node: z.string(),
});

// ---- sign-in ----

export const CsrfResponse = z.object({ token: z.string() });

export const Credentials = z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(200) });
export type Credentials = z.infer<typeof Credentials>;

export const PasswordChange = z.object({ current: z.string().min(1, '请输入当前密码'), next: z.string().min(1, '请输入新密码') });
export type PasswordChange = z.infer<typeof PasswordChange>;

/** Who is signed in, their org, and every action they may take (the web shows only what these allow). */
export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    roleLabels: z.array(z.string()),
    unitId: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  org: z.object({ id: z.string(), name: z.string(), level: z.enum(ORG_LEVELS), parentId: z.string().nullable() }),
  /** Action names (`unit.read`, `inspection.manage` …): each module declares its own. */
  actions: z.array(z.string()),
});
export type Me = z.infer<typeof MeResponse>;

// ---- whole-process record (全过程记录) ----

// verification and checkpoints: audit/contracts.ts

/** The default page of a timeline: most records have fewer events than this. */
export const TIMELINE_PAGE_SIZE = 50;
/**
 * A page of one record's timeline: oldest first (`order=asc`, the default) or newest first
 * (`order=desc`, the web's, which then loads earlier events page by page); 50 events a page by default.
 */
export const TimelineQuery = PageQuery.extend({
  pageSize: PageQuery.shape.pageSize.unwrap().default(TIMELINE_PAGE_SIZE),
  order: z.enum(['asc', 'desc'], { error: '排序应为 asc（最早的在前）或 desc（最新的在前）' }).default('asc'),
  entityType: z.string().min(1).max(40),
  entityId: z.string().min(1).max(80),
  orgId: z.uuid().optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

/** One event of a record's timeline: who, when, what, the record before and after, and its place in the chain. */
export const AuditEventView = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actorName: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
  prevHash: z.string(),
  /** The event as one sentence, in people's words: who did what (赵利用 登记了政府信息公开申请). */
  summary: z.string(),
  /** The fields it changed, under their Chinese names, values as people know them (lines joined by `\n`); empty `before` for a field it set. */
  changes: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
});
export type AuditEvent = z.infer<typeof AuditEventView>;
export const TimelineResponse = paged(AuditEventView);
export type TimelinePage = z.infer<typeof TimelineResponse>;

// ---- settings ----

/** One setting of the org: its value (or the default), the default, its Chinese label. Values are JSON (numbers so far). */
export const SettingView = z.object({ key: z.string(), label: z.string(), value: z.unknown(), default: z.unknown() });
export type Setting = z.infer<typeof SettingView>;
export const SettingsResponse = listOf(SettingView);
