/** Users of an org: create, assign roles, disable, reset password. */
import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { fieldError, forbidden, notFound, validation } from '../../../kernel/http/errors.js';
import { generatePassword, hashPassword, passwordProblem } from '../../../kernel/auth/password.js';
import { can } from '../../../kernel/auth/policy.js';
import type { Role } from '../../../kernel/auth/labels.js';
import { destroyUserSessions, evictUserSessions } from '../../../kernel/auth/sessions.js';
import { clearSignInLimits } from '../../../kernel/auth/login.js';
import { users } from '../../../kernel/schema.js';
import { likeTerm, orderBy } from '../../../kernel/db/paging.js';
import { guardRecord, readableOrg } from '../../../kernel/tenancy/index.js';
import type { UserStatus } from '../labels.js';
import { departments, units } from '../schema.js';
import { assertDepartment } from '../orgs/orgs.service.js';
import type { Account, AccountPatch, User, UserAction, UserDetail, UserInput, UserListQuery, UserPatch } from './contracts.js';
import { officeTelephoneOf } from './contact.service.js';

const PUBLIC = {
  id: users.id,
  orgId: users.orgId,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  status: users.status,
  departmentId: users.departmentId,
  departmentName: departments.name,
  unitId: users.unitId,
  unitName: units.name,
  telephone: users.telephone,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};
/** What {@link PUBLIC} selects (departments and units left-joined). */
interface PublicRow {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: string[];
  status: string;
  departmentId: string | null;
  departmentName: string | null;
  unitId: string | null;
  unitName: string | null;
  telephone: string | null;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

/** What the actor may do with a user of the org at `orgPath`: manage its own org's accounts, never disable itself. */
function userActions(ctx: ActorCtx, r: PublicRow, orgPath: string): UserAction[] {
  if (!can(ctx.actor, 'user.manage', { orgId: r.orgId, orgPath })) return [];
  const self = r.id === ctx.actor.userId;
  return ['edit', ...(self ? [] : [r.status === 'active' ? ('disable' as const) : ('enable' as const)]), 'resetPassword', 'notice'];
}

/** A user as the API sends it (never the password hash), with what the actor may do with it. */
function presentUser(ctx: ActorCtx, r: PublicRow, orgPath: string): User {
  return {
    ...r,
    roles: r.roles as Role[],
    status: r.status as UserStatus,
    lockedUntil: r.lockedUntil?.toISOString() ?? null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    allowedActions: userActions(ctx, r, orgPath),
  };
}

export async function listUsers(ctx: ActorCtx, q: UserListQuery): Promise<{ items: User[]; total: number; page: number; pageSize: number }> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(users.orgId, org.id)];
  if (q.q) where.push(or(ilike(users.username, likeTerm(q.q)), ilike(users.displayName, likeTerm(q.q)))!);
  if (q.role) where.push(sql`${q.role} = ANY(${users.roles})`);
  if (q.status) where.push(eq(users.status, q.status));
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(cond);
  const items = await ctx.db
    .select(PUBLIC)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(cond)
    .orderBy(
      ...orderBy(
        { username: users.username, displayName: users.displayName, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt },
        q.sort,
        q.order,
        'username',
        users.id,
      ),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: items.map((u) => presentUser(ctx, u, org.path)), total, page: q.page, pageSize: q.pageSize };
}

/** A user the actor manages, locked: other branches' users are not found; a descendant org's are readable, so writing them is 403. */
async function loadOwn(ctx: ActorCtx, id: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, id)).for('update');
  const { orgPath: _path, ...row } = await guardRecord(ctx, u, 'user.manage', '用户');
  return row;
}

async function assertUnit(ctx: Ctx, orgId: string, roles: string[], unitId: string | null | undefined) {
  if (roles.includes('unit') && !unitId) throw validation('立档单位账号须关联一个检查对象单位', { unitId: '请选择所属单位' });
  if (!unitId) return;
  const [u] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.orgId, orgId)));
  if (!u) throw fieldError('unitId', '单位不存在');
}

