/**
 * Public face of the information-disclosure module (政府信息公开, SPEC module 5): one folder per
 * use-case area — applications/ (intake, the reply clock, actions, portal, import, the lapse sweep,
 * the calendar hook), letters/ (.docx letters, remedies), fees/, register/ (主动公开目录), annual-report/
 * (templates, compute, checks, .docx, sheet, publication), figures/ (section 三 and 四 counted over a
 * period, in the kernel figure registry). No other module imports disclosure internals: the module
 * exports its descriptor, and what awaits a leader for the 工作台's 待我审批.
 */
import type { DueKind, ModuleDescriptor } from '../../kernel/module.js';
import { loadDisclosureDemo } from './demo.js';
import { count, defineSetting } from '../../kernel/settings.js';
import { resyncConsultationClocks } from './applications/clocks.service.js';
import { disclosureFigures } from './figures/figures.service.js';
import { disclosureRoutes } from './routes.js';
import { disclosureTimelineWords } from './timeline.js';
import { disclosureAwaiting } from './annual-report/awaiting.service.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'disclosure.read': true;
    /** The disclosure desk: register and handle applications, letters, the register. */
    'disclosure.handle': true;
    /** The head of the disclosure office: approve extensions, publish the annual report. */
    'disclosure.approve': true;
  }
}

declare module '../../kernel/settings.js' {
  interface SettingValues {
    disclosureFeePayDays: number;
    disclosureMailServiceDays: number;
  }
}

const due = (label: string): DueKind => ({ label, read: 'disclosure.read' });

export const disclosureModule: ModuleDescriptor = {
  name: 'disclosure',
  routes: disclosureRoutes,
  grants: {
    admin: ['disclosure.read', 'disclosure.handle'],
    // 延期 is approved by the head of the disclosure office (条例第三十三条), a leader.
    leader: ['disclosure.read', 'disclosure.approve'],
    legal: ['disclosure.read', 'disclosure.handle'],
    staff: ['disclosure.read', 'disclosure.handle'],
    superior: ['disclosure.read'],
  },
  settings: {
    disclosureFeePayDays: defineSetting(count(1, 60, '个工作日'), 20, '政府信息公开：收费通知的缴费期限（工作日）'),
    disclosureMailServiceDays: defineSetting(count(0, 30, '天'), 3, '政府信息公开：邮寄的收费通知推定送达的在途天数（登记实际签收日期前，日）'),
  },
  timelineWords: disclosureTimelineWords,
  timeline: {
    disclosureApplication: 'disclosure.read',
    disclosureLetter: 'disclosure.read',
    disclosureRegisterEntry: 'disclosure.read',
    disclosureAnnualReport: 'disclosure.read',
  },
  dueKinds: {
    'disclosure.reply': due('依申请公开答复'),
    'disclosure.consultation': due('征求意见答复'),
    'disclosure.proactive': { ...due('主动公开'), publication: true },
  },
  figures: [disclosureFigures],
  calendarHooks: [resyncConsultationClocks],
  demo: loadDisclosureDemo,
  awaiting: disclosureAwaiting,
};

/** The org's 行政复议机关 and court (settings of 救济途径, defaults from its name and level): other modules' decision letters name them too. */
export { remedyOrgansOf } from './letters/remedy.service.js';
export type { RemedyOrgans } from './letters/remedy.js';
