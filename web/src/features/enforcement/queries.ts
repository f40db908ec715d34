/**
 * Reads and writes of 案件线索 (/api/enforcement/referrals) as TanStack Query hooks; the types come
 * from the server's contracts, and what a write invalidates is said here once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclineInput, ReferralView } from '@server/modules/enforcement/contracts';
import { api } from '../../api/client';

export const REFERRALS_URL = '/api/enforcement/referrals';

export const referralKeys = {
  /** Every referral query (the list pages and each detail). */
  all: [REFERRALS_URL] as const,
  detail: (id: string) => [REFERRALS_URL, 'detail', id] as const,
};

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.detail(id), queryFn: () => api.get<ReferralView>(`${REFERRALS_URL}/${id}`) });
}

/** 不予立案: the detail takes the answer, the lists reload. */
export function useDeclineReferral(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclineInput) => api.post<ReferralView>(`${REFERRALS_URL}/${id}/decline`, body),
    onSuccess: (v) => {
      qc.setQueryData(referralKeys.detail(id), v);
      void qc.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}
