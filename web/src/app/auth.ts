/** The signed-in user, from `GET /api/auth/me` (loaded by the app route before any page). */
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Me } from '@server/kernel/contracts';
import { meQuery } from '../api/queries';
import type { Action } from '../api/types';
import { signOut } from '../features/auth/queries';

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
    await signOut();
    await navigate({ to: '/login', search: { redirect: undefined } });
    qc.clear();
  };
}
