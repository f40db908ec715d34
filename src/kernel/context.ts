import type { Db, DbOrTx } from './db/index.js';
import type { Role } from './auth/roles.js';

/** The signed-in user as services see it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  /** The actor's org path ('/root/…/own/'): records of orgs whose path starts with it are readable. */
  orgPath: string;
  roles: Role[];
  unitId: string | null;
}

/** What every service function receives. */
export interface Ctx {
  db: DbOrTx;
  actor: Actor | null;
  now: () => Date;
}

/** A context with a signed-in actor (what every authorised service function receives). */
export type ActorCtx = Ctx & { actor: Actor };

/**
 * Run `fn` in one transaction: the change and its audit events commit together or not at all. The
 * transaction context has the caller's type (an `ActorCtx` stays one: no casts).
 */
export async function inTx<C extends Ctx, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return (ctx.db as Db).transaction((tx) => fn({ ...ctx, db: tx }));
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('requireActor: no actor in context');
  return ctx.actor;
}
