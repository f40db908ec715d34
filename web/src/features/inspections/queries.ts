/**
 * Reads and writes of the inspections module as TanStack Query hooks; the types come from the server's
 * contracts (`@server/modules/inspections/<area>/contracts`), and what a write invalidates is said here
 * once. Two blocks: the loop, follow-up, publication and figures (below), and the catalogue,
 * checklists, plans, draws and evaluations.
 */
import { useMutation, useQuery, useQueryClient, keepPreviousData, type QueryClient } from '@tanstack/react-query';
import type { FigureName, FigureRecordsResult, FiguresResult, MonitorsResult } from '@server/modules/inspections/figures/contracts';
import type { CloseInput, FollowUpInput, InterviewInput, ReferralInput } from '@server/modules/inspections/followup/contracts';
import type {
  AdHocInspectionInput,
  AdHocResult,
  FeedbackInput,
  InspectionDetail,
  InspectionPage,
  NoticeAmendInput,
  NoticeInput,
  RecordInput,
  RectificationReportInput,
  RectificationReviewInput,
  SelfInspectionInput,
  SignInput,
} from '@server/modules/inspections/loop/contracts';
import type {
  ExemplaryInput,
  PublicExemplaryPage,
  PublicExemplaryQuery,
  PublicInspectionPage,
  PublicationCorrectionInput,
  PublicationView,
  PublishInput,
} from '@server/modules/inspections/publication/contracts';
import type { UnitType } from '@server/modules/orgs/contracts';
import type { ChecklistKind } from '@server/modules/inspections/labels';
import type {
  ChecklistDetail,
  ChecklistInput,
  ChecklistList,
  ItemInput,
  ItemList,
  ItemPatch,
  ItemView,
  VersionDetail,
  VersionItemsInput,
} from '@server/modules/inspections/catalogue/contracts';
import type { PlanBody, PlanDetail, PlanList } from '@server/modules/inspections/plans/contracts';
import type { EvaluationCreateInput, EvaluationInput, EvaluationList, EvaluationView, GradeView } from '@server/modules/inspections/evaluations/contracts';
import { api, download } from '../../api/client';
import type { Inspector, Page } from '../../api/types';

// =============================================================================================
// The loop (检查任务 from creation to closing), follow-up, publication, figures and monitors

export const INSPECTIONS_URL = '/api/inspections';
export const MY_INSPECTIONS_URL = '/api/my/inspections';

export const inspectionKeys = {
  /** Every query under /api/inspections: the list pages, each detail, publication, figures, monitors. */
  all: [INSPECTIONS_URL] as const,
  detail: (id: string) => [INSPECTIONS_URL, 'detail', id] as const,
  publication: (id: string) => [INSPECTIONS_URL, id, 'publication'] as const,
  /** The unit's own account: its list and each detail. */
  mine: [MY_INSPECTIONS_URL] as const,
  myDetail: (id: string) => [MY_INSPECTIONS_URL, 'detail', id] as const,
  timeline: (id: string) => ['timeline', 'inspection', id] as const,
};

/** After a write on the bureau's side: the detail takes the answer (if any); lists, figures, the publication card and the timeline reload. */
function afterBureauWrite(qc: QueryClient, id: string, d?: InspectionDetail) {
  if (d) qc.setQueryData(inspectionKeys.detail(id), d);
  else void qc.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
  void qc.invalidateQueries({ queryKey: inspectionKeys.all });
  void qc.invalidateQueries({ queryKey: inspectionKeys.timeline(id) });
}

/** After a write in the unit's own account. */
function afterUnitWrite(qc: QueryClient, id: string, d?: InspectionDetail) {
  if (d) qc.setQueryData(inspectionKeys.myDetail(id), d);
  else void qc.invalidateQueries({ queryKey: inspectionKeys.myDetail(id) });
  void qc.invalidateQueries({ queryKey: inspectionKeys.mine });
}

// ---- reads ----
export function useInspection(id: string) {
  return useQuery({ queryKey: inspectionKeys.detail(id), queryFn: () => api.get<InspectionDetail>(`${INSPECTIONS_URL}/${id}`) });
}

