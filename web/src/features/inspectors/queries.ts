/**
 * The inspector directory (执法人员名录库) as TanStack hooks: one inspector with its conflicts of
 * interest, and every write. Types from the orgs module's inspectors contracts; each write reloads every
 * inspectors query (the list and each detail) here, once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConflictInput,
  InspectorConflictView,
  InspectorDetail,
  InspectorInput,
  InspectorPatch,
  InspectorView,
} from '@server/modules/orgs/inspectors/contracts';
import { api } from '../../api/client';

export const INSPECTORS_URL = '/api/inspectors';
export const inspectorKeys = {
  /** Every inspectors query: the list pages and each detail. */
  all: [INSPECTORS_URL] as const,
  detail: (id: string | null) => [INSPECTORS_URL, 'detail', id] as const,
};

export function useInspector(id: string | null) {
  return useQuery({ queryKey: inspectorKeys.detail(id), queryFn: () => api.get<InspectorDetail>(`${INSPECTORS_URL}/${id}`), enabled: !!id });
}

function useInspectorWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: inspectorKeys.all }) });
}

export const useSaveInspector = () =>
  useInspectorWrite((v: { create: InspectorInput } | { id: string; patch: InspectorPatch }) =>
    'create' in v ? api.post<InspectorView>(INSPECTORS_URL, v.create) : api.patch<InspectorView>(`${INSPECTORS_URL}/${v.id}`, v.patch),
  );
/** 登记回避关系. */
export const useAddConflict = (inspectorId: string) =>
  useInspectorWrite((body: ConflictInput) => api.post<InspectorConflictView>(`${INSPECTORS_URL}/${inspectorId}/conflicts`, body));
/** 解除回避关系. */
export const useRemoveConflict = (inspectorId: string) =>
  useInspectorWrite((conflictId: string) => api.delete(`${INSPECTORS_URL}/${inspectorId}/conflicts/${conflictId}`));
