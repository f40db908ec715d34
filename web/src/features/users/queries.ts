/**
 * Users of the org (用户管理) as TanStack hooks. The list is a `ListPage` keyed by its URL; every write
 * here reloads every users query (lists, pickers) once it is done.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountPatch, User, UserDetail, UserInput, UserListQuery, UserPatch } from '@server/modules/orgs/users/contracts';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export const USERS_URL = '/api/users';
export const userKeys = {
  /** Every users query: the list pages and the pickers. */
  all: [USERS_URL] as const,
  picker: (q: Partial<UserListQuery>) => [USERS_URL, 'picker', q] as const,
};

/** Active accounts for a picker (e.g. the inspector directory links an inspector to an account of role inspector). */
export function useUserPicker(q: Partial<UserListQuery>, enabled = true) {
  return useQuery({ queryKey: userKeys.picker(q), queryFn: () => api.get<Page<User>>(USERS_URL, { pageSize: 200, status: 'active', ...q }), enabled });
}

function useUserWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }) });
}

export const useCreateUser = () => useUserWrite((body: UserInput) => api.post<UserDetail>(USERS_URL, body));
export const useUpdateUser = () => useUserWrite((v: { id: string; patch: UserPatch }) => api.patch<UserDetail>(`${USERS_URL}/${v.id}`, v.patch));
/** 停用 / 启用. */
export const useSetUserStatus = () =>
  useUserWrite((v: { id: string; action: 'disable' | 'enable' }) => api.post<UserDetail>(`${USERS_URL}/${v.id}/${v.action}`));
/** 重置密码: the answer carries the new password, shown once. */
export const useResetPassword = () => useUserWrite((id: string) => api.post<{ password: string }>(`${USERS_URL}/${id}/reset-password`));

export const ACCOUNT_URL = '/api/account';

/** 本人账号: the signed-in user's 联系电话 and the org's 办公电话. */
export function useAccount(enabled = true) {
  return useQuery({ queryKey: [ACCOUNT_URL], queryFn: () => api.get<Account>(ACCOUNT_URL), enabled });
}

/** Sets the signed-in user's own 联系电话 (reloads the account and the users lists). */
export function useUpdateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountPatch) => api.patch<Account>(ACCOUNT_URL, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [ACCOUNT_URL] });
      void qc.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
