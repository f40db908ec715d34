/**
 * Statuses and their Chinese labels of the 案件线索 inbox, with no imports at all (the contracts and
 * the web both use them).
 */

/** pending 待立案 → accepted 已立案 (a case picks it up) | declined 不予立案 (with a reason). */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { pending: '待立案', accepted: '已立案', declined: '不予立案' };

/** Where a referral came from: a finding of an inspection's on-site record (later: complaints). */
export const REFERRAL_SOURCE_LABELS: Record<string, string> = { inspection: '行政检查' };

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const ENFORCEMENT_ACTIONS = ['enforcement.read', 'enforcement.manage', 'enforcement.review', 'enforcement.approve'] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

// ---- 行政处罚案件 ----

/** Where a case comes from: a referral of an inspection, a complaint (投诉举报), the officers' own finding. */
export const CASE_SOURCES = ['inspection', 'complaint', 'own'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = { inspection: '行政检查移送', complaint: '投诉举报', own: '执法人员发现' };

export const PARTY_KINDS = ['unit', 'individual'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = { unit: '单位', individual: '个人' };

/** Benchmarks distinguish archive-service companies (档案法第四十九条第二款). */
export const BENCHMARK_PARTY_KINDS = ['unit', 'individual', 'archive_service'] as const;
export type BenchmarkPartyKind = (typeof BENCHMARK_PARTY_KINDS)[number];
export const BENCHMARK_PARTY_KIND_LABELS: Record<BenchmarkPartyKind, string> = { unit: '单位', individual: '个人', archive_service: '档案服务企业' };

export const CIRCUMSTANCES = ['minor', 'general', 'serious', 'grave'] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];
export const CIRCUMSTANCE_LABELS: Record<Circumstance, string> = { minor: '轻微', general: '一般', serious: '较重', grave: '严重' };

/**
 * Penalty types, heaviest first. 行政处罚法第九条 lists the kinds from the lightest reputational one
 * (（一）警告、通报批评) through the property ones (（二）罚款、没收违法所得、没收非法财物) to the
 * restrictive ones; within （二） confiscation takes what was gained besides the fine, so it ranks
 * above the fine. `other` here is what the archives law leaves (通报批评 and the like), lighter than a
 * warning's companions, hence last.
 */
export const PENALTY_TYPES = ['confiscation', 'fine', 'warning', 'other'] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];
export const PENALTY_TYPE_LABELS: Record<PenaltyType, string> = { confiscation: '没收违法所得', fine: '罚款', warning: '警告', other: '其他' };

/** A decision: penalty, 不予行政处罚 (incl. 首违不罚), 违法事实不成立; `pending` only in imports (未决). */
export const CASE_RESULTS = ['penalty', 'no_penalty', 'not_established'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];
export const CASE_RESULT_LABELS: Record<CaseResult | 'pending', string> = {
  penalty: '给予行政处罚',
  no_penalty: '不予行政处罚',
  not_established: '违法事实不成立',
  pending: '尚未决定',
};

/**
 * filing 待批准立案 (the officers' request, 行政处罚法第五十四条: 立案 needs the head's approval) →
 * investigating 调查取证 (from 立案) → notified 已告知 → hearing 听证 (requested) → decided 已决定 →
 * served 已送达 → closed 已结案; or not_filed 不予立案 when the head refuses the filing. 法制审核 and 集体讨论 are recorded on the way (case.reviews, discussion).
 */
export const CASE_STATUSES = ['filing', 'investigating', 'notified', 'hearing', 'decided', 'served', 'closed', 'not_filed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  filing: '待批准立案',
  investigating: '调查取证',
  notified: '已告知',
  hearing: '听证',
  decided: '已决定',
  served: '已送达',
  closed: '已结案',
  not_filed: '不予立案',
};

export const CASE_ACTIONS = [
  'approveFiling',
  'addEvidence',
  'addInquiry',
  'requestWithdrawal',
  'decideWithdrawal',
  'extend',
  'notify',
  'requestHearing',
  'scheduleHearing',
  'holdHearing',
  'review',
  'discuss',
  'decide',
  'serve',
  'pay',
  'instalments',
  'applyCourt',
  'close',
  'publish',
  'revoke',
  'withdrawPublication',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  approveFiling: '立案审批',
  addEvidence: '上传证据',
  addInquiry: '询问笔录',
  requestWithdrawal: '回避申请',
  decideWithdrawal: '回避决定',
  extend: '延长办案期限',
  notify: '告知',
  requestHearing: '申请听证',
  scheduleHearing: '听证通知',
  holdHearing: '举行听证',
  review: '法制审核',
  discuss: '集体讨论',
  decide: '作出决定',
  serve: '送达',
  pay: '缴纳罚款',
  instalments: '批准延期（分期）缴纳',
  applyCourt: '申请法院强制执行',
  close: '结案',
  publish: '公开决定',
  revoke: '决定被撤销',
  withdrawPublication: '撤回公开',
};

export const SERVICE_METHODS = ['direct', 'mail', 'electronic', 'public_notice', 'left'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: '直接送达',
  mail: '邮寄送达',
  electronic: '电子送达',
  public_notice: '公告送达',
  left: '留置送达',
};

/** 法制审核 checklist (RULES.md §3, 行政处罚法第五十八条). */
export const REVIEW_ITEMS = ['competence', 'facts', 'basis', 'discretion', 'procedure', 'powers', 'documents', 'referral'] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];
export const REVIEW_ITEM_LABELS: Record<ReviewItem, string> = {
  competence: '执法主体合法，执法人员具备执法资格',
  facts: '案件事实清楚，证据确凿充分',
  basis: '适用法律依据准确',
  discretion: '裁量适当，符合裁量基准',
  procedure: '程序合法',
  powers: '未超越法定职权',
  documents: '执法文书规范、完备',
  referral: '无须移送司法机关或已依法移送',
};
export const REVIEW_RESULT_LABELS: Record<'passed' | 'returned', string> = { passed: '通过', returned: '退回' };

export const EVIDENCE_KINDS = ['photo', 'document', 'audio', 'video'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = { photo: '照片', document: '书证', audio: '录音', video: '录像' };
