/**
 * One user account as an actor, for work done on a user's behalf outside a request (the demo histories
 * run the services as the demo's staff, leader, inspector …): its id, names, roles, org and org path.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor, Ctx } from '../context.js';
import { users } from '../schema.js';
import { orgRef } from '../tenancy/index.js';

/** The account `username` of `orgId` as an actor, or null when the org has no such account. */
export async function accountActor(c: Ctx, orgId: string, username: string): Promise<Actor | null> {
  const [u] = await c.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.username, username)));
  const ref = await orgRef(c.db, orgId);
  if (!u || !ref) return null;
  return { userId: u.id, username: u.username, displayName: u.displayName, orgId, orgPath: ref.path, roles: u.roles as Actor['roles'], unitId: u.unitId };
}
