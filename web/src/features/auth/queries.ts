/**
 * Sign-in, sign-out and the own password as TanStack mutations; after each, who-am-I (`meQuery`) is
 * reloaded or dropped here, in one place.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials, PasswordChange } from '@server/kernel/contracts';
import { api, resetCsrf } from '../../api/client';
import { meQuery } from '../../api/queries';

/**
 * 登录: on success the old who-am-I is dropped and the new one loaded before the caller navigates; the
 * CSRF token is bound to the session, so the next write fetches a new one.
 */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) => api.post('/api/auth/login', body, { redirectOn401: false }),
    onSuccess: async () => {
      resetCsrf();
      qc.removeQueries({ queryKey: meQuery.queryKey });
      await qc.fetchQuery(meQuery);
    },
  });
}

/**
 * 修改密码: everything reloads — who-am-I (`mustChangePassword` clears) and whatever the server refused
 * (403) while the initial password was not changed yet.
 */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => api.post('/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** 退出: signed out even when the request fails; the caller navigates, then clears the cache. */
export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout', {}, { redirectOn401: false });
  } catch {
    /* signed out anyway */
  }
  resetCsrf();
}
