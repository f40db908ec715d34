/**
 * Writes of the org tree (机构) and departments (科室) as TanStack mutations; the reads are shared
 * (`useOrgTree`, `useDepartments` in api/queries) and each write invalidates them here, once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChildOrgInput, Department, DepartmentInput, OrgPatch, OrgView } from '@server/modules/orgs/orgs/contracts';
import { api } from '../../api/client';
import { orgKeys } from '../../api/queries';

export function useSaveOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { create: ChildOrgInput } | { id: string; patch: OrgPatch }) =>
      'create' in v ? api.post<OrgView>('/api/orgs', v.create) : api.patch<OrgView>(`/api/orgs/${v.id}`, v.patch),
    onSuccess: () => void qc.invalidateQueries({ queryKey: orgKeys.tree }),
  });
}

export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: DepartmentInput }) =>
      v.id ? api.patch<Department>(`/api/departments/${v.id}`, v.body) : api.post<Department>('/api/departments', v.body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: orgKeys.departments }),
  });
}
