/**
 * Tenancy: every business record belongs to one org. A user works in their own org and reads
 * (never writes) the orgs below it. Helpers here turn that into query scopes.
 */
import { eq } from 'drizzle-orm';
import { readCache } from '../db/read-cache.js';
import type { Actor, Ctx } from '../context.js';
import type { DbOrTx } from '../db/index.js';
import { authorize } from '../auth/policy.js';
import type { Action } from '../auth/roles.js';
import { notFound } from '../http/errors.js';
import { orgs } from '../schema.js';

/**
 * An org's id, path and name. Every request reads its actor's org (and each record's), so reads through
 * the pool are cached for a few seconds (db/read-cache.ts): a path never changes, a rename drops the
 * cache (`forgetOrgs`, in and after its transaction); a missing org is never cached.
 */
export async function orgRef(db: DbOrTx, orgId: string): Promise<OrgRef | null> {
  return orgCache.get(
    db,
    orgId,
    () => readOrgRef(db, orgId),
    (ref) => ref !== null,
  );
}

type OrgRef = { id: string; path: string; name: string };
const orgCache = readCache<string, OrgRef | null>(10_000);

/** Drops the cached orgs (a rename). */
export function forgetOrgs(): void {
  orgCache.clear();
}

async function readOrgRef(db: DbOrTx, orgId: string): Promise<OrgRef | null> {
  const rows = await db.select({ id: orgs.id, path: orgs.path, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return rows[0] ?? null;
}

/**
 * The org a list should show: the actor's own by default, or a descendant the actor asked for
 * (read-only roll-up). Anything else is "not found".
 */
export async function readableOrg(ctx: Ctx & { actor: Actor }, requested?: string): Promise<{ id: string; path: string; name: string }> {
  const id = requested ?? ctx.actor.orgId;
  const ref = await orgRef(ctx.db, id);
  if (!ref || !ref.path.startsWith(ctx.actor.orgPath)) throw notFound('机构');
  return ref;
}

/** The path of a new org under `parent` (or a root). */
export const childPath = (parentPath: string | null, id: string) => `${parentPath ?? '/'}${id}/`;

/**
 * The one guard of a record an actor asked for by id: the row if the actor may `action` on it; 404
 * (「…不存在或无权访问」) when it is missing or outside the actor's org tree — existence is not
 * leaked — and 403 when it is readable but the action is not allowed.
 */
export async function guardRecord<T extends { orgId: string }>(
  ctx: Ctx & { actor: Actor },
  row: T | undefined,
  action: Action,
  what: string,
): Promise<T & { orgPath: string }> {
  if (!row) throw notFound(what);
  const ref = await orgRef(ctx.db, row.orgId);
  if (!ref || !ref.path.startsWith(ctx.actor.orgPath)) throw notFound(what);
  authorize(ctx.actor, action, { orgId: row.orgId, orgPath: ref.path });
  return { ...row, orgPath: ref.path };
}
