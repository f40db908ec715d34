/**
 * Contracts of 行政执法公示 on the portal (国办发〔2018〕118号: 事前公开, 事中公示, 事后公开), no sign-in:
 * one bureau's enforcing body and remedies, its powers (licensing items in force, inspection items,
 * penalties by violation), its certified officers, the laws they rest on, the procedures with their
 * statutory time limits, and its published penalty decisions. Zod only: the server, OpenAPI and the web.
 */
import { z } from 'zod';
import { listOf, paged, PageQuery } from '../../../kernel/http/responses.js';

/** The bureau every public list is for (`?org=`, as the portal's other pages pass it). */
const Org = z.uuid('机构 ID 格式不正确');
export const PublicOrgQuery = z.object({ org: Org });
export type PublicOrgQuery = z.infer<typeof PublicOrgQuery>;
/** A page of one bureau's list: `page`, `pageSize` (at most the kernel's MAX_PAGE_SIZE) and `org`. */
export const PublicOrgPageQuery = PageQuery.extend({ org: Org });
export type PublicOrgPageQuery = z.infer<typeof PublicOrgPageQuery>;

/** A way to challenge the bureau's acts (救济途径): 行政复议 or 行政诉讼, the organ, the period, the basis. */
export const PublicRemedy = z.object({
  kind: z.enum(['review', 'litigation']),
  label: z.string(),
  organ: z.string(),
  period: z.string(),
  basis: z.string(),
});
export type PublicRemedy = z.infer<typeof PublicRemedy>;

/** 执法主体: the bureau, what it records of itself, its remedies and how many of each list it publishes. */
export const PublicBody = z.object({
  orgId: z.string(),
  name: z.string(),
  levelLabel: z.string(),
  /** The bureau above it (its 上级主管部门), if any. */
  parentName: z.string().nullable(),
  /** 办公电话 (the org's setting), null when not set. The org records no address. */
  telephone: z.string().nullable(),
  remedies: z.array(PublicRemedy),
  /** The totals of the lists below, so the summary and the lists agree. */
  counts: z.object({
    licensing: z.number().int(),
    inspection: z.number().int(),
    penalty: z.number().int(),
    officers: z.number().int(),
    decisions: z.number().int(),
  }),
});
export type PublicBody = z.infer<typeof PublicBody>;

/** 行政许可 power: an item of the catalogue in force today. */
export const LicensingPower = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  categoryLabel: z.string(),
  department: z.string().nullable(),
  legalBasis: z.string(),
  statutoryDays: z.number().int(),
  promisedDays: z.number().int().nullable(),
  fee: z.string(),
});
export type LicensingPower = z.infer<typeof LicensingPower>;
export const LicensingPowerPage = paged(LicensingPower);
export type LicensingPowerPage = z.infer<typeof LicensingPowerPage>;

/** 行政检查 power: an active item of the random-inspection list (随机抽查事项清单). */
export const InspectionPower = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  areaLabel: z.string(),
  legalBasis: z.string(),
  method: z.string().nullable(),
});
export type InspectionPower = z.infer<typeof InspectionPower>;
export const InspectionPowerPage = paged(InspectionPower);
export type InspectionPowerPage = z.infer<typeof InspectionPowerPage>;

/**
 * 行政处罚 power: one violation of the 裁量基准 (an act of 档案法第四十八条) with the provision it breaches,
 * the penalties it carries, and per kind of party the penalty basis and the statutory fine range.
 */
export const PenaltyPower = z.object({
  code: z.string(),
  violation: z.string(),
  breachBasis: z.string(),
  penaltiesLabel: z.string(),
  ranges: z.array(
    z.object({ partyKindLabel: z.string(), penaltyBasis: z.string(), statutoryMin: z.number(), statutoryMax: z.number(), confiscation: z.boolean() }),
  ),
});
export type PenaltyPower = z.infer<typeof PenaltyPower>;
export const PenaltyPowerPage = paged(PenaltyPower);
export type PenaltyPowerPage = z.infer<typeof PenaltyPowerPage>;

/** 执法人员: an officer whose certificate is valid today — name, certificate number and its validity only. */
export const PublicOfficer = z.object({
  id: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  certIssuedOn: z.string(),
  certExpiresOn: z.string(),
});
export type PublicOfficer = z.infer<typeof PublicOfficer>;
export const PublicOfficerPage = paged(PublicOfficer);
export type PublicOfficerPage = z.infer<typeof PublicOfficerPage>;

/** 执法依据: a law the bureau's powers and procedures cite, the articles cited and by what. */
export const PublicBasis = z.object({
  law: z.string(),
  articles: z.array(z.string()),
  citedBy: z.array(z.string()),
});
export type PublicBasis = z.infer<typeof PublicBasis>;
export const PublicBasisPage = paged(PublicBasis);
export type PublicBasisPage = z.infer<typeof PublicBasisPage>;

/** One step of a procedure: its name, its statutory time limit (null: none set by law), its basis, what happens. */
export const ProcedureStep = z.object({
  key: z.string(),
  name: z.string(),
  limit: z.string().nullable(),
  basis: z.string().nullable(),
  description: z.string(),
  /** Not every case passes it (听证 on request, 集体讨论 for serious cases): drawn dashed. */
  conditional: z.boolean(),
});
export type ProcedureStep = z.infer<typeof ProcedureStep>;

/** A procedure with its flow chart's steps, in order. */
export const Procedure = z.object({
  key: z.enum(['penalty', 'licensing', 'inspection']),
  title: z.string(),
  basis: z.string(),
  steps: z.array(ProcedureStep),
});
export type Procedure = z.infer<typeof Procedure>;
/** Three procedures: small by nature, not paged. */
export const ProcedureList = listOf(Procedure);
export type ProcedureList = z.infer<typeof ProcedureList>;

/**
 * A published penalty decision (事后公开). A person's name is masked, a unit's shown whole; no identity
 * number or address ever. A publication withdrawn after the decision was revoked stays listed as
 * `withdrawn` with its dates and the decision's number, and its content (party, violation, penalty) null.
 */
export const PublicDecision = z.object({
  id: z.string(),
  status: z.enum(['published', 'withdrawn']),
  statusLabel: z.string(),
  decisionDocNo: z.string().nullable(),
  publishedOn: z.string(),
  withdrawnOn: z.string().nullable(),
  revokedOn: z.string().nullable(),
  caseNo: z.string().nullable(),
  partyKindLabel: z.string().nullable(),
  partyName: z.string().nullable(),
  violation: z.string().nullable(),
  basis: z.string().nullable(),
  penalties: z.array(z.object({ typeLabel: z.string(), amount: z.number().nullable() })).nullable(),
  penaltyText: z.string().nullable(),
  fineAmount: z.number().nullable(),
  decidedOn: z.string().nullable(),
});
export type PublicDecision = z.infer<typeof PublicDecision>;
export const PublicDecisionPage = paged(PublicDecision);
export type PublicDecisionPage = z.infer<typeof PublicDecisionPage>;
