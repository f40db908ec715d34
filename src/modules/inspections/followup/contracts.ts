/**
 * Contracts of what follows the rectification flags: 约谈, 回头看, 移送立案 and 办结 by hand — the
 * requests of POST /api/inspections/:id/{interviews,follow-ups,referrals,close}, and the follow-up part
 * of the inspection detail (GET /api/inspections/:id; the unit's own view has no referrals).
 * Imports zod and other contracts/labels only, so the web takes its types from this very file.
 */
import { z } from 'zod';
import { REFERRAL_STATUSES, ReferralEntry } from '../../enforcement/contracts.js';
import { ClockView, Day, InspectorIds, optionalText, text } from '../contracts.js';
import { INSPECTION_STATUSES, RECTIFICATION_ITEM_STATUSES } from '../loop/labels.js';

const uuidList = (what: string) => z.array(z.uuid(`${what} ID 格式不正确`));

// ---- Requests ----
export const InterviewInput = z.object({
  heldOn: Day,
  place: text('约谈地点', 200),
  interviewerIds: uuidList('约谈人').min(2, '约谈人至少 2 名执法人员').max(10, '约谈人不超过 10 名'),
  attendees: z
    .array(z.object({ name: text('被约谈人姓名', 50), title: text('被约谈人职务', 50) }))
    .min(1, '请至少填写 1 名被约谈人（单位负责人或档案工作负责人）')
    .max(20, '被约谈人不超过 20 名'),
  itemIds: uuidList('整改事项').min(1, '请选择约谈涉及的整改事项').max(500),
  content: text('约谈内容', 5000),
  commitments: optionalText(5000),
  commitmentDue: Day.nullable().optional(),
});
export type InterviewInput = z.infer<typeof InterviewInput>;
export const InterviewParams = z.object({ id: z.uuid('ID 格式不正确'), interviewId: z.uuid('ID 格式不正确') });
export const FollowUpInput = z.object({
  plannedDate: Day,
  inspectorIds: InspectorIds,
  itemIds: uuidList('整改事项').min(1, '请选择回头看要复查的整改事项').max(500),
  reason: optionalText(500),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;
export const ReferralInput = z.object({
  entryIds: uuidList('检查项').min(1, '请选择移送的不符合项').max(500),
  facts: text('违法事实', 5000),
  suspectedBasis: optionalText(500),
});
export type ReferralInput = z.infer<typeof ReferralInput>;
export const CloseInput = z.object({
  note: text('办结说明', 2000),
  /** Day of closure (default today). */
  closedOn: Day.optional(),
});
export type CloseInput = z.infer<typeof CloseInput>;

// ---- The follow-up part of the inspection detail ----
const InspectionStatus = z.enum(INSPECTION_STATUSES);

/** What addressed a flagged rectification item: interviews about it, follow-ups re-checking it, referrals of its entry (not declined). */
export const AddressedBy = z.object({
  interviews: z.array(z.object({ id: z.string(), heldOn: z.string() })),
  followUps: z.array(z.object({ id: z.string(), code: z.string(), status: InspectionStatus, statusLabel: z.string(), plannedDate: z.string() })),
  referrals: z.array(z.object({ id: z.string(), code: z.string(), referredOn: z.string(), status: z.enum(REFERRAL_STATUSES), statusLabel: z.string() })),
});
export type AddressedBy = z.infer<typeof AddressedBy>;

/** A rectification item returned twice or not accepted by the deadline (RULES.md §3). */
export const Flag = z.object({ itemId: z.string(), code: z.string(), reason: z.string() });
export const FlagView = Flag.extend({ addressedBy: AddressedBy });
export type FlagView = z.infer<typeof FlagView>;

/** 约谈记录. */
export const InterviewView = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
  interviewers: z.array(z.object({ id: z.string(), name: z.string(), certificateNo: z.string() })),
  attendees: z.array(z.object({ name: z.string(), title: z.string() })),
  itemIds: z.array(z.string()),
  itemCodes: z.array(z.string()),
  content: z.string(),
  commitments: z.string().nullable(),
  commitmentDue: z.string().nullable(),
  createdAt: z.string(),
});
export type InterviewView = z.infer<typeof InterviewView>;

/** A follow-up inspection (回头看) of this one. */
export const FollowUpSummary = z.object({
  id: z.string(),
  code: z.string(),
  status: InspectionStatus,
  statusLabel: z.string(),
  plannedDate: z.string(),
  itemIds: z.array(z.string()),
  itemCodes: z.array(z.string()),
});
export type FollowUpSummary = z.infer<typeof FollowUpSummary>;

/** On a follow-up inspection: the parent and its rectification items being re-checked. */
export const FollowUpParent = z.object({
  id: z.string(),
  code: z.string(),
  status: InspectionStatus,
  statusLabel: z.string(),
  feedbackDocNumber: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      entryId: z.string(),
      code: z.string(),
      title: z.string(),
      text: z.string(),
      status: z.enum(RECTIFICATION_ITEM_STATUSES),
      statusLabel: z.string(),
      returnCount: z.number(),
    }),
  ),
});
export type FollowUpParent = z.infer<typeof FollowUpParent>;

/** 移送立案 of this inspection (bureau only; the unit's view has none). */
export const InspectionReferral = z.object({
  id: z.string(),
  code: z.string(),
  referredOn: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  statusLabel: z.string(),
  facts: z.string(),
  suspectedBasis: z.string().nullable(),
  entries: z.array(ReferralEntry),
  decisionNote: z.string().nullable(),
});
export type InspectionReferral = z.infer<typeof InspectionReferral>;

/** The interview-commitment clock (`inspection.commitment`, calendar days). */
export const CommitmentClock = ClockView.extend({ label: z.string(), closed: z.boolean() });
export type CommitmentClock = z.infer<typeof CommitmentClock>;

export const FollowUpPart = z.object({
  /** Flags with what addressed each; empty once closed. */
  flags: z.array(FlagView),
  interviews: z.array(InterviewView),
  followUps: z.array(FollowUpSummary),
  parent: FollowUpParent.nullable(),
  referrals: z.array(InspectionReferral),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  commitment: CommitmentClock.nullable(),
  /** Checklist entries already referred (referrals not declined). */
  referralEntryIds: z.array(z.string()),
});
export type FollowUpPart = z.infer<typeof FollowUpPart>;
