/**
 * The regulated-unit directory (检查对象名录库) as TanStack hooks: one unit, its writes, and the
 * spreadsheet import. Types from the orgs module's units contracts; every write reloads every units
 * query (the list, the pickers, each detail) here, once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitDetail, UnitImportResult, UnitInput, UnitPatch, UnitView } from '@server/modules/orgs/units/contracts';
import { api } from '../../api/client';

export const UNITS_URL = '/api/units';
export const unitKeys = {
  /** Every units query: the list pages, the pickers and each detail. */
  all: [UNITS_URL] as const,
  detail: (id: string | null | undefined) => [UNITS_URL, 'detail', id] as const,
};

export function useUnit(id: string | null | undefined) {
  return useQuery({ queryKey: unitKeys.detail(id), queryFn: () => api.get<UnitDetail>(`${UNITS_URL}/${id}`), enabled: !!id });
}

export function useSaveUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { create: UnitInput } | { id: string; patch: UnitPatch }) =>
      'create' in v ? api.post<UnitView>(UNITS_URL, v.create) : api.patch<UnitView>(`${UNITS_URL}/${v.id}`, v.patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** Imports the filled .xlsx template, all or nothing; the directory reloads. */
export function useImportUnits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<UnitImportResult>(`${UNITS_URL}/import`, file, file.name),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
