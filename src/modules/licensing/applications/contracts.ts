/**
 * Contracts of the applications area (许可申请): intake at the desk and on the portal, the list, the
 * detail with its clocks, the actions that move them, the history import, and the portal's tracking
 * and published results. Zod only, so the web takes its types from this very file
 * (`@server/modules/licensing/applications/contracts`).
 */
import { z } from 'zod';
import { PageQuery, paged } from '../../../kernel/http/responses.js';
import { ClockState, ClockView, day, DueView } from '../contracts.js';
import {
  APPLICANT_ACTIONS,
  APPLICANT_TYPES,
  APPLICATION_ACTIONS,
  APPLICATION_SOURCES,
  APPLICATION_STATUSES,
  CHANNELS,
  CLOCK_KINDS,
  EXCLUSION_KINDS,
  LETTER_KINDS,
  RESULTS,
} from '../labels.js';

const APPLICANT_MSG = '申请人类型应为 unit（法人或其他组织）或 individual（自然人）';

const applicantFields = {
  applicantType: z.enum(APPLICANT_TYPES, APPLICANT_MSG),
  applicantName: z.string('申请人名称（姓名）必填').trim().min(1, '申请人名称（姓名）必填').max(200, '申请人名称（姓名）不能超过 200 个字'),
  idNumber: z
    .string()
    .trim()
    .max(40, '证件号码不能超过 40 个字符')
    .regex(/^[0-9A-Za-z-]*$/, '证件号码只能包含数字、字母和连字符')
    .nullable()
    .optional(),
  summary: z.string().trim().max(2000, '申请事项说明不能超过 2000 个字').nullable().optional(),
};

/** A desk checklist entry: a material of the guide and whether it was handed in. */
export const MaterialCheck = z.object({ name: z.string().trim().min(1, '材料名称必填').max(200), received: z.boolean('请勾选是否收到') });
export type MaterialCheck = z.infer<typeof MaterialCheck>;

