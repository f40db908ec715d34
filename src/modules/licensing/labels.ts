/**
 * 行政许可 (SPEC module 4; 行政许可法, RULES.md §5): the codes of the module and their Chinese names —
 * the catalogue's categories and statuses, the application's channels, applicant types, statuses,
 * results, excluded periods and actions. Everything here is data with no imports at all: the services,
 * the contracts and the web (`@server/modules/licensing/labels`) read it.
 */

// ---------------------------------------------------------------------------------------------
// The catalogue (事项目录)

/** 行政许可 proper, or another 政务服务 item the bureau handles the same way (其他行政权力 such as 审批、备案). */
export const ITEM_CATEGORIES = ['licensing', 'other_approval'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export const ITEM_CATEGORY_LABELS: Record<ItemCategory, string> = { licensing: '行政许可', other_approval: '其他行政权力' };

/** active 有效 | abolished 已取消 (with the day and the reason: the item can no longer be applied for). */
export const ITEM_STATUSES = ['active', 'abolished'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { active: '有效', abolished: '已取消' };

// ---------------------------------------------------------------------------------------------
// The application (许可申请)

/** 网上申请 (the portal, materials uploaded) or 窗口申请 (at the desk, a checklist of the materials handed in). */
export const CHANNELS = ['online', 'desk'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { online: '网上申请', desk: '窗口申请' };

export const APPLICANT_TYPES = ['unit', 'individual'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = { unit: '法人或其他组织', individual: '自然人' };
/** What the identity number is, by applicant type. */
export const ID_LABELS: Record<ApplicantType, string> = { unit: '统一社会信用代码', individual: '身份证件号码' };

/** Where a record came from: the desk, the portal, an imported register. */
export const APPLICATION_SOURCES = ['desk', 'portal', 'import'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];
export const APPLICATION_SOURCE_LABELS: Record<ApplicationSource, string> = { desk: '窗口登记', portal: '门户在线申请', import: '历史导入' };

/**
 * submitted 待受理 → (correcting 待补正 → submitted) → reviewing 审查中 → decided 已决定 → published 已公开;
 * withdrawn 已撤回 from any state before the decision. Silence for 5 working days after receipt makes
 * `submitted` `reviewing` (accepted as of receipt, 行政许可法第三十二条).
 */
export const APPLICATION_STATUSES = ['submitted', 'correcting', 'reviewing', 'decided', 'published', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '待受理',
  correcting: '待补正',
  reviewing: '审查中',
  decided: '已决定',
  published: '已公开',
  withdrawn: '已撤回',
};

/** The decision (行政许可法第三十八条): 准予 or 不予行政许可. */
export const RESULTS = ['granted', 'refused'] as const;
export type Result = (typeof RESULTS)[number];
export const RESULT_LABELS: Record<Result, string> = { granted: '准予许可', refused: '不予许可' };

/** A register row's result as the history import names it (the decision, a withdrawal, or still open). */
export const IMPORT_RESULTS = ['granted', 'refused', 'withdrawn', 'pending'] as const;
export type ImportResult = (typeof IMPORT_RESULTS)[number];
export const IMPORT_RESULT_LABELS: Record<ImportResult, string> = { granted: '准予许可', refused: '不予许可', withdrawn: '申请人撤回', pending: '办理中' };

/** Time not counted in the decision period (行政许可法第四十五条): hearing, testing, expert review. */
export const EXCLUSION_KINDS = ['hearing', 'testing', 'expert_review'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];
export const EXCLUSION_KIND_LABELS: Record<ExclusionKind, string> = { hearing: '听证', testing: '检验、检测、检疫', expert_review: '专家评审' };

/** What a user may do to an application now (the detail lists them: pages offer only these). */
export const APPLICATION_ACTIONS = [
  'accept',
  'correction',
  'corrected',
  'exclusionStart',
  'exclusionEnd',
  'extensionRequest',
  'extensionDecision',
  'decision',
  'certificate',
  'publish',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
export const APPLICATION_ACTION_LABELS: Record<ApplicationAction, string> = {
  accept: '受理',
  correction: '一次性告知补正',
  corrected: '收到补正材料',
  exclusionStart: '听证、检测、专家评审',
  exclusionEnd: '结束不计时期间',
  extensionRequest: '报请延长期限',
  extensionDecision: '审批延期',
  decision: '作出决定',
  certificate: '颁发许可证件',
  publish: '公开决定',
  withdraw: '申请人撤回',
};

/**
 * The letters (文书) to the applicant, each issued with its step: 受理通知书 (行政许可法第三十二条第二款,
 * also when accepted by silence), 补正材料通知书 (第三十二条第一款第（四）项), the decision —
 * 准予 or 不予行政许可决定书 (第三十八条) — and, after a grant, the 行政许可证件 (第三十九条、第四十四条).
 * The module has no 不予受理 outcome (an application is accepted, corrected, decided or withdrawn), so
 * there is no 不予受理决定书.
 */
export const LETTER_KINDS = ['acceptance', 'correction', 'decision', 'certificate'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_LABELS: Record<LetterKind, string> = {
  acceptance: '受理通知书',
  correction: '补正材料通知书',
  decision: '行政许可决定书',
  certificate: '行政许可证件',
};
/** The decision letter's title by result. */
export const DECISION_LETTER_LABELS: Record<Result, string> = { granted: '准予行政许可决定书', refused: '不予行政许可决定书' };

/** What the applicant may do on the portal with the tracking code (the page offers only these). */
export const APPLICANT_ACTIONS = ['correct', 'withdraw'] as const;
export type ApplicantAction = (typeof APPLICANT_ACTIONS)[number];
export const APPLICANT_ACTION_LABELS: Record<ApplicantAction, string> = { correct: '提交补正材料', withdraw: '撤回申请' };

/** The clocks an application has (dashboard kinds `licensing.<kind>`). */
export const CLOCK_KINDS = ['acceptance', 'decision', 'certificate', 'publication'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const CLOCK_KIND_LABELS: Record<ClockKind, string> = {
  acceptance: '行政许可受理',
  decision: '行政许可决定',
  certificate: '颁发行政许可证件',
  publication: '行政许可决定公开',
};

/** The actions this module declares (its index.ts augments the kernel's ActionRegistry with the same names). */
export const LICENSING_ACTIONS = ['licensing.read', 'licensing.handle', 'licensing.approve', 'licensing.manage'] as const;
export type LicensingAction = (typeof LICENSING_ACTIONS)[number];
