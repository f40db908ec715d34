/** The whole-process record (全过程记录): the chain check and the signed checkpoints as TanStack queries; types from the kernel's audit contracts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditVerify, Checkpoints, CheckpointWrite } from '@server/kernel/audit/contracts';
import { MAX_PAGE_SIZE } from '@server/kernel/http/responses';
import { api } from '../../api/client';

export const VERIFY_URL = '/api/audit/verify';
export const CHECKPOINTS_URL = '/api/audit/checkpoints';

/** Recomputes every chain of the actor's org and below; never cached (staleTime 0). */
export function useAuditVerify() {
  return useQuery({ queryKey: [VERIFY_URL], queryFn: () => api.get<AuditVerify>(VERIFY_URL), staleTime: 0 });
}

/** One page of the signed checkpoints of the actor's org and below, newest first (with their signatures, as exported). */
export function useCheckpoints(page: number, pageSize: number) {
  return useQuery({
    queryKey: [CHECKPOINTS_URL, page, pageSize],
    queryFn: () => api.get<Checkpoints>(CHECKPOINTS_URL, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The whole export: every page of GET /api/audit/checkpoints (200 a page) under the first page's
 * header, as one file that `npm run audit:verify -- --checkpoints <file>` reads.
 */
export async function fetchAllCheckpoints(): Promise<Checkpoints> {
  const first = await api.get<Checkpoints>(CHECKPOINTS_URL, { page: 1, pageSize: MAX_PAGE_SIZE });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) {
    const next = await api.get<Checkpoints>(CHECKPOINTS_URL, { page, pageSize: MAX_PAGE_SIZE });
    if (next.items.length === 0) break; // the list shrank meanwhile (it only grows; kept safe)
    items.push(...next.items);
  }
  return { ...first, items, total: items.length, page: 1, pageSize: items.length };
}

/** 立即签署检查点 (own org): the list and the check both change. */
export function useSignCheckpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CheckpointWrite>(CHECKPOINTS_URL),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: [CHECKPOINTS_URL] }), qc.invalidateQueries({ queryKey: [VERIFY_URL] })]),
  });
}
