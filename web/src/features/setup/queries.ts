/** The first run (初始化) as a TanStack mutation: once set up, the setup status is known without asking again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetupInput, SetupResult } from '@server/modules/orgs/orgs/contracts';
import { api } from '../../api/client';
import { setupStatusQuery } from '../../api/queries';

export function useSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupInput) => api.post<SetupResult>('/api/setup', body),
    onSuccess: () => qc.setQueryData(setupStatusQuery.queryKey, { needsSetup: false }),
  });
}
