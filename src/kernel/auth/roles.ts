/**
 * Roles of SPEC.md and what each may do. Policy is data: one table, one `can`.
 *
 * The kernel owns the roles and its own actions (calendar, record, settings). Each module declares
 * its actions by augmenting {@link ActionRegistry} (so `authed(req, 'inspection.manage')` is checked
 * by the compiler) and grants them to roles in its descriptor; `installModules` composes the table.
 */
import { ROLES, type Role } from './labels.js';

export { ROLE_LABELS, ROLES, type Role } from './labels.js';

/**
 * Every action name. The kernel's are here; a module adds its own with
 * `declare module '…/kernel/auth/roles.js' { interface ActionRegistry { 'x.read': true } }`.
 * `*.read` actions may reach descendant orgs; every other action only the actor's own org.
 */
export interface ActionRegistry {
  'calendar.read': true;
  'calendar.manage': true;
  'audit.read': true;
  'settings.manage': true;
}
export type Action = keyof ActionRegistry;

/** Which roles hold which actions: a module's (or the kernel's) part of the policy table. */
export type Grants = Partial<Record<Role, readonly Action[]>>;

/** The kernel's own grants. */
export const KERNEL_GRANTS: Grants = {
  admin: ['calendar.read', 'calendar.manage', 'audit.read', 'settings.manage'],
  leader: ['calendar.read', 'audit.read'],
  legal: ['calendar.read', 'audit.read'],
  inspector: ['calendar.read'],
  staff: ['calendar.read'],
  unit: ['calendar.read'],
  superior: ['calendar.read', 'audit.read'],
};

let table: Record<Role, Set<Action>> = composeGrants([KERNEL_GRANTS]);
let actions: Action[] = [...new Set(Object.values(table).flatMap((s) => [...s]))];

/** The role → actions table made of several parts (the kernel's and each module's). */
export function composeGrants(parts: readonly Grants[]): Record<Role, Set<Action>> {
  const out = Object.fromEntries(ROLES.map((r) => [r, new Set<Action>()])) as Record<Role, Set<Action>>;
  for (const part of parts) for (const r of ROLES) for (const a of part[r] ?? []) out[r].add(a);
  return out;
}

/** Installs the policy table (app start, from the modules' descriptors); the action list keeps declaration order. */
export function setGrants(parts: readonly Grants[], declared: readonly Action[]): void {
  table = composeGrants(parts);
  const granted = new Set(Object.values(table).flatMap((s) => [...s]));
  actions = [...new Set([...declared, ...granted])];
}

/** The actions a role holds. */
export function roleActions(role: Role): ReadonlySet<Action> {
  return table[role];
}

/** Every known action, in declaration order (for `/api/auth/me`). */
export function allActions(): readonly Action[] {
  return actions;
}

export function isReadAction(a: Action): boolean {
  return a.endsWith('.read');
}
