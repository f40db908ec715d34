/**
 * Sign-in with lockout: after `loginMaxFailures` failures (default 5) the account is locked for
 * `loginLockMinutes` (default 15). Every attempt on an existing account lands in the record.
 */
import { eq } from 'drizzle-orm';
import { inTx, type Ctx } from '../context.js';
import { recordEvent } from '../audit/index.js';
import { AppError } from '../http/errors.js';
import { users } from '../schema.js';
import { getSetting } from '../settings.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { createSession, destroySession, destroyUserSessions } from './sessions.js';

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

export type LoginResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; error: AppError };

export async function login(
  ctx: Ctx,
  input: { username: string; password: string },
  meta: { ip?: string; userAgent?: string },
): Promise<LoginResult> {
  const now = ctx.now();
  return inTx(ctx, async (tx) => {
    const rows = await tx.db.select().from(users).where(eq(users.username, input.username)).for('update').limit(1);
    const user = rows[0];
    const bad = new AppError('unauthenticated', '用户名或密码错误');
    if (!user) {
      dummyHash ??= hashPassword('lantai-dummy-Password-1');
      await verifyPassword(await dummyHash, input.password);
      return { ok: false, error: bad };
    }
    const actorCtx: Ctx = {
      ...tx,
      actor: { userId: user.id, username: user.username, displayName: user.displayName, orgId: user.orgId, orgPath: '', roles: [], unitId: user.unitId },
    };
    if (user.status !== 'active') return { ok: false, error: new AppError('unauthenticated', '账号已停用，请联系系统管理员') };
    if (user.lockedUntil && user.lockedUntil > now) {
      const mins = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      return { ok: false, error: new AppError('locked', `连续登录失败次数过多，账号已锁定，请 ${mins} 分钟后再试`) };
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const max = await getSetting(tx.db, user.orgId, 'loginMaxFailures');
      const failures = user.failedAttempts + 1;
      if (failures >= max) {
        const lockMinutes = await getSetting(tx.db, user.orgId, 'loginLockMinutes');
        const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000);
        await tx.db.update(users).set({ failedAttempts: 0, lockedUntil, updatedAt: now }).where(eq(users.id, user.id));
        await destroyUserSessions(tx.db, user.id);
        await recordEvent(actorCtx, { orgId: user.orgId, action: 'auth.locked', entityType: 'user', entityId: user.id, after: { failures, lockedUntil } });
        return { ok: false, error: new AppError('locked', `连续 ${failures} 次登录失败，账号已锁定 ${lockMinutes} 分钟`) };
      }
      await tx.db.update(users).set({ failedAttempts: failures, updatedAt: now }).where(eq(users.id, user.id));
      await recordEvent(actorCtx, { orgId: user.orgId, action: 'auth.login_failed', entityType: 'user', entityId: user.id, after: { failures } });
      return { ok: false, error: new AppError('unauthenticated', `用户名或密码错误（再失败 ${max - failures} 次将锁定账号）`) };
    }
    await tx.db.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const token = await createSession(tx.db, user, meta, now);
    await recordEvent(actorCtx, { orgId: user.orgId, action: 'auth.login', entityType: 'user', entityId: user.id, after: { ip: meta.ip ?? null } });
    return { ok: true, token, userId: user.id };
  });
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await destroySession(tx.db, token);
    if (tx.actor) await recordEvent(tx, { orgId: tx.actor.orgId, action: 'auth.logout', entityType: 'user', entityId: tx.actor.userId });
  });
}

export async function changeOwnPassword(ctx: Ctx & { actor: NonNullable<Ctx['actor']> }, input: { current: string; next: string }): Promise<void> {
  const problem = passwordProblem(input.next);
  if (problem) throw new AppError('validation', problem, { fields: { next: problem } });
  await inTx(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
      throw new AppError('validation', '当前密码不正确', { fields: { current: '当前密码不正确' } });
    }
    await tx.db.update(users).set({ passwordHash: await hashPassword(input.next), mustChangePassword: false, updatedAt: tx.now() }).where(eq(users.id, user.id));
    await recordEvent(tx, { orgId: user.orgId, action: 'user.password_change', entityType: 'user', entityId: user.id });
  });
}
