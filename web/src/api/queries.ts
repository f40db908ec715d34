/**
 * Queries shared by many pages: is the system set up, who am I, the org tree, departments. Each
 * feature's own reads and writes are in its `features/<area>/queries.ts`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@server/kernel/contracts';
import type { Department, OrgNode } from '@server/modules/orgs/orgs/contracts';
import { api } from './client';

export const setupStatusQuery = queryOptions({
  queryKey: ['setup-status'],
  queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup/status', undefined, { redirectOn401: false }),
  staleTime: Infinity,
});

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api.get<Me>('/api/auth/me', undefined, { redirectOn401: false }),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Keys of the org tree and departments: the orgs page's writes invalidate these. */
export const orgKeys = {
  tree: ['orgs'] as const,
  departments: ['departments'] as const,
};

export const orgTreeQuery = queryOptions({
  queryKey: orgKeys.tree,
  queryFn: () => api.get<{ items: OrgNode[] }>('/api/orgs'),
  staleTime: 60_000,
});

export function useOrgTree(enabled = true) {
  return useQuery({ ...orgTreeQuery, enabled });
}

export function useDepartments(orgId?: string, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.departments, orgId ?? 'own'],
    queryFn: () => api.get<{ items: Department[] }>('/api/departments', { orgId }),
    staleTime: 60_000,
    enabled,
  });
}

/** Flattens the org tree (pre-order) with depth, for selects and lookups. */
export function flattenOrgs(nodes: OrgNode[], depth = 0, out: (OrgNode & { depth: number })[] = []) {
  for (const n of nodes) {
    out.push({ ...n, depth });
    flattenOrgs(n.children ?? [], depth + 1, out);
  }
  return out;
}
