/** zod contracts of the disclosure module (政府信息公开). The web imports these too. */
import { z } from 'zod';
import { APPLICANT_TYPES, CHANNELS, OUTCOME_CODES } from './outcomes.js';
import { REGISTER_CATEGORY_KEYS, REGISTER_ENTRY_KINDS } from './register.js';

const day = (what: string) => z.iso.date(`${what}应为 YYYY-MM-DD 格式的日期`);
const CHANNEL_MSG = '申请渠道应为 online（互联网）、letter（信函）、in_person（当面）或 fax_email（传真、电子邮件）';
const APPLICANT_MSG = '申请人类型应为 natural（自然人）、business（商业企业）、research（科研机构）、public_interest（社会公益组织）、legal_service（法律服务机构）或 other（其他）';

export const APPLICATION_STATUSES = ['processing', 'awaiting_correction', 'consulting', 'decided'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  processing: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  decided: '已答复',
};

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

/** Portal application (no account): the receipt date is the day the system confirms it. */
export const PortalApplicationInput = z.object({
  orgId: z.uuid('受理机关 ID 格式不正确'),
  ...applicantFields,
});

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

export const CorrectionInput = z.object({
  sentOn: day('补正通知发出日期'),
  deadline: day('补正期限'),
  items: z.string('补正事项必填').trim().min(1, '补正事项必填：一次性告知需要补正的全部事项').max(2000),
});
export const CorrectedInput = z.object({ receivedOn: day('收到补正申请日期') });
export const ConsultationStartInput = z.object({
  kind: z.enum(['third_party', 'agency'], '征求对象类别应为 third_party（第三方）或 agency（其他机关）'),
  party: z.string('征求对象必填').trim().min(1, '征求对象必填').max(200),
  startedOn: day('征求意见函发出日期'),
});
export const ConsultationEndInput = z.object({ endedOn: day('收到答复日期') });
export const ExtensionInput = z.object({
  days: z.number('延长天数必填').int('延长天数应为整数').min(1, '延长天数至少 1 个工作日'),
  reason: z.string('延期理由必填').trim().min(1, '延期理由必填').max(1000),
  /** The approving head (a user with the approving role); defaults to the acting user. */
  approvedBy: z.uuid('批准人 ID 格式不正确').optional(),
  approvedOn: day('批准日期'),
  noticeOn: day('告知申请人日期').optional(),
});
export const DecisionInput = z.object({
  decidedOn: day('答复日期'),
  outcome: z.enum(OUTCOME_CODES, '办理结果必填，且只能选择一个法定办理结果代码'),
  /** The reason the reply letter gives (partial, withheld, unavailable, not processed, other). */
  reason: z.string().trim().max(2000, '理由不能超过 2000 个字').optional(),
});

export const FeeInput = z
  .object({
    method: z.enum(['item', 'page'], '计费方式应为 item（按件）或 page（按量）'),
    items: z.number('件数应为数字').int('件数应为整数').min(1, '件数至少为 1').max(1000, '件数不能超过 1000').optional(),
    pages: z.number('页数应为数字').int('页数应为整数').min(0, '页数不能为负数').max(1_000_000, '页数过大').optional(),
    noticeOn: day('收费通知日期').optional(),
  })
  .refine((v) => v.method !== 'page' || v.pages !== undefined, { message: '按量计收须填写页数', path: ['pages'] });
export const FeePaidInput = z.object({ paidOn: day('缴费日期') });

export const LetterParams = z.object({
  id: z.uuid('ID 格式不正确'),
  kind: z.enum(['receipt', 'correction', 'extension', 'consultation', 'reply', 'fee'], '文书类别应为 receipt、correction、extension、consultation、reply 或 fee'),
});
export const LetterQuery = z.object({ consultationId: z.uuid('征求意见 ID 格式不正确').optional() });

export const IdParams = z.object({ id: z.uuid('ID 格式不正确') });
export const ConsultationParams = z.object({ id: z.uuid('ID 格式不正确'), consultationId: z.uuid('征求意见 ID 格式不正确') });
export const TrackingParams = z.object({ trackingCode: z.string().trim().min(4).max(40) });
export const YearParams = z.object({ year: z.coerce.number().int('年度应为整数').min(2019, '报告年度不早于 2019').max(2100) });
export const CellParams = YearParams.extend({ rowKey: z.string().max(40), colKey: z.string().max(40) });
export const OrgQuery = z.object({ orgId: z.uuid().optional() });
export const CellQuery = OrgQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const cellValue = z.union([z.number(), z.string(), z.null()]);
/** An external published table to check (pasted as JSON). */
export const ExternalTableInput = z.object({
  year: z.number('报告年度必填').int(),
  templateId: z.enum(['2019', '2021'], '报告格式应为 2019（试行格式）或 2021'),
  section3: z.record(z.string(), z.record(z.string(), cellValue)),
  section4: z.record(z.string(), z.record(z.string(), cellValue)).default({}),
});

export const CheckQuery = z.object({
  year: z.coerce.number().int().optional(),
  templateId: z.enum(['2019', '2021'], '报告格式应为 2019（试行格式）或 2021').optional(),
});

export interface ApplicationImportError {
  row: number;
  field: string;
  value: unknown;
  reason: string;
}

const optionalDay = (what: string) => day(what).nullable().optional();
const registerFields = {
  category: z.string('类别必填').refine((v) => REGISTER_CATEGORY_KEYS.includes(v), '类别应为条例第二十条所列类别之一（见 GET /api/disclosure/register/categories）'),
  entryKind: z.enum(REGISTER_ENTRY_KINDS, '条目类型应为 document（文件、信息）、item（事项、项目）或 decision（处理决定、收费或采购记录）'),
  title: z.string('标题必填').trim().min(1, '标题必填').max(500, '标题不能超过 500 个字'),
  docNumber: z.string().trim().max(100, '文号不能超过 100 个字').nullable().optional(),
  link: z.string().trim().max(1000, '链接不能超过 1000 个字').nullable().optional(),
  madeOn: day('制作或变更日期'),
  publishedOn: optionalDay('公开日期'),
  abolishedOn: optionalDay('废止日期'),
  amount: z.number('金额应为数字').min(0, '金额不能为负数').max(1e12, '金额过大').nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};
export const RegisterEntryInput = z.object(registerFields);
export const RegisterEntryPatch = z.object(registerFields).partial();
export const RegisterListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  category: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  /** true: only entries not yet published; false: only published ones. */
  unpublished: z.enum(['true', 'false']).optional(),
  /** Entries made or changed in this year. */
  year: z.coerce.number().int('年份应为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
  orgId: z.uuid().optional(),
});

/** Narrative sections of the annual report; each optional in a PUT (missing = unchanged). */
export const NarrativeInput = z.object({
  overview: z.string().max(20000, '总体情况不能超过 20000 个字').optional(),
  problems: z.string().max(20000, '存在的主要问题及改进情况不能超过 20000 个字').optional(),
  other: z.string().max(20000, '其他需要报告的事项不能超过 20000 个字').optional(),
});


/** Publish the annual report; `reason` is required for a corrected version (a version exists). */
export const PublishReportInput = z.object({
  reason: z.string('更正理由应为文字').trim().max(2000, '更正理由不能超过 2000 个字').optional(),
});
/** Portal list of published annual reports. */
export const PublicReportListQuery = z.object({
  orgId: z.uuid('机关 ID 格式不正确').optional(),
  year: z.coerce.number().int('年度应为整数').min(2019).max(2100).optional(),
});