export function useMyInspection(id: string) {
  return useQuery({ queryKey: inspectionKeys.myDetail(id), queryFn: () => api.get<InspectionDetail>(`${MY_INSPECTIONS_URL}/${id}`) });
}

/** Reloads a detail whose change the page did not make itself (a photo, evidence, a refused signing). */
export function useRefreshInspection(id: string, side: 'bureau' | 'unit' = 'bureau') {
  const qc = useQueryClient();
  return () => (side === 'bureau' ? afterBureauWrite(qc, id) : afterUnitWrite(qc, id));
}

// ---- the bureau's writes (each answers the detail) ----
function useBureauWrite<B>(id: string, send: (body: B) => Promise<InspectionDetail>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (d) => afterBureauWrite(qc, id, d) });
}

export const useSendNotice = (id: string) => useBureauWrite<NoticeInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/notice`, b));
export const useAmendNotice = (id: string) =>
  useBureauWrite<NoticeAmendInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/notice/amend`, b));
export const useSaveRecord = (id: string) => useBureauWrite<RecordInput>(id, (b) => api.put<InspectionDetail>(`${INSPECTIONS_URL}/${id}/record`, b));
export const useSignRecord = (id: string) => useBureauWrite<SignInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/sign`, b));
export const useIssueFeedback = (id: string) => useBureauWrite<FeedbackInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/feedback`, b));
export const useReviewRectification = (id: string) =>
  useBureauWrite<RectificationReviewInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/rectification/review`, b));
export const useInterview = (id: string) => useBureauWrite<InterviewInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/interviews`, b));
export const useRefer = (id: string) => useBureauWrite<ReferralInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/referrals`, b));
export const useCloseInspection = (id: string) => useBureauWrite<CloseInput>(id, (b) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/close`, b));

/** 回头看: answers the new inspection's detail; this one (its follow-ups) and the lists reload. */
export function useFollowUp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: FollowUpInput) => api.post<InspectionDetail>(`${INSPECTIONS_URL}/${id}/follow-ups`, b),
    onSuccess: (child) => {
      qc.setQueryData(inspectionKeys.detail(child.id), child);
      afterBureauWrite(qc, id);
    },
  });
}

/** The active inspectors a team (检查组, 约谈人) is picked from; loaded once a form opens. */
export function useTeamInspectors(enabled: boolean) {
  return useQuery({
    queryKey: ['/api/inspectors', 'team-picker'],
    queryFn: () => api.get<Page<Inspector>>('/api/inspectors', { page: 1, pageSize: 100, status: 'active' }),
    enabled,
  });
}

/** 新建临时检查: the new inspection's detail (with repeat-inspection warnings). */
export function useCreateAdHoc() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: AdHocInspectionInput) => api.post<AdHocResult>(INSPECTIONS_URL, b),
    onSuccess: (d) => {
      qc.setQueryData(inspectionKeys.detail(d.id), d);
      void qc.invalidateQueries({ queryKey: inspectionKeys.all });
    },
  });
}

// ---- the unit's writes ----
function useUnitWrite<B>(id: string, send: (body: B) => Promise<InspectionDetail>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (d) => afterUnitWrite(qc, id, d) });
}

export const useSaveSelfInspection = (id: string) =>
  useUnitWrite<SelfInspectionInput>(id, (b) => api.put<InspectionDetail>(`${MY_INSPECTIONS_URL}/${id}/self-inspection`, b));
export const useSubmitSelfInspection = (id: string) =>
  useUnitWrite<void>(id, () => api.post<InspectionDetail>(`${MY_INSPECTIONS_URL}/${id}/self-inspection/submit`));
export const useReportRectification = (id: string) =>
  useUnitWrite<RectificationReportInput>(id, (b) => api.put<InspectionDetail>(`${MY_INSPECTIONS_URL}/${id}/rectification`, b));

// ---- 一公开 and 典型 ----
export function usePublication(id: string, enabled: boolean) {
  return useQuery({ queryKey: inspectionKeys.publication(id), queryFn: () => api.get<PublicationView>(`${INSPECTIONS_URL}/${id}/publication`), enabled });
}

