/** Tenancy for inspection records: own org read/write, descendants read-only, anything else 404. */
import type { Actor, Ctx } from '../../kernel/context.js';
import { authorize } from '../../kernel/auth/policy.js';
import type { Action } from '../../kernel/auth/roles.js';
import { notFound } from '../../kernel/http/errors.js';
import { orgRef } from '../../kernel/tenancy/index.js';

export type ActorCtx = Ctx & { actor: Actor };

/** The row if the actor may `action` on it; 404 when it is missing or outside the actor's subtree, 403 when readable only. */
export async function guard<T extends { orgId: string }>(ctx: ActorCtx, row: T | undefined, action: Action, what: string): Promise<T> {
  if (!row) throw notFound(what);
  const ref = await orgRef(ctx.db, row.orgId);
  if (!ref || !ref.path.startsWith(ctx.actor.orgPath)) throw notFound(what);
  authorize(ctx.actor, action, { orgId: row.orgId, orgPath: ref.path });
  return row;
}

/** The actor may manage inspection records of their own org. */
export function assertManage(ctx: ActorCtx): string {
  authorize(ctx.actor, 'inspection.manage', { orgId: ctx.actor.orgId, orgPath: ctx.actor.orgPath });
  return ctx.actor.orgId;
}

/** True when `e` (possibly wrapped by drizzle) is PostgreSQL's unique violation on `constraint`. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let x: unknown = e, i = 0; x && i < 3; x = (x as { cause?: unknown }).cause, i++) {
    const pg = x as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
  }
  return false;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
