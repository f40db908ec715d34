/**
 * Contracts of the applications area (依申请公开): intake at the desk and on the portal, the list and
 * its export, the detail with its reply clock, the actions that move the clock, the import, and the
 * portal's tracking. Zod only (the module's labels and shared shapes, the fee's view), so the web
 * takes its types from this very file (`@server/modules/disclosure/applications/contracts`).
 */
import { z } from 'zod';
import { paged } from '../../../kernel/http/responses.js';
import { ClockState, ClockView, day, DueView } from '../contracts.js';
import { FeeView } from '../fees/contracts.js';
import {
  ACCESS_MODES,
  APPLICANT_TYPES,
  APPLICATION_ACTIONS,
  APPLICATION_SOURCES,
  APPLICATION_STATUSES,
  CHANNELS,
  CONSULTATION_KINDS,
  LETTER_KINDS,
  OUTCOME_CODES,
  PARTY_TYPES,
} from '../labels.js';

const CHANNEL_MSG = '申请渠道应为 online（互联网）、letter（信函）、in_person（当面）或 fax_email（传真、电子邮件）';
const APPLICANT_MSG =
  '申请人类型应为 natural（自然人）、business（商业企业）、research（科研机构）、public_interest（社会公益组织）、legal_service（法律服务机构）或 other（其他）';

// ---- requests ----

const applicantFields = {
  applicantType: z.enum(APPLICANT_TYPES, APPLICANT_MSG),
  applicantName: z.string('申请人姓名（名称）必填').trim().min(1, '申请人姓名（名称）必填').max(200, '申请人姓名（名称）不能超过 200 个字'),
  idType: z.string().trim().max(40).nullable().optional(),
  idNumber: z
    .string()
    .trim()
    .max(40, '证件号码不能超过 40 个字符')
    .regex(/^[0-9A-Za-z-]*$/, '证件号码只能包含数字、字母和连字符')
    .nullable()
    .optional(),
  contact: z.string().trim().max(200, '联系方式不能超过 200 个字').nullable().optional(),
  content: z.string('所需信息的描述必填').trim().min(1, '所需信息的描述必填').max(5000, '所需信息的描述不能超过 5000 个字'),
  formRequested: z.string().trim().max(100).nullable().optional(),
};

