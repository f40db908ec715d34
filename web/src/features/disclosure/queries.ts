/**
 * Reads and writes of 政府信息公开 and 复议、诉讼 as TanStack Query hooks: the types come from the server's
 * contracts, and what a write invalidates is said here once. Lists read through `ListPage`, whose
 * query key starts with the list's URL (invalidating `[URL]` reloads them).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnnualReportTables,
  CellDrillDown,
  ExternalCheckResult,
  ExternalTableInput,
  Narrative,
  NarrativeInput,
  PublicReportList,
  PublishedReport,
  PublishedReportVersion,
  ReportPublications,
} from '@server/modules/disclosure/annual-report/contracts';
import type {
  ApplicationDetail,
  ApplicationImportResult,
  ApplicationInput,
  ApplicationPage,
  ConsultationEndInput,
  ConsultationStartInput,
  CorrectedInput,
  CorrectionInput,
  CreatedApplication,
  DecisionInput,
  ExtensionInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  PortalApplicationInput,
  PortalApplyResult,
  PortalTrackResult,
} from '@server/modules/disclosure/applications/contracts';
import type { FeeInput, FeeMethod, FeePaidInput, FeePreview, FeeServedInput } from '@server/modules/disclosure/fees/contracts';
import type { IssuedLetters, RemedySettings, RemedySettingsInput } from '@server/modules/disclosure/letters/contracts';
import type { LetterKind } from '@server/modules/disclosure/labels';
import type { RegisterCategories, RegisterEntryInput, RegisterEntryPatch, RegisterEntryView } from '@server/modules/disclosure/register/contracts';
import type { DisputeImportResult, DisputeInput, DisputePatch, DisputeView } from '@server/modules/disputes/contracts';
import { api, download } from '../../api/client';
import type { Page, User } from '../../api/types';

export const APPLICATIONS_URL = '/api/disclosure/applications';
export const REGISTER_URL = '/api/disclosure/register';
export const REPORTS_URL = '/api/disclosure/annual-reports';
export const DISPUTES_URL = '/api/disputes';
export const REMEDY_URL = '/api/disclosure/remedy-settings';
const PUBLIC_REPORTS_URL = '/api/public/disclosure/annual-reports';

export const disclosureKeys = {
  /** Every application query (the lists, the pickers, each detail and its letters). */
  applications: [APPLICATIONS_URL] as const,
  application: (id: string) => [APPLICATIONS_URL, 'detail', id] as const,
  letters: (id: string) => [APPLICATIONS_URL, 'letters', id] as const,
  feePreview: (id: string, method: FeeMethod, count: number | null) => [APPLICATIONS_URL, 'fee-preview', id, method, count] as const,
  timeline: (id: string) => ['timeline', 'disclosureApplication', id] as const,
  register: [REGISTER_URL] as const,
  reports: [REPORTS_URL] as const,
  tables: (year: number, orgId?: string, includeChildren = false) => [REPORTS_URL, year, orgId, includeChildren] as const,
  cell: (year: number, rowKey: string | undefined, colKey: string | undefined, orgId: string | undefined, page: number) =>
    [REPORTS_URL, year, 'cell', rowKey, colKey, orgId, page] as const,
  narrative: (year: number, orgId?: string) => [REPORTS_URL, year, 'narrative', orgId] as const,
  publications: (year: number) => [REPORTS_URL, year, 'publications'] as const,
  disputes: [DISPUTES_URL] as const,
  remedy: [REMEDY_URL] as const,
};

// ---- applications ----

export function useApplication(id: string) {
  return useQuery({ queryKey: disclosureKeys.application(id), queryFn: () => api.get<ApplicationDetail>(`${APPLICATIONS_URL}/${id}`) });
}

