/**
 * Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256.
 * A session ends when idle for the org's `sessionIdleMinutes` (default 30), `sessionMaxHours`
 * (default 12) after sign-in however busy, when its user is disabled, changes their password (the
 * other sessions), has their roles changed or password reset by an admin, and when the same browser
 * signs in again.
 *
 * Resolved sessions are cached in the process for SESSION_CACHE_MS (10 s), so a busy page does not
 * cost a database round trip per request: every way a session ends here (sign-out, a new sign-in,
 * password change, role change, disabling, password reset) evicts the user's entries at once, and
 * nothing of that user is cached again for a few seconds while the revoking transaction commits. A
 * second app instance on the same database sees such an end within SESSION_CACHE_MS. `last_seen_at`
 * is written at most every 30 s per session, by one request at a time (single flight).
 */
import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { orgs, sessions, users } from '../schema.js';
import type { Actor } from '../context.js';
import type { Role } from './roles.js';
import { settingOrDefault } from '../settings.js';

export const SESSION_COOKIE = 'lantai_session';

export const tokenId = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * What a CSRF token is bound to: the session cookie the browser sends (its SHA-256), 'anonymous'
 * without one. A token issued to one session is refused with another; signing in or out needs a new token.
 */
export const csrfBinding = (cookies: Record<string, string | undefined>): string => {
  const token = cookies[SESSION_COOKIE];
  return token ? tokenId(token) : 'anonymous';
};

export async function createSession(db: DbOrTx, user: { id: string; orgId: string }, meta: { ip?: string; userAgent?: string }, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: tokenId(token),
    orgId: user.orgId,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function destroySession(db: DbOrTx, token: string): Promise<void> {
  const id = tokenId(token);
  const userId = cache.get(id)?.info.actor.userId;
  cache.delete(id);
  const r = await db.delete(sessions).where(eq(sessions.id, id)).returning({ userId: sessions.userId });
  const owner = r[0]?.userId ?? userId;
  if (owner) evictUserSessions(owner);
}

/** A resolved session: its actor, its id (SHA-256 of the token) and whether the password must be changed first. */
export interface SessionInfo {
  actor: Actor;
  sessionId: string;
  mustChangePassword: boolean;
}

/** How long a resolved session is answered from memory before it is read again. */
export const SESSION_CACHE_MS = 10_000;
/** After a user's sessions are ended, how long nothing of theirs is cached (the ending transaction may not have committed yet). */
const REVOCATION_GRACE_MS = 5_000;
const TOUCH_EVERY_MS = 30_000;
const CACHE_MAX = 10_000;

interface CachedSession {
  info: SessionInfo;
  createdAt: number;
  maxHours: number;
  /** When it was read from the database (app time). */
  readAt: number;
  /** Last written last_seen_at, and whether a write is under way. */
  touchedAt: number;
  touching: boolean;
}

const cache = new Map<string, CachedSession>();
/** userId → when their sessions were last ended (app time). */
const revoked = new Map<string, number>();

/** Reads of the database under way, by session id: concurrent requests of one session share one (single flight). */
const loading = new Map<string, Promise<SessionInfo | null>>();

/** Forgets every cached session and revocation (tests that count statements start from here). */
export function clearSessionCache(): void {
  cache.clear();
  revoked.clear();
}

/** Forgets the cached sessions of a user and keeps them out of the cache for a moment (real time: it is about concurrency). */
export function evictUserSessions(userId: string): void {
  revoked.set(userId, Date.now());
  for (const [id, c] of cache) if (c.info.actor.userId === userId) cache.delete(id);
  if (revoked.size > CACHE_MAX) revoked.delete(revoked.keys().next().value!);
}

/**
 * Touches last_seen_at at most every 30 s and one write at a time per session: in the background on a
 * cache hit; awaited after a read from the database (the next read must see it).
 */
function touch(db: DbOrTx, id: string, c: CachedSession, now: Date): Promise<void> {
  if (c.touching || now.getTime() - c.touchedAt <= TOUCH_EVERY_MS) return Promise.resolve();
  c.touching = true;
  return db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(eq(sessions.id, id))
    .then(
      () => {
        c.touchedAt = now.getTime();
      },
      () => undefined, // the next request tries again
    )
    .finally(() => {
      c.touching = false;
    });
}

/** Resolve a session token, ending it when idle, past its lifetime or its user disabled; touches last_seen_at. */
export async function resolveSession(db: DbOrTx, token: string, now: Date): Promise<SessionInfo | null> {
  const id = tokenId(token);
  const t = now.getTime();
  const hit = cache.get(id);
  if (hit && t >= hit.readAt && t - hit.readAt < SESSION_CACHE_MS) {
    if (t - hit.createdAt > hit.maxHours * 3_600_000) {
      cache.delete(id);
      await db.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    void touch(db, id, hit, now);
    return hit.info;
  }
  cache.delete(id);
  const pending = loading.get(id);
  if (pending) return pending;
  const read = readSession(db, id, now).finally(() => loading.delete(id));
  loading.set(id, read);
  return read;
}

/** The session from the database (ended there if it has expired), cached and touched. */
async function readSession(db: DbOrTx, id: string, now: Date): Promise<SessionInfo | null> {
  const t = now.getTime();
  const rows = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      roles: users.roles,
      unitId: users.unitId,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      orgPath: orgs.path,
      // the org's session settings, read in the same query (one round trip per request)
      idleSetting: sql<unknown>`(SELECT value FROM settings WHERE settings.org_id = users.org_id AND settings.key = 'sessionIdleMinutes')`,
      maxSetting: sql<unknown>`(SELECT value FROM settings WHERE settings.org_id = users.org_id AND settings.key = 'sessionMaxHours')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(sessions.id, id))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  const idleMinutes = settingOrDefault('sessionIdleMinutes', r.idleSetting);
  const maxHours = settingOrDefault('sessionMaxHours', r.maxSetting);
  if (r.status !== 'active' || t - r.lastSeenAt.getTime() > idleMinutes * 60_000 || t - r.createdAt.getTime() > maxHours * 3_600_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const info: SessionInfo = {
    actor: {
      userId: r.userId,
      username: r.username,
      displayName: r.displayName,
      orgId: r.orgId,
      orgPath: r.orgPath,
      roles: r.roles as Role[],
      unitId: r.unitId,
    },
    sessionId: id,
    mustChangePassword: r.mustChangePassword,
  };
  const entry: CachedSession = { info, createdAt: r.createdAt.getTime(), maxHours, readAt: t, touchedAt: r.lastSeenAt.getTime(), touching: false };
  const revokedAt = revoked.get(r.userId);
  if (revokedAt === undefined || Date.now() - revokedAt > REVOCATION_GRACE_MS) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(id, entry);
  }
  await touch(db, id, entry, now);
  return info;
}

/** Ends every session of a user (disabled, roles changed, password reset); returns how many. */
export async function destroyUserSessions(db: DbOrTx, userId: string): Promise<number> {
  evictUserSessions(userId);
  const r = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return r.length;
}

/** Ends every session of a user but `keepId` (the one that changed the password); returns how many. */
export async function destroyOtherSessions(db: DbOrTx, userId: string, keepId: string): Promise<number> {
  // The kept one is evicted too: it is read again (its password-change flag, for one).
  evictUserSessions(userId);
  const r = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id });
  return r.length;
}
