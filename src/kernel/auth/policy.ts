import type { Actor } from '../context.js';
import { forbidden, notFound } from '../http/errors.js';
import { isReadAction, roleActions, type Action } from './roles.js';

/** A record as the policy sees it: which org owns it. `orgPath` is needed for descendant reads. */
export interface Resource {
  orgId: string;
  orgPath?: string;
}

export function hasAction(actor: Actor, action: Action): boolean {
  return actor.roles.some((r) => roleActions(r)?.has(action));
}

/**
 * The one policy check. Own org: whatever the roles allow. Descendant org: reads only
 * (上级机关只读下级). Anything else: no.
 */
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  if (!hasAction(actor, action)) return false;
  if (!resource) return true;
  if (resource.orgId === actor.orgId) return true;
  if (!isReadAction(action)) return false;
  return !!resource.orgPath && resource.orgPath.startsWith(actor.orgPath) && resource.orgPath !== actor.orgPath;
}

/**
 * Throws when the actor may not. A record the actor cannot even read answers 404 (existence is not
 * leaked); a readable record the actor may not change answers 403.
 */
export function authorize(actor: Actor, action: Action, resource?: Resource): void {
  if (can(actor, action, resource)) return;
  if (resource && !canSee(actor, resource)) throw notFound();
  throw forbidden();
}

export function canSee(actor: Actor, resource: Resource): boolean {
  return resource.orgId === actor.orgId || (!!resource.orgPath && resource.orgPath.startsWith(actor.orgPath));
}
