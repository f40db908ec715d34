/**
 * Public face of the disputes module (复议、诉讼, SPEC module 8). So far the register of
 * reconsideration and litigation cases that section 四 of the disclosure annual report counts.
 */
export { disputeRoutes } from './routes.js';
export { disputes } from './schema.js';
export { disputesByIds, disputesFiledIn, presentDispute } from './service.js';
export { DISPUTE_KIND_LABELS, DISPUTE_KINDS, DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, type DisputeView } from './contracts.js';
