/** How the disclosure records read in a timeline (全过程记录): applications, letters, the register, annual reports. */
import { inArray } from 'drizzle-orm';
import type { TimelineWords } from '../../kernel/audit/present.js';
import { disclosureApplications } from './schema.js';
import {
  ACCESS_MODE_LABELS,
  APPLICANT_TYPE_LABELS,
  APPLICATION_SOURCE_LABELS,
  APPLICATION_STATUS_LABELS,
  CHANNEL_LABELS,
  CONSULTATION_KIND_LABELS,
  LETTER_LABELS,
  OUTCOME_LABELS,
} from './labels.js';
import { FEE_METHOD_LABELS } from './fees/contracts.js';
import { REGISTER_CATEGORIES, REGISTER_ENTRY_KIND_LABELS } from './register/labels.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export const disclosureTimelineWords: TimelineWords = {
  entities: { disclosureApplication: '政府信息公开申请', disclosureRegisterEntry: '主动公开目录条目', disclosureAnnualReport: '政府信息公开年度报告' },
  actions: {
    'disclosure.application.create': '登记了政府信息公开申请',
    'disclosure.application.import': '导入了政府信息公开申请',
    'disclosure.application.correction': '发出了补正通知',
    'disclosure.application.corrected': '登记收到补正后的申请',
    'disclosure.application.consultation_start': '征求了意见',
    'disclosure.application.consultation_end': '登记收到征求意见的答复',
    'disclosure.application.consultation_lapsed': '记录征求意见逾期未答复，答复期限恢复计算',
    'disclosure.application.extension': '延长了答复期限',
    'disclosure.application.extension_request': '报请延长答复期限',
    'disclosure.application.extension_refused': '不予批准延期报请',
    'disclosure.application.decide': '作出了答复',
    'disclosure.application.fee': '计算了信息处理费',
    'disclosure.application.fee_served': '登记了收费通知送达日期',
    'disclosure.application.fee_paid': '登记了缴费',
    'disclosure.letter.issue': '出具了文书',
    'disclosure.letter_settings.update': '修改了政府信息公开文书的机关代字',
    'disclosure.remedy_settings.update': '修改了答复书载明的行政复议机关和人民法院',
    'disclosure.register.create': '登记了主动公开目录条目',
    'disclosure.register.update': '修改了主动公开目录条目',
    'disclosure.register.delete': '删除了主动公开目录条目',
    'disclosure.report.narrative': '编辑了年度报告的文字部分',
    'disclosure.report.publish': '发布了年度报告',
    'disclosure.report.republish': '发布了更正后的年度报告',
  },
  fields: {
    trackingCode: '查询码',
    // A letter's 附注 (GB/T 9704): who issued it and the telephone it gives.
    handler: '经办人',
    handlerTelephone: '经办人联系电话',
    channel: '申请渠道',
    'disclosureApplication.source': '来源',
    receivedOn: '收到申请日期',
    applicantType: '申请人类型',
    applicantName: '申请人',
    idType: '证件类型',
    idNumber: '证件号码',
    contact: '联系方式',
    'disclosureApplication.content': '申请内容',
    formRequested: '获取方式',
    correctionSentOn: '补正通知发出日期',
    correctionDeadline: '补正期限',
    correctionItems: '补正事项',
    correctionLate: '补正通知逾期',
    correctedOn: '收到补正申请日期',
    consultations: '征求意见',
    extensionDays: '延长工作日',
    extensionReason: '延期理由',
    extensionApprovedBy: '延期批准人',
    extensionRequestDays: '报请延长工作日',
    extensionRequestReason: '报请延期理由',
    extensionRequestedBy: '延期报请人',
    extensionRequestedOn: '报请延期日期',
    extensionRefusedOn: '延期报请不予批准日期',
    extensionRefusalReason: '不予批准延期的理由',
    extensionApprovedOn: '延期批准日期',
    extensionNoticeOn: '延期告知日期',
    decidedOn: '答复日期',
    outcome: '办理结果',
    decisionReason: '答复理由',
    holderAgency: '负责公开的行政机关',
    holderContact: '负责公开的行政机关联系方式',
    accessMode: '提供方式',
    accessNote: '获取方式说明',
    feeMethod: '计收方式',
    feeUnits: '计费数量',
    feeBands: '计费档次',
    feeAmount: '信息处理费（元）',
    feeExplanation: '收费说明',
    feeNoticeOn: '收费通知日期',
    feeServedOn: '收费通知送达日期',
    feePaidOn: '缴费日期',
    lapsedOn: '逾期日期',
    'disclosureApplication.note': '说明',
    'disclosureApplication.kind': '文书',
    docNumber: '文号',
    issuedOn: '出具日期',
    reviewOrgan: '行政复议机关',
    court: '人民法院',
    category: '类别',
    entryKind: '条目类型',
    madeOn: '制作或变更日期',
    publishedOn: '公开日期',
    abolishedOn: '废止日期',
    amount: '金额（元）',
    link: '链接',
    overview: '一、总体情况',
    problems: '五、存在的主要问题及改进情况',
    other: '六、其他需要报告的事项',
    'disclosureAnnualReport.year': '年度',
    'disclosureAnnualReport.version': '版本',
    checksOk: '表格校验通过',
    docxBytes: '文件大小',
  },
  hidden: ['partyType', 'templateId', 'publishedByName', 'consultationId'],
  values: {
    channel: CHANNEL_LABELS,
    applicantType: APPLICANT_TYPE_LABELS,
    'disclosureApplication.status': APPLICATION_STATUS_LABELS,
    'disclosureApplication.source': APPLICATION_SOURCE_LABELS,
    'disclosureApplication.kind': LETTER_LABELS,
    outcome: OUTCOME_LABELS,
    accessMode: ACCESS_MODE_LABELS,
    feeMethod: FEE_METHOD_LABELS,
    entryKind: REGISTER_ENTRY_KIND_LABELS,
    category: Object.fromEntries(REGISTER_CATEGORIES.map((c) => [c.key, c.label])),
  },
  refs: {
    extensionApprovedBy: 'user',
    extensionRequestedBy: 'user',
    applicationId: 'disclosureApplication',
    'disclosureAnnualReport.supersedes': 'disclosureAnnualReport',
  },
  resolvers: {
    disclosureApplication: async (db, _o, ids) =>
      new Map(
        (
          await db
            .select({ id: disclosureApplications.id, code: disclosureApplications.trackingCode, name: disclosureApplications.applicantName })
            .from(disclosureApplications)
            .where(inArray(disclosureApplications.id, ids))
        ).map((r) => [r.id, `${r.name} 的申请（查询码 ${r.code}）`]),
      ),
  },
  formats: {
    consultations: (v, f) => {
      if (!Array.isArray(v)) return undefined;
      if (v.length === 0) return '（无）';
      return v
        .filter(isObj)
        .map((c) => {
          const who = `${(CONSULTATION_KIND_LABELS as Record<string, string>)[String(c.kind)] ?? ''}${c.party ? ` ${String(c.party)}` : ''}`;
          return `${who}：${f.date(c.from)} 起${c.to ? `，${f.date(c.to)} 收到答复` : '，尚未答复'}`;
        })
        .join('\n');
    },
    feeBands: (v) => (Array.isArray(v) || isObj(v) ? '（见收费通知）' : undefined),
    docxBytes: (v) => (typeof v === 'number' ? `${Math.max(1, Math.round(v / 1024))} KB` : undefined),
    'disclosureAnnualReport.supersedes': (v) => (typeof v === 'string' ? '此前发布的版本' : undefined),
  },
};
