/**
 * How the inspection records read in a timeline (全过程记录): the catalogue, checklists, plans, draws,
 * inspections through the loop, evaluations — actions as sentences, results as "第 3 项 A2-03 …：不符合 — 说明".
 */
import { eq, inArray } from 'drizzle-orm';
import type { TimelineFormat, TimelineWords } from '../../kernel/audit/present.js';
import { RISK_TIER_LABELS, UNIT_TYPE_LABELS } from '../orgs/labels.js';
import { checklistVersionItems, checklistVersions, checklists, inspectionDraws, inspectionItems, inspectionPlans, inspections } from './schema.js';
import {
  AREA_LABELS,
  CHECKLIST_KIND_LABELS,
  DRAW_STATUS_LABELS,
  GRADE_LABELS,
  ITEM_RESULT_LABELS,
  ITEM_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  VERSION_STATUS_LABELS,
} from './labels.js';
import { INSPECTION_SOURCE_LABELS, INSPECTION_STATUS_LABELS, RECTIFICATION_ITEM_STATUS_LABELS } from './loop/labels.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Obj[] | undefined => (Array.isArray(v) && v.every(isObj) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const short = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);
const pct = (x: unknown) => (typeof x === 'number' ? `${Math.round(x * 1000) / 10}%` : '');

/** An item named in a list: its entry (第 N 项 code title) when known, else its code and title. */
function itemName(x: Obj, f: TimelineFormat): string {
  if (typeof x.entryId === 'string') {
    const n = f.ref('checklistEntry', x.entryId);
    if (!n.startsWith('（')) return n;
  }
  return [str(x.code), short(str(x.title))].filter(Boolean).join(' ') || '检查项';
}

/** Results of a checklist filled in (self-inspection, on-site record, evaluation): the counts, then each item not simply 符合. */
function results(v: unknown, f: TimelineFormat): string | undefined {
  const xs = objects(v);
  if (!xs || !xs.some((x) => 'result' in x)) return undefined;
  const count = (r: string | null) => xs.filter((x) => (x.result ?? null) === r).length;
  const head = [
    `符合 ${count('compliant')} 项`,
    `不符合 ${count('non_compliant')} 项`,
    `不适用 ${count('not_applicable')} 项`,
    ...(count(null) ? [`未填 ${count(null)} 项`] : []),
  ].join('，');
  const lines = xs
    .filter((x) => x.result === 'non_compliant' || x.result == null || x.note)
    .map((x) => {
      const r = typeof x.result === 'string' ? ((ITEM_RESULT_LABELS as Record<string, string>)[x.result] ?? x.result) : '未填';
      return `${itemName(x, f)}：${r}${x.note ? ` — ${str(x.note)}` : ''}`;
    });
  return [head, ...lines].join('\n');
}

/** The `items` of the loop's events, by shape: rectification items, reports, reviews, interview flags, checklist items. */
function items(v: unknown, f: TimelineFormat): string | undefined {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join('、') : '（无）';
  const xs = objects(v);
  if (!xs) return undefined;
  if (xs.length === 0) return '（无）';
  if (xs.some((x) => 'result' in x)) return results(xs, f);
  return xs
    .map((x) => {
      const catalogue = typeof x.itemId === 'string' ? f.ref('inspectionItem', x.itemId) : '';
      const name = 'position' in x && 'itemId' in x ? `第 ${String(x.position)} 项 ${catalogue.startsWith('（') ? str(x.code) : catalogue}` : itemName(x, f);
      if ('decision' in x) return `${name}：${x.decision === 'accepted' ? '通过' : '退回'}${x.comment ? ` — ${str(x.comment)}` : ''}`;
      if ('flag' in x && !('status' in x)) return `${name}：${str(x.flag)}`;
      if ('status' in x) {
        const st = (RECTIFICATION_ITEM_STATUS_LABELS as Record<string, string>)[str(x.status)] ?? str(x.status);
        const done = [
          ...(Array.isArray(x.followUps) ? x.followUps.map((c) => `回头看 ${String(c)}`) : []),
          ...(Array.isArray(x.referrals) ? x.referrals.map((c) => `移送 ${String(c)}`) : []),
        ];
        return `${name}：${st}${x.flag ? `（${str(x.flag)}）` : ''}${done.length ? `，${done.join('、')}` : ''}`;
      }
      if ('points' in x) return `${name}${typeof x.points === 'number' ? `（${x.points} 分）` : ''}${x.veto ? '（否决项）' : ''}`;
      if ('text' in x) {
        const ev = Array.isArray(x.evidence) && x.evidence.length ? `（佐证材料 ${x.evidence.length} 份）` : '';
        return `${str(x.code) || name}：${str(x.text)}${ev}`;
      }
      return name;
    })
    .join('\n');
}