/** 窗口申请: the day the materials were handed in, and the checklist of what was handed in. */
export const ApplicationInput = z.object({
  itemId: z.uuid('请选择许可事项'),
  receivedOn: day('收到申请材料日期'),
  ...applicantFields,
  contact: z.string().trim().max(200, '联系方式不能超过 200 个字').nullable().optional(),
  materials: z.array(MaterialCheck).max(50).default([]),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/** The largest material file the portal takes, and how many. */
export const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;
export const MAX_MATERIAL_FILES = 10;

/** One uploaded material (base64 of a PDF, JPEG or PNG; its type is told by its first bytes). */
export const MaterialUpload = z.object({
  material: z.string('请选择材料名称').trim().min(1, '请选择材料名称').max(200),
  fileName: z.string('文件名必填').trim().min(1, '文件名必填').max(200, '文件名不能超过 200 个字'),
  contentBase64: z
    .string('文件内容必填')
    .min(1, '文件内容必填')
    .max(Math.ceil((MAX_MATERIAL_BYTES * 4) / 3) + 4, '单个文件不能超过 5 MB'),
});
export type MaterialUpload = z.infer<typeof MaterialUpload>;

/** 网上申请 (no account): the item (which names the bureau), the applicant, the uploaded materials. */
export const PortalApplicationInput = z.object({
  itemId: z.uuid('请选择许可事项'),
  ...applicantFields,
  contact: z.string('联系电话必填').trim().min(1, '联系电话必填：办理结果将通过该电话告知').max(200, '联系方式不能超过 200 个字'),
  files: z.array(MaterialUpload).max(MAX_MATERIAL_FILES, `一次最多上传 ${MAX_MATERIAL_FILES} 个文件`).default([]),
});
export type PortalApplicationInput = z.infer<typeof PortalApplicationInput>;

export const ApplicationListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  itemId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  result: z.enum(RESULTS).optional(),
  receivedFrom: day('起始日期').optional(),
  receivedTo: day('截止日期').optional(),
  sort: z.enum(['receivedOn', 'decidedOn', 'applicantName']).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  orgId: z.uuid().optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const AcceptInput = z.object({ acceptedOn: day('受理日期') });
export type AcceptInput = z.infer<typeof AcceptInput>;

/** 一次性告知补正: every correction at once (行政许可法第三十二条第一款第（四）项). */
export const CorrectionInput = z.object({
  sentOn: day('补正告知日期'),
  items: z
    .array(z.string().trim().min(1, '补正事项不能为空').max(500, '每项补正内容不能超过 500 个字'), '补正事项必填')
    .min(1, '请一次性列明需要补正的全部内容')
    .max(50),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

/** 收到补正材料: the day, and the checklist as it stands now. */
export const CorrectedInput = z.object({ receivedOn: day('收到补正材料日期'), materials: z.array(MaterialCheck).max(50).optional() });
export type CorrectedInput = z.infer<typeof CorrectedInput>;

export const ExclusionStartInput = z.object({
  kind: z.enum(EXCLUSION_KINDS, '类别应为 hearing（听证）、testing（检验、检测、检疫）或 expert_review（专家评审）'),
  from: day('开始日期'),
  note: z.string().trim().max(500, '说明不能超过 500 个字').default(''),
});
export type ExclusionStartInput = z.infer<typeof ExclusionStartInput>;
export const ExclusionEndInput = z.object({ to: day('结束日期') });
export type ExclusionEndInput = z.infer<typeof ExclusionEndInput>;
export const ExclusionParams = z.object({ id: z.uuid('ID 格式不正确'), exclusionId: z.uuid('ID 格式不正确') });

/** 报请延期 (行政许可法第四十二条): ten working days, with the head's approval. */
export const ExtensionRequestInput = z.object({ reason: z.string('延期理由必填').trim().min(1, '延期理由必填').max(1000, '延期理由不能超过 1000 个字') });
export type ExtensionRequestInput = z.infer<typeof ExtensionRequestInput>;
export const ExtensionDecisionInput = z
  .object({ approve: z.boolean('请选择批准或不予批准'), reason: z.string().trim().max(1000, '理由不能超过 1000 个字').optional() })
  .refine((v) => v.approve || !!v.reason, { message: '不予批准的，请填写理由', path: ['reason'] });
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionInput>;

/** 决定: 准予 or 不予许可; a refusal gives its reasons and the remedies (第三十八条第二款). */
export const DecisionInput = z.object({
  decidedOn: day('决定日期'),
  result: z.enum(RESULTS, '决定结果应为 granted（准予许可）或 refused（不予许可）'),
  decisionNo: z.string().trim().max(100, '决定书文号不能超过 100 个字').nullable().optional(),
  reason: z.string().trim().max(2000, '理由不能超过 2000 个字').nullable().optional(),
  /**
   * A refusal's remedies are the statutory sentence naming the org's 复议机关 and court (60 days, 6 months);
   * text here is told in addition (the item's general text is not repeated).
   */
  remedies: z.string().trim().max(2000, '救济途径不能超过 2000 个字').nullable().optional(),
  /** A decision after the deadline (none approved to extend it): why it is late. */
  lateReason: z.string().trim().max(1000, '逾期说明不能超过 1000 个字').nullable().optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const CertificateInput = z.object({
  certificateNo: z.string('证件编号必填').trim().min(1, '证件编号必填').max(100, '证件编号不能超过 100 个字'),
  issuedOn: day('颁发日期'),
});
export type CertificateInput = z.infer<typeof CertificateInput>;
export const PublishInput = z.object({ publishedOn: day('公开日期') });
export type PublishInput = z.infer<typeof PublishInput>;
export const WithdrawInput = z.object({
  withdrawnOn: day('撤回日期'),
  reason: z.string().trim().max(1000, '撤回理由不能超过 1000 个字').nullable().optional(),
});
export type WithdrawInput = z.infer<typeof WithdrawInput>;

export const TrackingParams = z.object({ trackingCode: z.string().trim().min(4).max(40) });
export const FileParams = z.object({ id: z.uuid('ID 格式不正确'), fileId: z.uuid('ID 格式不正确') });

const LETTER_MSG = '文书应为 acceptance（受理通知书）、correction（补正材料通知书）、decision（决定书）或 certificate（行政许可证件）';
/** A letter of an application (文书), at the desk. */
export const LetterParams = z.object({ id: z.uuid('ID 格式不正确'), doc: z.enum(LETTER_KINDS, LETTER_MSG) });
/** A letter of an application, on the portal by its tracking code. */
export const PublicLetterParams = TrackingParams.extend({ doc: z.enum(LETTER_KINDS, LETTER_MSG) });

/** One corrected material uploaded on the portal: for a material of the guide or an item of the correction list. */
export const CorrectionUpload = MaterialUpload.extend({
  material: z.string('请选择补正的材料').trim().min(1, '请选择补正的材料').max(500, '材料名称不能超过 500 个字'),
});
export type CorrectionUpload = z.infer<typeof CorrectionUpload>;

/** 提交补正材料 on the portal (the tracking code is the secret): the corrected files, and a note. */
export const PortalCorrectionInput = z.object({
  files: z
    .array(CorrectionUpload, '请上传补正材料')
    .min(1, '请上传补正材料（PDF、JPEG 或 PNG）')
    .max(MAX_MATERIAL_FILES, `一次最多上传 ${MAX_MATERIAL_FILES} 个文件`),
  note: z.string().trim().max(1000, '补正说明不能超过 1000 个字').nullable().optional(),
});
export type PortalCorrectionInput = z.infer<typeof PortalCorrectionInput>;

/** 撤回申请 on the portal, before the decision, with the reason. */
export const PortalWithdrawInput = z.object({
  reason: z.string('撤回理由必填').trim().min(1, '撤回理由必填').max(1000, '撤回理由不能超过 1000 个字'),
});
export type PortalWithdrawInput = z.infer<typeof PortalWithdrawInput>;

// ---- responses ----

export const ApplicationListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  code: z.string(),
  trackingCode: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  source: z.enum(APPLICATION_SOURCES),
  sourceLabel: z.string(),
  receivedOn: z.string(),
  applicantType: z.enum(APPLICANT_TYPES),
  applicantTypeLabel: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  acceptedOn: z.string().nullable(),
  acceptanceDeemed: z.boolean(),
  decidedOn: z.string().nullable(),
  result: z.enum(RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  publishedOn: z.string().nullable(),
});
export type ApplicationListItem = z.infer<typeof ApplicationListItem>;

/** A list row with the clock of its current stage (受理 / 决定 / 公开), 预计 where provisional. */
export const ApplicationRow = ApplicationListItem.extend({
  stage: z.enum(CLOCK_KINDS).nullable(),
  stageLabel: z.string().nullable(),
  due: z.string().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
  clockState: ClockState.nullable(),
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;
export const ApplicationPage = paged(ApplicationRow);
export type ApplicationPage = z.infer<typeof ApplicationPage>;

export const ExclusionView = z.object({
  id: z.string(),
  kind: z.enum(EXCLUSION_KINDS),
  kindLabel: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  note: z.string(),
});
export type ExclusionView = z.infer<typeof ExclusionView>;

export const MaterialFileView = z.object({ id: z.string(), material: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() });
export type MaterialFileView = z.infer<typeof MaterialFileView>;

/** A letter the application has (文书): download it by `doc`. */
export const LetterView = z.object({ doc: z.enum(LETTER_KINDS), label: z.string(), docNumber: z.string().nullable(), issuedOn: z.string() });
export type LetterView = z.infer<typeof LetterView>;

/** One of the application's clocks on its page: what it is, the rule, and the Clock. */
export const StageClock = z.object({ kind: z.enum(CLOCK_KINDS), label: z.string(), basis: z.string(), clock: ClockView });
export type StageClock = z.infer<typeof StageClock>;

export const ApplicationDetail = ApplicationListItem.extend({
  /** In full for the desk of the own org, masked for everyone else. */
  idNumber: z.string().nullable(),
  idLabel: z.string(),
  contact: z.string().nullable(),
  summary: z.string().nullable(),
  materials: z.array(MaterialCheck),
  files: z.array(MaterialFileView),
  item: z.object({ id: z.string(), name: z.string(), statutoryDays: z.number().int(), promisedDays: z.number().int().nullable(), remedies: z.string() }),
  /** The last day to accept or send the correction list (5 working days). */
  acceptanceBy: DueView,
  correction: z.object({ sentOn: z.string(), items: z.array(z.string()), correctedOn: z.string().nullable() }).nullable(),
  exclusions: z.array(ExclusionView),
  extensionRequest: z
    .object({ reason: z.string(), requestedBy: z.string().nullable(), requestedByName: z.string().nullable(), requestedOn: z.string() })
    .nullable(),
  extensionRefusal: z.object({ refusedOn: z.string(), reason: z.string() }).nullable(),
  extension: z.object({ days: z.number().int(), reason: z.string().nullable(), approvedByName: z.string().nullable(), approvedOn: z.string() }).nullable(),
  decision: z
    .object({
      decidedOn: z.string(),
      result: z.enum(RESULTS),
      resultLabel: z.string(),
      decisionNo: z.string().nullable(),
      reason: z.string().nullable(),
      remedies: z.string().nullable(),
      lateReason: z.string().nullable(),
    })
    .nullable(),
  certificate: z.object({ certificateNo: z.string(), issuedOn: z.string() }).nullable(),
  withdrawal: z.object({ withdrawnOn: z.string(), reason: z.string().nullable() }).nullable(),
  /** The stages' clocks in order (acceptance, decision, certificate for a grant, publication). */
  clocks: z.array(StageClock),
  /** What the signed-in user may do to it now (the page offers only these). */
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)),
  /** The letters issued so far (受理通知书, 补正材料通知书, 决定书, 许可证件). */
  letters: z.array(LetterView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** What an import wrote (all rows, or nothing: a refused import answers 422 listing every row problem). */
export const ApplicationImportResult = z.object({
  created: z.number().int(),
  granted: z.number().int(),
  refused: z.number().int(),
  withdrawn: z.number().int(),
  pending: z.number().int(),
});
export type ApplicationImportResult = z.infer<typeof ApplicationImportResult>;

export const PortalApplyResult = z.object({
  trackingCode: z.string(),
  orgName: z.string(),
  itemName: z.string(),
  receivedOn: z.string(),
  /** 受理或者一次性告知补正 at the latest. */
  acceptanceBy: DueView,
  message: z.string(),
});
export type PortalApplyResult = z.infer<typeof PortalApplyResult>;

/** What the portal tells anyone holding the tracking code (the applicant): never the identity number. */
export const PortalTrackResult = z.object({
  trackingCode: z.string(),
  orgName: z.string(),
  itemName: z.string(),
  receivedOn: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  acceptedOn: z.string().nullable(),
  acceptanceDeemed: z.boolean(),
  correctionItems: z.array(z.string()).nullable(),
  /** While awaiting acceptance: the day by which it is accepted or the corrections are told. */
  acceptanceBy: DueView.nullable(),
  /** The expected decision day while under review (预计 when provisional); null otherwise. */
  decisionBy: DueView.nullable(),
  paused: z.boolean(),
  decidedOn: z.string().nullable(),
  result: z.enum(RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  reason: z.string().nullable(),
  remedies: z.string().nullable(),
  publishedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** The letters addressed to the applicant, to download with the tracking code. */
  letters: z.array(LetterView),
  /** What the applicant may do now on the portal (提交补正材料, 撤回申请): the page offers only these. */
  applicantActions: z.array(z.enum(APPLICANT_ACTIONS)),
  /** While a correction is asked for: what an uploaded file may be for (the guide's materials, then the list's items). */
  correctionMaterials: z.array(z.string()),
});
export type PortalTrackResult = z.infer<typeof PortalTrackResult>;

/** A published decision on the portal (行政许可决定公开): a person's name masked, no identity number. */
export const PublicDecision = z.object({
  id: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  decidedOn: z.string(),
  result: z.enum(RESULTS),
  resultLabel: z.string(),
  decisionNo: z.string().nullable(),
  certificateNo: z.string().nullable(),
  publishedOn: z.string(),
});
export type PublicDecision = z.infer<typeof PublicDecision>;
export const PublicDecisionsQuery = PageQuery.extend({ orgId: z.uuid('机构 ID 格式不正确') });
export const PublicDecisionPage = paged(PublicDecision);