/** Desk intake (当面、信函、传真电子邮件、互联网): receivedOn per the channel's rule (条例第三十一条). */
export const ApplicationInput = z.object({
  channel: z.enum(CHANNELS, CHANNEL_MSG),
  receivedOn: day('收到申请日期'),
  ...applicantFields,
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/** Portal application (no account): the receipt date is the day the system confirms it. */
export const PortalApplicationInput = z.object({
  orgId: z.uuid('受理机关 ID 格式不正确'),
  ...applicantFields,
});
export type PortalApplicationInput = z.infer<typeof PortalApplicationInput>;

export const ApplicationListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  applicantType: z.enum(APPLICANT_TYPES).optional(),
  outcome: z.enum(OUTCOME_CODES).optional(),
  receivedFrom: day('起始日期').optional(),
  receivedTo: day('截止日期').optional(),
  sort: z.enum(['receivedOn', 'decidedOn', 'applicantName', 'createdAt']).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  orgId: z.uuid().optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const CorrectionInput = z.object({
  sentOn: day('补正通知发出日期'),
  deadline: day('补正期限'),
  items: z.string('补正事项必填').trim().min(1, '补正事项必填：一次性告知需要补正的全部事项').max(2000),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;
export const CorrectedInput = z.object({ receivedOn: day('收到补正申请日期') });
export type CorrectedInput = z.infer<typeof CorrectedInput>;
export const ConsultationStartInput = z.object({
  kind: z.enum(CONSULTATION_KINDS, '征求对象类别应为 third_party（第三方）或 agency（其他机关）'),
  party: z.string('征求对象必填').trim().min(1, '征求对象必填').max(200),
  /** A third party's kind, when known: its letter says 你 (natural) or 你单位 (organisation), else 贵方. */
  partyType: z.enum(PARTY_TYPES, '第三方类别应为 natural（个人）或 organisation（单位）').optional(),
  startedOn: day('征求意见函发出日期'),
});
export type ConsultationStartInput = z.infer<typeof ConsultationStartInput>;
export const ConsultationEndInput = z.object({ endedOn: day('收到答复日期') });
export type ConsultationEndInput = z.infer<typeof ConsultationEndInput>;
export const ExtensionInput = z.object({
  days: z.number('延长天数必填').int('延长天数应为整数').min(1, '延长天数至少 1 个工作日'),
  reason: z.string('延期理由必填').trim().min(1, '延期理由必填').max(1000),
  /** The approving head (a user with the approving role); defaults to the acting user. */
  approvedBy: z.uuid('批准人 ID 格式不正确').optional(),
  approvedOn: day('批准日期'),
  noticeOn: day('告知申请人日期').optional(),
});
export type ExtensionInput = z.infer<typeof ExtensionInput>;

/** 报请延期: the desk asks the head of the disclosure office (a leader) to extend the reply period. */
export const ExtensionRequestInput = z.object({
  days: z.number('延长天数必填').int('延长天数应为整数').min(1, '延长天数至少 1 个工作日'),
  reason: z.string('延期理由必填').trim().min(1, '延期理由必填').max(1000, '延期理由不能超过 1000 个字'),
});
export type ExtensionRequestInput = z.infer<typeof ExtensionRequestInput>;

/** The head's decision on a request: approved (the extension runs from today) or refused with a reason. */
export const ExtensionDecisionInput = z
  .object({
    approve: z.boolean('请选择批准或不予批准'),
    /** 告知申请人日期 (approved). */
    noticeOn: day('告知申请人日期').optional(),
    /** Why not (refused). */
    reason: z.string().trim().max(1000, '不予批准的理由不能超过 1000 个字').optional(),
  })
  .refine((v) => v.approve || !!v.reason, { message: '不予批准的，请填写理由', path: ['reason'] });
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionInput>;

export const DecisionInput = z.object({
  decidedOn: day('答复日期'),
  outcome: z.enum(OUTCOME_CODES, '办理结果必填，且只能选择一个法定办理结果代码'),
  /** The reason the reply letter gives (partial, withheld, unavailable, not processed, other). */
  reason: z.string().trim().max(2000, '理由不能超过 2000 个字').optional(),
  /** 予以公开 / 部分公开: how the information is provided (default attached). */
  accessMode: z.enum(ACCESS_MODES, '提供方式应为 attached（随答复书提供）、published（已主动公开）或 arranged（告知获取的方式、途径和时间）').optional(),
  /** Where / how / when: required for published and arranged. */
  accessNote: z.string().trim().max(500, '获取方式说明不能超过 500 个字').optional(),
  /** 非本机关负责公开 (第三十六条第（五）项): the agency responsible for disclosing the information — required there. */
  holderAgency: z.string().trim().max(200, '负责公开的行政机关名称不能超过 200 个字').optional(),
  /** Its contact, where known. */
  holderContact: z.string().trim().max(200, '负责公开的行政机关联系方式不能超过 200 个字').optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ConsultationParams = z.object({ id: z.uuid('ID 格式不正确'), consultationId: z.uuid('征求意见 ID 格式不正确') });
export const TrackingParams = z.object({ trackingCode: z.string().trim().min(4).max(40) });

// ---- responses ----

const nullableOutcome = z.enum(OUTCOME_CODES).nullable();

/** An application as lists show it (the identity number masked). */
export const ApplicationListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  trackingCode: z.string(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  source: z.enum(APPLICATION_SOURCES),
  receivedOn: z.string(),
  applicantType: z.enum(APPLICANT_TYPES),
  applicantTypeLabel: z.string(),
  applicantName: z.string(),
  idType: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  content: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  decidedOn: z.string().nullable(),
  outcome: nullableOutcome,
  outcomeLabel: z.string().nullable(),
  correctionLate: z.boolean(),
});
export type ApplicationListItem = z.infer<typeof ApplicationListItem>;

/** A list row also carries its reply clock (预计 when it depends on a year not yet announced). */
export const ApplicationRow = ApplicationListItem.extend({
  due: z.string().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  clockState: ClockState,
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;

export const ApplicationPage = paged(ApplicationRow);
export type ApplicationPage = z.infer<typeof ApplicationPage>;

/** One consultation with its 15-working-day clock. */
export const ConsultationView = z.object({
  id: z.string(),
  kind: z.enum(CONSULTATION_KINDS),
  kindLabel: z.string(),
  party: z.string(),
  partyType: z.enum(PARTY_TYPES).optional(),
  /** Day the letter was sent, day the answer came (missing: none yet). */
  from: z.string(),
  to: z.string().optional(),
  /** Recorded once the 15 working days passed unanswered (the timeline says so). */
  lapsedOn: z.string().optional(),
  clock: ClockView,
  /** No answer within the 15 working days: the reply period runs again from this day (recorded or not). */
  resumedOn: z.string().nullable(),
});
export type ConsultationView = z.infer<typeof ConsultationView>;

/** A letter whose event has happened: GET …/letters/:kind.docx (consultation with ?consultationId=). */
export const AvailableLetter = z.object({ kind: z.enum(LETTER_KINDS), consultationId: z.string().optional() });
export type AvailableLetter = z.infer<typeof AvailableLetter>;

/**
 * An outcome that rests on a fact of the record (逾期不补正, 补正后仍不明确, 逾期不缴费): `refused` says why
 * it cannot be chosen at all now; `onlyAfter` that it can be chosen only for a reply after that day.
 */
export const OutcomeGuard = z.object({
  outcome: z.enum(OUTCOME_CODES),
  refused: z.string().nullable(),
  onlyAfter: z.object({ date: z.string(), message: z.string() }).nullable(),
});
export type OutcomeGuard = z.infer<typeof OutcomeGuard>;

export const ApplicationDetail = ApplicationListItem.extend({
  /** In full for the desk of the own org, masked for everyone else. */
  idNumber: z.string().nullable(),
  contact: z.string().nullable(),
  formRequested: z.string().nullable(),
  receiptRule: z.string(),
  /** 补正通知 at the latest (收到申请之日起 7 个工作日): a working day. */
  correctionNoticeBy: DueView,
  correction: z
    .object({ sentOn: z.string(), deadline: z.string().nullable(), items: z.string().nullable(), late: z.boolean(), correctedOn: z.string().nullable() })
    .nullable(),
  consultations: z.array(ConsultationView),
  extension: z
    .object({
      days: z.number().int(),
      reason: z.string().nullable(),
      approvedBy: z.string().nullable(),
      approvedByName: z.string().nullable(),
      approvedOn: z.string().nullable(),
      noticeOn: z.string().nullable(),
    })
    .nullable(),
  /** A request for extension waiting for the head's decision (待我审批). */
  extensionRequest: z
    .object({
      days: z.number().int(),
      reason: z.string(),
      requestedBy: z.string(),
      requestedByName: z.string().nullable(),
      requestedOn: z.string(),
    })
    .nullable(),
  /** The last request the head did not approve (until the next request). */
  extensionRefusal: z.object({ refusedOn: z.string(), reason: z.string() }).nullable(),
  fee: FeeView.nullable(),
  decisionReason: z.string().nullable(),
  accessMode: z.enum(ACCESS_MODES).nullable(),
  accessNote: z.string().nullable(),
  /** 非本机关负责公开: the agency that holds the information. */
  holderAgency: z.string().nullable(),
  holderContact: z.string().nullable(),
  lettersAvailable: z.array(AvailableLetter),
  /** What the signed-in user may do to it now (the page offers only these). */
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)),
  /** The outcomes that rest on a fact of the record, and when they can be chosen. */
  outcomeGuards: z.array(OutcomeGuard),
  clock: ClockView,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** Same applicant, same or similar content: registered anyway, with this warning (条例第三十六条第（六）项). */
export const DuplicateWarning = z.object({
  code: z.literal('duplicate'),
  message: z.string(),
  applications: z.array(z.object({ id: z.string(), trackingCode: z.string(), receivedOn: z.string() })),
});
export type DuplicateWarning = z.infer<typeof DuplicateWarning>;

export const CreatedApplication = z.object({ application: ApplicationDetail, warnings: z.array(DuplicateWarning) });
export type CreatedApplication = z.infer<typeof CreatedApplication>;

/** What an import wrote (all rows, or nothing: a refused import answers 422 listing every row problem). */
export const ApplicationImportResult = z.object({ created: z.number().int(), decided: z.number().int(), open: z.number().int() });
export type ApplicationImportResult = z.infer<typeof ApplicationImportResult>;

/** One problem of an import row (in the 422's `details.errors`). */
export interface ApplicationImportError {
  row: number;
  field: string;
  /** The field's column heading in the template (set when the import is refused). */
  column?: string;
  value: unknown;
  reason: string;
}

/** The portal's answer to an application: its tracking code and the expected reply date. */
export const PortalApplyResult = z.object({
  trackingCode: z.string(),
  orgName: z.string(),
  receivedOn: z.string(),
  expectedReplyDate: z.string().nullable(),
  /** The date depends on a year whose official holiday schedule is not entered yet (预计). */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  provisionalNote: z.string().nullable(),
  message: z.string(),
});
export type PortalApplyResult = z.infer<typeof PortalApplyResult>;

/** What the portal tells anyone holding the tracking code (nothing about the applicant). */
export const PortalTrackResult = z.object({
  trackingCode: z.string(),
  receivedOn: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  expectedReplyDate: z.string().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  provisionalNote: z.string().nullable(),
  extended: z.boolean(),
  awaitingCorrection: z.boolean(),
  correctionDeadline: z.string().nullable(),
  decidedOn: z.string().nullable(),
});
export type PortalTrackResult = z.infer<typeof PortalTrackResult>;
