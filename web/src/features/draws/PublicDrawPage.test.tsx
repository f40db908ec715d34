/**
 * The public draw page leads with people's words: the plan, the units and the teams by name with
 * their certificate numbers, and a plain line that the browser checked the draw. Record ids, hashes,
 * the algorithm id, API paths and npm appear only once the 技术复核 fold is opened, and the fold shows
 * the recomputation 已验证.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Outlet, RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { DrawRecord, PublicDrawNames, PublicDrawSummary } from '@server/modules/inspections/draws/contracts';
import { PublicDrawPage, drawSentence } from './PublicDrawPage';
import { drawSeed, listHash, selectK, sortIds, teamSeed } from './verifyDraw';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UNITS = [1, 2, 3, 4, 5].map(uuid);
const INSPECTORS = [11, 12, 13].map(uuid);

async function makeRecord(): Promise<DrawRecord> {
  const candidates = sortIds(UNITS);
  const hash = await listHash(candidates);
  const entropy = 'a'.repeat(64);
  const seed = await drawSeed(hash, 'D-2026-001', entropy);
  const selected = await selectK(candidates, seed, 2);
  const pool = sortIds(INSPECTORS);
  const teams = [];
  for (const unitId of selected) teams.push({ unitId, candidates: pool, m: 2, selected: await selectK(pool, await teamSeed(seed, unitId), 2) });
  return { drawId: 'D-2026-001', algorithm: 'lantai-draw-v1', entropy, listHash: hash, seed, candidates, k: 2, selected, teams };
}

const NAMES: PublicDrawNames = {
  units: Object.fromEntries(UNITS.map((id, i) => [id, `某某市第${'一二三四五'[i]}单位`])),
  inspectors: {
    [INSPECTORS[0]!]: { name: '王执法', certificateNo: '33010002021000' },
    [INSPECTORS[1]!]: { name: '林志强', certificateNo: '33010002021051' },
    [INSPECTORS[2]!]: { name: '何丽娟', certificateNo: '33010002021068' },
  },
};
const SUMMARY: PublicDrawSummary = {
  id: uuid(99),
  drawId: 'D-2026-001',
  orgName: '某某市档案局',
  planTitle: '2026年度档案行政检查“双随机、一公开”抽查计划',
  year: 2026,
  plannedDate: '2026-03-20',
  drawnAt: '2026-03-02T05:00:00.000Z',
  publishedAt: '2026-03-02T03:00:00.000Z',
  k: 2,
  candidateCount: 5,
  supersedes: null,
  redrawReason: null,
  supersededBy: null,
  url: `/api/public/draws/${uuid(99)}`,
};

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function renderPage() {
  const rootRoute = createRootRoute({ component: Outlet });
  const drawRoute = createRoute({ getParentRoute: () => rootRoute, path: '/public/draws/$id', component: PublicDrawPage });
  const router = createRouter({
    routeTree: rootRoute.addChildren([drawRoute]),
    history: createMemoryHistory({ initialEntries: [`/public/draws/${SUMMARY.id}`] }),
  });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
}

describe('PublicDrawPage', () => {
  let record: DrawRecord;
  beforeEach(async () => {
    record = await makeRecord();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.includes('/names')) return json(NAMES);
        if (url.includes('?')) return json({ items: [SUMMARY], total: 1, page: 1, pageSize: 20 });
        return json(record);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says the draw in one sentence, from the record and its summary', () => {
    expect(drawSentence(record, SUMMARY)).toBe(
      '某某市档案局于2026年3月2日从 5 家检查对象中随机抽取 2 家，并为每家随机选派 2 名执法检查人员组成检查组。计划检查日期：2026年3月20日。',
    );
    expect(drawSentence(record, undefined)).toBe('本次从 5 家检查对象中随机抽取 2 家，并为每家随机选派 2 名执法检查人员组成检查组。');
  });

  it('leads with names and a plain 已验证 line; the technical part only inside the fold', async () => {
    renderPage();
    await screen.findByText(SUMMARY.planTitle, {}, { timeout: 5_000 });
    const units = await screen.findAllByTestId('public-unit-name', {}, { timeout: 5_000 });
    expect(units.map((u) => u.textContent)).toEqual(record.selected.map((id) => NAMES.units[id]));
    const members = screen.getAllByTestId('public-team-member').map((m) => m.textContent);
    expect(members).toHaveLength(4);
    for (const m of members) expect(m).toMatch(/^\p{Script=Han}{3}（执法证号 \d{14}）$/u);
    expect(screen.getByTestId('public-draw-check').textContent).toContain('任何人都可以核对');
    await waitFor(() => expect(screen.getByTestId('public-draw-verified').textContent).toContain('已验证'), { timeout: 10_000 });

    const shown = document.body.textContent ?? '';
    for (const bad of [/npm/i, /\/api\//, /lantai-draw/, /[0-9a-f]{8}-[0-9a-f]{4}-/, /[0-9a-f]{64}/]) expect(shown).not.toMatch(bad);
    expect(screen.queryByTestId('verify-result')).toBeNull();

    fireEvent.click(screen.getByTestId('tech-review-toggle'));
    await waitFor(() => expect(screen.getByTestId('verify-result').textContent).toBe('已验证'), { timeout: 10_000 });
    expect(screen.getByTestId('public-entropy').textContent).toBe(record.entropy);
    expect(document.body.textContent).toContain('lantai-draw-v1');
  });
});