export async function createUser(ctx: ActorCtx, input: UserInput, opts: { mustChangePassword?: boolean } = {}) {
  const problem = passwordProblem(input.password);
  if (problem) throw fieldError('password', problem);
  return inTx(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    await assertDepartment(tx, orgId, input.departmentId);
    await assertUnit(tx, orgId, input.roles, input.unitId);
    const [dup] = await tx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup) throw fieldError('username', '用户名已被使用', 'conflict');
    const [row] = await tx.db
      .insert(users)
      .values({
        orgId,
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        roles: [...new Set(input.roles)],
        departmentId: input.departmentId ?? null,
        unitId: input.unitId ?? null,
        telephone: input.telephone ?? null,
        mustChangePassword: opts.mustChangePassword ?? true,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordEvent(tx, { orgId, action: 'user.create', entityType: 'user', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateUser(ctx: ActorCtx, id: string, patch: UserPatch) {
  return inTx(ctx, async (tx) => {
    const before = await loadOwn(tx, id);
    const roles = patch.roles ?? before.roles;
    if (id === ctx.actor.userId && !roles.includes('admin') && before.roles.includes('admin')) {
      throw forbidden('不能取消自己的系统管理员角色');
    }
    await assertDepartment(tx, before.orgId, patch.departmentId);
    await assertUnit(tx, before.orgId, roles, patch.unitId === undefined ? before.unitId : patch.unitId);
    const [after] = await tx.db
      .update(users)
      .set({ ...patch, roles: [...new Set(roles)], updatedAt: tx.now() })
      .where(eq(users.id, id))
      .returning();
    // new roles take effect at the next sign-in: every session of the user ends
    const rolesChanged = [...new Set(roles)].sort().join() !== [...new Set(before.roles)].sort().join();
    if (rolesChanged) await destroyUserSessions(tx.db, id);
    // other changes (name, unit, department) reach the user's sessions at their next request
    else evictUserSessions(id);
    await recordEvent(tx, { orgId: before.orgId, action: 'user.update', entityType: 'user', entityId: id, before, after });
    return after!;
  });
}

export async function setUserStatus(ctx: ActorCtx, id: string, status: 'active' | 'disabled') {
  if (id === ctx.actor.userId && status === 'disabled') throw forbidden('不能停用自己的账号');
  return inTx(ctx, async (tx) => {
    const before = await loadOwn(tx, id);
    const [after] = await tx.db.update(users).set({ status, lockedUntil: null, updatedAt: tx.now() }).where(eq(users.id, id)).returning();
    if (status === 'disabled') await destroyUserSessions(tx.db, id);
    await clearSignInLimits(tx.db, before.username);
    await recordEvent(tx, {
      orgId: before.orgId,
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

/** A new random password, shown once; the user must change it at next sign-in. Unlocks the account. */
export async function resetPassword(ctx: ActorCtx, id: string): Promise<{ password: string }> {
  const password = generatePassword();
  await inTx(ctx, async (tx) => {
    const before = await loadOwn(tx, id);
    await tx.db
      .update(users)
      .set({ passwordHash: await hashPassword(password), mustChangePassword: true, lockedUntil: null, updatedAt: tx.now() })
      .where(eq(users.id, id));
    await destroyUserSessions(tx.db, id);
    await clearSignInLimits(tx.db, before.username);
    await recordEvent(tx, { orgId: before.orgId, action: 'user.reset_password', entityType: 'user', entityId: id });
  });
  return { password };
}

/** A user of the actor's org or below (404 for any other), with its org's path. */
export async function getUser(ctx: ActorCtx, id: string): Promise<UserDetail> {
  const [u] = await ctx.db
    .select(PUBLIC)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  const r = await guardRecord(ctx, u, 'user.read', '用户');
  return { ...presentUser(ctx, r, r.orgPath), orgPath: r.orgPath };
}

// ---- 本人账号 ----

/** The signed-in user's own account, with the org's 办公电话 (what letters show while the user has no telephone). */
export async function getOwnAccount(ctx: ActorCtx): Promise<Account> {
  const [u] = await ctx.db
    .select({ username: users.username, displayName: users.displayName, telephone: users.telephone })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  if (!u) throw notFound('用户');
  return { ...u, officeTelephone: (await officeTelephoneOf(ctx.db, ctx.actor.orgId)) ?? '' };
}

/** A user sets their own 联系电话 (recorded like an admin's change, in the same transaction). */
export async function updateOwnAccount(ctx: ActorCtx, patch: AccountPatch): Promise<Account> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select({ telephone: users.telephone }).from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    if (!before) throw notFound('用户');
    if (before.telephone === patch.telephone) return;
    await tx.db.update(users).set({ telephone: patch.telephone, updatedAt: tx.now() }).where(eq(users.id, ctx.actor.userId));
    await recordEvent(tx, {
      orgId: ctx.actor.orgId,
      action: 'user.update',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before,
      after: { telephone: patch.telephone },
    });
  });
  return getOwnAccount(ctx);
}
