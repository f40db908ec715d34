/**
 * Code-based routes. Public: /setup, /login, /public (the portal home), /public/draws[/:id], /public/disclosure/{apply,track,reports[/:id]}, /public/licensing[/apply,/track,/decisions], /public/enforcement[/officers,/procedures,/decisions,/benchmarks], /public/inspections, /public/plans (no sign-in). Everything else sits under the `app` layout route,
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
  useRouterState,
  type AsyncRouteComponent,
} from '@tanstack/react-router';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, onUnauthorized } from '../api/client';
import { meQuery, setupStatusQuery } from '../api/queries';
import type { Action } from '../api/types';
import { AppLayout } from './layout';
import { Forbidden, NotFoundPage, RouteError, PageLoading } from './fallbacks';
import { useMe } from './auth';
import { PortalNotFound } from '../features/portal/PortalNotFound';

interface RouterContext {
  queryClient: QueryClient;
}

/**
 * A path that does not exist: under /public, or for anyone not signed in, the portal's 404 leading to
 * the portal home (a citizen never lands on the staff workbench or the sign-in page); staff get the
 * back office's.
 */
function NotFound() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const isPublic = pathname === '/public' || pathname.startsWith('/public/');
  const me = useQuery({ ...meQuery, enabled: !isPublic });
  if (isPublic || me.isError) return <PortalNotFound />;
  if (me.isPending) return <PageLoading />;
  return <NotFoundPage />;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const optText = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 80) : undefined);

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

/** The portal's front door: the bureau (`?org=` when there are several) and its two sections, no sign-in. */
const publicHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public',
  validateSearch: (s: Record<string, unknown>): { org?: string } => ({ org: optText(s.org) }),
  component: lazyRouteComponent(() => import('../features/portal/PortalHomePage'), 'PortalHomePage'),
});

/** The public portal's draw pages: no sign-in, no back-office frame (and no redirect to /login). */
const publicDrawsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/draws',
  component: lazyRouteComponent(() => import('../features/draws/PublicDrawsPage'), 'PublicDrawsPage'),
});
const publicDrawRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/draws/$id',
  component: lazyRouteComponent(() => import('../features/draws/PublicDrawPage'), 'PublicDrawPage'),
});

/** The public portal's disclosure pages (政务公开): apply online and track by code, no sign-in. */
const publicDisclosureApplyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/disclosure/apply',
  validateSearch: (s: Record<string, unknown>): { org?: string } => ({ org: optText(s.org) }),
  component: lazyRouteComponent(() => import('../features/disclosure/PublicApplyPage'), 'PublicApplyPage'),
});
const publicDisclosureTrackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/disclosure/track',
  validateSearch: (s: Record<string, unknown>): { code?: string } => ({ code: optText(s.code) }),
  component: lazyRouteComponent(() => import('../features/disclosure/PublicTrackPage'), 'PublicTrackPage'),
});
/** The portal's published annual reports (frozen snapshots), no sign-in. */
const publicDisclosureReportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/disclosure/reports',
  component: lazyRouteComponent(() => import('../features/disclosure/PublicReportsPage'), 'PublicReportsPage'),
});
const publicDisclosureReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/disclosure/reports/$id',
  component: lazyRouteComponent(() => import('../features/disclosure/PublicReportPage'), 'PublicReportPage'),
});

/** The portal's published annual plans (事前公开), no sign-in. */
const publicPlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/plans',
  component: lazyRouteComponent(() => import('../features/draws/PublicPlansPage'), 'PublicPlansPage'),
});
/** The portal's published inspection results (一公开) and exemplary units (典型), no sign-in. */
const publicInspectionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/inspections',
  component: lazyRouteComponent(() => import('../features/inspections/PublicInspectionsPage'), 'PublicInspectionsPage'),
});

/** The portal's licensing pages (行政许可): items and guides, apply online, track by code, published decisions; no sign-in. */
const publicLicensingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/licensing',
  validateSearch: (s: Record<string, unknown>): { org?: string } => ({ org: optText(s.org) }),
  component: lazyRouteComponent(() => import('../features/licensing/PublicItemsPage'), 'PublicItemsPage'),
});
const publicLicensingApplyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/licensing/apply',
  validateSearch: (s: Record<string, unknown>): { item?: string } => ({ item: optText(s.item) }),
  component: lazyRouteComponent(() => import('../features/licensing/PublicApplyPage'), 'PublicLicensingApplyPage'),
});
const publicLicensingTrackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/licensing/track',
  validateSearch: (s: Record<string, unknown>): { code?: string } => ({ code: optText(s.code) }),
  component: lazyRouteComponent(() => import('../features/licensing/PublicTrackPage'), 'PublicLicensingTrackPage'),
});
const publicLicensingDecisionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/licensing/decisions',
  validateSearch: (s: Record<string, unknown>): { org?: string } => ({ org: optText(s.org) }),
  component: lazyRouteComponent(() => import('../features/licensing/PublicDecisionsPage'), 'PublicDecisionsPage'),
});

/** The portal's 行政处罚裁量基准 (行政处罚法第三十四条), no sign-in. */
const publicEnforcementBenchmarksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/enforcement/benchmarks',
  validateSearch: (s: Record<string, unknown>): { org?: string } => ({ org: optText(s.org) }),
  component: lazyRouteComponent(() => import('../features/enforcement/PublicBenchmarksPage'), 'PublicBenchmarksPage'),
});

