/**
 * Reads and writes of 行政许可 as TanStack Query hooks: the types come from the server's contracts, and
 * what a write invalidates is said here once. The applications list reads through `ListPage`, whose
 * query key starts with the list's URL (invalidating `[URL]` reloads it).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInput,
  ApplicationDetail,
  ApplicationImportResult,
  ApplicationInput,
  CertificateInput,
  CorrectedInput,
  CorrectionInput,
  DecisionInput,
  ExclusionEndInput,
  ExclusionStartInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  PortalApplicationInput,
  PortalApplyResult,
  PortalCorrectionInput,
  PortalTrackResult,
  PortalWithdrawInput,
  PublicDecision,
  PublishInput,
  WithdrawInput,
} from '@server/modules/licensing/applications/contracts';
import type { ItemAbolishInput, ItemInput, ItemList, ItemView } from '@server/modules/licensing/items/contracts';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export const ITEMS_URL = '/api/licensing/items';
export const LICENSING_APPLICATIONS_URL = '/api/licensing/applications';
const PUBLIC = { redirectOn401: false } as const;

export const licensingKeys = {
  items: [ITEMS_URL] as const,
  applications: [LICENSING_APPLICATIONS_URL] as const,
  application: (id: string) => [LICENSING_APPLICATIONS_URL, 'detail', id] as const,
  timeline: (id: string) => ['timeline', 'licensingApplication', id] as const,
};

// ---- the catalogue ----

export function useItems() {
  return useQuery({ queryKey: licensingKeys.items, queryFn: () => api.get<ItemList>(ITEMS_URL) });
}

/** 新增 or 修改 an item (the admin); the catalogue reloads. */
export function useSaveItem(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ItemInput) => (id ? api.put<ItemView>(`${ITEMS_URL}/${id}`, body) : api.post<ItemView>(ITEMS_URL, body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: licensingKeys.items }),
  });
}

export function useAbolishItem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ItemAbolishInput) => api.post<ItemView>(`${ITEMS_URL}/${id}/abolish`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: licensingKeys.items }),
  });
}

/** 删除 an item entered by mistake (one with applications is only abolished). */
export function useDeleteItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${ITEMS_URL}/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: licensingKeys.items }),
  });
}

// ---- applications ----

export function useLicensingApplication(id: string) {
  return useQuery({ queryKey: licensingKeys.application(id), queryFn: () => api.get<ApplicationDetail>(`${LICENSING_APPLICATIONS_URL}/${id}`) });
}

export function useCreateLicensingApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationInput) => api.post<ApplicationDetail>(LICENSING_APPLICATIONS_URL, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: licensingKeys.applications }),
  });
}

type ActionBody = {
  accept: AcceptInput;
  correction: CorrectionInput;
  corrected: CorrectedInput;
  exclusions: ExclusionStartInput;
  'extension-request': ExtensionRequestInput;
  'extension-request/decision': ExtensionDecisionInput;
  decision: DecisionInput;
  certificate: CertificateInput;
  publish: PublishInput;
  withdraw: WithdrawInput;
};

/** After a write of an application: its detail takes the answer; the lists and its timeline reload. */
function useWritten(id: string) {
  const qc = useQueryClient();
  return (detail: ApplicationDetail) => {
    qc.setQueryData(licensingKeys.application(id), detail);
    void qc.invalidateQueries({ queryKey: licensingKeys.applications });
    void qc.invalidateQueries({ queryKey: licensingKeys.timeline(id) });
  };
}

/** One action on an application (POST …/:id/<path>): answers the detail. */
export function useLicensingAction<P extends keyof ActionBody>(id: string, path: P) {
  const written = useWritten(id);
  return useMutation({
    mutationFn: (body: ActionBody[P]) => api.post<ApplicationDetail>(`${LICENSING_APPLICATIONS_URL}/${id}/${path}`, body),
    onSuccess: written,
  });
}

export function useEndExclusion(id: string) {
  const written = useWritten(id);
  return useMutation({
    mutationFn: ({ exclusionId, ...body }: ExclusionEndInput & { exclusionId: string }) =>
      api.post<ApplicationDetail>(`${LICENSING_APPLICATIONS_URL}/${id}/exclusions/${exclusionId}/end`, body),
    onSuccess: written,
  });
}

/** A history register: JSON rows or an .xlsx (all or nothing). */
export function useImportLicensing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File }) => api.upload<ApplicationImportResult>(`${LICENSING_APPLICATIONS_URL}/import`, input.file, input.file.name),
    onSuccess: () => void qc.invalidateQueries({ queryKey: licensingKeys.applications }),
  });
}

// ---- the portal ----

export function usePublicItems(orgId: string | undefined) {
  return useQuery({
    queryKey: ['/api/public/licensing/items', orgId],
    queryFn: () => api.get<ItemList>('/api/public/licensing/items', { orgId }, PUBLIC),
    enabled: !!orgId,
  });
}

export function usePublicItem(id: string | undefined) {
  return useQuery({
    queryKey: ['/api/public/licensing/items', 'one', id],
    queryFn: () => api.get<ItemView>(`/api/public/licensing/items/${encodeURIComponent(id!)}`, undefined, PUBLIC),
    enabled: !!id,
    retry: false,
  });
}

export function useLicensingPortalApply() {
  return useMutation({ mutationFn: (body: PortalApplicationInput) => api.post<PortalApplyResult>('/api/public/licensing/applications', body, PUBLIC) });
}

const PUBLIC_APPLICATIONS = '/api/public/licensing/applications';
const trackKey = (code: string | undefined) => [PUBLIC_APPLICATIONS, code] as const;

/** A letter of an application at the desk (.docx). */
export const applicationLetterUrl = (id: string, doc: string) => `${LICENSING_APPLICATIONS_URL}/${id}/documents/${doc}`;
/** A letter addressed to the applicant, by tracking code (.docx). */
export const portalLetterUrl = (code: string, doc: string) => `${PUBLIC_APPLICATIONS}/${encodeURIComponent(code)}/documents/${doc}`;

/** The applicant's own steps with the tracking code: each answers the tracking result, which the page then shows. */
export function usePortalCorrect(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalCorrectionInput) => api.post<PortalTrackResult>(`${PUBLIC_APPLICATIONS}/${encodeURIComponent(code)}/corrections`, body, PUBLIC),
    onSuccess: (t) => qc.setQueryData(trackKey(code), t),
  });
}

export function usePortalWithdraw(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalWithdrawInput) => api.post<PortalTrackResult>(`${PUBLIC_APPLICATIONS}/${encodeURIComponent(code)}/withdraw`, body, PUBLIC),
    onSuccess: (t) => qc.setQueryData(trackKey(code), t),
  });
}

export function useLicensingPortalTrack(code: string | undefined) {
  return useQuery({
    queryKey: trackKey(code),
    queryFn: () => api.get<PortalTrackResult>(`/api/public/licensing/applications/${encodeURIComponent(code!)}`, undefined, PUBLIC),
    enabled: !!code,
    retry: false,
  });
}

export function usePublicDecisions(orgId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['/api/public/licensing/decisions', orgId, page, pageSize],
    queryFn: () => api.get<Page<PublicDecision>>('/api/public/licensing/decisions', { orgId, page, pageSize }, PUBLIC),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
}
