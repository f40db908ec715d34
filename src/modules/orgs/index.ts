/** Public face of the orgs & people module: orgs, departments, users, regulated units, inspectors. */
import type { ModuleDescriptor } from '../../kernel/module.js';
import { count, defineSetting } from '../../kernel/settings.js';
import { TelephoneText } from './contracts.js';
import { seedOrgsDemo } from './demo.js';
import { orgRoutes } from './routes.js';
import { orgsTimelineWords } from './timeline.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'org.read': true;
    'org.manage': true;
    'user.read': true;
    'user.manage': true;
    'unit.read': true;
    'unit.write': true;
    'inspector.read': true;
    'inspector.write': true;
    /** A unit's archivist reads the unit's own record. */
    'ownUnit.read': true;
  }
}

declare module '../../kernel/settings.js' {
  interface SettingValues {
    /** Days before a certificate's expiry when the dashboard warns. */
    certificateWarnDays: number;
    /** 办公电话: the telephone letters give when the issuing user has none of their own ('' = not set). */
    officeTelephone: string;
  }
}

const STAFF_READS = ['org.read', 'unit.read', 'inspector.read'] as const;

export const orgsModule: ModuleDescriptor = {
  name: 'orgs',
  routes: orgRoutes,
  grants: {
    admin: [...STAFF_READS, 'org.manage', 'user.read', 'user.manage', 'unit.write', 'inspector.write'],
    leader: [...STAFF_READS, 'user.read'],
    legal: [...STAFF_READS],
    inspector: [...STAFF_READS, 'unit.write'],
    staff: [...STAFF_READS],
    unit: ['ownUnit.read'],
    superior: [...STAFF_READS, 'user.read'],
  },
  settings: {
    certificateWarnDays: defineSetting(count(0, 365, '天'), 30, '执法证到期提前提醒（天）'),
    officeTelephone: defineSetting(TelephoneText, '', '办公电话（经办人未填写联系电话时，文书附注使用此电话）'),
  },
  timelineWords: orgsTimelineWords,
  timeline: { unit: 'unit.read', inspector: 'inspector.read', inspectorConflict: 'inspector.read', user: 'user.read', org: 'org.read', department: 'org.read' },
  fieldLabels: {
    certificateWarnDays: '提醒天数',
    officeTelephone: '办公电话',
    telephone: '联系电话',
    creditCode: '统一社会信用代码',
    regionCode: '行政区划代码',
    'org.regionCode': '行政区划代码',
    'org.name': '机构名称',
    'org.level': '层级',
    'admin.username': '管理员用户名',
    'admin.password': '管理员密码',
  },
  demo: seedOrgsDemo,
};
export { units, inspectors, inspectorConflicts } from './schema.js';
export { issuingContact, letterContactOf } from './users/contact.service.js';
export { UNIT_TYPE_LABELS } from './labels.js';
