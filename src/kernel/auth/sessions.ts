/**
 * Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256.
 * Idle sessions expire after the org's `sessionIdleMinutes` setting (default 30).
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { orgs, sessions, users } from '../schema.js';
import type { Actor } from '../context.js';
import type { Role } from './roles.js';
import { settingOrDefault } from '../settings.js';

export const SESSION_COOKIE = 'lantai_session';

export const tokenId = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: DbOrTx,
  user: { id: string; orgId: string },
  meta: { ip?: string; userAgent?: string },
  now: Date,
): Promise<string> {
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
  await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

/** Resolve a session token to its actor, expiring it when idle; touches last_seen_at. */
export async function resolveSession(db: DbOrTx, token: string, now: Date): Promise<Actor | null> {
  const id = tokenId(token);
  const rows = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      roles: users.roles,
      unitId: users.unitId,
      status: users.status,
      orgPath: orgs.path,
      // the org's idle-timeout setting, read in the same query (one round trip per request)
      idleSetting: sql<unknown>`(SELECT value FROM settings WHERE settings.org_id = users.org_id AND settings.key = 'sessionIdleMinutes')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(sessions.id, id))
    .limit(1);
  const r = rows[0];
  if (!r) return null;
  const idleMinutes = settingOrDefault('sessionIdleMinutes', r.idleSetting);
  if (r.status !== 'active' || now.getTime() - r.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once every 30 s to spare writes on busy pages.
  if (now.getTime() - r.lastSeenAt.getTime() > 30_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id)));
  }
  return {
    userId: r.userId,
    username: r.username,
    displayName: r.displayName,
    orgId: r.orgId,
    orgPath: r.orgPath,
    roles: r.roles as Role[],
    unitId: r.unitId,
  };
}

export async function destroyUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId}`);
}
