/**
 * Types of the JSON API the whole back office uses. Every server shape comes from the server's
 * contracts (`@server/…/contracts`, zod schemas, `z.infer`); nothing here is copied by hand. Features
 * import their own shapes from their module's contracts directly; the names below are the ones several
 * features share.
 */
import type { z } from 'zod';
import type { paged } from '@server/kernel/http/responses';

export type { Me, Role, OrgLevel } from '@server/kernel/contracts';
export type { DueState } from '@server/kernel/calendar/contracts';
export type { RiskTier, UnitType, CertState } from '@server/modules/orgs/contracts';
export type { User } from '@server/modules/orgs/users/contracts';
export type { UnitView as Unit } from '@server/modules/orgs/units/contracts';
export type { InspectorView as Inspector } from '@server/modules/orgs/inspectors/contracts';

/** A page of a list, as the server's `paged(item)` answers, for any item type. */
export type Page<T> = Omit<z.infer<ReturnType<typeof paged>>, 'items'> & { items: T[] };

/**
 * An action name of the role policy (`unit.read`, `inspection.manage` …), as `/api/auth/me` lists the
 * signed-in user's. Each server module declares its own; the web checks only membership.
 */
/** Every action the server knows: the kernel's and each module's, from their labels (a typo in `can('…')` does not compile). */
export type Action =
  | import('@server/kernel/auth/labels').KernelAction
  | import('@server/modules/orgs/labels').OrgsAction
  | import('@server/modules/dashboard/contracts').DashboardAction
  | import('@server/modules/inspections/labels').InspectionsAction
  | import('@server/modules/disclosure/labels').DisclosureAction
  | import('@server/modules/disputes/labels').DisputesAction
  | import('@server/modules/enforcement/labels').EnforcementAction
  | import('@server/modules/licensing/labels').LicensingAction;
