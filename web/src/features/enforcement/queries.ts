/**
 * Reads and writes of 行政处罚 as TanStack Query hooks: 案件线索 (/api/enforcement/referrals), 案件
 * (/api/enforcement/cases), 裁量基准 (/api/enforcement/benchmarks and the portal's). The types come from
 * the server's contracts, and what a write invalidates is said here once. Lists read through
 * `ListPage`, whose query key starts with the list's URL (invalidating `[URL]` reloads it).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclineInput, ReferralView } from '@server/modules/enforcement/contracts';
import type { BenchmarkLevelsInput, BenchmarkList, BenchmarkView, PublicBenchmarkPage } from '@server/modules/enforcement/benchmarks/contracts';
import type {
  ApproverList,
  CaseDetail,
  DecideInput,
  DiscussionInput,
  ExtendInput,
  FilingDecisionInput,
  InstalmentInput,
  HearingScheduleInput,
  InquiryInput,
  NotifyInput,
  OpenCaseInput,
  ReviewInput,
  WithdrawalDecisionInput,
  WithdrawalInput,
} from '@server/modules/enforcement/cases/contracts';
import type { EvidenceKind, ServiceMethod } from '@server/modules/enforcement/labels';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import type { Inspector } from '../../api/types';

export const REFERRALS_URL = '/api/enforcement/referrals';
export const CASES_URL = '/api/enforcement/cases';
export const BENCHMARKS_URL = '/api/enforcement/benchmarks';
export const PUBLIC_BENCHMARKS_URL = '/api/public/enforcement/benchmarks';

export const referralKeys = {
  /** Every referral query (the list pages and each detail). */
  all: [REFERRALS_URL] as const,
  detail: (id: string) => [REFERRALS_URL, 'detail', id] as const,
};

export const caseKeys = {
  all: [CASES_URL] as const,
  detail: (id: string) => [CASES_URL, 'detail', id] as const,
  timeline: (id: string) => ['timeline', 'enforcementCase', id] as const,
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

// ---- cases ----

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get<CaseDetail>(`${CASES_URL}/${id}`) });
}

/** 立案 (from a referral, a complaint or the officers' own finding): the new case; the case lists and the referrals reload. */
export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenCaseInput) => api.post<CaseDetail>(CASES_URL, body),
    onSuccess: (d) => {
      qc.setQueryData(caseKeys.detail(d.id), d);
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      void qc.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}

/** The bodies of the case's actions, by the path they post to. */
export type CaseActionBody = {
  extend: ExtendInput;
  withdrawals: WithdrawalInput;
  'withdrawals/decide': WithdrawalDecisionInput;
  inquiries: InquiryInput;
  notify: NotifyInput;
  'hearing/request': { requestedOn: string };
  'hearing/schedule': HearingScheduleInput;
  'hearing/held': { heldOn: string; record: string };
  review: ReviewInput;
  discussion: DiscussionInput;
  decide: Partial<DecideInput> & Pick<DecideInput, 'result' | 'decidedOn'>;
  serve: { method: ServiceMethod; servedOn: string };
  payments: { paidOn: string; amount: number };
  instalments: InstalmentInput;
  'filing-decision': FilingDecisionInput;
  court: { appliedOn: string; court: string };
  close: { closedOn: string };
  publish: { publishedOn: string };
  revoke: { revokedOn: string; reason: string };
  'withdraw-publication': { withdrawnOn: string };
};

/** After a write of a case: its detail takes the answer; the lists and its timeline reload. */
function useCaseWritten(id: string) {
  const qc = useQueryClient();
  return (detail: CaseDetail) => {
    qc.setQueryData(caseKeys.detail(id), detail);
    void qc.invalidateQueries({ queryKey: caseKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    void qc.invalidateQueries({ queryKey: caseKeys.timeline(id) });
  };
}

/** One action on a case (POST …/:id/<path>): answers the detail. */
export function useCaseAction<P extends keyof CaseActionBody>(id: string, path: P) {
  const written = useCaseWritten(id);
  return useMutation({
    mutationFn: (body: CaseActionBody[P]) => api.post<CaseDetail>(`${CASES_URL}/${id}/${path}`, body),
    onSuccess: written,
  });
}

/** 上传证据: one file with its kind, title and day (the kind must match the file's content). */
export function useAddEvidence(id: string) {
  const written = useCaseWritten(id);
  return useMutation({
    mutationFn: (v: { kind: EvidenceKind; title: string; collectedOn: string; file: File }) =>
      api.upload<CaseDetail>(withQuery(`${CASES_URL}/${id}/evidence`, { kind: v.kind, title: v.title, collectedOn: v.collectedOn }), v.file, v.file.name),
    onSuccess: written,
  });
}

/** 导入历史案件: an .xlsx (all or nothing). */
export function useImportCases() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<{ imported: number }>(`${CASES_URL}/import`, file, file.name),
    onSuccess: () => void qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

/** The leaders who may approve a filing or an extension. */
export function useApprovers(enabled: boolean) {
  return useQuery({ queryKey: ['/api/enforcement/approvers'], queryFn: () => api.get<ApproverList>('/api/enforcement/approvers'), enabled });
}

/** The org's active officers (执法人员), for the pickers. */
export function useOfficers(enabled: boolean) {
  return useQuery({
    queryKey: ['/api/inspectors', 'enforcement-picker'],
    queryFn: () => api.get<Page<Inspector>>('/api/inspectors', { page: 1, pageSize: 100, status: 'active' }),
    enabled,
  });
}

// ---- 裁量基准 ----

export function useBenchmarks(enabled = true) {
  return useQuery({ queryKey: [BENCHMARKS_URL], queryFn: () => api.get<BenchmarkList>(BENCHMARKS_URL), enabled });
}

export function useUpdateBenchmark(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BenchmarkLevelsInput) => api.put<BenchmarkView>(`${BENCHMARKS_URL}/${id}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [BENCHMARKS_URL] }),
  });
}

/** 载入档案法标准裁量基准 (those the org has stay as they are). */
export function useSeedBenchmarks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ added: number }>(`${BENCHMARKS_URL}/standard`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [BENCHMARKS_URL] }),
  });
}

export function usePublicBenchmarks(orgId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [PUBLIC_BENCHMARKS_URL, orgId, page, pageSize],
    queryFn: () => api.get<PublicBenchmarkPage>(PUBLIC_BENCHMARKS_URL, { org: orgId, page, pageSize }, { redirectOn401: false }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}
