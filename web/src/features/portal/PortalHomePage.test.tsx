/**
 * The portal home: one bureau is simply named; several get a chooser kept in `?org=`, and the apply
 * links carry the chosen bureau. Every section lists its pages (行政执法公示's for the chosen bureau), and every page of the sections is
 * in the header's nav; the 404 leads to the portal home.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Outlet, RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { PortalHomePage } from './PortalHomePage';
import { PortalNotFound } from './PortalNotFound';
import { PORTAL_SECTIONS } from './sections';

const CITY = { id: '00000000-0000-4000-8000-000000000001', name: '某某市档案局', level: 'city', parentId: null };
const COUNTY = { id: '00000000-0000-4000-8000-000000000002', name: '某某县档案局', level: 'county', parentId: CITY.id };

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function renderAt(url: string, orgs: unknown[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json({ items: orgs })),
  );
  const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: PortalNotFound });
  const home = createRoute({
    getParentRoute: () => rootRoute,
    path: '/public',
    validateSearch: (s: Record<string, unknown>) => ({ org: typeof s.org === 'string' ? s.org : undefined }),
    component: PortalHomePage,
  });
  const router = createRouter({ routeTree: rootRoute.addChildren([home]), history: createMemoryHistory({ initialEntries: [url] }) });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

describe('PortalHomePage', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('names the one bureau, without a chooser, and lists both sections', async () => {
    renderAt('/public', [CITY]);
    expect((await screen.findByTestId('portal-bureau-name', {}, { timeout: 5_000 })).textContent).toBe('某某市档案局');
    expect(screen.queryByTestId('portal-org-select')).toBeNull();
    const disclosure = screen.getByTestId('portal-section-disclosure');
    expect(within(disclosure).getByTestId('home-apply-link').getAttribute('href')).toBe(`/public/disclosure/apply?org=${CITY.id}`);
    expect(within(disclosure).getByTestId('home-track-link').getAttribute('href')).toBe('/public/disclosure/track');
    expect(within(disclosure).getByTestId('home-reports-link').getAttribute('href')).toBe('/public/disclosure/reports');
    const inspection = screen.getByTestId('portal-section-inspection');
    for (const [id, href] of [
      ['home-plans-link', '/public/plans'],
      ['home-draws-link', '/public/draws'],
      ['home-inspections-link', '/public/inspections'],
      ['home-exemplary-link', '/public/inspections'],
    ] as const)
      expect(within(inspection).getByTestId(id).getAttribute('href')).toBe(href);
  });

  it('lists the 行政执法公示 pages for the chosen bureau', async () => {
    renderAt(`/public?org=${COUNTY.id}`, [CITY, COUNTY]);
    expect((await screen.findByTestId('portal-bureau-name', {}, { timeout: 5_000 })).textContent).toBe('某某县档案局');
    const section = screen.getByTestId('portal-section-enforcement');
    for (const [id, path] of [
      ['home-enforcement-link', '/public/enforcement'],
      ['home-officers-link', '/public/enforcement/officers'],
      ['home-procedures-link', '/public/enforcement/procedures'],
      ['home-penalty-decisions-link', '/public/enforcement/decisions'],
      ['home-benchmarks-link', '/public/enforcement/benchmarks'],
    ] as const)
      expect(within(section).getByTestId(id).getAttribute('href')).toBe(`${path}?org=${COUNTY.id}`);
  });

  it('offers a chooser among several bureaus and keeps the chosen one in the links', async () => {
    renderAt(`/public?org=${COUNTY.id}`, [CITY, COUNTY]);
    expect((await screen.findByTestId('portal-bureau-name', {}, { timeout: 5_000 })).textContent).toBe('某某县档案局');
    expect(screen.getByTestId('portal-org-select')).toBeTruthy();
    expect(screen.getByTestId('home-apply-link').getAttribute('href')).toBe(`/public/disclosure/apply?org=${COUNTY.id}`);
    expect(screen.getByTestId('portal-apply-link').getAttribute('href')).toBe(`/public/disclosure/apply?org=${COUNTY.id}`);
  });

  it('puts every page of the sections in the header nav', async () => {
    renderAt('/public', [CITY]);
    const nav = await screen.findByTestId('portal-nav', {}, { timeout: 5_000 });
    for (const l of PORTAL_SECTIONS.flatMap((s) => s.links).filter((l) => !l.homeOnly)) expect(within(nav).getByTestId(l.testId).textContent).toBe(l.label);
    expect(within(nav).getByTestId('portal-nav-home').getAttribute('href')).toMatch(/^\/public/);
  });

  it('answers a path that does not exist with the portal 404 leading home', async () => {
    renderAt('/public/no-such-page', [CITY]);
    await screen.findByTestId('portal-not-found', {}, { timeout: 5_000 });
    expect(screen.getByTestId('not-found-home').getAttribute('href')).toBe('/public');
    expect(document.body.textContent).not.toContain('工作台');
  });
});