function usePublicationWrite<B>(id: string, send: (body: B) => Promise<PublicationView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (v) => {
      qc.setQueryData(inspectionKeys.publication(id), v);
      void qc.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: inspectionKeys.timeline(id) });
      void qc.invalidateQueries({ queryKey: ['/api/public/inspections'] });
    },
  });
}

export const usePublish = (id: string) => usePublicationWrite<PublishInput>(id, (b) => api.post<PublicationView>(`${INSPECTIONS_URL}/${id}/publish`, b));
export const useCorrectPublication = (id: string) =>
  usePublicationWrite<PublicationCorrectionInput>(id, (b) => api.put<PublicationView>(`${INSPECTIONS_URL}/${id}/publication`, b));
export const useSetExemplary = (id: string) =>
  usePublicationWrite<ExemplaryInput>(id, (b) => api.post<PublicationView>(`${INSPECTIONS_URL}/${id}/exemplary`, b));

// ---- the portal (no sign-in: a 401 does not redirect) ----
const noRedirect = { redirectOn401: false };
export type PublicInspectionFilter = Pick<PublicExemplaryQuery, 'year' | 'unitType' | 'orgId'>;

export function usePublicInspections(filter: PublicInspectionFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['/api/public/inspections', filter, page],
    queryFn: () => api.get<PublicInspectionPage>('/api/public/inspections', { ...filter, page, pageSize }, noRedirect),
    placeholderData: keepPreviousData,
  });
}

/** One page of the 典型 list (the same filters). */
export function usePublicExemplary(filter: PublicInspectionFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['/api/public/inspections/exemplary', filter, page, pageSize],
    queryFn: () => api.get<PublicExemplaryPage>('/api/public/inspections/exemplary', { ...filter, page, pageSize }, noRedirect),
    placeholderData: keepPreviousData,
  });
}

// ---- 检查统计 ----
export const FIGURES_URL = `${INSPECTIONS_URL}/figures`;

/** The query of both figure endpoints: a period, a unit type, an org and 含下级. */
export interface FiguresFilter {
  from: string;
  to: string;
  unitType?: UnitType;
  orgId?: string;
  includeDescendants?: boolean;
}

const figuresQuery = (f: FiguresFilter) => ({
  from: f.from,
  to: f.to,
  unitType: f.unitType,
  orgId: f.orgId,
  includeDescendants: f.includeDescendants ? 'true' : undefined,
});

/** 导出 Excel of 检查统计 with the page's filters. */
export const downloadFigures = (f: FiguresFilter) => download(`${FIGURES_URL}/export.xlsx`, figuresQuery(f), '检查统计.xlsx');

/** 导出 Excel of 监测预警 with the page's filters. */
export const downloadMonitors = (year: number, orgId?: string, sub?: boolean) =>
  download(
    `${INSPECTIONS_URL}/monitors/export.xlsx`,
    { from: `${year}-01-01`, to: `${year}-12-31`, orgId, includeDescendants: sub ? 'true' : undefined },
    '监测预警.xlsx',
  );

export function useInspectionFigures(f: FiguresFilter) {
  const query = figuresQuery(f);
  return useQuery({ queryKey: [FIGURES_URL, query], queryFn: () => api.get<FiguresResult>(FIGURES_URL, query), placeholderData: keepPreviousData });
}

/** What a click on a number asks for: a figure, optionally one bucket and one org of the scope. */
export interface Drill {
  name: FigureName;
  label: string;
  value: number;
  key?: string;
  keyLabel?: string;
  recordOrgId?: string;
  orgName?: string;
}

/** One page of a figure's records; while the next page of the same drill loads, the previous stays (never another drill's). */
export function useFigureRecords(drill: Drill | null, f: FiguresFilter, page: number, pageSize: number) {
  const base = drill ? { ...figuresQuery(f), key: drill.key, recordOrgId: drill.recordOrgId } : null;
  const id = drill ? JSON.stringify([drill.name, base]) : null;
  return useQuery({
    queryKey: [FIGURES_URL, 'records', id, page],
    queryFn: () => api.get<FigureRecordsResult>(`${FIGURES_URL}/${drill!.name}/records`, { ...base!, page, pageSize }),
    enabled: !!drill,
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[2] === id ? prev : undefined),
  });
}