/** One page of the letters issued for an application, in number order. */
export function useIssuedLetters(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...disclosureKeys.letters(id), page, pageSize],
    queryFn: () => api.get<IssuedLetters>(`${APPLICATIONS_URL}/${id}/letters`, { page, pageSize }),
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** Applications by tracking code, applicant or content (the dispute form's picker). */
export function useApplicationSearch(term: string) {
  return useQuery({
    queryKey: [APPLICATIONS_URL, 'picker', term],
    queryFn: () => api.get<ApplicationPage>(APPLICATIONS_URL, { q: term || undefined, pageSize: 20, page: 1 }),
    staleTime: 30_000,
  });
}

/** The leaders who may approve an extension (for a desk that names the approver). */
export function useApprovers(enabled: boolean) {
  return useQuery({
    queryKey: ['/api/users', 'approvers'],
    queryFn: () => api.get<Page<User>>('/api/users', { role: 'leader', pageSize: 100, page: 1 }),
    enabled,
  });
}

/** After a write of an application: its detail takes the answer; the lists, its timeline and the annual report's tables reload. */
function useApplicationWritten(id: string) {
  const qc = useQueryClient();
  return (detail: ApplicationDetail | null) => {
    if (detail) qc.setQueryData(disclosureKeys.application(id), detail);
    void qc.invalidateQueries({ queryKey: disclosureKeys.applications });
    void qc.invalidateQueries({ queryKey: disclosureKeys.timeline(id) });
    void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
  };
}

type ActionBody = {
  correction: CorrectionInput;
  corrected: CorrectedInput;
  consultations: ConsultationStartInput;
  extension: ExtensionInput;
  'extension-request': ExtensionRequestInput;
  'extension-request/decision': ExtensionDecisionInput;
  decision: DecisionInput;
  fee: FeeInput;
  'fee/served': FeeServedInput;
  'fee/paid': FeePaidInput;
};

/** One action on an application (POST …/:id/<path>): answers the detail. */
export function useApplicationAction<P extends keyof ActionBody>(id: string, path: P) {
  const written = useApplicationWritten(id);
  return useMutation({ mutationFn: (body: ActionBody[P]) => api.post<ApplicationDetail>(`${APPLICATIONS_URL}/${id}/${path}`, body), onSuccess: written });
}

/** The answer of one consultation. */
export function useEndConsultation(id: string) {
  const written = useApplicationWritten(id);
  return useMutation({
    mutationFn: ({ consultationId, ...body }: ConsultationEndInput & { consultationId: string }) =>
      api.post<ApplicationDetail>(`${APPLICATIONS_URL}/${id}/consultations/${consultationId}/end`, body),
    onSuccess: written,
  });
}

/** Downloads a letter (.docx): the first download numbers it, so the letters issued reload. */
export function useDownloadLetter(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, consultationId, fallbackName }: { kind: LetterKind; consultationId?: string; fallbackName: string }) =>
      download(`${APPLICATIONS_URL}/${id}/letters/${kind}.docx`, { consultationId }, fallbackName),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.letters(id) });
      void qc.invalidateQueries({ queryKey: disclosureKeys.timeline(id) });
    },
  });
}

/** The fee the server would compute for the count entered (nothing saved). */
export function useFeePreview(id: string, method: FeeMethod, count: number | null) {
  return useQuery({
    queryKey: disclosureKeys.feePreview(id, method, count),
    queryFn: ({ signal }) =>
      api.get<FeePreview>(
        `${APPLICATIONS_URL}/${id}/fee/preview`,
        method === 'page' ? { method, pages: count ?? undefined } : { method, items: count ?? undefined },
        { signal },
      ),
    enabled: count !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationInput) => api.post<CreatedApplication>(APPLICATIONS_URL, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.applications });
      void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
    },
  });
}

/** A register of applications: JSON rows or an .xlsx (all or nothing). */
export function useImportApplications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File }) => api.upload<ApplicationImportResult>(`${APPLICATIONS_URL}/import`, input.file, input.file.name),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.applications });
      void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
    },
  });
}

// ---- letters' remedies ----

export function useRemedySettings() {
  return useQuery({ queryKey: disclosureKeys.remedy, queryFn: () => api.get<RemedySettings>(REMEDY_URL) });
}

export function useSaveRemedySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RemedySettingsInput) => api.put<RemedySettings>(REMEDY_URL, body),
    onSuccess: (r) => qc.setQueryData(disclosureKeys.remedy, r),
  });
}

// ---- register ----

export function useRegisterCategories() {
  return useQuery({ queryKey: [REGISTER_URL, 'categories'], queryFn: () => api.get<RegisterCategories>(`${REGISTER_URL}/categories`), staleTime: Infinity });
}

/** Register or change an entry; the register's lists reload (the annual report's section 二 too). */
export function useSaveRegisterEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RegisterEntryInput | RegisterEntryPatch }) =>
      id ? api.patch<RegisterEntryView>(`${REGISTER_URL}/${id}`, body) : api.post<RegisterEntryView>(REGISTER_URL, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.register });
      void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
    },
  });
}

export function useDeleteRegisterEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${REGISTER_URL}/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.register });
      void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
    },
  });
}

// ---- annual report ----

/** The tables of the org, or with `includeChildren` of the org and every org below it (summed by the server). */
export function useAnnualReportTables(year: number, orgId?: string, includeChildren = false) {
  return useQuery({
    queryKey: disclosureKeys.tables(year, orgId, includeChildren),
    queryFn: () => api.get<AnnualReportTables>(`${REPORTS_URL}/${year}/tables`, { orgId, ...(includeChildren ? { includeChildren: 'true' } : {}) }),
    placeholderData: keepPreviousData,
  });
}

