/** The signed-in user, from `GET /api/auth/me` (loaded by the app route before any page). */
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, resetCsrf } from '../api/client';
import { meQuery } from '../api/queries';
import type { Action, Me } from '../api/types';

export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

export function useCan(): (action: Action) => boolean {
  const me = useMe();
  return (action) => me.actions.includes(action);
}

export function useLogout(): () => Promise<void> {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await api.post('/api/auth/logout', {}, { redirectOn401: false });
    } catch {
      /* signed out anyway */
    }
    resetCsrf();
    await navigate({ to: '/login', search: { redirect: undefined } });
    qc.clear();
  };
}
