/** The org's settings (系统设置) as TanStack Query hooks; types from the kernel's contracts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Setting } from '@server/kernel/contracts';
import { api } from '../../api/client';

export const settingsKeys = { all: ['/api/settings'] as const };

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.all, queryFn: () => api.get<{ items: Setting[] }>('/api/settings') });
}

/** Saves the changed values (each checked by its module's rule on the server); the page reloads them. */
export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: Record<string, unknown>) => api.put('/api/settings', values),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