export function useCellDrillDown(
  year: number,
  cell: { rowKey: string; colKey: string } | null,
  orgId: string | undefined,
  page: number,
  includeChildren = false,
) {
  return useQuery({
    queryKey: [...disclosureKeys.cell(year, cell?.rowKey, cell?.colKey, orgId, page), includeChildren],
    queryFn: () =>
      api.get<CellDrillDown>(`${REPORTS_URL}/${year}/cells/${encodeURIComponent(cell!.rowKey)}/${encodeURIComponent(cell!.colKey)}`, {
        orgId,
        page,
        pageSize: 20,
        ...(includeChildren ? { includeChildren: 'true' } : {}),
      }),
    enabled: !!cell,
    placeholderData: keepPreviousData,
  });
}

export function useNarrative(year: number, orgId?: string) {
  return useQuery({ queryKey: disclosureKeys.narrative(year, orgId), queryFn: () => api.get<Narrative>(`${REPORTS_URL}/${year}/narrative`, { orgId }) });
}

/** Saves the own org's narrative: its query takes the answer. */
export function useSaveNarrative(year: number, orgId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NarrativeInput) => api.put<Narrative>(`${REPORTS_URL}/${year}/narrative`, body),
    onSuccess: (r) => qc.setQueryData(disclosureKeys.narrative(year, orgId), r),
  });
}

/** One page of a year's published versions (newest first) and the current one. */
export function useReportPublications(year: number, orgId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...disclosureKeys.publications(year), orgId, page, pageSize],
    queryFn: () => api.get<ReportPublications>(`${REPORTS_URL}/${year}/publications`, { orgId, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function usePublishReport(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason?: string) => api.post<PublishedReportVersion>(`${REPORTS_URL}/${year}/publish`, reason ? { reason } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: disclosureKeys.publications(year) }),
  });
}

/** The check of an external table: pasted JSON, or an .xlsx with its year (and template, if given). */
export function useCheckExternalTable() {
  return useMutation({
    mutationFn: (input: { table: ExternalTableInput } | { file: File; year: number; templateId?: string }) =>
      'table' in input
        ? api.post<ExternalCheckResult>(`${REPORTS_URL}/check`, input.table)
        : api.upload<ExternalCheckResult>(
            `${REPORTS_URL}/check?${new URLSearchParams({ year: String(input.year), ...(input.templateId ? { templateId: input.templateId } : {}) })}`,
            input.file,
            input.file.name,
          ),
  });
}

// ---- disputes ----

/** Register or change a dispute; the register's lists and the annual report (section 四) reload. */
export function useSaveDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DisputeInput | DisputePatch }) =>
      id ? api.patch<DisputeView>(`${DISPUTES_URL}/${id}`, body) : api.post<DisputeView>(DISPUTES_URL, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.disputes });
      void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
    },
  });
}

/** Import a filled .xlsx template of the register (all or nothing). */
export function useImportDisputes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<DisputeImportResult>(`${DISPUTES_URL}/import`, file, file.name),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: disclosureKeys.disputes });
      void qc.invalidateQueries({ queryKey: disclosureKeys.reports });
    },
  });
}

// ---- portal (no account) ----

const PUBLIC = { redirectOn401: false } as const;

/** The bureaus the portal offers. */
export function usePublicOrgs(enabled = true) {
  return useQuery({
    queryKey: ['/api/public/orgs'],
    queryFn: () => api.get<{ items: { id: string; name: string; level: string }[] }>('/api/public/orgs', undefined, PUBLIC),
    enabled,
  });
}

export function usePortalApply() {
  return useMutation({ mutationFn: (body: PortalApplicationInput) => api.post<PortalApplyResult>('/api/public/disclosure/applications', body, PUBLIC) });
}

export function usePortalTrack(code: string | undefined) {
  return useQuery({
    queryKey: ['/api/public/disclosure/applications', code],
    queryFn: () => api.get<PortalTrackResult>(`/api/public/disclosure/applications/${encodeURIComponent(code!)}`, undefined, PUBLIC),
    enabled: !!code,
    retry: false,
  });
}

/** One page of the portal's published reports, of one bureau or all. */
export function usePublicReports(orgId: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [PUBLIC_REPORTS_URL, orgId, page, pageSize],
    queryFn: () => api.get<PublicReportList>(PUBLIC_REPORTS_URL, { orgId, page, pageSize }, PUBLIC),
    placeholderData: keepPreviousData,
  });
}

export function usePublicReport(id: string) {
  return useQuery({
    queryKey: [PUBLIC_REPORTS_URL, 'one', id],
    queryFn: () => api.get<PublishedReport>(`${PUBLIC_REPORTS_URL}/${encodeURIComponent(id)}`, undefined, PUBLIC),
    retry: false,
  });
}
