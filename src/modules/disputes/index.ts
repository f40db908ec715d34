/**
 * Public face of the disputes module (复议、诉讼, SPEC module 8). So far the register of
 * reconsideration and litigation cases that section 四 of the disclosure annual report counts. Other
 * modules read its kinds and outcomes from labels.ts and its views from contracts.ts.
 */
import type { ModuleDescriptor } from '../../kernel/module.js';
import { disputeRoutes } from './routes.js';
import { disputesTimelineWords } from './timeline.js';

declare module '../../kernel/auth/roles.js' {
  interface ActionRegistry {
    'dispute.read': true;
    'dispute.manage': true;
  }
}

export const disputesModule: ModuleDescriptor = {
  name: 'disputes',
  routes: disputeRoutes,
  grants: {
    admin: ['dispute.read', 'dispute.manage'],
    leader: ['dispute.read'],
    legal: ['dispute.read', 'dispute.manage'],
    staff: ['dispute.read'],
    superior: ['dispute.read'],
  },
  timelineWords: disputesTimelineWords,
  timeline: { dispute: 'dispute.read' },
};

// what the disclosure module reads for section 四 of its annual report and its figures
export { createDispute, disputesByIds, disputesFiledBetween, disputesFiledIn, updateDispute } from './disputes.service.js';
