/** How the licensing records read in a timeline (全过程记录): items of the catalogue and applications. */
import { inArray } from 'drizzle-orm';
import type { TimelineWords } from '../../kernel/audit/present.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_SOURCE_LABELS,
  APPLICATION_STATUS_LABELS,
  CHANNEL_LABELS,
  EXCLUSION_KIND_LABELS,
  LETTER_LABELS,
  ITEM_CATEGORY_LABELS,
  ITEM_STATUS_LABELS,
  RESULT_LABELS,
} from './labels.js';
import { licensingApplications, licensingItems } from './schema.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const A = 'licensingApplication';
const I = 'licensingItem';

export const licensingTimelineWords: TimelineWords = {
  entities: { licensingApplication: '行政许可申请', licensingItem: '许可事项' },
  actions: {
    'licensing.item.create': '登记了许可事项',
    'licensing.item.update': '修改了许可事项',
    'licensing.item.abolish': '取消了许可事项',
    'licensing.item.delete': '删除了许可事项',
    'licensing.application.create': '收到了行政许可申请',
    'licensing.application.materials': '收到了网上提交的申请材料',
    'licensing.application.import': '导入了行政许可申请',
    'licensing.application.accept': '受理了申请',
    'licensing.application.deemed_accepted': '记录逾期未告知补正，申请视为受理',
    'licensing.application.correction': '一次性告知了需要补正的全部内容',
    'licensing.application.corrected': '登记收到补正材料',
    'licensing.application.exclusion_start': '开始了不计入期限的程序',
    'licensing.application.exclusion_end': '结束了不计入期限的程序',
    'licensing.application.extension_request': '报请延长作出决定的期限',
    'licensing.application.extension': '批准延长作出决定的期限',
    'licensing.application.extension_refused': '不予批准延期报请',
    'licensing.application.decide': '作出了行政许可决定',
    'licensing.application.certificate': '颁发了行政许可证件',
    'licensing.application.publish': '公开了行政许可决定',
    'licensing.application.withdraw': '登记申请人撤回申请',
    'licensing.application.corrected_online': '在网上提交了补正材料',
    'licensing.application.withdraw_online': '在网上撤回了申请',
  },
  fields: {
    [`${I}.name`]: '事项名称',
    [`${I}.code`]: '事项编码',
    [`${I}.category`]: '事项类别',
    [`${I}.department`]: '承办科室',
    [`${I}.legalBasis`]: '设定和实施依据',
    [`${I}.conditions`]: '申请条件',
    [`${I}.materials`]: '申请材料',
    [`${I}.procedure`]: '办理流程',
    [`${I}.statutoryDays`]: '法定办结时限（工作日）',
    [`${I}.promisedDays`]: '承诺办结时限（工作日）',
    [`${I}.fee`]: '收费标准',
    [`${I}.remedies`]: '救济途径',
    [`${I}.validFrom`]: '施行日期',
    [`${I}.validTo`]: '有效期至',
    [`${I}.status`]: '状态',
    [`${I}.abolishedOn`]: '取消日期',
    [`${I}.abolishedReason`]: '取消依据',
    [`${A}.code`]: '申请编号',
    [`${A}.trackingCode`]: '查询码',
    [`${A}.itemId`]: '许可事项',
    [`${A}.channel`]: '申请渠道',
    [`${A}.source`]: '来源',
    [`${A}.receivedOn`]: '收到申请材料日期',
    [`${A}.applicantType`]: '申请人类型',
    [`${A}.applicantName`]: '申请人',
    [`${A}.idNumber`]: '证件号码',
    [`${A}.contact`]: '联系方式',
    [`${A}.summary`]: '申请事项说明',
    [`${A}.materials`]: '申请材料',
    [`${A}.files`]: '上传的材料',
    [`${A}.status`]: '状态',
    [`${A}.acceptedOn`]: '受理日期',
    [`${A}.acceptanceDeemed`]: '视为受理',
    [`${A}.correctionSentOn`]: '补正告知日期',
    [`${A}.correctionItems`]: '补正内容',
    [`${A}.correctedOn`]: '收到补正材料日期',
    [`${A}.exclusions`]: '不计入期限的程序',
    [`${A}.extensionRequestReason`]: '报请延期理由',
    [`${A}.extensionRequestedBy`]: '延期报请人',
    [`${A}.extensionRequestedOn`]: '报请延期日期',
    [`${A}.extensionRefusedOn`]: '延期报请不予批准日期',
    [`${A}.extensionRefusalReason`]: '不予批准延期的理由',
    [`${A}.extensionDays`]: '延长工作日',
    [`${A}.extensionReason`]: '延期理由',
    [`${A}.extensionApprovedBy`]: '延期批准人',
    [`${A}.extensionApprovedOn`]: '延期批准日期',
    [`${A}.decidedOn`]: '决定日期',
    [`${A}.result`]: '决定',
    [`${A}.decisionNo`]: '决定书文号',
    [`${A}.decisionReason`]: '理由',
    [`${A}.remedies`]: '救济途径',
    [`${A}.lateReason`]: '逾期说明',
    [`${A}.certificateNo`]: '许可证件编号',
    [`${A}.certificateIssuedOn`]: '证件颁发日期',
    [`${A}.publishedOn`]: '公开日期',
    [`${A}.withdrawnOn`]: '撤回日期',
    [`${A}.withdrawalReason`]: '撤回理由',
    [`${A}.note`]: '说明',
    [`${A}.letters`]: '文书',
  },
  hidden: [`${A}.createdBy`, `${I}.createdBy`],
  values: {
    [`${I}.category`]: ITEM_CATEGORY_LABELS,
    [`${I}.status`]: ITEM_STATUS_LABELS,
    [`${A}.channel`]: CHANNEL_LABELS,
    [`${A}.source`]: APPLICATION_SOURCE_LABELS,
    [`${A}.applicantType`]: APPLICANT_TYPE_LABELS,
    [`${A}.status`]: APPLICATION_STATUS_LABELS,
    [`${A}.result`]: RESULT_LABELS,
  },
  refs: { [`${A}.itemId`]: 'licensingItem', [`${A}.extensionRequestedBy`]: 'user', [`${A}.extensionApprovedBy`]: 'user' },
  resolvers: {
    licensingItem: async (db, _o, ids) =>
      new Map(
        (await db.select({ id: licensingItems.id, name: licensingItems.name }).from(licensingItems).where(inArray(licensingItems.id, ids))).map((r) => [
          r.id,
          r.name,
        ]),
      ),
    licensingApplication: async (db, _o, ids) =>
      new Map(
        (
          await db
            .select({ id: licensingApplications.id, code: licensingApplications.code, name: licensingApplications.applicantName })
            .from(licensingApplications)
            .where(inArray(licensingApplications.id, ids))
        ).map((r) => [r.id, `${r.name} 的申请（${r.code}）`]),
      ),
  },
  formats: {
    [`${I}.materials`]: (v) =>
      Array.isArray(v)
        ? v
            .filter(isObj)
            .map((m) => `${String(m.name)}${m.required ? '' : '（非必备）'}`)
            .join('\n')
        : undefined,
    [`${A}.materials`]: (v) =>
      Array.isArray(v)
        ? v
            .filter(isObj)
            .map((m) => `${String(m.name)}：${m.received ? '已收' : '未收'}`)
            .join('\n')
        : undefined,
    [`${A}.files`]: (v) =>
      Array.isArray(v)
        ? v
            .filter(isObj)
            .map((f) => `${String(f.material)}：${String(f.fileName)}`)
            .join('\n')
        : undefined,
    // each letter issued with its step: number, date and the 联系人 and telephone it names
    [`${A}.letters`]: (v, f) =>
      isObj(v)
        ? Object.entries(v)
            .filter((e): e is [string, Obj] => isObj(e[1]))
            .map(([k, l]) => {
              const c = isObj(l.contact) ? l.contact : {};
              const who = c.name ? `，联系人 ${String(c.name)}${c.telephone ? ` ${String(c.telephone)}` : ''}` : '';
              return `${(LETTER_LABELS as Record<string, string>)[k] ?? k}${l.docNumber ? ` ${String(l.docNumber)}` : ''}（${f.date(l.issuedOn)}${who}）`;
            })
            .join('\n') || '（无）'
        : undefined,
    [`${A}.correctionItems`]: (v) => (Array.isArray(v) ? v.map((x, i) => `${i + 1}. ${String(x)}`).join('\n') : undefined),
    [`${A}.exclusions`]: (v, f) =>
      Array.isArray(v)
        ? v.length
          ? v
              .filter(isObj)
              .map(
                (x) =>
                  `${(EXCLUSION_KIND_LABELS as Record<string, string>)[String(x.kind)] ?? ''}：${f.date(x.from)} 起${x.to ? `，${f.date(x.to)} 止` : '，尚未结束'}`,
              )
              .join('\n')
          : '（无）'
        : undefined,
  },
};
