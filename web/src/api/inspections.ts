/** Shapes of /api/inspections/* and /api/public/draws as the pages read them (see the server's inspections module). */
import type { RiskTier, UnitType } from './types';

export type Area = 'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'a6';

/** 档案法（2020）第四十二条 (一)…(六). */
export const AREA_LABELS: Record<Area, string> = {
  a1: '（一）档案工作责任制和管理制度落实情况',
  a2: '（二）档案库房、设施、设备配置使用情况',
  a3: '（三）档案工作人员管理情况',
  a4: '（四）档案收集、整理、保管、提供利用等情况',
  a5: '（五）档案信息化建设和信息安全保障情况',
  a6: '（六）对所属单位等的档案工作监督和指导情况',
};
/** Short form for tags: 第四十二条（一）. */
export const areaShort = (a: Area) => `第四十二条${AREA_LABELS[a]?.slice(0, 3) ?? a}`;
export const AREAS = Object.keys(AREA_LABELS) as Area[];

export type ChecklistKind = 'inspection' | 'self_inspection' | 'evaluation';
export const CHECKLIST_KIND_LABELS: Record<ChecklistKind, string> = { inspection: '检查表', self_inspection: '自查表', evaluation: '考评表' };

export interface InspectionItem {
  id: string;
  orgId: string;
  code: string;
  title: string;
  area: Area;
  areaLabel: string;
  legalBasis: string;
  method: string | null;
  evidenceHint: string | null;
  status: 'active' | 'retired';
  statusLabel: string;
  createdAt: string;
  updatedAt: string;
}

export interface Thresholds {
  excellent: number;
  good: number;
  pass: number;
}

export interface VersionSummary {
  id: string;
  checklistId: string;
  version: number;
  status: 'draft' | 'published';
  statusLabel: string;
  thresholds: Thresholds | null;
  note: string | null;
  basedOnId: string | null;
  publishedAt: string | null;
  createdAt: string;
  itemCount?: number;
}

