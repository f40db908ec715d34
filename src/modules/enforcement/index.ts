/**
 * Public face of the enforcement module (行政处罚): the intake of 案件线索 (other modules hand a
 * referral over with `createReferral` in their own transaction and list their own with
 * `referralsOfSource`; the inbox is /api/enforcement/referrals), penalty cases (/api/enforcement/cases)
 * with their clocks, letters, import and figures, and the 裁量基准 (also on the portal).
 */
import type { ModuleDescriptor } from '../../kernel/module.js';
import { count, defineSetting } from '../../kernel/settings.js';
import { enforcementAwaiting } from './cases/awaiting.service.js';
import { seedEnforcementDemo } from './demo.js';
import { enforcementFigures } from './figures/figures.service.js';
import { enforcementRoutes } from './routes.js';
import { enforcementTimelineWords } from './timeline.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'enforcement.read': true;
    'enforcement.manage': true;
    /** 法制审核 of a penalty case (法制科). */
    'enforcement.review': true;
    /** Approve a filing (立案) or an extension of the 90-day period (局领导). */
    'enforcement.approve': true;
  }
}

declare module '../../kernel/settings.js' {
  interface SettingValues {
    /** 听证: a fine on a unit reaching this amount (元) gives the right to a hearing and requires 法制审核. */
    enforcementHearingUnitFine: number;
    /** The same for an individual. */
    enforcementHearingIndividualFine: number;
    /** 立案审批: the working days the head has to approve or refuse an officers' filing request. */
    enforcementFilingApprovalDays: number;
  }
}

export const enforcementModule: ModuleDescriptor = {
  name: 'enforcement',
  routes: enforcementRoutes,
  grants: {
    admin: ['enforcement.read', 'enforcement.manage'],
    leader: ['enforcement.read', 'enforcement.approve'],
    legal: ['enforcement.read', 'enforcement.manage', 'enforcement.review'],
    inspector: ['enforcement.read', 'enforcement.manage'],
    staff: ['enforcement.read'],
    superior: ['enforcement.read'],
  },
  settings: {
    enforcementHearingUnitFine: defineSetting(count(1, 10_000_000, '元'), 50_000, '行政处罚：对单位罚款达到此数额（元）的，当事人可以要求听证，须经法制审核'),
    enforcementHearingIndividualFine: defineSetting(
      count(1, 1_000_000, '元'),
      3_000,
      '行政处罚：对个人罚款达到此数额（元）的，当事人可以要求听证，须经法制审核',
    ),
    enforcementFilingApprovalDays: defineSetting(count(1, 30, '个工作日'), 7, '行政处罚：负责人在执法人员报请立案后几个工作日内审批（立案审批）'),
  },
  dueKinds: {
    'enforcement.decision': { label: '行政处罚决定期限', read: 'enforcement.read' },
    'enforcement.hearingRequest': { label: '听证申请期限', read: 'enforcement.read' },
    'enforcement.payment': { label: '缴纳罚款期限', read: 'enforcement.read' },
    'enforcement.publication': { label: '行政处罚决定公开期限', read: 'enforcement.read', publication: true },
    'enforcement.withdrawal': { label: '撤回已公开的处罚决定', read: 'enforcement.read', publication: true },
  },
  figures: [enforcementFigures],
  fieldLabels: {
    officerIds: '执法人员',
    approverId: '审批人',
    benchmarkId: '违法行为（裁量基准）',
    filedOn: '立案日期',
    decidedOn: '决定日期',
    hearingOn: '听证日期',
    discretionReason: '裁量理由',
    educationRecord: '教育情况',
    partyName: '当事人',
  },
  timelineWords: enforcementTimelineWords,
  timeline: { enforcementReferral: 'enforcement.read', enforcementCase: 'enforcement.read', enforcementBenchmark: 'enforcement.read' },
  demo: seedEnforcementDemo,
  awaiting: enforcementAwaiting,
};

export { enforcementReferrals } from './schema.js';
export { createReferral, referralsOfSource, type NewReferral } from './referrals.service.js';
export type { ReferralEntry, ReferralView } from './contracts.js';
