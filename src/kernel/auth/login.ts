/**
 * Sign-in. Failures are counted per (username, address), per username by the addresses it fails
 * from (the account does not sign in from), and per address (kernel/auth/throttle.ts), all keyed by what was typed:
 * an unknown username gets the same answers, status and password hashing as an account, so the
 * answers tell nobody whether an account exists. Every attempt on an existing account, and every
 * lock, lands in the record.
 */
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { inTx, type Ctx } from '../context.js';
import { recordEvent } from '../audit/index.js';
import type { DbOrTx } from '../db/index.js';
import { AppError } from '../http/errors.js';
import { orgs, signInLimits, users } from '../schema.js';
import { getSetting } from '../settings.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { createSession, destroyOtherSessions, destroySession } from './sessions.js';
import { ADDRESS_POLICY, accountPolicy, fail, failuresLeft, isKnownAddress, lockedFor, settle, type LimitPolicy, type LimitState } from './throttle.js';

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

export type LoginResult = { ok: true; token: string; userId: string } | { ok: false; error: AppError };

type Scope = 'account' | 'address' | 'pair';
type LimitRow = typeof signInLimits.$inferSelect;

const wrong = (left: number) => new AppError('unauthenticated', `用户名或密码错误（再失败 ${left} 次将锁定账号）`);
const lockedNow = (failures: number, minutes: number) => new AppError('locked', `连续 ${failures} 次登录失败，账号已锁定 ${minutes} 分钟`);
const accountLockedNow = (minutes: number) => new AppError('locked', `登录失败次数过多，账号已锁定 ${minutes} 分钟`);
const stillLocked = (minutes: number) => new AppError('locked', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
const addressLocked = (minutes: number) => new AppError('rate_limited', `本地址登录失败次数过多，请 ${minutes} 分钟后再试`);

/** The org whose lockout settings apply: the account's, or for a name that is no account the top org's. */
async function policyOf(db: DbOrTx, orgId: string | undefined): Promise<LimitPolicy> {
  const org = orgId ?? (await db.select({ id: orgs.id }).from(orgs).where(isNull(orgs.parentId)).orderBy(asc(orgs.createdAt)).limit(1))[0]?.id;
  if (!org) return accountPolicy({ loginMaxFailures: 5, loginLockMinutes: 15, loginLockMaxMinutes: 24 * 60 });
  return accountPolicy({
    loginMaxFailures: await getSetting(db, org, 'loginMaxFailures'),
    loginLockMinutes: await getSetting(db, org, 'loginLockMinutes'),
    loginLockMaxMinutes: await getSetting(db, org, 'loginLockMaxMinutes'),
  });
}

/** The three counters of an attempt, created if new and locked in one fixed order (account, address, pair). */
async function lockCounters(db: DbOrTx, username: string, address: string): Promise<Record<Scope, LimitRow>> {
  const keys: { scope: Scope; username: string; address: string }[] = [
    { scope: 'account', username, address: '' },
    { scope: 'address', username: '', address },
    { scope: 'pair', username, address },
  ];
  await db.insert(signInLimits).values(keys).onConflictDoNothing();
  const rows = await db
    .select()
    .from(signInLimits)
    .where(or(...keys.map((k) => and(eq(signInLimits.scope, k.scope), eq(signInLimits.username, k.username), eq(signInLimits.address, k.address)))))
    .orderBy(asc(signInLimits.scope), asc(signInLimits.username), asc(signInLimits.address))
    .for('update');
  const by = (s: Scope) => {
    const r = rows.find((x) => x.scope === s);
    if (!r) throw new Error(`sign-in counter ${s} missing`);
    return r;
  };
  return { account: by('account'), address: by('address'), pair: by('pair') };
}

async function saveCounter(db: DbOrTx, row: LimitRow, s: LimitState & { lastSuccessAt?: Date | null }): Promise<void> {
  await db
    .update(signInLimits)
    .set(s)
    .where(and(eq(signInLimits.scope, row.scope), eq(signInLimits.username, row.username), eq(signInLimits.address, row.address)));
}

/** An admin's unlock (password reset, re-enabling): the name's counters start over. */
export async function clearSignInLimits(db: DbOrTx, username: string): Promise<void> {
  await db.delete(signInLimits).where(and(inArray(signInLimits.scope, ['account', 'pair']), eq(signInLimits.username, username)));
}

let lastSweep = 0;
/** Drops counters untouched for 31 days (longer than any lock's memory), at most once an hour. */
async function sweep(db: DbOrTx, now: Date): Promise<void> {
  if (now.getTime() - lastSweep < 3_600_000 && now.getTime() >= lastSweep) return;
  lastSweep = now.getTime();
  const before = new Date(now.getTime() - 31 * 24 * 3_600_000);
  await db
    .delete(signInLimits)
    .where(
      lt(
        sql`GREATEST(${signInLimits.lastFailureAt}, ${signInLimits.lockedUntil}, ${signInLimits.lastSuccessAt}, '-infinity'::timestamptz)`,
        before.toISOString(),
      ),
    );
}

export async function login(
  ctx: Ctx,
  input: { username: string; password: string },
  meta: { ip?: string; userAgent?: string; replacesToken?: string },
): Promise<LoginResult> {
  const now = ctx.now();
  const address = meta.ip ?? 'unknown';
  const res = await inTx(ctx, async (tx): Promise<LoginResult> => {
    const [user] = await tx.db.select().from(users).where(eq(users.username, input.username)).limit(1);
    const policy = await policyOf(tx.db, user?.orgId);
    const c = await lockCounters(tx.db, input.username, address);
    const known = isKnownAddress(c.pair.lastSuccessAt, now);

    // Locked: refused before any password is checked, for a name that is an account or not alike.
    const addressLock = lockedFor(c.address, now);
    if (addressLock) return { ok: false, error: addressLocked(addressLock) };
    const nameLock = Math.max(lockedFor(c.pair, now) ?? 0, known ? 0 : (lockedFor(c.account, now) ?? 0));
    if (nameLock) return { ok: false, error: stillLocked(nameLock) };

    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await (dummyHash ??= hashPassword('lantai-dummy-Password-1')), input.password);
    const actorCtx: Ctx | null = user
      ? {
          ...tx,
          actor: { userId: user.id, username: user.username, displayName: user.displayName, orgId: user.orgId, orgPath: '', roles: [], unitId: user.unitId },
        }
      : null;

    if (user && passwordOk) {
      // The password is right: only now may the answer say the account is disabled.
      if (user.status !== 'active') return { ok: false, error: new AppError('unauthenticated', '账号已停用，请联系系统管理员') };
      await saveCounter(tx.db, c.pair, { failures: 0, firstFailureAt: null, lastFailureAt: null, locks: 0, lockedUntil: null, lastSuccessAt: now });
      // the account's lock (for other addresses) and its level stay: whoever failed elsewhere is still shut out
      await saveCounter(tx.db, c.account, { ...settle(c.account, now, policy), failures: 0, firstFailureAt: null });
      await tx.db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
      // the same browser signing in again: its old session ends
      if (meta.replacesToken) await destroySession(tx.db, meta.replacesToken);
      const token = await createSession(tx.db, user, meta, now);
      await recordEvent(actorCtx!, {
        orgId: user.orgId,
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { ip: meta.ip ?? null, knownAddress: known },
      });
      return { ok: true, token, userId: user.id };
    }

    // A failure (wrong password, or no such account): every counter that applies counts it.
    const addr = fail(c.address, now, ADDRESS_POLICY);
    const pair = fail(c.pair, now, policy);
    // the account counts addresses, not attempts: an address's first failure in the account's window (never a known address's)
    const acc = settle(c.account, now, policy);
    const newAddress = !acc.firstFailureAt || !c.pair.lastFailureAt || c.pair.lastFailureAt < acc.firstFailureAt;
    const account = !known && newAddress ? fail(acc, now, policy) : { state: acc, locked: null };
    await saveCounter(tx.db, c.address, addr.state);
    await saveCounter(tx.db, c.pair, pair.state);
    await saveCounter(tx.db, c.account, account.state);
    const lockMinutes = Math.max(pair.locked ?? 0, account.locked ?? 0);
    if (user && actorCtx) {
      if (lockMinutes) {
        // shown to admins (用户管理): the latest lock's end, whether for one address or for all unknown ones
        const until = new Date(now.getTime() + lockMinutes * 60_000);
        if (!user.lockedUntil || user.lockedUntil < until) await tx.db.update(users).set({ lockedUntil: until, updatedAt: now }).where(eq(users.id, user.id));
        await recordEvent(actorCtx, {
          orgId: user.orgId,
          action: 'auth.locked',
          entityType: 'user',
          entityId: user.id,
          after: {
            ip: meta.ip ?? null,
            // pair: this address shut out of the account; account: every address it does not sign in from
            scope: account.locked ? 'account' : 'pair',
            lockedUntil: (account.locked ? account.state.lockedUntil : pair.state.lockedUntil)?.toISOString() ?? null,
            locks: account.locked ? account.state.locks : pair.state.locks,
          },
        });
      } else {
        await recordEvent(actorCtx, {
          orgId: user.orgId,
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { ip: meta.ip ?? null, failures: pair.state.failures, addresses: account.state.failures },
        });
      }
    }
    if (pair.locked) return { ok: false, error: lockedNow(policy.maxFailures, lockMinutes) };
    if (account.locked) return { ok: false, error: accountLockedNow(lockMinutes) };
    if (addr.locked) return { ok: false, error: addressLocked(addr.locked) };
    return { ok: false, error: wrong(failuresLeft(pair.state, policy)) };
  });
  await sweep(ctx.db, now);
  return res;
}

export async function logout(ctx: Ctx, token: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await destroySession(tx.db, token);
    if (tx.actor) await recordEvent(tx, { orgId: tx.actor.orgId, action: 'auth.logout', entityType: 'user', entityId: tx.actor.userId });
  });
}

/** The own password; every other session of the user ends, the one that changed it (`sessionId`) stays. */
export async function changeOwnPassword(
  ctx: Ctx & { actor: NonNullable<Ctx['actor']> },
  input: { current: string; next: string },
  sessionId: string,
): Promise<void> {
  const problem = passwordProblem(input.next);
  if (problem) throw new AppError('validation', problem, { fields: { next: problem } });
  await inTx(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
      throw new AppError('validation', '当前密码不正确', { fields: { current: '当前密码不正确' } });
    }
    await tx.db
      .update(users)
      .set({ passwordHash: await hashPassword(input.next), mustChangePassword: false, updatedAt: tx.now() })
      .where(eq(users.id, user.id));
    const ended = await destroyOtherSessions(tx.db, user.id, sessionId);
    await recordEvent(tx, { orgId: user.orgId, action: 'user.password_change', entityType: 'user', entityId: user.id, after: { otherSessionsEnded: ended } });
  });
}
