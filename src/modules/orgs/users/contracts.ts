/** Contracts of the users of an org (用户管理). Zod and labels only: the web imports this very file. */
import { z } from 'zod';
import { ROLES } from '../../../kernel/auth/labels.js';
import { paged, Timestamp } from '../../../kernel/http/responses.js';
import { USER_STATUSES } from '../labels.js';
import { ListQuery, Password, requiredText, Telephone, Username } from '../contracts.js';

// ---- requests ----

export const Roles = z.array(z.enum(ROLES, { error: '未知角色' })).min(1, '至少选择一个角色');
export const UserInput = z.object({
  username: Username,
  displayName: requiredText('姓名', 40),
  password: Password,
  roles: Roles,
  departmentId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  /** 联系电话: printed in the 附注 of the letters the user issues. */
  telephone: Telephone.optional(),
});
export type UserInput = z.infer<typeof UserInput>;
export const UserPatch = z.object({
  displayName: requiredText('姓名', 40).optional(),
  roles: Roles.optional(),
  departmentId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  telephone: Telephone.optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

/** 本人账号: what a user may change about themselves besides the password (修改密码 is the kernel's). */
export const AccountPatch = z.object({ telephone: Telephone });
export type AccountPatch = z.infer<typeof AccountPatch>;

export const UserListQuery = ListQuery.extend({
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

// ---- responses ----

/** What the actor may do with a user account (the page offers only these). */
export const USER_ACTIONS = ['edit', 'disable', 'enable', 'resetPassword', 'notice'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** A user account as the back office lists it (never its password hash). */
export const UserView = z.object({
  id: z.string(),
  orgId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(USER_STATUSES),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** For a 立档单位 account: its regulated unit. */
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** 联系电话 (printed in the 附注 of the letters the user issues). */
  telephone: z.string().nullable(),
  /** Locked after repeated failed sign-ins, until then. */
  lockedUntil: Timestamp.nullable(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** For the signed-in actor: an admin of the user's own org manages it (never disables itself). */
  allowedActions: z.array(z.enum(USER_ACTIONS)),
});
export type User = z.infer<typeof UserView>;
export const UserDetail = UserView.extend({ orgPath: z.string() });
export type UserDetail = z.infer<typeof UserDetail>;
export const UsersPage = paged(UserView);

/** The signed-in user's own account (本人账号). */
export const AccountView = z.object({
  username: z.string(),
  displayName: z.string(),
  telephone: z.string().nullable(),
  /** The org's 办公电话, used in letters while the user has no telephone of their own ('' when not set). */
  officeTelephone: z.string(),
});
export type Account = z.infer<typeof AccountView>;

/** A new random password, shown once. */
export const PasswordReset = z.object({ password: z.string() });