// ---- 监测预警 ----

/** The three warning counts (dashboard card, page tabs): pairs, overdue items, overloaded inspectors. */
export function warningCounts(m: MonitorsResult) {
  return {
    repeats: m.repeats.length,
    overdueItems: m.overdue.reduce((n, o) => n + o.items.length, 0),
    overdueInspections: m.overdue.length,
    overloaded: m.workload.filter((w) => w.warning).length,
  };
}

/** The monitors of a calendar year for the org (default the user's own) and, with `sub`, every org below it. */
export const monitorsQuery = (year: number, orgId?: string, sub?: boolean) => ({
  queryKey: [`${INSPECTIONS_URL}/monitors`, year, orgId ?? null, !!sub],
  queryFn: () =>
    api.get<MonitorsResult>(`${INSPECTIONS_URL}/monitors`, { from: `${year}-01-01`, to: `${year}-12-31`, orgId, includeDescendants: sub ? 'true' : undefined }),
});

// =============================================================================================
// Catalogue, checklists, plans, draws and evaluations
// (the draws' hooks are in features/draws/queries.ts)

export const ITEMS_URL = `${INSPECTIONS_URL}/items`;
export const CHECKLISTS_URL = `${INSPECTIONS_URL}/checklists`;
export const VERSIONS_URL = `${INSPECTIONS_URL}/checklist-versions`;
export const PLANS_URL = `${INSPECTIONS_URL}/plans`;
export const EVALUATIONS_URL = `${INSPECTIONS_URL}/evaluations`;

export const catalogueKeys = {
  /** Every catalogue query: the list page (ListPage's `[url, params]`) and the active items of a draft. */
  items: [ITEMS_URL] as const,
  activeItems: [ITEMS_URL, { status: 'active' }] as const,
  checklists: [CHECKLISTS_URL] as const,
  checklist: (id: string) => [CHECKLISTS_URL, id] as const,
  versions: [VERSIONS_URL] as const,
  version: (id: string | null | undefined) => [VERSIONS_URL, id] as const,
};
export const planKeys = { all: [PLANS_URL] as const, detail: (id: string) => [PLANS_URL, id] as const };
export const evaluationKeys = { all: [EVALUATIONS_URL] as const };

/** The most a picker loads at once (the server's largest page); a picker says so when there are more and searches on the server. */
export const PICKER_PAGE_SIZE = 200;

// ---- 检查事项清单 ----
/** The items in use (停用 ones cannot be added to a draft) matching `q` (code, title or basis): the first 200, with the total. */
export function useActiveItems(enabled = true, q = '') {
  return useQuery({
    queryKey: [...catalogueKeys.activeItems, q],
    queryFn: () => api.get<ItemList>(ITEMS_URL, { status: 'active', q: q || undefined, page: 1, pageSize: PICKER_PAGE_SIZE }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A new item, or a change to one (`id`); the catalogue reloads. */
export function useSaveItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ItemInput | ItemPatch }) =>
      id ? api.patch<ItemView>(`${ITEMS_URL}/${id}`, body) : api.post<ItemView>(ITEMS_URL, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: catalogueKeys.items }),
  });
}

// ---- 检查表与版本 ----
/** One page of the checklists (the checklists page). */
export function useChecklists(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...catalogueKeys.checklists, 'page', page, pageSize],
    queryFn: () => api.get<ChecklistList>(CHECKLISTS_URL, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The checklists a form picks from (of one kind, or all): the first 200 by kind and name, with the
 * total. An org keeps a handful; a picker whose total is larger says it shows the first 200.
 */
export function useChecklistOptions(kind?: ChecklistKind) {
  return useQuery({
    queryKey: [...catalogueKeys.checklists, 'options', kind ?? null],
    queryFn: () => api.get<ChecklistList>(CHECKLISTS_URL, { kind, page: 1, pageSize: PICKER_PAGE_SIZE }),
  });
}

export function useChecklist(id: string) {
  return useQuery({ queryKey: catalogueKeys.checklist(id), queryFn: () => api.get<ChecklistDetail>(`${CHECKLISTS_URL}/${id}`) });
}

export function useVersion(id: string | null | undefined) {
  return useQuery({ queryKey: catalogueKeys.version(id), queryFn: () => api.get<VersionDetail>(`${VERSIONS_URL}/${id}`), enabled: !!id });
}

/** After a write on a checklist or a version: both reload (the list shows each one's versions). */
function afterChecklistWrite(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: catalogueKeys.checklists });
  void qc.invalidateQueries({ queryKey: catalogueKeys.versions });
}

