/** Users of an org: create, assign roles, disable, reset password. */
import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx, type Actor, type Ctx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { conflict, forbidden, notFound, validation } from '../../kernel/http/errors.js';
import { generatePassword, hashPassword, passwordProblem } from '../../kernel/auth/password.js';
import { destroyUserSessions } from '../../kernel/auth/sessions.js';
import { departments } from './schema.js';
import { units } from './schema.js';
import { orgs, users } from '../../kernel/schema.js';
import { authorize, canSee } from '../../kernel/auth/policy.js';
import { likeTerm, orderBy, type Page } from '../../kernel/db/paging.js';
import { readableOrg } from '../../kernel/tenancy/index.js';
import { assertDepartment } from './orgs.service.js';
import type { UserInput, UserListQuery, UserPatch } from './contracts.js';

type ActorCtx = Ctx & { actor: Actor };

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
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};
export type PublicUser = { [K in keyof typeof PUBLIC]: (typeof PUBLIC)[K]['_']['data'] | null };

export async function listUsers(ctx: ActorCtx, q: z.infer<typeof UserListQuery>): Promise<Page<PublicUser>> {
  const org = await readableOrg(ctx, q.orgId);
  const where: SQL[] = [eq(users.orgId, org.id)];
  if (q.q) where.push(or(ilike(users.username, likeTerm(q.q)), ilike(users.displayName, likeTerm(q.q)))!);
  if (q.role) where.push(sql`${q.role} = ANY(${users.roles})`);
  if (q.status) where.push(eq(users.status, q.status));
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(users).where(cond);
  const items = await ctx.db
    .select(PUBLIC)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(cond)
    .orderBy(...orderBy({ username: users.username, displayName: users.displayName, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt }, q.sort, q.order, 'username', users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: items as PublicUser[], total, page: q.page, pageSize: q.pageSize };
}

async function loadOwn(ctx: ActorCtx, id: string) {
  const [r] = await ctx.db.select({ u: users, orgPath: orgs.path }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(eq(users.id, id)).for('update', { of: users });
  // Other branches' users are not found; a descendant org's users are readable, so writing them is 403.
  if (!r || !canSee(ctx.actor, { orgId: r.u.orgId, orgPath: r.orgPath })) throw notFound('用户');
  authorize(ctx.actor, 'user.manage', { orgId: r.u.orgId, orgPath: r.orgPath });
  return r.u;
}

async function assertUnit(ctx: Ctx, orgId: string, roles: string[], unitId: string | null | undefined) {
  if (roles.includes('unit') && !unitId) throw validation('立档单位账号须关联一个检查对象单位', { unitId: '请选择所属单位' });
  if (!unitId) return;
  const [u] = await ctx.db.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.orgId, orgId)));
  if (!u) throw validation('单位不存在', { unitId: '单位不存在' });
}

export async function createUser(ctx: ActorCtx, input: z.infer<typeof UserInput>, opts: { mustChangePassword?: boolean } = {}) {
  const problem = passwordProblem(input.password);
  if (problem) throw validation(problem, { password: problem });
  return inTx(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    await assertDepartment(tx, orgId, input.departmentId);
    await assertUnit(tx, orgId, input.roles, input.unitId);
    const [dup] = await tx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup) throw conflict('用户名已被使用', { username: '用户名已被使用' });
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
        mustChangePassword: opts.mustChangePassword ?? true,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordEvent(tx, { orgId, action: 'user.create', entityType: 'user', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateUser(ctx: ActorCtx, id: string, patch: z.infer<typeof UserPatch>) {
  return inTx(ctx, async (tx) => {
    const before = await loadOwn(tx as ActorCtx, id);
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
    await recordEvent(tx, { orgId: before.orgId, action: 'user.update', entityType: 'user', entityId: id, before, after });
    return after!;
  });
}

export async function setUserStatus(ctx: ActorCtx, id: string, status: 'active' | 'disabled') {
  if (id === ctx.actor.userId && status === 'disabled') throw forbidden('不能停用自己的账号');
  return inTx(ctx, async (tx) => {
    const before = await loadOwn(tx as ActorCtx, id);
    const [after] = await tx.db.update(users).set({ status, failedAttempts: 0, lockedUntil: null, updatedAt: tx.now() }).where(eq(users.id, id)).returning();
    if (status === 'disabled') await destroyUserSessions(tx.db, id);
    await recordEvent(tx, { orgId: before.orgId, action: status === 'disabled' ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, before, after });
    return after!;
  });
}

/** A new random password, shown once; the user must change it at next sign-in. Unlocks the account. */
export async function resetPassword(ctx: ActorCtx, id: string): Promise<{ password: string }> {
  const password = generatePassword();
  await inTx(ctx, async (tx) => {
    const before = await loadOwn(tx as ActorCtx, id);
    await tx.db
      .update(users)
      .set({ passwordHash: await hashPassword(password), mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: tx.now() })
      .where(eq(users.id, id));
    await destroyUserSessions(tx.db, id);
    await recordEvent(tx, { orgId: before.orgId, action: 'user.reset_password', entityType: 'user', entityId: id });
  });
  return { password };
}

export async function getUser(ctx: ActorCtx, id: string) {
  const [u] = await ctx.db
    .select({ ...PUBLIC, orgPath: sql<string>`(SELECT path FROM orgs WHERE orgs.id = users.org_id)` })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  if (!u || !u.orgPath.startsWith(ctx.actor.orgPath)) throw notFound('用户');
  return u;
}
