/**
 * Shapes of 约谈, 回头看, 移送立案 and 办结 as the pages read them: the part of the inspection detail
 * (GET /api/inspections/:id and, without referrals, GET /api/my/inspections/:id) that the server's
 * followUpView adds, and the request bodies of POST /api/inspections/:id/{interviews,follow-ups,
 * referrals,close} — see src/modules/inspections/followup.view.ts, followup.service.ts, contracts.ts.
 */
import type { ClockView, InspectionDetail, InspectionStatus, RectificationItemView } from './inspections';
import type { ReferralEntry, ReferralStatus } from './enforcement';

/** What addressed a flagged rectification item: interviews about it, follow-ups re-checking it, referrals of its entry (not declined). */
export interface AddressedBy {
  interviews: { id: string; heldOn: string }[];
  followUps: { id: string; code: string; status: InspectionStatus; statusLabel: string; plannedDate: string }[];
  referrals: { id: string; code: string; referredOn: string; status: ReferralStatus; statusLabel: string }[];
}

/** A rectification item returned twice or not accepted by the deadline (RULES.md §3). */
export interface FlagView {
  itemId: string;
  code: string;
  reason: string;
  addressedBy: AddressedBy;
}

/** 约谈记录. */
export interface InterviewView {
  id: string;
  heldOn: string;
  place: string;
  interviewers: { id: string; name: string; certificateNo: string }[];
  attendees: { name: string; title: string }[];
  itemIds: string[];
  itemCodes: string[];
  content: string;
  commitments: string | null;
  commitmentDue: string | null;
  createdAt: string;
}

/** A follow-up inspection (回头看) of this one. */
export interface FollowUpSummary {
  id: string;
  code: string;
  status: InspectionStatus;
  statusLabel: string;
  plannedDate: string;
  itemIds: string[];
  itemCodes: string[];
}

/** On a follow-up inspection: the parent and its rectification items being re-checked. */
export interface FollowUpParent {
  id: string;
  code: string;
  status: InspectionStatus;
  statusLabel: string;
  feedbackDocNumber: string | null;
  items: Pick<RectificationItemView, 'id' | 'entryId' | 'code' | 'title' | 'text' | 'status' | 'statusLabel' | 'returnCount'>[];
}

/** 移送立案 of this inspection (bureau only; the unit's view has none). */
export interface InspectionReferral {
  id: string;
  code: string;
  referredOn: string;
  status: ReferralStatus;
  statusLabel: string;
  facts: string;
  suspectedBasis: string | null;
  entries: ReferralEntry[];
  decisionNote: string | null;
}

/** The interview-commitment clock (`inspection.commitment`, calendar days). */
export interface CommitmentClock extends ClockView {
  label: string;
  closed: boolean;
}

export interface FollowUpPart {
  /** Flags with what addressed each; empty once closed. */
  flags: FlagView[];
  interviews: InterviewView[];
  followUps: FollowUpSummary[];
  parent: FollowUpParent | null;
  referrals: InspectionReferral[];
  closedOn: string | null;
  closeNote: string | null;
  commitment: CommitmentClock | null;
  /** Checklist entries already referred (referrals not declined). */
  referralEntryIds: string[];
}

/** The inspection detail with its follow-up part. */
export type InspectionFollowUpDetail = InspectionDetail & FollowUpPart;

/** POST /api/inspections/:id/interviews */
export interface InterviewBody {
  heldOn: string;
  place: string;
  interviewerIds: string[];
  attendees: { name: string; title: string }[];
  itemIds: string[];
  content: string;
  commitments?: string | null;
  commitmentDue?: string | null;
}

/** POST /api/inspections/:id/follow-ups (answers the new inspection's detail). */
export interface FollowUpBody {
  plannedDate: string;
  inspectorIds: string[];
  itemIds: string[];
  reason?: string | null;
}

/** POST /api/inspections/:id/referrals */
export interface ReferralBody {
  entryIds: string[];
  facts: string;
  suspectedBasis?: string | null;
}

/** POST /api/inspections/:id/close */
export interface CloseBody {
  note: string;
  closedOn?: string;
}
