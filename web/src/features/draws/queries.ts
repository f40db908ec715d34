/**
 * Reads and writes of 双随机抽取 (/api/inspections/draws, /api/inspections/plans/:id/draws) and the
 * portal's published plans and draws (/api/public/{plans,draws}) as TanStack Query hooks. The types
 * come from the server's contracts; what a write invalidates is said here once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  DrawCreateBody,
  DrawDetail,
  DrawExecuteInput,
  DrawList,
  DrawRecord,
  DrawUnitPage,
  PublicDrawList,
  PublicDrawNames,
} from '@server/modules/inspections/draws/contracts';
import type { FromDrawResult } from '@server/modules/inspections/loop/contracts';
import type { PublicPlanList } from '@server/modules/inspections/plans/contracts';
import { api } from '../../api/client';
import { INSPECTIONS_URL, PLANS_URL, inspectionKeys, planKeys } from '../inspections/queries';

export const DRAWS_URL = `${INSPECTIONS_URL}/draws`;
export const PUBLIC_DRAWS_URL = '/api/public/draws';
export const PUBLIC_PLANS_URL = '/api/public/plans';

export const drawKeys = {
  /** Every draw query (the list and each detail). */
  all: [DRAWS_URL] as const,
  list: (page: number, pageSize: number) => [DRAWS_URL, 'list', page, pageSize] as const,
  detail: (id: string) => [DRAWS_URL, id] as const,
  units: (id: string, page: number, pageSize: number, q: string) => [DRAWS_URL, id, 'units', page, pageSize, q] as const,
  record: (id: string) => [DRAWS_URL, id, 'record'] as const,
};
export const publicKeys = {
  draws: [PUBLIC_DRAWS_URL] as const,
  list: (page: number, pageSize: number) => [PUBLIC_DRAWS_URL, 'list', page, pageSize] as const,
  summary: (id: string) => [PUBLIC_DRAWS_URL, id, 'summary'] as const,
  draw: (id: string) => [PUBLIC_DRAWS_URL, id] as const,
  names: (id: string) => [PUBLIC_DRAWS_URL, id, 'names'] as const,
  plans: [PUBLIC_PLANS_URL] as const,
};

/** A page of the org's draws (newest first). */
export function useDraws(page: number, pageSize: number) {
  return useQuery({ queryKey: drawKeys.list(page, pageSize), queryFn: () => api.get<DrawList>(DRAWS_URL, { page, pageSize }) });
}

export function useDraw(id: string) {
  return useQuery({ queryKey: drawKeys.detail(id), queryFn: () => api.get<DrawDetail>(`${DRAWS_URL}/${id}`) });
}

/** A page of a draw's frozen pool (`q`: name or id). */
export function useDrawUnits(id: string, page: number, pageSize: number, q: string) {
  return useQuery({
    queryKey: drawKeys.units(id, page, pageSize, q),
    queryFn: () => api.get<DrawUnitPage>(`${DRAWS_URL}/${id}/units`, { page, pageSize, ...(q ? { q } : {}) }),
  });
}

/** The whole record of an executed draw (with its full candidate list): fetched only when asked for (`enabled`). */
export function useDrawRecord(id: string, enabled: boolean) {
  return useQuery({
    queryKey: drawKeys.record(id),
    queryFn: () => api.get<DrawRecord>(`${DRAWS_URL}/${id}/record`),
    enabled,
    staleTime: Infinity,
  });
}

/** After a write on a draw: its detail takes the answer; the lists and the plans (which list their draws) reload. */
function afterDrawWrite(qc: QueryClient, d: DrawDetail) {
  qc.setQueryData(drawKeys.detail(d.id), d);
  void qc.invalidateQueries({ queryKey: drawKeys.all });
  void qc.invalidateQueries({ queryKey: planKeys.all });
}

/** Freeze the pool of a new draw of a published plan, or of a redraw (`supersedes` and `reason` in the body). */
export function useCreateDraw() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, body }: { planId: string; body: DrawCreateBody }) => api.post<DrawDetail>(`${PLANS_URL}/${planId}/draws`, body),
    onSuccess: (d) => afterDrawWrite(qc, d),
  });
}

/** 执行抽取 (once). */
export function useExecuteDraw(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DrawExecuteInput) => api.post<DrawDetail>(`${DRAWS_URL}/${id}/execute`, body),
    onSuccess: (d) => afterDrawWrite(qc, d),
  });
}

/** 公布结果. */
export function usePublishDraw(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<DrawDetail>(`${DRAWS_URL}/${id}/publish`), onSuccess: (d) => afterDrawWrite(qc, d) });
}

/** 生成检查任务 from a published draw: the inspections and the draw (which then says how many) reload. */
export function useGenerateInspections(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FromDrawResult>(`${DRAWS_URL}/${id}/inspections`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: inspectionKeys.all });
      void qc.invalidateQueries({ queryKey: drawKeys.detail(id) });
    },
  });
}

// ---- the portal (no sign-in: a 401 does not redirect) ----
const noRedirect = { redirectOn401: false };

/** A page of the published draws (newest first). */
export function usePublicDraws(page: number, pageSize: number) {
  return useQuery({
    queryKey: publicKeys.list(page, pageSize),
    queryFn: () => api.get<PublicDrawList>(PUBLIC_DRAWS_URL, { page, pageSize }, noRedirect),
  });
}

/** The list entry of one published draw (by id or drawId): org, plan, dates, redraws. */
export function usePublicDrawSummary(id: string) {
  return useQuery({
    queryKey: publicKeys.summary(id),
    queryFn: async () => (await api.get<PublicDrawList>(PUBLIC_DRAWS_URL, { id }, noRedirect)).items[0] ?? null,
  });
}

/** The published record (by id or drawId), as it is: the page recomputes it. */
export function usePublicDraw(id: string) {
  return useQuery({
    queryKey: publicKeys.draw(id),
    queryFn: () => api.get<DrawRecord>(`${PUBLIC_DRAWS_URL}/${encodeURIComponent(id)}`, undefined, noRedirect),
  });
}

/** The names behind the record's ids (一公开). */
export function usePublicDrawNames(id: string) {
  return useQuery({
    queryKey: publicKeys.names(id),
    queryFn: () => api.get<PublicDrawNames>(`${PUBLIC_DRAWS_URL}/${encodeURIComponent(id)}/names`, undefined, noRedirect),
  });
}

/** One page of the portal's published plans, of one bureau or year. */
export function usePublicPlans(filter: { orgId?: string; year?: number }, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...publicKeys.plans, filter, page, pageSize],
    queryFn: () => api.get<PublicPlanList>(PUBLIC_PLANS_URL, { ...filter, page, pageSize }, noRedirect),
    placeholderData: keepPreviousData,
  });
}