export function useCreateChecklist() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ChecklistInput) => api.post<ChecklistDetail>(CHECKLISTS_URL, body), onSuccess: () => afterChecklistWrite(qc) });
}

/** 新建草稿版本 from the latest published one. */
export function useNewDraftVersion(checklistId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<VersionDetail>(`${CHECKLISTS_URL}/${checklistId}/versions`), onSuccess: () => afterChecklistWrite(qc) });
}

/** A draft's whole item list (order, points, veto). */
export function useSaveVersionItems(versionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionItemsInput) => api.put<VersionDetail>(`${VERSIONS_URL}/${versionId}/items`, body),
    onSuccess: () => afterChecklistWrite(qc),
  });
}

export function usePublishVersion(versionId: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<VersionDetail>(`${VERSIONS_URL}/${versionId}/publish`), onSuccess: () => afterChecklistWrite(qc) });
}

// ---- 年度检查计划 ----
/** One page of the plans (the plans page), newest year first. */
export function usePlans(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...planKeys.all, 'page', page, pageSize],
    queryFn: () => api.get<PlanList>(PLANS_URL, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** The published plans a draw is made from: the first 200, newest year first (an org publishes a few a year). */
export function usePublishedPlanOptions() {
  return useQuery({
    queryKey: [...planKeys.all, 'options', 'published'],
    queryFn: () => api.get<PlanList>(PLANS_URL, { status: 'published', page: 1, pageSize: PICKER_PAGE_SIZE }),
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.detail(id), queryFn: () => api.get<PlanDetail>(`${PLANS_URL}/${id}`) });
}

/** After a write on a plan: its detail takes the answer, the lists reload. */
function afterPlanWrite(qc: QueryClient, p: PlanDetail) {
  qc.setQueryData(planKeys.detail(p.id), p);
  void qc.invalidateQueries({ queryKey: planKeys.all });
}

/** A new draft plan, or a change to a draft (`id`). */
export function useSavePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: PlanBody }) =>
      id ? api.patch<PlanDetail>(`${PLANS_URL}/${id}`, body) : api.post<PlanDetail>(PLANS_URL, body),
    onSuccess: (p) => afterPlanWrite(qc, p),
  });
}

/** 事前公开. */
export function usePublishPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<PlanDetail>(`${PLANS_URL}/${id}/publish`), onSuccess: (p) => afterPlanWrite(qc, p) });
}

// ---- a unit's inspections and evaluations (its drawer in the directory) ----
/** The unit's inspections and evaluations, newest first (of its own org: `orgId` for a descendant's unit). */
export function useUnitRecords(unitId: string, orgId: string, enabled: boolean) {
  const inspections = useQuery({
    queryKey: [INSPECTIONS_URL, 'unit', unitId],
    queryFn: () => api.get<InspectionPage>(INSPECTIONS_URL, { unitId, orgId, pageSize: 100 }),
    enabled,
  });
  const evaluations = useQuery({
    queryKey: [...evaluationKeys.all, 'unit', unitId],
    queryFn: () => api.get<EvaluationList>(EVALUATIONS_URL, { unitId, orgId, pageSize: 100 }),
    enabled,
  });
  return { inspections, evaluations };
}

// ---- 评价考评 ----
/** One page of the stored evaluations, latest first. */
export function useEvaluations(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...evaluationKeys.all, page, pageSize],
    queryFn: () => api.get<EvaluationList>(EVALUATIONS_URL, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** 试算: nothing is stored, nothing reloads. */
export function useTryGrade() {
  return useMutation({ mutationFn: (body: EvaluationInput) => api.post<GradeView>(`${EVALUATIONS_URL}/grade`, body) });
}

export function useCreateEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationCreateInput) => api.post<EvaluationView>(EVALUATIONS_URL, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}
