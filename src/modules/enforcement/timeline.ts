/** How a 案件线索, a 行政处罚案件 and a 裁量基准 read in a timeline (全过程记录). */
import type { TimelineFormat, TimelineWords } from '../../kernel/audit/present.js';
import {
  CASE_ACTION_LABELS,
  CASE_RESULT_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  CIRCUMSTANCE_LABELS,
  EVIDENCE_KIND_LABELS,
  PENALTY_TYPE_LABELS,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_STATUS_LABELS,
  REVIEW_ITEM_LABELS,
  REVIEW_RESULT_LABELS,
  SERVICE_METHOD_LABELS,
  type Circumstance,
  type EvidenceKind,
  type PenaltyType,
  type ReviewItem,
} from './labels.js';

const caseActions = Object.fromEntries(Object.entries(CASE_ACTION_LABELS).map(([k, v]) => [`enforcement.case.${k}`, v]));

// The case's composite fields in people's words (the generic rules would show their codes: `类型：fine`).
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Obj => !!x) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const money = (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('zh-CN')} 元` : '');
const penalty = (p: Obj) =>
  `${PENALTY_TYPE_LABELS[p.type as PenaltyType] ?? '处罚'}${typeof p.amount === 'number' ? ` ${money(p.amount)}` : ''}${p.note ? `（${str(p.note)}）` : ''}`;
const penalties = (v: unknown) => (Array.isArray(v) ? (v.length ? list(v).map(penalty).join('；') : '（无）') : undefined);
const officers = (v: unknown, f: TimelineFormat) => (Array.isArray(v) ? v.map((id) => f.ref('inspector', id)).join('、') : '');
const WITHDRAWAL_STATUS: Record<string, string> = { pending: '待决定', granted: '准予回避', refused: '不予回避' };

const caseFormats: NonNullable<TimelineWords['formats']> = {
  'enforcementCase.penalties': penalties,
  'enforcementCase.proposal': (v) => {
    const p = obj(v);
    if (!p) return undefined;
    return [
      `情节：${CIRCUMSTANCE_LABELS[p.circumstance as Circumstance] ?? ''}`,
      `处罚：${penalties(p.penalties) ?? ''}`,
      ...(p.discretionReason ? [`裁量理由：${str(p.discretionReason)}`] : []),
    ].join('\n');
  },
  'enforcementCase.review': (v, f) => {
    const r = obj(v);
    if (!r) return undefined;
    const checklist = obj(r.checklist) ?? {};
    const failed = Object.entries(checklist)
      .filter(([, ok]) => ok === false)
      .map(([k]) => REVIEW_ITEM_LABELS[k as ReviewItem] ?? k);
    return [
      `审核结论：${REVIEW_RESULT_LABELS[r.result as 'passed' | 'returned'] ?? ''}（${str(r.reviewerName)}，${f.date(r.reviewedOn)}）`,
      failed.length ? `未通过的审核事项：${failed.join('；')}` : '审核事项均符合',
      `审核意见：${str(r.opinion)}`,
    ].join('\n');
  },
  'enforcementCase.inquiry': (v, f) => {
    const i = obj(v);
    if (!i) return undefined;
    return [`${f.date(i.heldOn)}，在${str(i.place)}询问${str(i.person)}`, `执法人员：${officers(i.officerIds, f)}`, str(i.content)].join('\n');
  },
  'enforcementCase.evidence': (v, f) => {
    const e = obj(v);
    if (!e) return undefined;
    const size = typeof e.size === 'number' ? `，${Math.max(1, Math.round(e.size / 1024))} KB` : '';
    return `${EVIDENCE_KIND_LABELS[e.kind as EvidenceKind] ?? '证据'}：${str(e.title)}（${str(e.fileName)}${size}，${f.date(e.collectedOn)}取证）`;
  },
  'enforcementCase.payments': (v, f) =>
    Array.isArray(v)
      ? v.length
        ? list(v)
            .map((p) => `${f.date(p.paidOn)}缴纳 ${money(p.amount)}`)
            .join('\n')
        : '（无）'
      : undefined,
  'enforcementCase.fineCollected': (v) => (typeof v === 'number' ? money(v) : undefined),
  'enforcementBenchmark.levels': (v) =>
    Array.isArray(v)
      ? list(v)
          .map(
            (l) =>
              `${CIRCUMSTANCE_LABELS[l.circumstance as Circumstance] ?? ''}：${money(l.min)}—${money(l.max)}` +
              (Array.isArray(l.penalties) ? `，${l.penalties.map((t) => PENALTY_TYPE_LABELS[t as PenaltyType] ?? '').join('、')}` : ''),
          )
          .join('\n')
      : undefined,
  'enforcementCase.extensions': (v, f) =>
    Array.isArray(v)
      ? v.length
        ? list(v)
            .map((e) => `延长 ${String(e.days)} 日：${str(e.reason)}（${str(e.approverName)}${f.date(e.approvedOn)}批准）`)
            .join('\n')
        : '（无）'
      : undefined,
  'enforcementCase.withdrawals': (v, f) =>
    Array.isArray(v)
      ? v.length
        ? list(v)
            .map(
              (w) =>
                `${f.ref('inspector', w.inspectorId)}：${str(w.reason)}（${f.date(w.requestedOn)}申请，${WITHDRAWAL_STATUS[str(w.status)] ?? ''}${w.decidedOn ? `，${f.date(w.decidedOn)}决定` : ''}）`,
            )
            .join('\n')
        : '（无）'
      : undefined,
  'enforcementCase.officerIds': (v, f) => (Array.isArray(v) ? officers(v, f) : undefined),
  'enforcementCase.discussion': (v, f) => {
    const d = obj(v);
    return d ? `${f.date(d.heldOn)}，参加人员：${str(d.participants)}\n结论：${str(d.conclusion)}` : undefined;
  },
  'enforcementCase.instalments': (v, f) => {
    const p = obj(v);
    if (!p) return undefined;
    const parts = list(p.schedule).map((x, i, all) => `${all.length > 1 ? `第 ${i + 1} 期 ` : ''}${f.date(x.dueOn)}前缴纳 ${money(x.amount)}`);
    return `当事人${f.date(p.requestedOn)}申请（${str(p.reason)}），${str(p.approverName)}${f.date(p.approvedOn)}批准${parts.length > 1 ? '分期' : '暂缓'}缴纳：${parts.join('；')}`;
  },
  'enforcementCase.courtApplication': (v, f) => {
    const c = obj(v);
    return c ? `${f.date(c.appliedOn)}向${str(c.court)}申请强制执行` : undefined;
  },
};

export const enforcementTimelineWords: TimelineWords = {
  entities: { enforcementReferral: '案件线索', enforcementCase: '行政处罚案件', enforcementBenchmark: '裁量基准' },
  actions: {
    'enforcement.referral.create': '收到移送的案件线索',
    'enforcement.referral.decline': '决定不予立案',
    'enforcement.referral.accept': '予以立案',
    'enforcement.referral.reopen': '不予立案，线索退回待处理',
    'enforcement.case.open': '报请立案',
    'enforcement.case.import': '导入历史案件',
    'enforcement.benchmark.create': '载入裁量基准',
    'enforcement.benchmark.update': '修改裁量基准',
    ...caseActions,
    'enforcement.case.approveFiling': '立案审批',
  },
  fields: {
    'enforcementReferral.code': '线索编号',
    facts: '违法事实',
    suspectedBasis: '涉嫌违反的规定',
    unitId: '检查对象',
    entries: '涉及检查项',
    sourceType: '来源',
    sourceRef: '来源记录',
    referredOn: '移送日期',
    'enforcementReferral.decidedOn': '决定日期',
    caseNo: '案件编号',
    caseId: '案件',
    'enforcementCase.source': '案件来源',
    partyName: '当事人',
    violation: '违法行为',
    officerIds: '执法人员',
    filedOn: '立案日期',
    approverId: '立案审批人',
    'enforcementCase.requestedOn': '报请立案日期',
    'enforcementCase.reason': '理由',
    'enforcementReferral.reason': '原因',
    instalments: '暂缓（分期）缴纳',
    major: '重大复杂案件',
    'enforcementCase.status': '状态',
    extensions: '延长期限',
    withdrawals: '回避申请',
    inquiry: '询问笔录',
    evidence: '证据',
    proposal: '拟作出的处罚',
    noticeOn: '告知日期',
    noticeServedOn: '告知书送达日期',
    hearingRequestedOn: '申请听证日期',
    hearingNoticeOn: '听证通知日期',
    hearingOn: '听证日期',
    hearingHeldOn: '举行听证日期',
    hearingRecord: '听证笔录',
    review: '法制审核',
    reviewResult: '审核结论',
    discussion: '集体讨论',
    result: '决定',
    'enforcementCase.decidedOn': '决定日期',
    penalties: '处罚',
    decisionDocNo: '决定书文号',
    discretionReason: '裁量理由',
    firstViolation: '首违不罚',
    educationRecord: '教育情况/理由',
    servedOn: '送达日期',
    serviceMethod: '送达方式',
    payments: '缴款',
    fineCollected: '已收缴罚款',
    courtApplication: '申请强制执行',
    closedOn: '结案日期',
    publishedOn: '公开日期',
    revokedOn: '撤销日期',
    withdrawnOn: '撤回公开日期',
    levels: '裁量幅度',
  },
  values: {
    'enforcementReferral.status': REFERRAL_STATUS_LABELS,
    sourceType: REFERRAL_SOURCE_LABELS,
    'enforcementCase.status': CASE_STATUS_LABELS,
    'enforcementCase.source': CASE_SOURCE_LABELS,
    result: CASE_RESULT_LABELS,
    serviceMethod: SERVICE_METHOD_LABELS,
    reviewResult: REVIEW_RESULT_LABELS,
  },
  refs: { 'enforcementCase.officerIds': 'inspector', 'enforcementCase.approverId': 'user' },
  formats: caseFormats,
};