/** The portal's 行政执法公示 (事前公开, 执法人员, 办事流程, 处罚决定公开) of one bureau (`?org=`), no sign-in. */
const orgSearch = (s: Record<string, unknown>): { org?: string } => ({ org: optText(s.org) });
const publicEnforcementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/enforcement',
  validateSearch: orgSearch,
  component: lazyRouteComponent(() => import('../features/enforcement/PublicEnforcementPage'), 'PublicEnforcementPage'),
});
const publicEnforcementOfficersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/enforcement/officers',
  validateSearch: orgSearch,
  component: lazyRouteComponent(() => import('../features/enforcement/PublicOfficersPage'), 'PublicOfficersPage'),
});
const publicEnforcementProceduresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/enforcement/procedures',
  validateSearch: orgSearch,
  component: lazyRouteComponent(() => import('../features/enforcement/PublicProceduresPage'), 'PublicProceduresPage'),
});
const publicEnforcementDecisionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/enforcement/decisions',
  validateSearch: orgSearch,
  component: lazyRouteComponent(() => import('../features/enforcement/PublicPenaltyDecisionsPage'), 'PublicPenaltyDecisionsPage'),
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
function page<TPath extends string>(path: TPath, action: Action, load: () => Promise<Record<string, ComponentType>>, name: string) {
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
  publicHomeRoute,
  publicDrawsRoute,
  publicDrawRoute,
  publicDisclosureApplyRoute,
  publicDisclosureTrackRoute,
  publicDisclosureReportsRoute,
  publicDisclosureReportRoute,
  publicInspectionsRoute,
  publicPlansRoute,
  publicLicensingRoute,
  publicLicensingApplyRoute,
  publicLicensingTrackRoute,
  publicLicensingDecisionsRoute,
  publicEnforcementBenchmarksRoute,
  publicEnforcementRoute,
  publicEnforcementOfficersRoute,
  publicEnforcementProceduresRoute,
  publicEnforcementDecisionsRoute,
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
    page('/inspection/items', 'inspection.read', () => import('../features/inspections/ItemsPage'), 'ItemsPage'),
    page('/inspection/checklists', 'inspection.read', () => import('../features/inspections/ChecklistsPage'), 'ChecklistsPage'),
    page('/inspection/checklists/$id', 'inspection.read', () => import('../features/inspections/ChecklistDetailPage'), 'ChecklistDetailPage'),
    page('/inspection/plans', 'inspection.read', () => import('../features/inspections/PlansPage'), 'PlansPage'),
    page('/inspection/plans/$id', 'inspection.read', () => import('../features/inspections/PlanDetailPage'), 'PlanDetailPage'),
    page('/inspection/draws', 'inspection.read', () => import('../features/draws/DrawsPage'), 'DrawsPage'),
    page('/inspection/draws/$id', 'inspection.read', () => import('../features/draws/DrawDetailPage'), 'DrawDetailPage'),
    page('/inspection/inspections', 'inspection.read', () => import('../features/inspections/InspectionsPage'), 'InspectionsPage'),
    page('/inspection/inspections/$id', 'inspection.read', () => import('../features/inspections/InspectionDetailPage'), 'InspectionDetailPage'),
    page('/my/inspections', 'ownUnit.inspect', () => import('../features/inspections/MyInspectionsPage'), 'MyInspectionsPage'),
    page('/my/inspections/$id', 'ownUnit.inspect', () => import('../features/inspections/MyInspectionsPage'), 'MyInspectionDetailPage'),
    page('/inspection/evaluations', 'inspection.read', () => import('../features/inspections/EvaluationsPage'), 'EvaluationsPage'),
    page('/inspection/figures', 'inspection.read', () => import('../features/inspections/FiguresPage'), 'FiguresPage'),
    page('/inspection/monitors', 'inspection.read', () => import('../features/inspections/MonitorsPage'), 'MonitorsPage'),
    page('/enforcement/referrals', 'enforcement.read', () => import('../features/enforcement/ReferralsPage'), 'ReferralsPage'),
    page('/enforcement/cases', 'enforcement.read', () => import('../features/enforcement/CasesPage'), 'CasesPage'),
    page('/enforcement/cases/$id', 'enforcement.read', () => import('../features/enforcement/CaseDetailPage'), 'CaseDetailPage'),
    page('/enforcement/benchmarks', 'enforcement.read', () => import('../features/enforcement/BenchmarksPage'), 'BenchmarksPage'),
    page('/enforcement/figures', 'enforcement.read', () => import('../features/enforcement/FiguresPage'), 'FiguresPage'),
    page('/licensing/figures', 'licensing.read', () => import('../features/licensing/FiguresPage'), 'FiguresPage'),
    page('/licensing/items', 'licensing.read', () => import('../features/licensing/ItemsPage'), 'ItemsPage'),
    page('/licensing/applications', 'licensing.read', () => import('../features/licensing/ApplicationsPage'), 'LicensingApplicationsPage'),
    page('/licensing/applications/$id', 'licensing.read', () => import('../features/licensing/ApplicationDetailPage'), 'LicensingApplicationDetailPage'),
    page('/disclosure/applications', 'disclosure.read', () => import('../features/disclosure/ApplicationsPage'), 'ApplicationsPage'),
    page('/disclosure/applications/$id', 'disclosure.read', () => import('../features/disclosure/ApplicationDetailPage'), 'ApplicationDetailPage'),
    page('/disclosure/register', 'disclosure.read', () => import('../features/disclosure/RegisterPage'), 'RegisterPage'),
    page('/disclosure/annual-reports', 'disclosure.read', () => import('../features/disclosure/AnnualReportPage'), 'AnnualReportPage'),
    page('/disclosure/report-check', 'disclosure.read', () => import('../features/disclosure/ReportCheckPage'), 'ReportCheckPage'),
    page('/disclosure/disputes', 'dispute.read', () => import('../features/disclosure/DisputesPage'), 'DisputesPage'),
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
    if (loc.pathname === '/login' || loc.pathname === '/setup' || loc.pathname === '/public' || loc.pathname.startsWith('/public/')) return;
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
