/**
 * Contracts of 行政处罚案件: every request and response as a zod schema (zod, labels and the kernel's
 * response shapes only), so the web takes its types from this file.
 */
import { z } from 'zod';
import { paged, Timestamp } from '../../../kernel/http/responses.js';
import {
  CASE_ACTIONS,
  CASE_RESULTS,
  CASE_SOURCES,
  CASE_STATUSES,
  CIRCUMSTANCES,
  EVIDENCE_KINDS,
  PARTY_KINDS,
  PENALTY_TYPES,
  REVIEW_ITEMS,
  SERVICE_METHODS,
} from '../labels.js';

const Day = z
  .string('日期格式应为 YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, '日期不存在');
const Text = (what: string, max = 2000) => z.string(`请填写${what}`).trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
const Id = z.uuid('ID 格式不正确');
const Amount = z.number('金额应为数字').positive('金额应大于 0').max(100_000_000, '金额过大');

export const CaseIdParams = z.object({ id: Id });
export const CaseFileParams = z.object({ id: Id, fileId: Id });
export const CaseDocParams = z.object({ id: Id, doc: z.enum(['notice', 'decision'], { error: '文书应为 notice 或 decision' }) });

export const CaseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  result: z.enum(CASE_RESULTS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const PenaltyInput = z.object({
  type: z.enum(PENALTY_TYPES, { error: '处罚种类应为 warning（警告）、fine（罚款）、confiscation（没收违法所得）或 other（其他）' }),
  amount: Amount.optional(),
  note: z.string().trim().max(500).optional(),
});
export type PenaltyInput = z.infer<typeof PenaltyInput>;

/** 立案. */
export const OpenCaseInput = z.object({
  source: z.enum(CASE_SOURCES, { error: '案件来源应为 inspection（行政检查移送）、complaint（投诉举报）或 own（执法人员发现）' }),
  /** For `inspection`: the pending 案件线索 it files. */
  referralId: Id.optional(),
  partyKind: z.enum(PARTY_KINDS, { error: '当事人应为 unit（单位）或 individual（个人）' }),
  unitId: Id.optional(),
  partyName: z.string().trim().max(200).optional(),
  partyIdNo: z.string().trim().max(50).optional(),
  partyAddress: z.string().trim().max(300).optional(),
  benchmarkId: Id,
  facts: Text('涉嫌违法事实', 5000),
  officerIds: z.array(Id).max(10, '执法人员不能超过 10 名'),
  /** The day the officers ask for the filing (立案审批表); 立案 itself is the day the head approves. */
  filedOn: Day,
  /** The head the filing goes to for approval (it waits in their 待我审批). */
  approverId: Id,
  major: z.boolean().default(false),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

/** The head's decision on a filing: approve (立案 on `decidedOn`) or refuse with the reason (不予立案). */
export const FilingDecisionInput = z
  .object({ approve: z.boolean('请选择是否批准立案'), decidedOn: Day, reason: z.string().trim().max(2000).optional() })
  .superRefine((v, c) => {
    if (!v.approve && !v.reason) c.addIssue({ code: 'custom', path: ['reason'], message: '不予立案须写明理由' });
  });
export type FilingDecisionInput = z.infer<typeof FilingDecisionInput>;

export const ExtendInput = z.object({ days: z.number().int().min(1).max(90, '延长不超过 90 日'), reason: Text('延长理由'), approverId: Id, approvedOn: Day });
export type ExtendInput = z.infer<typeof ExtendInput>;

export const WithdrawalInput = z.object({ inspectorId: Id, reason: Text('回避理由'), requestedOn: Day });
export type WithdrawalInput = z.infer<typeof WithdrawalInput>;
export const WithdrawalDecisionInput = z.object({
  withdrawalId: Id,
  granted: z.boolean(),
  decidedOn: Day,
  /** Who replaces the officer who withdraws (at least two must remain). */
  replacementId: Id.optional(),
});
export type WithdrawalDecisionInput = z.infer<typeof WithdrawalDecisionInput>;

export const InquiryInput = z.object({
  heldOn: Day,
  place: Text('询问地点', 200),
  person: Text('被询问人', 100),
  officerIds: z.array(Id),
  content: Text('询问内容', 20000),
});
export type InquiryInput = z.infer<typeof InquiryInput>;

export const EvidenceQuery = z.object({
  kind: z.enum(EVIDENCE_KINDS, { error: '证据种类应为 photo、document、audio 或 video' }),
  title: z.string().trim().min(1, '请填写证据名称').max(200),
  collectedOn: Day,
});

/** 告知: the intended penalty (or the intended no-penalty) and the service of the notice. */
export const NotifyInput = z.object({
  circumstance: z.enum(CIRCUMSTANCES, { error: '情节应为 minor（轻微）、general（一般）、serious（较重）或 grave（严重）' }),
  penalties: z.array(PenaltyInput).min(1, '请填写拟作出的行政处罚'),
  discretionReason: z.string().trim().max(2000).optional(),
  noticeOn: Day,
  servedOn: Day,
});
export type NotifyInput = z.infer<typeof NotifyInput>;

export const HearingRequestInput = z.object({ requestedOn: Day });
export const HearingScheduleInput = z.object({ noticeOn: Day, hearingOn: Day });
export type HearingScheduleInput = z.infer<typeof HearingScheduleInput>;
export const HearingHeldInput = z.object({ heldOn: Day, record: Text('听证笔录摘要', 10000) });

export const ReviewInput = z.object({
  reviewedOn: Day,
  checklist: z.record(z.enum(REVIEW_ITEMS), z.boolean()),
  opinion: Text('审核意见'),
  result: z.enum(['passed', 'returned'], { error: '审核结论应为 passed（通过）或 returned（退回）' }),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const DiscussionInput = z.object({ heldOn: Day, participants: Text('参加人员', 500), conclusion: Text('讨论结论') });
export type DiscussionInput = z.infer<typeof DiscussionInput>;

export const DecideInput = z.object({
  result: z.enum(CASE_RESULTS, { error: '决定应为 penalty（给予处罚）、no_penalty（不予处罚）或 not_established（违法事实不成立）' }),
  decidedOn: Day,
  /** Penalties (default: those notified); a heavier fine than notified is refused (行政处罚法第四十五条). */
  penalties: z.array(PenaltyInput).optional(),
  discretionReason: z.string().trim().max(2000).optional(),
  /** 首违不罚 (行政处罚法第三十三条第一款): with the education record. */
  firstViolation: z.boolean().default(false),
  educationRecord: z.string().trim().max(5000).optional(),
  /** 罚款缴纳期限（日）, default 15 (行政处罚法第六十七条). */
  payWithinDays: z.number().int().min(1).max(90).default(15),
  reason: z.string().trim().max(5000).optional(),
});
export type DecideInput = z.infer<typeof DecideInput>;

export const ServeInput = z.object({
  method: z.enum(SERVICE_METHODS, { error: '送达方式应为 direct、mail、electronic、public_notice 或 left' }),
  servedOn: Day,
});
export const PayInput = z.object({ paidOn: Day, amount: Amount });
/**
 * 行政处罚法第六十六条: on the party's application for economic hardship, the head approves paying later
 * (one date, 暂缓) or in parts (分期); the schedule covers what is still owed.
 */
export const InstalmentInput = z.object({
  requestedOn: Day,
  approvedOn: Day,
  approverId: Id,
  reason: Text('当事人申请理由'),
  schedule: z
    .array(z.object({ dueOn: Day, amount: Amount }))
    .min(1, '请填写缴纳计划')
    .max(12, '分期不超过 12 期'),
});
export type InstalmentInput = z.infer<typeof InstalmentInput>;
export const CourtInput = z.object({ appliedOn: Day, court: Text('人民法院', 200) });
export const CloseInput = z.object({ closedOn: Day });
export const PublishInput = z.object({ publishedOn: Day });
export const RevokeInput = z.object({ revokedOn: Day, reason: Text('撤销原因') });
export const WithdrawPublicationInput = z.object({ withdrawnOn: Day });

export const PenaltyView = z.object({ type: z.enum(PENALTY_TYPES), typeLabel: z.string(), amount: z.number().nullable(), note: z.string().nullable() });
export type PenaltyView = z.infer<typeof PenaltyView>;

export const ClockView = z.object({
  kind: z.string(),
  label: z.string(),
  start: z.string(),
  due: z.string().nullable(),
  unit: z.enum(['working', 'calendar']),
  state: z.string(),
  daysLeft: z.number().nullable(),
  provisional: z.boolean(),
  explanation: z.array(z.string()),
});
export type ClockView = z.infer<typeof ClockView>;

export const OfficerView = z.object({ id: z.string(), name: z.string(), certificateNo: z.string(), certExpiresOn: z.string() });

export const CaseSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  caseNo: z.string(),
  source: z.enum(CASE_SOURCES),
  sourceLabel: z.string(),
  partyKind: z.enum(PARTY_KINDS),
  partyName: z.string(),
  violation: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  filedOn: z.string(),
  decidedOn: z.string().nullable(),
  result: z.string().nullable(),
  resultLabel: z.string().nullable(),
  heaviestPenalty: z.enum(PENALTY_TYPES).nullable(),
  fineAmount: z.number().nullable(),
  imported: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasePage = paged(CaseSummary);
export type CasePage = z.infer<typeof CasePage>;

export const CaseDetail = CaseSummary.extend({
  referralId: z.string().nullable(),
  referralCode: z.string().nullable(),
  unitId: z.string().nullable(),
  partyIdNo: z.string().nullable(),
  partyAddress: z.string().nullable(),
  benchmarkId: z.string().nullable(),
  circumstance: z.enum(CIRCUMSTANCES).nullable(),
  circumstanceLabel: z.string().nullable(),
  facts: z.string().nullable(),
  officers: z.array(OfficerView),
  major: z.boolean(),
  approverName: z.string().nullable(),
  extensions: z.array(z.object({ days: z.number(), reason: z.string(), approverName: z.string(), approvedOn: z.string() })),
  withdrawals: z.array(
    z.object({
      id: z.string(),
      inspectorName: z.string(),
      reason: z.string(),
      requestedOn: z.string(),
      status: z.enum(['pending', 'granted', 'refused']),
      statusLabel: z.string(),
      decidedOn: z.string().nullable(),
    }),
  ),
  inquiries: z.array(
    z.object({ id: z.string(), heldOn: z.string(), place: z.string(), person: z.string(), officerNames: z.array(z.string()), content: z.string() }),
  ),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(EVIDENCE_KINDS),
      kindLabel: z.string(),
      title: z.string(),
      collectedOn: z.string(),
      fileName: z.string(),
      size: z.number(),
    }),
  ),
  proposal: z
    .object({
      circumstance: z.enum(CIRCUMSTANCES),
      circumstanceLabel: z.string(),
      penalties: z.array(PenaltyView),
      discretionReason: z.string().nullable(),
      /** The fine lies outside the benchmark's recommended range (the reviewer sees the reason). */
      outsideRecommended: z.boolean(),
      recommended: z.object({ min: z.number(), max: z.number() }).nullable(),
    })
    .nullable(),
  noticeOn: z.string().nullable(),
  noticeServedOn: z.string().nullable(),
  hearingRequestedOn: z.string().nullable(),
  hearingNoticeOn: z.string().nullable(),
  hearingOn: z.string().nullable(),
  hearingHeldOn: z.string().nullable(),
  hearingRecord: z.string().nullable(),
  hearingEligible: z.boolean(),
  reviewRequired: z.boolean(),
  reviewRequiredBecause: z.array(z.string()),
  reviews: z.array(
    z.object({
      reviewerName: z.string(),
      reviewedOn: z.string(),
      checklist: z.array(z.object({ item: z.enum(REVIEW_ITEMS), label: z.string(), passed: z.boolean() })),
      opinion: z.string(),
      result: z.enum(['passed', 'returned']),
      resultLabel: z.string(),
    }),
  ),
  reviewResult: z.enum(['passed', 'returned']).nullable(),
  discussionRequired: z.boolean(),
  discussion: z.object({ heldOn: z.string(), participants: z.string(), conclusion: z.string() }).nullable(),
  penalties: z.array(PenaltyView),
  discretionReason: z.string().nullable(),
  firstViolation: z.boolean(),
  educationRecord: z.string().nullable(),
  decisionDocNo: z.string().nullable(),
  servedOn: z.string().nullable(),
  serviceMethod: z.enum(SERVICE_METHODS).nullable(),
  serviceMethodLabel: z.string().nullable(),
  payments: z.array(z.object({ paidOn: z.string(), amount: z.number() })),
  fineCollected: z.number(),
  instalments: z
    .object({
      kindLabel: z.string(),
      requestedOn: z.string(),
      approvedOn: z.string(),
      approverName: z.string(),
      reason: z.string(),
      schedule: z.array(z.object({ dueOn: z.string(), amount: z.number(), paid: z.boolean() })),
    })
    .nullable(),
  filingRefusal: z.object({ refusedOn: z.string(), reason: z.string(), approverName: z.string() }).nullable(),
  courtApplication: z.object({ appliedOn: z.string(), court: z.string() }).nullable(),
  publishedOn: z.string().nullable(),
  revokedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  steps: z.array(z.object({ step: z.string(), label: z.string(), on: z.string(), actorName: z.string() })),
  clocks: z.array(ClockView),
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  documents: z.array(z.object({ doc: z.enum(['notice', 'decision']), label: z.string() })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** One row of the history import (contract of issue 14). */
export const ImportCaseRow = z.object({
  caseNo: z.string().trim().min(1, '请填写案件编号').max(100),
  openedOn: Day,
  source: z.enum(CASE_SOURCES, { error: '应为 inspection、complaint 或 own' }),
  decidedOn: Day.optional(),
  result: z.enum([...CASE_RESULTS, 'pending'], { error: '应为 penalty、no_penalty、not_established 或 pending' }),
  penalties: z.array(z.object({ type: z.enum(PENALTY_TYPES, { error: '应为 warning、fine、confiscation 或 other' }), amount: Amount.optional() })).optional(),
  fineCollected: z.number('应为数字').min(0, '不能为负数').optional(),
  review: z.enum(['passed', 'returned'], { error: '应为 passed 或 returned' }).optional(),
  hearing: z.boolean('应为 true 或 false').optional(),
});
export type ImportCaseRow = z.infer<typeof ImportCaseRow>;
export const ImportResult = z.object({ imported: z.number() });

/** Who may approve a filing or an extension (局领导): the active users of the org holding `enforcement.approve`. */
export const ApproverList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type ApproverList = z.infer<typeof ApproverList>;
