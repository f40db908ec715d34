/**
 * Public face of the enforcement module (行政处罚). So far the intake of 案件线索: other modules
 * hand a referral over with `createReferral` in their own transaction and list their own with
 * `referralsOfSource`; the inbox is /api/enforcement/referrals.
 */
import type { ModuleDescriptor } from '../../kernel/module.js';
import { enforcementRoutes } from './routes.js';
import { enforcementTimelineWords } from './timeline.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'enforcement.read': true;
    'enforcement.manage': true;
  }
}

export const enforcementModule: ModuleDescriptor = {
  name: 'enforcement',
  routes: enforcementRoutes,
  grants: {
    admin: ['enforcement.read', 'enforcement.manage'],
    leader: ['enforcement.read'],
    legal: ['enforcement.read', 'enforcement.manage'],
    inspector: ['enforcement.read', 'enforcement.manage'],
    staff: ['enforcement.read'],
    superior: ['enforcement.read'],
  },
  timelineWords: enforcementTimelineWords,
  timeline: { enforcementReferral: 'enforcement.read' },
};

export { enforcementReferrals } from './schema.js';
export { createReferral, referralsOfSource, type NewReferral } from './referrals.service.js';
export type { ReferralEntry, ReferralView } from './contracts.js';
