/**
 * Sign-in failure counting and back-off locks: pure rules over one counter's state, table-tested.
 *
 * Three counters take part in every sign-in (kernel/auth/login.ts), all keyed by what was typed so
 * an unknown username is counted and locked exactly like an account:
 * - `pair` (username, address): failures from one address on one name; its lock shuts that
 *   address out of that name. Its `lastSuccessAt` makes the address a *known* one of the account.
 * - `account` (username): the *addresses* that failed on the name within the window (each counted
 *   once, never a known one), so one address alone never locks the account, only itself out of it;
 *   its lock shuts out every address except the known ones, so a flood from elsewhere never locks
 *   out the real user at the address they usually sign in from.
 * - `address`: failures from one address on any name (a budget per window, {@link ADDRESS_POLICY});
 *   its lock shuts that address out of every name.
 *
 * A lock after `maxFailures` failures lasts `lockMinutes`, each further lock in a row twice as long,
 * up to `maxLockMinutes`. A counter quiet for `maxLockMinutes` (no failure, no lock running) forgets
 * its failures and its level.
 */

export interface LimitState {
  failures: number;
  /** The first failure counted in the current window. */
  firstFailureAt: Date | null;
  lastFailureAt: Date | null;
  /** Locks in a row: the back-off level. */
  locks: number;
  lockedUntil: Date | null;
}

export interface LimitPolicy {
  maxFailures: number;
  lockMinutes: number;
  maxLockMinutes: number;
  /** Failures further apart than this from the window's first do not add up. */
  windowMinutes: number;
}

export const EMPTY_LIMIT: LimitState = { failures: 0, firstFailureAt: null, lastFailureAt: null, locks: 0, lockedUntil: null };

/** One address on any username: 20 failures within 15 minutes lock it, 15 minutes doubling up to a day. */
export const ADDRESS_POLICY: LimitPolicy = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 24 * 60 };

/** An address the account signed in from within this many days is one of its known addresses. */
export const KNOWN_ADDRESS_DAYS = 30;

const MINUTE = 60_000;

/** The org's account policy from its settings: failures count within the cap's window. */
export function accountPolicy(s: { loginMaxFailures: number; loginLockMinutes: number; loginLockMaxMinutes: number }): LimitPolicy {
  const maxLockMinutes = Math.max(s.loginLockMaxMinutes, s.loginLockMinutes);
  return { maxFailures: s.loginMaxFailures, lockMinutes: s.loginLockMinutes, maxLockMinutes, windowMinutes: maxLockMinutes };
}

/** How long the `level`-th lock in a row lasts, minutes: `lockMinutes` × 2^(level−1), at most the cap. */
export function lockMinutesAt(level: number, policy: LimitPolicy): number {
  const cap = Math.max(policy.maxLockMinutes, policy.lockMinutes);
  return Math.min(policy.lockMinutes * 2 ** Math.min(Math.max(level - 1, 0), 30), cap);
}

/** Whole minutes left of a running lock (at least 1), or null when not locked. */
export function lockedFor(s: LimitState, now: Date): number | null {
  if (!s.lockedUntil || s.lockedUntil.getTime() <= now.getTime()) return null;
  return Math.max(1, Math.ceil((s.lockedUntil.getTime() - now.getTime()) / MINUTE));
}

/** The state as of `now`: a quiet counter forgets its level, a window that has passed starts over. */
export function settle(s: LimitState, now: Date, policy: LimitPolicy): LimitState {
  const t = now.getTime();
  const quietSince = Math.max(s.lastFailureAt?.getTime() ?? -Infinity, s.lockedUntil?.getTime() ?? -Infinity);
  if (quietSince !== -Infinity && t - quietSince > policy.maxLockMinutes * MINUTE) return { ...EMPTY_LIMIT };
  if (s.firstFailureAt && t - s.firstFailureAt.getTime() > policy.windowMinutes * MINUTE) return { ...s, failures: 0, firstFailureAt: null };
  return s;
}

/** Counts one failure; the `maxFailures`-th locks (`locked`: the lock's length in minutes). Not called while locked. */
export function fail(s0: LimitState, now: Date, policy: LimitPolicy): { state: LimitState; locked: number | null } {
  const s = settle(s0, now, policy);
  const failures = s.failures + 1;
  if (failures < policy.maxFailures) {
    return { state: { ...s, failures, firstFailureAt: s.firstFailureAt ?? now, lastFailureAt: now }, locked: null };
  }
  const locks = s.locks + 1;
  const minutes = lockMinutesAt(locks, policy);
  return {
    state: { failures: 0, firstFailureAt: null, lastFailureAt: now, locks, lockedUntil: new Date(now.getTime() + minutes * MINUTE) },
    locked: minutes,
  };
}

/** Failures left before the next lock. */
export const failuresLeft = (s: LimitState, policy: LimitPolicy) => Math.max(policy.maxFailures - s.failures, 0);

/** Whether the pair's address is one the account signed in from lately. */
export const isKnownAddress = (lastSuccessAt: Date | null, now: Date) =>
  !!lastSuccessAt && now.getTime() - lastSuccessAt.getTime() <= KNOWN_ADDRESS_DAYS * 24 * 60 * MINUTE;
