/** Public face of the dashboard module (工作台): my due and overdue items. */
import { ROLES } from '../../kernel/auth/labels.js';
import type { ModuleDescriptor } from '../../kernel/module.js';
import { dashboardRoutes } from './routes.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'dashboard.read': true;
  }
}

export const dashboardModule: ModuleDescriptor = {
  name: 'dashboard',
  routes: dashboardRoutes,
  grants: Object.fromEntries(ROLES.map((r) => [r, ['dashboard.read']])),
};
