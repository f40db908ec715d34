/** The dashboard (工作台) as a TanStack Query hook; its type from the dashboard module's contracts. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BelowQuery, BelowResponse, Dashboard, DashboardQuery } from '@server/modules/dashboard/contracts';
import { api } from '../../api/client';

export const dashboardKeys = { all: ['/api/dashboard'] as const, page: (q: DashboardQuery) => ['/api/dashboard', q] as const };

/** A page of my due and overdue items (most urgent first), reloaded every five minutes. */
export function useDashboard(q: DashboardQuery) {
  return useQuery({
    queryKey: dashboardKeys.page(q),
    queryFn: () => api.get<Dashboard>('/api/dashboard', q),
    refetchInterval: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** 下级机构 → one org: its open items of the kinds I may read (a page, most urgent first). */
export function useBelowItems(orgId: string | null, q: BelowQuery) {
  return useQuery({
    queryKey: ['/api/dashboard/below', orgId, q],
    queryFn: () => api.get<BelowResponse>(`/api/dashboard/below/${orgId}`, q),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}
