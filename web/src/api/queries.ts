/** Queries shared by several pages (who am I, org tree, departments). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Department, Me, OrgNode } from './types';

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

export const orgTreeQuery = queryOptions({
  queryKey: ['orgs'],
  queryFn: () => api.get<{ items: OrgNode[] }>('/api/orgs'),
  staleTime: 60_000,
});

export function useOrgTree(enabled = true) {
  return useQuery({ ...orgTreeQuery, enabled });
}

export function useDepartments(orgId?: string, enabled = true) {
  return useQuery({
    queryKey: ['departments', orgId ?? 'own'],
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
