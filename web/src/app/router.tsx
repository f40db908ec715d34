/**
 * Code-based routes. Public: /setup, /login. Everything else sits under the `app` layout route,
 * which first makes sure the system is set up and someone is signed in. Pages load lazily.
 */
import type { ComponentType } from 'react';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type AsyncRouteComponent,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError, onUnauthorized } from '../api/client';
import { meQuery, setupStatusQuery } from '../api/queries';
import type { Action } from '../api/types';
import { AppLayout } from './layout';
import { Forbidden, NotFoundPage, RouteError, PageLoading } from './fallbacks';
import { useMe } from './auth';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const searchRedirect = (s: Record<string, unknown>): { redirect?: string } => ({
  // Only a path of this site (not '//host…'), so the sign-in page cannot send anyone elsewhere.
  redirect: typeof s.redirect === 'string' && /^\/(?![/\\])/.test(s.redirect) ? s.redirect : undefined,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('../features/setup/SetupPage'), 'SetupPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: searchRedirect,
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: '/setup' });
  },
  component: lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: '/setup' });
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        const back = location.href === '/' ? undefined : location.href;
        throw redirect({ to: '/login', search: { redirect: back } });
      }
      throw e;
    }
  },
  component: AppLayout,
  pendingComponent: PageLoading,
});

/** A page that needs `action`: others get a 403 page instead of a broken screen. */
function page(path: string, action: Action, load: () => Promise<Record<string, ComponentType>>, name: string) {
  const Lazy = lazyRouteComponent(load as () => Promise<Record<string, ComponentType<unknown>>>, name as never) as AsyncRouteComponent<Record<string, never>>;
  const Guarded = Object.assign(
    function Guarded() {
      const me = useMe();
      if (!me.actions.includes(action)) return <Forbidden />;
      return <Lazy />;
    },
    { preload: Lazy.preload },
  );
  return createRoute({ getParentRoute: () => appRoute, path, component: Guarded });
}

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  appRoute.addChildren([
    page('/', 'dashboard.read', () => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
    page('/orgs', 'org.read', () => import('../features/orgs/OrgsPage'), 'OrgsPage'),
    page('/users', 'user.read', () => import('../features/users/UsersPage'), 'UsersPage'),
    page('/units', 'unit.read', () => import('../features/units/UnitsPage'), 'UnitsPage'),
    page('/inspectors', 'inspector.read', () => import('../features/inspectors/InspectorsPage'), 'InspectorsPage'),
    page('/calendar', 'calendar.read', () => import('../features/calendar/CalendarPage'), 'CalendarPage'),
    page('/audit', 'audit.read', () => import('../features/audit/AuditPage'), 'AuditPage'),
    page('/settings', 'settings.manage', () => import('../features/settings/SettingsPage'), 'SettingsPage'),
    page('/my-unit', 'ownUnit.read', () => import('../features/units/MyUnitPage'), 'MyUnitPage'),
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PageLoading,
    defaultPendingMs: 300,
    scrollRestoration: false,
  });
  // A 401 anywhere (session expired, signed out elsewhere) leads to the sign-in page.
  onUnauthorized(() => {
    const loc = router.state.location;
    if (loc.pathname === '/login' || loc.pathname === '/setup') return;
    queryClient.removeQueries({ queryKey: ['me'] });
    void router.navigate({ to: '/login', search: { redirect: loc.href === '/' ? undefined : loc.href } });
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