/** People with a certificate (team, interviewers, the plan's inspectors): 何丽娟（执法证号 11010002021068）. */
function people(v: unknown): string | undefined {
  const xs = objects(v);
  if (!xs) return undefined;
  if (xs.length === 0) return '（无）';
  return xs.map((x) => `${str(x.name)}${x.certificateNo ? `（执法证号 ${str(x.certificateNo)}）` : x.title ? `（${str(x.title)}）` : ''}`).join('、');
}

export const inspectionsTimelineWords: TimelineWords = {
  entities: {
    inspectionItem: '检查事项',
    checklist: '检查表',
    checklistVersion: '检查表版本',
    inspectionPlan: '检查计划',
    inspectionDraw: '抽取批次',
    inspection: '检查任务',
    evaluation: '考评',
  },
  actions: {
    'inspectionItem.create': '新增了检查事项',
    'inspectionItem.update': '修改了检查事项',
    'inspectionItem.delete': '删除了检查事项',
    'checklist.create': '新建了检查表',
    'checklist.update': '修改了检查表',
    'checklistVersion.create': '新建了检查表版本',
    'checklistVersion.update': '修改了检查表版本',
    'checklistVersion.items': '修改了检查表的检查项',
    'checklistVersion.addItem': '向检查表添加了检查项',
    'checklistVersion.publish': '发布了检查表版本',
    'inspectionPlan.create': '起草了年度检查计划',
    'inspectionPlan.update': '修改了年度检查计划',
    'inspectionPlan.publish': '公开了年度检查计划',
    'inspectionDraw.create': '冻结了候选名单',
    'inspectionDraw.redraw': '重新抽取，冻结了新的候选名单',
    'inspectionDraw.execute': '执行了随机抽取',
    'inspectionDraw.publish': '公布了抽取结果',
    'inspection.create': '新建了检查任务',
    'inspection.notify': '送达了检查通知书',
    'inspection.notice.amend': '变更检查通知（另行送达检查通知书）',
    'inspection.self_inspection.save': '保存了自查表',
    'inspection.self_inspection.submit': '提交了自查表',
    'inspection.record.save': '保存了现场检查记录',
    'inspection.photo.add': '上传了现场照片',
    'inspection.sign': '完成了现场检查记录签字',
    'inspection.feedback': '出具了反馈意见书',
    'inspection.rectification.evidence': '上传了整改佐证材料',
    'inspection.rectification.report': '报送了整改情况',
    'inspection.rectification.review': '审核了整改情况',
    'inspection.publish': '公开了检查结果',
    'inspection.publication.correct': '更正了公开的检查结果',
    'inspection.exemplary.mark': '将检查结果标记为典型',
    'inspection.exemplary.unmark': '取消了典型标记',
    'inspection.interview': '进行了约谈',
    'inspection.follow_up': '组织了回头看',
    'inspection.refer': '移送了立案线索',
    'inspection.close': '办结了检查',
    'inspection.doc_settings.update': '修改了检查文书机关代字',
    'evaluation.create': '完成了考评',
  },
  fields: {
    code: '编号',
    // A letter's 附注 (GB/T 9704): who issued it and the telephone it gives.
    handler: '经办人',
    handlerTelephone: '经办人联系电话',
    'inspectionItem.code': '事项编号',
    area: '检查领域',
    title: '标题',
    'inspectionItem.title': '检查内容',
    legalBasis: '法律依据',
    method: '检查方法',
    evidenceHint: '佐证材料',
    description: '说明',
    checklistId: '检查表',
    checklistVersionId: '检查表',
    version: '版本号',
    thresholds: '等级线',
    basedOnId: '基于版本',
    publishedAt: '发布时间',
    year: '年度',
    'inspectionPlan.scope': '检查范围',
    schedule: '实施安排',
    unitTypes: '检查对象类型',
    riskTiers: '风险等级',
    stratifyByRisk: '按风险等级分层抽取',
    targetCoverage: '目标覆盖率',
    inspectorsSnapshot: '执法检查人员',
    planId: '检查计划',
    'inspectionDraw.drawId': '抽取编号',
    'inspection.drawId': '抽取批次',
    k: '抽取数量',
    teamSize: '每组执法人员数',
    strata: '分层',
    candidateCount: '候选单位数',
    exclusions: '不予抽取的单位',
    supersedes: '取代',
    inspectorPool: '执法人员名单',
    entropySource: '随机数来源',
    publicValueName: '公开随机值',
    teams: '检查组',
    selected: '抽中的单位',
    'inspection.source': '检查来源',
    team: '检查组',
    unitId: '检查对象',
    plannedDate: '计划检查日期',
    noticeOn: '检查通知书送达日期',
    docNumber: '文号',
    workingDaysAhead: '距检查日工作日数',
    requiredWorkingDays: '应提前送达工作日数',
    results: '自查结果',
    'evaluation.results': '考评结果',
    answered: '已填写项数',
    total: '检查项总数',
    compliant: '符合项数',
    nonCompliant: '不符合项数',
    notApplicable: '不适用项数',
    items: '检查项',
    'inspection.items': '事项',
    'inspection.record.save:items': '检查结果',
    'inspection.feedback:items': '整改事项',
    'inspection.rectification.report:items': '整改情况',
    'inspection.rectification.review:items': '审核意见',
    'inspection.interview:items': '约谈事由',
    'inspection.follow_up:items': '回头看的检查项',
    'inspection.close:items': '整改事项办理情况',
    'inspection.publish:due': '公开期限届满日',
    'inspection.publish:clockState': '公开期限',
    findings: '检查发现',
    onSiteDate: '现场检查日期',
    representative: '被检查单位代表',
    inspectorsPresent: '到场执法人员',
    signedOn: '签字日期',
    signatures: '签字人',
    issuedOn: '出具日期',
    conclusion: '检查结论',
    rectificationDue: '整改期限',
    rectificationDays: '整改期限（工作日）',
    rectificationDueProvisional: '整改期限为预计日期',
    closedOn: '办结日期',
    feedbackOn: '反馈意见书出具日期',
    defaultText: '采用默认文本',
    publishedOn: '公开日期',
    publicResult: '公开内容',
    exemplary: '典型',
    exemplaryOn: '标记典型日期',
    exemplaryNote: '典型理由',
    followUpId: '回头看检查',
    followUpCode: '回头看检查编号',
    heldOn: '约谈日期',
    place: '约谈地点',
    content: '约谈内容',
    attendees: '单位参加人员',
    interviewers: '约谈人',
    commitments: '整改承诺',
    commitmentDue: '承诺完成日期',
    facts: '违法事实',
    entries: '涉及检查项',
    referralCode: '线索编号',
    referredOn: '移送日期',
    suspectedBasis: '涉嫌违反的规定',
    fileName: '文件名',
    itemCode: '检查项',
    size: '文件大小',
    grade: '评定等级',
    score: '得分',
    maxScore: '满分',
    share: '得分率',
    applicable: '适用项数',
    vetoFailed: '否决项不符合',
    evaluatedOn: '考评日期',
    explanation: '评定过程',
    prefix: '机关代字',
  },
  hidden: ['inspection.unitName', 'interviewId', 'referralId', 'photoId', 'fileId', 'mime', 'candidates', 'position'],
  values: {
    area: AREA_LABELS,
    'inspectionItem.status': ITEM_STATUS_LABELS,
    'checklist.kind': CHECKLIST_KIND_LABELS,
    'checklistVersion.status': VERSION_STATUS_LABELS,
    'inspectionPlan.status': PLAN_STATUS_LABELS,
    'inspectionDraw.status': DRAW_STATUS_LABELS,
    'inspection.status': INSPECTION_STATUS_LABELS,
    'inspection.source': INSPECTION_SOURCE_LABELS,
    grade: GRADE_LABELS,
    riskTiers: RISK_TIER_LABELS,
    unitTypes: UNIT_TYPE_LABELS,
    entropySource: { server: '服务器随机数', public: '公开随机值' },
  },
  refs: {
    checklistId: 'checklist',
    checklistVersionId: 'checklistVersion',
    basedOnId: 'checklistVersion',
    planId: 'inspectionPlan',
    'inspection.drawId': 'inspectionDraw',
    'inspectionDraw.supersedes': 'inspectionDraw',
    followUpId: 'inspection',
    entryId: 'checklistEntry',
    itemId: 'inspectionItem',
    inspectorPool: 'inspector',
    inspectorsPresent: 'inspector',
    selected: 'unit',
  },
  resolvers: {
    checklist: async (db, _o, ids) =>
      new Map((await db.select({ id: checklists.id, name: checklists.name }).from(checklists).where(inArray(checklists.id, ids))).map((r) => [r.id, r.name])),
    checklistVersion: async (db, _o, ids) =>
      new Map(
        (
          await db
            .select({ id: checklistVersions.id, version: checklistVersions.version, name: checklists.name })
            .from(checklistVersions)
            .innerJoin(checklists, eq(checklists.id, checklistVersions.checklistId))
            .where(inArray(checklistVersions.id, ids))
        ).map((r) => [r.id, `${r.name}（第 ${r.version} 版）`]),
      ),
    inspectionPlan: async (db, _o, ids) =>
      new Map(
        (await db.select({ id: inspectionPlans.id, title: inspectionPlans.title }).from(inspectionPlans).where(inArray(inspectionPlans.id, ids))).map((r) => [
          r.id,
          r.title,
        ]),
      ),
    inspectionDraw: async (db, _o, ids) =>
      new Map(
        (await db.select({ id: inspectionDraws.id, code: inspectionDraws.drawId }).from(inspectionDraws).where(inArray(inspectionDraws.id, ids))).map((r) => [
          r.id,
          r.code,
        ]),
      ),
    inspection: async (db, _o, ids) =>
      new Map(
        (await db.select({ id: inspections.id, code: inspections.code }).from(inspections).where(inArray(inspections.id, ids))).map((r) => [r.id, r.code]),
      ),
    inspectionItem: async (db, _o, ids) =>
      new Map(
        (
          await db
            .select({ id: inspectionItems.id, code: inspectionItems.code, title: inspectionItems.title })
            .from(inspectionItems)
            .where(inArray(inspectionItems.id, ids))
        ).map((r) => [r.id, `${r.code} ${short(r.title)}`]),
      ),
    checklistEntry: async (db, _o, ids) =>
      new Map(
        (
          await db
            .select({
              id: checklistVersionItems.id,
              position: checklistVersionItems.position,
              code: checklistVersionItems.code,
              title: checklistVersionItems.title,
            })
            .from(checklistVersionItems)
            .where(inArray(checklistVersionItems.id, ids))
        ).map((r) => [r.id, `第 ${r.position} 项 ${r.code} ${short(r.title)}`]),
      ),
  },
  formats: {
    items,
    results,
    thresholds: (v) =>
      isObj(v)
        ? ['excellent', 'good', 'pass']
            .filter((k) => typeof v[k] === 'number')
            .map((k) => `${GRADE_LABELS[k as 'good']} ≥ ${pct(v[k])}`)
            .join('，')
        : undefined,
    targetCoverage: (v) => {
      if (!isObj(v)) return undefined;
      const by = isObj(v.byRiskTier)
        ? Object.entries(v.byRiskTier).map(([k, x]) => `${(RISK_TIER_LABELS as Record<string, string>)[k] ?? k} ${String(x)}%`)
        : [];
      return [typeof v.overall === 'number' ? `总体 ${v.overall}%` : '', ...by].filter(Boolean).join('，');
    },
    strata: (v) =>
      objects(v)
        ?.map((x) => `${str(x.name)}：候选 ${String(x.candidateCount ?? 0)} 个，抽取 ${String(x.k ?? 0)} 个`)
        .join('\n'),
    exclusions: (v) => {
      const xs = objects(v);
      return xs && (xs.length ? xs.map((x) => `${str(x.name)}：${str(x.reason)}`).join('\n') : '（无）');
    },
    teams: (v, f) =>
      objects(v)
        ?.map((x) => `${f.ref('unit', x.unitId)}：${Array.isArray(x.selected) ? x.selected.map((i) => f.ref('inspector', i)).join('、') : ''}`)
        .join('\n'),
    team: people,
    inspectorsSnapshot: people,
    interviewers: people,
    attendees: people,
    representative: (v) => (isObj(v) ? `${str(v.name)}${v.title ? `（${str(v.title)}）` : ''}` : undefined),
    signatures: (v) =>
      objects(v)
        ?.map((x) => str(x.signer))
        .join('、'),
    entries: (v, f) =>
      objects(v)
        ? objects(v)!
            .map((x) => `${itemName(x, f)}${x.note ? ` — ${str(x.note)}` : ''}`)
            .join('\n')
        : undefined,
    // only worth saying when the deadline is an estimate
    rectificationDueProvisional: (v) => (v === false ? '' : undefined),
    share: (v) => (typeof v === 'number' ? pct(v) : undefined),
    vetoFailed: (v) => (Array.isArray(v) && v.length === 0 ? '无' : undefined),
    explanation: (v) => (Array.isArray(v) ? v.map(String).join('\n') : undefined),
    size: (v) => (typeof v === 'number' ? `${Math.max(1, Math.round(v / 1024))} KB` : undefined),
    'inspectionDraw.supersedes': (v, f) => (typeof v === 'string' ? f.ref('inspectionDraw', v) : undefined),
  },
};