export interface Checklist {
  id: string;
  orgId: string;
  name: string;
  kind: ChecklistKind;
  kindLabel: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ChecklistRow extends Checklist {
  latestPublished: VersionSummary | null;
  draft: VersionSummary | null;
}

export interface ChecklistDetail extends Checklist {
  versions: VersionSummary[];
}

export interface VersionEntry {
  id: string;
  itemId: string;
  position: number;
  code: string;
  title: string;
  area: Area;
  areaLabel: string;
  legalBasis: string;
  method: string | null;
  evidenceHint: string | null;
  points: number | null;
  veto: boolean;
}

export interface VersionDetail extends VersionSummary {
  checklist: Checklist;
  items: VersionEntry[];
}

export interface TargetCoverage {
  overall?: number;
  byRiskTier?: Partial<Record<RiskTier, number>>;
  byUnitType?: Partial<Record<UnitType, number>>;
}

export interface InspectorSnapshot {
  id: string;
  name: string;
  certificateNo: string;
  certExpiresOn: string;
}

export type DrawStatus = 'pool_frozen' | 'drawn' | 'published';

export interface Plan {
  id: string;
  orgId: string;
  year: number;
  title: string;
  scope: string;
  unitTypes: UnitType[];
  unitTypeLabels: string[];
  riskTiers: RiskTier[];
  riskTierLabels: string[];
  stratifyByRisk: boolean;
  targetCoverage: TargetCoverage;
  schedule: string | null;
  checklistVersionId: string | null;
  inspectors: InspectorSnapshot[] | null;
  status: 'draft' | 'published';
  statusLabel: string;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanDetail extends Plan {
  checklist: { id: string; version: number; status: string; name: string; checklistId: string } | null;
  draws: {
    id: string;
    drawId: string;
    plannedDate: string;
    status: DrawStatus;
    statusLabel: string;
    k: number;
    supersedesId: string | null;
    supersededById: string | null;
    redrawReason: string | null;
  }[];
}

export interface DrawSummary {
  id: string;
  orgId: string;
  planId: string;
  planTitle?: string;
  drawId: string;
  plannedDate: string;
  status: DrawStatus;
  statusLabel: string;
  k: number;
  teamSize: number;
  candidateCount: number;
  listHash: string;
  entropySource: 'server' | 'public';
  publicValueName: string | null;
  supersedesId: string | null;
  supersedesDrawId: string | null;
  redrawReason: string | null;
  supersededById: string | null;
  supersededByDrawId: string | null;
  createdAt: string;
  executedAt: string | null;
  publishedAt: string | null;
}

export interface PoolUnit {
  id: string;
  name: string;
  type: string;
  riskTier: string;
}

/** The record as published (lantai-draw-v1). */
export interface PublicDrawRecord {
  drawId: string;
  algorithm: string;
  entropy: string;
  listHash: string;
  seed: string;
  candidates: string[];
  k: number;
  selected: string[];
  strata?: { name: string; candidates: string[]; k: number; selected: string[] }[];
  teams?: { unitId: string; candidates: string[]; m: number; selected: string[] }[];
}

export interface ServerVerification {
  ok: boolean;
  problems: string[];
  checks: { subject: string; ok: boolean; zh: string; en: string }[];
}

export interface DrawDetail extends DrawSummary {
  strata: { name: string; riskTier: RiskTier; k: number; candidateCount: number }[];
  units: PoolUnit[];
  excluded: { unitId: string; name: string; reason: string }[];
  kept: { unitId: string; name: string; note: string }[];
  inspectorPool: InspectorSnapshot[];
  selected: { unitId: string; name: string; type: string | null; riskTier: string | null; team: { id: string; name: string; certificateNo: string | null }[] }[];
  record: PublicDrawRecord | null;
  verification: ServerVerification | null;
}

export interface PublicDrawSummary {
  id: string;
  drawId: string;
  orgName: string;
  planTitle: string;
  year: number;
  plannedDate: string;
  drawnAt: string | null;
  publishedAt: string | null;
  k: number;
  candidateCount: number;
  supersedes: string | null;
  redrawReason: string | null;
  supersededBy: string | null;
  url: string;
}

export type ItemResult = 'compliant' | 'non_compliant' | 'not_applicable';
export const ITEM_RESULT_LABELS: Record<ItemResult, string> = { compliant: '符合', non_compliant: '不符合', not_applicable: '不适用' };
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export interface GradeResult {
  results: { entryId: string; code: string; title: string; points: number | null; veto: boolean; result: ItemResult; resultLabel: string; note: string | null }[];
  compliant: number;
  applicable: number;
  notApplicable: number;
  share: number;
  score?: number | null;
  maxScore?: number | null;
  grade: Grade;
  gradeLabel: string;
  vetoFailed: string[];
  explanation: string[];
}

export interface Evaluation extends GradeResult {
  id: string;
  orgId: string;
  checklistVersionId: string;
  unitId: string | null;
  title: string;
  evaluatedOn: string;
  createdAt: string;
}

export const pct = (share: number) => `${(Math.round(share * 10000) / 100).toFixed(2)}%`;

// ---- 行政检查（检查任务） ----
export type InspectionStatus = 'planned' | 'notified' | 'self_inspected' | 'on_site_signed' | 'feedback_issued' | 'rectifying' | 'closed';
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: '待通知',
  notified: '已通知',
  self_inspected: '已自查',
  on_site_signed: '现场检查已签字',
  feedback_issued: '已反馈',
  rectifying: '整改中',
  closed: '已办结',
};
export const INSPECTION_STATUSES = Object.keys(INSPECTION_STATUS_LABELS) as InspectionStatus[];
export const INSPECTION_SOURCE_LABELS = { draw: '双随机抽查', ad_hoc: '专项/临时检查', follow_up: '回头看' } as const;
export type FlowActionName = 'notify' | 'saveSelfInspection' | 'submitSelfInspection' | 'editRecord' | 'sign' | 'issueFeedback' | 'reportRectification' | 'reviewRectification' | 'interview' | 'followUp' | 'refer' | 'close' | 'publish' | 'markExemplary';

export interface InspectionSummary {
  id: string;
  orgId: string;
  code: string;
  unitId: string;
  unitName: string;
  source: keyof typeof INSPECTION_SOURCE_LABELS;
  sourceLabel: string;
  drawId: string | null;
  reason: string | null;
  plannedDate: string;
  status: InspectionStatus;
  statusLabel: string;
  team: { id: string; name: string; certificateNo: string }[];
  noticeOn: string | null;
  noticeDocNumber: string | null;
  selfSubmittedAt: string | null;
  createdAt: string;
}

export interface FileRef {
  id: string;
  fileName: string | null;
  mime: string;
  size: number;
  sha256: string;
}

export interface ClockView {
  due: string | null;
  state: string;
  daysLeft: number | null;
  /** One line per step. */
  explanation: string[];
}

export interface RectificationItemView {
  id: string;
  entryId: string;
  code: string;
  title: string;
  text: string;
  status: 'open' | 'reported' | 'accepted' | 'returned';
  statusLabel: string;
  reports: { on: string; text: string; evidence: string[]; by: string }[];
  reviews: { on: string; decision: 'accepted' | 'returned'; comment: string | null; by: string }[];
  returnCount: number;
  evidence: FileRef[];
}

export interface InspectionDetail extends InspectionSummary {
  unitAddress: string | null;
  drawCode: string | null;
  checklist: { versionId: string; name: string | null; version: number | null };
  notice: { requiredWorkingDays: number; latestDate: string; sentOn: string | null; docNumber: string | null; clock: ClockView };
  selfInspection: { submittedAt: string | null; answered: number; total: number };
  items: {
    entryId: string;
    code: string;
    title: string;
    area: Area;
    areaLabel: string;
    legalBasis: string;
    method: string | null;
    evidenceHint: string | null;
    self: { result: ItemResult; resultLabel: string; note: string | null } | null;
    onSite: { result: ItemResult | null; resultLabel: string | null; note: string | null } | null;
    photos: FileRef[];
  }[];
  feedback: {
    issuedOn: string | null;
    docNumber: string;
    conclusion: string | null;
    rectificationDue: string | null;
    items: RectificationItemView[];
    flags: { itemId: string; code: string; reason: string }[];
  } | null;
  record: SignedRecordView | null;
  /** Before the feedback letter: the deadline it would set if issued today. */
  rectificationPreview: { days: number; due: string | null; explanation: string[] } | null;
  allowedActions: FlowActionName[];
}

/** 现场检查记录 as the detail shows it (signed or draft). */
export interface SignedRecordView {
  onSiteDate: string;
  inspectorsPresent: { id: string; name: string; certificateNo: string | null }[];
  representative: { name: string; title: string } | null;
  findings: string | null;
  signedOn: string | null;
  signatures: { id: string; signerName: string | null; inspectorId: string | null; role: 'inspector' | 'representative'; sha256: string }[];
  clock: ClockView | null;
}
